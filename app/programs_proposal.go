package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

// termColours tell the terms apart on the calendar; the mentor's other sessions are grey.
var (
	termColours = []color.Color{
		color.NRGBA{0x1f, 0x6f, 0xb5, 0xff}, color.NRGBA{0x26, 0x73, 0x36, 0xff},
		color.NRGBA{0x8a, 0x4f, 0xb8, 0xff}, color.NRGBA{0xa5, 0x5a, 0x0c, 0xff},
	}
	otherSessionColour = color.NRGBA{0x8a, 0x8a, 0x8a, 0xff}
)

// proposalView shows the planner's proposal on a list and the session calendar, lets the
// director move a date (checked again at once by R9), and saves it on Accept.
type proposalView struct {
	d      deps
	store  wizardStore
	back   func()
	closed func(saved int64, year data.SchoolYear)
	events map[int64][]data.Event

	req      data.PlanRequest
	plan     data.Plan
	taken    sqlite.TakenSlots
	sessions []data.PlannedSession
	problems [][]string
	selected int // index into sessions, -1 for none
	saving   bool
	saved    bool

	summary, flags, failures, detail *widget.Label
	list                             *widget.List
	cal                              *widgets.SessionCalendar
	moveTo                           *widgets.DateEntry
	moveBtn, acceptBtn               *widget.Button
	status                           *widget.Label
}

func newProposalView(d deps, store wizardStore, p proposal, events map[int64][]data.Event, back func(), closed func(int64, data.SchoolYear)) *proposalView {
	v := &proposalView{d: d, store: store, back: back, closed: closed, events: events,
		req: p.req, plan: p.plan, taken: p.taken, sessions: slices.Clone(p.plan.Sessions), selected: -1}
	v.recheck()
	return v
}

