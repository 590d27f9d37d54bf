package data

import (
	"fmt"
	"slices"
)

// CheckSession re-checks sessions[i] of a plan, typically after the director moved it, against
// R9 and R10 with its neighbours in sessions (in plan order), and returns what is wrong in
// words together with the R7/R8 flags on its date.
func (r PlanRequest) CheckSession(sessions []PlannedSession, i int) (problems, flags []string) {
	s := sessions[i]
	k := slices.IndexFunc(r.Terms, func(t PlanTerm) bool { return t.Index == s.Term })
	if k < 0 {
		return []string{fmt.Sprintf("term %d is not part of the plan", s.Term)}, nil
	}
	t := r.Terms[k]
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if s.ClassroomID != t.Classroom.ID {
		add("is not with the term's classroom %q", t.Classroom.Name)
	}
	if s.Start != t.Classroom.PeriodStart {
		add("starts at %s, not at the class period's start (%s)", s.Start, t.Classroom.PeriodStart)
	}
	if s.Minutes != t.minutes() {
		add("lasts %d minutes, not the class period's %d", s.Minutes, t.minutes())
	}
	td := newTermDays(t, r.start(), sessionsByDate(r.Existing), r.Zone)
	if td.span == nil {
		add("the school calendar %q has no first and last day for %s", t.Calendar.Name, td.year)
		return problems, r.flagsOn(s.Date)
	}
	day := td.check(s.Date)
	problems = append(problems, day.closed...)
	problems = append(problems, day.clashes...)

	var same []int // positions of the term's sessions in plan order
	for j, o := range sessions {
		if o.Term == s.Term {
			same = append(same, j)
		}
	}
	pos := slices.Index(same, i)
	eval := t.Evaluation && pos == 0
	if eval {
		if from, to := td.span.First, td.span.First.AddDays(evaluationWindow); s.Date < from || s.Date > to {
			add("the evaluation must be within 28 days after the first day of school (%s to %s)", from, to)
		}
	}
	if pos > 0 {
		prev := sessions[same[pos-1]].Date
		if t.Evaluation && pos == 1 {
			if s.Date <= prev {
				add("must come after the evaluation on %s", prev)
			}
		} else if gap := prev.DaysUntil(s.Date); gap < minSpacingDays || gap > maxSpacingDays {
			add("is %d days after the previous session (%s); sessions are 14–21 days apart", gap, prev)
		}
	}
	if pos < len(same)-1 {
		next := sessions[same[pos+1]].Date
		if eval {
			if s.Date >= next {
				add("the evaluation must come before the next session (%s)", next)
			}
		} else if gap := s.Date.DaysUntil(next); gap < minSpacingDays || gap > maxSpacingDays {
			add("is %d days before the next session (%s); sessions are 14–21 days apart", gap, next)
		}
	} else if lead := s.Date.DaysUntil(t.EventDate); lead < 1 || lead > maxLeadDays {
		add("is %d days before the event (%s); the term's last session is 1–21 days before it", lead, t.EventDate)
	}
	for j, o := range sessions {
		switch {
		case j == i:
		case o.Date == s.Date:
			add("falls on the same date as another session of the plan (term %d)", o.Term)
		case o.Term < s.Term && o.Date > s.Date:
			add("comes before term %d's session on %s; terms follow in date order", o.Term, o.Date)
		case o.Term > s.Term && o.Date < s.Date:
			add("comes after term %d's session on %s; terms follow in date order", o.Term, o.Date)
		}
	}
	return problems, r.flagsOn(s.Date)
}

func (r PlanRequest) flagsOn(d Date) []string {
	if r.Eligible == nil {
		return nil
	}
	return slices.Clone(r.Eligible(d))
}

// CheckPlan re-checks a whole (possibly edited) plan: every session, and each term's count.
func (r PlanRequest) CheckPlan(sessions []PlannedSession) []string {
	var out []string
	count := map[int]int{}
	for i, s := range sessions {
		count[s.Term]++
		problems, _ := r.CheckSession(sessions, i)
		for _, p := range problems {
			out = append(out, fmt.Sprintf("term %d, session %d (%s): %s", s.Term, count[s.Term], s.Date, p))
		}
	}
	for _, t := range r.Terms {
		if count[t.Index] != t.Required {
			out = append(out, fmt.Sprintf("%s: %d session(s), the program needs %d", t.label(), count[t.Index], t.Required))
		}
	}
	return out
}
