package data

import (
	"slices"
	"strings"
	"testing"
)

func TestPairMilestones(t *testing.T) {
	start := MustDate("2026-10-01")
	meet := func(days ...string) []Meeting {
		var ms []Meeting
		for _, d := range days {
			ms = append(ms, Meeting{Date: MustDate(d)})
		}
		return ms
	}
	cases := []struct {
		name     string
		meetings []Meeting
		today    string
		want     [2]string // status of the one-month and three-month check-ins
	}{
		{"nothing is flagged before the first due date", nil, "2026-10-20", [2]string{"due 2026-11-01", "due 2027-01-01"}},
		{"on the due date the check-in can still be met", nil, "2026-11-01", [2]string{"due 2026-11-01", "due 2027-01-01"}},
		{"the day after the due date without a meeting is flagged", nil, "2026-11-02", [2]string{"missed (due 2026-11-01)", "due 2027-01-01"}},
		{"a meeting in the first month meets the one-month check-in", meet("2026-10-15"), "2026-11-22", [2]string{"met on 2026-10-15", "due 2027-01-01"}},
		{"a meeting on the due date counts", meet("2026-11-01"), "2026-12-01", [2]string{"met on 2026-11-01", "due 2027-01-01"}},
		{"a late first meeting meets only the three-month check-in", meet("2026-11-10"), "2027-02-01", [2]string{"missed (due 2026-11-01)", "met on 2026-11-10"}},
		{"one early meeting does not cover the three-month check-in", meet("2026-10-08"), "2027-01-02", [2]string{"met on 2026-10-08", "missed (due 2027-01-01)"}},
		{"both met, in any order of logging", meet("2026-12-20", "2026-10-09", "2026-10-30"), "2027-03-01", [2]string{"met on 2026-10-09", "met on 2026-12-20"}},
		{"a meeting after three months meets neither", meet("2027-01-05"), "2027-01-06", [2]string{"missed (due 2026-11-01)", "missed (due 2027-01-01)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := PairMilestones(start, c.meetings, MustDate(c.today))
			if len(ms) != 2 {
				t.Fatalf("%d milestones; want 2", len(ms))
			}
			for i := range ms {
				if got := ms[i].Status(); got != c.want[i] {
					t.Errorf("%s: %q; want %q", ms[i].Name, got, c.want[i])
				}
			}
		})
	}
	t.Run("missed milestones in words", func(t *testing.T) {
		ms := PairMilestones(start, nil, MustDate("2027-02-01"))
		if got := MissedMilestones(ms); got != "one-month check-in and three-month check-in missed" {
			t.Errorf("MissedMilestones = %q", got)
		}
		if got := MissedMilestones(PairMilestones(start, meet("2026-10-02", "2026-12-02"), MustDate("2027-02-01"))); got != "" {
			t.Errorf("MissedMilestones of a pair that met = %q", got)
		}
	})
}

func TestCheckCohort(t *testing.T) {
	ok := Cohort{Name: "2026-27 Cohort", Start: MustDate("2026-10-01"), IntroOn: MustDate("2026-10-08"), WrapUpOn: MustDate("2027-03-23")}
	if p := CheckCohort(ok); len(p) != 0 {
		t.Fatalf("a good cohort: %v", p)
	}
	cases := []struct {
		name  string
		edit  func(*Cohort)
		field string
		msg   string
	}{
		{"a name is required", func(c *Cohort) { c.Name = " " }, "cohort", "required"},
		{"a start is required", func(c *Cohort) { c.Start = 0 }, "start", "required"},
		{"the end comes after the start", func(c *Cohort) { c.End = MustDate("2026-09-01") }, "end", "after the start"},
		{"the intro falls in the term", func(c *Cohort) { c.IntroOn = MustDate("2026-09-20") }, "intro_on", "outside the term (2026-10-01 to 2027-04-01)"},
		{"the wrap-up falls in the default six-month term", func(c *Cohort) { c.WrapUpOn = MustDate("2027-04-02") }, "wrap_up_on", "outside the term"},
		{"the wrap-up comes after the intro", func(c *Cohort) { c.IntroOn, c.WrapUpOn = MustDate("2026-12-01"), MustDate("2026-11-01") }, "wrap_up_on", "must come after"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := ok
			c.edit(&x)
			if got := CheckCohort(x).For(c.field); !strings.Contains(got, c.msg) {
				t.Errorf("%s: %q; want %q", c.field, got, c.msg)
			}
		})
	}
	if CohortTermEnd(MustDate("2026-10-01")) != MustDate("2027-04-01") {
		t.Error("a term is not six months")
	}
}