func (v *proposalView) buildUI() fyne.CanvasObject {
	v.summary = widget.NewLabelWithStyle(v.summaryText(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary.Wrapping = fyne.TextWrapWord
	v.flags = widget.NewLabel("")
	v.flags.Wrapping = fyne.TextWrapWord
	v.flags.Importance = widget.WarningImportance
	v.failures = widget.NewLabel("")
	v.failures.Wrapping = fyne.TextWrapWord
	v.failures.Importance = widget.DangerImportance
	v.detail = widget.NewLabel("Choose a session to move it: type a date, or click a day on the calendar.")
	v.detail.Wrapping = fyne.TextWrapWord

	v.list = widget.NewList(func() int { return len(v.sessions) }, func() fyne.CanvasObject {
		head := widget.NewLabelWithStyle("Term 1 · 1 of 4 · Wed 9 Sep 2026 · 09:00–09:55", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		focus := widget.NewLabel("evaluation")
		focus.Truncation = fyne.TextTruncateEllipsis
		problem := widget.NewLabel("")
		problem.Truncation = fyne.TextTruncateEllipsis
		problem.Importance = widget.DangerImportance
		return container.NewVBox(head, focus, problem)
	}, v.updateRow)
	v.list.OnSelected = func(id widget.ListItemID) { v.choose(id) }

	v.cal = widgets.NewSessionCalendar(v.d.today())
	v.cal.OnItemTapped = func(id int64) {
		if id > 0 {
			v.list.Select(int(id - 1))
		}
	}
	v.cal.OnDayTapped = func(day data.Date) {
		if v.selected >= 0 {
			v.move(day)
		}
	}
	v.cal.SetMarks(v.marks())
	if len(v.sessions) > 0 {
		v.cal.ShowDate(v.sessions[0].Date)
	} else if len(v.req.Terms) > 0 {
		v.cal.ShowDate(v.req.Terms[0].EventDate)
	}

	v.moveTo = widgets.NewDateEntry(false)
	v.moveBtn = widget.NewButton("Move", func() {
		if d, err := v.moveTo.Date(); err == nil {
			v.move(d)
		}
	})
	v.moveBtn.Disable()
	v.moveTo.OnChanged = func(string) { v.updateMoveButton() }

	v.acceptBtn = widget.NewButton("Accept and save", func() { v.accept(func(bool) {}) })
	v.acceptBtn.Importance = widget.HighImportance
	v.status = widget.NewLabel("")
	back := widget.NewButton("Back to the choices", v.back)
	cancel := widget.NewButton("Cancel", func() { v.closed(0, 0) })

	moveRow := border(nil, nil, widget.NewLabel("Move to"), v.moveBtn, v.moveTo)
	// A wrapped label reports its height only once laid out: a scroll of fixed height keeps
	// long problem lists from spilling over the move row.
	detail := container.NewVScroll(v.detail)
	detail.SetMinSize(fyne.NewSize(0, 120))
	left := border(nil, container.NewVBox(widget.NewSeparator(), detail, moveRow), nil, nil, v.list)
	split := container.NewHSplit(left, v.cal)
	split.Offset = 0.36
	top := container.NewVBox(v.summary, v.failures, v.flags)
	bottom := border(nil, nil, container.NewHBox(back, cancel), v.acceptBtn, v.status)
	v.refresh()
	return container.NewPadded(border(top, bottom, nil, nil, split))
}

func (v *proposalView) summaryText() string {
	r := v.req
	title := r.Program.Title()
	if r.Evaluation {
		title += " with evaluation"
	}
	place := ""
	if len(r.Terms) > 0 {
		place = r.Terms[0].Classroom.School + " · " + r.Terms[0].Classroom.Name
	}
	if r.Program == data.Bridge && len(r.Terms) == 2 {
		place += " → " + r.Terms[1].Classroom.School + " · " + r.Terms[1].Classroom.Name
	}
	required := 0
	for _, t := range r.Terms {
		required += t.Required
	}
	return fmt.Sprintf("%s · %s · %s — %d of %d sessions proposed", title, place, r.Mentor.Name(), len(v.sessions), required)
}

// recheck checks every session again (a move changes its neighbours' spacing too).
func (v *proposalView) recheck() {
	v.problems = make([][]string, len(v.sessions))
	for i := range v.sessions {
		problems, flags := v.req.CheckSession(v.sessions, i)
		if why := v.taken.Problem(v.sessions[i]); why != "" {
			problems = append(problems, why)
		}
		v.problems[i] = problems
		v.sessions[i].Flags = flags
	}
}

// flaggedCount is how many sessions carry an R7/R8 flag.
func (v *proposalView) flaggedCount() int {
	n := 0
	for _, s := range v.sessions {
		if len(s.Flags) > 0 {
			n++
		}
	}
	return n
}

// problemCount is how many sessions still break a rule.
func (v *proposalView) problemCount() int {
	n := 0
	for _, p := range v.problems {
		if len(p) > 0 {
			n++
		}
	}
	return n
}

func (v *proposalView) canAccept() bool {
	return v.plan.OK() && len(v.sessions) > 0 && v.problemCount() == 0 && !v.saving && !v.saved
}

func (v *proposalView) refresh() {
	v.summary.SetText(v.summaryText())
	var fails []string
	for _, f := range v.plan.Failures {
		fails = append(fails, fmt.Sprintf("Cannot plan %s (constraint: %s).", f.Detail, f.Constraint))
	}
	if len(fails) > 0 {
		fails = append(fails, "Nothing can be saved until every term has its sessions: go back and choose other events, or another mentor.")
	}
	v.failures.SetText(strings.Join(fails, "\n"))
	v.failures.Hidden = len(fails) == 0
	v.flags.SetText(strings.Join(v.flagLines(), "\n"))
	v.flags.Hidden = v.flags.Text == ""
	v.list.Refresh()
	v.cal.SetItems(v.items())
	switch n := v.problemCount(); {
	case v.saved:
		v.status.SetText("Saved.")
	case v.saving:
		v.status.SetText("Saving…")
	case !v.plan.OK():
		v.status.SetText("No plan meets every constraint.")
	case n > 0:
		v.status.SetText(fmt.Sprintf("%d session(s) break a rule: move them to accept the plan.", n))
	case v.flaggedCount() > 0:
		v.status.SetText(fmt.Sprintf("Every session fits the planning rules, but %d %s flagged: confirming or paying %s will need an override with a reason.",
			v.flaggedCount(), map[bool]string{true: "is", false: "are"}[v.flaggedCount() == 1], map[bool]string{true: "it", false: "them"}[v.flaggedCount() == 1]))
	default:
		v.status.SetText("Every session fits the rules, and no flag stands.")
	}
	if v.canAccept() {
		v.acceptBtn.Enable()
	} else {
		v.acceptBtn.Disable()
	}
	v.showDetail()
}

// flagLines groups the R7/R8 flags by text with the number of sessions each concerns, and
// notes sessions before today.
func (v *proposalView) flagLines() []string {
	count := map[string]int{}
	var order []string
	past := 0
	for _, s := range v.sessions {
		for _, f := range s.Flags {
			if count[f] == 0 {
				order = append(order, f)
			}
			count[f]++
		}
		if s.Date < v.d.today() {
			past++
		}
	}
	var out []string
	for _, f := range v.plan.Flags {
		if count[f] == 0 && !strings.HasPrefix(f, sqlite.FlagNotCleared) && !strings.HasPrefix(f, sqlite.FlagNoContract) {
			out = append(out, "Flag: "+f)
		}
	}
	for _, f := range order {
		out = append(out, fmt.Sprintf("Flag on %d session(s): %s", count[f], f))
	}
	if past > 0 {
		out = append(out, fmt.Sprintf("%d session(s) fall before today (%s).", past, v.d.today()))
	}
	return out
}

// position is "1 of 4": the session's place in its term.
func (v *proposalView) position(i int) (int, int) {
	n, at := 0, 0
	for j, s := range v.sessions {
		if s.Term == v.sessions[i].Term {
			n++
			if j == i {
				at = n
			}
		}
	}
	return at, n
}

func (v *proposalView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	s := v.sessions[id]
	box := o.(*fyne.Container).Objects
	at, n := v.position(id)
	box[0].(*widget.Label).SetText(fmt.Sprintf("Term %d · %d of %d · %s · %s–%s", s.Term, at, n, s.Date.Time().Format("Mon 2 Jan 2006"), s.Start, s.Start.Add(s.Minutes)))
	focus := s.Focus
	if len(s.Flags) > 0 {
		focus += " · " + data.FlagsShort(s.Flags)
	}
	box[1].(*widget.Label).SetText(focus)
	problem := ""
	if len(v.problems[id]) > 0 {
		problem = "Problem: " + v.problems[id][0]
		if k := len(v.problems[id]); k > 1 {
			problem += fmt.Sprintf(" (+%d more)", k-1)
		}
	}
	box[2].(*widget.Label).SetText(problem)
}

func (v *proposalView) items() []widgets.CalendarItem {
	var out []widgets.CalendarItem
	for i, s := range v.sessions {
		at, _ := v.position(i)
		title := fmt.Sprintf("T%d #%d", s.Term, at)
		if s.Focus == "evaluation" {
			title = fmt.Sprintf("T%d evaluation", s.Term)
		}
		out = append(out, widgets.CalendarItem{ID: int64(i + 1), Date: s.Date, Start: s.Start, Minutes: s.Minutes,
			Title: title, Colour: termColours[(s.Term-1)%len(termColours)],
			Conflict: len(v.problems[i]) > 0, Status: string(data.Planned)})
	}
	for _, e := range v.req.Existing {
		if e.Status == data.Cancelled {
			continue
		}
		out = append(out, widgets.CalendarItem{ID: -e.ID, Date: e.Date, Start: e.Start, Minutes: e.Minutes,
			Title: "Booked: " + e.School + " · " + e.Classroom, Colour: otherSessionColour, Status: string(e.Status)})
	}
	return out
}

// marks are the terms' events and their schools' calendars.
func (v *proposalView) marks() []widgets.CalendarMark {
	var out []widgets.CalendarMark
	seenCal := map[int64]bool{}
	for _, t := range v.req.Terms {
		name := t.EventName
		if name == "" {
			name = "Event"
		}
		out = append(out, widgets.CalendarMark{Date: t.EventDate, Text: name, Kind: widgets.EventMark})
		if seenCal[t.Calendar.ID] {
			continue
		}
		seenCal[t.Calendar.ID] = true
		for _, d := range t.Calendar.Days {
			switch d.Kind {
			case data.NoSchool:
				out = append(out, widgets.CalendarMark{Date: d.Date, Text: orDefault(d.Label, "No school"), Kind: widgets.NoSchoolMark})
			case data.FirstDay, data.LastDay, data.TermEnd:
				out = append(out, widgets.CalendarMark{Date: d.Date, Text: orDefault(d.Label, data.Label(d.Kind)), Kind: widgets.TermMark})
			}
		}
	}
	return out
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// choose selects a session for moving and shows it on the calendar.
func (v *proposalView) choose(i int) {
	if i < 0 || i >= len(v.sessions) {
		return
	}
	v.selected = i
	v.moveTo.SetDate(v.sessions[i].Date)
	v.cal.ShowDate(v.sessions[i].Date)
	v.showDetail()
	v.updateMoveButton()
}

func (v *proposalView) showDetail() {
	if v.detail == nil || v.selected < 0 {
		return
	}
	i := v.selected
	s := v.sessions[i]
	at, n := v.position(i)
	lines := []string{fmt.Sprintf("Term %d, session %d of %d on %s.", s.Term, at, n, s.Date.Long())}
	switch {
	case len(v.problems[i]) == 0 && len(s.Flags) > 0:
		lines = append(lines, "Fits the planning rules, but is flagged: confirming or paying it will need an override with a reason.")
	case len(v.problems[i]) == 0:
		lines = append(lines, "Fits every rule.")
	}
	for _, p := range v.problems[i] {
		lines = append(lines, "Problem: "+p)
	}
	for _, f := range s.Flags {
		lines = append(lines, "Flag: "+f)
	}
	lines = append(lines, "Type a date below, or click a day on the calendar, to move it.")
	v.detail.SetText(strings.Join(lines, "\n"))
	switch {
	case len(v.problems[i]) > 0:
		v.detail.Importance = widget.DangerImportance
	case len(s.Flags) > 0:
		v.detail.Importance = widget.WarningImportance
	default:
		v.detail.Importance = widget.MediumImportance
	}
	v.detail.Refresh()
}

func (v *proposalView) updateMoveButton() {
	if _, err := v.moveTo.Date(); err == nil && v.selected >= 0 && !v.saved {
		v.moveBtn.Enable()
	} else {
		v.moveBtn.Disable()
	}
}

// move puts the selected session on day d and checks the plan again. Within a term the
// sessions stay in date order (an evaluation stays first), so "the previous session" keeps
// meaning the one before it on the calendar.
func (v *proposalView) move(d data.Date) {
	if v.selected < 0 || v.saved {
		return
	}
	moved := &v.sessions[v.selected]
	moved.Date = d
	key := *moved
	evalOf := func(s data.PlannedSession) bool { return s.Focus == "evaluation" }
	slices.SortStableFunc(v.sessions, func(a, b data.PlannedSession) int {
		switch {
		case a.Term != b.Term:
			return a.Term - b.Term
		case evalOf(a) != evalOf(b):
			if evalOf(a) {
				return -1
			}
			return 1
		}
		return int(a.Date - b.Date)
	})
	v.selected = slices.IndexFunc(v.sessions, func(s data.PlannedSession) bool {
		return s.Term == key.Term && s.Date == key.Date && s.Focus == key.Focus
	})
	v.recheck()
	v.refresh()
	v.list.Select(v.selected)
	v.moveTo.SetDate(d)
	v.cal.ShowDate(d)
}

// accept saves the plan in one transaction; done reports whether it was saved.
func (v *proposalView) accept(done func(bool)) {
	if !v.canAccept() {
		dialog.ShowInformation("Not saved", "The plan cannot be saved yet. "+v.status.Text, v.d.win)
		done(false)
		return
	}
	v.saving = true
	v.refresh()
	req, sessions := v.req, slices.Clone(v.sessions)
	start := req.Start
	if start.Month == 0 {
		start = data.DefaultSchoolYearStart
	}
	year := data.SchoolYearOf(req.Terms[0].EventDate, start)
	go func() {
		id, err := v.store.SavePlan(context.Background(), req, sessions)
		fyne.Do(func() {
			v.saving = false
			if err != nil {
				var conflict *sqlite.PlanConflictError
				if errors.As(err, &conflict) {
					v.status.SetText("Not saved: the plan no longer fits.")
				}
				dialog.ShowError(err, v.d.win)
				v.refresh()
				done(false)
				return
			}
			v.saved = true
			v.refresh()
			done(true)
			v.closed(id, year)
		})
	}()
}
