package data

import "errors"

// ErrRematchAfterMeetings refuses a new matching once a cohort's pairs have met.
var ErrRematchAfterMeetings = errors.New("the cohort's pairs have logged meetings; they can no longer be re-matched")

// CheckIntakeChange is the rule of an applicant's saved intake form: once in a pair, the
// career stage stays as it is (the pair is one early-career and one experienced teacher).
// before is the stored applicant; paired says whether they are in a stored pair.
func CheckIntakeChange(before, after Applicant, paired bool) Problems {
	var p Problems
	if paired && before.CareerStage != after.CareerStage {
		p.add("career_stage", "cannot change while the applicant is in a pair; apply a matching without them first")
	}
	return p
}

// CheckRematch refuses a new matching of a cohort whose pairs have logged meetings.
func CheckRematch(meetings int) error {
	if meetings > 0 {
		return ErrRematchAfterMeetings
	}
	return nil
}

// CarryAgreements gives each pair of a new matching the agreement (frequency, topics) and
// end-of-term decisions of the same two applicants' stored pair, so re-matching a cohort never
// loses what a pair already agreed.
func CarryAgreements(stored, next []Pair) []Pair {
	kept := make(map[[2]int64]Pair, len(stored))
	for _, p := range stored {
		kept[[2]int64{p.EarlyID, p.ExperiencedID}] = p
	}
	out := make([]Pair, len(next))
	for i, p := range next {
		if old, ok := kept[[2]int64{p.EarlyID, p.ExperiencedID}]; ok {
			p.Frequency, p.Topics, p.EarlyDecision, p.ExpDecision = old.Frequency, old.Topics, old.EarlyDecision, old.ExpDecision
		}
		p.ID = 0
		out[i] = p
	}
	return out
}

// TermEnd is the cohort's last day: End when set, else six months after Start (CohortTermEnd).
func (c Cohort) TermEnd() Date {
	if !c.End.IsZero() || c.Start.IsZero() {
		return c.End
	}
	return CohortTermEnd(c.Start)
}
