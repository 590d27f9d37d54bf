package data

import (
	"slices"
	"testing"
)

// feedbackOn rates every question with the given ratings, in FeedbackQuestions order.
func feedbackOn(on string, ratings ...int) Feedback {
	f := Feedback{GivenOn: MustDate(on), Term: 1, Ratings: map[string]int{}}
	for i, r := range ratings {
		f.Ratings[FeedbackQuestions[i]] = r
	}
	return f
}

func surveyOn(on string, responses int, averages ...float64) Survey {
	s := Survey{TakenOn: MustDate(on), Term: 1, Responses: responses, Averages: map[string]float64{}}
	for i, a := range averages {
		s.Averages[string(rune('a'+i))] = a
	}
	return s
}

func decisionOn(on, decision string) ReviewDecision {
	return ReviewDecision{DecidedOn: MustDate(on), Decision: decision, Reason: "talked it through"}
}

func TestReview(t *testing.T) {
	const on = "2026-11-22"
	tests := []struct {
		name        string
		feedback    []Feedback
		surveys     []Survey
		punctuality int
		decisions   []ReviewDecision
		underReview bool
		onRoster    bool
		reasons     []string
	}{
		{name: "not under review without feedback or surveys", onRoster: true},
		{
			name:     "feedback averaging exactly the minimum is not under review",
			feedback: []Feedback{feedbackOn("2026-10-01", 3, 3, 3, 3), feedbackOn("2026-05-01", 2, 4, 3, 3)},
			onRoster: true,
		},
		{
			name:        "feedback averaging just below the minimum is under review",
			feedback:    []Feedback{feedbackOn("2026-10-01", 3, 3, 3, 3), feedbackOn("2026-05-01", 2, 3, 3, 3)},
			underReview: true,
			reasons:     []string{"Instructors' feedback averages 2.88, below 3.0, over 2 entries in the last 12 months"},
		},
		{
			name:     "feedback older than 12 months is not counted",
			feedback: []Feedback{feedbackOn("2025-11-22", 1, 1, 1, 1), feedbackOn("2026-10-01", 4, 4, 4, 4)},
			onRoster: true,
		},
		{
			name:        "feedback given on the first day of the 12 months counts",
			feedback:    []Feedback{feedbackOn("2025-11-23", 1, 1, 1, 1), feedbackOn("2026-10-01", 4, 4, 4, 4)},
			underReview: true,
			reasons:     []string{"Instructors' feedback averages 2.50, below 3.0, over 2 entries in the last 12 months"},
		},
		{
			name:     "feedback dated after the day is not yet counted",
			feedback: []Feedback{feedbackOn("2026-11-23", 1, 1, 1, 1), feedbackOn("2026-10-01", 4, 4, 4, 4)},
			onRoster: true,
		},
		{
			name:     "only the questions rated count towards the average",
			feedback: []Feedback{{GivenOn: MustDate("2026-10-01"), Ratings: map[string]int{"preparation": 3, "rapport": 0}}},
			onRoster: true,
		},
		{
			name:        "a survey taken on the first day of the 12 months counts",
			surveys:     []Survey{surveyOn("2025-11-23", 10, 1.0), surveyOn("2026-10-01", 10, 4.0)},
			underReview: true,
			reasons:     []string{"Student surveys average 2.50, below 3.0, over 20 responses in the last 12 months"},
		},
		{
			name:     "a survey taken the day before the 12 months is not counted",
			surveys:  []Survey{surveyOn("2025-11-22", 10, 1.0), surveyOn("2026-10-01", 10, 4.0)},
			onRoster: true,
		},
		{
			name:     "survey average exactly at the minimum is not under review",
			surveys:  []Survey{surveyOn("2026-06-01", 10, 2.9), surveyOn("2026-10-01", 10, 3.1)},
			onRoster: true,
		},
		{
			name:        "survey average just below the minimum is under review",
			surveys:     []Survey{surveyOn("2026-10-01", 25, 3.0, 2.98)},
			underReview: true,
			reasons:     []string{"Student surveys average 2.99, below 3.0, over 25 responses in the last 12 months"},
		},
		{
			name:     "surveys are weighted by responses",
			surveys:  []Survey{surveyOn("2026-03-01", 10, 2.0), surveyOn("2026-10-01", 30, 3.5)},
			onRoster: true,
		},
		{name: "punctuality problems at the maximum are tolerated", punctuality: 2, onRoster: true},
		{
			name: "punctuality problems over the maximum are under review", punctuality: 3, underReview: true,
			reasons: []string{"3 punctuality problems in the last 12 months, more than 2"},
		},
		{
			name:      "a keep decision after the newest low entry clears the review",
			feedback:  []Feedback{feedbackOn("2026-05-01", 2, 2, 2, 2)},
			decisions: []ReviewDecision{decisionOn("2026-05-10", "keep")},
			onRoster:  true,
		},
		{
			name:      "a coach decision on the day of the newest low entry clears the review",
			feedback:  []Feedback{feedbackOn("2026-05-01", 2, 2, 2, 2)},
			decisions: []ReviewDecision{decisionOn("2026-05-01", "coach")},
			onRoster:  true,
		},
		{
			name:        "a decision before a newer low entry does not clear the review",
			feedback:    []Feedback{feedbackOn("2026-05-01", 2, 2, 2, 2), feedbackOn("2026-09-01", 2, 3, 3, 2)},
			decisions:   []ReviewDecision{decisionOn("2026-05-10", "keep")},
			underReview: true,
			reasons:     []string{"Instructors' feedback averages 2.25, below 3.0, over 2 entries in the last 12 months"},
		},
		{
			name:      "a newer good entry does not reopen a settled review",
			feedback:  []Feedback{feedbackOn("2026-05-01", 1, 1, 1, 1), feedbackOn("2026-09-01", 4, 4, 4, 4)},
			decisions: []ReviewDecision{decisionOn("2026-05-10", "coach")},
			onRoster:  true,
		},
		{
			name:        "a decision settles only the causes it came after",
			feedback:    []Feedback{feedbackOn("2026-05-01", 2, 2, 2, 2)},
			surveys:     []Survey{surveyOn("2026-06-01", 20, 2.5)},
			decisions:   []ReviewDecision{decisionOn("2026-05-10", "keep")},
			underReview: true,
			reasons:     []string{"Student surveys average 2.50, below 3.0, over 20 responses in the last 12 months"},
		},
		{
			name:        "a decision in the last 12 months settles punctuality",
			punctuality: 4,
			decisions:   []ReviewDecision{decisionOn("2026-01-15", "coach")},
			onRoster:    true,
		},
		{
			name:        "a decision older than 12 months does not settle punctuality",
			punctuality: 4,
			decisions:   []ReviewDecision{decisionOn("2025-10-15", "keep")},
			underReview: true,
			reasons:     []string{"4 punctuality problems in the last 12 months, more than 2"},
		},
		{
			name:      "a remove decision keeps the mentor off the roster",
			feedback:  []Feedback{feedbackOn("2026-05-01", 4, 4, 4, 4)},
			decisions: []ReviewDecision{decisionOn("2026-02-01", "remove")},
			reasons:   []string{"Removed from the roster on 2026-02-01: talked it through"},
		},
		{
			name:      "a keep decision after a removal restores the roster place",
			decisions: []ReviewDecision{decisionOn("2026-06-01", "keep"), decisionOn("2026-02-01", "remove")},
			onRoster:  true,
		},
		{
			name:      "a decision dated after the day is not yet taken",
			decisions: []ReviewDecision{decisionOn("2026-12-01", "remove")},
			onRoster:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Review(tt.feedback, tt.surveys, tt.punctuality, tt.decisions, MustDate(on), DefaultReviewThresholds())
			if s.UnderReview != tt.underReview || s.OnRoster() != tt.onRoster {
				t.Errorf("under review %v, on roster %v; want %v, %v", s.UnderReview, s.OnRoster(), tt.underReview, tt.onRoster)
			}
			if !slices.Equal(s.Reasons, tt.reasons) {
				t.Errorf("reasons:\n got %q\nwant %q", s.Reasons, tt.reasons)
			}
		})
	}
}

