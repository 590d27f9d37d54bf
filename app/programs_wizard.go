package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// planSource plans an enrollment: the request, and the classroom times other sessions hold.
type planSource interface {
	PlanRequest(ctx context.Context, in data.PlanInput) (data.PlanRequest, error)
	TakenSlots(ctx context.Context, r data.PlanRequest) (data.TakenSlots, error)
}

// wizardStore is what the new-enrollment wizard reads and saves.
type wizardStore interface {
	planSource
	Settings(ctx context.Context) (data.Settings, error)
	Schools(ctx context.Context) ([]data.School, error)
	Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error)
	Mentors(ctx context.Context, f data.MentorFilter) ([]data.Mentor, error)
	Events(ctx context.Context, classroomID int64, from, through data.Date) ([]data.Event, error)
	SavePlan(ctx context.Context, r data.PlanRequest, planned []data.PlannedSession) (int64, error)
}

// proposal is the planner's answer for a request, with the classroom times already taken.
type proposal struct {
	req   data.PlanRequest
	plan  data.Plan
	taken data.TakenSlots
}

func makeProposal(ctx context.Context, src planSource, in data.PlanInput) (proposal, error) {
	var p proposal
	var err error
	if p.req, err = src.PlanRequest(ctx, in); err != nil {
		return p, err
	}
	p.plan = data.PlanSessions(p.req)
	p.taken, err = src.TakenSlots(ctx, p.req)
	return p, err
}

// eventChoices are a classroom's events as the event pickers offer them: "2026-12-16 Winter Concert".
func eventChoices(evs []data.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Date.String() + " " + e.Name
	}
	return out
}

// parseEventChoice reads "2026-12-16 Winter Concert" (the name may be left out).
func parseEventChoice(s string) (data.Date, string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "", errors.New("choose an event or type its date (YYYY-MM-DD) and name")
	}
	datePart, name, _ := strings.Cut(s, " ")
	d, err := data.ParseDate(datePart)
	if err != nil {
		return 0, "", fmt.Errorf("%q: %v", s, err)
	}
	return d, strings.TrimSpace(name), nil
}

// enrollmentWizard plans a new enrollment: the choices, then the proposal to adjust and accept.
type enrollmentWizard struct {
	d     deps
	store wizardStore
	done  func(saved int64, year data.SchoolYear)

	set     data.Settings
	schools []data.School
	rooms   []data.Classroom
	mentors []data.Mentor
	events  map[int64][]data.Event // by classroom, from the start of this school year

	program               *widget.RadioGroup
	school, classroom     *widget.Select
	mentor                *widget.Select
	evaluation            *widget.Check
	toSchool, toClassroom *widget.Select
	fall                  *widget.RadioGroup
	roomInfo              *widget.Label
	evalRow, bridgeRows   []fyne.CanvasObject
	form                  *fyne.Container
	fixedRows             int // objects of form before the term events
	eventEntries          []*widget.SelectEntry
	formError             *widget.Label
	proposeBtn            *widget.Button

	body *fyne.Container // the choices or the proposal
	prop *proposalView

	ready      bool  // the choices have loaded
	eventsFrom int64 // the classroom whose events arrived last

	termEndsAsk *dialog.ConfirmDialog // the question before planning without term ends
}

func newEnrollmentWizard(d deps, store wizardStore, done func(saved int64, year data.SchoolYear)) *enrollmentWizard {
	return &enrollmentWizard{d: d, store: store, done: done, events: map[int64][]data.Event{}}
}

type wizardData struct {
	set     data.Settings
	schools []data.School
	rooms   []data.Classroom
	mentors []data.Mentor
}

