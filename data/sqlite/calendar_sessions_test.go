package sqlite

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"mentordesk/data"
)

// calendarScale inserts schools, classrooms, mentors and sessions straight into the tables in
// one transaction, so a ten-year organisation is ready in seconds. Classroom k's j-th session
// falls on weekday j·26 + k mod 26 after firstMonday, with mentor (k/2 + 13j) mod mentors
// (classrooms 2m and 2m+1 share a mentor on different days, except every twentieth pair).
func calendarScale(tb testing.TB, s *Store, schools, classrooms, mentors, sessions int, firstMonday data.Date) {
	tb.Helper()
	tx, err := s.w.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
	// The indexes of 150,000 rows outgrow the default page cache, which then spills mid-transaction.
	exec("PRAGMA cache_size = -131072")
	exec("INSERT INTO districts(id, name) VALUES (1, 'Scale District')")
	for i := 1; i <= schools; i++ {
		exec("INSERT INTO schools(id, name, district_id, level) VALUES (?, ?, 1, 'middle')", i, fmt.Sprintf("School %03d", i))
	}
	for k := 0; k < classrooms; k++ {
		exec(`INSERT INTO classrooms(id, school_id, name, ensemble, meeting_days, period_start, period_minutes)
			VALUES (?, ?, ?, 'band', 31, ?, 50)`, k+1, k%schools+1, fmt.Sprintf("Band %d", k), 480+(k%8)*55)
	}
	for m := 1; m <= mentors; m++ {
		exec("INSERT INTO mentors(id, first_name, last_name, email, status) VALUES (?, 'Mentor', ?, ?, 'active')",
			m, fmt.Sprint(m), fmt.Sprintf("m%d@scale.example", m))
	}
	exec(compliantSQL)
	// A hundred rows per statement: the cost of 150,000 inserts is mostly per call, not per row.
	const batch = 100
	ins, err := tx.Prepare(`INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status, confirmed_on) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, 50, ?, ?, ?),", batch), ","))
	if err != nil {
		tb.Fatal(err)
	}
	programs := []data.Program{data.Focused, data.Season, data.Bridge}
	cutoff := data.MustDate("2026-11-22")
	args := make([]any, 0, 7*batch)
	for i := 0; i < sessions; i++ {
		k, j := i%classrooms, i/classrooms
		// Every twentieth pair of classrooms shares a mentor on the same day at two schools.
		base := k
		if k%40 == 1 {
			base = k - 1
		}
		wd := j*26 + base%26
		day := firstMonday.AddDays(wd/5*7 + wd%5)
		status, confirmed := "planned", ""
		if day < cutoff {
			status, confirmed = "confirmed", day.AddDays(3).String()
		}
		args = append(args, k+1, (base/2+13*j)%mentors+1, day.String(), 480+(k%8)*55, programs[k%3], status, confirmed)
		if len(args) == cap(args) {
			if _, err := ins.Exec(args...); err != nil {
				tb.Fatalf("sessions up to %d: %v", i, err)
			}
			args = args[:0]
		}
	}
	for len(args) > 0 {
		if _, err := tx.Exec(`INSERT INTO sessions(classroom_id, mentor_id, date, start, minutes, program, status, confirmed_on)
			VALUES (?, ?, ?, ?, 50, ?, ?, ?)`, args[:7]...); err != nil {
			tb.Fatal(err)
		}
		args = args[7:]
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func TestCalendarRangeQueryUsesTheDateIndex(t *testing.T) {
	s := newStore(t)
	calendarScale(t, s, 20, 100, 50, 5000, data.MustDate("2025-09-01"))
	// Without statistics (a new file) and with them (after ANALYZE) the plan must be the same.
	for _, analyze := range []bool{false, true} {
		if analyze {
			if _, err := s.w.Exec("ANALYZE"); err != nil {
				t.Fatal(err)
			}
		}
		plan := calendarPlan(t, s)
		if len(plan) == 0 || !strings.Contains(plan[0], "sessions_by_date") || !strings.Contains(plan[0], "date>? AND date<?") {
			t.Fatalf("analyzed %v: the range query does not start from sessions_by_date:\n%s", analyze, strings.Join(plan, "\n"))
		}
		for _, p := range plan[1:] {
			if strings.HasPrefix(p, "SCAN") {
				t.Errorf("analyzed %v: the range query scans a whole table: %s", analyze, p)
			}
		}
	}
}

func calendarPlan(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.r.Query("EXPLAIN QUERY PLAN "+calendarRangeQuery, "2026-10-26", "2026-12-06")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

func TestCalendarSessionsReadOnlyTheRange(t *testing.T) {
	s := newStore(t)
	calendarScale(t, s, 4, 8, 6, 400, data.MustDate("2026-09-07"))
	from, through := data.MustDate("2026-10-26"), data.MustDate("2026-12-06")
	xs, err := s.CalendarSessions(ctx, from, through)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Sessions(ctx, SessionFilter{From: from, Through: through})
	if err != nil {
		t.Fatal(err)
	}
	if len(xs) == 0 || len(xs) != len(all) {
		t.Fatalf("%d calendar sessions; the full query finds %d", len(xs), len(all))
	}
	for i, x := range xs {
		if x.Date < from || x.Date > through {
			t.Errorf("session %d on %s is outside the range", x.ID, x.Date)
		}
		if i > 0 && (x.Date < xs[i-1].Date || x.Date == xs[i-1].Date && x.Start < xs[i-1].Start) {
			t.Errorf("session %d is out of date order", x.ID)
		}
		want := all[slices.IndexFunc(all, func(o data.Session) bool { return o.ID == x.ID })]
		if x.School != want.School || x.Classroom != want.Classroom || x.Mentor != want.MentorName || x.Program != want.Program || x.Minutes != want.Minutes {
			t.Errorf("session %d reads %+v; the store has %s/%s/%s/%s", x.ID, x, want.School, want.Classroom, want.MentorName, want.Program)
		}
	}
}

func TestMarkConflicts(t *testing.T) {
	day, next := data.MustDate("2026-11-24"), data.MustDate("2026-11-25")
	at := func(id, mentor, school int64, d data.Date, start string, status data.SessionStatus) CalendarSession {
		c, _ := data.ParseClock(start)
		return CalendarSession{ID: id, MentorID: mentor, Mentor: fmt.Sprintf("Mentor %d", mentor), SchoolID: school,
			School: fmt.Sprintf("School %d", school), Classroom: fmt.Sprintf("Room %d", id), Date: d, Start: c, Minutes: 50, Status: status}
	}
	xs := []CalendarSession{
		at(1, 1, 10, day, "08:00", data.Planned), // a same-school visit: back to back is fine
		at(2, 1, 10, day, "08:50", data.Planned),
		at(3, 2, 10, day, "08:00", data.Planned), // overlapping at the same school
		at(4, 2, 10, day, "08:30", data.Planned),
		at(5, 3, 10, day, "08:00", data.Planned), // two schools one day
		at(6, 3, 20, day, "13:00", data.Confirmed),
		at(7, 4, 10, day, "08:00", data.Planned), // the other school's session was cancelled
		at(8, 4, 20, day, "13:00", data.Cancelled),
		at(9, 1, 20, next, "08:00", data.Planned), // another day, another school
		at(10, 5, 10, day, "08:00", data.Planned), // another mentor, same time and room as 1
	}
	if n := data.MarkConflicts(xs); n != 4 {
		t.Errorf("%d flagged; want 4", n)
	}
	want := map[int64]string{3: "overlaps 08:30–09:20", 4: "overlaps 08:00–08:50", 5: "also at School 20", 6: "also at School 10"}
	for _, x := range xs {
		w, flagged := want[x.ID]
		if flagged != (x.Conflict != "") || !strings.Contains(x.Conflict, w) {
			t.Errorf("session %d: conflict %q; want %q", x.ID, x.Conflict, w)
		}
	}
}

// BenchmarkCalendarMonth reads the November grid (six weeks) of a ten-year, 150,000-session
// organisation and flags its conflicts; the budget is 50 ms (DESIGN §7).
func BenchmarkCalendarMonth(b *testing.B) {
	s, err := Open(b.TempDir()+"/scale.mentordesk", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	calendarScale(b, s, 300, 1500, 1000, 150_000, data.MustDate("2017-07-03"))
	b.Logf("150,000 sessions over 1,500 classrooms generated in %v", time.Since(start).Round(time.Millisecond))
	from, through := data.MustDate("2025-10-27"), data.MustDate("2025-12-07")
	var times []time.Duration
	var shown, flagged int
	for b.Loop() {
		t0 := time.Now()
		xs, err := s.CalendarSessions(ctx, from, through)
		if err != nil {
			b.Fatal(err)
		}
		flagged = data.MarkConflicts(xs)
		times = append(times, time.Since(t0))
		shown = len(xs)
	}
	first := times[0]
	slices.Sort(times)
	median := times[len(times)/2]
	b.Logf("first run %v, 90th percentile %v", first, times[len(times)*9/10])
	b.ReportMetric(float64(median.Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(shown), "sessions")
	b.Logf("month of %d sessions (%d conflicts): median %v, slowest %v over %d runs", shown, flagged, median, times[len(times)-1], len(times))
	if median > 50*time.Millisecond {
		b.Errorf("a calendar month takes %v; the budget is 50 ms", median)
	}
}
