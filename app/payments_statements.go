package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/mailing"
	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

// statementsTab lists the issued statements its filters choose (status, mentor, school, the
// period of the visit), read by SQL so ten years' statements are never held; one opens below the
// list with its lines.
type statementsTab struct {
	p    *payments
	sort *paySort // the column the list is sorted by

	set     data.Settings
	choices sqlite.StatementChoices
	shown   []sqlite.StatementSummary
	ticked  map[int]sqlite.StatementSummary // by number; kept when the filters change

	status, period *widget.Select
	who            *mentorSchoolFilter
	wantMentor     int64 // a mentor to filter by once the choices have loaded
	wantOpen       int   // a statement to open once it has been read
	reads          int   // the newest list asked for; older answers are dropped

	table     *widget.Table
	actions   *fyne.Container
	count     *widget.Label
	payBtn    *widget.Button
	adjBtn    *widget.Button
	pdfBtn    *widget.Button // the open statement's PDF
	export    *widget.Button // every statement to CSV
	detail    *fyne.Container
	opened    data.Statement
	fixes     []sqlite.StatementSummary // the adjustments of the statement open
	openedBal sqlite.MentorBalance      // its mentor's balance, for the adjustment's preview
	pay       *payForm
	adjust    *adjustForm
	loading   bool
}

const (
	anyPayStatus = "Issued and paid"
	anyPayMentor = "All mentors"
	anyPaySchool = "All schools"
	anyPayPeriod = "Any visit date"
)

// lastTwelveMonths is the period the list opens on: recent work, a few thousand statements at
// most, whatever the month.
const lastTwelveMonths = "Last 12 months"

var payPeriodChoices = []string{anyPayPeriod, lastTwelveMonths, "This month", "Last month", "This school year", "Last school year", "This calendar year", "Last calendar year"}

