package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

// readyTab lists the visits ready to pay (R3) through a date, with what each statement will
// pay (R4, R5), and issues the ticked ones.
type readyTab struct {
	p *payments

	list    sqlite.ReadyToPay   // Visits: those the mentor and school filters let through
	whole   []sqlite.ReadyVisit // every visit ready through the date
	who     *mentorSchoolFilter // the mentor and school to show
	shows   int                 // lists shown, so a caller can tell a new one landed
	ticked  map[sqlite.VisitKey]bool
	through *widgets.DateEntry
	table   *widget.Table
	summary *widget.Label
	issued  *widget.Label
	issue   *widget.Button
	all     *widget.Button
	none    *widget.Button
	detail  *fyne.Container
	bar     *fyne.Container
	busy    *widget.ProgressBarInfinite
	working bool

	confirm   dialog.Dialog
	confirmOK *widget.Button

	sort       *paySort // the column the list is sorted by
	heldNote   *widget.Label
	heldReview *widget.Button
	heldBox    *fyne.Container
	foot       *fyne.Container // the issued note, the held visits and the summary
	held       *heldDialog     // the held visits' dialog last opened
}

func (r *readyTab) buildUI() fyne.CanvasObject {
	r.ticked = map[sqlite.VisitKey]bool{}
	r.through = widgets.NewDateEntry(false)
	r.through.SetDate(r.p.d.today())
	r.who = newMentorSchoolFilter(r.refilter)
	r.through.OnChanged = func(string) {
		if _, err := r.through.Date(); err == nil {
			r.reload()
		}
	}
	// Total comes right after who and where, so it is in sight without scrolling sideways.
	cols := []payColumn{
		{"Visit", 100, func(i int) string { return r.list.Visits[i].Visit.Date.String() }, nil},
		{"Mentor", 170, func(i int) string { return r.list.Visits[i].Visit.MentorName }, nil},
		{"School", 200, func(i int) string { return r.list.Visits[i].Visit.School }, nil},
		{"Total", 100, func(i int) string { return r.list.Visits[i].Draft.Total().Dollars() },
			func(i int) string { return moneyKey(r.list.Visits[i].Draft.Total()) }},
		{"Sessions", 140, func(i int) string { return readySessions(r.list.Visits[i]) }, nil},
		{"Sessions pay", 110, func(i int) string { return r.list.Visits[i].Draft.SessionAmount().Dollars() },
			func(i int) string { return moneyKey(r.list.Visits[i].Draft.SessionAmount()) }},
		{"Continuation", 110, func(i int) string { return dashIfZero(r.list.Visits[i].Draft.ContinuationAmount()) },
			func(i int) string { return moneyKey(r.list.Visits[i].Draft.ContinuationAmount()) }},
	}
	r.sort = newPaySort(func(key func(int) string, desc bool) { sortRows(r.list.Visits, key, desc) })
	r.table = newPayTable(payTableSpec{cols: cols, rows: func() int { return len(r.list.Visits) }, sort: r.sort,
		ticked: func(i int) bool { return r.ticked[r.list.Visits[i].Key()] },
		tick:   func(i int, on bool) { r.setTicked(i, on) },
		selected: func(i int) {
			r.showVisit(r.list.Visits[i])
		}})
	r.all = widget.NewButton("Select all", func() { r.tickAll(true) })
	r.none = widget.NewButton("Select none", func() { r.tickAll(false) })
	r.issue = widget.NewButtonWithIcon("Issue statements", theme.DocumentCreateIcon(), r.onIssue)
	r.issue.Importance = widget.HighImportance
	r.busy = widget.NewProgressBarInfinite()
	r.busy.Stop()
	r.busy.Hide()
	r.summary = widget.NewLabel("")
	r.summary.Wrapping = fyne.TextWrapWord
	r.issued = widget.NewLabel("")
	r.issued.Wrapping = fyne.TextWrapWord
	r.issued.Importance = widget.SuccessImportance
	r.issued.Hide()
	// One line, unwrapped: a wrapped label above the summary would be drawn over it.
	r.heldNote = widget.NewLabel("")
	r.heldNote.Truncation = fyne.TextTruncateEllipsis
	r.heldNote.Importance = widget.WarningImportance
	r.heldReview = widget.NewButton("Review held visits…", r.onReviewHeld)
	r.heldBox = border(nil, nil, nil, r.heldReview, r.heldNote)
	r.heldBox.Hide()
	r.bar = container.NewHBox(widget.NewLabel("Ready through"), r.through, r.who.mentor, r.who.school, layout.NewSpacer(), r.all, r.none, r.issue)
	r.detail = container.NewStack(emptyState("Select a visit to see its sessions and what its statement pays.", nil))
	split := container.NewVSplit(r.table, container.NewVScroll(r.detail))
	split.Offset = 0.62
	r.foot = container.NewVBox(r.issued, r.heldBox, r.summary)
	return border(container.NewVBox(r.bar, r.busy), r.foot, nil, nil, split)
}

