package csvio

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/photo"
)

var d = data.MustDate

// values returns the Value of each record, for comparing with what was written.
func values[T any](t *testing.T, recs []Record[T], err error) []T {
	t.Helper()
	if err != nil {
		t.Fatalf("reading back what was written: %v", err)
	}
	out := make([]T, len(recs))
	for i, r := range recs {
		out[i] = r.Value
	}
	return out
}

func same[T any](t *testing.T, got, want []T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	t.Run("mentors", func(t *testing.T) {
		dir := t.TempDir()
		ms := []data.Mentor{
			{FirstName: "Zoë", LastName: "Łukasiewicz", Email: "zoe@example.org", Phone: "+1 (206) 555-0100",
				Address: "12 Elm St, Apt 3\nSeattle, WA", Instruments: []string{"Violin", "Viola"},
				Education: "M.M., \"Juilliard\"", TeachingExperience: "=SUM(A1:A9) is how she grades",
				PerformanceExperience: "@Benaroya Hall; Seattle Symphony", Bio: "'Twas a \"long\" road, with commas, too.\nSecond paragraph.",
				WAResidentSince: d("2021-09-01"), Status: data.Active, Photo: photo.Placeholder("ZŁ", 1)},
			{FirstName: "Nguyễn Thị", LastName: "Minh", Email: "minh@example.org", Status: data.MentorApplicant,
				Bio: "'=literally starts with a quote", Photo: photo.Placeholder("NM", 2)},
			{FirstName: "Sam", LastName: "Lee", Email: "sam.lee@example.org", Status: data.Inactive,
				Instruments: []string{"Tuba"}, TeachingExperience: "-5 years, +10 ideas"},
			{FirstName: "Nguyễn Thị", LastName: "Minh", Email: "minh2@example.org", Status: data.Active, Photo: photo.Placeholder("NM", 3)},
		}
		var buf bytes.Buffer
		if err := WriteMentors(&buf, ms, dir, "photos/"); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), ",photos/zoë-łukasiewicz.jpg\n") || !strings.Contains(buf.String(), ",photos/nguyễn-thị-minh-2.jpg\n") {
			t.Errorf("photo cells are not the expected relative paths:\n%s", buf.String())
		}
		recs, err := ReadMentors(&buf, "mentors.csv", dir)
		same(t, values(t, recs, err), ms)
	})
	t.Run("checks", func(t *testing.T) {
		cs := []data.Check{
			{MentorEmail: "zoe@example.org", Kind: data.WSP, CompletedOn: d("2026-02-10"), Result: data.Clear},
			{MentorEmail: "zoe@example.org", Kind: data.FBI, CompletedOn: d("2026-02-10"), Result: data.Pending},
			{MentorEmail: "zoe@example.org", Kind: data.WSP, CompletedOn: d("2025-02-10"), Result: data.NotClear},
		}
		var buf bytes.Buffer
		if err := WriteChecks(&buf, cs); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadChecks(&buf, "checks.csv")
		same(t, values(t, recs, err), cs)
	})
	t.Run("contracts", func(t *testing.T) {
		cs := []data.Contract{
			{MentorEmail: "zoe@example.org", SchoolYear: 2026, SignedOn: d("2026-08-20")},
			{MentorEmail: "zoe@example.org", SchoolYear: 2099, SignedOn: d("2099-08-20")},
		}
		var buf bytes.Buffer
		if err := WriteContracts(&buf, cs); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadContracts(&buf, "contracts.csv")
		same(t, values(t, recs, err), cs)
	})
	t.Run("schools", func(t *testing.T) {
		ss := []data.School{
			{Name: "Whitman Middle School", District: "Seattle Public Schools", Level: data.Middle, Address: "9201 15th Ave NW", Calendar: "SPS"},
			{Name: "whitman middle school", District: "Other District", Level: data.K8},
			{Name: "École Bilingue", District: "Private", Level: data.OtherLevel, Address: "=1+1"},
		}
		var buf bytes.Buffer
		if err := WriteSchools(&buf, ss); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadSchools(&buf, "schools.csv")
		same(t, values(t, recs, err), ss)
	})
	t.Run("calendars", func(t *testing.T) {
		ds := []data.CalendarDay{
			{Calendar: "SPS", Date: d("2026-09-02"), Kind: data.FirstDay, Label: "First day"},
			{Calendar: "SPS", Date: d("2026-09-02"), Kind: data.NoSchool},
			{Calendar: "SPS", Date: d("2027-06-17"), Kind: data.LastDay},
			{Calendar: "SPS", Date: d("2026-11-26"), Kind: data.TermEnd, Label: "Thanksgiving, \"observed\""},
		}
		var buf bytes.Buffer
		if err := WriteCalendarDays(&buf, ds); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadCalendarDays(&buf, "calendars.csv")
		same(t, values(t, recs, err), ds)
	})
	t.Run("instructors", func(t *testing.T) {
		is := []data.Instructor{
			{FirstName: "Daniel", LastName: "Reyes", Email: "dreyes@example.org", Phone: "+1 206 555 0178", School: "Whitman Middle School"},
			{FirstName: "Ann", LastName: "O'Neil", Email: "aoneil@example.org", School: "-Odd- School"},
		}
		var buf bytes.Buffer
		if err := WriteInstructors(&buf, is); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadInstructors(&buf, "instructors.csv")
		same(t, values(t, recs, err), is)
	})
	t.Run("classrooms", func(t *testing.T) {
		cs := []data.Classroom{
			{School: "Whitman", Name: "7th Grade Band", Ensemble: "band", Grade: "7", InstructorEmail: "dreyes@example.org",
				MeetingDays: mustWeekdays("Mon;Wed;Fri"), PeriodStart: data.ClockOf(9, 40), PeriodMinutes: 50},
			{School: "Whitman", Name: "Jazz I", Ensemble: "jazz", MeetingDays: mustWeekdays("Tue;Thu;Sat;Sun"), PeriodStart: data.ClockOf(14, 5), PeriodMinutes: 45},
		}
		var buf bytes.Buffer
		if err := WriteClassrooms(&buf, cs); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadClassrooms(&buf, "classrooms.csv")
		same(t, values(t, recs, err), cs)
	})
	t.Run("events", func(t *testing.T) {
		es := []data.Event{
			{School: "Whitman", Classroom: "7th Grade Band", Date: d("2026-12-10"), Name: "Winter Concert"},
			{School: "Whitman", Classroom: "7th Grade Band", Date: d("2027-03-12"), Name: "+ Solo & Ensemble Festival"},
		}
		var buf bytes.Buffer
		if err := WriteEvents(&buf, es); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadEvents(&buf, "events.csv")
		same(t, values(t, recs, err), es)
	})
	t.Run("sessions", func(t *testing.T) {
		ss := []data.Session{
			{Date: d("2026-10-14"), Start: data.ClockOf(9, 40), Minutes: 50, School: "Whitman", Classroom: "7th Grade Band",
				MentorEmail: "zoe@example.org", Program: data.Focused, Status: data.Confirmed, ConfirmedOn: d("2026-10-15"),
				Focus: "Winter Concert repertoire", Notes: "Brass sectional.\nBring mutes; \"Sleigh Ride\" bars 12-40"},
			{Date: d("2026-10-14"), Start: data.ClockOf(10, 40), Minutes: 45, School: "Whitman", Classroom: "7th Grade Band",
				MentorEmail: "zoe@example.org", Program: data.Bridge, Status: data.Cancelled, Notes: "-cancelled by the school"},
			{Date: d("2026-10-28"), Start: data.ClockOf(9, 40), Minutes: 50, School: "Whitman", Classroom: "Jazz I",
				MentorEmail: "sam.lee@example.org", Program: data.Season, Status: data.Planned},
		}
		var buf bytes.Buffer
		if err := WriteSessions(&buf, ss); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadSessions(&buf, "sessions.csv")
		same(t, values(t, recs, err), ss)
	})
	t.Run("applicants", func(t *testing.T) {
		as := []data.Applicant{
			{Cohort: "Spring 2027", FirstName: "Priya", LastName: "Natarajan", Email: "pnatarajan@example.org", School: "Eckstein",
				CareerStage: data.Early, YearsTeaching: 2, Strengths: []string{"choir", "sight-reading"}, Passions: []string{"world music"},
				Growth: []string{"classroom management", "jazz band"}},
			{Cohort: "Spring 2027", FirstName: "Tom", LastName: "Berg", Email: "tberg@example.org", CareerStage: data.Experienced, YearsTeaching: 31},
		}
		var buf bytes.Buffer
		if err := WriteApplicants(&buf, as); err != nil {
			t.Fatal(err)
		}
		recs, err := ReadApplicants(&buf, "applicants.csv")
		same(t, values(t, recs, err), as)
	})
	t.Run("payments", func(t *testing.T) {
		ss := []data.Statement{
			{Number: 41, IssuedOn: d("2026-11-02"), MentorEmail: "zoe@example.org", School: "Whitman", VisitDate: d("2026-10-14"), Status: data.Paid, PaidOn: d("2026-11-20"),
				Lines: []data.StatementLine{{Kind: data.SessionLine, Amount: 12000}, {Kind: data.SessionLine, Amount: 12050}, {Kind: data.ContinuationLine, Amount: 5000}}},
			{Number: 42, IssuedOn: d("2026-11-30"), MentorEmail: "zoe@example.org", School: "Whitman", VisitDate: d("2026-10-14"), Adjusts: 41, Status: data.Issued,
				Lines: []data.StatementLine{{Kind: data.AdjustmentLine, Amount: -1200}}},
		}
		var buf bytes.Buffer
		if err := WritePayments(&buf, ss); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			Columns(Payments),
			{"41", "2026-11-02", "zoe@example.org", "Whitman", "2026-10-14", "2", "240.50", "50.00", "290.50", "", "paid", "2026-11-20"},
			{"42", "2026-11-30", "zoe@example.org", "Whitman", "2026-10-14", "0", "0.00", "0.00", "'-12.00", "41", "issued", ""},
		}
		if !reflect.DeepEqual(rows, want) {
			t.Fatalf("payments written as\n%q\nwant\n%q", rows, want)
		}
		// Reading the cells back as an import would: the guard comes off and the amounts add up.
		for i, s := range ss {
			total, err := data.ParseMoney(unguard(rows[i+1][8]))
			if err != nil || total != s.Total() {
				t.Errorf("statement %d: total cell %q reads back as %v (%v), want %v", s.Number, rows[i+1][8], total, err, s.Total())
			}
		}
	})
}

