package data

import (
	"slices"
	"testing"
)

func bgCheck(kind CheckKind, on string, result CheckResult) Check {
	return Check{Kind: kind, CompletedOn: MustDate(on), Result: result}
}

func mentorResidentSince(s string) Mentor {
	m := Mentor{ID: 1, FirstName: "Ana", LastName: "Lee", Status: Active}
	if s != "" {
		m.WAResidentSince = MustDate(s)
	}
	return m
}

func TestClearanceOn(t *testing.T) {
	const longAgo = "2010-01-01"
	tests := []struct {
		name     string
		resident string
		checks   []Check
		on       string
		cleared  bool
		until    string
		fbi      bool
		expiring bool
		reasons  []string
	}{
		{
			name: "not cleared with no checks", resident: longAgo, on: "2026-11-22",
			reasons: []string{"No WSP background check on file"},
		},
		{
			name: "cleared by WSP alone when resident 3 years or more", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-02-10", Clear)}, on: "2026-06-01",
			cleared: true, until: "2027-02-09",
		},
		{
			name: "FBI not required when resident exactly 3 years at the WSP check", resident: "2023-08-15",
			checks: []Check{bgCheck(WSP, "2026-08-15", Clear)}, on: "2026-09-01",
			cleared: true, until: "2027-08-14",
		},
		{
			name: "FBI required when resident under 3 years by one day", resident: "2023-08-16",
			checks: []Check{bgCheck(WSP, "2026-08-15", Clear)}, on: "2026-09-01", fbi: true,
			reasons: []string{
				"FBI check required: Washington resident since 2023-08-16, under 3 years before the WSP check of 2026-08-15",
				"No FBI fingerprint check on file",
			},
		},
		{
			name: "cleared until the earlier end when an FBI check is required", resident: "2024-09-01",
			checks: []Check{bgCheck(WSP, "2026-08-15", Clear), bgCheck(FBI, "2026-08-01", Clear)}, on: "2026-09-01",
			cleared: true, until: "2027-07-31", fbi: true,
		},
		{
			name: "FBI required when residence start unknown", resident: "",
			checks: []Check{bgCheck(WSP, "2026-08-15", Clear)}, on: "2026-09-01", fbi: true,
			reasons: []string{"FBI check required: Washington residence start unknown", "No FBI fingerprint check on file"},
		},
		{
			name: "pending FBI check clears nothing", resident: "2024-09-01",
			checks: []Check{bgCheck(WSP, "2026-08-15", Clear), bgCheck(FBI, "2026-08-20", Pending)}, on: "2026-09-01", fbi: true,
			reasons: []string{
				"FBI check required: Washington resident since 2024-09-01, under 3 years before the WSP check of 2026-08-15",
				"FBI check pending since 2026-08-20",
			},
		},
		{
			name: "not-clear WSP result clears nothing", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-03-01", NotClear)}, on: "2026-04-01",
			reasons: []string{"WSP check of 2026-03-01 was not clear"},
		},
		{
			name: "pending WSP check clears nothing", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-08-20", Pending)}, on: "2026-09-01",
			reasons: []string{"WSP check pending since 2026-08-20"},
		},
		{
			name: "covered on the coverage end day itself", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-02-10", Clear)}, on: "2027-02-09",
			cleared: true, until: "2027-02-09", expiring: true,
			reasons: []string{"Clearance expires on 2027-02-09 (today)"},
		},
		{
			name: "not covered the day after the coverage end", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-02-10", Clear)}, on: "2027-02-10",
			reasons: []string{"WSP check of 2026-02-10 expired on 2027-02-09"},
		},
		{
			name: "a check on 29 February covers through 28 February", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2024-02-29", Clear)}, on: "2025-02-28",
			cleared: true, until: "2025-02-28", expiring: true,
			reasons: []string{"Clearance expires on 2025-02-28 (today)"},
		},
		{
			name: "expiring when the end is exactly 30 days away", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-02-10", Clear)}, on: "2027-01-10",
			cleared: true, until: "2027-02-09", expiring: true,
			reasons: []string{"Clearance expires on 2027-02-09 (in 30 days)"},
		},
		{
			name: "not expiring when the end is 31 days away", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-02-10", Clear)}, on: "2027-01-09",
			cleared: true, until: "2027-02-09",
		},
		{
			name: "expiring when the FBI check ends first", resident: "2024-09-01",
			checks: []Check{bgCheck(WSP, "2026-08-15", Clear), bgCheck(FBI, "2025-12-01", Clear)}, on: "2026-11-21",
			cleared: true, until: "2026-11-30", fbi: true, expiring: true,
			reasons: []string{"Clearance expires on 2026-11-30 (in 9 days)"},
		},
		{
			name: "of two overlapping WSP checks the later coverage counts", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-06-01", Clear), bgCheck(WSP, "2025-12-01", Clear)}, on: "2026-11-20",
			cleared: true, until: "2027-05-31",
		},
		{
			name: "a later overlapping WSP check after 3 years of residence drops the FBI requirement", resident: "2023-09-01",
			checks: []Check{bgCheck(WSP, "2026-03-01", Clear), bgCheck(WSP, "2026-09-01", Clear)}, on: "2026-10-01",
			cleared: true, until: "2027-08-31",
		},
		{
			name: "expired WSP check with its renewal pending", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2025-02-10", Clear), bgCheck(WSP, "2026-02-01", Pending)}, on: "2026-02-15",
			reasons: []string{"WSP check of 2025-02-10 expired on 2026-02-09", "WSP check pending since 2026-02-01"},
		},
		{
			name: "a not-clear result before a clear check is superseded", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2025-01-10", NotClear), bgCheck(WSP, "2025-02-10", Clear)}, on: "2026-03-01",
			reasons: []string{"WSP check of 2025-02-10 expired on 2026-02-09"},
		},
		{
			name: "FBI requirement judged against the day when no WSP check covers it", resident: "2024-09-01",
			on: "2026-11-22", fbi: true,
			reasons: []string{
				"No WSP background check on file",
				"FBI check required: Washington resident since 2024-09-01, under 3 years before 2026-11-22",
				"No FBI fingerprint check on file",
			},
		},
		{
			name: "a check dated after the day covers nothing", resident: longAgo,
			checks: []Check{bgCheck(WSP, "2026-06-01", Clear)}, on: "2026-05-01",
			reasons: []string{"No WSP background check completed by 2026-05-01"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClearanceOn(mentorResidentSince(tt.resident), tt.checks, MustDate(tt.on))
			var until Date
			if tt.until != "" {
				until = MustDate(tt.until)
			}
			if got.Cleared != tt.cleared || got.ClearedUntil != until || got.FBIRequired != tt.fbi || got.Expiring != tt.expiring {
				t.Errorf("cleared=%v until=%s fbi=%v expiring=%v; want cleared=%v until=%s fbi=%v expiring=%v",
					got.Cleared, got.ClearedUntil, got.FBIRequired, got.Expiring, tt.cleared, until, tt.fbi, tt.expiring)
			}
			if !slices.Equal(got.Reasons, tt.reasons) {
				t.Errorf("reasons:\n got %q\nwant %q", got.Reasons, tt.reasons)
			}
		})
	}
}

