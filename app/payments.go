package app

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// paymentsStore is what the Payments area reads and writes.
type paymentsStore interface {
	Settings(ctx context.Context) (data.Settings, error)
	ReadyVisits(ctx context.Context, through data.Date) (sqlite.ReadyToPay, error)
	IssueStatements(ctx context.Context, which sqlite.IssueChoice, issuedOn data.Date) ([]data.Statement, error)
	OverrideFlags(ctx context.Context, ids []int64, reason string) error
	StatementSummaries(ctx context.Context, f data.StatementFilter) ([]data.StatementSummary, error)
	StatementChoices(ctx context.Context) (data.StatementChoices, error)
	MentorBalances(ctx context.Context) ([]data.MentorBalance, error)
	MentorBalance(ctx context.Context, mentorID int64) (data.MentorBalance, error)
	YearEnd(ctx context.Context) (data.YearEnd, error)
	Statement(ctx context.Context, number int) (data.Statement, error)
	IssueAdjustment(ctx context.Context, original int, lines []data.StatementLine, reason string, issuedOn data.Date) (data.Statement, error)
	MarkPaid(ctx context.Context, numbers []int, paidOn data.Date, ref string) error
}

// payments is the Payments area: visits ready to pay, issued statements, what each mentor is
// owed and has been paid, and year-end totals for 1099-NEC reporting.
type payments struct {
	d     deps
	store paymentsStore

	tabs     *container.AppTabs
	ready    *readyTab
	stmts    *statementsTab
	balances []data.MentorBalance
	balTable *widget.Table
	balTotal *widget.Label
	balPick  int
	yearEnd  data.YearEnd
	year     *widget.Select
	toReport *widget.Check
	yearRows []data.YearTotal
	yearNote *widget.Label
	yearList *widget.Table
	stale    [4]bool // tabs whose data changed since they were read, by index

	busy inflight // reads and writes under way
}

func newPayments(d deps) screen { return newPaymentsArea(d, d.store) }

func newPaymentsArea(d deps, st paymentsStore) *payments {
	p := &payments{d: d, store: st, balPick: -1, stale: [4]bool{true, true, true, true}}
	p.ready = &readyTab{p: p}
	p.stmts = &statementsTab{p: p}
	return p
}

func (p *payments) buildUI() fyne.CanvasObject {
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Ready to pay", p.ready.buildUI()),
		container.NewTabItem("Statements", p.stmts.buildUI()),
		container.NewTabItem("By mentor", p.balancesUI()),
		container.NewTabItem("Year-end", p.yearEndUI()),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.loadTab(p.tabs.SelectedIndex()) }
	return p.tabs
}

// The four tabs read what they show when they are shown: Ready to pay always (it is the first
// tab and issuing starts there), the others when selected and out of date. Ten years hold
// 60,000 statements; only the Statements tab lists any, and only those its filters choose.
const (
	readyTabIndex = iota
	statementsTabIndex
	balancesTabIndex
	yearEndTabIndex
)

// reload marks every tab out of date and reads the ready list and the tab on show: issuing,
// paying or adjusting changes all four.
func (p *payments) reload() {
	p.stale = [4]bool{true, true, true, true}
	p.loadTab(readyTabIndex)
	if p.tabs != nil {
		p.loadTab(p.tabs.SelectedIndex())
	}
}

// loadTab reads tab i again if it is out of date.
func (p *payments) loadTab(i int) {
	if i < 0 || i >= len(p.stale) || !p.stale[i] {
		return
	}
	p.stale[i] = false
	switch i {
	case readyTabIndex:
		p.ready.reload()
	case statementsTabIndex:
		p.stmts.load(true)
	case balancesTabIndex:
		payLoad(p, p.store.MentorBalances, p.showBalances)
	case yearEndTabIndex:
		payLoad(p, p.store.YearEnd, p.showYearEnd)
	}
}

// payLoad runs work off the UI goroutine and hands its result to done on it, counting what is
// under way so the area knows when it has settled; errors are shown and logged.
func payLoad[T any](p *payments, work func(ctx context.Context) (T, error), done func(T)) {
	payLoadOr(p, work, done, nil)
}

// payLoadOr is payLoad with failed run on the UI goroutine after an error is shown. Results
// land one at a time (landing), as track's do.
func payLoadOr[T any](p *payments, work func(ctx context.Context) (T, error), done func(T), failed func()) {
	p.busy.n.Add(1)
	go func() {
		v, err := work(context.Background())
		fyne.Do(func() {
			defer p.busy.n.Add(-1)
			if err != nil {
				log.Print(err)
				dialog.ShowError(err, p.d.win)
				if failed != nil {
					failed()
				}
				return
			}
			done(v)
		})
	}()
}

// settled reports whether nothing is being read or written.
func (p *payments) settled() bool { return p.busy.idle() }