func TestCheckAgreementAndOutcome(t *testing.T) {
	if p := CheckAgreement(Pair{Frequency: "every two weeks", Topics: []string{"assessment"}, EarlyDecision: "continue"}); len(p) != 0 {
		t.Errorf("a good agreement: %v", p)
	}
	if p := CheckAgreement(Pair{ExpDecision: "maybe"}); !strings.Contains(p.For("exp_decision"), `"maybe" is not a decision`) {
		t.Errorf("a bad decision: %v", p)
	}
	if p := CheckAgreement(Pair{Topics: []string{"ok", " "}}); p.For("topics") == "" {
		t.Error("an empty topic accepted")
	}
	for _, c := range []struct{ early, exp, want string }{
		{"", "", "no decisions yet"},
		{"continue", "", "waiting for one partner's decision"},
		{"continue", "continue", "continues for another term"},
		{"continue", "end", "ends with this term"},
	} {
		if got := TermOutcome(Pair{EarlyDecision: c.early, ExpDecision: c.exp}); got != c.want {
			t.Errorf("%q/%q: %q; want %q", c.early, c.exp, got, c.want)
		}
	}
	if CheckHubStatus("joined") != nil || CheckHubStatus("") != nil || CheckHubStatus("maybe") == nil {
		t.Error("CheckHubStatus")
	}
}

func TestTagVocabulary(t *testing.T) {
	v := NewTagVocabulary([]Applicant{
		{Strengths: []string{"Sight-reading", "composition"}, Growth: []string{"assessment"}},
		{Strengths: []string{"sight-reading"}, Passions: []string{"Jazz improvisation"}, Growth: []string{"sight-reading "}},
		{Passions: []string{"composition"}, Growth: []string{"recruitment"}},
	})
	if v.Len() != 5 {
		t.Fatalf("%d tags; want 5", v.Len())
	}
	if got := v.Suggest("", nil, 2); !slices.Equal(got, []string{"sight-reading", "composition"}) {
		t.Errorf("most used: %q", got)
	}
	if got := v.Suggest("COMP", nil, 5); !slices.Equal(got, []string{"composition"}) {
		t.Errorf("prefix: %q", got)
	}
	if got := v.Suggest("ment", nil, 5); !slices.Equal(got, []string{"assessment", "recruitment"}) {
		t.Errorf("contains: %q", got)
	}
	if got := v.Suggest("", []string{"Sight-Reading", "composition"}, 10); slices.Contains(got, "sight-reading") || slices.Contains(got, "composition") {
		t.Errorf("tags already entered suggested again: %q", got)
	}
	if got := v.Suggest("sight-reading", nil, 5); len(got) != 0 {
		t.Errorf("a complete tag suggests itself: %q", got)
	}
}

func TestCheckMeeting(t *testing.T) {
	today := MustDate("2026-11-22")
	if p := CheckMeeting(Meeting{Date: today, Topics: []string{"assessment"}, Note: "went well"}, today); len(p) != 0 {
		t.Errorf("a meeting today: %v", p)
	}
	if p := CheckMeeting(Meeting{Date: today.AddDays(1)}, today); !strings.Contains(p.For("date"), "in the future") {
		t.Errorf("a meeting tomorrow: %v", p)
	}
	if p := CheckMeeting(Meeting{}, today); p.For("date") != "is required" {
		t.Errorf("a meeting without a date: %v", p)
	}
}
