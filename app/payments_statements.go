package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// statementsTab lists issued statements, filtered in memory by status, mentor, school and the
// period of the visit; one opens below the list with its lines.
type statementsTab struct {
	p *payments

	set    data.Settings
	all    []sqlite.StatementSummary
	shown  []sqlite.StatementSummary
	ticked map[int]bool

	status, mentor, school, period *widget.Select
	mentorIDs, schoolIDs           []int64
	wantMentor                     int64 // a mentor to filter by once the list has loaded
	wantOpen                       int   // a statement to open once the list has loaded

	table   *widget.Table
	actions *fyne.Container
	count   *widget.Label
	payBtn  *widget.Button
	adjBtn  *widget.Button
	detail  *fyne.Container
	opened  data.Statement
	pay     *payForm
	adjust  *adjustForm
	loading bool
}

const (
	anyPayStatus = "Issued and paid"
	anyPayMentor = "All mentors"
	anyPaySchool = "All schools"
	anyPayPeriod = "Any visit date"
)

var payPeriodChoices = []string{anyPayPeriod, "This month", "Last month", "This school year", "Last school year", "This calendar year", "Last calendar year"}

func (t *statementsTab) buildUI() fyne.CanvasObject {
	t.ticked = map[int]bool{}
	refilter := func(string) {
		if !t.loading {
			t.filter()
		}
	}
	t.status = widget.NewSelect([]string{anyPayStatus, "Issued, not yet paid", "Paid"}, refilter)
	t.mentor = widget.NewSelect(nil, refilter)
	t.school = widget.NewSelect(nil, refilter)
	t.period = widget.NewSelect(payPeriodChoices, refilter)
	t.loading = true
	t.status.SetSelectedIndex(0)
	t.period.SetSelectedIndex(0)
	t.loading = false
	cols := []payColumn{
		{"No.", 60, func(i int) string { return strconv.Itoa(t.shown[i].Number) }},
		{"Visit", 100, func(i int) string { return t.shown[i].VisitDate.String() }},
		{"Mentor", 170, func(i int) string { return t.shown[i].MentorName }},
		{"School", 200, func(i int) string { return t.shown[i].School }},
		{"Sessions", 130, func(i int) string { return summarySessions(t.shown[i]) }},
		{"Total", 100, func(i int) string { return t.shown[i].Total.Dollars() }},
		{"Status", 190, func(i int) string { return summaryStatus(t.shown[i]) }},
	}
	t.table = newPayTable(payTableSpec{cols: cols, rows: func() int { return len(t.shown) },
		ticked: func(i int) bool { return t.ticked[t.shown[i].Number] },
		tick:   t.tick,
		importance: func(i, c int) widget.Importance {
			if c == 6 && t.shown[i].Status == data.Paid {
				return widget.SuccessImportance
			}
			return widget.MediumImportance
		},
		selected: func(i int) { t.openNumber(t.shown[i].Number) }})
	t.count = widget.NewLabel("")
	t.payBtn = widget.NewButtonWithIcon("Mark paid…", theme.ConfirmIcon(), t.onMarkPaid)
	t.adjBtn = widget.NewButtonWithIcon("Adjust…", theme.DocumentCreateIcon(), t.onAdjust)
	t.adjBtn.Disable()
	t.payBtn.Disable()
	pdf := widget.NewButtonWithIcon("Statement PDF…", theme.DocumentIcon(), func() {
		if t.opened.Number != 0 {
			saveStatementPDF(t.p.d, t.opened.Number)
		}
	})
	filters := container.NewGridWithColumns(4, t.status, t.mentor, t.school, t.period)
	t.actions = container.NewBorder(nil, nil, nil, container.NewHBox(pdf, t.payBtn, t.adjBtn), t.count)
	t.detail = container.NewStack(emptyState("Select a statement to see its lines.", nil))
	split := container.NewVSplit(t.table, container.NewVScroll(t.detail))
	split.Offset = 0.55
	return container.NewBorder(container.NewVBox(filters, t.actions), nil, nil, nil, split)
}