func TestReviewFigures(t *testing.T) {
	on := MustDate("2026-11-22")
	decisions := []ReviewDecision{decisionOn("2026-03-01", "keep"), decisionOn("2026-04-01", "coach")}
	s := Review(
		[]Feedback{feedbackOn("2026-10-01", 5, 4, 3, 4), feedbackOn("2026-05-01", 3, 3, 3, 3), feedbackOn("2024-05-01", 1, 1, 1, 1)},
		[]Survey{surveyOn("2026-03-01", 10, 2.0), surveyOn("2026-10-01", 30, 3.5, 4.5), surveyOn("2026-10-02", 0, 1.0)},
		1, decisions, on, DefaultReviewThresholds())
	if s.FeedbackCount != 2 || s.FeedbackAverage != 3.5 {
		t.Errorf("feedback: %d entries averaging %v, want 2 averaging 3.5", s.FeedbackCount, s.FeedbackAverage)
	}
	if s.SurveyResponses != 40 || s.SurveyAverage != 3.5 {
		t.Errorf("surveys: %d responses averaging %v, want 40 averaging 3.5", s.SurveyResponses, s.SurveyAverage)
	}
	if s.PunctualityProblems != 1 {
		t.Errorf("punctuality problems = %d, want 1", s.PunctualityProblems)
	}
	if s.Decision == nil || s.Decision.Decision != "coach" {
		t.Fatalf("decision = %+v, want the latest (coach)", s.Decision)
	}
	s.Decision.Reason = "changed"
	if decisions[1].Reason == "changed" {
		t.Error("the state's decision aliases the caller's slice")
	}
}

