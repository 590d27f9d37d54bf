package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

// picker is a Select whose options stand for values, such as mentors for their IDs.
type picker[T comparable] struct {
	sel    *widget.Select
	values []T
}

func newPicker[T comparable](placeholder string, changed func()) *picker[T] {
	p := &picker[T]{}
	p.sel = widget.NewSelect(nil, func(string) {
		if changed != nil {
			changed()
		}
	})
	p.sel.PlaceHolder = placeholder
	return p
}

// set replaces the options, keeping the chosen value when it is still offered, else choosing
// want (when offered).
func (p *picker[T]) set(labels []string, values []T, want ...T) {
	keep, had := p.value()
	p.values = values
	p.sel.Options = labels
	at := -1
	for i, v := range values {
		if had && v == keep {
			at = i
		}
	}
	if at < 0 && len(want) > 0 {
		at = slices.Index(values, want[0])
	}
	if at < 0 {
		p.sel.ClearSelected()
	} else if p.sel.SelectedIndex() != at {
		p.sel.SetSelectedIndex(at)
	}
	p.sel.Refresh()
}

func (p *picker[T]) value() (T, bool) {
	var zero T
	i := p.sel.SelectedIndex()
	if i < 0 || i >= len(p.values) {
		return zero, false
	}
	return p.values[i], true
}

// docChoices are the options of the area's selects.
type docChoices struct {
	set         data.Settings
	mentors     []data.Mentor
	schools     []data.School
	instruments []string
	years       []data.SchoolYear
	calYears    []int
	months      []data.Date
	adjustments []sqlite.StatementRef
	cohorts     []data.Cohort
}

func loadDocChoices(ctx context.Context, st documentsStore, today data.Date) (docChoices, error) {
	var c docChoices
	var err error
	if c.set, err = st.Settings(ctx); err != nil {
		return c, err
	}
	if c.mentors, err = st.Mentors(ctx, sqlite.MentorFilter{}); err != nil {
		return c, err
	}
	if c.schools, err = st.Schools(ctx); err != nil {
		return c, err
	}
	if c.instruments, err = st.MentorInstruments(ctx); err != nil {
		return c, err
	}
	if c.years, err = st.SchoolYears(ctx); err != nil {
		return c, err
	}
	this := c.set.SchoolYear(today)
	for _, y := range []data.SchoolYear{this + 1, this} {
		if !slices.Contains(c.years, y) {
			c.years = append(c.years, y)
		}
	}
	slices.SortFunc(c.years, func(a, b data.SchoolYear) int { return int(b - a) })
	if c.calYears, err = st.StatementYears(ctx); err != nil {
		return c, err
	}
	if !slices.Contains(c.calYears, today.Year()) {
		c.calYears = append([]int{today.Year()}, c.calYears...)
	}
	if c.months, err = st.StatementMonths(ctx); err != nil {
		return c, err
	}
	if c.adjustments, err = st.Adjustments(ctx); err != nil {
		return c, err
	}
	c.cohorts, err = st.Cohorts(ctx)
	return c, err
}

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
	vVisit  *picker[sqlite.VisitPlace]

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

	f.vVisit = newPicker[sqlite.VisitPlace]("Choose the visit", nil)
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

// fill puts the loaded choices into the selects, keeping what is chosen.
func (f *docFields) fill(s *documents, c docChoices, today data.Date) {
	var names []string
	var ids []int64
	for _, m := range c.mentors {
		names, ids = append(names, m.SortName()), append(ids, m.ID)
	}
	for _, p := range []*picker[int64]{f.cMentor, f.vMentor, f.yMentor} {
		p.set(names, ids)
	}
	this := c.set.SchoolYear(today)
	var yearNames []string
	for _, y := range c.years {
		yearNames = append(yearNames, y.String())
	}
	f.cYear.set(yearNames, c.years, this)
	f.hYear.set(yearNames, c.years, this)

	schoolNames, schoolIDs := []string{docAnySchool}, []int64{0}
	for _, x := range c.schools {
		schoolNames, schoolIDs = append(schoolNames, x.Name), append(schoolIDs, x.ID)
	}
	f.rSchool.set(schoolNames, schoolIDs, 0)
	f.hSchool.set(schoolNames[1:], schoolIDs[1:])
	f.rInstrument.set(append([]string{docAnyInstrument}, c.instruments...), append([]string{""}, c.instruments...), "")
	if f.rOn.Text == "" {
		f.rOn.SetDate(today)
	}

	var adjNames []string
	var adjNumbers []int
	for _, a := range c.adjustments {
		adjNames = append(adjNames, fmt.Sprintf("No. %d, correcting No. %d · %s · %s", a.Number, a.Adjusts, a.MentorName, a.IssuedOn.Short()))
		adjNumbers = append(adjNumbers, a.Number)
	}
	f.aNumber.set(adjNames, adjNumbers)
	if len(adjNames) == 0 {
		f.aNumber.sel.PlaceHolder = "No adjustment has been issued yet"
		f.aNumber.sel.Refresh()
	}

	var calNames []string
	for _, y := range c.calYears {
		calNames = append(calNames, strconv.Itoa(y))
	}
	f.yYear.set(calNames, c.calYears, today.Year())

	var cohortNames []string
	var cohortIDs []int64
	for _, x := range c.cohorts {
		cohortNames, cohortIDs = append(cohortNames, x.Name), append(cohortIDs, x.ID)
	}
	var newest []int64
	if len(cohortIDs) > 0 {
		newest = cohortIDs[:1] // the store lists the newest first
	}
	f.iCohort.set(cohortNames, cohortIDs, newest...)
	f.oCohort.set(cohortNames, cohortIDs, newest...)
}

// loadVisits offers the chosen mentor's visits, the next one first chosen.
func (f *docFields) loadVisits(s *documents) {
	mentor, ok := f.vMentor.value()
	if !ok {
		return
	}
	today := s.d.today()
	track(&s.busy, s.d, func(ctx context.Context) ([]sqlite.VisitPlace, error) {
		return s.st.MentorVisits(ctx, mentor)
	}, func(visits []sqlite.VisitPlace) {
		if now, _ := f.vMentor.value(); now != mentor {
			return
		}
		labels := make([]string, len(visits))
		var next sqlite.VisitPlace
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
	track(&s.busy, s.d, func(ctx context.Context) ([]sqlite.Schedule, error) {
		return s.st.Schedules(ctx, room, year)
	}, func(all []sqlite.Schedule) {
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
