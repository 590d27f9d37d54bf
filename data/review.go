package data

import (
	"fmt"
	"strconv"
)

// ReviewThresholds are the limits that put a mentor's roster place under review.
type ReviewThresholds struct {
	MinFeedback            float64 // instructors' average rating (1–5)
	MinSurvey              float64 // students' average rating (1–5), weighted by responses
	MaxPunctualityProblems int     // late or absent sessions tolerated in 12 months
}

// DefaultReviewThresholds are 3.0, 3.0 and 2.
func DefaultReviewThresholds() ReviewThresholds {
	return ReviewThresholds{MinFeedback: 3.0, MinSurvey: 3.0, MaxPunctualityProblems: 2}
}

// ReviewState is where a mentor stands in the roster review on a day.
type ReviewState struct {
	UnderReview         bool
	Reasons             []string // why under review, or why removed
	FeedbackAverage     float64  // zero when there is no feedback
	SurveyAverage       float64  // zero when there are no responses
	FeedbackCount       int      // feedback entries counted
	SurveyResponses     int
	PunctualityProblems int
	Decision            *ReviewDecision // the director's latest decision up to the day, if any
}

// OnRoster reports whether the mentor may be handed to schools: not under review and not removed.
func (s ReviewState) OnRoster() bool {
	return !s.UnderReview && (s.Decision == nil || s.Decision.Decision != "remove")
}

// belowEpsilon keeps a weighted mean that is exactly the threshold, but for float rounding,
// from counting as below it.
const belowEpsilon = 1e-9

func below(avg, limit float64) bool { return avg < limit-belowEpsilon }

// Review weighs the feedback and surveys of the 12 months up to on (an entry counts through the
// day before its anniversary, as a check does). punctualityProblems is the count of late or
// absent sessions in those months. A "keep" or "coach" decision dated on or after the newest
// entry below a threshold settles that threshold, and, for punctuality, which has no dates here,
// any such decision in the 12 months does; a "remove" decision keeps the mentor off the roster
// until a later one.
func Review(feedback []Feedback, surveys []Survey, punctualityProblems int, decisions []ReviewDecision, on Date, t ReviewThresholds) ReviewState {
	windowStart := on.AddYears(-1).AddDays(1)
	counts := func(d Date) bool { return windowStart <= d && d <= on }
	s := ReviewState{PunctualityProblems: punctualityProblems}

	// Each cause remembers its newest entry, since only a decision after it settles it.
	type cause struct {
		text   string
		newest Date
	}
	var causes []cause

	ratingSum, ratings := 0, 0
	var lowFeedback Date
	for _, f := range feedback {
		if !counts(f.GivenOn) {
			continue
		}
		sum, n := 0, 0
		for _, r := range f.Ratings {
			if r >= 1 && r <= 5 {
				sum, n = sum+r, n+1
			}
		}
		if n == 0 {
			continue
		}
		s.FeedbackCount++
		ratingSum, ratings = ratingSum+sum, ratings+n
		if below(float64(sum)/float64(n), t.MinFeedback) {
			lowFeedback = max(lowFeedback, f.GivenOn)
		}
	}
	if ratings > 0 {
		s.FeedbackAverage = float64(ratingSum) / float64(ratings)
		if below(s.FeedbackAverage, t.MinFeedback) {
			causes = append(causes, cause{fmt.Sprintf("Instructors' feedback averages %.2f, below %s, over %s in the last 12 months",
				s.FeedbackAverage, threshold(t.MinFeedback), plural(s.FeedbackCount, "entry", "entries")), lowFeedback})
		}
	}

	weighted := 0.0
	var lowSurvey Date
	for _, v := range surveys {
		if !counts(v.TakenOn) || v.Responses <= 0 || len(v.Averages) == 0 {
			continue
		}
		avg := 0.0
		for _, a := range v.Averages {
			avg += a
		}
		avg /= float64(len(v.Averages))
		s.SurveyResponses += v.Responses
		weighted += avg * float64(v.Responses)
		if below(avg, t.MinSurvey) {
			lowSurvey = max(lowSurvey, v.TakenOn)
		}
	}
	if s.SurveyResponses > 0 {
		s.SurveyAverage = weighted / float64(s.SurveyResponses)
		if below(s.SurveyAverage, t.MinSurvey) {
			causes = append(causes, cause{fmt.Sprintf("Student surveys average %.2f, below %s, over %s in the last 12 months",
				s.SurveyAverage, threshold(t.MinSurvey), plural(s.SurveyResponses, "response", "responses")), lowSurvey})
		}
	}

	if punctualityProblems > t.MaxPunctualityProblems {
		causes = append(causes, cause{fmt.Sprintf("%s in the last 12 months, more than %d",
			plural(punctualityProblems, "punctuality problem", "punctuality problems"), t.MaxPunctualityProblems), windowStart})
	}

	for i := range decisions {
		d := &decisions[i]
		if d.DecidedOn <= on && (s.Decision == nil || d.DecidedOn >= s.Decision.DecidedOn) {
			s.Decision = d
		}
	}
	if s.Decision != nil {
		d := *s.Decision
		s.Decision = &d // the state must not alias the caller's slice
		if d.Decision == "remove" {
			text := "Removed from the roster on " + d.DecidedOn.String()
			if d.Reason != "" {
				text += ": " + d.Reason
			}
			s.Reasons = []string{text}
			return s
		}
	}
	for _, c := range causes {
		if s.Decision != nil && s.Decision.DecidedOn >= c.newest {
			continue
		}
		s.UnderReview = true
		s.Reasons = append(s.Reasons, c.text)
	}
	return s
}

