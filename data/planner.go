package data

import (
	"fmt"
	"slices"
	"strings"
)

// R9 in numbers.
const (
	minSpacingDays    = 14 // between consecutive sessions of a term
	maxSpacingDays    = 21
	maxLeadDays       = 21 // the last session is 1–21 days before the event
	evaluationWindow  = 28 // the evaluation is on day 0..28 counted from the first day of school
	maxFailureClashes = 3  // clashes named in one failure; the rest are counted
)

// What a PlanFailure's Constraint names: the clause of R9 (or the request) that cannot be met.
const (
	ConstraintRequest    = "request"
	ConstraintCalendar   = "school calendar"
	ConstraintEventLead  = "school day on a meeting day 1–21 days before the event"
	ConstraintClashes    = "mentor's other sessions"
	ConstraintSpacing    = "14–21 days apart"
	ConstraintEvaluation = "evaluation within 28 days after the first day of school"
	ConstraintOrder      = "terms in date order"
)

// PlanTerm is one term to plan: the classroom its sessions are with, that school's calendar and
// the event the sessions lead up to.
type PlanTerm struct {
	Index      int // 1-based, in event order
	Classroom  Classroom
	SchoolID   int64 // zero means the classroom's
	Calendar   Calendar
	EventDate  Date
	EventName  string
	Required   int  // sessions in the term, the evaluation included
	Evaluation bool // Focused with evaluation, first term: its first session is the evaluation
}

// PlanRequest is everything R9 needs to propose an enrollment's sessions.
type PlanRequest struct {
	Program    Program
	Evaluation bool
	Mentor     Mentor
	Terms      []PlanTerm
	Existing   []Session // the mentor's other sessions, with SchoolID filled; cancelled ones are ignored
	Start      MonthDay  // school-year start (R1); zero means 1 July
	// Eligible returns the R7/R8 flags for the mentor on d (empty when cleared and under
	// contract); nil means nothing is flagged.
	Eligible func(d Date) []Flag
}

// PlannedSession is one proposed session.
type PlannedSession struct {
	Term        int
	Date        Date
	Start       Clock
	Minutes     int
	ClassroomID int64
	SchoolID    int64
	Focus       string // "evaluation", "concert repertoire", "bridge Q&A"
	Flags       []Flag // R7/R8: proposed anyway, but the director must see why it is doubtful
}

// PlanFailure says which constraint no plan can meet for which term (Term 0: the request).
type PlanFailure struct {
	Term       int
	Constraint string
	Detail     string // a sentence naming the term, as printed to the director
}

func (f PlanFailure) Error() string { return f.Detail }

// Plan is the planner's proposal: sessions, flags to show, and failures that forbid saving it.
type Plan struct {
	Sessions []PlannedSession
	Flags    []Flag
	Failures []PlanFailure
}

// OK reports whether every term has its sessions; otherwise nothing of the plan may be saved.
func (p Plan) OK() bool { return len(p.Failures) == 0 }

// TermPlace is where a term's sessions happen: a classroom and its school's calendar.
type TermPlace struct {
	Classroom Classroom
	Calendar  Calendar
}

// TermRequirements returns the sessions each term needs (SessionsRequired), after checking that
// there is one event date per term, in order.
func TermRequirements(p Program, evaluation bool, fallSessions int, events []Date) ([]int, error) {
	counts, err := SessionsRequired(p, evaluation, fallSessions)
	if err != nil {
		return nil, err
	}
	if len(events) != len(counts) {
		return nil, fmt.Errorf("%s needs %d event date(s), one per term; got %d", p.Title(), len(counts), len(events))
	}
	for i, d := range events {
		if d.IsZero() {
			return nil, fmt.Errorf("term %d has no event date", i+1)
		}
		if i > 0 && d <= events[i-1] {
			return nil, fmt.Errorf("term %d's event (%s) must come after term %d's (%s)", i+1, d, i, events[i-1])
		}
	}
	return counts, nil
}