func TestTemplates(t *testing.T) {
	dir := t.TempDir()
	read := map[Kind]func([]byte) (int, error){
		Mentors: func(b []byte) (int, error) {
			r, err := ReadMentors(bytes.NewReader(b), "t.csv", dir)
			return len(r), err
		},
		Checks:    func(b []byte) (int, error) { r, err := ReadChecks(bytes.NewReader(b), "t.csv"); return len(r), err },
		Contracts: func(b []byte) (int, error) { r, err := ReadContracts(bytes.NewReader(b), "t.csv"); return len(r), err },
		Schools:   func(b []byte) (int, error) { r, err := ReadSchools(bytes.NewReader(b), "t.csv"); return len(r), err },
		Calendars: func(b []byte) (int, error) {
			r, err := ReadCalendarDays(bytes.NewReader(b), "t.csv")
			return len(r), err
		},
		Instructors: func(b []byte) (int, error) {
			r, err := ReadInstructors(bytes.NewReader(b), "t.csv")
			return len(r), err
		},
		Classrooms: func(b []byte) (int, error) { r, err := ReadClassrooms(bytes.NewReader(b), "t.csv"); return len(r), err },
		Events:     func(b []byte) (int, error) { r, err := ReadEvents(bytes.NewReader(b), "t.csv"); return len(r), err },
		Sessions:   func(b []byte) (int, error) { r, err := ReadSessions(bytes.NewReader(b), "t.csv"); return len(r), err },
		Applicants: func(b []byte) (int, error) { r, err := ReadApplicants(bytes.NewReader(b), "t.csv"); return len(r), err },
		Feedback:   func(b []byte) (int, error) { r, err := ReadFeedback(bytes.NewReader(b), "t.csv"); return len(r), err },
		Surveys:    func(b []byte) (int, error) { r, err := ReadSurveys(bytes.NewReader(b), "t.csv"); return len(r), err },
		Settings: func(b []byte) (int, error) {
			r, err := ReadSettings(bytes.NewReader(b), "t.csv", "")
			return len(r), err
		},
		Decisions: func(b []byte) (int, error) { r, err := ReadDecisions(bytes.NewReader(b), "t.csv"); return len(r), err },
		Enrollments: func(b []byte) (int, error) {
			r, err := ReadEnrollments(bytes.NewReader(b), "t.csv")
			return len(r), err
		},
	}
	for _, k := range AllKinds {
		if k == Goals {
			continue // export only, no template
		}
		tpl := Template(k)
		header, _, _ := strings.Cut(string(tpl), "\n")
		if header != strings.Join(Columns(k), ",") {
			t.Errorf("%s template header is %q", k, header)
		}
		if strings.Count(string(tpl), "\n") != 2 {
			t.Errorf("%s template is not a header and one row:\n%s", k, tpl)
		}
		if k == Payments {
			continue
		}
		if n, err := read[k](tpl); n != 1 || err != nil {
			t.Errorf("%s template does not import: %d rows, %v", k, n, err)
		}
	}
	if Template("nonsense") != nil {
		t.Error("a template for an unknown kind")
	}
}

func TestParseKind(t *testing.T) {
	if k, err := ParseKind(" Sessions "); k != Sessions || err != nil {
		t.Errorf("ParseKind = %q, %v", k, err)
	}
	if _, err := ParseKind("mentor"); err == nil || !strings.HasPrefix(err.Error(), `"mentor" is not a kind of CSV file (mentors, checks,`) {
		t.Errorf("ParseKind(mentor) = %v", err)
	}
}

func TestFormulaGuard(t *testing.T) {
	for _, c := range []struct{ value, cell string }{
		{"=SUM(A1)", "'=SUM(A1)"},
		{"+1 206 555 0100", "'+1 206 555 0100"},
		{"-12.00", "'-12.00"},
		{"@cmd", "'@cmd"},
		{"'=already quoted", "''=already quoted"},
		{"'Twas brillig", "'Twas brillig"},
		{"plain", "plain"},
		{"'", "'"},
		{"", ""},
	} {
		if got := guard(c.value); got != c.cell {
			t.Errorf("guard(%q) = %q, want %q", c.value, got, c.cell)
		}
		if got := unguard(c.cell); got != c.value {
			t.Errorf("unguard(%q) = %q, want %q", c.cell, got, c.value)
		}
	}
}
