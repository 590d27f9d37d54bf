package csvio

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/photo"
)

const (
	mentorsHeader  = "first_name,last_name,email,phone,address,instruments,education,teaching_experience,performance_experience,bio,wa_resident_since,status,photo\n"
	sessionsHeader = "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes\n"
	ana            = "Ana,López,ana@example.org,,,Violin,,,,,,active,\n"
	session        = "2026-10-14,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,,\n"
)

// readAny reads a file of kind k and returns the number of records and the error.
func readAny(t *testing.T, k Kind, in string) (int, error) {
	t.Helper()
	file := string(k) + ".csv"
	r := strings.NewReader(in)
	switch k {
	case Mentors:
		recs, err := ReadMentors(r, file, t.TempDir())
		return len(recs), err
	case Sessions:
		recs, err := ReadSessions(r, file)
		return len(recs), err
	case Classrooms:
		recs, err := ReadClassrooms(r, file)
		return len(recs), err
	case Contracts:
		recs, err := ReadContracts(r, file)
		return len(recs), err
	case Applicants:
		recs, err := ReadApplicants(r, file)
		return len(recs), err
	case Checks:
		recs, err := ReadChecks(r, file)
		return len(recs), err
	}
	t.Fatalf("no reader for %s in this test", k)
	return 0, nil
}

// lines is every problem of err, one string each.
func lines(err error) []string {
	var es Errors
	if !errors.As(err, &es) {
		return []string{"not Errors: " + fmt.Sprint(err)}
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Error()
	}
	return out
}

