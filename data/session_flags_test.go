package data

import (
	"strings"
	"testing"
)

func TestSessionFlagsFollowR7AndR8OnTheSessionDate(t *testing.T) {
	m := Mentor{ID: 1, WAResidentSince: MustDate("2000-01-01")}
	checks := []Check{{MentorID: 1, Kind: WSP, CompletedOn: MustDate("2026-02-10"), Result: Clear}}
	contracts := []Contract{{MentorID: 1, SchoolYear: 2026, SignedOn: MustDate("2026-06-01")}}
	start := DefaultSchoolYearStart
	cases := []struct {
		name, on string
		want     string
	}{
		{"cleared with a contract", "2026-10-01", ""},
		{"check lapsed the day of the anniversary", "2027-02-10", "not cleared"},
		{"no contract for the next school year", "2027-07-01", "not cleared, no contract"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SessionFlags(m, checks, contracts, MustDate(c.on), start)
			if FlagsShort(got) != c.want {
				t.Errorf("flags %q; want %q", got, c.want)
			}
			if OverrideNeeded(got, "") != (c.want != "") {
				t.Errorf("override needed %v with flags %q", !OverrideNeeded(got, ""), got)
			}
			if OverrideNeeded(got, "Check cleared by phone, paperwork on its way") {
				t.Error("a reason given still needs an override")
			}
		})
	}
	if err := CheckOverrideReason("  "); err == nil || !strings.Contains(err.Error(), "required") {
		t.Errorf("an empty reason gives %v; want it required", err)
	}
}