// unsaved, saveEdits and discardEdits cover the adjustment and payment forms.
func (p *payments) unsaved() string              { return p.stmts.unsaved() }
func (p *payments) saveEdits(done func(ok bool)) { p.stmts.saveEdits(done) }
func (p *payments) discardEdits()                { p.stmts.discardEdits() }
func (p *payments) showStatementsOf(mentorID int64) {
	p.stmts.filterMentor(mentorID)
	p.tabs.SelectIndex(statementsTabIndex)
}
func (p *payments) showStatement(number int) {
	p.stmts.openNumber(number)
	p.tabs.SelectIndex(statementsTabIndex)
}

// --- By mentor ---

func (p *payments) balancesUI() fyne.CanvasObject {
	cols := []payColumn{
		{"Mentor", 200, func(r int) string { return p.balances[r].MentorName }, nil},
		{"E-mail", 230, func(r int) string { return p.balances[r].MentorEmail }, nil},
		{"Statements", 100, func(r int) string { return statementCount(p.balances[r]) }, nil},
		{"Owed", 110, func(r int) string { return p.balances[r].Owed.Dollars() }, nil},
		{"Paid", 110, func(r int) string { return p.balances[r].Paid.Dollars() }, nil},
		{"Total", 110, func(r int) string { return p.balances[r].Total().Dollars() }, nil},
	}
	p.balTable = newPayTable(payTableSpec{cols: cols, rows: func() int { return len(p.balances) },
		selected: func(r int) { p.balPick = r }})
	p.balTotal = widget.NewLabel("")
	show := widget.NewButtonWithIcon("Show their statements", theme.NavigateNextIcon(), func() {
		if p.balPick >= 0 && p.balPick < len(p.balances) {
			p.showStatementsOf(p.balances[p.balPick].MentorID)
		}
	})
	intro := widget.NewLabel("Everything owed (issued, not yet paid) and paid to each mentor: statements and adjustments together.")
	intro.Wrapping = fyne.TextWrapWord
	return border(intro, border(nil, nil, nil, show, p.balTotal), nil, nil, p.balTable)
}

func statementCount(b data.MentorBalance) string {
	if b.Adjustments == 0 {
		return strconv.Itoa(b.Statements)
	}
	return fmt.Sprintf("%d (%d adj.)", b.Statements, b.Adjustments)
}

func (p *payments) showBalances(bs []data.MentorBalance) {
	p.balances = bs
	var owed, paid data.Money
	for _, b := range bs {
		owed += b.Owed
		paid += b.Paid
	}
	p.balTotal.SetText(fmt.Sprintf("%s · owed %s · paid %s · total %s", plural(len(bs), "mentor", "mentors"),
		owed.Dollars(), paid.Dollars(), (owed + paid).Dollars()))
	p.balPick = -1
	p.balTable.UnselectAll()
	p.balTable.Refresh()
}

// --- Year-end ---

func (p *payments) yearEndUI() fyne.CanvasObject {
	p.year = widget.NewSelect(nil, func(string) { p.filterYear() })
	p.toReport = widget.NewCheck("Only mentors to report", func(bool) { p.filterYear() })
	p.yearNote = widget.NewLabel("")
	p.yearNote.Wrapping = fyne.TextWrapWord
	cols := []payColumn{
		{"Mentor", 220, func(r int) string { return p.yearRows[r].MentorName }, nil},
		{"Statements", 100, func(r int) string { return strconv.Itoa(p.yearRows[r].Statements) }, nil},
		{"Total", 120, func(r int) string { return p.yearRows[r].Total.Dollars() }, nil},
		{"1099-NEC", 260, func(r int) string {
			if p.yearRows[r].OverThreshold {
				return "At or over the threshold: report"
			}
			return ""
		}, nil},
	}
	p.yearList = newPayTable(payTableSpec{cols: cols, rows: func() int { return len(p.yearRows) },
		icon: func(r, c int) fyne.Resource {
			if c == 3 && p.yearRows[r].OverThreshold {
				return theme.WarningIcon()
			}
			return nil
		},
		importance: func(r, c int) widget.Importance {
			if c == 3 && p.yearRows[r].OverThreshold {
				return widget.WarningImportance
			}
			return widget.MediumImportance
		}})
	top := container.NewVBox(container.NewHBox(widget.NewLabel("Calendar year"), p.year, p.toReport, p.accountantButton()), p.yearNote)
	return border(top, nil, nil, nil, p.yearList)
}

