package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ExpiringWithinDays is how near the end of a clearance must be to call it expiring (R7).
const ExpiringWithinDays = 30

// fbiResidenceYears is how long a Washington residence must have lasted at the WSP check for
// the WSP check alone to suffice (R7).
const fbiResidenceYears = 3

// CoversThrough is the last day the check covers: the day before its anniversary (R7).
func (c Check) CoversThrough() Date { return c.CompletedOn.AddYears(1).AddDays(-1) }

// Covers reports whether the check, whatever its result, spans day d.
func (c Check) Covers(d Date) bool {
	return !c.CompletedOn.IsZero() && c.CompletedOn <= d && d <= c.CoversThrough()
}

// FBICheckRequired reports whether a WSP check dated checkedOn needs an FBI check beside it:
// the residence start is unknown, or began less than 3 years before (R7).
func FBICheckRequired(residentSince, checkedOn Date) bool {
	return residentSince.IsZero() || checkedOn < residentSince.AddYears(fbiResidenceYears)
}

// Clearance is whether a mentor may work with pupils on a day under R7, and why not.
type Clearance struct {
	Cleared      bool
	ClearedUntil Date // last day covered by every check required; zero when not cleared
	// FBIRequired is judged against the WSP check that covers the day or, when none does,
	// against the day itself, the date a new WSP check would carry.
	FBIRequired bool
	Expiring    bool     // cleared, with ClearedUntil within ExpiringWithinDays
	Reasons     []string // why not cleared, or when it expires; nil when nothing needs saying

	alert string // alert kind for Alerts; hand-built values fall back to not_cleared
}

// ClearanceOn applies R7 to one mentor's checks on day on.
func ClearanceOn(m Mentor, checks []Check, on Date) Clearance {
	var c Clearance
	wsp := latestChecks(checks, WSP, on)
	checkDate := on
	if wsp.covering != nil {
		checkDate = wsp.covering.CompletedOn
	}
	c.FBIRequired = FBICheckRequired(m.WAResidentSince, checkDate)
	var fbi checkHistory
	if c.FBIRequired {
		fbi = latestChecks(checks, FBI, on)
	}

	if wsp.covering == nil {
		c.Reasons = append(c.Reasons, wsp.lapse(on)...)
		c.alert = wsp.alertKind(AlertNotCleared)
	}
	if c.FBIRequired && fbi.covering == nil {
		c.Reasons = append(c.Reasons, fbiRequiredReason(m.WAResidentSince, checkDate, wsp.covering != nil))
		c.Reasons = append(c.Reasons, fbi.lapse(on)...)
		if k := fbi.alertKind(AlertFBIMissing); c.alert == "" || alertRank(k) < alertRank(c.alert) {
			c.alert = k
		}
	}
	if c.alert != "" {
		return c
	}

	c.Cleared = true
	c.ClearedUntil = wsp.covering.CoversThrough()
	if c.FBIRequired {
		c.ClearedUntil = min(c.ClearedUntil, fbi.covering.CoversThrough())
	}
	if days := on.DaysUntil(c.ClearedUntil); days <= ExpiringWithinDays {
		c.Expiring = true
		c.alert = AlertExpiring
		c.Reasons = append(c.Reasons, fmt.Sprintf("Clearance expires on %s (%s)", c.ClearedUntil, inDays(days)))
	}
	return c
}

// checkHistory is what matters of one kind of check on a day.
type checkHistory struct {
	kind      CheckKind
	covering  *Check // the clear check covering the day that runs longest
	lastClear *Check // the newest clear check dated on or before the day
	since     *Check // the newest pending or not-clear check after lastClear
	any       bool   // whether any check of the kind exists, even dated after the day
}

func latestChecks(checks []Check, kind CheckKind, on Date) checkHistory {
	h := checkHistory{kind: kind}
	for i := range checks {
		c := &checks[i]
		if c.Kind != kind || c.CompletedOn.IsZero() {
			continue
		}
		h.any = true
		if c.CompletedOn > on {
			continue
		}
		if c.Result == Clear {
			if c.Covers(on) && (h.covering == nil || c.CompletedOn > h.covering.CompletedOn) {
				h.covering = c
			}
			if h.lastClear == nil || c.CompletedOn > h.lastClear.CompletedOn {
				h.lastClear = c
			}
		} else if h.since == nil || c.CompletedOn >= h.since.CompletedOn {
			h.since = c
		}
	}
	if h.since != nil && h.lastClear != nil && h.since.CompletedOn < h.lastClear.CompletedOn {
		h.since = nil // a clear check superseded it
	}
	return h
}

// lapse says why no check of the kind covers the day.
func (h checkHistory) lapse(on Date) []string {
	name := strings.ToUpper(string(h.kind))
	var out []string
	switch {
	case h.lastClear == nil && h.since == nil && h.any:
		out = append(out, fmt.Sprintf("No %s completed by %s", checkTitle(h.kind), on))
	case h.lastClear == nil && h.since == nil:
		out = append(out, fmt.Sprintf("No %s on file", checkTitle(h.kind)))
	case h.lastClear != nil:
		out = append(out, fmt.Sprintf("%s check of %s expired on %s", name, h.lastClear.CompletedOn, h.lastClear.CoversThrough()))
	}
	if h.since != nil {
		if h.since.Result == Pending {
			out = append(out, fmt.Sprintf("%s check pending since %s", name, h.since.CompletedOn))
		} else {
			out = append(out, fmt.Sprintf("%s check of %s was not clear", name, h.since.CompletedOn))
		}
	}
	return out
}