// TestReviewThresholdsFromSettings: the director's own thresholds move both edges.
func TestReviewThresholdsFromSettings(t *testing.T) {
	on := MustDate("2026-11-22")
	strict := ReviewThresholds{MinFeedback: 3.5, MinSurvey: 4.25, MaxPunctualityProblems: 0}
	tests := []struct {
		name        string
		feedback    []Feedback
		surveys     []Survey
		punctuality int
		underReview bool
	}{
		{name: "feedback exactly at a stricter minimum is kept", feedback: []Feedback{feedbackOn("2026-10-01", 4, 3, 4, 3)}},
		{name: "feedback good by default but below a stricter minimum", feedback: []Feedback{feedbackOn("2026-10-01", 4, 3, 3, 3)}, underReview: true},
		{name: "a survey at a two-decimal minimum is kept", surveys: []Survey{surveyOn("2026-10-01", 12, 4.25)}},
		{name: "a survey just under a two-decimal minimum", surveys: []Survey{surveyOn("2026-10-01", 12, 4.24)}, underReview: true},
		{name: "no punctuality problem tolerated at 0", punctuality: 1, underReview: true},
		{name: "no punctuality problems at 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Review(tt.feedback, tt.surveys, tt.punctuality, nil, on, strict)
			if s.UnderReview != tt.underReview {
				t.Errorf("under review %v, want %v (%q)", s.UnderReview, tt.underReview, s.Reasons)
			}
		})
	}
	s := Review(nil, []Survey{surveyOn("2026-10-01", 12, 4.0)}, 0, nil, on, strict)
	if want := "Student surveys average 4.00, below 4.25, over 12 responses in the last 12 months"; len(s.Reasons) != 1 || s.Reasons[0] != want {
		t.Errorf("reasons %q, want %q", s.Reasons, want)
	}
}
