package sqlite

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// enroll adds an enrollment of the mentor in "School/Classroom" in 2026-27: Focused has three
// terms, Season one.
func (o *org) enroll(mentor, at string, program data.Program) int64 {
	o.t.Helper()
	school, room, _ := strings.Cut(at, "/")
	e := data.Enrollment{Program: program, ClassroomID: o.room(school, room), MentorID: o.mentor(mentor), SchoolYear: 2026}
	events := []string{"2026-12-10", "2027-03-12", "2027-05-20"}
	counts, _ := data.SessionsRequired(program, false, 0)
	for i, n := range counts {
		e.Terms = append(e.Terms, data.Term{Index: i + 1, EventDate: data.MustDate(events[i]), Required: n})
	}
	id, err := o.s.CreateEnrollment(ctx, e, nil)
	if err != nil {
		o.t.Fatal(err)
	}
	return id
}

func rated(enrollment int64, term int, on string, r ...int) data.Feedback {
	f := data.Feedback{EnrollmentID: enrollment, Term: term, GivenOn: data.MustDate(on), Ratings: map[string]int{}}
	for i, q := range data.FeedbackQuestions {
		f.Ratings[q] = r[i]
	}
	return f
}

func problemFor(err error, field string) string {
	var ps data.Problems
	if !errors.As(err, &ps) {
		return ""
	}
	return ps.For(field)
}

func TestGoalsSaveRateAndDelete(t *testing.T) {
	o := newOrg(t)
	e := o.enroll("Ana", "Lincoln/Band", data.Focused)
	g := data.Goal{EnrollmentID: e, Group: "trumpets", Text: "Hold a steady tempo through the march", SetBy: "pupils with the mentor",
		TargetDate: data.MustDate("2026-12-10"), RatingBefore: 2, Status: "open"}
	id, err := o.s.SaveGoal(ctx, g)
	if err != nil {
		t.Fatal(err)
	}
	g.ID, g.RatingAfter, g.Status = id, 4, "achieved"
	if _, err := o.s.SaveGoal(ctx, g); err != nil {
		t.Fatal(err)
	}
	gs, err := o.s.Goals(ctx, e)
	if err != nil || len(gs) != 1 || gs[0] != g {
		t.Fatalf("goals = %+v, %v; want %+v", gs, err, g)
	}

	t.Run("a full name is refused gently and nothing is saved", func(t *testing.T) {
		bad := g
		bad.ID, bad.Text = 0, "Maria Gonzalez needs to count rests"
		_, err := o.s.SaveGoal(ctx, bad)
		if msg := problemFor(err, "text"); !strings.Contains(msg, "first name or initials") {
			t.Errorf("error %v, want the gentle full-name message on text", err)
		}
		if gs, _ := o.s.Goals(ctx, e); len(gs) != 1 {
			t.Errorf("%d goals after the refusal, want 1", len(gs))
		}
	})
	t.Run("a goal of a missing enrollment is not found", func(t *testing.T) {
		bad := g
		bad.ID, bad.EnrollmentID = 0, 999
		if _, err := o.s.SaveGoal(ctx, bad); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("error %v, want not found", err)
		}
	})
	if err := o.s.DeleteGoal(ctx, id); err != nil {
		t.Fatal(err)
	}
	if gs, _ := o.s.Goals(ctx, e); len(gs) != 0 {
		t.Errorf("%d goals after delete", len(gs))
	}
	if err := o.s.DeleteGoal(ctx, id); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second delete: %v, want not found", err)
	}
}

func TestSessionNoteKeepsOnlyTheConcernDate(t *testing.T) {
	o := newOrg(t)
	sid := o.session("Ana", "Lincoln/Band", "2026-10-05", data.Focused, data.Completed)
	n, err := o.s.SessionNote(ctx, sid)
	if err != nil || n != (data.SessionNote{SessionID: sid}) {
		t.Fatalf("note before any = %+v, %v", n, err)
	}
	n = data.SessionNote{SessionID: sid, Covered: "Concert march, bars 1–32", WhatWorked: "Call and response warm-up",
		ToChange: "Start with the hardest passage", ConcernPassedOn: data.MustDate("2026-10-05")}
	if err := o.s.SaveSessionNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if got, _ := o.s.SessionNote(ctx, sid); got != n {
		t.Errorf("note = %+v, want %+v", got, n)
	}
	if err := o.s.SaveSessionNote(ctx, data.SessionNote{SessionID: sid}); err != nil {
		t.Fatal(err)
	}
	var rows int
	o.s.r.QueryRow("SELECT count(*) FROM session_notes").Scan(&rows)
	if rows != 0 {
		t.Errorf("an emptied note left %d row(s)", rows)
	}
	if err := o.s.SaveSessionNote(ctx, data.SessionNote{SessionID: 999, Covered: "x"}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("note of a missing session: %v", err)
	}
}

