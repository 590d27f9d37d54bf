package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

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

// enrollmentPageStore is what an enrollment's page changes: the early end and extra seasons.
type enrollmentPageStore interface {
	EndEnrollment(ctx context.Context, id int64, on data.Date, reason string) (int, error)
	SeasonRequests(ctx context.Context, enrollmentID int64) ([]data.SeasonRequest, error)
	RequestSeason(ctx context.Context, enrollmentID int64, on data.Date) (int64, error)
	DecideSeason(ctx context.Context, requestID int64, accept bool, on data.Date, next data.Enrollment, sessions []data.Session) (int64, error)
	Events(ctx context.Context, classroomID int64, from, through data.Date) ([]data.Event, error)
	PlanRequest(ctx context.Context, in sqlite.PlanInput) (data.PlanRequest, error)
	TakenSlots(ctx context.Context, r data.PlanRequest) (sqlite.TakenSlots, error)
}

// enrollmentPage shows one enrollment: terms, sessions, progress, and what may happen to it.
type enrollmentPage struct {
	d       deps
	store   enrollmentPageStore
	row     enrollmentRow
	changed func() // the list reloads after a change

	requests   []data.SeasonRequest
	root       *fyne.Container
	requestBox *fyne.Container
	endBtn     *widget.Button
	requestBtn *widget.Button

	// The open dialogs' controls, reachable for tests.
	endReason  *widgets.TextArea
	endConfirm *widget.Button
	season     *seasonAcceptance
}

func newEnrollmentPage(d deps, store enrollmentPageStore, row enrollmentRow, changed func()) *enrollmentPage {
	return &enrollmentPage{d: d, store: store, row: row, changed: changed}
}

