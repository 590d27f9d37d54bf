package data

import (
	"fmt"
	"strings"
	"time"
)

// A term's days as R9 sees them: which are school days on the classroom's meeting days, which
// clash with the mentor's other sessions, the searches that chain sessions 14–21 days apart,
// and why a term cannot be planned.

func sessionsByDate(sessions []Session) map[Date][]Session {
	out := map[Date][]Session{}
	for _, s := range sessions {
		if s.Status != Cancelled {
			out[s.Date] = append(out[s.Date], s)
		}
	}
	return out
}

// termDays answers, for one term, whether a day can hold one of its sessions, and why not.
type termDays struct {
	t      PlanTerm
	start  MonthDay
	year   SchoolYear
	span   *YearSpan
	others map[Date][]Session
	zone   *time.Location
	memo   map[Date]dayProblems
}

type dayProblems struct {
	closed  []string // calendar, meeting days, school year
	clashes []string // the mentor's other sessions
}

func (p dayProblems) ok() bool { return len(p.closed) == 0 && len(p.clashes) == 0 }

func newTermDays(t PlanTerm, start MonthDay, others map[Date][]Session, zone *time.Location) *termDays {
	year := SchoolYearOf(t.EventDate, start)
	return &termDays{t: t, start: start, year: year, span: t.Calendar.Years(start)[year],
		others: others, zone: zone, memo: map[Date]dayProblems{}}
}

func (td *termDays) check(d Date) dayProblems {
	if p, ok := td.memo[d]; ok {
		return p
	}
	var p dayProblems
	t := td.t
	meets := t.Classroom.MeetingDays.Has(d.Weekday())
	if !meets {
		p.closed = append(p.closed, fmt.Sprintf("%s is a %s; the class meets %s", d, d.Weekday(), t.Classroom.MeetingDays))
	}
	// Sessions lead up to their own event: a fall term is not planned in the spring before it.
	if y := SchoolYearOf(d, td.start); y != td.year {
		p.closed = append(p.closed, fmt.Sprintf("%s is in school year %s, not in the event's %s", d, y, td.year))
	} else if ok, why := t.Calendar.IsSchoolDay(d, td.start); !ok && (meets || !isWeekend(d)) {
		p.closed = append(p.closed, why)
	}
	if why := LocalTimeProblem(d, t.Classroom.PeriodStart, t.minutes(), td.zone); why != "" {
		p.closed = append(p.closed, why)
	}
	for _, e := range td.others[d] {
		if c := clash(t, e); c != "" {
			p.clashes = append(p.clashes, c)
		}
	}
	td.memo[d] = p
	return p
}

func isWeekend(d Date) bool { return d.Weekday() == 0 || d.Weekday() == 6 }

// clash says why the mentor's session e rules out t's period on e's date (R2, R9), or "".
func clash(t PlanTerm, e Session) string {
	where := e.School
	if where == "" {
		where = fmt.Sprintf("school #%d", e.SchoolID)
	}
	if e.Classroom != "" {
		where += " (" + e.Classroom + ")"
	}
	minutes := e.Minutes
	if minutes <= 0 {
		minutes = DefaultPeriodMinutes
	}
	switch SessionsClash(t.school(), t.Classroom.PeriodStart, t.minutes(), e.SchoolID, e.Start, e.Minutes) {
	case OtherSchool:
		return fmt.Sprintf("the mentor has a session at %s on %s", where, e.Date)
	case OverlapsTime:
		return fmt.Sprintf("overlaps the mentor's %s–%s session at %s on %s", e.Start, e.Start.Add(minutes), where, e.Date)
	}
	return ""
}

// search finds the term's dates strictly after low and before high (zero: the event). With
// latest it returns the concert-backwards plan (last session latest, then the one before, …);
// otherwise the plan whose last session is earliest. The evaluation takes the first fitting
// day: it opens the year, and the earliest day leaves the most room for the sessions after it.
func (td *termDays) search(low, high Date, latest bool) []Date {
	t := td.t
	if high == 0 || high > t.EventDate {
		high = t.EventDate
	}
	free := func(d Date) bool { return d > low && d < high && td.check(d).ok() }
	var eval Date
	if t.Evaluation {
		if eval = td.evaluationDay(free); eval == 0 {
			return nil
		}
	}
	n := t.regular()
	out := make([]Date, n)
	dead := map[[2]int]bool{} // session k on day d leaves no room for the sessions before it
	var fill func(k int, d Date) bool
	fill = func(k int, d Date) bool {
		out[k] = d
		if k == 0 {
			return eval < d
		}
		key := [2]int{k, int(d)}
		if dead[key] {
			return false
		}
		for gap := minSpacingDays; gap <= maxSpacingDays; gap++ {
			if prev := d.AddDays(-gap); free(prev) && fill(k-1, prev) {
				return true
			}
		}
		dead[key] = true
		return false
	}
	for i := 1; i <= maxLeadDays; i++ {
		lead := i
		if !latest {
			lead = maxLeadDays + 1 - i
		}
		if d := t.EventDate.AddDays(-lead); free(d) && fill(n-1, d) {
			if t.Evaluation {
				return append([]Date{eval}, out...)
			}
			return out
		}
	}
	return nil
}

