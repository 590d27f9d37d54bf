package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Hub invitation states of a participant; "" is not invited yet.
const (
	HubInvited  = "invited"
	HubJoined   = "joined"
	HubDeclined = "declined"
)

// HubStatuses lists the Hub invitation states in the order a participant goes through them.
var HubStatuses = []string{HubInvited, HubJoined, HubDeclined}

// End-of-term decisions of a partner; "" is not decided yet.
const (
	DecisionContinue = "continue"
	DecisionEnd      = "end"
)

// CheckHubStatus accepts "" and the states of HubStatuses.
func CheckHubStatus(s string) error {
	if s == "" || slices.Contains(HubStatuses, s) {
		return nil
	}
	return fmt.Errorf("%q is not a Hub invitation status (invited, joined, declined)", s)
}

// CohortTermEnd is the end of a term that starts on start: six months later.
func CohortTermEnd(start Date) Date { return start.AddMonths(6) }

// CheckCohort is Cohort.Validate plus the order of the term's dates: the introductory session
// opens the term and the town-hall wrap-up closes it, so both fall inside it.
func CheckCohort(c Cohort) Problems {
	var p Problems
	var vp Problems
	if errors.As(c.Validate(), &vp) {
		p = append(p, vp...)
	}
	end := c.End
	if end.IsZero() && !c.Start.IsZero() {
		end = CohortTermEnd(c.Start)
	}
	inTerm := func(field string, d Date, what string) {
		if d.IsZero() || c.Start.IsZero() || p.For("end") != "" {
			return
		}
		if d < c.Start || d > end {
			p.add(field, "the %s on %s is outside the term (%s to %s)", what, d, c.Start, end)
		}
	}
	inTerm("intro_on", c.IntroOn, "introductory session")
	inTerm("wrap_up_on", c.WrapUpOn, "town-hall wrap-up")
	if !c.IntroOn.IsZero() && !c.WrapUpOn.IsZero() && c.WrapUpOn <= c.IntroOn && p.For("wrap_up_on") == "" {
		p.add("wrap_up_on", "the wrap-up on %s must come after the introductory session on %s", c.WrapUpOn, c.IntroOn)
	}
	return p
}

// CheckAgreement checks what a pair agreed and decided: how often they meet, their priority
// topics and each partner's end-of-term decision.
func CheckAgreement(pr Pair) Problems {
	var p Problems
	p.text("frequency", pr.Frequency, false, 100)
	p.tags("topics", pr.Topics)
	for _, d := range []struct{ field, v string }{{"early_decision", pr.EarlyDecision}, {"exp_decision", pr.ExpDecision}} {
		if d.v != "" && d.v != DecisionContinue && d.v != DecisionEnd {
			p.add(d.field, "%q is not a decision (continue, end)", d.v)
		}
	}
	return p
}

// TermOutcome says what the end-of-term decisions of a pair amount to.
func TermOutcome(pr Pair) string {
	switch {
	case pr.EarlyDecision == DecisionEnd || pr.ExpDecision == DecisionEnd:
		return "ends with this term"
	case pr.EarlyDecision == DecisionContinue && pr.ExpDecision == DecisionContinue:
		return "continues for another term"
	case pr.EarlyDecision == "" && pr.ExpDecision == "":
		return "no decisions yet"
	}
	return "waiting for one partner's decision"
}

// Milestone is one check-in of a pair's term: a meeting logged in its window, which runs from
// the previous milestone (or the term's start) to its due date.
type Milestone struct {
	Name     string
	From     Date // first day of the window
	Due      Date // last day of the window
	MetOn    Date // first meeting in the window; zero when none
	Missed   bool // the due date has passed without a meeting in the window
	Upcoming bool // not met and not yet due
}

// Status is the milestone in words: "met on 2026-10-20", "missed (due 2026-11-01)", "due 2026-11-01".
func (m Milestone) Status() string {
	switch {
	case !m.MetOn.IsZero():
		return "met on " + m.MetOn.String()
	case m.Missed:
		return "missed (due " + m.Due.String() + ")"
	}
	return "due " + m.Due.String()
}

// checkIns are a term's check-in milestones, in months after its start.
var checkIns = []struct {
	name   string
	months int
}{{"One-month check-in", 1}, {"Three-month check-in", 3}}

