package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

const (
	docAnySchool     = "All schools"
	docAnyInstrument = "All instruments"
)

// docFields are the parameters of every kind of document, one form each.
type docFields struct {
	cMentor *picker[int64]
	cYear   *picker[data.SchoolYear]

	rSchool     *picker[int64]
	rInstrument *picker[string]
	rOn         *widgets.DateEntry

	sNumber *widget.Entry
	aNumber *picker[int]

	vMentor *picker[int64]
	vVisit  *picker[data.VisitPlace]

	hSchool    *picker[int64]
	hClassroom *picker[int64]
	hYear      *picker[data.SchoolYear]
	hMentor    *picker[int64]

	yMentor *picker[int64]
	yYear   *picker[int]

	iCohort *picker[int64]
	iPair   *picker[int64]
	oCohort *picker[int64]
}

func formOf(rows ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewFormLayout(), rows...)
}

func docLabel(s string) fyne.CanvasObject { return widget.NewLabel(s) }

// build makes one form per kind, in docKinds' order.
func (f *docFields) build(s *documents) []fyne.CanvasObject {
	f.cMentor = newPicker[int64]("Choose a mentor", nil)
	f.cYear = newPicker[data.SchoolYear]("School year", nil)

	f.rSchool = newPicker[int64](docAnySchool, nil)
	f.rInstrument = newPicker[string](docAnyInstrument, nil)
	f.rOn = widgets.NewDateEntry(false)

	f.sNumber = widget.NewEntry()
	f.sNumber.SetPlaceHolder("Statement number, like 17")
	f.sNumber.Validator = func(v string) error { _, err := statementNumber(v); return err }
	f.aNumber = newPicker[int]("Choose an adjustment", nil)

	f.vVisit = newPicker[data.VisitPlace]("Choose the visit", nil)
	f.vMentor = newPicker[int64]("Choose a mentor", func() { f.loadVisits(s) })

	f.hMentor = newPicker[int64]("Choose the mentor", nil)
	f.hClassroom = newPicker[int64]("Choose a classroom", func() { f.loadSchedules(s) })
	f.hYear = newPicker[data.SchoolYear]("School year", func() { f.loadSchedules(s) })
	f.hSchool = newPicker[int64]("Choose a school", func() { f.loadClassrooms(s) })

	f.yMentor = newPicker[int64]("Choose a mentor", nil)
	f.yYear = newPicker[int]("Calendar year", nil)

	f.iPair = newPicker[int64]("Choose a pair", nil)
	f.iCohort = newPicker[int64]("Choose a cohort", func() { f.loadPairs(s) })
	f.oCohort = newPicker[int64]("Choose a cohort", nil)

	return []fyne.CanvasObject{
		kindContract: formOf(docLabel("Mentor"), f.cMentor.sel, docLabel("School year"), f.cYear.sel),
		kindRoster: formOf(docLabel("School"), f.rSchool.sel, docLabel("Instrument"), f.rInstrument.sel,
			docLabel("Eligible on"), f.rOn),
		kindStatement:  formOf(docLabel("Statement No."), f.sNumber),
		kindAdjustment: formOf(docLabel("Adjustment"), f.aNumber.sel),
		kindSignoff:    formOf(docLabel("Mentor"), f.vMentor.sel, docLabel("Visit"), f.vVisit.sel),
		kindSchedule: formOf(docLabel("School"), f.hSchool.sel, docLabel("Classroom"), f.hClassroom.sel,
			docLabel("School year"), f.hYear.sel, docLabel("Mentor"), f.hMentor.sel),
		kindYearEnd:      formOf(docLabel("Mentor"), f.yMentor.sel, docLabel("Calendar year"), f.yYear.sel),
		kindIntroduction: formOf(docLabel("Cohort"), f.iCohort.sel, docLabel("Pair"), f.iPair.sel),
		kindCohort:       formOf(docLabel("Cohort"), f.oCohort.sel),
	}
}

func statementNumber(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a statement number", strings.TrimSpace(v))
	}
	return n, nil
}

// loadVisits offers the chosen mentor's visits, the next one first chosen.
func (f *docFields) loadVisits(s *documents) {
	mentor, ok := f.vMentor.value()
	if !ok {
		return
	}
	today := s.d.today()
	track(&s.busy, s.d, func(ctx context.Context) ([]data.VisitPlace, error) {
		return s.st.MentorVisits(ctx, mentor)
	}, func(visits []data.VisitPlace) {
		if now, _ := f.vMentor.value(); now != mentor {
			return
		}
		labels := make([]string, len(visits))
		var next data.VisitPlace
		for i, v := range visits {
			labels[i] = v.Date.Long() + " · " + v.School
			if v.Date >= today {
				next = v
			}
		}
		if next.Date.IsZero() && len(visits) > 0 {
			next = visits[0]
		}
		f.vVisit.values = nil // a new mentor: never keep another mentor's visit
		f.vVisit.set(labels, visits, next)
		f.vVisit.sel.PlaceHolder = "Choose the visit"
		if len(visits) == 0 {
			f.vVisit.sel.PlaceHolder = "This mentor has no sessions"
		}
		f.vVisit.sel.Refresh()
	})
}

