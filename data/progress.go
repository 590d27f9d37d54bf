package data

import "fmt"

// AtRiskDays is how near a term's event must be for its unplanned sessions to put the
// enrollment at risk.
const AtRiskDays = 21

// TermProgress is one term's share of the commitment.
type TermProgress struct {
	Term      Term
	Done      int // completed or confirmed
	Planned   int
	Cancelled int
}

// Unplanned is how many of the term's required sessions have neither happened nor a date.
func (t TermProgress) Unplanned() int { return max(0, t.Term.Required-t.Done-t.Planned) }

// Progress is how far an enrollment has come towards its commitment, and what endangers it.
type Progress struct {
	Required  int // sessions the program commits to
	Done      int // completed or confirmed
	Planned   int // still to happen, with a date
	Cancelled int // cancelled sessions do not count towards the commitment
	Terms     []TermProgress
	AtRisk    []string // in words; empty when nothing endangers the commitment
}

// Unplanned is how many required sessions have neither happened nor a date.
func (p Progress) Unplanned() int { return max(0, p.Required-p.Done-p.Planned) }

// Summary is "4 done · 5 planned · 9 required".
func (p Progress) Summary() string {
	return fmt.Sprintf("%d done · %d planned · %d required", p.Done, p.Planned, p.Required)
}

// EnrollmentProgress counts an enrollment's sessions against its commitment on day today and
// flags what puts an active enrollment at risk: a term event within AtRiskDays with sessions
// unplanned, and cancellations that leave the commitment short.
func EnrollmentProgress(e Enrollment, sessions []Session, today Date) Progress {
	p := Progress{Required: e.Total(), Terms: make([]TermProgress, len(e.Terms))}
	byTerm := map[int]int{}
	for i, t := range e.Terms {
		p.Terms[i].Term = t
		byTerm[t.Index] = i
	}
	for _, s := range sessions {
		var done, planned, cancelled int
		switch s.Status {
		case Completed, Confirmed:
			done = 1
		case Planned:
			planned = 1
		case Cancelled:
			cancelled = 1
		}
		p.Done, p.Planned, p.Cancelled = p.Done+done, p.Planned+planned, p.Cancelled+cancelled
		if i, ok := byTerm[s.Term]; ok {
			t := &p.Terms[i]
			t.Done, t.Planned, t.Cancelled = t.Done+done, t.Planned+planned, t.Cancelled+cancelled
		}
	}
	if e.Status != EnrollmentActive && e.Status != "" {
		return p
	}
	for _, t := range p.Terms {
		days := today.DaysUntil(t.Term.EventDate)
		if n := t.Unplanned(); n > 0 && days >= 0 && days <= AtRiskDays {
			name := t.Term.EventName
			if name == "" {
				name = "the event"
			}
			p.AtRisk = append(p.AtRisk, fmt.Sprintf("Term %d: %s on %s is %s, with %d of %d sessions not planned",
				t.Term.Index, name, t.Term.EventDate, inDays(days), n, t.Term.Required))
		}
	}
	if p.Cancelled > 0 && p.Unplanned() > 0 {
		p.AtRisk = append(p.AtRisk, fmt.Sprintf("%d cancelled session(s) leave %d of the %d committed sessions without a date",
			p.Cancelled, p.Unplanned(), p.Required))
	}
	return p
}
