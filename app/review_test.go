package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// reviewWindow is a test window and the deps a review panel needs over st.
func reviewWindow(t *testing.T, st *sqlite.Store, w, h float32) (fyne.Window, deps) {
	t.Helper()
	a := newTestApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	win := a.NewWindow("MentorDesk")
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return win, deps{store: newDesk(st), win: win, today: func() data.Date { return testToday }, open: func(string) {}, app: a}
}

// reviewSettled waits for a panel's loads and saves to land and cond to hold.
func reviewSettled(t *testing.T, what string, busy *inflight, cond func() bool) {
	t.Helper()
	eventually(t, what, func() bool { return busy.idle() && cond() })
}

// demoPlace is an enrollment of the sample organisation in the current school year.
func demoPlace(t *testing.T, st *sqlite.Store) data.EnrollmentPlace {
	t.Helper()
	places, err := st.EnrollmentPlaces(context.Background(), data.ReviewFilter{})
	if err != nil || len(places) == 0 {
		t.Fatalf("the demo has no enrollments: %v", err)
	}
	for _, p := range places {
		if p.SchoolYear == 2026 && p.Terms == 3 {
			return p
		}
	}
	return places[0]
}

func openGoals(t *testing.T) (*sqlite.Store, *goalsView, fyne.Window) {
	st := demoStore(t)
	place := demoPlace(t, st)
	w, d := reviewWindow(t, st, 1000, 640)
	v := newGoalsView(d, st, place.EnrollmentID)
	w.SetContent(v.buildUI())
	v.reload()
	reviewSettled(t, "the goals", &v.busy, func() bool { return v.count.Text != "" })
	return st, v, w
}

func TestGoalsPanelAddsAGoalAndRatesIt(t *testing.T) {
	st, v, _ := openGoals(t)
	test.Type(v.group, "trumpets")
	test.Type(v.text, "Hold a steady tempo through the march")
	v.target.SetText("2026-12-10")
	v.before.SetSelected("2")
	if v.unsaved() != "a new goal" {
		t.Errorf("unsaved() = %q while typing a goal", v.unsaved())
	}
	test.Tap(v.saveBtn)
	reviewSettled(t, "the goal to be saved", &v.busy, func() bool { return len(v.goals) == 1 })
	if g := v.goals[0]; g.Group != "trumpets" || g.RatingBefore != 2 || g.RatingAfter != 0 || g.Status != "open" ||
		g.SetBy != "pupils with the mentor" || g.TargetDate != data.MustDate("2026-12-10") {
		t.Errorf("saved goal %+v", g)
	}
	if v.unsaved() != "" || v.text.Text != "" {
		t.Errorf("the form was not cleared for the next goal: unsaved %q, text %q", v.unsaved(), v.text.Text)
	}

	// Rate it after the concert: select it, set the after rating and the status.
	v.list.Select(0)
	if v.formTitle.Text != "Edit goal" || v.text.Text != "Hold a steady tempo through the march" {
		t.Fatalf("selecting the goal shows %q, %q", v.formTitle.Text, v.text.Text)
	}
	v.after.SetSelected("4")
	v.status.SetSelected("Achieved")
	test.Tap(v.saveBtn)
	reviewSettled(t, "the rating to be saved", &v.busy, func() bool { return len(v.goals) == 1 && v.goals[0].RatingAfter == 4 })
	goals, err := st.Goals(context.Background(), v.enrollmentID)
	if err != nil || len(goals) != 1 || goals[0].RatingAfter != 4 || goals[0].Status != "achieved" {
		t.Fatalf("stored goals %+v, %v", goals, err)
	}
	groups := v.chart.Groups()
	if len(groups) != 1 || groups[0].Label != "trumpets" || groups[0].Values[0] != 2 || groups[0].Values[1] != 4 {
		t.Errorf("chart groups %+v, want trumpets 2 → 4", groups)
	}
	if !strings.Contains(v.count.Text, "1 goal, 1 achieved") {
		t.Errorf("count %q", v.count.Text)
	}
}

func TestGoalsPanelRefusesAFullNameGently(t *testing.T) {
	st, v, _ := openGoals(t)
	text := "Maria Gonzalez needs to count her rests"
	test.Type(v.text, text)
	want := sentence(data.PupilPrivacyProblem(text))
	if !v.textProblem.Visible() || v.textProblem.Text != want {
		t.Errorf("as typed, the problem shows %q (visible %v), want %q", v.textProblem.Text, v.textProblem.Visible(), want)
	}
	if !strings.Contains(want, "Please name pupils by first name or initials only") {
		t.Errorf("the message is not the gentle one: %q", want)
	}
	test.Tap(v.saveBtn)
	reviewSettled(t, "the refusal", &v.busy, func() bool { return true })
	if goals, _ := st.Goals(context.Background(), v.enrollmentID); len(goals) != 0 {
		t.Errorf("a goal naming a pupil was saved: %+v", goals)
	}
	if v.textProblem.Text != want {
		t.Errorf("after Save the problem shows %q", v.textProblem.Text)
	}
	// Initials are fine.
	v.text.SetText("M.G. counts her rests")
	if v.textProblem.Visible() {
		t.Errorf("initials refused: %q", v.textProblem.Text)
	}
}