func readySessions(v sqlite.ReadyVisit) string {
	paid := v.Draft.SessionsPaid()
	cancelled, locked := 0, 0
	for _, s := range v.Visit.Sessions {
		switch {
		case s.Status == data.Cancelled:
			cancelled++
		case s.Locked():
			locked++
		}
	}
	t := fmt.Sprint(paid)
	if cancelled > 0 {
		t += fmt.Sprintf(" · %d cancelled", cancelled)
	}
	if locked > 0 {
		t += fmt.Sprintf(" · %d paid", locked)
	}
	return t
}

func dashIfZero(m data.Money) string {
	if m == 0 {
		return "—"
	}
	return m.Dollars()
}

// reload reads the ready list again for the date typed (the other tabs do not depend on it).
func (r *readyTab) reload() {
	through, err := r.through.Date()
	if err != nil {
		return
	}
	payLoad(r.p, func(ctx context.Context) (sqlite.ReadyToPay, error) {
		return r.p.store.ReadyVisits(ctx, through)
	}, func(list sqlite.ReadyToPay) { r.show(through, list) })
}

func (r *readyTab) show(through data.Date, list sqlite.ReadyToPay) {
	if cur, _ := r.through.Date(); cur != through {
		return // the date changed while this list was read
	}
	r.list, r.whole = list, list.Visits
	mentors, schools := map[int64]string{}, map[int64]string{}
	for _, v := range r.whole {
		mentors[v.Visit.MentorID], schools[v.Visit.SchoolID] = v.Visit.MentorName, v.Visit.School
	}
	r.who.set(sortedNames(mentors), sortedNames(schools), r.who.mentorID(), r.who.schoolID())
	r.shows++
	r.refilter()
}

// refilter shows the visits of the mentor and school chosen; ticks on visits no longer shown are
// dropped, so what is issued is always what is in sight.
func (r *readyTab) refilter() {
	mentor, school := r.who.mentorID(), r.who.schoolID()
	r.list.Visits = nil
	for _, v := range r.whole {
		if (mentor == 0 || v.Visit.MentorID == mentor) && (school == 0 || v.Visit.SchoolID == school) {
			r.list.Visits = append(r.list.Visits, v)
		}
	}
	r.sort.apply()
	keep := map[sqlite.VisitKey]bool{}
	for _, v := range r.list.Visits {
		if r.ticked[v.Key()] {
			keep[v.Key()] = true
		}
	}
	r.ticked = keep
	r.table.UnselectAll()
	r.table.Refresh()
	r.detail.Objects = []fyne.CanvasObject{emptyState("Select a visit to see its sessions and what its statement pays.", nil)}
	r.detail.Refresh()
	r.refreshSummary()
}

func (r *readyTab) setTicked(i int, on bool) {
	if i < 0 || i >= len(r.list.Visits) {
		return
	}
	k := r.list.Visits[i].Key()
	if on {
		r.ticked[k] = true
	} else {
		delete(r.ticked, k)
	}
	r.refreshSummary()
}

