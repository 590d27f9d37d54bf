package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
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
	adjustments []data.StatementRef
	cohorts     []data.Cohort
}

func loadDocChoices(ctx context.Context, st documentsStore, today data.Date) (docChoices, error) {
	var c docChoices
	var err error
	if c.set, err = st.Settings(ctx); err != nil {
		return c, err
	}
	if c.mentors, err = st.Mentors(ctx, data.MentorFilter{}); err != nil {
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
	f.aNumber.sel.PlaceHolder = "Choose an adjustment"
	if len(adjNames) == 0 {
		f.aNumber.sel.PlaceHolder = "No adjustment has been issued yet"
	}
	f.aNumber.set(adjNames, adjNumbers)

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
