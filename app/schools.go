package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// schoolStore is what the Schools area reads and writes.
type schoolStore interface {
	Schools(ctx context.Context) ([]data.School, error)
	Districts(ctx context.Context) ([]string, error)
	SaveSchool(ctx context.Context, x data.School) (int64, error)
	Instructors(ctx context.Context, schoolID int64) ([]data.Instructor, error)
	SaveInstructor(ctx context.Context, x data.Instructor) (int64, error)
	DeleteInstructor(ctx context.Context, id int64) error
	Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error)
	SaveClassroom(ctx context.Context, c data.Classroom) (int64, error)
	DeleteClassroom(ctx context.Context, id int64) error
	Events(ctx context.Context, classroomID int64, from, through data.Date) ([]data.Event, error)
	SaveEvent(ctx context.Context, e data.Event) error
	DeleteEvent(ctx context.Context, id int64) error
	calendarStore
}

// formPage is what the right side of the Schools tab shows: a school, instructor or classroom.
type formPage interface {
	content() fyne.CanvasObject
	what() string // "the classroom 7th Grade Band"
	dirty() bool
	save(done func(ok bool))
	discard()
	// start begins the page's loads once it is on screen.
	start()
}

// schools is the Schools area: a searchable list of schools beside the page of the one chosen,
// and the school calendar editor in a second tab.
type schools struct {
	d      deps
	store  schoolStore
	export *widget.Button // the schools to CSV
	work   *schoolsWork

	all, shown []data.School
	districts  []string
	calendars  []string
	search     *widget.Entry
	newBtn     *widget.Button
	count      *widget.Label
	list       *widget.List
	detail     *fyne.Container
	page       formPage
	current    int64 // the school whose page is open; 0 for none or a new one
	selecting  bool  // the list selection is being set from code
	tabs       *container.AppTabs
	cal        *calendarEditor
}

var _ editor = (*schools)(nil)

func newSchools(d deps) *schools { return &schools{d: d, store: d.store, work: &schoolsWork{}} }

func (s *schools) buildUI() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search schools")
	s.search.OnChanged = func(string) { s.filter() }
	s.count = widget.NewLabel("")
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			return container.NewVBox(widget.NewLabelWithStyle("Roosevelt High School", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				widget.NewLabel("Shoreline School District · high"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(s.shown) {
				return
			}
			x := s.shown[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(x.Name)
			box.Objects[1].(*widget.Label).SetText(x.District + " · " + levelName(x.Level))
		})
	s.list.OnSelected = s.onSelect
	s.newBtn = widget.NewButtonWithIcon("New school", theme.ContentAddIcon(), s.onNewSchool)
	s.detail = container.NewStack(schoolsEmpty("Choose a school on the left, or add one with New school.", nil))
	s.export = exportButton(s.d, csvio.Schools)
	top := container.NewVBox(border(nil, nil, nil, s.newBtn, s.search), border(nil, nil, nil, s.export, s.count))
	split := container.NewHSplit(border(top, nil, nil, nil, s.list), s.detail)
	split.Offset = 0.3

	s.cal = newCalendarEditor(s.d, s.store, s.work)
	s.cal.onCalendarsChanged = s.reload
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Schools", theme.StorageIcon(), split),
		container.NewTabItemWithIcon("School calendars", theme.CalendarIcon(), s.cal.buildUI()),
	)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "School calendars" && !s.cal.loadedOnce {
			s.cal.reload()
		}
	}
	return s.tabs
}

// schoolsLists are the schools and the choices the school form offers; the calendar editor
// takes its calendars from the same load.
type schoolsLists struct {
	schools   []data.School
	districts []string
	cal       calendarLists
}

func (s *schools) reload() { s.reloadThen(nil) }

// reloadThen loads the lists again and runs then (if any) once they are shown.
func (s *schools) reloadThen(then func()) {
	withCal := s.cal.loadedOnce
	schoolsLoad(s.work, s.d, func(ctx context.Context) (schoolsLists, error) {
		var l schoolsLists
		var err error
		if l.schools, err = s.store.Schools(ctx); err != nil {
			return l, err
		}
		if l.districts, err = s.store.Districts(ctx); err != nil {
			return l, err
		}
		l.cal, err = loadCalendarLists(ctx, s.store)
		return l, err
	}, func(l schoolsLists) {
		s.districts = l.districts
		s.calendars = s.calendars[:0]
		for _, c := range l.cal.cals {
			s.calendars = append(s.calendars, c.Name)
		}
		if sp, ok := s.page.(*schoolForm); ok {
			sp.setChoices(s.districts, s.calendars)
		}
		if withCal {
			s.cal.loadedLists(l.cal)
		}
		s.filterFrom(l.schools)
		s.all = l.schools // last: a test waiting on it finds the list already shown
		if then != nil {
			then()
		}
	})
}