// tick ticks or unticks the statement on row i for "Mark paid…".
func (t *statementsTab) tick(i int, on bool) {
	if i < 0 || i >= len(t.shown) {
		return
	}
	if on {
		t.ticked[t.shown[i].Number] = true
	} else {
		delete(t.ticked, t.shown[i].Number)
	}
	t.refreshActions()
}

func summarySessions(x sqlite.StatementSummary) string {
	if x.Adjusts != 0 {
		return fmt.Sprintf("adjusts No. %d", x.Adjusts)
	}
	return strconv.Itoa(x.Sessions)
}

func summaryStatus(x sqlite.StatementSummary) string {
	if x.Status == data.Paid {
		return "Paid " + x.PaidOn.String()
	}
	return "Issued " + x.IssuedOn.String()
}

type statementsData struct {
	set  data.Settings
	all  []sqlite.StatementSummary
	open data.Statement // the statement to show below the list; zero for none
}

// loadStatements reads the list and, with it, the statement numbered open (zero: none), so one
// result refreshes the whole tab.
func loadStatements(ctx context.Context, st paymentsStore, open int) (statementsData, error) {
	var sd statementsData
	var err error
	if sd.set, err = st.Settings(ctx); err != nil {
		return sd, err
	}
	if sd.all, err = st.StatementSummaries(ctx, sqlite.StatementFilter{}); err != nil {
		return sd, err
	}
	if open != 0 {
		sd.open, err = st.Statement(ctx, open)
	}
	return sd, err
}

// reopening is the statement a reload should show: one just written, else the one open.
func (t *statementsTab) reopening() int {
	if t.wantOpen != 0 {
		return t.wantOpen
	}
	return t.opened.Number
}

func (t *statementsTab) show(sd statementsData) {
	t.set, t.all = sd.set, sd.all
	t.buildChoices()
	t.filter()
	if sd.open.Number != 0 && (t.wantOpen == 0 || t.wantOpen == sd.open.Number) {
		t.wantOpen = 0
		t.showStatement(sd.open)
	}
}

// buildChoices fills the mentor and school filters from the statements, keeping the choice.
func (t *statementsTab) buildChoices() {
	mentors, schools := map[int64]string{}, map[int64]string{}
	for _, x := range t.all {
		mentors[x.MentorID] = x.MentorName
		schools[x.SchoolID] = x.School
	}
	pick := func(sel *widget.Select, ids *[]int64, names map[int64]string, all string, want int64) {
		keep := int64(-1)
		if i := sel.SelectedIndex(); i > 0 && i < len(*ids) {
			keep = (*ids)[i]
		}
		if want != 0 {
			keep = want
		}
		*ids = []int64{0}
		for id := range names {
			*ids = append(*ids, id)
		}
		slices.SortFunc((*ids)[1:], func(a, b int64) int {
			return strings.Compare(strings.ToLower(names[a]), strings.ToLower(names[b]))
		})
		opts := []string{all}
		at := 0
		for i, id := range (*ids)[1:] {
			opts = append(opts, names[id])
			if id == keep {
				at = i + 1
			}
		}
		sel.SetOptions(opts)
		sel.SetSelectedIndex(at)
	}
	t.loading = true
	pick(t.mentor, &t.mentorIDs, mentors, anyPayMentor, t.wantMentor)
	pick(t.school, &t.schoolIDs, schools, anyPaySchool, 0)
	t.loading = false
	t.wantMentor = 0
}

// filterMentor shows one mentor's statements (from the By mentor tab).
func (t *statementsTab) filterMentor(id int64) {
	for i, m := range t.mentorIDs {
		if m == id {
			t.mentor.SetSelectedIndex(i)
			return
		}
	}
	t.wantMentor = id
}

