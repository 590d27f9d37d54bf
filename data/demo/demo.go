// Package demo fills an empty MentorDesk database with a sample organisation — mentors, two
// districts' schools and calendars, two school years of sessions, payments and a mutual-mentorship
// cohort — dated around a given day, so the sample always looks current.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"mentordesk/data"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

// ErrNotEmpty is returned when the database already holds mentors or schools.
var ErrNotEmpty = errors.New("the sample organisation fills an empty database only")

// filler carries what the steps of Fill share.
type filler struct {
	ctx   context.Context
	s     *sqlite.Store
	ops   *service.Service // the operations, with their rules, as the window runs them
	today data.Date
	rng   *rand.Rand
	start data.MonthDay
	last  data.SchoolYear // the school year before today's
	this  data.SchoolYear // the school year holding today

	mentors map[string]*data.Mentor
	schools map[string]*schoolRef
	diary   diary
	terms   []*termPlan
	tagged  map[string]int64 // enrollments later steps act on, by tag
}

// Fill fills an empty database with the sample organisation "Cascade Youth Music Mentors":
// settings, 30 mentors in every compliance situation, 8 schools with calendars, classrooms and
// concerts, enrollments in all three programs over the school year holding today and the one
// before, sessions in every state, a year of statements and payments, and a mutual-mentorship
// cohort. The same today always gives the same organisation. It refuses a database that
// already holds a mentor or a school; on failure part of the sample may have been written.
func Fill(ctx context.Context, s *sqlite.Store, today data.Date) error {
	if today.IsZero() {
		return errors.New("the sample organisation needs today's date")
	}
	mentors, err := s.Mentors(ctx, data.MentorFilter{})
	if err != nil {
		return err
	}
	schools, err := s.Schools(ctx)
	if err != nil {
		return err
	}
	if len(mentors) > 0 || len(schools) > 0 {
		return fmt.Errorf("the database %s already holds %d mentor(s) and %d school(s): %w", s.Path(), len(mentors), len(schools), ErrNotEmpty)
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	f := &filler{ctx: ctx, s: s, ops: service.New(s), today: today, start: set.SchoolYearStart,
		rng:     rand.New(rand.NewPCG(uint64(today), 0x43594d4d)), // the seed follows today only
		mentors: map[string]*data.Mentor{}, schools: map[string]*schoolRef{},
		diary: newDiary(), tagged: map[string]int64{}}
	f.this = data.SchoolYearOf(today, f.start)
	f.last = f.this - 1

	steps := []struct {
		what string
		run  func() error
	}{
		{"settings", func() error { return f.addSettings(set) }},
		{"mentors", f.addPeople},
		{"schools", f.addPlaces},
		{"enrollments", f.addEnrollments},
		{"session states", f.addStates},
		{"statements", f.addStatements},
		{"mutual mentorship", f.addCohort},
	}
	for _, st := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := st.run(); err != nil {
			return fmt.Errorf("sample organisation, %s: %w", st.what, err)
		}
	}
	return nil
}

func (f *filler) addSettings(set data.Settings) error {
	set.OrgName = "Cascade Youth Music Mentors"
	set.OrgAddress = "1520 Westlake Ave N, Suite 210, Seattle, WA 98109"
	set.OrgTimezone = "America/Los_Angeles"
	set.RateFocused = 7500
	set.RateSeason = 8000
	set.RateBridge = 9000
	set.RateContinuation = 5000
	return f.s.SaveSettings(f.ctx, set)
}
