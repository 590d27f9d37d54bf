package data

import (
	"fmt"
	"strings"
)

// Beginnings of the flags a session carries when its mentor was not cleared on its date (R7) or
// held no signed contract for its school year (R8), so screens can group and shorten them.
const (
	FlagNotCleared = "Not cleared: "
	FlagNoContract = "No contract: "
)

// SessionFlags are the R7/R8 flags of mentor m on day d, in words; nil when none stands.
func SessionFlags(m Mentor, checks []Check, contracts []Contract, d Date, start MonthDay) []string {
	var out []string
	if c := ClearanceOn(m, checks, d); !c.Cleared {
		out = append(out, FlagNotCleared+strings.Join(c.Reasons, "; "))
	}
	if c := ContractFor(contracts, SchoolYearOf(d, start)); !c.Signed {
		out = append(out, FlagNoContract+c.Reason)
	}
	return out
}

// FlagsShort is "not cleared, no contract": the flags as a list row or calendar shows them.
func FlagsShort(flags []string) string {
	var out []string
	for _, f := range flags {
		switch {
		case strings.HasPrefix(f, FlagNotCleared):
			out = append(out, "not cleared")
		case strings.HasPrefix(f, FlagNoContract):
			out = append(out, "no contract")
		default:
			out = append(out, f)
		}
	}
	return strings.Join(out, ", ")
}

// The policy for flagged sessions, the same in every screen and command: a flagged session may
// be planned and marked completed (it is shown flagged at every step), but it is confirmed or
// paid only with an override — the director's reason, kept with the session and never printed
// on a document for a school. A flag that no longer stands (the check or contract has since
// been recorded) needs no override.

// OverrideNeeded says whether a session with these flags still lacks the override's reason.
func OverrideNeeded(flags []string, reason string) bool {
	return len(flags) > 0 && strings.TrimSpace(reason) == ""
}

// CheckOverrideReason validates the reason the director gives to confirm or pay flagged sessions.
func CheckOverrideReason(reason string) error {
	var p Problems
	p.text("override_reason", reason, true, 500)
	if err := p.err(); err != nil {
		return fmt.Errorf("the reason for confirming or paying a flagged session %s", p[0].Problem)
	}
	return nil
}
