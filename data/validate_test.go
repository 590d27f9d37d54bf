package data

import (
	"strings"
	"testing"
)

// validator is any entity of the domain.
type validator interface{ Validate() error }

// TestEveryEntityValidates checks, for each entity, that a good record passes and that each
// broken one is refused on the field a form or CSV file would mark.
func TestEveryEntityValidates(t *testing.T) {
	d := MustDate("2026-10-05")
	goodMentor := Mentor{FirstName: "Zoë", LastName: "Łukasiewicz", Email: "zoe@example.org", Phone: "+1 (206) 555-0147",
		Instruments: []string{"flute", "piccolo"}, Status: Active}
	goodSession := Session{Date: d, Start: ClockOf(9, 40), Minutes: 50, School: "Cascade Middle School", Classroom: "7th Grade Band",
		MentorEmail: "zoe@example.org", Program: Focused, Status: Planned}
	goodRoom := Classroom{School: "Cascade Middle School", Name: "7th Grade Band", Ensemble: "band", MeetingDays: 0b0101010,
		PeriodStart: ClockOf(9, 40), PeriodMinutes: 50}
	goodEnrollment := Enrollment{Program: Season, ClassroomID: 1, MentorID: 1, SchoolYear: 2026,
		Terms: []Term{{Index: 1, EventDate: MustDate("2026-12-10"), Required: 3}}}
	goodApplicant := Applicant{Cohort: "2026-27", FirstName: "Ana", LastName: "Ruiz", Email: "ana@example.org", CareerStage: Early,
		YearsTeaching: 2, Strengths: []string{"jazz"}}
	cases := []struct {
		name  string
		v     validator
		field string // "" when the record is good
	}{
		{"a complete mentor", goodMentor, ""},
		{"mentor without a first name", with(goodMentor, func(m *Mentor) { m.FirstName = " " }), "first_name"},
		{"mentor with a bad e-mail", with(goodMentor, func(m *Mentor) { m.Email = "bob@" }), "email"},
		{"mentor with letters for a phone", with(goodMentor, func(m *Mentor) { m.Phone = "call me" }), "phone"},
		{"mentor with an unknown status", with(goodMentor, func(m *Mentor) { m.Status = "retired" }), "status"},
		{"mentor with a control character in the bio", with(goodMentor, func(m *Mentor) { m.Bio = "a\x00b" }), "bio"},
		{"mentor with an oversized photo", with(goodMentor, func(m *Mentor) { m.Photo = make([]byte, MaxPhotoBytes+1) }), "photo"},
		{"a clear WSP check", Check{MentorEmail: "zoe@example.org", Kind: WSP, CompletedOn: d, Result: Clear}, ""},
		{"check of an unknown kind", Check{MentorEmail: "zoe@example.org", Kind: "cia", CompletedOn: d, Result: Clear}, "kind"},
		{"check without a date", Check{MentorEmail: "zoe@example.org", Kind: FBI, Result: Pending}, "completed_on"},
		{"check with an unknown result", Check{MentorEmail: "zoe@example.org", Kind: FBI, CompletedOn: d, Result: "ok"}, "result"},
		{"a signed contract", Contract{MentorEmail: "zoe@example.org", SchoolYear: 2026, SignedOn: d}, ""},
		{"contract without a school year", Contract{MentorEmail: "zoe@example.org", SignedOn: d}, "school_year"},
		{"a school", School{Name: "Cascade Middle School", District: "Seattle Public Schools", Level: Middle}, ""},
		{"school of an unknown level", School{Name: "X", District: "Y", Level: "college"}, "level"},
		{"school without a district", School{Name: "X", Level: High}, "district"},
		{"a no-school day", CalendarDay{Calendar: "SPS", Date: d, Kind: NoSchool, Label: "Veterans Day"}, ""},
		{"calendar day of an unknown kind", CalendarDay{Calendar: "SPS", Date: d, Kind: "holiday"}, "kind"},
		{"an instructor", Instructor{FirstName: "Pat", LastName: "Lee", Email: "pat@school.org", School: "X"}, ""},
		{"instructor without a school", Instructor{FirstName: "Pat", LastName: "Lee", Email: "pat@school.org"}, "school"},
		{"a classroom", goodRoom, ""},
		{"classroom meeting on no day", with(goodRoom, func(c *Classroom) { c.MeetingDays = 0 }), "meeting_days"},
		{"classroom at midnight", with(goodRoom, func(c *Classroom) { c.PeriodStart = 0 }), "period_start"},
		{"classroom with a 5-minute period", with(goodRoom, func(c *Classroom) { c.PeriodMinutes = 5 }), "period_minutes"},
		{"classroom of an unknown ensemble", with(goodRoom, func(c *Classroom) { c.Ensemble = "kazoo" }), "ensemble"},
		{"an event", Event{School: "X", Classroom: "Y", Date: d, Name: "Winter Concert"}, ""},
		{"event without a name", Event{School: "X", Classroom: "Y", Date: d}, "name"},
		{"a Season enrollment", goodEnrollment, ""},
		{"Season with an evaluation", with(goodEnrollment, func(e *Enrollment) { e.Evaluation = true }), "program"},
		{"Focused with one term", with(goodEnrollment, func(e *Enrollment) { e.Program = Focused }), "events"},
		{"Bridge without a receiving classroom", with(goodEnrollment, func(e *Enrollment) {
			e.Program, e.FallSessions = Bridge, 1
			e.Terms = append(e.Terms, Term{Index: 2, EventDate: MustDate("2027-12-10"), Required: 1})
		}), "to_classroom"},
		{"a planned session", goodSession, ""},
		{"confirmed session without a date of confirmation", with(goodSession, func(s *Session) { s.Status = Confirmed }), "confirmed_on"},
		{"session confirmed before it took place", with(goodSession, func(s *Session) { s.Status, s.ConfirmedOn = Confirmed, d.AddDays(-1) }), "confirmed_on"},
		{"session of an unknown program", with(goodSession, func(s *Session) { s.Program = "orchestra" }), "program"},
		{"session of 500 minutes", with(goodSession, func(s *Session) { s.Minutes = 500 }), "minutes"},
		{"session with odd punctuality", with(goodSession, func(s *Session) { s.Punctuality = "early" }), "punctuality"},
		{"a goal", Goal{EnrollmentID: 1, Group: "trumpets", Text: "Play the opening in tune together", Status: "open", RatingBefore: 2}, ""},
		{"goal naming a pupil in full", Goal{EnrollmentID: 1, Text: "Maria Gonzalez needs help with rhythm", Status: "open"}, "text"},
		{"goal with a date of birth", Goal{EnrollmentID: 1, Text: "A.B. (born 3/4/2014) practises daily", Status: "open"}, "text"},
		{"goal rated 7", Goal{EnrollmentID: 1, Text: "Tune", Status: "open", RatingAfter: 7}, "rating_after"},
		{"feedback", Feedback{EnrollmentID: 1, Term: 1, GivenOn: d, Ratings: map[string]int{"preparation": 5, "rapport": 4, "musical_progress": 4, "punctuality": 5}}, ""},
		{"feedback missing a rating", Feedback{EnrollmentID: 1, Term: 1, GivenOn: d, Ratings: map[string]int{"preparation": 5}}, "rapport"},
		{"a review decision", ReviewDecision{MentorID: 1, DecidedOn: d, Decision: "coach", Reason: "late twice"}, ""},
		{"review decision without a reason", ReviewDecision{MentorID: 1, DecidedOn: d, Decision: "keep"}, "reason"},
		{"a cohort", Cohort{Name: "2026-27", Start: d}, ""},
		{"cohort ending before it starts", Cohort{Name: "2026-27", Start: d, End: d.AddDays(-1)}, "end"},
		{"an applicant", goodApplicant, ""},
		{"applicant of no career stage", with(goodApplicant, func(a *Applicant) { a.CareerStage = "mid" }), "career_stage"},
		{"applicant teaching 99 years", with(goodApplicant, func(a *Applicant) { a.YearsTeaching = 99 }), "years_teaching"},
		{"a meeting", Meeting{PairID: 1, Date: d, Topics: []string{"pacing"}}, ""},
		{"meeting without a date", Meeting{PairID: 1}, "date"},
		{"a payment", MarkPaid{PaidOn: d, Ref: "cheque 1042"}, ""},
		{"a payment without a date", MarkPaid{Ref: "cheque 1042"}, "paid_on"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.v.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			p, ok := err.(Problems)
			if !ok || p.For(c.field) == "" {
				t.Fatalf("error %v; want a problem on %s", err, c.field)
			}
		})
	}
}

