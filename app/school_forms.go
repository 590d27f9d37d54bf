package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

const noCalendar = "(none)"

// schoolForm is a school's page: its own fields, and its instructors and classrooms.
type schoolForm struct {
	s      *schools
	school data.School // as stored; ID 0 for a new school

	fs                *fieldSet
	name, address     *field
	district          *widget.SelectEntry
	level, calendar   *widget.Select
	heading, status   *widget.Label
	saveBtn           *widget.Button
	instructors       []data.Instructor
	rooms             []data.Classroom
	editInstructor    []*widget.Button
	editRoom          []*widget.Button
	addInstructor     *widget.Button
	addRoom           *widget.Button
	people, classes   *fyne.Container
	peopleH, classesH *widget.Label
	root              fyne.CanvasObject
}

func newSchoolForm(s *schools, x data.School) *schoolForm {
	f := &schoolForm{s: s, school: x}
	f.fs = newFieldSet(f.problems, f.edited)
	f.fs.submit = func() { f.save(func(bool) {}) }
	f.name = f.fs.entry("name", "Roosevelt High School")
	f.district = widget.NewSelectEntry(s.districts)
	f.fs.entryOf("district", "Choose or type a district", &f.district.Entry, f.district)
	f.level = widget.NewSelect(levelLabels(), nil)
	f.level.PlaceHolder = "(choose a level)"
	lf := f.fs.add("level", f.level)
	f.level.OnChanged = func(string) { f.fs.changed(lf) }
	f.address = f.fs.entry("address", "Street, city, ZIP")
	f.address.entry.MultiLine = true
	f.address.entry.SetMinRowsVisible(2)
	f.calendar = widget.NewSelect(append([]string{noCalendar}, s.calendars...), nil)
	editCal := widget.NewButtonWithIcon("Edit calendar", theme.CalendarIcon(), f.onEditCalendar)
	cf := f.fs.add("calendar", border(nil, nil, nil, editCal, f.calendar))
	f.calendar.OnChanged = func(string) { f.fs.changed(cf) }
	undo := f.fs.undoable(nil)
	f.fs.load(f.fill)

	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.SizeName = theme.SizeNameSubHeadingText
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("Save school", theme.DocumentSaveIcon(), func() { f.save(func(bool) {}) })
	f.saveBtn.Importance = widget.HighImportance
	revert := widget.NewButton("Revert", f.discard)
	roster := widget.NewButtonWithIcon("Roster handout PDF…", theme.DocumentIcon(), func() {
		if f.school.ID != 0 {
			saveRosterPDF(f.s.d, f.school.ID)
		}
	})
	buttons := container.NewVBox(formButtons(f.status, nil, undo, revert, f.saveBtn), container.NewHBox(roster))

	f.addInstructor = widget.NewButtonWithIcon("Add instructor", theme.ContentAddIcon(), func() { f.openInstructor(data.Instructor{}) })
	f.addRoom = widget.NewButtonWithIcon("Add classroom", theme.ContentAddIcon(), func() { f.openClassroom(data.Classroom{PeriodMinutes: data.DefaultPeriodMinutes}) })
	f.peopleH = sectionHeading("Instructors")
	f.classesH = sectionHeading("Classrooms")
	f.people, f.classes = container.NewVBox(), container.NewVBox()
	body := container.NewVBox(f.heading,
		f.fs.grid("Name", "District", "Level", "Address", "Calendar"), buttons,
		widget.NewSeparator(), border(nil, nil, nil, f.addInstructor, f.peopleH), f.people,
		widget.NewSeparator(), border(nil, nil, nil, f.addRoom, f.classesH), f.classes)
	f.root = container.NewVScroll(container.NewPadded(body))
	f.showHeading()
	return f
}

func (f *schoolForm) content() fyne.CanvasObject { return f.root }
func (f *schoolForm) start()                     { f.loadLists() }

func (f *schoolForm) fill() {
	x := f.school
	f.name.entry.SetText(x.Name)
	f.district.SetText(x.District)
	f.level.ClearSelected()
	if x.Level != "" {
		f.level.SetSelected(levelName(x.Level))
	}
	f.address.entry.SetText(x.Address)
	f.calendar.SetSelected(orNoCalendar(x.Calendar))
}