// mentorOnRoster is a demo mentor with an enrollment, on the roster today.
func mentorOnRoster(t *testing.T, st *sqlite.Store) int64 {
	t.Helper()
	ctx := context.Background()
	states, err := newDesk(st).RosterReview(ctx, testToday)
	if err != nil {
		t.Fatal(err)
	}
	places, _ := st.EnrollmentPlaces(ctx, data.ReviewFilter{})
	for _, p := range places {
		if s, ok := states[p.MentorID]; ok && !s.UnderReview && s.OnRoster() && p.SchoolYear == 2026 {
			return p.MentorID
		}
	}
	t.Fatal("no demo mentor on the roster with an enrollment this year")
	return 0
}

func openFeedback(t *testing.T, st *sqlite.Store, mentorID int64) (*feedbackView, fyne.Window) {
	w, d := reviewWindow(t, st, 1100, 760)
	v := newFeedbackView(d, newDesk(st), mentorID)
	w.SetContent(v.buildUI())
	v.reload()
	reviewSettled(t, "the mentor's feedback", &v.busy, func() bool { return v.badge.Text != "" })
	return v, w
}

func TestFeedbackEntryTipsAMentorIntoReview(t *testing.T) {
	st := demoStore(t)
	id := mentorOnRoster(t, st)
	v, _ := openFeedback(t, st, id)
	if v.badge.Text != "On the roster" {
		t.Fatalf("badge %q before any feedback", v.badge.Text)
	}
	e := v.entries
	if e.picker.place.SelectedIndex() != 0 || e.picker.term.Selected == "" || e.givenOn.Text != testToday.String() {
		t.Errorf("a new entry starts on %q, %q, %q", e.picker.place.Selected, e.picker.term.Selected, e.givenOn.Text)
	}
	test.Tap(e.saveBtn)
	if !strings.Contains(e.problem.Text, "Rate preparation, rapport, musical progress and punctuality from 1 to 5") {
		t.Errorf("saving unrated: %q", e.problem.Text)
	}
	for _, s := range e.ratings {
		s.SetSelected("2")
	}
	e.ratings["rapport"].SetSelected("3")
	test.Type(e.comment, "Often unprepared for the sectional")
	test.Tap(e.saveBtn)
	reviewSettled(t, "the review to be weighed again", &v.busy, func() bool { return len(v.r.feedback) == 1 })

	if !v.r.state.UnderReview || v.badge.Text != "Under review" {
		t.Errorf("after low feedback: badge %q, state %+v", v.badge.Text, v.r.state)
	}
	if want := "Instructors' feedback averages 2.25, below 3.0, over 1 entry in the last 12 months"; !strings.Contains(v.reasons.Text, want) {
		t.Errorf("reasons %q lack %q", v.reasons.Text, want)
	}
	states, err := newDesk(st).RosterReview(context.Background(), testToday)
	if err != nil || !states[id].UnderReview {
		t.Errorf("RosterReview after the entry: %+v, %v", states[id], err)
	}
	if pts := v.trend.Series()[0].Points; len(pts) != 1 || pts[0].Value != 2.25 || pts[0].Date != testToday {
		t.Errorf("trend points %+v", pts)
	}
	if !strings.HasPrefix(v.tabs.Items[0].Text, "Instructor feedback (1)") {
		t.Errorf("tab %q", v.tabs.Items[0].Text)
	}

	// The director decides to coach: the mentor is back on the roster, the decision in the history.
	h := v.decisions
	h.decision.SetSelected("Coach")
	test.Type(h.reason, "Agreed a preparation plan with the instructor")
	test.Tap(h.saveBtn)
	reviewSettled(t, "the decision", &v.busy, func() bool { return len(v.r.decisions) == 1 })
	if v.r.state.UnderReview || v.badge.Text != "On the roster" || !strings.Contains(v.reasons.Text, "Latest decision: coach on 22 Nov 2026") {
		t.Errorf("after coaching: badge %q, reasons %q", v.badge.Text, v.reasons.Text)
	}
}