func TestFeedbackIsOnePerTerm(t *testing.T) {
	o := newOrg(t)
	focused := o.enroll("Ana", "Lincoln/Band", data.Focused)
	season := o.enroll("Ana", "Adams/Choir", data.Season)
	other := o.enroll("Ben", "Adams/Band", data.Season)
	id, err := o.s.SaveFeedback(ctx, rated(focused, 1, "2026-12-12", 4, 5, 4, 5))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.s.SaveFeedback(ctx, rated(focused, 1, "2026-12-20", 3, 3, 3, 3)); !strings.Contains(problemFor(err, "term"), "term 1 already has feedback (given on 2026-12-12)") {
		t.Errorf("second feedback for term 1: %v", err)
	}
	if _, err := o.s.SaveFeedback(ctx, rated(season, 2, "2026-12-12", 3, 3, 3, 3)); !strings.Contains(problemFor(err, "term"), "has 1 term, so there is no term 2") {
		t.Errorf("term 2 of a Season: %v", err)
	}
	if _, err := o.s.SaveFeedback(ctx, rated(season, 1, "2026-12-01", 2, 3, 2, 3)); err != nil {
		t.Fatal(err)
	}
	if _, err := o.s.SaveFeedback(ctx, rated(other, 1, "2026-12-01", 5, 5, 5, 5)); err != nil {
		t.Fatal(err)
	}
	fixed := rated(focused, 1, "2026-12-12", 4, 5, 5, 5)
	fixed.ID, fixed.Comment = id, "Great concert prep"
	if _, err := o.s.SaveFeedback(ctx, fixed); err != nil {
		t.Fatalf("changing an entry: %v", err)
	}

	ana, err := o.s.Feedback(ctx, ReviewFilter{MentorID: o.mentor("Ana")})
	if err != nil || len(ana) != 2 {
		t.Fatalf("Ana's feedback = %d entries, %v; want 2", len(ana), err)
	}
	if ana[0].Place.School != "Adams" || ana[0].Place.Classroom != "Choir" || ana[1].Comment != "Great concert prep" || ana[1].Ratings["musical_progress"] != 5 {
		t.Errorf("Ana's feedback, oldest first: %+v", ana)
	}
	one, _ := o.s.Feedback(ctx, ReviewFilter{EnrollmentID: other})
	if len(one) != 1 || one[0].Place.MentorEmail != "ben@example.org" || one[0].Place.Terms != 1 {
		t.Errorf("enrollment filter: %+v", one)
	}
	if err := o.s.DeleteFeedback(ctx, id); err != nil {
		t.Fatal(err)
	}
	if left, _ := o.s.Feedback(ctx, ReviewFilter{}); len(left) != 2 {
		t.Errorf("%d entries after deleting one of 3", len(left))
	}
}

