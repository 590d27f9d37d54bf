package data

import (
	"slices"
	"testing"
)

func TestEligibilityFlagsSayTheirRule(t *testing.T) {
	m := Mentor{ID: 1, Email: "ana@example.org", Status: Active, WAResidentSince: MustDate("2010-01-01")}
	checks := []Check{{MentorID: 1, Kind: WSP, CompletedOn: MustDate("2026-02-10"), Result: Clear}}
	contracts := []Contract{{MentorID: 1, SchoolYear: 2026, SignedOn: MustDate("2026-08-20")}}
	flags := Eligibility(m, checks, contracts, DefaultSchoolYearStart)
	rules := func(fs []Flag) []FlagRule {
		var out []FlagRule
		for _, f := range fs {
			out = append(out, f.Rule)
		}
		return out
	}
	cases := []struct {
		name string
		on   string
		want []FlagRule
	}{
		{"cleared and under contract", "2026-10-01", nil},
		{"the check lapsed on its anniversary (R7)", "2027-02-10", []FlagRule{FlagNotCleared}},
		{"no contract for the next school year (R8)", "2027-07-01", []FlagRule{FlagNotCleared, FlagNoContract}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := flags(MustDate(c.on))
			if !slices.Equal(rules(got), c.want) {
				t.Errorf("flags %v; want rules %v", got, c.want)
			}
			for _, f := range got {
				if !f.OnDate() || f.Text == "" {
					t.Errorf("flag %+v: a dated flag with its reasons expected", f)
				}
			}
		})
	}
	t.Run("words", func(t *testing.T) {
		f := Flag{Rule: FlagNoContract, Text: "no signed contract for 2027-28"}
		if f.String() != "No contract (R8): no signed contract for 2027-28" || f.Short() != "no contract" {
			t.Errorf("%q, %q", f.String(), f.Short())
		}
		s := Flag{Rule: FlagMentorStatus, Text: "Ana Díaz is inactive"}
		if s.String() != s.Text || s.OnDate() {
			t.Errorf("a status flag reads %q and is dated: %v", s.String(), s.OnDate())
		}
	})
}