func TestSurveySummaryIsCheckedAndSaved(t *testing.T) {
	st := demoStore(t)
	v, _ := openFeedback(t, st, mentorOnRoster(t, st))
	s := v.surveys
	test.Type(s.responses, "24")
	test.Type(s.averages["preparation"], "4.333")
	test.Tap(s.saveBtn)
	if !strings.Contains(s.problem.Text, `Preparation: "4.333" is not an average from 1 to 5 with at most 2 decimals`) {
		t.Errorf("three decimals: %q", s.problem.Text)
	}
	s.averages["preparation"].SetText("4.25")
	test.Type(s.averages["enjoyment"], "4.8")
	test.Tap(s.saveBtn)
	reviewSettled(t, "the survey", &v.busy, func() bool { return len(v.r.surveys) == 1 })
	got := v.r.surveys[0]
	if got.Responses != 24 || got.Averages["preparation"] != 4.25 || got.Averages["enjoyment"] != 4.8 || len(got.Averages) != 2 {
		t.Errorf("saved survey %+v", got.Survey)
	}
	if v.r.state.SurveyResponses != 24 {
		t.Errorf("review counts %d responses", v.r.state.SurveyResponses)
	}
}

func TestSessionNoteKeepsTheConcernDateOnly(t *testing.T) {
	st := demoStore(t)
	sessions, err := st.Sessions(context.Background(), data.SessionFilter{})
	if err != nil || len(sessions) == 0 {
		t.Fatal("no demo sessions", err)
	}
	w, d := reviewWindow(t, st, 800, 600)
	v := newSessionNoteView(d, st, sessions[0].ID)
	w.SetContent(v.buildUI())
	v.reload()
	reviewSettled(t, "the note", &v.busy, func() bool { return true })
	if v.concernOn.Disabled() == false {
		t.Error("the concern date is open before the box is ticked")
	}
	test.Type(v.covered, "Concert march, bars 1–32")
	test.Type(v.worked, "Call and response warm-up")
	v.concern.SetChecked(true)
	if v.concernOn.Text != testToday.String() {
		t.Errorf("ticking the concern dates it %q, want today", v.concernOn.Text)
	}
	v.concernOn.SetText("2026-12-01")
	test.Tap(v.saveBtn)
	if !strings.Contains(v.concernBad.Text, "is after today") {
		t.Errorf("a future concern date: %q", v.concernBad.Text)
	}
	v.concernOn.SetText("2026-11-20")
	test.Tap(v.saveBtn)
	reviewSettled(t, "the note to be saved", &v.busy, func() bool { return v.state.Text == "Saved." })
	n, err := st.SessionNote(context.Background(), sessions[0].ID)
	want := data.SessionNote{SessionID: sessions[0].ID, Covered: "Concert march, bars 1–32", WhatWorked: "Call and response warm-up",
		ConcernPassedOn: data.MustDate("2026-11-20")}
	if err != nil || n != want {
		t.Errorf("stored note %+v, %v", n, err)
	}
}

func TestReviewPanelOpensTheMentorsUnderReview(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	id := mentorOnRoster(t, st)
	places, _ := st.EnrollmentPlaces(ctx, data.ReviewFilter{MentorID: id})
	low := data.Feedback{EnrollmentID: places[0].EnrollmentID, Term: 1, GivenOn: testToday.AddDays(-3),
		Ratings: map[string]int{"preparation": 1, "rapport": 2, "musical_progress": 2, "punctuality": 1}}
	if _, err := st.SaveFeedback(ctx, low); err != nil {
		t.Fatal(err)
	}
	m, _ := st.Mentor(ctx, id)
	w, d := reviewWindow(t, st, 700, 500)
	var opened int64
	v := newReviewList(d, newDesk(st), func(mentorID int64) { opened = mentorID })
	w.SetContent(v.buildUI())
	v.reload()
	reviewSettled(t, "the review list", &v.busy, func() bool { return len(v.rows) > 0 })
	found := false
	for _, r := range v.rows {
		found = found || r.mentor.ID == id
	}
	if !found || !strings.HasPrefix(v.title.Text, "Mentors needing review (") {
		t.Fatalf("%s is not listed: %q %+v", m.Name(), v.title.Text, v.rows)
	}
	test.Tap(findButton(t, w, m.Name()))
	if opened != id {
		t.Errorf("tapping %s opened mentor %d", m.Name(), opened)
	}
}

