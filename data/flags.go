package data

import "strings"

// FlagRule names where a planner's flag comes from, so screens group flags by their rule
// instead of reading their words.
type FlagRule string

const (
	FlagNotCleared   FlagRule = "R7"     // the mentor is not cleared on the session's date
	FlagNoContract   FlagRule = "R8"     // no signed contract for the session's school year
	FlagMentorStatus FlagRule = "status" // the mentor is an applicant or inactive
)

// Flag is a doubt the planner raises without refusing: proposed anyway, but the director must
// see why it is doubtful.
type Flag struct {
	Rule FlagRule
	Text string // the details in words, e.g. why the mentor is not cleared
}

// String is the flag as the director reads it: "Not cleared (R7): …", "No contract (R8): …".
func (f Flag) String() string {
	switch f.Rule {
	case FlagNotCleared:
		return "Not cleared (R7): " + f.Text
	case FlagNoContract:
		return "No contract (R8): " + f.Text
	}
	return f.Text
}

// Short is the flag in a word or two, for a list row: "not cleared", "no contract".
func (f Flag) Short() string {
	switch f.Rule {
	case FlagNotCleared:
		return "not cleared"
	case FlagNoContract:
		return "no contract"
	}
	return f.Text
}

// OnDate reports whether the flag belongs to a session's date (R7, R8) rather than to the plan.
func (f Flag) OnDate() bool { return f.Rule == FlagNotCleared || f.Rule == FlagNoContract }

// Eligibility returns the R7/R8 flags of a mentor on a day, from their checks and contracts:
// not cleared (R7), no contract for the day's school year (R8). start is the school year's
// first day (R1).
func Eligibility(m Mentor, checks []Check, contracts []Contract, start MonthDay) func(Date) []Flag {
	return func(d Date) []Flag {
		var out []Flag
		if c := ClearanceOn(m, checks, d); !c.Cleared {
			out = append(out, Flag{Rule: FlagNotCleared, Text: strings.Join(c.Reasons, "; ")})
		}
		if c := ContractFor(contracts, SchoolYearOf(d, start)); !c.Signed {
			out = append(out, Flag{Rule: FlagNoContract, Text: c.Reason})
		}
		return out
	}
}