// PairMilestones applies the check-in milestones to a pair of a term that starts on start: the
// one-month check-in wants a meeting logged by start + 1 month, the three-month check-in one
// after that and by start + 3 months. A milestone is missed only once its due date has passed
// (on the due date itself it can still be met).
func PairMilestones(start Date, meetings []Meeting, today Date) []Milestone {
	dates := make([]Date, 0, len(meetings))
	for _, m := range meetings {
		dates = append(dates, m.Date)
	}
	slices.Sort(dates)
	var out []Milestone
	from := Date(0) // meetings logged before the start count toward the first check-in
	for _, c := range checkIns {
		m := Milestone{Name: c.name, From: max(from, start), Due: start.AddMonths(c.months)}
		for _, d := range dates {
			if d >= from && d <= m.Due {
				m.MetOn = d
				break
			}
		}
		m.Missed = m.MetOn.IsZero() && today > m.Due
		m.Upcoming = m.MetOn.IsZero() && !m.Missed
		out = append(out, m)
		from = m.Due + 1
	}
	return out
}

// MissedMilestones names the missed check-ins of a pair, "" when none.
func MissedMilestones(ms []Milestone) string {
	var names []string
	for _, m := range ms {
		if m.Missed {
			names = append(names, strings.ToLower(m.Name[:1])+m.Name[1:])
		}
	}
	if len(names) == 0 {
		return ""
	}
	return strings.Join(names, " and ") + " missed"
}

// TagVocabulary is every tag applicants have entered, for suggesting tags to the next one:
// the strengths of one are the growth areas of another, so all three lists share it.
type TagVocabulary struct {
	tags []vocabTag
}

type vocabTag struct {
	key, text string
	uses      int
}

// NewTagVocabulary collects the tags of as, each once in its most used spelling.
func NewTagVocabulary(as []Applicant) TagVocabulary {
	type spelling struct {
		uses     int
		spelling map[string]int
	}
	seen := map[string]*spelling{}
	for _, a := range as {
		for _, list := range [][]string{a.Strengths, a.Passions, a.Growth} {
			for _, t := range list {
				k := tagKey(t)
				if k == "" {
					continue
				}
				s := seen[k]
				if s == nil {
					s = &spelling{spelling: map[string]int{}}
					seen[k] = s
				}
				s.uses++
				s.spelling[strings.TrimSpace(t)]++
			}
		}
	}
	var v TagVocabulary
	for k, s := range seen {
		best, n := "", 0
		for text, c := range s.spelling {
			if c > n || c == n && text < best {
				best, n = text, c
			}
		}
		v.tags = append(v.tags, vocabTag{k, best, s.uses})
	}
	slices.SortFunc(v.tags, func(a, b vocabTag) int { return cmp.Or(cmp.Compare(b.uses, a.uses), strings.Compare(a.key, b.key)) })
	return v
}

// Suggest returns up to limit tags containing fragment (ignoring case), leaving out those in
// have; the most used come first. An empty fragment suggests the most used tags.
func (v TagVocabulary) Suggest(fragment string, have []string, limit int) []string {
	f := tagKey(fragment)
	skip := make(map[string]bool, len(have))
	for _, h := range have {
		skip[tagKey(h)] = true
	}
	var starts, contains []string
	for _, t := range v.tags {
		if skip[t.key] || t.key == f {
			continue
		}
		switch {
		case strings.HasPrefix(t.key, f):
			starts = append(starts, t.text)
		case strings.Contains(t.key, f):
			contains = append(contains, t.text)
		}
	}
	out := append(starts, contains...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Len is the number of distinct tags.
func (v TagVocabulary) Len() int { return len(v.tags) }

// CheckMeeting is Meeting.Validate plus the one rule of a log: a meeting is logged once it has
// happened, so not after today.
func CheckMeeting(m Meeting, today Date) Problems {
	var p Problems
	var vp Problems
	if errors.As(m.Validate(), &vp) {
		p = append(p, vp...)
	}
	if !m.Date.IsZero() && m.Date > today {
		p.add("date", "%s is in the future; log a meeting once it has happened", m.Date)
	}
	return p
}