func (w *enrollmentWizard) buildUI() fyne.CanvasObject {
	w.program = widget.NewRadioGroup(programTitles(), func(string) { w.programChanged() })
	w.program.Horizontal = true
	w.school = widget.NewSelect(nil, func(string) { w.fillRooms(w.school, w.classroom) })
	w.school.PlaceHolder = "Choose the school"
	w.classroom = widget.NewSelect(nil, func(string) { w.roomChanged(w.classroom) })
	w.classroom.PlaceHolder = "Choose the classroom"
	w.mentor = widget.NewSelect(nil, nil)
	w.mentor.PlaceHolder = "Choose the mentor"
	w.evaluation = widget.NewCheck("Open the year with an evaluation session (10 sessions instead of 9)", nil)
	w.toSchool = widget.NewSelect(nil, func(string) { w.fillRooms(w.toSchool, w.toClassroom) })
	w.toSchool.PlaceHolder = "The school the students move on to"
	w.toClassroom = widget.NewSelect(nil, func(string) { w.roomChanged(w.toClassroom) })
	w.toClassroom.PlaceHolder = "Their classroom there next fall"
	w.fall = widget.NewRadioGroup([]string{"1", "2"}, nil)
	w.fall.Horizontal = true
	w.fall.SetSelected("2")
	w.roomInfo = widget.NewLabel("")
	w.roomInfo.Hide()
	w.formError = widget.NewLabel("")
	w.formError.Wrapping = fyne.TextWrapWord
	w.formError.Importance = widget.DangerImportance
	w.proposeBtn = widget.NewButton("Propose sessions", w.onPropose)
	w.proposeBtn.Importance = widget.HighImportance

	// One form for every row, so the labels line up; rows of another program are hidden.
	evalLabel := widget.NewLabel("Evaluation")
	w.evalRow = []fyne.CanvasObject{evalLabel, w.evaluation}
	toSchoolLabel, toRoomLabel, fallLabel := widget.NewLabel("Receiving school"), widget.NewLabel("Receiving classroom"), widget.NewLabel("Fall sessions")
	w.bridgeRows = []fyne.CanvasObject{toSchoolLabel, w.toSchool, toRoomLabel, w.toClassroom, fallLabel, w.fall}
	w.form = container.New(layout.NewFormLayout(),
		widget.NewLabel("Program"), w.program,
		widget.NewLabel("School"), w.school,
		widget.NewLabel("Classroom"), container.NewVBox(w.classroom, w.roomInfo),
		widget.NewLabel("Mentor"), w.mentor,
		evalLabel, w.evaluation,
		toSchoolLabel, w.toSchool, toRoomLabel, w.toClassroom, fallLabel, w.fall)
	w.fixedRows = len(w.form.Objects)
	title := widget.NewLabelWithStyle("New enrollment", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel("Choose the program, the classroom and the mentor, and the event each term leads up to. The planner then proposes every session: back from each event, on the class's meeting days and school days, clear of the mentor's other sessions.")
	intro.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButton("Cancel", func() { w.close(0, 0) })
	choices := container.NewVBox(title, intro, widget.NewSeparator(), w.form, w.formError)
	page := border(nil, container.NewHBox(layout.NewSpacer(), cancel, w.proposeBtn), nil, nil, container.NewVScroll(container.NewPadded(choices)))
	w.body = container.NewStack(page)
	w.program.SetSelected(data.Focused.Title())
	return w.body
}

// load reads the schools, classrooms and mentors to choose from.
func (w *enrollmentWizard) load() {
	background(w.d, func(ctx context.Context) (wizardData, error) {
		var wd wizardData
		var err error
		if wd.set, err = w.store.Settings(ctx); err != nil {
			return wd, err
		}
		if wd.schools, err = w.store.Schools(ctx); err != nil {
			return wd, err
		}
		if wd.rooms, err = w.store.Classrooms(ctx, 0); err != nil {
			return wd, err
		}
		wd.mentors, err = w.store.Mentors(ctx, data.MentorFilter{})
		return wd, err
	}, func(wd wizardData) {
		w.set, w.schools, w.rooms = wd.set, wd.schools, wd.rooms
		w.mentors = slices.DeleteFunc(wd.mentors, func(m data.Mentor) bool { return m.Status == data.Inactive })
		names := make([]string, len(w.schools))
		for i, s := range w.schools {
			names[i] = s.Name
		}
		w.school.SetOptions(names)
		w.toSchool.SetOptions(names)
		opts := make([]string, len(w.mentors))
		for i, m := range w.mentors {
			opts[i] = mentorChoice(m)
		}
		w.mentor.SetOptions(opts)
		w.ready = true
	})
}

func mentorChoice(m data.Mentor) string {
	if m.Status == data.Active {
		return m.SortName()
	}
	return m.SortName() + " (" + data.Label(m.Status) + ")"
}

func (w *enrollmentWizard) programChanged() {
	p := w.selectedProgram()
	show := func(objs []fyne.CanvasObject, on bool) {
		for _, o := range objs {
			if on {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
	show(w.evalRow, p == data.Focused)
	show(w.bridgeRows, p == data.Bridge)
	w.layoutEvents()
}

func (w *enrollmentWizard) selectedProgram() data.Program {
	for _, p := range data.Programs {
		if p.Title() == w.program.Selected {
			return p
		}
	}
	return data.Focused
}

// fillRooms offers the classrooms of the school chosen in school.
func (w *enrollmentWizard) fillRooms(school, room *widget.Select) {
	var names []string
	for _, c := range w.rooms {
		if c.School == school.Selected {
			names = append(names, c.Name)
		}
	}
	room.ClearSelected()
	room.SetOptions(names)
}

func (w *enrollmentWizard) roomOf(school, room *widget.Select) (data.Classroom, bool) {
	for _, c := range w.rooms {
		if c.School == school.Selected && c.Name == room.Selected {
			return c, true
		}
	}
	return data.Classroom{}, false
}

// roomChanged shows when the class meets and loads its events for the term pickers.
func (w *enrollmentWizard) roomChanged(room *widget.Select) {
	school := w.school
	if room == w.toClassroom {
		school = w.toSchool
	}
	c, ok := w.roomOf(school, room)
	if room == w.classroom {
		w.roomInfo.SetText("")
		w.roomInfo.Hide()
		if ok {
			w.roomInfo.SetText(fmt.Sprintf("Meets %s at %s for %d minutes", strings.ReplaceAll(c.MeetingDays.String(), ";", ", "), c.PeriodStart, c.PeriodMinutes))
			w.roomInfo.Show()
		}
	}
	if !ok {
		w.layoutEvents()
		return
	}
	from, _ := w.set.SchoolYear(w.d.today()).Bounds(w.set.SchoolYearStart)
	background(w.d, func(ctx context.Context) ([]data.Event, error) {
		return w.store.Events(ctx, c.ID, from, 0)
	}, func(evs []data.Event) {
		w.events[c.ID] = evs
		w.layoutEvents()
		w.eventsFrom = c.ID
	})
}

// layoutEvents shows one event picker per term of the program, filled with the events of the
// term's classroom and a sensible first choice.
func (w *enrollmentWizard) layoutEvents() {
	if w.form == nil {
		return
	}
	p := w.selectedProgram()
	labels := map[data.Program][]string{
		data.Focused: {"Term 1 event", "Term 2 event", "Term 3 event"},
		data.Season:  {"Season event"},
		data.Bridge:  {"Spring event (sending classroom)", "Fall event (receiving classroom)"},
	}[p]
	old := make([]string, len(w.eventEntries))
	for i, e := range w.eventEntries {
		old[i] = e.Text
	}
	w.eventEntries = nil
	w.form.Objects = w.form.Objects[:w.fixedRows]
	from, _ := w.roomOf(w.school, w.classroom)
	to, _ := w.roomOf(w.toSchool, w.toClassroom)
	defaults := w.defaultEvents(p, from, to)
	for i, label := range labels {
		room := from
		if p == data.Bridge && i == 1 {
			room = to
		}
		choices := eventChoices(w.events[room.ID])
		e := widget.NewSelectEntry(choices)
		if len(choices) == 0 {
			// An empty ▾ would open an invisible menu that swallows the next click and typing.
			e.ActionItem = layout.NewSpacer()
		}
		e.SetPlaceHolder("YYYY-MM-DD Event name")
		switch {
		case i < len(defaults):
			e.SetText(defaults[i])
		case i < len(old) && len(labels) == len(old):
			e.SetText(old[i])
		}
		w.eventEntries = append(w.eventEntries, e)
		w.form.Objects = append(w.form.Objects, widget.NewLabel(label), e)
	}
	w.form.Refresh()
}

// defaultEvents proposes the term events: Focused the first three of this school year, Season
// the next one, Bridge this year's last at the sending and the next one at the receiving classroom.
func (w *enrollmentWizard) defaultEvents(p data.Program, from, to data.Classroom) []string {
	today := w.d.today()
	year := w.set.SchoolYear(today)
	thisYear := func(c data.Classroom) []data.Event {
		var out []data.Event
		for _, e := range w.events[c.ID] {
			if w.set.SchoolYear(e.Date) == year {
				out = append(out, e)
			}
		}
		return out
	}
	switch p {
	case data.Focused:
		if evs := thisYear(from); len(evs) >= 3 {
			return eventChoices(evs[:3])
		}
	case data.Season:
		for _, e := range w.events[from.ID] {
			if e.Date > today {
				return eventChoices([]data.Event{e})
			}
		}
	case data.Bridge:
		evs := thisYear(from)
		if len(evs) == 0 {
			return nil
		}
		out := eventChoices(evs[len(evs)-1:])
		for _, e := range w.events[to.ID] {
			if w.set.SchoolYear(e.Date) > year {
				return append(out, eventChoices([]data.Event{e})...)
			}
		}
		return out
	}
	return nil
}

// input reads the choices, or says what is missing.
func (w *enrollmentWizard) input() (data.PlanInput, error) {
	in := data.PlanInput{Program: w.selectedProgram()}
	c, ok := w.roomOf(w.school, w.classroom)
	if !ok {
		return in, errors.New("Choose the school and the classroom.")
	}
	in.ClassroomID = c.ID
	i := slices.Index(w.mentor.Options, w.mentor.Selected)
	if i < 0 {
		return in, errors.New("Choose the mentor.")
	}
	in.MentorID = w.mentors[i].ID
	in.Evaluation = in.Program == data.Focused && w.evaluation.Checked
	if in.Program == data.Bridge {
		to, ok := w.roomOf(w.toSchool, w.toClassroom)
		if !ok {
			return in, errors.New("Choose the receiving school and classroom for the fall term.")
		}
		in.ToClassroomID = to.ID
		in.FallSessions = 1
		if w.fall.Selected == "2" {
			in.FallSessions = 2
		}
	}
	for i, e := range w.eventEntries {
		d, name, err := parseEventChoice(e.Text)
		if err != nil {
			return in, fmt.Errorf("Term %d event: %v", i+1, err)
		}
		in.Events = append(in.Events, d)
		in.EventNames = append(in.EventNames, name)
	}
	if _, err := data.TermRequirements(in.Program, in.Evaluation, in.FallSessions, in.Events); err != nil {
		return in, fmt.Errorf("Term events: %v", err)
	}
	return in, nil
}

// onPropose runs the planner and shows its proposal.
func (w *enrollmentWizard) onPropose() {
	in, err := w.input()
	if err != nil {
		w.formError.SetText(err.Error())
		return
	}
	w.formError.SetText("")
	w.proposeBtn.Disable()
	go func() {
		p, err := makeProposal(context.Background(), w.store, in)
		fyne.Do(func() {
			w.proposeBtn.Enable()
			if err != nil {
				w.formError.SetText("Cannot plan: " + err.Error())
				return
			}
			w.askTermEnds(p)
		})
	}()
}

func (w *enrollmentWizard) showProposal(p proposal) {
	choices := w.body.Objects[0]
	prop := newProposalView(w.d, w.store, p, w.events, func() {
		w.prop = nil
		w.body.Objects = []fyne.CanvasObject{choices}
		w.body.Refresh()
	}, w.close)
	w.body.Objects = []fyne.CanvasObject{prop.buildUI()}
	w.body.Refresh()
	w.prop = prop
}

func (w *enrollmentWizard) close(saved int64, year data.SchoolYear) { w.done(saved, year) }

// unsaved names the plan being adjusted, if any.
func (w *enrollmentWizard) unsaved() string {
	if w.prop != nil && !w.prop.saved {
		return "the new enrollment's plan"
	}
	return ""
}

func (w *enrollmentWizard) onAccept(done func(bool)) {
	if w.prop == nil {
		done(false)
		return
	}
	w.prop.accept(done)
}