func TestThresholdsPanelChecksAsYouType(t *testing.T) {
	st := demoStore(t)
	w, d := reviewWindow(t, st, 600, 400)
	v := newThresholdsView(d, st)
	w.SetContent(v.buildUI())
	v.reload()
	reviewSettled(t, "the thresholds", &v.busy, func() bool { return v.entries["review.min_feedback"].Text == "3" })
	e := v.entries["review.min_feedback"]
	e.SetText("6")
	if p := v.problems["review.min_feedback"]; !p.Visible() || p.Text != "6 is not an average from 1 to 5." {
		t.Errorf("min feedback 6: %q", p.Text)
	}
	e.SetText("3.5")
	v.entries["review.max_punctuality"].SetText("1")
	test.Tap(v.saveBtn)
	reviewSettled(t, "the save", &v.busy, func() bool { return v.state.Text == "Saved." })
	got, _ := st.ReviewThresholds(context.Background())
	if got != (data.ReviewThresholds{MinFeedback: 3.5, MinSurvey: 3, MaxPunctualityProblems: 1}) {
		t.Errorf("stored thresholds %+v", got)
	}
}

// TestScreenshotsReview writes goals.png and feedback.png (MENTORDESK_SCREENSHOTS).
func TestScreenshotsReview(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	ctx := context.Background()
	place := demoPlace(t, st)
	day := data.MustDate
	for _, g := range []data.Goal{
		{Group: "whole class", Text: "Play the concert march at tempo without rushing the middle section", TargetDate: day("2026-12-10"), RatingBefore: 2, RatingAfter: 4, Status: "achieved"},
		{Group: "trumpets", Text: "Clean entrances after the long rests", TargetDate: day("2026-12-10"), RatingBefore: 2, RatingAfter: 3, Status: "progressing"},
		{Group: "low brass", Text: "A fuller sound in the chorale", TargetDate: day("2027-03-12"), RatingBefore: 3, Status: "open"},
		{Group: "A.J. and K.", Text: "Lead the warm-up for the section", TargetDate: day("2027-03-12"), RatingBefore: 1, RatingAfter: 3, Status: "progressing"},
	} {
		g.EnrollmentID, g.SetBy = place.EnrollmentID, "pupils with the mentor"
		if _, err := st.SaveGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	w, d := reviewWindow(t, st, 1100, 620)
	gv := newGoalsView(d, st, place.EnrollmentID)
	w.SetContent(gv.buildUI())
	gv.reload()
	reviewSettled(t, "the goals", &gv.busy, func() bool { return len(gv.goals) == 4 })
	gv.list.Select(1)
	waitIdle()
	capture(t, w, dir, "goals")

	// A year of feedback and surveys for the mentor, the latest low enough for a review.
	places, _ := st.EnrollmentPlaces(ctx, data.ReviewFilter{MentorID: place.MentorID})
	rate := func(e int64, term int, on string, r ...int) {
		f := data.Feedback{EnrollmentID: e, Term: term, GivenOn: day(on), Ratings: map[string]int{}, Comment: "Thoughtful sectionals; the students ask for her."}
		for i, q := range data.FeedbackQuestions {
			f.Ratings[q] = r[i]
		}
		if _, err := st.SaveFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	survey := func(e int64, term int, on string, n int, a ...float64) {
		v := data.Survey{EnrollmentID: e, Term: term, TakenOn: day(on), Responses: n, Averages: map[string]float64{}}
		for i, q := range []string{"preparation", "rapport", "musical_progress", "enjoyment"} {
			v.Averages[q] = a[i]
		}
		if _, err := st.SaveSurvey(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	var last data.EnrollmentPlace
	for _, p := range places {
		if p.SchoolYear == 2025 && p.Terms >= 2 {
			rate(p.EnrollmentID, 1, "2025-11-12", 5, 5, 4, 5)
			rate(p.EnrollmentID, 2, "2026-03-14", 4, 5, 4, 4)
			survey(p.EnrollmentID, 1, "2025-11-14", 26, 4.5, 4.75, 4.25, 4.8)
			survey(p.EnrollmentID, 2, "2026-03-16", 24, 4.1, 4.3, 3.9, 4.4)
		}
		if p.SchoolYear == 2026 && last.EnrollmentID == 0 {
			last = p
		}
	}
	rate(last.EnrollmentID, 1, "2026-10-20", 3, 3, 3, 2)
	survey(last.EnrollmentID, 1, "2026-10-22", 22, 3.4, 3.25, 3.1, 3.6)
	rate(last.EnrollmentID, 2, "2026-11-18", 2, 2, 1, 2)
	if _, err := st.SaveReviewDecision(ctx, data.ReviewDecision{MentorID: place.MentorID, DecidedOn: day("2026-04-02"),
		Decision: "keep", Reason: "Annual review: strong feedback from both schools."}); err != nil {
		t.Fatal(err)
	}
	fw, fd := reviewWindow(t, st, 1100, 760)
	fv := newFeedbackView(fd, newDesk(st), place.MentorID)
	fw.SetContent(fv.buildUI())
	fv.reload()
	reviewSettled(t, "the feedback", &fv.busy, func() bool { return len(fv.r.feedback) > 0 })
	waitIdle()
	capture(t, fw, dir, "feedback")
}