// threshold prints 3 as "3.0" and 3.25 as "3.25".
func threshold(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if float64(int64(v)) == v {
		s += ".0"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// ReviewRecords are what the roster review weighs of one mentor: the instructors' feedback and
// student surveys of the 12 months up to a day, the late or absent sessions in them and the
// director's decisions up to that day.
type ReviewRecords struct {
	Feedback            []Feedback
	Surveys             []Survey
	PunctualityProblems int
	Decisions           []ReviewDecision
}

// Review is Review over the records, against the director's thresholds.
func (r ReviewRecords) Review(on Date, t ReviewThresholds) ReviewState {
	return Review(r.Feedback, r.Surveys, r.PunctualityProblems, r.Decisions, on, t)
}

// The keys of the review thresholds, as the settings screen and the problems name them.
const (
	KeyMinFeedback    = "review.min_feedback"
	KeyMinSurvey      = "review.min_survey"
	KeyMaxPunctuality = "review.max_punctuality"
)

// ReviewThresholdKeys are the keys of the review thresholds, as problems name them.
var ReviewThresholdKeys = []string{KeyMinFeedback, KeyMinSurvey, KeyMaxPunctuality}

// CheckReviewThresholds returns the problems of thresholds: averages from 1 to 5, a count from 0.
func CheckReviewThresholds(t ReviewThresholds) Problems {
	var ps Problems
	for _, a := range []struct {
		key string
		v   float64
	}{{KeyMinFeedback, t.MinFeedback}, {KeyMinSurvey, t.MinSurvey}} {
		if !(a.v >= 1 && a.v <= 5) {
			ps = append(ps, FieldError{Field: a.key, Problem: fmt.Sprintf("%s is not an average from 1 to 5", strconv.FormatFloat(a.v, 'f', -1, 64))})
		}
	}
	if t.MaxPunctualityProblems < 0 || t.MaxPunctualityProblems > 100 {
		ps = append(ps, FieldError{Field: KeyMaxPunctuality, Problem: fmt.Sprintf("%d is not a count from 0 to 100", t.MaxPunctualityProblems)})
	}
	return ps
}
