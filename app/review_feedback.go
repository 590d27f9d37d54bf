package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// feedbackStore is what the mentor's feedback and review panel reads and writes.
type feedbackStore interface {
	EnrollmentPlaces(ctx context.Context, f data.ReviewFilter) ([]data.EnrollmentPlace, error)
	Feedback(ctx context.Context, f data.ReviewFilter) ([]data.FeedbackEntry, error)
	SaveFeedback(ctx context.Context, f data.Feedback) (int64, error)
	DeleteFeedback(ctx context.Context, id int64) error
	Surveys(ctx context.Context, f data.ReviewFilter) ([]data.SurveyEntry, error)
	SaveSurvey(ctx context.Context, v data.Survey) (int64, error)
	DeleteSurvey(ctx context.Context, id int64) error
	ReviewDecisions(ctx context.Context, mentorID int64) ([]data.ReviewDecision, error)
	SaveReviewDecision(ctx context.Context, d data.ReviewDecision) (int64, error)
	MentorReview(ctx context.Context, mentorID int64, on data.Date) (data.ReviewState, error)
	thresholdStore
}

// mentorReview is everything the panel shows of one mentor.
type mentorReview struct {
	places     []data.EnrollmentPlace
	feedback   []data.FeedbackEntry
	surveys    []data.SurveyEntry
	decisions  []data.ReviewDecision
	state      data.ReviewState
	thresholds data.ReviewThresholds
}

func loadMentorReview(ctx context.Context, st feedbackStore, mentorID int64, on data.Date) (mentorReview, error) {
	var r mentorReview
	var err error
	f := data.ReviewFilter{MentorID: mentorID}
	if r.places, err = st.EnrollmentPlaces(ctx, f); err != nil {
		return r, err
	}
	if r.feedback, err = st.Feedback(ctx, f); err != nil {
		return r, err
	}
	if r.surveys, err = st.Surveys(ctx, f); err != nil {
		return r, err
	}
	if r.decisions, err = st.ReviewDecisions(ctx, mentorID); err != nil {
		return r, err
	}
	if r.thresholds, err = st.ReviewThresholds(ctx); err != nil {
		return r, err
	}
	r.state, err = st.MentorReview(ctx, mentorID, on)
	return r, err
}

// feedbackView is a mentor's instructor feedback, student surveys, their trend over time, the
// roster review and the director's decisions.
type feedbackView struct {
	d        deps
	store    feedbackStore
	mentorID int64
	busy     inflight
	r        mentorReview

	badge   *widget.Label
	reasons *widget.Label
	trend   *widgets.LineChart
	tabs    *container.AppTabs

	entries   *feedbackEntries
	surveys   *surveyEntries
	decisions *decisionHistory
}

// feedbackPanel shows a mentor's feedback, surveys, review state and decisions, for the
// mentor's page.
func feedbackPanel(d deps, mentorID int64) fyne.CanvasObject {
	v := newFeedbackView(d, d.store, mentorID)
	obj := v.buildUI()
	v.reload()
	return obj
}

func newFeedbackView(d deps, st feedbackStore, mentorID int64) *feedbackView {
	v := &feedbackView{d: d, store: st, mentorID: mentorID}
	v.entries = &feedbackEntries{v: v}
	v.surveys = &surveyEntries{v: v}
	v.decisions = &decisionHistory{v: v}
	return v
}

func (v *feedbackView) buildUI() fyne.CanvasObject {
	v.badge = boldLabel("")
	v.reasons = wrapLabel("")
	v.trend = widgets.NewLineChart("Average rating (1–5) over time", 1, 5)
	v.trend.Empty = "No feedback or surveys yet."
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Instructor feedback", v.entries.buildUI()),
		container.NewTabItem("Student surveys", v.surveys.buildUI()),
		container.NewTabItem("Review decisions", v.decisions.buildUI()),
	)
	state := container.NewVBox(boldLabel("Roster review"), v.badge, v.reasons)
	// Wrapped reasons do not size their row, so the state scrolls within the chart's height.
	scroll := container.NewVScroll(state)
	scroll.SetMinSize(fyne.NewSize(0, 200))
	top := container.NewGridWithColumns(2, scroll, v.trend)
	return border(top, nil, nil, nil, v.tabs)
}

// reload reads the mentor's review records again and redraws every part.
func (v *feedbackView) reload() {
	track(&v.busy, v.d, func(ctx context.Context) (mentorReview, error) {
		return loadMentorReview(ctx, v.store, v.mentorID, v.d.today())
	}, v.show)
}

func (v *feedbackView) show(r mentorReview) {
	v.r = r
	v.showState()
	v.showTrend()
	v.entries.refresh()
	v.surveys.refresh()
	v.decisions.refresh()
	items := v.tabs.Items
	items[0].Text = fmt.Sprintf("Instructor feedback (%d)", len(r.feedback))
	items[1].Text = fmt.Sprintf("Student surveys (%d)", len(r.surveys))
	items[2].Text = fmt.Sprintf("Review decisions (%d)", len(r.decisions))
	v.tabs.Refresh()
}