func TestSurveysKeepTheirAverages(t *testing.T) {
	o := newOrg(t)
	e := o.enroll("Ana", "Lincoln/Band", data.Focused)
	v := data.Survey{EnrollmentID: e, Term: 2, TakenOn: data.MustDate("2027-03-15"), Responses: 24,
		Averages: map[string]float64{"preparation": 4.25, "enjoyment": 4.8}}
	id, err := o.s.SaveSurvey(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	got, err := o.s.Surveys(ctx, ReviewFilter{EnrollmentID: e})
	if err != nil || len(got) != 1 || got[0].ID != id || got[0].Averages["preparation"] != 4.25 || got[0].Averages["enjoyment"] != 4.8 || len(got[0].Averages) != 2 {
		t.Fatalf("surveys = %+v, %v", got, err)
	}
	bad := v
	bad.Averages = map[string]float64{"rapport": 5.5}
	if _, err := o.s.SaveSurvey(ctx, bad); problemFor(err, "rapport") != "5.5 is not an average from 1 to 5" {
		t.Errorf("average 5.5: %v", err)
	}
	again := v
	if _, err := o.s.SaveSurvey(ctx, again); problemFor(err, "term") == "" {
		t.Errorf("second survey of term 2: %v", err)
	}
}

func TestReviewThresholdsAreStoredBesideTheSettings(t *testing.T) {
	s := newStore(t)
	got, err := s.ReviewThresholds(ctx)
	if err != nil || got != data.DefaultReviewThresholds() {
		t.Fatalf("thresholds before any = %+v, %v", got, err)
	}
	want := data.ReviewThresholds{MinFeedback: 3.5, MinSurvey: 2.75, MaxPunctualityProblems: 0}
	if err := s.SaveReviewThresholds(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReviewThresholds(ctx); got != want {
		t.Errorf("thresholds = %+v, want %+v", got, want)
	}
	err = s.SaveReviewThresholds(ctx, data.ReviewThresholds{MinFeedback: 6, MinSurvey: 3, MaxPunctualityProblems: -1})
	if problemFor(err, "review.min_feedback") != "6 is not an average from 1 to 5" || problemFor(err, "review.max_punctuality") == "" {
		t.Errorf("bad thresholds: %v", err)
	}
	if got, _ := s.ReviewThresholds(ctx); got != want {
		t.Errorf("a refused save changed the thresholds to %+v", got)
	}
	if _, err := s.Settings(ctx); err != nil {
		t.Errorf("settings no longer read once thresholds are stored: %v", err)
	}
}

func TestRosterReview(t *testing.T) {
	o := newOrg(t)
	on := data.MustDate("2026-11-22")
	e := o.enroll("Ana", "Lincoln/Band", data.Focused)
	o.enroll("Ben", "Adams/Band", data.Season)
	ana, ben := o.mentor("Ana"), o.mentor("Ben")

	if _, err := o.s.SaveFeedback(ctx, rated(e, 1, "2026-11-01", 3, 3, 2, 3)); err != nil {
		t.Fatal(err)
	}
	states, err := ops(o.s).RosterReview(ctx, on)
	if err != nil {
		t.Fatal(err)
	}
	if !states[ana].UnderReview || states[ben].UnderReview || len(states) != 2 {
		t.Fatalf("states = %+v", states)
	}
	if want := "Instructors' feedback averages 2.75, below 3.0, over 1 entry in the last 12 months"; states[ana].Reasons[0] != want {
		t.Errorf("reason %q", states[ana].Reasons[0])
	}

	t.Run("the stored thresholds are used", func(t *testing.T) {
		if err := o.s.SaveReviewThresholds(ctx, data.ReviewThresholds{MinFeedback: 2.5, MinSurvey: 3, MaxPunctualityProblems: 0}); err != nil {
			t.Fatal(err)
		}
		defer o.s.SaveReviewThresholds(ctx, data.DefaultReviewThresholds())
		st, err := ops(o.s).MentorReview(ctx, ana, on)
		if err != nil || st.UnderReview {
			t.Errorf("Ana at minimum 2.5: %+v, %v", st, err)
		}
		late := o.session("Ben", "Adams/Band", "2026-10-07", data.Season, data.Completed)
		if err := o.s.SetSessionStatus(ctx, late, data.Completed, "late"); err != nil {
			t.Fatal(err)
		}
		if n, _ := o.s.PunctualityProblems(ctx, ben, on.AddYears(-1).AddDays(1), on); n != 1 {
			t.Errorf("punctuality problems = %d, want 1", n)
		}
		st, _ = ops(o.s).MentorReview(ctx, ben, on)
		if !st.UnderReview || st.PunctualityProblems != 1 {
			t.Errorf("Ben with 1 late session and none tolerated: %+v", st)
		}
	})

	t.Run("a keep decision after the feedback settles it", func(t *testing.T) {
		d := data.ReviewDecision{MentorID: ana, DecidedOn: data.MustDate("2026-11-10"), Decision: "keep", Reason: "Spoke with the instructor"}
		if _, err := o.s.SaveReviewDecision(ctx, d); err != nil {
			t.Fatal(err)
		}
		st, _ := ops(o.s).MentorReview(ctx, ana, on)
		if st.UnderReview || st.Decision == nil || st.Decision.Reason != "Spoke with the instructor" {
			t.Errorf("after keep: %+v", st)
		}
		if _, err := o.s.SaveReviewDecision(ctx, data.ReviewDecision{MentorID: ana, DecidedOn: on, Decision: "fire", Reason: "x"}); problemFor(err, "decision") == "" {
			t.Errorf("decision fire: %v", err)
		}
		ds, _ := o.s.ReviewDecisions(ctx, ana)
		if len(ds) != 1 {
			t.Errorf("decisions = %+v", ds)
		}
	})
}

const feedbackCSV = `mentor_email,school,classroom,school_year,term,given_on,preparation,rapport,musical_progress,punctuality,comment
ana@example.org,Adams,Choir,2026-27,1,2026-10-20,3,4,3,5,
ana@example.org,Adams,Choir,2026-27,2,2027-01-20,4,4,4,5,"Better, and ""on time"""
ana@example.org,Lincoln,Band,2026-27,3,2027-05-22,5,5,4,5,=cheers
`

const surveysCSV = `mentor_email,school,classroom,school_year,term,taken_on,responses,preparation,rapport,musical_progress,enjoyment
ana@example.org,Lincoln,Band,2026-27,1,2026-12-14,28,4.25,4.5,3.75,4.9
ana@example.org,Adams,Choir,2026-27,2,2027-01-21,12,,3,,2.5
`

func TestFeedbackAndSurveysImportAndExportRoundTrip(t *testing.T) {
	o := newOrg(t)
	first := o.enroll("Ana", "Adams/Choir", data.Season)
	second := o.enroll("Ana", "Adams/Choir", data.Season) // an extra season: the file's term 2
	o.enroll("Ana", "Lincoln/Band", data.Focused)

	for _, c := range []struct {
		kind csvio.Kind
		in   string
	}{{csvio.Feedback, feedbackCSV}, {csvio.Surveys, surveysCSV}} {
		sum, err := o.s.Import(ctx, c.kind, string(c.kind)+".csv", strings.NewReader(c.in), "")
		if err != nil {
			t.Fatalf("import %s: %v", c.kind, err)
		}
		if want := strings.Count(c.in, "\n") - 1; sum.Added != want {
			t.Errorf("%s: %s", c.kind, sum)
		}
		var out bytes.Buffer
		if _, err := o.s.Export(ctx, c.kind, &out, "", ""); err != nil {
			t.Fatal(err)
		}
		want := strings.Replace(c.in, ",=cheers", ",'=cheers", 1)
		if out.String() != strings.ReplaceAll(want, "\n", "\r\n") && out.String() != want {
			t.Errorf("%s export:\n%s\nwant:\n%s", c.kind, out.String(), want)
		}
		again, err := o.s.Import(ctx, c.kind, "again.csv", strings.NewReader(out.String()), "")
		if err != nil || again.Added != 0 || again.Updated != sum.Added {
			t.Errorf("re-import of the export: %s, %v", again, err)
		}
	}
	if fs, _ := o.s.Feedback(ctx, ReviewFilter{EnrollmentID: second}); len(fs) != 1 || fs[0].Term != 1 || fs[0].Comment != `Better, and "on time"` {
		t.Errorf("the second season's feedback: %+v", fs)
	}
	if fs, _ := o.s.Feedback(ctx, ReviewFilter{EnrollmentID: first}); len(fs) != 1 || fs[0].GivenOn != data.MustDate("2026-10-20") {
		t.Errorf("the first season's feedback: %+v", fs)
	}

	t.Run("a row naming no enrollment fails the whole file", func(t *testing.T) {
		in := strings.Replace(feedbackCSV, "2027-01-20,4,4,4,5", "2027-01-20,1,1,1,1", 1) +
			"ben@example.org,Adams,Choir,2026-27,1,2026-10-20,3,3,3,3,\n" +
			"ana@example.org,Adams,Choir,2025-26,1,2025-10-20,3,3,3,3,\n"
		_, err := o.s.Import(ctx, csvio.Feedback, "feedback.csv", strings.NewReader(in), "")
		if err == nil {
			t.Fatal("imported a file with bad rows")
		}
		for _, want := range []string{
			`feedback.csv:5: mentor_email: no mentor with e-mail "ben@example.org" (import mentors first)`,
			"feedback.csv:6: school_year: ana@example.org has no enrollment in Choir at Adams in 2025-26 (plan it in Programs first)",
		} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("errors lack %q:\n%s", want, err)
			}
		}
		in = strings.Replace(feedbackCSV, "2027-01-20,4,4,4,5", "2027-01-20,9,1,1,1", 1)
		if _, err := o.s.Import(ctx, csvio.Feedback, "feedback.csv", strings.NewReader(in), ""); err == nil ||
			err.Error() != "feedback.csv:3: preparation: 9 is not a rating from 1 to 5" {
			t.Errorf("rating 9: %v", err)
		}
		if fs, _ := o.s.Feedback(ctx, ReviewFilter{EnrollmentID: second}); fs[0].Ratings["preparation"] != 4 {
			t.Error("a failed import changed a row")
		}
	})
	t.Run("a term past the enrollment's is refused", func(t *testing.T) {
		in := "mentor_email,school,classroom,school_year,term,given_on,preparation,rapport,musical_progress,punctuality,comment\n" +
			"ana@example.org,Adams,Choir,2026-27,3,2027-04-20,3,3,3,3,\n"
		_, err := o.s.Import(ctx, csvio.Feedback, "f.csv", strings.NewReader(in), "")
		if err == nil || !strings.Contains(err.Error(), "f.csv:2: term: the mentor's enrollment in Choir in 2026-27 has 2 terms, so there is no term 3") {
			t.Errorf("error %v", err)
		}
	})
}