// filter applies the four filters in memory, so changing one never waits for the database.
func (t *statementsTab) filter() {
	var mentorID, schoolID int64
	if i := t.mentor.SelectedIndex(); i > 0 && i < len(t.mentorIDs) {
		mentorID = t.mentorIDs[i]
	}
	if i := t.school.SelectedIndex(); i > 0 && i < len(t.schoolIDs) {
		schoolID = t.schoolIDs[i]
	}
	from, through := payPeriodRange(t.period.Selected, t.p.d.today(), t.set.SchoolYearStart)
	t.shown = t.shown[:0]
	for _, x := range t.all {
		switch {
		case t.status.SelectedIndex() == 1 && x.Status != data.Issued,
			t.status.SelectedIndex() == 2 && x.Status != data.Paid,
			mentorID != 0 && x.MentorID != mentorID,
			schoolID != 0 && x.SchoolID != schoolID,
			!from.IsZero() && (x.VisitDate < from || x.VisitDate > through):
			continue
		}
		t.shown = append(t.shown, x)
	}
	t.table.UnselectAll()
	t.table.Refresh()
	if t.opened.Number != 0 && !slices.ContainsFunc(t.shown, func(x sqlite.StatementSummary) bool { return x.Number == t.opened.Number }) {
		t.close() // the statement open below is no longer in the list
	}
	t.refreshActions()
}

// close empties the pane below the list.
func (t *statementsTab) close() {
	t.opened = data.Statement{}
	t.detail.Objects = []fyne.CanvasObject{emptyState("Select a statement to see its lines.", nil)}
	t.detail.Refresh()
}

// payPeriodRange is the span of visit dates a period choice covers; zero dates for any period.
func payPeriodRange(choice string, today data.Date, start data.MonthDay) (from, through data.Date) {
	year := func(y int) (data.Date, data.Date) {
		return data.DateOf(y, 1, 1), data.DateOf(y, 12, 31)
	}
	switch choice {
	case "This month":
		return today.FirstOfMonth(), today.FirstOfMonth().AddMonths(1).AddDays(-1)
	case "Last month":
		f := today.FirstOfMonth().AddMonths(-1)
		return f, today.FirstOfMonth().AddDays(-1)
	case "This school year":
		return data.SchoolYearOf(today, start).Bounds(start)
	case "Last school year":
		return (data.SchoolYearOf(today, start) - 1).Bounds(start)
	case "This calendar year":
		return year(today.Year())
	case "Last calendar year":
		return year(today.Year() - 1)
	}
	return 0, 0
}

// payTargets are the statements "Mark paid…" acts on: the ticked ones, else the one open.
func (t *statementsTab) payTargets() []sqlite.StatementSummary {
	var out []sqlite.StatementSummary
	for _, x := range t.all {
		if t.ticked[x.Number] || (len(t.ticked) == 0 && x.Number == t.opened.Number) {
			out = append(out, x)
		}
	}
	return out
}

func (t *statementsTab) refreshActions() {
	var sum data.Money
	n := 0
	for _, x := range t.all {
		if t.ticked[x.Number] {
			sum += x.Total
			n++
		}
	}
	text := fmt.Sprintf("%s of %s", plural(len(t.shown), "statement", "statements"), strconv.Itoa(len(t.all)))
	var shownSum data.Money
	for _, x := range t.shown {
		shownSum += x.Total
	}
	text += " · " + shownSum.Dollars()
	if n > 0 {
		text += fmt.Sprintf(" · %d ticked, %s", n, sum.Dollars())
	}
	t.count.SetText(text)
	if len(t.payTargets()) > 0 {
		t.payBtn.Enable()
	} else {
		t.payBtn.Disable()
	}
	if n > 0 {
		t.payBtn.SetText(fmt.Sprintf("Mark %d paid…", n))
	} else {
		t.payBtn.SetText("Mark paid…")
	}
	if t.opened.Number != 0 {
		t.adjBtn.Enable()
	} else {
		t.adjBtn.Disable()
	}
	t.actions.Refresh() // the button's text, and so its width, changed
}

// openNumber reads one statement with its lines and shows it below the list.
func (t *statementsTab) openNumber(number int) {
	t.wantOpen = number
	payLoad(t.p, func(ctx context.Context) (data.Statement, error) {
		return t.p.store.Statement(ctx, number)
	}, func(st data.Statement) {
		if t.wantOpen != number {
			return
		}
		t.wantOpen = 0
		t.showStatement(st)
	})
}

