package sqlite

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"mentordesk/data"
)

func TestSaveMentorRecordsIsExactlyTheGivenRecords(t *testing.T) {
	s := newStore(t)
	ana := data.Mentor{FirstName: "Ana", LastName: "Díaz", Email: "Ana.Diaz@example.org", Status: data.Active,
		Instruments: []string{"viola"}, Photo: []byte{0xFF, 0xD8, 0xFF, 0xD9}}
	checks := []data.Check{
		{Kind: data.WSP, CompletedOn: data.MustDate("2026-02-10"), Result: data.Clear},
		{Kind: data.FBI, CompletedOn: data.MustDate("2026-02-12"), Result: data.Pending},
	}
	contracts := []data.Contract{{SchoolYear: 2026, SignedOn: data.MustDate("2026-08-20")}}

	t.Run("a new mentor with checks and contracts", func(t *testing.T) {
		id, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: ana, Checks: checks, Contracts: contracts})
		if err != nil {
			t.Fatal(err)
		}
		ana.ID = id
		got, _ := s.Mentor(ctx, id)
		if got.Email != "ana.diaz@example.org" || !slices.Equal(got.Photo, ana.Photo) {
			t.Errorf("saved %q with %d photo bytes", got.Email, len(got.Photo))
		}
		cs, _ := s.Checks(ctx, id)
		ks, _ := s.Contracts(ctx, id)
		if len(cs) != 2 || len(ks) != 1 {
			t.Fatalf("%d checks, %d contracts; want 2 and 1", len(cs), len(ks))
		}
		checks, contracts = cs, ks
	})

	t.Run("a check left out is deleted, a new one added, a changed one updated", func(t *testing.T) {
		var fbi data.Check
		for _, c := range checks {
			if c.Kind == data.FBI {
				fbi = c
			}
		}
		fbi.Result = data.Clear
		next := []data.Check{fbi, {Kind: data.WSP, CompletedOn: data.MustDate("2027-02-01"), Result: data.Clear}}
		if _, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: ana, Checks: next}); err != nil {
			t.Fatal(err)
		}
		cs, _ := s.Checks(ctx, ana.ID)
		var got []string
		for _, c := range cs {
			got = append(got, string(c.Kind)+" "+c.CompletedOn.String()+" "+string(c.Result))
		}
		want := []string{"wsp 2027-02-01 clear", "fbi 2026-02-12 clear"}
		if !slices.Equal(got, want) {
			t.Errorf("checks %v, want %v", got, want)
		}
		if ks, _ := s.Contracts(ctx, ana.ID); len(ks) != 0 {
			t.Errorf("%d contracts left; none were given", len(ks))
		}
	})

	t.Run("the same check twice is refused and nothing changes", func(t *testing.T) {
		before, _ := s.Checks(ctx, ana.ID)
		twice := []data.Check{{Kind: data.WSP, CompletedOn: data.MustDate("2026-05-01"), Result: data.Clear},
			{Kind: data.WSP, CompletedOn: data.MustDate("2026-05-01"), Result: data.Pending}}
		changed := ana
		changed.Phone = "(206) 555-0100"
		_, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: changed, Checks: twice})
		var p data.Problems
		if !errors.As(err, &p) || !strings.Contains(p.For("checks"), "listed twice") {
			t.Fatalf("err = %v", err)
		}
		after, _ := s.Checks(ctx, ana.ID)
		got, _ := s.Mentor(ctx, ana.ID)
		if len(after) != len(before) || got.Phone != "" {
			t.Errorf("a refused save changed things: %d checks (was %d), phone %q", len(after), len(before), got.Phone)
		}
	})

	t.Run("another mentor's e-mail is a problem of the e-mail field", func(t *testing.T) {
		bob := data.Mentor{FirstName: "Bob", LastName: "Lee", Email: "ANA.DIAZ@example.org", Status: data.MentorApplicant}
		_, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: bob, Checks: []data.Check{{Kind: data.WSP, CompletedOn: data.MustDate("2026-01-05"), Result: data.Clear}}})
		var p data.Problems
		if !errors.As(err, &p) || !strings.Contains(p.For("email"), "belongs to another mentor") {
			t.Fatalf("err = %v", err)
		}
		if all, _ := s.Mentors(ctx, MentorFilter{}); len(all) != 1 {
			t.Errorf("%d mentors after the refusal", len(all))
		}
	})

	t.Run("a check of another mentor cannot be changed through this one", func(t *testing.T) {
		carl := data.Mentor{FirstName: "Carl", LastName: "Nilsen", Email: "carl@example.org", Status: data.Active}
		cid, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: carl, Checks: []data.Check{{Kind: data.WSP, CompletedOn: data.MustDate("2026-03-03"), Result: data.Clear}}})
		if err != nil {
			t.Fatal(err)
		}
		carls, _ := s.Checks(ctx, cid)
		stolen := carls[0]
		stolen.Result = data.NotClear
		_, err = ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: ana, Checks: []data.Check{stolen}})
		if !errors.Is(err, data.ErrNotFound) {
			t.Fatalf("err = %v", err)
		}
		if again, _ := s.Checks(ctx, cid); again[0].Result != data.Clear {
			t.Errorf("Carl's check became %s", again[0].Result)
		}
		if mine, _ := s.Checks(ctx, ana.ID); len(mine) != 2 {
			t.Errorf("the failed save left Ana %d checks, want her 2 unchanged", len(mine))
		}
	})
}