func (r *readyTab) tickAll(on bool) {
	r.ticked = map[sqlite.VisitKey]bool{}
	if on {
		for _, v := range r.list.Visits {
			r.ticked[v.Key()] = true
		}
	}
	r.table.Refresh()
	r.refreshSummary()
}

// chosen are the ticked visits in list (R6) order.
func (r *readyTab) chosen() []sqlite.ReadyVisit {
	var out []sqlite.ReadyVisit
	for _, v := range r.list.Visits {
		if r.ticked[v.Key()] {
			out = append(out, v)
		}
	}
	return out
}

func readyTotal(vs []sqlite.ReadyVisit) data.Money {
	var t data.Money
	for _, v := range vs {
		t += v.Draft.Total()
	}
	return t
}

func (r *readyTab) refreshSummary() {
	through, _ := r.through.Date()
	text := fmt.Sprintf("%s ready to pay through %s, totalling %s.", plural(len(r.list.Visits), "visit", "visits"),
		through, readyTotal(r.list.Visits).Dollars())
	if r.who.any() {
		text = fmt.Sprintf("%d of the %s ready to pay through %s %s the mentor and school chosen, totalling %s.",
			len(r.list.Visits), plural(len(r.whole), "visit", "visits"), through,
			map[bool]string{true: "matches", false: "match"}[len(r.list.Visits) == 1], readyTotal(r.list.Visits).Dollars())
		if r.list.Waiting > 0 || r.list.Unmarked > 0 {
			text += " For all mentors and schools:"
		}
	}
	if r.list.Waiting > 0 {
		text += fmt.Sprintf(" %s through that date %s for the instructor's confirmation.",
			plural(r.list.Waiting, "visit", "visits"), map[bool]string{true: "waits", false: "wait"}[r.list.Waiting == 1])
	}
	if r.list.Unmarked > 0 {
		text += fmt.Sprintf(" %s through that date %s a session not yet marked completed or confirmed.",
			plural(r.list.Unmarked, "visit", "visits"), map[bool]string{true: "has", false: "have"}[r.list.Unmarked == 1])
	}
	r.summary.SetText(text)
	r.heldNote.SetText(heldText(r.list.Held))
	r.heldBox.Hidden = len(r.list.Held) == 0
	r.foot.Refresh() // the footer's rows changed
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.foot); c != nil {
		c.Content().Refresh() // and so the room the table has above it
	}
	chosen := r.chosen()
	if len(chosen) == 0 {
		r.issue.SetText("Issue statements")
		r.issue.Disable()
	} else {
		r.issue.SetText(fmt.Sprintf("Issue %s (%s)", plural(len(chosen), "statement", "statements"), readyTotal(chosen).Dollars()))
		if !r.working {
			r.issue.Enable()
		}
	}
	if len(r.list.Visits) == 0 {
		r.all.Disable()
	} else {
		r.all.Enable()
	}
	r.bar.Refresh() // the button's text, and so its width, changed
}