// alertKind names the lapse for the Home panel; missing is the kind used when nothing lapsed.
func (h checkHistory) alertKind(missing string) string {
	switch {
	case h.since != nil && h.since.Result == NotClear:
		return AlertNotCleared
	case h.lastClear != nil:
		return AlertExpired
	}
	return missing
}

func checkTitle(k CheckKind) string {
	if k == FBI {
		return "FBI fingerprint check"
	}
	return "WSP background check"
}

func fbiRequiredReason(residentSince, checkDate Date, isCheck bool) string {
	if residentSince.IsZero() {
		return "FBI check required: Washington residence start unknown"
	}
	before := checkDate.String()
	if isCheck {
		before = "the WSP check of " + before
	}
	return fmt.Sprintf("FBI check required: Washington resident since %s, under %d years before %s",
		residentSince, fbiResidenceYears, before)
}

func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
}

// ContractStatus is whether a mentor holds a signed contract for a school year (R8).
type ContractStatus struct {
	Signed   bool
	SignedOn Date
	Reason   string // why not signed; "" when signed
}

// ContractFor applies R8 to one mentor's contracts.
func ContractFor(contracts []Contract, year SchoolYear) ContractStatus {
	var other SchoolYear
	unsigned := false
	for _, c := range contracts {
		switch {
		case c.SchoolYear == year && !c.SignedOn.IsZero():
			return ContractStatus{Signed: true, SignedOn: c.SignedOn}
		case c.SchoolYear == year:
			unsigned = true
		case !c.SignedOn.IsZero() && c.SchoolYear > other:
			other = c.SchoolYear
		}
	}
	switch {
	case unsigned:
		return ContractStatus{Reason: fmt.Sprintf("Contract for %s is not signed", year)}
	case other != 0:
		return ContractStatus{Reason: fmt.Sprintf("No signed contract for %s (has one for %s)", year, other)}
	}
	return ContractStatus{Reason: fmt.Sprintf("No signed contract for %s", year)}
}

// ComplianceRow is one mentor's line of the compliance list.
type ComplianceRow struct {
	Mentor    Mentor
	Clearance Clearance
	Contract  ContractStatus
	Problems  []string // in words; empty, never nil, when all is well
}

// Compliance applies R7 on day on and R8 for school year year to one mentor.
func Compliance(m Mentor, checks []Check, contracts []Contract, on Date, year SchoolYear) ComplianceRow {
	r := ComplianceRow{Mentor: m, Clearance: ClearanceOn(m, checks, on), Contract: ContractFor(contracts, year)}
	r.Problems = append([]string{}, r.Clearance.Reasons...)
	if !r.Contract.Signed {
		r.Problems = append(r.Problems, r.Contract.Reason)
	}
	return r
}

// ProblemText is the problems as one cell: "a; b".
func (r ComplianceRow) ProblemText() string { return strings.Join(r.Problems, "; ") }

// Alert kinds, most severe first.
const (
	AlertNotCleared = "not_cleared"
	AlertExpired    = "expired"
	AlertFBIMissing = "fbi_missing"
	AlertNoContract = "no_contract"
	AlertExpiring   = "expiring"
)

var alertOrder = []string{AlertNotCleared, AlertExpired, AlertFBIMissing, AlertNoContract, AlertExpiring}

func alertRank(kind string) int { return slices.Index(alertOrder, kind) }

// ComplianceAlert is one line of the Home panel's compliance warnings.
type ComplianceAlert struct {
	MentorID int64
	Kind     string // one of the Alert kinds
	Text     string
}

// Alerts lists what needs the director's attention among active mentors and applicants:
// at most one clearance alert and one contract alert each, most severe first, then by name.
func Alerts(rows []ComplianceRow) []ComplianceAlert {
	type sortable struct {
		ComplianceAlert
		name string
	}
	var out []sortable
	for _, r := range rows {
		if r.Mentor.Status != Active && r.Mentor.Status != MentorApplicant {
			continue
		}
		name := r.Mentor.Name()
		sortName := strings.ToLower(r.Mentor.SortName())
		add := func(kind string, reasons []string, fallback string) {
			text := strings.Join(reasons, "; ")
			if text == "" {
				text = fallback
			}
			out = append(out, sortable{ComplianceAlert{r.Mentor.ID, kind, name + ": " + text}, sortName})
		}
		c := r.Clearance
		switch {
		case !c.Cleared:
			kind := c.alert
			if kind == "" || kind == AlertExpiring {
				kind = AlertNotCleared
			}
			add(kind, c.Reasons, "Not cleared to work with pupils")
		case c.Expiring:
			add(AlertExpiring, c.Reasons, "Clearance expires on "+c.ClearedUntil.String())
		}
		if !r.Contract.Signed {
			add(AlertNoContract, nil, r.Contract.Reason)
		}
	}
	slices.SortStableFunc(out, func(a, b sortable) int {
		return cmp.Or(cmp.Compare(alertRank(a.Kind), alertRank(b.Kind)), cmp.Compare(a.name, b.name),
			cmp.Compare(a.MentorID, b.MentorID))
	})
	alerts := make([]ComplianceAlert, len(out))
	for i, s := range out {
		alerts[i] = s.ComplianceAlert
	}
	return alerts
}