func (p *payments) showYearEnd(ye data.YearEnd) {
	p.yearEnd = ye
	var years []string
	for _, t := range ye.Totals {
		y := strconv.Itoa(t.Year)
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Reverse(years)
	keep := p.year.Selected
	p.year.SetOptions(years)
	switch {
	case slices.Contains(years, keep):
		p.year.SetSelected(keep)
	case len(years) > 0:
		p.year.SetSelectedIndex(0)
	default:
		p.filterYear()
	}
}

// filterYear shows the chosen calendar year's totals.
func (p *payments) filterYear() {
	p.yearRows = p.yearRows[:0]
	over := 0
	var sum data.Money
	mentors := 0
	for _, t := range p.yearEnd.Totals {
		if strconv.Itoa(t.Year) != p.year.Selected {
			continue
		}
		mentors++
		sum += t.Total
		if t.OverThreshold {
			over++
		}
		if t.OverThreshold || !p.toReport.Checked {
			p.yearRows = append(p.yearRows, t)
		}
	}
	if p.year.Selected == "" {
		p.yearNote.SetText("No statements have been issued yet.")
	} else {
		p.yearNote.SetText(fmt.Sprintf("Statements and adjustments issued in %s: %s to %s. "+
			"The 1099-NEC reporting threshold is %s (change it in Settings); %s at or over it, marked below.",
			p.year.Selected, sum.Dollars(), plural(mentors, "mentor", "mentors"), p.yearEnd.Threshold.Dollars(),
			plural(over, "mentor is", "mentors are")))
	}
	p.yearList.Refresh()
}

// --- Tables ---

// payColumn is one column of a payments table.
type payColumn struct {
	title string
	width float32
	text  func(row int) string
	key   func(row int) string // how the column sorts, when not by its text (money, numbers)
}

// payTableSpec describes a payments table: its columns and, optionally, a tick box before each
// row, an icon or a colour for some cells, and what selecting a row does.
type payTableSpec struct {
	cols       []payColumn
	rows       func() int
	ticked     func(row int) bool // nil: no tick column
	tick       func(row int, on bool)
	icon       func(row, col int) fyne.Resource
	importance func(row, col int) widget.Importance
	selected   func(row int)
	// sort, when set, orders the rows by a column when its header is tapped (again: the other way).
	sort *paySort
}

const payTickWidth = 40

func newPayTable(s payTableSpec) *widget.Table {
	first := 0
	if s.ticked != nil {
		first = 1
	}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return s.rows(), len(s.cols) + first },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Whitman Middle School")
			// Clipped at the column's edge as a spreadsheet does: Fyne shapes an ellipsis afresh
			// on every refresh, which made a table of 60 rows take tens of milliseconds.
			l.Truncation = fyne.TextTruncateClip
			icon := widget.NewIcon(nil)
			icon.Hide()
			return container.NewStack(widget.NewCheck("", nil), container.NewBorder(nil, nil, icon, nil, l))
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			stack := o.(*fyne.Container)
			check := stack.Objects[0].(*widget.Check)
			cell := stack.Objects[1].(*fyne.Container)
			label, icon := cell.Objects[0].(*widget.Label), cell.Objects[1].(*widget.Icon)
			if id.Col < first {
				cell.Hide()
				check.OnChanged = nil
				check.SetChecked(s.ticked(id.Row))
				row := id.Row
				check.OnChanged = func(on bool) { s.tick(row, on) }
				check.Show()
				return
			}
			check.Hide()
			cell.Show()
			c := id.Col - first
			label.SetText(s.cols[c].text(id.Row))
			imp := widget.MediumImportance
			if s.importance != nil {
				imp = s.importance(id.Row, c)
			}
			if label.Importance != imp {
				label.Importance = imp
				label.Refresh()
			}
			var res fyne.Resource
			if s.icon != nil {
				res = s.icon(id.Row, c)
			}
			icon.SetResource(res)
			icon.Hidden = res == nil
			cell.Refresh()
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		if s.sort != nil {
			b := widget.NewButton("Continuation ▲", nil)
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			return b
		}
		return widget.NewLabelWithStyle("Continuation", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		title := ""
		if id.Col >= first {
			title = s.cols[id.Col-first].title
		}
		if b, ok := o.(*widget.Button); ok {
			col := id.Col - first
			if col >= 0 && s.sort.col == col {
				title += map[bool]string{false: " ▲", true: " ▼"}[s.sort.desc]
			}
			b.SetText(title)
			b.OnTapped = nil
			if col >= 0 {
				b.OnTapped = func() { s.sort.by(col, s.cols[col]); t.Refresh() }
			}
			return
		}
		if id.Col >= 0 {
			o.(*widget.Label).SetText(title)
		}
	}
	if first == 1 {
		t.SetColumnWidth(0, payTickWidth)
	}
	for i, c := range s.cols {
		t.SetColumnWidth(i+first, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if s.selected != nil && id.Row >= 0 {
			s.selected(id.Row)
		}
	}
	return t
}

// paidLockIcon marks sessions paid on an issued statement: they are locked (R6).
var paidLockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2zm-6 9c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2zm3.1-9H8.9V6c0-1.71 1.39-3.1 3.1-3.1s3.1 1.39 3.1 3.1v2z"/></svg>`)))

// statementNumbers names a run of statement numbers: "No. 158" or "No. 158–183".
func statementNumbers(sts []data.Statement) string {
	switch len(sts) {
	case 0:
		return "none"
	case 1:
		return fmt.Sprintf("No. %d", sts[0].Number)
	}
	first, last := sts[0].Number, sts[len(sts)-1].Number
	if last-first == len(sts)-1 {
		return fmt.Sprintf("No. %d–%d", first, last)
	}
	nums := make([]string, len(sts))
	for i, st := range sts {
		nums[i] = strconv.Itoa(st.Number)
	}
	return "No. " + payList(nums)
}

func payList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	s := items[0]
	for _, it := range items[1 : len(items)-1] {
		s += ", " + it
	}
	return s + " and " + items[len(items)-1]
}

// payTitle is a bold line heading a pane.
func payTitle(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