// BuildPlanTerms lays out an enrollment's terms: Focused's three and Season's one at from,
// Bridge's spring term at from (the sending classroom) and its fall term at to (the receiving one).
func BuildPlanTerms(p Program, evaluation bool, fallSessions int, from, to TermPlace, events []Event) ([]PlanTerm, error) {
	dates := make([]Date, len(events))
	for i, e := range events {
		dates[i] = e.Date
	}
	counts, err := TermRequirements(p, evaluation, fallSessions, dates)
	if err != nil {
		return nil, err
	}
	if p == Bridge && to.Classroom.ID == 0 && to.Classroom.Name == "" {
		return nil, fmt.Errorf("Bridge Mentorship needs the receiving classroom for the fall term")
	}
	terms := make([]PlanTerm, len(counts))
	for i, n := range counts {
		place := from
		if p == Bridge && i == 1 {
			place = to
		}
		terms[i] = PlanTerm{
			Index: i + 1, Classroom: place.Classroom, SchoolID: place.Classroom.SchoolID,
			Calendar: place.Calendar, EventDate: events[i].Date, EventName: events[i].Name,
			Required: n, Evaluation: p == Focused && evaluation && i == 0,
		}
	}
	return terms, nil
}

func (t PlanTerm) label() string {
	name := t.EventName
	if name == "" {
		name = "event"
	}
	return fmt.Sprintf("term %d (%s %s)", t.Index, name, t.EventDate)
}

func (t PlanTerm) school() int64 {
	if t.SchoolID != 0 {
		return t.SchoolID
	}
	return t.Classroom.SchoolID
}

func (t PlanTerm) minutes() int {
	if t.Classroom.PeriodMinutes > 0 {
		return t.Classroom.PeriodMinutes
	}
	return DefaultPeriodMinutes
}

// regular is the number of sessions bound by the 14–21-day spacing.
func (t PlanTerm) regular() int {
	if t.Evaluation {
		return t.Required - 1
	}
	return t.Required
}

func (r PlanRequest) start() MonthDay {
	if r.Start.Month == 0 {
		return DefaultSchoolYearStart
	}
	return r.Start
}

// PlanSessions proposes every term's sessions by R9. Each term is placed concert-backwards:
// the last session as near its event as the rules allow, then the one before it, and so on.
func PlanSessions(r PlanRequest) Plan {
	var p Plan
	if p.Failures = r.checkTerms(); len(p.Failures) > 0 {
		return p
	}
	others := sessionsByDate(r.Existing)
	days := make([]*termDays, len(r.Terms))
	for i, t := range r.Terms {
		days[i] = newTermDays(t, r.start(), others)
	}

	// Forward: the earliest each term can end, given the terms before it, leaves later terms the
	// most room; a term that cannot follow them is impossible whatever is chosen.
	lows := make([]Date, len(days))
	placed := make([]bool, len(days))
	var low Date
	var lowTerm int
	for i, td := range days {
		lows[i] = low
		dates := td.search(low, 0, false)
		if dates == nil {
			p.Failures = append(p.Failures, td.diagnose(low, lowTerm))
			continue
		}
		placed[i], low, lowTerm = true, dates[len(dates)-1], td.t.Index
	}
	// Backward: each term takes its latest dates before the next term's first session; the
	// forward bound guarantees the earlier terms still fit.
	chosen := make([][]Date, len(days))
	var high Date
	for i := len(days) - 1; i >= 0; i-- {
		if !placed[i] {
			continue
		}
		if chosen[i] = days[i].search(lows[i], high, true); chosen[i] == nil {
			t := days[i].t
			p.Failures = append(p.Failures, PlanFailure{t.Index, ConstraintOrder,
				fmt.Sprintf("%s: its sessions do not fit between the other terms' sessions", t.label())})
			continue
		}
		high = chosen[i][0]
	}
	slices.SortStableFunc(p.Failures, func(a, b PlanFailure) int { return a.Term - b.Term })

	switch r.Mentor.Status {
	case MentorApplicant:
		p.Flags = append(p.Flags, Flag{Rule: FlagMentorStatus, Text: r.mentorName() + " is an applicant, not an active mentor"})
	case Inactive:
		p.Flags = append(p.Flags, Flag{Rule: FlagMentorStatus, Text: r.mentorName() + " is inactive"})
	}
	for i, dates := range chosen {
		t := r.Terms[i]
		for j, d := range dates {
			s := PlannedSession{Term: t.Index, Date: d, Start: t.Classroom.PeriodStart, Minutes: t.minutes(),
				ClassroomID: t.Classroom.ID, SchoolID: t.school(), Focus: r.focus(t, j)}
			if r.Eligible != nil {
				s.Flags = slices.Clone(r.Eligible(d))
			}
			for _, f := range s.Flags {
				if !slices.Contains(p.Flags, f) {
					p.Flags = append(p.Flags, f)
				}
			}
			p.Sessions = append(p.Sessions, s)
		}
	}
	return p
}