func TestContractFor(t *testing.T) {
	y := SchoolYear(2026)
	signed := func(year SchoolYear, on string) Contract { return Contract{SchoolYear: year, SignedOn: MustDate(on)} }
	tests := []struct {
		name      string
		contracts []Contract
		want      ContractStatus
	}{
		{"signed contract for the year", []Contract{signed(2025, "2025-06-01"), signed(2026, "2026-06-15")},
			ContractStatus{Signed: true, SignedOn: MustDate("2026-06-15")}},
		{"no contract at all", nil, ContractStatus{Reason: "No signed contract for 2026-27"}},
		{"contract for another year only", []Contract{signed(2024, "2024-06-01"), signed(2025, "2025-06-01")},
			ContractStatus{Reason: "No signed contract for 2026-27 (has one for 2025-26)"}},
		{"contract for the year without a signing date", []Contract{{SchoolYear: 2026}},
			ContractStatus{Reason: "Contract for 2026-27 is not signed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContractFor(tt.contracts, y); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCompliance(t *testing.T) {
	on, year := MustDate("2026-11-22"), SchoolYear(2026)
	t.Run("no problems when cleared and under contract", func(t *testing.T) {
		r := Compliance(mentorResidentSince("2010-01-01"), []Check{bgCheck(WSP, "2026-08-01", Clear)},
			[]Contract{{SchoolYear: 2026, SignedOn: MustDate("2026-06-01")}}, on, year)
		if r.Problems == nil || len(r.Problems) != 0 || r.ProblemText() != "" {
			t.Errorf("problems = %#v, want an empty slice", r.Problems)
		}
	})
	t.Run("problems list clearance reasons then the contract", func(t *testing.T) {
		r := Compliance(mentorResidentSince("2024-09-01"), []Check{bgCheck(WSP, "2026-08-15", Clear)},
			[]Contract{{SchoolYear: 2025, SignedOn: MustDate("2025-06-01")}}, on, year)
		want := "FBI check required: Washington resident since 2024-09-01, under 3 years before the WSP check of 2026-08-15; " +
			"No FBI fingerprint check on file; No signed contract for 2026-27 (has one for 2025-26)"
		if got := r.ProblemText(); got != want {
			t.Errorf("ProblemText()\n got %q\nwant %q", got, want)
		}
	})
	t.Run("expiring clearance is a problem", func(t *testing.T) {
		r := Compliance(mentorResidentSince("2010-01-01"), []Check{bgCheck(WSP, "2025-12-02", Clear)},
			[]Contract{{SchoolYear: 2026, SignedOn: MustDate("2026-06-01")}}, on, year)
		if got, want := r.ProblemText(), "Clearance expires on 2026-12-01 (in 9 days)"; got != want {
			t.Errorf("ProblemText() = %q, want %q", got, want)
		}
	})
}

func TestAlerts(t *testing.T) {
	on, year := MustDate("2026-11-22"), SchoolYear(2026)
	contract := []Contract{{SchoolYear: 2026, SignedOn: MustDate("2026-06-01")}}
	mentor := func(id int64, first, last string, status MentorStatus, since string) Mentor {
		return Mentor{ID: id, FirstName: first, LastName: last, Status: status, WAResidentSince: MustDate(since)}
	}
	rows := []ComplianceRow{
		Compliance(mentor(1, "Zoë", "Adams", Active, "2010-01-01"), []Check{bgCheck(WSP, "2025-12-02", Clear)}, contract, on, year),
		Compliance(mentor(2, "Ben", "Cole", Active, "2010-01-01"), []Check{bgCheck(WSP, "2025-02-10", Clear)}, contract, on, year),
		Compliance(mentor(3, "Cy", "Baker", MentorApplicant, "2010-01-01"), nil, nil, on, year),
		Compliance(mentor(4, "Di", "Dunn", Active, "2025-01-01"), []Check{bgCheck(WSP, "2026-08-15", Clear)}, contract, on, year),
		Compliance(mentor(5, "Ed", "Ames", Inactive, "2010-01-01"), nil, nil, on, year),
		Compliance(mentor(6, "Flo", "Fox", Active, "2010-01-01"), []Check{bgCheck(WSP, "2026-08-15", Clear)}, contract, on, year),
		Compliance(mentor(7, "Al", "Able", Active, "2010-01-01"), []Check{bgCheck(WSP, "2026-08-15", Clear)}, nil, on, year),
	}
	want := []ComplianceAlert{
		{3, AlertNotCleared, "Cy Baker: No WSP background check on file"},
		{2, AlertExpired, "Ben Cole: WSP check of 2025-02-10 expired on 2026-02-09"},
		{4, AlertFBIMissing, "Di Dunn: FBI check required: Washington resident since 2025-01-01, under 3 years before the WSP check of 2026-08-15; No FBI fingerprint check on file"},
		{7, AlertNoContract, "Al Able: No signed contract for 2026-27"},
		{3, AlertNoContract, "Cy Baker: No signed contract for 2026-27"},
		{1, AlertExpiring, "Zoë Adams: Clearance expires on 2026-12-01 (in 9 days)"},
	}
	got := Alerts(rows)
	if !slices.Equal(got, want) {
		t.Errorf("Alerts:\n got %+v\nwant %+v", got, want)
	}

	t.Run("a not-clear result outranks an expired check", func(t *testing.T) {
		r := Compliance(mentor(8, "Gus", "Gray", Active, "2010-01-01"),
			[]Check{bgCheck(WSP, "2025-02-10", Clear), bgCheck(WSP, "2026-03-01", NotClear)}, contract, on, year)
		a := Alerts([]ComplianceRow{r})
		if len(a) != 1 || a[0].Kind != AlertNotCleared {
			t.Errorf("got %+v, want one not_cleared alert", a)
		}
	})
	t.Run("an expired FBI check is an expired alert", func(t *testing.T) {
		r := Compliance(mentor(9, "Hal", "Hart", Active, "2025-01-01"),
			[]Check{bgCheck(WSP, "2026-08-15", Clear), bgCheck(FBI, "2025-08-01", Clear)}, contract, on, year)
		a := Alerts([]ComplianceRow{r})
		if len(a) != 1 || a[0].Kind != AlertExpired {
			t.Errorf("got %+v, want one expired alert", a)
		}
	})
}