// showVisit lists the visit's sessions and the lines its statement will have.
func (r *readyTab) showVisit(v sqlite.ReadyVisit) {
	box := container.NewVBox(payTitle(fmt.Sprintf("%s at %s on %s", v.Visit.MentorName, v.Visit.School, v.Visit.Date.Long())))
	paid := map[int64]data.Money{}
	for _, l := range v.Draft.Lines {
		if l.Kind == data.SessionLine {
			paid[l.SessionID] = l.Amount
		}
	}
	for _, s := range v.Visit.Sessions {
		text := fmt.Sprintf("%s–%s  %s · %s · %s", s.Start, s.End(), s.Classroom, s.Program.Title(), data.Label(s.Status))
		icon := theme.ConfirmIcon()
		switch {
		case s.Locked():
			icon = paidLockIcon
			text += " · locked: already paid on an issued statement"
		case s.Status == data.Cancelled:
			icon = theme.CancelIcon()
			text += " · pays nothing"
			if s.CancelReason != "" {
				text += " (" + s.CancelReason + ")"
			}
		default:
			text += " · " + paid[s.ID].Dollars()
		}
		box.Add(border(nil, nil, widget.NewIcon(icon), nil, widget.NewLabel(text)))
	}
	if c := v.Draft.ContinuationAmount(); c != 0 {
		for _, l := range v.Draft.Lines {
			if l.Kind == data.ContinuationLine {
				box.Add(border(nil, nil, widget.NewIcon(theme.ContentAddIcon()), nil,
					widget.NewLabel(l.Description+" · "+l.Amount.Dollars())))
			}
		}
	}
	box.Add(widget.NewLabelWithStyle("Statement total "+v.Draft.Total().Dollars(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	r.detail.Objects = []fyne.CanvasObject{container.NewPadded(box)}
	r.detail.Refresh()
}

// onIssue asks before issuing: a statement, once issued, never changes.
func (r *readyTab) onIssue() {
	chosen := r.chosen()
	if len(chosen) == 0 || r.working {
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("Issue %s totalling %s, dated %s?\n\n"+
		"Issued statements are numbered and can never be changed; their sessions become locked. "+
		"A later correction is recorded as an adjustment statement.",
		plural(len(chosen), "statement", "statements"), readyTotal(chosen).Dollars(), r.p.d.today()))
	msg.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButton("Cancel", func() { r.confirm.Hide() })
	r.confirmOK = widget.NewButton("Issue", func() {
		r.confirm.Hide()
		r.issueNow(chosen)
	})
	r.confirmOK.Importance = widget.HighImportance
	r.confirm = dialog.NewCustomWithoutButtons("Issue statements", container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, r.confirmOK)), r.p.d.win)
	r.confirm.Resize(fyne.NewSize(480, 0))
	r.confirm.Show()
}

// issueNow issues in one transaction off the UI goroutine; the bar runs until it is done.
func (r *readyTab) issueNow(chosen []sqlite.ReadyVisit) {
	keys := make([]sqlite.VisitKey, len(chosen))
	for i, v := range chosen {
		keys[i] = v.Key()
	}
	today := r.p.d.today()
	r.working = true
	r.issue.Disable()
	r.issue.SetText(fmt.Sprintf("Issuing %s…", plural(len(keys), "statement", "statements")))
	r.bar.Refresh()
	r.busy.Show()
	r.busy.Start()
	payLoadOr(r.p, func(ctx context.Context) ([]data.Statement, error) {
		return r.p.store.IssueStatements(ctx, sqlite.IssueChoice{Visits: keys}, today)
	}, func(sts []data.Statement) { r.issuedNow(sts, today) }, r.issueFailed)
}

// issueFailed ends the progress indication; the store's message has been shown.
func (r *readyTab) issueFailed() {
	r.working = false
	r.busy.Stop()
	r.busy.Hide()
	r.refreshSummary()
	r.p.reload()
}

func (r *readyTab) issuedNow(sts []data.Statement, today data.Date) {
	r.working = false
	r.busy.Stop()
	r.busy.Hide()
	var sum data.Money
	for _, st := range sts {
		sum += st.Total()
	}
	text := fmt.Sprintf("Issued %s, %s, totalling %s on %s.", plural(len(sts), "statement", "statements"),
		statementNumbers(sts), sum.Dollars(), today)
	r.issued.SetText(text)
	r.issued.Show()
	r.ticked = map[sqlite.VisitKey]bool{}
	if len(sts) > 0 {
		first := sts[0].Number
		open := "Open the first"
		if len(sts) == 1 {
			open = fmt.Sprintf("Open No. %d", first)
		}
		done := dialog.NewCustomConfirm("Statements issued", open, "Close", widget.NewLabel(text), func(open bool) {
			if open {
				r.p.showStatement(first)
			}
		}, r.p.d.win)
		done.Show()
	}
	r.p.reload()
}