func (t *statementsTab) showStatement(st data.Statement) {
	t.opened = st
	t.detail.Objects = []fyne.CanvasObject{t.statementPage(st)}
	t.detail.Refresh()
	for i, x := range t.shown {
		if x.Number == st.Number {
			t.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
		}
	}
	t.refreshActions()
}

func (t *statementsTab) statementPage(st data.Statement) fyne.CanvasObject {
	title := fmt.Sprintf("Statement No. %d", st.Number)
	if st.Adjusts != 0 {
		title = fmt.Sprintf("Adjustment statement No. %d, correcting No. %d", st.Number, st.Adjusts)
	}
	status := "Issued " + st.IssuedOn.Long() + " · not yet paid"
	if st.Status == data.Paid {
		status = "Issued " + st.IssuedOn.Long() + " · paid " + st.PaidOn.Long()
		if st.PaidRef != "" {
			status += " (" + st.PaidRef + ")"
		}
	}
	box := container.NewVBox(payTitle(title), widget.NewLabel(status),
		widget.NewLabel(fmt.Sprintf("%s (%s) · %s · visit of %s", st.MentorName, st.MentorEmail, st.School, st.VisitDate.Long())))
	if st.Adjusts != 0 {
		box.Add(wrapLabel("Reason: " + st.Reason))
	}
	for _, l := range st.Lines {
		icon := theme.ContentAddIcon()
		text := l.Description
		switch l.Kind {
		case data.SessionLine:
			icon = paidLockIcon
			text = fmt.Sprintf("%s–%s  %s · %s", l.Start, l.Start.Add(l.Minutes), l.Classroom, l.Program.Title())
		case data.AdjustmentLine:
			icon = theme.DocumentCreateIcon()
		}
		amount := widget.NewLabel(l.Amount.Dollars())
		amount.Alignment = fyne.TextAlignTrailing
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), amount, widget.NewLabel(text)))
	}
	box.Add(container.NewBorder(nil, nil, nil, widget.NewLabelWithStyle("Total "+st.Total().Dollars(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})))
	if st.SessionsPaid() > 0 {
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(paidLockIcon), nil,
			wrapLabel("The sessions paid here are locked: a correction is an adjustment statement (Adjust…).")))
	}
	var corrections []string
	for _, x := range t.all {
		if x.Adjusts == st.Number {
			corrections = append(corrections, fmt.Sprintf("No. %d (%s)", x.Number, x.Total.Dollars()))
		}
	}
	if len(corrections) > 0 {
		box.Add(wrapLabel("Corrected by adjustment statement " + payList(corrections) + "."))
	}
	for _, n := range data.Notices {
		l := widget.NewLabelWithStyle(n, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return container.NewPadded(box)
}

// unsaved names an adjustment or payment being entered, so the shell asks before it is lost.
func (t *statementsTab) unsaved() string {
	switch {
	case t.adjust != nil && t.adjust.isOpen() && t.adjust.dirty():
		return fmt.Sprintf("the adjustment of statement No. %d", t.adjust.orig.Number)
	case t.pay != nil && t.pay.isOpen() && t.pay.dirty():
		return "the payment of " + t.pay.what()
	}
	return ""
}

func (t *statementsTab) saveEdits(done func(ok bool)) {
	switch {
	case t.adjust != nil && t.adjust.isOpen():
		t.adjust.submit(done)
	case t.pay != nil && t.pay.isOpen():
		t.pay.submit(done)
	default:
		done(true)
	}
}

func (t *statementsTab) discardEdits() {
	if t.adjust != nil {
		t.adjust.close()
	}
	if t.pay != nil {
		t.pay.close()
	}
}

func (t *statementsTab) onMarkPaid() {
	targets := t.payTargets()
	if len(targets) == 0 {
		return
	}
	t.pay = newPayForm(t, targets)
	t.pay.show()
}

func (t *statementsTab) onAdjust() {
	if t.opened.Number == 0 {
		return
	}
	t.adjust = newAdjustForm(t, t.opened)
	t.adjust.show()
}

// changed reloads the whole area after a payment or an adjustment and opens number.
func (t *statementsTab) changed(number int) {
	t.ticked = map[int]bool{}
	t.wantOpen = number
	t.p.reload()
}