func (f *schoolForm) showHeading() {
	if f.school.ID == 0 {
		f.heading.SetText("New school")
	} else {
		f.heading.SetText(f.school.Name)
	}
}

// setChoices refreshes the district and calendar choices, keeping what is typed or chosen.
func (f *schoolForm) setChoices(districts, calendars []string) {
	f.district.SetOptions(districts)
	chosen := f.calendar.Selected
	f.fs.loading = true
	f.calendar.SetOptions(append([]string{noCalendar}, calendars...))
	f.calendar.SetSelected(chosen)
	f.fs.loading = false
}

// record is the school as the form shows it; the district and calendar are stored by name.
func (f *schoolForm) record() data.School {
	x := f.school
	x.Name = strings.TrimSpace(f.name.entry.Text)
	x.District, x.DistrictID = strings.TrimSpace(f.district.Text), 0
	x.Level = levelOf(f.level.Selected)
	x.Address = strings.TrimSpace(f.address.entry.Text)
	x.Calendar, x.CalendarID = f.calendar.Selected, 0
	if x.Calendar == noCalendar {
		x.Calendar = ""
	}
	return x
}

func (f *schoolForm) problems() data.Problems {
	x := f.record()
	ps := errProblems(x.Validate())
	if x.Level == "" { // nothing chosen yet: say so rather than quote an empty value
		ps = append(data.Problems{{Field: "level", Problem: "is required: choose one"}}, ps...)
	}
	for _, o := range f.s.all {
		if o.ID != x.ID && x.Name != "" && strings.EqualFold(o.Name, x.Name) {
			ps = append(data.Problems{{Field: "name", Problem: fmt.Sprintf("%q is already a school", o.Name)}}, ps...)
		}
	}
	return ps
}

func (f *schoolForm) what() string {
	if f.school.ID == 0 {
		return "the new school"
	}
	return "the school " + f.school.Name
}

func (f *schoolForm) dirty() bool {
	loaded := f.school
	loaded.DistrictID, loaded.CalendarID = 0, 0
	return f.record() != loaded
}

func (f *schoolForm) edited() { f.status.SetText("") }

func (f *schoolForm) undoLastChange()     { f.fs.undoLastChange() }
func (f *instructorForm) undoLastChange() { f.fs.undoLastChange() }
func (f *classroomForm) undoLastChange()  { f.fs.undoLastChange() }

func (f *schoolForm) discard() {
	f.fs.load(f.fill)
	f.status.SetText("")
}

func (f *schoolForm) save(done func(bool)) {
	if ps := f.fs.check(); len(ps) > 0 {
		f.status.SetText(problemSummary(ps))
		done(false)
		return
	}
	x := f.record()
	saveInBackground(f.s.work, f.s.d, f.fs, f.status, func(ctx context.Context) error {
		id, err := f.s.store.SaveSchool(ctx, x)
		x.ID = id
		return err
	}, func() {
		isNew := f.school.ID == 0
		f.school = x
		f.fs.load(f.fill)
		f.showHeading()
		f.s.saved(x.ID, func() {
			if isNew {
				f.loadLists()
			}
		})
	}, done)
}

func (f *schoolForm) onEditCalendar() {
	name := f.calendar.Selected
	if name == noCalendar {
		name = ""
	}
	if cal := f.s.cal; !cal.loadedOnce {
		cal.pending = name
		f.s.tabs.SelectIndex(1) // loads the calendars, then opens name
		return
	}
	f.s.tabs.SelectIndex(1)
	f.s.cal.choose(name)
}

type schoolPeople struct {
	instructors []data.Instructor
	rooms       []data.Classroom
}