func TestMentorInstrumentsOnceEachInOrder(t *testing.T) {
	s := newStore(t)
	for i, tags := range [][]string{{"Flute", "piccolo"}, {"flute", "Viola"}, {"alto saxophone"}} {
		m := data.Mentor{FirstName: "M", LastName: string(rune('A' + i)), Email: string(rune('a'+i)) + "@example.org",
			Status: data.Active, Instruments: tags}
		if _, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: m}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.MentorInstruments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"alto saxophone", "Flute", "piccolo", "Viola"}; !slices.Equal(got, want) {
		t.Errorf("instruments %v, want %v", got, want)
	}
}

func TestMentorReviewReadsFeedbackSurveysAndPunctuality(t *testing.T) {
	s := newStore(t)
	id, err := ops(s).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "Ana", LastName: "Díaz", Email: "ana@example.org", Status: data.Active}})
	if err != nil {
		t.Fatal(err)
	}
	on := data.MustDate("2026-11-22")

	t.Run("no feedback yet", func(t *testing.T) {
		r, err := ops(s).MentorReview(ctx, id, on)
		if err != nil {
			t.Fatal(err)
		}
		if r.UnderReview || r.FeedbackCount != 0 || r.SurveyResponses != 0 || !r.OnRoster() {
			t.Errorf("review with nothing recorded: %+v", r)
		}
	})

	t.Run("low ratings in the last 12 months put the mentor under review", func(t *testing.T) {
		for _, q := range []string{
			`INSERT INTO districts(id, name) VALUES (1, 'Shoreline')`,
			`INSERT INTO schools(id, name, district_id, level) VALUES (1, 'Kellogg', 1, 'middle')`,
			`INSERT INTO classrooms(id, school_id, name, ensemble, meeting_days, period_start, period_minutes) VALUES (1, 1, 'Band', 'band', 5, 600, 50)`,
			`INSERT INTO enrollments(id, program, classroom_id, mentor_id, school_year) VALUES (1, 'focused', 1, 1, 2026)`,
			`INSERT INTO feedback(enrollment_id, term, given_on, preparation, rapport, musical_progress, punctuality) VALUES (1, 1, '2026-10-30', 2, 2, 3, 2)`,
			`INSERT INTO feedback(enrollment_id, term, given_on, preparation, rapport, musical_progress, punctuality) VALUES (1, 1, '2025-10-30', 5, 5, 5, 5)`,
			`INSERT INTO surveys(enrollment_id, term, taken_on, responses, averages) VALUES (1, 1, '2026-11-01', 20, '{"fun": 4.5}')`,
		} {
			if _, err := s.w.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		r, err := ops(s).MentorReview(ctx, id, on)
		if err != nil {
			t.Fatal(err)
		}
		if r.FeedbackCount != 1 || r.SurveyResponses != 20 || !r.UnderReview || len(r.Reasons) != 1 ||
			!strings.Contains(r.Reasons[0], "Instructors' feedback averages 2.25") {
			t.Errorf("review: %+v", r)
		}
	})
}
