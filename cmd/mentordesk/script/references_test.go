package script

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data/csvio"
)

// A school naming no known calendar imported with exit 0. Every reference of every kind to a
// row that does not exist is an error naming the column, and nothing is written.
func TestUnknownReferencesAreRefused(t *testing.T) {
	db := demoDB(t)
	before, _ := os.ReadFile(db)
	const (
		mentor    = "asa.oberg@example.org"
		school    = "Green Lake High School"
		classroom = "Jazz Band"
	)
	cases := []struct {
		kind   csvio.Kind
		row    string
		column string
		want   string
	}{
		{csvio.Schools, "New School,Seattle Public Schools,high,,Seatle Public Schools", "calendar", `calendars: "Seattle Public Schools"`},
		{csvio.Checks, "nobody@example.org,wsp,2026-01-10,clear", "mentor_email", "no mentor"},
		{csvio.Contracts, "nobody@example.org,2026-27,2026-08-01", "mentor_email", "no mentor"},
		{csvio.Instructors, "Ann,Lee,ann.lee@example.org,,No Such School", "school", "no school"},
		{csvio.Classrooms, "No Such School,Band,band,9,,Mon,09:00,50", "school", "no school"},
		{csvio.Classrooms, school + ",New Band,band,9,nobody@example.org,Mon,09:00,50", "instructor_email", "no instructor"},
		{csvio.Events, school + ",No Such Classroom,2027-03-01,Concert", "classroom", "no classroom"},
		{csvio.Sessions, "2027-03-01,10:00,50," + school + ",No Such Classroom," + mentor + ",season,planned,,,,,,,,,", "classroom", "no classroom"},
		{csvio.Sessions, "2027-03-01,10:00,50," + school + "," + classroom + ",nobody@example.org,season,planned,,,,,,,,,", "mentor_email", "no mentor"},
		{csvio.Enrollments, mentor + "," + school + ",No Such Classroom,2026-27,season,2027-03-01,no,,,,active,,", "classroom", "no classroom"},
		{csvio.Enrollments, mentor + "," + school + "," + classroom + ",2026-27,bridge,2027-03-01;2027-10-01,no," + school + ",No Such Classroom,1,active,,", "to_classroom", "no classroom"},
		{csvio.Feedback, "nobody@example.org," + school + "," + classroom + ",2026-27,1,2026-11-01,4,4,4,4,", "mentor_email", "no mentor"},
		{csvio.Surveys, mentor + ",No Such School," + classroom + ",2026-27,1,2026-11-01,20,4,4,4,4", "classroom", "no classroom"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(string(c.kind)+" "+c.column, func(t *testing.T) {
			p := filepath.Join(dir, string(c.kind)+".csv")
			os.WriteFile(p, []byte(strings.Join(csvio.Columns(c.kind), ",")+"\n"+c.row+"\n"), 0o600)
			code, _, stderr := run(t, db, "import", string(c.kind), p)
			if code != 1 {
				t.Fatalf("exit %d; want 1 (%s)", code, stderr)
			}
			if want := string(c.kind) + ".csv:2: " + c.column + ": "; !strings.Contains(stderr, want) || !strings.Contains(stderr, c.want) {
				t.Errorf("message %q; want %q and %q", stderr, want, c.want)
			}
		})
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a refused import changed the database")
	}
}