// loadLists fetches the school's instructors and classrooms; a new school has none yet.
func (f *schoolForm) loadLists() {
	if f.school.ID == 0 {
		f.addInstructor.Disable()
		f.addRoom.Disable()
		f.people.Objects = []fyne.CanvasObject{hintLabel("Save the school first, then add its instructors.")}
		f.classes.Objects = []fyne.CanvasObject{hintLabel("Save the school first, then add its classrooms.")}
		f.root.Refresh()
		return
	}
	f.addInstructor.Enable()
	f.addRoom.Enable()
	id := f.school.ID
	schoolsLoad(f.s.work, f.s.d, func(ctx context.Context) (schoolPeople, error) {
		ins, err := f.s.store.Instructors(ctx, id)
		if err != nil {
			return schoolPeople{}, err
		}
		rooms, err := f.s.store.Classrooms(ctx, id)
		return schoolPeople{ins, rooms}, err
	}, f.showLists)
}

func (f *schoolForm) showLists(p schoolPeople) {
	f.instructors, f.rooms = p.instructors, p.rooms
	f.peopleH.SetText(fmt.Sprintf("Instructors (%d)", len(p.instructors)))
	f.classesH.SetText(fmt.Sprintf("Classrooms (%d)", len(p.rooms)))
	f.people.Objects, f.editInstructor = nil, nil
	for _, x := range p.instructors {
		b := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { f.openInstructor(x) })
		f.editInstructor = append(f.editInstructor, b)
		f.people.Add(border(nil, nil, nil, b, widget.NewLabel(joinSome(" · ", x.Name(), x.Email, x.Phone))))
	}
	if len(p.instructors) == 0 {
		f.people.Add(hintLabel("No instructors yet."))
	}
	f.classes.Objects, f.editRoom = nil, nil
	for _, c := range p.rooms {
		b := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { f.openClassroom(c) })
		f.editRoom = append(f.editRoom, b)
		l := widget.NewLabel(classroomLine(c, p.instructors))
		l.Wrapping = fyne.TextWrapWord
		f.classes.Add(border(nil, nil, nil, b, l))
	}
	if len(p.rooms) == 0 {
		f.classes.Add(hintLabel("No classrooms yet."))
	}
	f.root.Refresh() // the rows change the page's height
}

func (f *schoolForm) openInstructor(x data.Instructor) {
	f.s.leave(func() { f.s.show(newInstructorForm(f.s, f.school, x)) }, func() {})
}

func (f *schoolForm) openClassroom(c data.Classroom) {
	f.s.leave(func() { f.s.show(newClassroomForm(f.s, f.school, c, f.instructors, f.rooms)) }, func() {})
}

// classroomLine sums a classroom up in one line of the school page.
func classroomLine(c data.Classroom, ins []data.Instructor) string {
	who := "no instructor"
	for _, i := range ins {
		if i.ID == c.InstructorID {
			who = i.Name()
		}
	}
	grade := ""
	if c.Grade != "" {
		grade = ", grade " + c.Grade
	}
	return fmt.Sprintf("%s — %s%s · %s at %s for %d min · %s", c.Name, c.Ensemble, grade,
		meetingDaysText(c.MeetingDays), c.PeriodStart, c.PeriodMinutes, who)
}

// instructorForm adds or edits one of a school's instructors.
type instructorForm struct {
	s      *schools
	school data.School
	ins    data.Instructor

	fs                        *fieldSet
	first, last, email, phone *field
	status                    *widget.Label
	saveBtn                   *widget.Button
	root                      fyne.CanvasObject
}

