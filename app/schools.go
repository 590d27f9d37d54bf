package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// schoolSource is what the Schools area reads.
type schoolSource interface {
	Schools(ctx context.Context) ([]data.School, error)
	Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error)
	Instructors(ctx context.Context, schoolID int64) ([]data.Instructor, error)
}

// schools is the Schools area: a searchable list of schools and the selected school's page.
type schools struct {
	d     deps
	store schoolSource

	all, shown []data.School
	search     *widget.Entry
	count      *widget.Label
	list       *widget.List
	detail     *fyne.Container
	current    int64
}

func newSchools(d deps) *schools { return &schools{d: d, store: d.store} }

func (s *schools) buildUI() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search by school, district or level")
	s.search.OnChanged = func(string) { s.filter() }
	s.count = widget.NewLabel("")
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			return container.NewVBox(widget.NewLabelWithStyle("Roosevelt High School", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				widget.NewLabel("Shoreline School District · high"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			x := s.shown[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(x.Name)
			box.Objects[1].(*widget.Label).SetText(x.District + " · " + data.Label(x.Level))
		})
	s.list.OnSelected = func(id widget.ListItemID) { s.showSchool(s.shown[id]) }
	s.detail = container.NewStack(emptyState("Select a school to see its classrooms and instructors.", nil))
	left := container.NewBorder(container.NewBorder(nil, nil, nil, s.count, s.search), nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.34
	return split
}

func (s *schools) reload() {
	background(s.d, s.store.Schools, func(xs []data.School) {
		s.all = xs
		s.filter()
	})
}

func (s *schools) filter() {
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	s.shown = s.shown[:0]
	for _, x := range s.all {
		if q == "" || strings.Contains(strings.ToLower(x.Name+" "+x.District+" "+string(x.Level)), q) {
			s.shown = append(s.shown, x)
		}
	}
	s.count.SetText(fmt.Sprintf("%d of %d", len(s.shown), len(s.all)))
	s.list.UnselectAll()
	s.list.Refresh()
}

type schoolDetail struct {
	rooms       []data.Classroom
	instructors []data.Instructor
}

func (s *schools) showSchool(x data.School) {
	s.current = x.ID
	background(s.d, func(ctx context.Context) (schoolDetail, error) {
		rooms, err := s.store.Classrooms(ctx, x.ID)
		if err != nil {
			return schoolDetail{}, err
		}
		ins, err := s.store.Instructors(ctx, x.ID)
		return schoolDetail{rooms, ins}, err
	}, func(sd schoolDetail) {
		if s.current != x.ID {
			return
		}
		s.detail.Objects = []fyne.CanvasObject{schoolPage(x, sd)}
		s.detail.Refresh()
	})
}

func schoolPage(x data.School, sd schoolDetail) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(x.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewForm(
		widget.NewFormItem("District", widget.NewLabel(x.District)),
		widget.NewFormItem("Level", widget.NewLabel(data.Label(x.Level))),
		widget.NewFormItem("Address", wrapLabel(x.Address)),
		widget.NewFormItem("Calendar", widget.NewLabel(orNone(x.Calendar))),
	)
	rooms := container.NewVBox(widget.NewLabelWithStyle(fmt.Sprintf("Classrooms (%d)", len(sd.rooms)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, c := range sd.rooms {
		rooms.Add(widget.NewLabel(fmt.Sprintf("%s — %s, grade %s · %s at %s for %d min · %s",
			c.Name, c.Ensemble, orNone(c.Grade), c.MeetingDays, c.PeriodStart, c.PeriodMinutes, orNone(c.InstructorEmail))))
	}
	ins := container.NewVBox(widget.NewLabelWithStyle(fmt.Sprintf("Instructors (%d)", len(sd.instructors)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, i := range sd.instructors {
		ins.Add(widget.NewLabel(fmt.Sprintf("%s · %s · %s", i.Name(), i.Email, i.Phone)))
	}
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, info, widget.NewSeparator(), rooms, widget.NewSeparator(), ins)))
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