func TestGoalsExportSaysItHoldsPupilInformation(t *testing.T) {
	o := newOrg(t)
	e := o.enroll("Ana", "Lincoln/Band", data.Focused)
	if _, err := o.s.SaveGoal(ctx, data.Goal{EnrollmentID: e, Group: "A.B. and C.", Text: "Play the scale in one breath",
		SetBy: "pupils with the mentor", RatingBefore: 2, Status: "progressing"}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	n, err := o.s.Export(ctx, csvio.Goals, &out, "", "")
	if err != nil || n != 1 {
		t.Fatalf("export goals: %d, %v", n, err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"# Contains pupil information: keep within the organisation; never share with schools.",
		"school,classroom,school_year,group,goal,set_by,target_date,rating_before,rating_after,status",
		"Lincoln,Band,2026-27,A.B. and C.,Play the scale in one breath,pupils with the mentor,,2,,progressing",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("goals export:\n%s", out.String())
	}
	if _, err := o.s.Import(ctx, csvio.Goals, "goals.csv", strings.NewReader(out.String()), ""); err == nil {
		t.Error("goals were imported; they are exported only")
	}
}

// TestNotesAndGoalsStayOutOfEveryOtherExport: no export a school could receive carries a
// goal, a reflection or a feedback comment.
func TestNotesAndGoalsStayOutOfEveryOtherExport(t *testing.T) {
	o := newOrg(t)
	e := o.enroll("Ana", "Lincoln/Band", data.Focused)
	sid := o.confirmed("Ana", "Lincoln/Band", "2026-10-05")
	const secret = "Quokka"
	if _, err := o.s.SaveGoal(ctx, data.Goal{EnrollmentID: e, Text: secret + " goal", Status: "open"}); err != nil {
		t.Fatal(err)
	}
	if err := o.s.SaveSessionNote(ctx, data.SessionNote{SessionID: sid, Covered: secret, WhatWorked: secret, ToChange: secret}); err != nil {
		t.Fatal(err)
	}
	o.issue("2026-10-31")
	for _, k := range append(append([]csvio.Kind(nil), csvio.Kinds...), csvio.Payments) {
		var out bytes.Buffer
		if _, err := o.s.Export(ctx, k, &out, t.TempDir(), "photos/"); err != nil {
			t.Fatalf("export %s: %v", k, err)
		}
		if strings.Contains(out.String(), secret) {
			t.Errorf("the %s export holds a goal or a session note:\n%s", k, out.String())
		}
	}
}