func with[T any](v T, change func(*T)) T {
	change(&v)
	return v
}

func TestParsersRefuseWhatIsNotThere(t *testing.T) {
	for _, s := range []string{"2026-02-30", "2026-2-3", "26-02-03", "2026/02/03", "", "1800-01-01"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	if d := MustDate("2028-02-29"); d.String() != "2028-02-29" || d.AddYears(1).String() != "2029-03-01" {
		t.Errorf("leap day round trip: %s, +1y %s", d, d.AddYears(1))
	}
	if MustDate("2026-07-01")-MustDate("2026-06-30") != 1 {
		t.Error("consecutive days are not one apart")
	}
	for in, want := range map[string]Money{"1234.56": 123456, "$1,234.5": 123450, "-0.05": -5, "75": 7500} {
		if got, err := ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, s := range []string{"12.345", "1.2.3", "abc", "", "$", "1e3"} {
		if _, err := ParseMoney(s); err == nil {
			t.Errorf("ParseMoney(%q) accepted", s)
		}
	}
	if Money(-123456).Dollars() != "−$1,234.56" || Money(5).String() != "0.05" {
		t.Errorf("money formats: %s %s", Money(-123456).Dollars(), Money(5).String())
	}
	for _, s := range []string{"24:00", "9:5", "09:60", "noon"} {
		if _, err := ParseClock(s); err == nil {
			t.Errorf("ParseClock(%q) accepted", s)
		}
	}
	if y, err := ParseSchoolYear("2099-00"); err != nil || y.String() != "2099-00" {
		t.Errorf("school year across a century: %v %v", y, err)
	}
	if _, err := ParseSchoolYear("2026-28"); err == nil || !strings.Contains(err.Error(), "27") {
		t.Errorf("2026-28 accepted or unexplained: %v", err)
	}
	if SchoolYearOf(MustDate("2026-06-30"), DefaultSchoolYearStart) != 2025 || SchoolYearOf(MustDate("2026-07-01"), DefaultSchoolYearStart) != 2026 {
		t.Error("R1: the school year turns on 1 July")
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.56", "-0.5", "$1,000", "", "9999999999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("%q → %d → %q → %d, %v", s, m, m.String(), back, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-02-28", "2026-02-30", "2028-02-29", "0000-00-00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != strings.TrimSpace(s) {
			t.Fatalf("%q parsed to %s", s, d)
		}
	})
}