func (s *schools) filter() { s.filterFrom(s.all) }

// filterFrom shows the schools of all that match the search.
func (s *schools) filterFrom(all []data.School) {
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	var shown []data.School
	for _, x := range all {
		if q == "" || strings.Contains(strings.ToLower(x.Name+" "+x.District+" "+string(x.Level)+" "+levelName(x.Level)), q) {
			shown = append(shown, x)
		}
	}
	s.shown = shown
	s.count.SetText(fmt.Sprintf("%d of %d schools", len(shown), len(all)))
	s.list.Refresh()
	s.markCurrent()
}

// markCurrent selects the open school's row without opening it again.
func (s *schools) markCurrent() {
	s.selecting = true
	defer func() { s.selecting = false }()
	for i, x := range s.shown {
		if x.ID == s.current && x.ID != 0 {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

func (s *schools) onSelect(id widget.ListItemID) {
	if s.selecting || id >= len(s.shown) {
		return
	}
	x := s.shown[id]
	if x.ID == s.current {
		return
	}
	s.leave(func() { s.openSchool(x) }, s.markCurrent)
}

func (s *schools) onNewSchool() {
	s.tabs.SelectIndex(0)
	s.leave(func() { s.openSchool(data.School{}) }, func() {})
}

// leave runs proceed once the page on show has no unsaved edits, asking first when it has.
func (s *schools) leave(proceed, stay func()) {
	if s.page == nil || !s.page.dirty() {
		proceed()
		return
	}
	askUnsaved(s.d.win, s.page.what(), s.page.save, s.page.discard, proceed, stay)
}

func (s *schools) show(p formPage) {
	s.page = p
	s.detail.Objects = []fyne.CanvasObject{p.content()}
	s.detail.Refresh()
	p.start()
}

// openSchool shows a school's page (a blank one when x.ID is 0).
func (s *schools) openSchool(x data.School) {
	s.current = x.ID
	s.markCurrent()
	s.show(newSchoolForm(s, x))
}

// saved is called by a school page once its school is stored, so the list shows it; then runs
// once the list is loaded again.
func (s *schools) saved(id int64, then func()) {
	s.current = id
	s.reloadThen(then)
}

// unsaved, saveEdits and discardEdits let the shell ask before edits are lost.
func (s *schools) unsaved() string {
	var parts []string
	if s.page != nil && s.page.dirty() {
		parts = append(parts, s.page.what())
	}
	if s.cal != nil && s.cal.dirty() {
		parts = append(parts, s.cal.what())
	}
	return strings.Join(parts, " and ")
}

// undoLastChange is Edit › Undo on the school, classroom or instructor form shown.
func (s *schools) undoLastChange() {
	if u, ok := s.page.(undoer); ok {
		u.undoLastChange()
	}
}

func (s *schools) saveEdits(done func(ok bool)) {
	saveCal := func(ok bool) {
		if !ok || s.cal == nil || !s.cal.dirty() {
			done(ok)
			return
		}
		s.cal.save(done)
	}
	if s.page != nil && s.page.dirty() {
		s.page.save(saveCal)
		return
	}
	saveCal(true)
}

func (s *schools) discardEdits() {
	if s.page != nil {
		s.page.discard()
	}
	if s.cal != nil {
		s.cal.discard()
	}
}

// schoolsEmpty says what an empty pane is for and what to do next.
func schoolsEmpty(text string, action *widget.Button) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(l)
	if action != nil {
		box.Add(container.NewCenter(action))
	}
	return container.NewCenter(container.NewPadded(box))
}

// orNone shows an empty value as a dash.
func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// focusSearch is Edit › Find: the cursor goes to the search.
func (s *schools) focusSearch() { focusIn(s.d.win, s.search) }