func TestHostileInputs(t *testing.T) {
	huge := strings.Repeat("x", 10_001)
	cases := []struct {
		name string
		kind Kind
		in   string
		want []string
	}{
		{"ragged rows", Sessions, sessionsHeader + session +
			"2026-10-15,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,\n" +
			"2026-10-16,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,,,extra\n", []string{
			"sessions.csv:3: the row has 10 cells but the header has 11",
			"sessions.csv:4: the row has 12 cells but the header has 11",
		}},
		{"line numbers after quoted newlines", Sessions, sessionsHeader +
			"2026-10-14,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,,\"Bring mutes\nand\nstands\"\n" +
			"2026-10-15,09:40,50,Whitman,7th Grade Band,bob@,focused,planned,,,\n", []string{
			`sessions.csv:5: mentor_email: "bob@" is not an e-mail address`,
		}},
		{"invalid UTF-8", Mentors, mentorsHeader + "Ana,López,ana@example.org,,,Violin,,,,Caf\xe9 musician,,active,\n", []string{
			"mentors.csv:2: bio: is not valid UTF-8 text (save the file as UTF-8)",
		}},
		{"impossible dates", Sessions, sessionsHeader +
			"2026-02-30,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,,\n" +
			"2026-10-14,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,confirmed,14/10/2026,,\n", []string{
			`sessions.csv:2: date: "2026-02-30" is not a real date (YYYY-MM-DD)`,
			`sessions.csv:3: confirmed_on: "14/10/2026" is not a date (YYYY-MM-DD); to read dates like it, set org.country or org.date_order`,
		}},
		{"bad e-mail", Mentors, mentorsHeader + ana + "Bob,Stone,bob@,,,,,,,,,active,\n", []string{
			`mentors.csv:3: email: "bob@" is not an e-mail address`,
		}},
		{"duplicate e-mail differing in case", Mentors, mentorsHeader + ana + "Anita,López,ANA@Example.org,,,,,,,,,active,\n", []string{
			"mentors.csv:3: email: duplicate of line 2",
		}},
		{"duplicate session key", Sessions, sessionsHeader + session + "2026-10-14,9:40,45,Whitman,7th Grade Band,sam@example.org,focused,planned,,,\n", []string{
			"sessions.csv:3: school: duplicate of line 2 (same school, classroom, date and start)",
		}},
		{"duplicate contract", Contracts, "mentor_email,school_year,signed_on\nana@example.org,2026-27,2026-08-01\nAna@example.org,2026-27,2026-08-02\n", []string{
			"contracts.csv:3: mentor_email: duplicate of line 2 (same mentor_email and school_year)",
		}},
		{"a field over 10,000 bytes", Mentors, mentorsHeader + "Ana,López,ana@example.org,,,Violin,,,," + huge + ",,active,\n", []string{
			"mentors.csv:2: bio: is too long (10001 bytes, at most 10000)",
		}},
		{"missing column", Mentors, strings.Replace(mentorsHeader, ",photo", "", 1) + "Ana,López,ana@example.org,,,Violin,,,,,,active\n", []string{
			"mentors.csv:1: photo: column is missing from the header",
		}},
		{"unknown column", Checks, "mentor_email,kind,completed_on,result,report\nana@example.org,wsp,2026-02-10,clear,none\n", []string{
			"checks.csv:1: report: is not a column of checks files (mentor_email, kind, completed_on, result)",
		}},
		{"bad enums", Mentors, mentorsHeader + "Ana,López,ana@example.org,,,Violin,,,,,,retired,\n", []string{
			`mentors.csv:2: status: "retired" is not a mentor status (applicant, active, inactive)`,
		}},
		{"bad program and status", Sessions, sessionsHeader + "2026-10-14,09:40,50,Whitman,7th Grade Band,ana@example.org,intensive,done,,,\n", []string{
			`sessions.csv:2: program: "intensive" is not a program (focused, season, bridge)`,
			`sessions.csv:2: status: "done" is not a session status (planned, completed, confirmed, cancelled)`,
		}},
		{"bad times", Sessions, sessionsHeader +
			"2026-10-14,9.40,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,,\n" +
			"2026-10-14,24:00,50,Whitman,7th Grade Band,ana@example.org,focused,planned,,,\n", []string{
			`sessions.csv:2: start: "9.40" is not a time (HH:MM, 24-hour, or like 8:00 AM)`,
			`sessions.csv:3: start: "24:00" is not a time (HH:MM, 24-hour, or like 8:00 AM)`,
		}},
		{"bad numbers", Classrooms, "school,name,ensemble,grade,instructor_email,meeting_days,period_start,period_minutes\n" +
			"Whitman,Band,band,7,,Mon;Wed;Fri,09:40,fifty\n" +
			"Whitman,Choir,choir,8,,Mon;Funday,09:40,\n", []string{
			`classrooms.csv:2: period_minutes: "fifty" is not a whole number`,
			`classrooms.csv:3: meeting_days: "Funday" is not a weekday (Mon Tue Wed Thu Fri Sat Sun)`,
		}},
		{"bad school year", Contracts, "mentor_email,school_year,signed_on\nana@example.org,2026-28,2026-08-01\n", []string{
			`contracts.csv:2: school_year: "2026-28" is not a school year: 2026 must be followed by 27`,
		}},
		{"empty required cells", Sessions, sessionsHeader + "2026-10-14,,,,7th Grade Band,ana@example.org,,planned,,,\n", []string{
			"sessions.csv:2: start: is required (HH:MM, 24-hour, or like 8:00 AM)",
			"sessions.csv:2: minutes: is required (a whole number)",
			"sessions.csv:2: program: is required (focused, season, bridge)",
			"sessions.csv:2: school: is required",
		}},
		{"confirmed without a date", Sessions, sessionsHeader + "2026-10-14,09:40,50,Whitman,7th Grade Band,ana@example.org,focused,confirmed,,,\n", []string{
			"sessions.csv:2: confirmed_on: is required for a confirmed session",
		}},
		{"empty file", Sessions, "", []string{
			"sessions.csv: the file is empty; its first row must be the header: " + strings.Join(Columns(Sessions), ","),
		}},
		{"unclosed quote", Sessions, sessionsHeader + session + "2026-10-15,09:40,50,\"Whitman,7th Grade Band\n" + session, []string{
			`sessions.csv:3: a quoted cell is not closed, or has text after its closing "`,
		}},
		{"bare quote", Mentors, mentorsHeader + "Ana,López,ana@example.org,,,6\" horn,,,,,,active,\n", []string{
			`mentors.csv:2: a cell has a " but is not quoted; put the cell in quotes and double the " inside it`,
		}},
		{"a header twice over", Checks, "mentor_email,kind,Kind,completed_on,result\n", []string{
			"checks.csv:1: kind: appears twice in the header (columns 2 and 3)",
		}},
		{"a file without line breaks", Sessions, sessionsHeader + strings.Repeat("x", 2<<20), []string{
			"sessions.csv:2: the line is longer than 1 MB; this is not a CSV file of the expected kind",
		}},
		{"a photo that is not there", Mentors, mentorsHeader + "Ana,López,ana@example.org,,,Violin,,,,,,active,photos/ana.jpg\n", []string{
			`mentors.csv:2: photo: "photos/ana.jpg" was not found (photos are looked up from the CSV file's folder)`,
		}},
		{"a CSV of another kind", Checks, mentorsHeader + ana, []string{
			"checks.csv:1: first_name: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: last_name: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: email: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: phone: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: address: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: instruments: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: education: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: teaching_experience: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: performance_experience: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: bio: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: wa_resident_since: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: status: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: photo: is not a column of checks files (mentor_email, kind, completed_on, result)",
			"checks.csv:1: mentor_email: column is missing from the header",
			"checks.csv:1: kind: column is missing from the header",
			"checks.csv:1: completed_on: column is missing from the header",
			"checks.csv:1: result: column is missing from the header",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := readAny(t, c.kind, c.in)
			if n != 0 {
				t.Errorf("%d records returned with problems", n)
			}
			if got := lines(err); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestAcceptedInputs(t *testing.T) {
	t.Run("BOM, header in any case and order, stray spaces, blank rows", func(t *testing.T) {
		in := "\uFEFF\"Date\", START ,minutes,school,classroom,Mentor_Email,program,status,confirmed_on,notes,focus\r\n" +
			" 2026-10-14 ,09:40,50, Whitman ,7th Grade Band,Ana@Example.org,Focused,Confirmed,2026-10-15,'=notes,focus\r\n" +
			",,,,,,,,,,\r\n\r\n"
		recs, err := ReadSessions(strings.NewReader(in), "sessions.csv")
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || recs[0].Line != 2 {
			t.Fatalf("records %+v", recs)
		}
		s := recs[0].Value
		if s.Date != d("2026-10-14") || s.School != "Whitman" || s.MentorEmail != "ana@example.org" ||
			s.Program != "focused" || s.Status != "confirmed" || s.Notes != "=notes" || s.Focus != "focus" {
			t.Errorf("session read as %+v", s)
		}
	})
	t.Run("header only is no rows", func(t *testing.T) {
		recs, err := ReadSessions(strings.NewReader(sessionsHeader), "sessions.csv")
		if err != nil || len(recs) != 0 {
			t.Errorf("header only: %d records, %v", len(recs), err)
		}
	})
	t.Run("quoted newlines keep the line of the row's start", func(t *testing.T) {
		in := sessionsHeader +
			"2026-10-14,09:40,50,Whitman,Band,ana@example.org,focused,planned,,,\"one\ntwo\"\n" +
			"2026-10-15,09:40,50,Whitman,Band,ana@example.org,focused,planned,,,\n"
		recs, err := ReadSessions(strings.NewReader(in), "sessions.csv")
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 2 || recs[0].Line != 2 || recs[1].Line != 4 || recs[0].Value.Notes != "one\ntwo" {
			t.Errorf("records %+v", recs)
		}
	})
	t.Run("a formula guard comes off, an apostrophe in a name stays", func(t *testing.T) {
		in := mentorsHeader + "'Twas,'=cmd|' /C calc'!A0,ana@example.org,'+1 206 555 0100,,,,,,'@home,,active,\n"
		recs, err := ReadMentors(strings.NewReader(in), "mentors.csv", "")
		if err != nil {
			t.Fatal(err)
		}
		m := recs[0].Value
		if m.FirstName != "'Twas" || m.LastName != "=cmd|' /C calc'!A0" || m.Phone != "+1 206 555 0100" || m.Bio != "@home" {
			t.Errorf("mentor read as %+v", m)
		}
		var buf bytes.Buffer
		if err := WriteMentors(&buf, []data.Mentor{m}, "", ""); err != nil {
			t.Fatal(err)
		}
		if got := strings.SplitN(buf.String(), "\n", 2)[1]; got != in[len(mentorsHeader):] {
			t.Errorf("written back as\n%s\nwant\n%s", got, in[len(mentorsHeader):])
		}
	})
	t.Run("photos are read relative to the CSV and prepared", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "photos"), 0o755); err != nil {
			t.Fatal(err)
		}
		orig := photo.Placeholder("AL", 7)
		if err := os.WriteFile(filepath.Join(dir, "photos", "ana.jpg"), orig, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a photo"), 0o644); err != nil {
			t.Fatal(err)
		}
		in := mentorsHeader + "Ana,López,ana@example.org,,,,,,,,,active,photos\\ana.jpg\n"
		recs, err := ReadMentors(strings.NewReader(in), "mentors.csv", dir)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(recs[0].Value.Photo, orig) {
			t.Error("the photo was not loaded")
		}
		in = mentorsHeader + "Ana,López,ana@example.org,,,,,,,,,active,notes.txt\n"
		_, err = ReadMentors(strings.NewReader(in), "mentors.csv", dir)
		if got := strings.Join(lines(err), "\n"); got != `mentors.csv:2: photo: "notes.txt": the photo is not a JPEG or PNG image` {
			t.Errorf("bad photo reported as %s", got)
		}
	})
}

func TestManyProblemsAreSummarised(t *testing.T) {
	var b strings.Builder
	b.WriteString(mentorsHeader)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "Bob,Stone,bob%d@,,,,,,,,,active,\n", i)
	}
	_, err := ReadMentors(strings.NewReader(b.String()), "mentors.csv", "")
	var es Errors
	if !errors.As(err, &es) || len(es) != 30 {
		t.Fatalf("want 30 problems, got %v", err)
	}
	msg := err.Error()
	if strings.Count(msg, "\n") != 20 || !strings.HasSuffix(msg, "\n… and 10 more") ||
		!strings.HasPrefix(msg, `mentors.csv:2: email: "bob0@" is not an e-mail address`) {
		t.Errorf("summary is\n%s", msg)
	}
	var first *Error
	if !errors.As(err, &first) || first.Line != 2 || first.Column != "email" {
		t.Errorf("errors.As finds %+v", first)
	}
}
