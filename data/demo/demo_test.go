package demo_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

var today = data.MustDate("2026-11-22")

func filled(t *testing.T, on data.Date) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	began := time.Now()
	if err := demo.Fill(context.Background(), s, on); err != nil {
		t.Fatal(err)
	}
	t.Logf("filled for %s in %s", on, time.Since(began).Round(time.Millisecond))
	return s
}

func TestFill(t *testing.T) {
	ctx := context.Background()
	s := filled(t, today)
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mentors, _ := s.Mentors(ctx, data.MentorFilter{WithPhotos: true})
	schools, _ := s.Schools(ctx)
	classrooms, _ := s.Classrooms(ctx, 0)
	sessions, _ := s.Sessions(ctx, data.SessionFilter{})
	calendars, _ := s.Calendars(ctx)
	start := set.SchoolYearStart
	thisYear := data.SchoolYearOf(today, start)

	t.Run("settings", func(t *testing.T) {
		if set.OrgName != "Cascade Youth Music Mentors" || set.OrgTimezone != "America/Los_Angeles" ||
			!strings.Contains(set.OrgAddress, "Seattle") {
			t.Errorf("organisation %q at %q in %s", set.OrgName, set.OrgAddress, set.OrgTimezone)
		}
		if set.RateFocused != 7500 || set.RateSeason != 8000 || set.RateBridge != 9000 || set.RateContinuation != 5000 {
			t.Errorf("rates %s %s %s %s", set.RateFocused, set.RateSeason, set.RateBridge, set.RateContinuation)
		}
	})

	t.Run("counts", func(t *testing.T) {
		status := map[data.MentorStatus]int{}
		for _, m := range mentors {
			status[m.Status]++
		}
		if len(mentors) < 25 || status[data.MentorApplicant] != 3 || status[data.Inactive] != 2 {
			t.Errorf("%d mentors by status %v; want ≥25 with 3 applicants and 2 inactive", len(mentors), status)
		}
		if len(schools) != 8 {
			t.Errorf("%d schools; want 8", len(schools))
		}
		if len(classrooms) < 28 || len(classrooms) > 34 {
			t.Errorf("%d classrooms; want about 30", len(classrooms))
		}
		if len(calendars) != 2 {
			t.Errorf("%d calendars; want one per district", len(calendars))
		}
		events, _ := s.Events(ctx, 0, 0, 0)
		if len(events) != 6*len(classrooms) {
			t.Errorf("%d events; want three per classroom in each of two years", len(events))
		}
		t.Logf("%d mentors, %d schools, %d classrooms, %d events, %d sessions", len(mentors), len(schools), len(classrooms), len(events), len(sessions))
	})

	t.Run("accented names", func(t *testing.T) {
		want := map[string]bool{"Thị Minh Nguyễn": false, "Zoë Łukasiewicz": false, "José Peña": false, "Åsa Öberg": false}
		for _, m := range mentors {
			if _, ok := want[m.Name()]; ok {
				want[m.Name()] = true
				if len(m.Photo) == 0 {
					t.Errorf("%s has no photo", m.Name())
				}
			}
		}
		for name, found := range want {
			if !found {
				t.Errorf("no mentor named %q", name)
			}
		}
	})

	t.Run("sessions in every state and program in both school years", func(t *testing.T) {
		states := map[data.SchoolYear]map[data.SessionStatus]int{}
		programs := map[data.SchoolYear]map[data.Program]int{}
		for _, x := range sessions {
			y := data.SchoolYearOf(x.Date, start)
			if states[y] == nil {
				states[y], programs[y] = map[data.SessionStatus]int{}, map[data.Program]int{}
			}
			states[y][x.Status]++
			programs[y][x.Program]++
		}
		for _, y := range []data.SchoolYear{thisYear - 1, thisYear} {
			for _, st := range data.SessionStatuses {
				if states[y][st] == 0 {
					t.Errorf("%s has no %s session (%v)", y, st, states[y])
				}
			}
			for _, p := range data.Programs {
				if programs[y][p] == 0 {
					t.Errorf("%s has no %s session", y, p)
				}
			}
			t.Logf("%s: %v", y, states[y])
		}
		for _, x := range sessions {
			if x.Date >= today && x.Status != data.Planned && x.Status != data.Cancelled {
				t.Errorf("session of %s at %s is %s before it took place", x.Date, x.School, x.Status)
			}
		}
	})

	t.Run("no mentor at two schools on one date", func(t *testing.T) {
		at := map[string]string{}
		for _, x := range sessions {
			k := fmt.Sprint(x.MentorID, x.Date)
			if s, ok := at[k]; ok && s != x.School {
				t.Errorf("%s is at %s and %s on %s", x.MentorName, s, x.School, x.Date)
			}
			at[k] = x.School
		}
	})

	t.Run("several multi-classroom visits", func(t *testing.T) {
		rooms := map[string]int{}
		for _, x := range sessions {
			rooms[fmt.Sprint(x.MentorID, x.SchoolID, x.Date)]++
		}
		multi := 0
		for _, n := range rooms {
			if n > 1 {
				multi++
			}
		}
		if multi < 5 {
			t.Errorf("%d visits with more than one classroom; want several", multi)
		}
	})

	t.Run("sessions on school days and meeting days", func(t *testing.T) {
		cal := map[int64]data.Calendar{}
		for _, c := range calendars {
			cal[c.ID] = c
		}
		schoolCal := map[int64]data.Calendar{}
		for _, sc := range schools {
			schoolCal[sc.ID] = cal[sc.CalendarID]
		}
		room := map[int64]data.Classroom{}
		for _, c := range classrooms {
			room[c.ID] = c
		}
		for _, x := range sessions {
			if ok, why := schoolCal[x.SchoolID].IsSchoolDay(x.Date, start); !ok {
				t.Errorf("%s at %s: %s", x.Classroom, x.School, why)
			}
			c := room[x.ClassroomID]
			if !c.MeetingDays.Has(x.Date.Weekday()) {
				t.Errorf("%s at %s on %s, a %s; it meets %s", x.Classroom, x.School, x.Date, x.Date.Weekday(), c.MeetingDays)
			}
			if x.Start != c.PeriodStart || x.Minutes != c.PeriodMinutes {
				t.Errorf("%s at %s on %s runs %s for %d minutes; the period is %s for %d", x.Classroom, x.School, x.Date,
					x.Start, x.Minutes, c.PeriodStart, c.PeriodMinutes)
			}
		}
	})

	t.Run("terms keep R9 spacing and lead", func(t *testing.T) {
		enrollments, _ := s.Enrollments(ctx, 0, 0)
		for _, e := range enrollments {
			all, _ := s.Sessions(ctx, data.SessionFilter{EnrollmentID: e.ID})
			for _, term := range e.Terms {
				var dates []data.Date
				for _, x := range all {
					if x.Term == term.Index {
						dates = append(dates, x.Date)
					}
				}
				if len(dates) == 0 {
					continue // a fall follow-up whose calendar is not out yet
				}
				if len(dates) != term.Required {
					t.Errorf("enrollment %d term %d: %d sessions; want %d", e.ID, term.Index, len(dates), term.Required)
				}
				if e.Evaluation && term.Index == 1 {
					if e.Terms[0].Required != 4 || dates[0] > dates[1] {
						t.Errorf("enrollment %d: the evaluation does not open the year", e.ID)
					}
					dates = dates[1:]
				}
				for i := 1; i < len(dates); i++ {
					if gap := dates[i-1].DaysUntil(dates[i]); gap < 14 || gap > 21 {
						t.Errorf("enrollment %d term %d: %s and %s are %d days apart", e.ID, term.Index, dates[i-1], dates[i], gap)
					}
				}
				if lead := dates[len(dates)-1].DaysUntil(term.EventDate); lead < 1 || lead > 21 {
					t.Errorf("enrollment %d term %d: last session %d days before the event", e.ID, term.Index, lead)
				}
			}
		}
	})

	t.Run("early end, extra season and moved sessions", func(t *testing.T) {
		enrollments, _ := s.Enrollments(ctx, 0, 0)
		var ended, requests int
		for _, e := range enrollments {
			if e.Status == data.EnrollmentEnded && e.EndReason != "" {
				ended++
			}
			rs, _ := s.SeasonRequests(ctx, e.ID)
			requests += len(rs)
		}
		if ended != 1 || requests != 1 {
			t.Errorf("%d enrollments ended early and %d season requests; want 1 and 1", ended, requests)
		}
		moved := 0
		for _, x := range sessions {
			ms, _ := s.SessionMoves(ctx, x.ID)
			moved += len(ms)
		}
		if moved < 1 || moved > 2 {
			t.Errorf("%d moved sessions; want one or two", moved)
		}
	})

	t.Run("last year's statements issued, most paid; this year's waiting", func(t *testing.T) {
		sts, err := s.Statements(ctx, data.StatementFilter{})
		if err != nil {
			t.Fatal(err)
		}
		paid := 0
		for _, st := range sts {
			if data.SchoolYearOf(st.VisitDate, start) != thisYear-1 {
				t.Errorf("statement No. %d pays a visit of %s, outside last school year", st.Number, st.VisitDate)
			}
			if st.Status == data.Paid {
				paid++
			}
		}
		if len(sts) < 50 || paid == len(sts) || paid < len(sts)*9/10 {
			t.Errorf("%d statements, %d paid; want many, most but not all paid", len(sts), paid)
		}
		t.Logf("%d statements, %d paid", len(sts), paid)
		var waiting int
		for _, x := range sessions {
			if x.Status == data.Confirmed && x.StatementID == 0 && data.SchoolYearOf(x.Date, start) == thisYear {
				waiting++
			}
		}
		if waiting == 0 {
			t.Error("no confirmed session of this year waits for a statement")
		}
	})

	t.Run("compliance situations", func(t *testing.T) {
		rows, err := s.Compliance(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		var cleared, expiring, notCleared, fbiRequired, noContract int
		for _, r := range rows {
			c := r.Clearance
			switch {
			case c.Expiring:
				expiring++
			case c.Cleared:
				cleared++
			default:
				notCleared++
			}
			if c.FBIRequired {
				fbiRequired++
			}
			if !r.Contract.Signed {
				noContract++
			}
		}
		if cleared < 15 || expiring < 1 || notCleared < 5 || fbiRequired < 4 || noContract < 5 {
			t.Errorf("cleared %d, expiring %d, not cleared %d, FBI required %d, no contract %d",
				cleared, expiring, notCleared, fbiRequired, noContract)
		}
		problems := strings.ToLower(fmt.Sprint(rowsProblems(rows)))
		for _, want := range []string{"pending", "not clear", "fbi", "expired", "has one for"} {
			if !strings.Contains(problems, want) {
				t.Errorf("no compliance problem mentions %q:\n%s", want, problems)
			}
		}
	})

	t.Run("mutual mentorship cohort", func(t *testing.T) {
		cohorts, _ := s.Cohorts(ctx)
		if len(cohorts) != 1 || cohorts[0].Start != data.DateOf(int(thisYear), time.October, 1) {
			t.Fatalf("cohorts %+v; want one starting 1 October", cohorts)
		}
		apps, _ := s.Applicants(ctx, cohorts[0].ID)
		stage := map[data.CareerStage]int{}
		for _, a := range apps {
			stage[a.CareerStage]++
		}
		if stage[data.Early] != 7 || stage[data.Experienced] != 6 {
			t.Errorf("applicants by stage %v; want 7 early and 6 experienced", stage)
		}
		if pairs, _ := s.Pairs(ctx, cohorts[0].ID); len(pairs) != 0 {
			t.Errorf("%d pairs; the cohort is not matched yet", len(pairs))
		}
	})

	t.Run("check finds no problem", func(t *testing.T) {
		findings, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range findings {
			if f.Problem {
				t.Error(f)
			} else {
				t.Log(f)
			}
		}
	})

	t.Run("refuses a filled database", func(t *testing.T) {
		err := demo.Fill(ctx, s, today)
		if !errors.Is(err, demo.ErrNotEmpty) {
			t.Errorf("second fill: %v; want ErrNotEmpty", err)
		}
		again, _ := s.Mentors(ctx, data.MentorFilter{})
		if len(again) != len(mentors) {
			t.Errorf("the refused fill changed the mentors: %d → %d", len(mentors), len(again))
		}
	})
}

func rowsProblems(rows []data.ComplianceRow) []string {
	var out []string
	for _, r := range rows {
		if len(r.Problems) > 0 {
			out = append(out, r.Mentor.Email+": "+r.ProblemText())
		}
	}
	return out
}

// TestFillIsDeterministic fills two databases for one day: the schedules must be identical.
func TestFillIsDeterministic(t *testing.T) {
	ctx := context.Background()
	var got [2][]string
	for i := range got {
		s := filled(t, today)
		sessions, _ := s.Sessions(ctx, data.SessionFilter{})
		for _, x := range sessions {
			got[i] = append(got[i], fmt.Sprint(x.Date, x.Start, x.School, x.Classroom, x.MentorEmail, x.Status, x.ConfirmedOn, x.Notes))
		}
	}
	if !slices.Equal(got[0], got[1]) {
		t.Error("two fills for the same day differ")
	}
}

// TestFillOtherDays fills for days across the school year: the sample must always fit R9.
func TestFillOtherDays(t *testing.T) {
	for _, on := range []string{"2026-07-01", "2027-02-14", "2027-06-30", "2028-09-05"} {
		t.Run(on, func(t *testing.T) {
			s := filled(t, data.MustDate(on))
			findings, err := s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if f.Problem {
					t.Error(f)
				}
			}
		})
	}
}