// evaluationDay is the first day in the evaluation window that free accepts, or zero.
func (td *termDays) evaluationDay(free func(Date) bool) Date {
	for d := td.span.First; d <= td.span.First.AddDays(evaluationWindow); d++ {
		if free(d) {
			return d
		}
	}
	return 0
}

// longestChain is how many of the term's spaced sessions fit, at most all of them.
func (td *termDays) longestChain(low Date) int {
	n, event := td.t.regular(), td.t.EventDate
	from := event.AddDays(-maxLeadDays - maxSpacingDays*(n-1))
	length := map[Date]int{}
	best := 0
	for d := from; d < event; d++ {
		if d <= low || !td.check(d).ok() {
			continue
		}
		l := 1
		for gap := minSpacingDays; gap <= maxSpacingDays; gap++ {
			l = max(l, length[d.AddDays(-gap)]+1)
		}
		length[d] = min(l, n)
		if event-d <= maxLeadDays {
			best = max(best, length[d])
		}
	}
	return best
}

// diagnose names the constraint that leaves the term without a plan. low is the last session
// of term lowTerm, which this term's sessions must follow.
func (td *termDays) diagnose(low Date, lowTerm int) PlanFailure {
	t := td.t
	fail := func(c, format string, args ...any) PlanFailure {
		return PlanFailure{t.Index, c, t.label() + ": " + fmt.Sprintf(format, args...)}
	}
	var open, free int
	var clashes []string
	for lead := maxLeadDays; lead >= 1; lead-- {
		d := t.EventDate.AddDays(-lead)
		p := td.check(d)
		if len(p.closed) > 0 {
			continue
		}
		open++
		if len(p.clashes) > 0 {
			clashes = append(clashes, p.clashes[0])
		} else if d > low {
			free++
		}
	}
	n := t.regular()
	switch {
	case open == 0:
		return fail(ConstraintEventLead, "no school day on a meeting day (%s) 1–21 days before the event", t.Classroom.MeetingDays)
	case len(clashes) == open:
		return fail(ConstraintClashes, "every school day on a meeting day 1–21 days before the event clashes with the mentor's other sessions (%s)", listSome(clashes))
	case free == 0:
		return fail(ConstraintOrder, "every free day 1–21 days before the event is on or before %s, the earliest term %d's sessions can end; terms follow in date order", low, lowTerm)
	}
	if got := td.longestChain(low); got < n {
		if low != 0 && td.longestChain(0) >= n {
			return fail(ConstraintOrder, "the %d sessions fit 14–21 days apart only by starting on or before %s, the earliest term %d's sessions can end; terms follow in date order", n, low, lowTerm)
		}
		hint := ""
		if earliest := t.EventDate.AddDays(-maxLeadDays - maxSpacingDays*(n-1)); earliest < td.span.First {
			hint = fmt.Sprintf(" (the school year starts %s)", td.span.First)
		} else if len(clashes) > 0 {
			hint = fmt.Sprintf(" (the mentor's other sessions take some days: %s)", listSome(clashes))
		}
		after := ""
		if t.Evaluation {
			after = " after the evaluation"
		}
		return fail(ConstraintSpacing, "only %d of %d sessions%s fit 14–21 days apart before the event%s", got, n, after, hint)
	}
	if !t.Evaluation {
		return fail(ConstraintSpacing, "no %d sessions fit 14–21 days apart before the event", n)
	}
	from, to := td.span.First, td.span.First.AddDays(evaluationWindow)
	if td.evaluationDay(func(d Date) bool { return d < t.EventDate && td.check(d).ok() }) == 0 {
		return fail(ConstraintEvaluation, "no free school day on a meeting day (%s) within 28 days after the first day of school (%s to %s) for the evaluation", t.Classroom.MeetingDays, from, to)
	}
	return fail(ConstraintEvaluation, "the evaluation (%s to %s) must come before the other %d sessions, and they do not fit 14–21 days apart after it", from, to, n)
}

func listSome(items []string) string {
	if len(items) <= maxFailureClashes {
		return strings.Join(items, "; ")
	}
	return fmt.Sprintf("%s; and %d more", strings.Join(items[:maxFailureClashes], "; "), len(items)-maxFailureClashes)
}