func newInstructorForm(s *schools, school data.School, x data.Instructor) *instructorForm {
	f := &instructorForm{s: s, school: school, ins: x}
	f.fs = newFieldSet(func() data.Problems { return errProblems(f.record().Validate()) }, func() { f.status.SetText("") })
	f.fs.submit = func() { f.save(func(bool) {}) }
	f.first = f.fs.entry("first_name", "")
	f.last = f.fs.entry("last_name", "")
	f.email = f.fs.entry("email", "name@school.example.org")
	f.phone = f.fs.entry("phone", "206-555-0100")
	undo := f.fs.undoable(nil)
	f.fs.load(f.fill)
	f.status = widget.NewLabel("")
	f.saveBtn = widget.NewButtonWithIcon("Save instructor", theme.DocumentSaveIcon(), func() { f.save(func(bool) {}) })
	f.saveBtn.Importance = widget.HighImportance
	var del *widget.Button
	if x.ID != 0 {
		del = widget.NewButtonWithIcon("Delete instructor", theme.DeleteIcon(), f.onDelete)
	}
	buttons := formButtons(f.status, del, undo, widget.NewButton("Revert", f.discard), f.saveBtn)
	title := "New instructor at " + school.Name
	if x.ID != 0 {
		title = x.Name()
	}
	body := container.NewVBox(backTo(s, school), pageHeading(title),
		f.fs.grid("First name", "Last name", "E-mail", "Phone"), buttons)
	if x.ID != 0 {
		body.Add(sectionHeading("E-mail sent"))
		body.Add(sentListSized(s.d, 240, func(context.Context) (string, error) { return x.Email, nil }))
	}
	f.root = container.NewVScroll(container.NewPadded(body))
	return f
}

func (f *instructorForm) content() fyne.CanvasObject { return f.root }
func (f *instructorForm) start()                     {}

func (f *instructorForm) fill() {
	f.first.entry.SetText(f.ins.FirstName)
	f.last.entry.SetText(f.ins.LastName)
	f.email.entry.SetText(f.ins.Email)
	f.phone.entry.SetText(f.ins.Phone)
}

func (f *instructorForm) record() data.Instructor {
	x := f.ins
	x.FirstName = strings.TrimSpace(f.first.entry.Text)
	x.LastName = strings.TrimSpace(f.last.entry.Text)
	x.Email = strings.TrimSpace(f.email.entry.Text)
	x.Phone = strings.TrimSpace(f.phone.entry.Text)
	x.SchoolID, x.School = f.school.ID, f.school.Name
	return x
}

func (f *instructorForm) what() string {
	if f.ins.ID == 0 {
		return "the new instructor"
	}
	return "the instructor " + f.ins.Name()
}

func (f *instructorForm) dirty() bool {
	loaded := f.ins
	loaded.SchoolID, loaded.School = f.school.ID, f.school.Name
	return f.record() != loaded
}

func (f *instructorForm) discard() { f.fs.load(f.fill); f.status.SetText("") }

func (f *instructorForm) save(done func(bool)) {
	if ps := f.fs.check(); len(ps) > 0 {
		f.status.SetText(problemSummary(ps))
		done(false)
		return
	}
	x := f.record()
	saveInBackground(f.s.work, f.s.d, f.fs, f.status, func(ctx context.Context) error {
		id, err := f.s.store.SaveInstructor(ctx, x)
		x.ID, x.Email = id, data.NormalizeEmail(x.Email)
		return err
	}, func() {
		f.ins = x
		f.fs.load(f.fill)
		if f.s.page == f { // saved from its own button: back to the school, which lists it
			f.s.openSchool(f.school)
		}
	}, done)
}

func (f *instructorForm) onDelete() {
	dialog.ShowConfirm("Delete instructor", "Delete "+f.ins.Name()+" from "+f.school.Name+"?", func(yes bool) {
		if !yes {
			return
		}
		schoolsLoad(f.s.work, f.s.d, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, f.s.store.DeleteInstructor(ctx, f.ins.ID)
		}, func(struct{}) { f.s.openSchool(f.school) })
	}, f.s.d.win)
}

// backTo is the link from a sub-page back to its school.
func backTo(s *schools, school data.School) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(school.Name, theme.NavigateBackIcon(), func() {
		s.leave(func() { s.openSchool(school) }, func() {})
	})
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// levelName is a school level as directors write it: "K-8", "Middle".
func levelName(l data.Level) string {
	if l == data.K8 {
		return "K-8"
	}
	return data.Label(l)
}

func levelLabels() []string {
	out := make([]string, len(data.Levels))
	for i, l := range data.Levels {
		out[i] = levelName(l)
	}
	return out
}

func levelOf(label string) data.Level {
	for _, l := range data.Levels {
		if levelName(l) == label {
			return l
		}
	}
	return ""
}

func orNoCalendar(name string) string {
	if name == "" {
		return noCalendar
	}
	return name
}
