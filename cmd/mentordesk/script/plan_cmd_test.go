package script

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

// Classrooms of the sample organisation with no sessions this school year, and mentors with
// few sessions of their own.
const (
	mhSchool, mhBand   = "Madrona Heights K-8", "7th/8th Grade Band" // Mon–Fri 09:00
	mhChoir            = "Madrona Choir"                             // Tue;Thu 13:15
	brSchool, brChoir  = "Beacon Ridge Elementary", "Beacon Ridge Choir"
	rafael, jamal, zoe = "rafael.oliveira@example.org", "jamal.washington@example.org", "zoe.lukasiewicz@example.org"
)

func planStore(t *testing.T, db string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// eventDates are a classroom's events in the school year of today, as --events wants them.
func eventDates(t *testing.T, db, school, room string) []string {
	t.Helper()
	s := planStore(t, db)
	ctx := context.Background()
	c, err := s.ClassroomByName(ctx, school, room)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, c.ID, data.MustDate("2026-07-01"), data.MustDate("2027-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Date.String())
	}
	s.Close()
	return out
}

// planRows parses plan's stdout: the sessions CSV header and its rows.
func planRows(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("stdout is not sessions CSV: %v\n%s", err, out)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(csvio.Columns(csvio.Sessions), ",") {
		t.Fatalf("header %q", got)
	}
	return rows[1:]
}

func column(rows [][]string, i int) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[i])
	}
	return out
}