func (v *feedbackView) showState() {
	text, imp := rosterReviewBadge(v.r.state)
	setLabel(v.badge, text, imp)
	v.reasons.SetText(strings.Join(rosterReviewLines(v.r.state, v.r.thresholds), "\n"))
}

// rosterReviewBadge names where a mentor stands: on the roster, under review or off it.
func rosterReviewBadge(s data.ReviewState) (string, widget.Importance) {
	switch {
	case s.Decision != nil && s.Decision.Decision == "remove":
		return "Off the roster", widget.DangerImportance
	case s.UnderReview:
		return "Under review", widget.WarningImportance
	}
	return "On the roster", widget.SuccessImportance
}

// rosterReviewLines explains a review state: its reasons, then the figures no reason gives already.
func rosterReviewLines(s data.ReviewState, t data.ReviewThresholds) []string {
	var lines []string
	for _, r := range s.Reasons {
		lines = append(lines, sentence(r))
	}
	told := func(prefix string) bool {
		return slices.ContainsFunc(s.Reasons, func(r string) bool { return strings.HasPrefix(r, prefix) })
	}
	switch {
	case s.FeedbackCount == 0:
		lines = append(lines, "No instructor feedback in the last 12 months.")
	case !told("Instructors'"):
		lines = append(lines, fmt.Sprintf("Instructors' feedback averages %.2f over %s (review below %g).",
			s.FeedbackAverage, plural(s.FeedbackCount, "entry", "entries"), t.MinFeedback))
	}
	switch {
	case s.SurveyResponses == 0:
		lines = append(lines, "No student survey responses in the last 12 months.")
	case !told("Student surveys"):
		lines = append(lines, fmt.Sprintf("Student surveys average %.2f over %s (review below %g).",
			s.SurveyAverage, plural(s.SurveyResponses, "response", "responses"), t.MinSurvey))
	}
	if !told(strconv.Itoa(s.PunctualityProblems) + " punctuality") {
		lines = append(lines, fmt.Sprintf("%s in the last 12 months (review above %d).",
			plural(s.PunctualityProblems, "late or absent session", "late or absent sessions"), t.MaxPunctualityProblems))
	}
	if d := s.Decision; d != nil {
		lines = append(lines, fmt.Sprintf("Latest decision: %s on %s — %s", reviewDecisionWords[d.Decision], d.DecidedOn.Short(), d.Reason))
	}
	return lines
}

// showTrend charts each feedback entry's and each survey's average on its date, with the
// review thresholds as guides.
func (v *feedbackView) showTrend() {
	instructors := widgets.LineSeries{Name: "Instructors"}
	for _, f := range v.r.feedback {
		instructors.Points = append(instructors.Points, widgets.LinePoint{Date: f.GivenOn, Value: feedbackAverage(f.Feedback)})
	}
	students := widgets.LineSeries{Name: "Students"}
	for _, s := range v.r.surveys {
		students.Points = append(students.Points, widgets.LinePoint{Date: s.TakenOn, Value: surveyAverage(s.Survey)})
	}
	v.trend.SetSeries([]widgets.LineSeries{instructors, students})
	t := v.r.thresholds
	if t.MinFeedback == t.MinSurvey {
		v.trend.SetGuides([]widgets.Guide{{Value: t.MinFeedback, Label: fmt.Sprintf("review below %g", t.MinFeedback)}})
		return
	}
	v.trend.SetGuides([]widgets.Guide{
		{Value: t.MinFeedback, Label: fmt.Sprintf("instructors: review below %g", t.MinFeedback)},
		{Value: t.MinSurvey, Label: fmt.Sprintf("students: review below %g", t.MinSurvey), Series: 1},
	})
}

func feedbackAverage(f data.Feedback) float64 {
	sum, n := 0, 0
	for _, q := range data.FeedbackQuestions {
		if r := f.Ratings[q]; r >= 1 && r <= 5 {
			sum, n = sum+r, n+1
		}
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

func surveyAverage(s data.Survey) float64 {
	if len(s.Averages) == 0 {
		return 0
	}
	sum := 0.0
	for _, a := range s.Averages {
		sum += a
	}
	return sum / float64(len(s.Averages))
}

// The panel is an editor: its three forms may hold unsaved edits.

func (v *feedbackView) unsaved() string {
	for _, ed := range []editor{v.entries, v.surveys, v.decisions} {
		if s := ed.unsaved(); s != "" {
			return s
		}
	}
	return ""
}

// saveEdits saves each form with edits in turn, stopping at the first that cannot save.
func (v *feedbackView) saveEdits(done func(ok bool)) {
	var next func(i int)
	eds := []editor{v.entries, v.surveys, v.decisions}
	next = func(i int) {
		for ; i < len(eds) && eds[i].unsaved() == ""; i++ {
		}
		if i == len(eds) {
			done(true)
			return
		}
		eds[i].saveEdits(func(ok bool) {
			if !ok {
				done(false)
				return
			}
			next(i + 1)
		})
	}
	next(0)
}

func (v *feedbackView) discardEdits() {
	v.entries.discardEdits()
	v.surveys.discardEdits()
	v.decisions.discardEdits()
}