func (pg *enrollmentPage) buildUI() fyne.CanvasObject {
	r := pg.row
	title := widget.NewLabelWithStyle(r.e.Program.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if r.e.Evaluation {
		title.SetText(r.e.Program.Title() + " with evaluation")
	}
	place := widget.NewLabel(r.title())
	place.Wrapping = fyne.TextWrapWord
	facts := []string{"Mentor: " + r.mentor.Name(), "School year " + r.e.SchoolYear.String()}
	if r.e.Program == data.Bridge {
		facts = append(facts, fmt.Sprintf("%d fall session(s)", r.e.FallSessions))
	}
	info := widget.NewLabel(strings.Join(facts, " · "))
	info.Wrapping = fyne.TextWrapWord
	bar := newCommitmentBar()
	bar.SetProgress(r.progress)
	head := container.NewVBox(title, place, info)
	if r.e.Status == data.EnrollmentEnded {
		ended := widget.NewLabel(fmt.Sprintf("Ended early on %s: %s", r.e.EndedOn, r.e.EndReason))
		ended.Wrapping = fyne.TextWrapWord
		ended.Importance = widget.WarningImportance
		head.Add(ended)
	}
	head.Add(bar)
	for _, risk := range r.progress.AtRisk {
		l := widget.NewLabel("At risk: " + risk)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		head.Add(l)
	}
	head.Add(widget.NewSeparator())
	head.Add(widget.NewLabelWithStyle("Terms", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, t := range r.progress.Terms {
		l := widget.NewLabel(termLine(t, r.e.Status == data.EnrollmentActive))
		l.Wrapping = fyne.TextWrapWord
		head.Add(l)
	}

	list := widget.NewList(func() int { return len(r.sessions) },
		func() fyne.CanvasObject {
			top := widget.NewLabelWithStyle("Wed 9 Sep 2026 · 09:00–09:55 · term 1", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			sub := widget.NewLabel("concert repertoire")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewLabel("Confirmed"), container.NewVBox(top, sub))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			s := r.sessions[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s–%s · term %d", s.Date.Time().Format("Mon 2 Jan 2006"), s.Start, s.End(), s.Term))
			sub := s.Classroom + " · " + s.Focus
			if s.Status == data.Cancelled {
				sub = "Cancelled: " + s.CancelReason
			}
			texts[1].(*widget.Label).SetText(sub)
			row.Objects[1].(*widget.Label).SetText(data.Label(s.Status))
		})

	pg.endBtn = widget.NewButtonWithIcon("End early…", theme.CancelIcon(), pg.onEndEarly)
	pg.endBtn.Importance = widget.DangerImportance
	actions := container.NewHBox(pg.endBtn)
	if r.e.Status != data.EnrollmentActive {
		pg.endBtn.Disable()
	}
	bottom := container.NewVBox(widget.NewSeparator(), actions)
	if r.e.Program == data.Season {
		pg.requestBtn = widget.NewButtonWithIcon("Request another season", theme.ContentAddIcon(), pg.onRequestSeason)
		actions.Add(pg.requestBtn)
		pg.requestBox = container.NewVBox()
		bottom.Add(pg.requestBox)
	}
	tabs := container.NewAppTabs(container.NewTabItem("Sessions", list), container.NewTabItem("Goals with the pupils", goalsPanel(pg.d, r.e.ID)))
	pg.root = border(head, bottom, nil, nil, tabs)
	return container.NewPadded(pg.root)
}

// termLine is "Term 1 · Winter Concert on 2026-12-16 · 3 required: 2 done, 1 planned"; a
// running enrollment also says how many sessions still need a date.
func termLine(t data.TermProgress, active bool) string {
	name := t.Term.EventName
	if name == "" {
		name = "Event"
	}
	s := fmt.Sprintf("Term %d · %s on %s · %d required: %d done, %d planned", t.Term.Index, name, t.Term.EventDate, t.Term.Required, t.Done, t.Planned)
	if t.Cancelled > 0 {
		s += fmt.Sprintf(", %d cancelled", t.Cancelled)
	}
	if n := t.Unplanned(); n > 0 && active {
		s += fmt.Sprintf(" · %d without a date", n)
	}
	return s
}

// onEndEarly asks for the instructor's reason and cancels the sessions still planned.
func (pg *enrollmentPage) onEndEarly() {
	today := pg.d.today()
	remaining := 0
	for _, s := range pg.row.sessions {
		if s.Status == data.Planned && s.Date >= today {
			remaining++
		}
	}
	pg.endReason = widgets.NewTextArea()
	pg.endReason.SetPlaceHolder("The instructor's reason, e.g. a change of focus")
	pg.endReason.Wrapping = fyne.TextWrapWord
	pg.endReason.SetMinRowsVisible(3)
	note := widget.NewLabel(fmt.Sprintf("Ending on %s cancels the %d planned session(s) from that day on, with this reason. Sessions already held stay as they are.", today, remaining))
	note.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	pg.endConfirm = widget.NewButton("End enrollment", func() {
		reason := strings.TrimSpace(pg.endReason.Text)
		d.Hide()
		background(pg.d, func(ctx context.Context) (int, error) {
			return pg.store.EndEnrollment(ctx, pg.row.e.ID, today, reason)
		}, func(n int) {
			pg.endReason, pg.endConfirm = nil, nil
			dialog.ShowInformation("Enrollment ended", fmt.Sprintf("%d planned session(s) were cancelled.", n), pg.d.win)
			pg.changed()
		})
	})
	pg.endConfirm.Importance = widget.DangerImportance
	pg.endConfirm.Disable()
	pg.endReason.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			pg.endConfirm.Disable()
		} else {
			pg.endConfirm.Enable()
		}
	}
	cancel := widget.NewButton("Keep it", func() { d.Hide() })
	body := container.NewVBox(note, widget.NewLabel("Reason (required)"), pg.endReason,
		container.NewHBox(layout.NewSpacer(), cancel, pg.endConfirm))
	d = dialog.NewCustomWithoutButtons("End "+pg.row.e.Program.Title()+" early", body, pg.d.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// load reads what the page shows beside the row: a Season's extra-season requests.
func (pg *enrollmentPage) load() {
	if pg.requestBox != nil {
		pg.loadRequests()
	}
}

func (pg *enrollmentPage) loadRequests() {
	id := pg.row.e.ID
	background(pg.d, func(ctx context.Context) ([]data.SeasonRequest, error) {
		return pg.store.SeasonRequests(ctx, id)
	}, func(rs []data.SeasonRequest) {
		pg.showRequests(rs)
		pending := slices.ContainsFunc(rs, func(r data.SeasonRequest) bool { return r.Decision == "pending" })
		if pending || pg.row.e.Status != data.EnrollmentActive {
			pg.requestBtn.Disable()
		} else {
			pg.requestBtn.Enable()
		}
		pg.requests = rs
	})
}

func (pg *enrollmentPage) showRequests(rs []data.SeasonRequest) {
	pg.requestBox.RemoveAll()
	if len(rs) == 0 {
		pg.requestBox.Add(widget.NewLabel("No extra season requested."))
		pg.root.Refresh()
		return
	}
	for _, rq := range rs {
		text := fmt.Sprintf("Extra season requested %s · %s", rq.RequestedOn, rq.Decision)
		if rq.Decision != "pending" {
			text += " on " + rq.DecidedOn.String()
		}
		row := container.NewHBox(widget.NewLabel(text))
		if rq.Decision == "pending" {
			accept := widget.NewButtonWithIcon("Mentor accepts…", theme.ConfirmIcon(), func() { pg.onAccept(rq) })
			accept.Importance = widget.HighImportance
			decline := widget.NewButton("Mentor declines", func() { pg.onDecline(rq) })
			row.Add(accept)
			row.Add(decline)
		}
		pg.requestBox.Add(row)
	}
	pg.root.Refresh() // the bottom of the border grows with the requests
}

func (pg *enrollmentPage) onRequestSeason() {
	today := pg.d.today()
	background(pg.d, func(ctx context.Context) (int64, error) {
		return pg.store.RequestSeason(ctx, pg.row.e.ID, today)
	}, func(int64) { pg.loadRequests() })
}

func (pg *enrollmentPage) onDecline(rq data.SeasonRequest) {
	today := pg.d.today()
	dialog.ShowConfirm("Mentor declines", pg.row.mentor.Name()+" declines the extra season. Record it?", func(ok bool) {
		if !ok {
			return
		}
		background(pg.d, func(ctx context.Context) (int64, error) {
			return pg.store.DecideSeason(ctx, rq.ID, false, today, data.Enrollment{}, nil)
		}, func(int64) { pg.loadRequests() })
	}, pg.d.win)
}

// onAccept plans the new season from the classroom's next event and creates it on confirmation.
func (pg *enrollmentPage) onAccept(rq data.SeasonRequest) {
	pg.season = newSeasonAcceptance(pg, rq)
	pg.season.show()
}

// seasonAcceptance is the dialog that records a mentor's acceptance of an extra season: it plans
// the new season (R9) from a later event of the classroom and creates it when the plan holds.
type seasonAcceptance struct {
	pg      *enrollmentPage
	rq      data.SeasonRequest
	event   *widget.SelectEntry
	result  *widget.Label
	confirm *widget.Button
	dlg     dialog.Dialog

	seq  int
	req  data.PlanRequest
	plan data.Plan
}

func newSeasonAcceptance(pg *enrollmentPage, rq data.SeasonRequest) *seasonAcceptance {
	return &seasonAcceptance{pg: pg, rq: rq}
}

func (sa *seasonAcceptance) show() {
	r := sa.pg.row
	sa.event = widget.NewSelectEntry(nil)
	sa.event.SetPlaceHolder("YYYY-MM-DD Event name")
	sa.event.OnChanged = func(string) { sa.replan() }
	sa.result = widget.NewLabel("Choose the event the new season leads up to.")
	sa.result.Wrapping = fyne.TextWrapWord
	sa.confirm = widget.NewButton("Accept and create the season", sa.onConfirm)
	sa.confirm.Importance = widget.HighImportance
	sa.confirm.Disable()
	cancel := widget.NewButton("Cancel", func() { sa.dlg.Hide() })
	intro := widget.NewLabel(fmt.Sprintf("%s accepts another season with %s. The new season's three sessions are planned before the event you choose.", r.mentor.Name(), r.title()))
	intro.Wrapping = fyne.TextWrapWord
	body := border(container.NewVBox(intro, widget.NewLabel("Event"), sa.event), container.NewHBox(layout.NewSpacer(), cancel, sa.confirm), nil, nil,
		container.NewVScroll(sa.result))
	sa.dlg = dialog.NewCustomWithoutButtons("Mentor accepts the extra season", body, sa.pg.d.win)
	sa.dlg.Resize(fyne.NewSize(560, 420))
	sa.dlg.Show()

	last := data.Date(0)
	for _, t := range r.e.Terms {
		last = max(last, t.EventDate)
	}
	background(sa.pg.d, func(ctx context.Context) ([]data.Event, error) {
		return sa.pg.store.Events(ctx, r.e.ClassroomID, last.AddDays(1), 0)
	}, func(evs []data.Event) {
		opts := eventChoices(evs)
		sa.event.SetOptions(opts)
		if len(opts) > 0 {
			sa.event.SetText(opts[0])
		}
	})
}

// replan plans the season for the event typed or chosen; only the newest answer is shown.
func (sa *seasonAcceptance) replan() {
	sa.seq++
	seq := sa.seq
	sa.confirm.Disable()
	d, name, err := parseEventChoice(sa.event.Text)
	if err != nil {
		sa.result.SetText(err.Error())
		return
	}
	sa.result.SetText("Planning…")
	r := sa.pg.row
	in := sqlite.PlanInput{Program: data.Season, ClassroomID: r.e.ClassroomID, MentorID: r.e.MentorID,
		Events: []data.Date{d}, EventNames: []string{name}}
	background(sa.pg.d, func(ctx context.Context) (proposal, error) {
		return makeProposal(ctx, sa.pg.store, in)
	}, func(p proposal) {
		if seq != sa.seq {
			return
		}
		sa.req, sa.plan = p.req, p.plan
		var b strings.Builder
		for _, f := range p.plan.Failures {
			b.WriteString("Cannot plan " + f.Detail + "\n")
		}
		ok := p.plan.OK()
		for i, s := range p.plan.Sessions {
			fmt.Fprintf(&b, "%s · %s–%s · %s\n", s.Date.Time().Format("Mon 2 Jan 2006"), s.Start, s.Start.Add(s.Minutes), s.Focus)
			if why := p.taken.Problem(p.plan.Sessions[i]); why != "" {
				b.WriteString("    " + why + "\n")
				ok = false
			}
		}
		for _, f := range p.plan.Flags {
			b.WriteString("Flag: " + f + "\n")
		}
		sa.result.SetText(strings.TrimSpace(b.String()))
		if ok {
			sa.confirm.Enable()
		}
	})
}

func (sa *seasonAcceptance) onConfirm() {
	today := sa.pg.d.today()
	e, sessions := data.PlannedEnrollment(sa.req, sa.plan.Sessions)
	sa.confirm.Disable()
	background(sa.pg.d, func(ctx context.Context) (int64, error) {
		return sa.pg.store.DecideSeason(ctx, sa.rq.ID, true, today, e, sessions)
	}, func(int64) {
		sa.dlg.Hide()
		sa.pg.changed()
	})
}
