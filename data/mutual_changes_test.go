package data

import (
	"errors"
	"slices"
	"testing"
)

func TestCarryAgreementsKeepsWhatAPairAgreed(t *testing.T) {
	stored := []Pair{
		{ID: 7, EarlyID: 1, ExperiencedID: 10, Frequency: "Weekly", Topics: []string{"warm-ups"}, EarlyDecision: DecisionContinue},
		{ID: 8, EarlyID: 2, ExperiencedID: 20, Frequency: "Monthly"},
	}
	next := []Pair{{EarlyID: 1, ExperiencedID: 10, Score: 2}, {EarlyID: 2, ExperiencedID: 30, Score: 1}}
	got := CarryAgreements(stored, next)
	if got[0].Frequency != "Weekly" || !slices.Equal(got[0].Topics, []string{"warm-ups"}) || got[0].EarlyDecision != DecisionContinue || got[0].Score != 2 {
		t.Errorf("the same two kept %+v; want their agreement with the new score", got[0])
	}
	if got[1].Frequency != "" || got[1].ID != 0 {
		t.Errorf("a new pair got %+v; want nothing agreed yet", got[1])
	}
	if err := CheckRematch(1); !errors.Is(err, ErrRematchAfterMeetings) {
		t.Errorf("re-matching after a meeting: %v", err)
	}
}

func TestCheckIntakeChange(t *testing.T) {
	early := Applicant{ID: 1, CareerStage: Early}
	experienced := early
	experienced.CareerStage = Experienced
	cases := []struct {
		name   string
		after  Applicant
		paired bool
		want   string
	}{
		{"an unpaired applicant may change stage", experienced, false, ""},
		{"a paired applicant keeps their stage", experienced, true, "career_stage"},
		{"a paired applicant may change anything else", early, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := CheckIntakeChange(early, c.after, c.paired)
			if (c.want == "") != (len(p) == 0) || (c.want != "" && p.For(c.want) == "") {
				t.Errorf("problems %v; want one of %q", p, c.want)
			}
		})
	}
}

func TestMentorRecordsValidate(t *testing.T) {
	m := Mentor{FirstName: "Ana", LastName: "Díaz", Email: "ana@example.org", Status: Active}
	wsp := Check{Kind: WSP, CompletedOn: MustDate("2026-05-01"), Result: Clear}
	var p Problems
	if err := (MentorRecords{Mentor: m, Checks: []Check{wsp, wsp}}).Validate(); !errors.As(err, &p) || p.For("checks") == "" {
		t.Errorf("the same check twice: %v", err)
	}
	y := Contract{SchoolYear: 2026, SignedOn: MustDate("2026-08-01")}
	if err := (MentorRecords{Mentor: m, Contracts: []Contract{y, y}}).Validate(); !errors.As(err, &p) || p.For("contracts") == "" {
		t.Errorf("the same contract twice: %v", err)
	}
	bad := m
	bad.Email = "ana@"
	if err := (MentorRecords{Mentor: bad}).Validate(); !errors.As(err, &p) || p.For("email") == "" {
		t.Errorf("a bad e-mail: %v", err)
	}
	if err := (MentorRecords{Mentor: m, Checks: []Check{wsp}, Contracts: []Contract{y}}).Validate(); err != nil {
		t.Errorf("good records: %v", err)
	}
}

func TestOnRosterHandout(t *testing.T) {
	m := Mentor{Status: Active, Email: "a@example.org", Phone: "206-555-0100", Address: "1 Pine St"}
	if !OnRosterHandout(m, true, ReviewState{}) || OnRosterHandout(m, false, ReviewState{}) ||
		OnRosterHandout(m, true, ReviewState{UnderReview: true}) {
		t.Error("the handout takes an active mentor, cleared, not under review")
	}
	if r := m.ForRoster(); r.Email != "" || r.Phone != "" || r.Address != "" {
		t.Errorf("the handout's copy keeps private details: %+v", r)
	}
}