func (f *docFields) loadClassrooms(s *documents) {
	school, ok := f.hSchool.value()
	if !ok {
		return
	}
	track(&s.busy, s.d, func(ctx context.Context) ([]data.Classroom, error) {
		return s.st.Classrooms(ctx, school)
	}, func(rooms []data.Classroom) {
		if now, _ := f.hSchool.value(); now != school {
			return
		}
		labels, ids := make([]string, len(rooms)), make([]int64, len(rooms))
		for i, c := range rooms {
			labels[i], ids[i] = c.Name, c.ID
		}
		f.hClassroom.set(labels, ids)
		f.loadSchedules(s)
	})
}

// loadSchedules offers the mentors who coach the chosen classroom in the chosen year.
func (f *docFields) loadSchedules(s *documents) {
	room, ok1 := f.hClassroom.value()
	year, ok2 := f.hYear.value()
	if !ok1 || !ok2 {
		f.hMentor.set(nil, nil)
		return
	}
	track(&s.busy, s.d, func(ctx context.Context) ([]data.Schedule, error) {
		return s.st.Schedules(ctx, room, year)
	}, func(all []data.Schedule) {
		if r, _ := f.hClassroom.value(); r != room {
			return
		}
		if y, _ := f.hYear.value(); y != year {
			return
		}
		labels, ids := make([]string, len(all)), make([]int64, len(all))
		for i, sc := range all {
			labels[i], ids[i] = sc.MentorName+" · "+sc.Program.Title(), sc.MentorID
		}
		var first []int64
		if len(ids) > 0 {
			first = ids[:1]
		}
		f.hMentor.set(labels, ids, first...)
		f.hMentor.sel.PlaceHolder = "Choose the mentor"
		if len(all) == 0 {
			f.hMentor.sel.PlaceHolder = "No mentor coaches this classroom in " + year.String()
		}
		f.hMentor.sel.Refresh()
	})
}

func (f *docFields) loadPairs(s *documents) {
	cohort, ok := f.iCohort.value()
	if !ok {
		return
	}
	type pairsData struct {
		pairs []data.Pair
		names map[int64]string
	}
	track(&s.busy, s.d, func(ctx context.Context) (pairsData, error) {
		var pd pairsData
		as, err := s.st.Applicants(ctx, cohort)
		if err != nil {
			return pd, err
		}
		pd.names = map[int64]string{}
		for _, a := range as {
			pd.names[a.ID] = a.Name()
		}
		pd.pairs, err = s.st.Pairs(ctx, cohort)
		return pd, err
	}, func(pd pairsData) {
		if now, _ := f.iCohort.value(); now != cohort {
			return
		}
		labels, ids := make([]string, len(pd.pairs)), make([]int64, len(pd.pairs))
		for i, p := range pd.pairs {
			labels[i], ids[i] = pd.names[p.EarlyID]+" and "+pd.names[p.ExperiencedID], p.ID
		}
		f.iPair.set(labels, ids)
		f.iPair.sel.PlaceHolder = "Choose a pair"
		if len(ids) == 0 {
			f.iPair.sel.PlaceHolder = "No pairs yet: match the cohort in Mutual Mentorship"
		}
		f.iPair.sel.Refresh()
	})
}

// prepare reads the chosen kind's parameters, or says what is still to choose.
func (f *docFields) prepare(s *documents) (makeDoc, error) {
	st, today := s.st, s.d.today()
	need := func(what string) error { return errors.New("Choose " + what + " first.") }
	switch s.kind {
	case kindContract:
		m, ok := f.cMentor.value()
		y, ok2 := f.cYear.value()
		if !ok || !ok2 {
			return nil, need("a mentor and a school year")
		}
		return contractMaker(st, m, y), nil
	case kindRoster:
		on, err := f.rOn.Date()
		if err != nil {
			return nil, fmt.Errorf("Eligible on: %v", err)
		}
		school, _ := f.rSchool.value()
		inst, _ := f.rInstrument.value()
		return rosterMaker(st, on, school, inst), nil
	case kindStatement:
		n, err := statementNumber(f.sNumber.Text)
		if err != nil {
			return nil, fmt.Errorf("Statement No.: %v", err)
		}
		return statementMaker(st, n), nil
	case kindAdjustment:
		n, ok := f.aNumber.value()
		if !ok {
			return nil, need("an adjustment statement")
		}
		return statementMaker(st, n), nil
	case kindSignoff:
		m, ok := f.vMentor.value()
		v, ok2 := f.vVisit.value()
		if !ok || !ok2 {
			return nil, need("a mentor and one of their visits")
		}
		return signoffMaker(st, m, v.SchoolID, v.Date), nil
	case kindSchedule:
		room, ok := f.hClassroom.value()
		y, ok2 := f.hYear.value()
		m, ok3 := f.hMentor.value()
		if !ok || !ok2 || !ok3 {
			return nil, need("a school, a classroom, a school year and the mentor")
		}
		return scheduleMaker(st, today, room, y, m), nil
	case kindYearEnd:
		m, ok := f.yMentor.value()
		y, ok2 := f.yYear.value()
		if !ok || !ok2 {
			return nil, need("a mentor and a calendar year")
		}
		return yearEndMaker(st, today, m, y), nil
	case kindIntroduction:
		c, ok := f.iCohort.value()
		p, ok2 := f.iPair.value()
		if !ok || !ok2 {
			return nil, need("a cohort and one of its pairs")
		}
		return introductionMaker(st, today, c, p), nil
	case kindCohort:
		c, ok := f.oCohort.value()
		if !ok {
			return nil, need("a cohort")
		}
		return cohortMaker(st, today, c), nil
	}
	return nil, fmt.Errorf("unknown document %d", s.kind)
}
