package data

import (
	"fmt"
	"slices"
	"time"
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
	// Zone is the organisation's (org.timezone): a period start that the zone skips or repeats on
	// a date rules that date out. Nil checks nothing.
	Zone *time.Location
	// Eligible returns the R7/R8 flags for the mentor on d (empty when cleared and under
	// contract); nil means nothing is flagged.
	Eligible func(d Date) []string
}

// PlannedSession is one proposed session.
type PlannedSession struct {
	Term        int
	Date        Date
	Start       Clock
	Minutes     int
	ClassroomID int64
	SchoolID    int64
	Focus       string   // "evaluation", "concert repertoire", "bridge Q&A"
	Flags       []string // R7/R8: proposed anyway, but the director must see why it is doubtful
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
	Flags    []string
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
		days[i] = newTermDays(t, r.start(), others, r.Zone)
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
		p.Flags = append(p.Flags, r.mentorName()+" is an applicant, not an active mentor")
	case Inactive:
		p.Flags = append(p.Flags, r.mentorName()+" is inactive")
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