func countRows(t *testing.T, db, table string) int {
	t.Helper()
	s := planStore(t, db)
	var n int
	switch table {
	case "enrollments":
		es, err := s.Enrollments(context.Background(), 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		n = len(es)
	case "sessions":
		ss, err := s.Sessions(context.Background(), data.SessionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		n = len(ss)
	}
	s.Close()
	return n
}

// addFallCalendar opens the 2027-28 school year in both districts' calendars and gives the
// receiving classroom its winter concert, so a Bridge can reach into the next school year.
func addFallCalendar(t *testing.T, db, school, room string) string {
	t.Helper()
	dir := t.TempDir()
	cal := "calendar,date,kind,label\n"
	for _, d := range []string{"Seattle Public Schools", "Shoreline School District"} {
		cal += d + ",2027-09-08,first_day,First day of school\n" + d + ",2028-06-14,last_day,Last day of school\n" +
			d + ",2027-11-11,no_school,Veterans Day\n"
	}
	os.WriteFile(filepath.Join(dir, "calendars.csv"), []byte(cal), 0o600)
	os.WriteFile(filepath.Join(dir, "events.csv"), []byte("school,classroom,date,name\n"+school+","+room+",2027-12-15,Winter Concert 2027\n"), 0o600)
	for _, kind := range []string{"calendars", "events"} {
		if code, _, stderr := run(t, db, "import", kind, filepath.Join(dir, kind+".csv")); code != 0 {
			t.Fatalf("import %s: exit %d: %s", kind, code, stderr)
		}
	}
	return "2027-12-15"
}

func TestPlanSessionCountsPerProgram(t *testing.T) {
	db := demoDB(t)
	mh := eventDates(t, db, mhSchool, mhBand)
	br := eventDates(t, db, brSchool, brChoir)
	fall := addFallCalendar(t, db, mhSchool, mhBand)

	t.Run("Focused 9, three per term", func(t *testing.T) {
		code, out, stderr := run(t, db, "plan", "--school", mhSchool, "--classroom", mhBand, "--program", "focused",
			"--mentor", rafael, "--events", strings.Join(mh, ","))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		rows := planRows(t, out)
		if len(rows) != 9 {
			t.Fatalf("%d sessions; want 9", len(rows))
		}
		for _, r := range rows {
			if r[1] != "09:00" || r[2] != "55" || r[3] != mhSchool || r[4] != mhBand || r[5] != rafael || r[6] != "focused" || r[7] != "planned" {
				t.Errorf("row %v", r)
			}
		}
		if countRows(t, db, "enrollments") == 0 {
			t.Fatal("sample has no enrollments")
		}
	})
	t.Run("Focused with evaluation 10, the evaluation first", func(t *testing.T) {
		code, out, stderr := run(t, db, "plan", "--school", mhSchool, "--classroom", mhBand, "--program", "focused",
			"--mentor", rafael, "--events", strings.Join(mh, ","), "--evaluation")
		rows := planRows(t, out)
		if code != 0 || len(rows) != 10 || rows[0][9] != "evaluation" {
			t.Fatalf("exit %d, %d sessions, first focus %q: %s", code, len(rows), rows[0][9], stderr)
		}
		if !strings.Contains(stderr, "before today (2026-11-22)") {
			t.Errorf("stderr does not warn of sessions before today: %q", stderr)
		}
	})
	t.Run("Season 3", func(t *testing.T) {
		code, out, stderr := run(t, db, "plan", "--school", brSchool, "--classroom", brChoir, "--program", "season",
			"--mentor", jamal, "--events", br[1])
		if rows := planRows(t, out); code != 0 || len(rows) != 3 {
			t.Fatalf("exit %d, %d sessions: %s", code, len(rows), stderr)
		}
	})
	// The first is only proposed, so the second (saved) finds the classrooms free.
	for _, c := range []struct {
		fall   string
		mentor string
		apply  bool
	}{{"1", rafael, false}, {"2", zoe, true}} {
		t.Run("Bridge 2+"+c.fall+" across two schools and school years", func(t *testing.T) {
			before := countRows(t, db, "enrollments")
			args := []string{"plan", "--school", brSchool, "--classroom", brChoir, "--program", "bridge",
				"--mentor", c.mentor, "--events", br[2] + "," + fall, "--to-school", mhSchool, "--to-classroom", mhBand,
				"--fall-sessions", c.fall}
			if c.apply {
				args = append(args, "--apply")
			}
			code, out, stderr := run(t, db, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			rows := planRows(t, out)
			want := 2 + int(c.fall[0]-'0')
			if len(rows) != want {
				t.Fatalf("%d sessions; want %d", len(rows), want)
			}
			for i, r := range rows {
				spring := i < 2
				if spring && (r[3] != brSchool || r[0] >= br[2] || r[0] < "2027-01-01") {
					t.Errorf("spring session %v", r)
				}
				if !spring && (r[3] != mhSchool || r[4] != mhBand || r[0] < "2027-09-08" || r[0] >= fall) {
					t.Errorf("fall session %v", r)
				}
			}
			if !c.apply {
				if countRows(t, db, "enrollments") != before {
					t.Fatal("a plan without --apply saved the enrollment")
				}
				return
			}
			if countRows(t, db, "enrollments") != before+1 {
				t.Fatal("--apply did not save the enrollment")
			}
			if !strings.Contains(stderr, "No contract (R8): No signed contract for 2027-28") {
				t.Errorf("stderr does not flag the missing contract: %q", stderr)
			}
			s := planStore(t, db)
			es, _ := s.Enrollments(context.Background(), 0, 0)
			e := es[len(es)-1]
			if e.Program != data.Bridge || e.SchoolYear.String() != "2026-27" || e.FallSessions != want-2 || len(e.Terms) != 2 ||
				e.Terms[1].EventName != "Winter Concert 2027" || e.Terms[0].ClassroomID == e.Terms[1].ClassroomID {
				t.Errorf("saved enrollment %+v", e)
			}
			ss, _ := s.Sessions(context.Background(), data.SessionFilter{EnrollmentID: e.ID})
			if len(ss) != want {
				t.Errorf("%d sessions saved; want %d", len(ss), want)
			}
		})
	}
	t.Run("classroom times another mentor holds are refused", func(t *testing.T) {
		code, out, stderr := run(t, db, "plan", "--school", brSchool, "--classroom", brChoir, "--program", "bridge",
			"--mentor", rafael, "--events", br[2]+","+fall, "--to-school", mhSchool, "--to-classroom", mhBand, "--fall-sessions", "2")
		if code != 1 || out != "" || !strings.Contains(stderr, "the classroom already has a session with Zoë Łukasiewicz") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
		}
	})
}

func TestPlanApplySavesAndTheNextPlanAvoidsTakenDates(t *testing.T) {
	db := demoDB(t)
	br := eventDates(t, db, brSchool, brChoir)
	args := []string{"plan", "--school", brSchool, "--classroom", brChoir, "--program", "season", "--mentor", jamal, "--events", br[1]}
	enrollments, sessions := countRows(t, db, "enrollments"), countRows(t, db, "sessions")

	code, out, stderr := run(t, db, append(args, "--apply")...)
	if code != 0 || !strings.Contains(stderr, "saved enrollment") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first := column(planRows(t, out), 0)
	if countRows(t, db, "enrollments") != enrollments+1 || countRows(t, db, "sessions") != sessions+3 {
		t.Fatal("--apply did not save one enrollment with 3 sessions")
	}
	s := planStore(t, db)
	m, _ := s.MentorByEmail(context.Background(), jamal)
	saved, _ := s.Sessions(context.Background(), data.SessionFilter{MentorID: m.ID, From: data.MustDate(first[0]), Through: data.MustDate(first[2])})
	var savedDates []string
	for _, x := range saved {
		if x.School == brSchool {
			savedDates = append(savedDates, x.Date.String())
		}
	}
	if !slices.Equal(savedDates, first) {
		t.Errorf("saved %v; printed %v", savedDates, first)
	}
	s.Close()

	code, out, stderr = run(t, db, args...)
	if code != 0 {
		t.Fatalf("second plan: exit %d: %s", code, stderr)
	}
	second := column(planRows(t, out), 0)
	for _, d := range second {
		if slices.Contains(first, d) {
			t.Errorf("the second plan proposes %s, already taken by the first (%v)", d, first)
		}
	}
}

func TestPlanThatCannotBeMetSavesNothing(t *testing.T) {
	db := demoDB(t)
	enrollments, sessions := countRows(t, db, "enrollments"), countRows(t, db, "sessions")
	// An event two days into the school year leaves no room for three sessions 14–21 days apart.
	code, out, stderr := run(t, db, "plan", "--school", mhSchool, "--classroom", mhBand, "--program", "focused",
		"--mentor", rafael, "--events", "2026-09-11,2027-03-10,2027-05-18", "--apply")
	if code != 1 {
		t.Fatalf("exit %d; want 1", code)
	}
	if out != "" {
		t.Errorf("stdout %q; want nothing", out)
	}
	for _, want := range []string{"nothing was saved", "term 1 (Concert 2026-09-11)", "14–21 days apart", "the school year starts 2026-09-09"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	if countRows(t, db, "enrollments") != enrollments || countRows(t, db, "sessions") != sessions {
		t.Error("a failed plan saved something")
	}
}

// importBusyDays gives the mentor a session at school/room at 15:00 on every weekday from
// first through last.
func importBusyDays(t *testing.T, db, mentor, school, room, first, last string) []string {
	t.Helper()
	text := "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes\n"
	var days []string
	for d := data.MustDate(first); d <= data.MustDate(last); d++ {
		if wd := d.Weekday(); wd != 0 && wd != 6 {
			text += d.String() + ",15:00,50," + school + "," + room + "," + mentor + ",season,planned,,,\n"
			days = append(days, d.String())
		}
	}
	path := filepath.Join(t.TempDir(), "sessions.csv")
	os.WriteFile(path, []byte(text), 0o600)
	if code, _, stderr := run(t, db, "import", "sessions", path); code != 0 {
		t.Fatalf("import sessions: exit %d: %s", code, stderr)
	}
	return days
}

func TestPlanDoubleBooking(t *testing.T) {
	db := demoDB(t)
	br := eventDates(t, db, brSchool, brChoir)
	mhChoirEvents := eventDates(t, db, mhSchool, mhChoir)
	spring := data.MustDate(br[1])
	// Jamal is at Madrona Heights every weekday of the three weeks before Beacon Ridge's concert.
	busy := importBusyDays(t, db, jamal, mhSchool, mhBand, spring.AddDays(-21).String(), spring.AddDays(-1).String())

	t.Run("refused across schools", func(t *testing.T) {
		enrollments := countRows(t, db, "enrollments")
		code, out, stderr := run(t, db, "plan", "--school", brSchool, "--classroom", brChoir, "--program", "season",
			"--mentor", jamal, "--events", br[1], "--apply")
		if code != 1 || out != "" {
			t.Fatalf("exit %d, stdout %q; want 1 and nothing", code, out)
		}
		if !strings.Contains(stderr, "mentor's other sessions") || !strings.Contains(stderr, "the mentor has a session at "+mhSchool) {
			t.Errorf("stderr %q does not name the clash", stderr)
		}
		if countRows(t, db, "enrollments") != enrollments {
			t.Error("a refused plan saved an enrollment")
		}
	})
	t.Run("several classrooms of one school on one day are one visit", func(t *testing.T) {
		event := ""
		for _, d := range mhChoirEvents {
			if data.MustDate(d) > spring.AddDays(-10) && data.MustDate(d) < spring.AddDays(10) {
				event = d
			}
		}
		if event == "" {
			t.Skipf("no Madrona Choir event near %s: %v", spring, mhChoirEvents)
		}
		code, out, stderr := run(t, db, "plan", "--school", mhSchool, "--classroom", mhChoir, "--program", "season",
			"--mentor", jamal, "--events", event)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		rows := planRows(t, out)
		if last := rows[len(rows)-1][0]; !slices.Contains(busy, last) {
			t.Errorf("the last session (%s) avoids a day the mentor is at the school anyway", last)
		}
	})
	t.Run("a plan gone stale is refused at saving", func(t *testing.T) {
		s := planStore(t, db)
		ctx := context.Background()
		room, _ := s.ClassroomByName(ctx, mhSchool, mhBand)
		m, _ := s.MentorByEmail(ctx, rafael)
		req, err := s.PlanRequest(ctx, data.PlanInput{Program: data.Season, ClassroomID: room.ID, MentorID: m.ID,
			Events: []data.Date{data.MustDate(eventDates(t, db, mhSchool, mhBand)[1])}})
		if err != nil {
			t.Fatal(err)
		}
		plan := data.PlanSessions(req)
		if !plan.OK() {
			t.Fatalf("plan failed: %v", plan.Failures)
		}
		other, _ := s.ClassroomByName(ctx, brSchool, brChoir)
		if _, err := s.SaveSession(ctx, data.Session{ClassroomID: other.ID, MentorID: m.ID, Date: plan.Sessions[1].Date,
			Start: data.ClockOf(14, 10), Minutes: 50, Program: data.Season, Status: data.Planned}); err != nil {
			t.Fatal(err)
		}
		before := countRows(t, db, "sessions")
		_, err = s.SavePlan(ctx, req, plan.Sessions)
		var conflict *sqlite.PlanConflictError
		if !errors.As(err, &conflict) || !strings.Contains(err.Error(), "the mentor has a session at "+brSchool) {
			t.Fatalf("SavePlan = %v; want a conflict naming %s", err, brSchool)
		}
		if countRows(t, db, "sessions") != before {
			t.Error("a refused plan saved sessions")
		}
	})
}

func TestPlanUsageAndUnknownNames(t *testing.T) {
	db := demoDB(t)
	base := func(extra ...string) []string {
		return append([]string{"plan", "--school", mhSchool, "--classroom", mhBand, "--mentor", rafael}, extra...)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing --program", base("--events", "2026-12-16"), 2, "--program"},
		{"missing --events", base("--program", "season"), 2, "--events"},
		{"wrong count of events", base("--program", "focused", "--events", "2026-12-16,2027-03-10"), 2, "needs 3 event date(s)"},
		{"bad date", base("--program", "season", "--events", "2026-02-30"), 2, "--events"},
		{"unknown program", base("--program", "mutual", "--events", "2026-12-16"), 2, "not a program"},
		{"evaluation outside Focused", base("--program", "season", "--events", "2026-12-16", "--evaluation"), 2, "Focused"},
		{"bridge without receiving classroom", base("--program", "bridge", "--events", "2027-05-18,2027-12-15", "--fall-sessions", "1"), 2, "--to-school"},
		{"bridge with 3 fall sessions", base("--program", "bridge", "--events", "2027-05-18,2027-12-15", "--to-school", brSchool, "--to-classroom", brChoir, "--fall-sessions", "3"), 2, "1 or 2"},
		{"unknown school", []string{"plan", "--school", "Atlantis High", "--classroom", "Band", "--program", "season", "--mentor", rafael, "--events", "2026-12-16"}, 1, `"Atlantis High"`},
		{"unknown classroom", []string{"plan", "--school", mhSchool, "--classroom", "Kazoo Choir", "--program", "season", "--mentor", rafael, "--events", "2026-12-16"}, 1, `"Kazoo Choir"`},
		{"unknown mentor", []string{"plan", "--school", mhSchool, "--classroom", mhBand, "--program", "season", "--mentor", "nobody@example.org", "--events", "2026-12-16"}, 1, `"nobody@example.org"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := run(t, db, c.args...)
			if code != c.code || out != "" || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, out, stderr, c.code, c.want)
			}
		})
	}
}