func (t *statementsTab) buildUI() fyne.CanvasObject {
	t.ticked = map[int]sqlite.StatementSummary{}
	refilter := func(string) {
		if !t.loading {
			t.load(false)
		}
	}
	t.status = widget.NewSelect([]string{anyPayStatus, "Issued, not yet paid", "Paid"}, refilter)
	t.who = newMentorSchoolFilter(func() { refilter("") })
	t.period = widget.NewSelect(payPeriodChoices, refilter)
	t.loading = true
	t.status.SetSelectedIndex(0)
	t.period.SetSelected(lastTwelveMonths)
	t.loading = false
	cols := []payColumn{
		{"No.", 60, func(i int) string { return strconv.Itoa(t.shown[i].Number) }, func(i int) string { return fmt.Sprintf("%012d", t.shown[i].Number) }},
		{"Visit", 100, func(i int) string { return t.shown[i].VisitDate.String() }, nil},
		{"Mentor", 170, func(i int) string { return t.shown[i].MentorName }, nil},
		{"School", 200, func(i int) string { return t.shown[i].School }, nil},
		{"Total", 100, func(i int) string { return t.shown[i].Total.Dollars() }, func(i int) string { return moneyKey(t.shown[i].Total) }},
		{"Sessions", 120, func(i int) string { return summarySessions(t.shown[i]) }, nil},
		{"Status", 190, func(i int) string { return summaryStatus(t.shown[i]) }, nil},
	}
	t.sort = newPaySort(func(key func(int) string, desc bool) { sortRows(t.shown, key, desc) })
	t.table = newPayTable(payTableSpec{cols: cols, rows: func() int { return len(t.shown) }, sort: t.sort,
		ticked: func(i int) bool { _, on := t.ticked[t.shown[i].Number]; return on },
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
	t.pdfBtn = widget.NewButtonWithIcon("Statement PDF…", theme.DocumentIcon(), func() {
		if t.opened.Number != 0 {
			saveStatementPDF(t.p.d, t.opened.Number)
		}
	})
	t.pdfBtn.Disable()
	filters := container.NewGridWithColumns(4, t.status, t.who.mentor, t.who.school, t.period)
	t.export = exportButton(t.p.d, csvio.Payments)
	t.actions = border(nil, nil, nil, container.NewHBox(t.pdfBtn, t.payBtn, t.adjBtn, t.export), t.count)
	t.detail = container.NewStack(emptyState("Select a statement to see its lines.", nil))
	split := container.NewVSplit(t.table, container.NewVScroll(t.detail))
	split.Offset = 0.55
	return border(container.NewVBox(filters, t.actions), nil, nil, nil, split)
}

// tick ticks or unticks the statement on row i for "Mark paid…".
func (t *statementsTab) tick(i int, on bool) {
	if i < 0 || i >= len(t.shown) {
		return
	}
	if on {
		t.ticked[t.shown[i].Number] = t.shown[i]
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
	set     data.Settings
	choices sqlite.StatementChoices
	list    []sqlite.StatementSummary
	open    openedStatement // the statement to show below the list; zero for none
	asked   sqlite.StatementFilter
}

// openedStatement is a statement with what its page shows beside its lines.
type openedStatement struct {
	st    data.Statement
	fixes []sqlite.StatementSummary
	bal   sqlite.MentorBalance
}

// readOpened reads statement number with its adjustments and its mentor's balance.
func readOpened(ctx context.Context, st paymentsStore, number int) (openedStatement, error) {
	var o openedStatement
	var err error
	if o.st, err = st.Statement(ctx, number); err != nil {
		return o, err
	}
	if o.fixes, err = st.StatementSummaries(ctx, sqlite.StatementFilter{Adjusts: number}); err != nil {
		return o, err
	}
	o.bal, err = st.MentorBalance(ctx, o.st.MentorID)
	return o, err
}

// statementQuery is what the filters ask for; the period becomes dates once the school year's
// start has been read.
type statementQuery struct {
	filter sqlite.StatementFilter
	period string
	today  data.Date
}

// query reads the filters as they stand.
func (t *statementsTab) query() statementQuery {
	q := statementQuery{period: t.period.Selected, today: t.p.d.today()}
	switch t.status.SelectedIndex() {
	case 1:
		q.filter.Status = data.Issued
	case 2:
		q.filter.Status = data.Paid
	}
	q.filter.MentorID = t.who.mentorID()
	if t.wantMentor != 0 {
		q.filter.MentorID = t.wantMentor
	}
	q.filter.SchoolID = t.who.schoolID()
	return q
}

// load reads the list the filters choose and the statement open; with choices, also what the
// filters offer, which only changes when statements are issued (reads side by side).
func (t *statementsTab) load(choices bool) {
	q, open := t.query(), t.reopening()
	t.reads++
	n := t.reads
	kept := t.choices
	payLoad(t.p, func(ctx context.Context) (statementsData, error) {
		sd := statementsData{choices: kept, asked: q.filter}
		var err error
		if sd.set, err = t.p.store.Settings(ctx); err != nil {
			return sd, err
		}
		sd.asked.From, sd.asked.Through = payPeriodRange(q.period, q.today, sd.set.SchoolYearStart)
		err = concurrently(
			func() (err error) {
				if choices {
					sd.choices, err = t.p.store.StatementChoices(ctx)
				}
				return err
			},
			func() (err error) {
				if sd.list, err = t.p.store.StatementSummaries(ctx, sd.asked); err == nil && open != 0 {
					sd.open, err = readOpened(ctx, t.p.store, open)
				}
				return err
			})
		return sd, err
	}, func(sd statementsData) {
		if n == t.reads {
			t.show(sd)
		}
	})
}

// reopening is the statement a reload should show: one just written, else the one open.
func (t *statementsTab) reopening() int {
	if t.wantOpen != 0 {
		return t.wantOpen
	}
	return t.opened.Number
}

func (t *statementsTab) show(sd statementsData) {
	t.set, t.choices, t.shown = sd.set, sd.choices, sd.list
	t.sort.apply()
	t.buildChoices(sd.asked.MentorID, sd.asked.SchoolID)
	if t.wantMentor == sd.asked.MentorID {
		t.wantMentor = 0
	}
	t.table.UnselectAll()
	t.table.Refresh()
	listed := func(n int) bool {
		return slices.ContainsFunc(t.shown, func(x sqlite.StatementSummary) bool { return x.Number == n })
	}
	switch n := sd.open.st.Number; {
	case n != 0 && t.wantOpen == n: // asked for: just written, or opened from another tab
		t.wantOpen = 0
		t.showStatement(sd.open)
	case n != 0 && t.wantOpen == 0 && listed(n): // the one open, read again
		t.showStatement(sd.open)
	case t.opened.Number != 0 && !listed(t.opened.Number):
		t.close() // the statement open below is no longer in the list
	}
	t.refreshActions()
}

// buildChoices fills the mentor and school filters with the choices read, selecting the mentor
// and school the list was read for.
func (t *statementsTab) buildChoices(mentorID, schoolID int64) {
	t.who.set(t.choices.Mentors, t.choices.Schools, mentorID, schoolID)
}

// filterMentor shows one mentor's statements (from the By mentor tab).
func (t *statementsTab) filterMentor(id int64) {
	t.wantMentor = id
	if t.p.tabs.SelectedIndex() == statementsTabIndex {
		t.load(false)
	} else {
		t.p.stale[statementsTabIndex] = true
	}
}

// close empties the pane below the list.
func (t *statementsTab) close() {
	t.opened, t.fixes, t.openedBal = data.Statement{}, nil, sqlite.MentorBalance{}
	t.detail.Objects = []fyne.CanvasObject{emptyState("Select a statement to see its lines.", nil)}
	t.detail.Refresh()
}

// payPeriodRange is the span of visit dates a period choice covers; zero dates for any period.
func payPeriodRange(choice string, today data.Date, start data.MonthDay) (from, through data.Date) {
	year := func(y int) (data.Date, data.Date) {
		return data.DateOf(y, 1, 1), data.DateOf(y, 12, 31)
	}
	switch choice {
	case lastTwelveMonths:
		return today.AddDays(1).AddMonths(-12), today
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
	for _, x := range t.ticked {
		out = append(out, x)
	}
	if len(out) == 0 && t.opened.Number != 0 {
		for _, x := range t.shown {
			if x.Number == t.opened.Number {
				out = append(out, x)
			}
		}
	}
	slices.SortFunc(out, func(a, b sqlite.StatementSummary) int { return a.Number - b.Number })
	return out
}

func (t *statementsTab) refreshActions() {
	var sum data.Money
	for _, x := range t.ticked {
		sum += x.Total
	}
	n := len(t.ticked)
	text := fmt.Sprintf("%s of %s", plural(len(t.shown), "statement", "statements"), strconv.Itoa(t.choices.Count))
	var shownSum data.Money
	for _, x := range t.shown {
		shownSum += x.Total
	}
	text += " · " + shownSum.Dollars()
	switch {
	case t.choices.Count == 0:
		text = "No statements have been issued yet: issue them from the Ready to pay tab."
	case len(t.shown) == 0:
		text = fmt.Sprintf("None of the %s matches the filters above: choose another period, mentor or school.",
			plural(t.choices.Count, "statement", "statements"))
	}
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
	for _, b := range []*widget.Button{t.adjBtn, t.pdfBtn} {
		if t.opened.Number != 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	t.actions.Refresh() // the button's text, and so its width, changed
}

// openNumber reads one statement with its lines and shows it below the list.
func (t *statementsTab) openNumber(number int) {
	t.wantOpen = number
	payLoad(t.p, func(ctx context.Context) (openedStatement, error) {
		return readOpened(ctx, t.p.store, number)
	}, func(o openedStatement) {
		if t.wantOpen != number {
			return
		}
		t.wantOpen = 0
		t.showStatement(o)
	})
}

func (t *statementsTab) showStatement(o openedStatement) {
	t.opened, t.fixes, t.openedBal = o.st, o.fixes, o.bal
	t.detail.Objects = []fyne.CanvasObject{t.statementPage(o.st)}
	t.detail.Refresh()
	for i, x := range t.shown {
		if x.Number == o.st.Number {
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
	box := container.NewVBox(payTitle(title), widget.NewLabel(status), sentStatus(t.p.d, "This statement", mailing.StatementDocument(st.Number)),
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
		box.Add(border(nil, nil, widget.NewIcon(icon), amount, widget.NewLabel(text)))
	}
	box.Add(border(nil, nil, nil, widget.NewLabelWithStyle("Total "+st.Total().Dollars(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})))
	if st.SessionsPaid() > 0 {
		box.Add(border(nil, nil, widget.NewIcon(paidLockIcon), nil,
			wrapLabel("The sessions paid here are locked: a correction is an adjustment statement (Adjust…).")))
	}
	var corrections []string
	for _, x := range t.fixes {
		corrections = append(corrections, fmt.Sprintf("No. %d (%s)", x.Number, x.Total.Dollars()))
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
	t.ticked = map[int]sqlite.StatementSummary{}
	t.wantOpen = number
	t.p.reload()
}