func (r PlanRequest) focus(t PlanTerm, j int) string {
	switch {
	case t.Evaluation && j == 0:
		return "evaluation"
	case r.Program == Bridge:
		return "bridge Q&A"
	}
	return "concert repertoire"
}

func (r PlanRequest) mentorName() string {
	if n := r.Mentor.Name(); n != "" {
		return n
	}
	return "the mentor"
}

// checkTerms refuses a request the planner cannot read: wrong counts, missing or unordered
// events, a classroom that never meets, a calendar without the event's school year.
func (r PlanRequest) checkTerms() []PlanFailure {
	var out []PlanFailure
	fail := func(term int, c, format string, args ...any) {
		out = append(out, PlanFailure{term, c, fmt.Sprintf(format, args...)})
	}
	if len(r.Terms) == 0 {
		fail(0, ConstraintRequest, "there is no term to plan")
		return out
	}
	fall := 0
	if r.Program == Bridge && len(r.Terms) == 2 {
		fall = r.Terms[1].Required
	}
	counts, err := SessionsRequired(r.Program, r.Evaluation, fall)
	switch {
	case err != nil:
		fail(0, ConstraintRequest, "%s", err.Error())
		return out
	case len(counts) != len(r.Terms):
		fail(0, ConstraintRequest, "%s has %d term(s), not %d", r.Program.Title(), len(counts), len(r.Terms))
		return out
	}
	for i, t := range r.Terms {
		name := fmt.Sprintf("term %d", i+1)
		switch {
		case t.Index != i+1:
			fail(i+1, ConstraintRequest, "%s is numbered %d", name, t.Index)
		case t.EventDate.IsZero():
			fail(t.Index, ConstraintRequest, "%s has no event date", name)
		case i > 0 && t.EventDate <= r.Terms[i-1].EventDate:
			fail(t.Index, ConstraintRequest, "%s: the event must come after term %d's (%s)", t.label(), i, r.Terms[i-1].EventDate)
		case t.Required != counts[i]:
			fail(t.Index, ConstraintRequest, "%s: %s needs %d session(s) in this term, not %d", t.label(), r.Program.Title(), counts[i], t.Required)
		case t.Evaluation != (i == 0 && r.Program == Focused && r.Evaluation):
			fail(t.Index, ConstraintRequest, "%s: only the first term of Focused Mentorship with evaluation opens with an evaluation", t.label())
		case t.Classroom.MeetingDays == 0:
			fail(t.Index, ConstraintRequest, "%s: the classroom %q has no meeting days", t.label(), t.Classroom.Name)
		default:
			year := SchoolYearOf(t.EventDate, r.start())
			if t.Calendar.Years(r.start())[year] == nil {
				fail(t.Index, ConstraintCalendar, "%s: the school calendar %q has no first and last day for %s", t.label(), t.Calendar.Name, year)
			}
		}
	}
	return out
}

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
	memo   map[Date]dayProblems
}

type dayProblems struct {
	closed  []string // calendar, meeting days, school year
	clashes []string // the mentor's other sessions
}

func (p dayProblems) ok() bool { return len(p.closed) == 0 && len(p.clashes) == 0 }

func newTermDays(t PlanTerm, start MonthDay, others map[Date][]Session) *termDays {
	year := SchoolYearOf(t.EventDate, start)
	return &termDays{t: t, start: start, year: year, span: t.Calendar.Years(start)[year],
		others: others, memo: map[Date]dayProblems{}}
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
