package app

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mentordesk/cmd/mentordesk/script"
	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// Each operation the window and the scripting commands share is driven here from both, over
// one database file: the two must agree.

// command runs a scripting command over the database file of st, as a director would from a
// terminal while the window has the file open.
func command(t *testing.T, st *sqlite.Store, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := script.Run(append([]string{"--db", st.Path()}, args...), script.Env{Stdout: &out, Stderr: &errb, Today: testToday})
	return code, out.String() + errb.String()
}

// rosterText is the text of the roster handout the command line writes for testToday.
func rosterText(t *testing.T, st *sqlite.Store) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "roster.pdf")
	if code, msg := command(t, st, "report", "roster", "--on", testToday.String(), "--out", path); code != 0 {
		t.Fatalf("report roster: exit %d: %s", code, msg)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	return string(out)
}

func TestMinFeedbackPutsTheSameMentorUnderReviewEverywhere(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	ops := newDesk(st)
	// A mentor on the roster handout whose instructors rate them between 3 and 4.5.
	handout, err := ops.RosterMentors(ctx, data.RosterFilter{On: testToday})
	if err != nil {
		t.Fatal(err)
	}
	places, _ := st.EnrollmentPlaces(ctx, data.ReviewFilter{})
	i := slices.IndexFunc(handout, func(m data.Mentor) bool {
		return slices.ContainsFunc(places, func(p data.EnrollmentPlace) bool { return p.MentorID == m.ID && p.SchoolYear == 2026 })
	})
	if i < 0 {
		t.Fatal("no sample mentor on the roster with an enrollment this year")
	}
	place := places[slices.IndexFunc(places, func(p data.EnrollmentPlace) bool { return p.MentorID == handout[i].ID && p.SchoolYear == 2026 })]
	// Their instructor rates them 4 of 5: good by the default 3.0, under review by 4.5.
	four := map[string]int{"preparation": 4, "rapport": 4, "musical_progress": 4, "punctuality": 4}
	if _, err := st.SaveFeedback(ctx, data.Feedback{EnrollmentID: place.EnrollmentID, Term: 1, GivenOn: testToday.AddDays(-3), Ratings: four}); err != nil {
		t.Fatal(err)
	}
	mentor, _ := st.Mentor(ctx, handout[i].ID)
	if !strings.Contains(rosterText(t, st), mentor.Name()) {
		t.Fatalf("%s is not on the roster handout before the change", mentor.Name())
	}

	if err := st.SaveReviewThresholds(ctx, data.ReviewThresholds{MinFeedback: 4.5, MinSurvey: 3, MaxPunctualityProblems: 2}); err != nil {
		t.Fatal(err)
	}
	t.Run("the mentor page", func(t *testing.T) {
		_, _, m := openMentorsArea(t, st)
		p := openPage(t, m, mentor.Email)
		landed(t, "the roster review", &m.busy, func() bool { return p.history.review.Text != "" })
		if got := p.history.review.Text; got != "Under review" {
			t.Errorf("the mentor page says %q; want Under review", got)
		}
	})
	t.Run("the feedback panel", func(t *testing.T) {
		v, _ := openFeedback(t, st, mentor.ID)
		if v.badge.Text != "Under review" {
			t.Errorf("the feedback panel says %q; want Under review", v.badge.Text)
		}
	})
	t.Run("the roster handout of the command line", func(t *testing.T) {
		if strings.Contains(rosterText(t, st), mentor.Name()) {
			t.Errorf("%s, under review, is still on the roster handout", mentor.Name())
		}
	})
}

// sampleCohort is the sample organisation's cohort and its applicants.
func sampleCohort(t *testing.T, st *sqlite.Store) (data.Cohort, []data.Applicant) {
	t.Helper()
	cs, err := st.Cohorts(context.Background())
	if err != nil || len(cs) == 0 {
		t.Fatalf("no sample cohort (%v)", err)
	}
	as, err := st.Applicants(context.Background(), cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return cs[0], as
}

func TestReMatchingFromTheWindowOrTheCommandKeepsAgreedTerms(t *testing.T) {
	st, _, m := openMutual(t)
	ctx := context.Background()
	cohort := m.cd.cohort
	if code, msg := command(t, st, "match", "--cohort", cohort.Name, "--apply"); code != 0 {
		t.Fatalf("match --apply: exit %d: %s", code, msg)
	}
	onUI(func() { m.reload() })
	waitMutual(t, m, "the pairs matched on the command line", func() bool { return len(m.cd.pairs) == 6 && len(m.pairs.rows) == 6 })

	// The pair agree their terms on the Pairs tab.
	v := m.pairs
	onUI(func() {
		m.tabs.SelectIndex(2)
		v.list.Select(0)
	})
	waitMutual(t, m, "the first pair open", func() bool { return v.current == v.rows[0].pair.ID })
	agreed := v.rows[0].pair
	onUI(func() {
		v.frequency.SetText("Every two weeks")
		v.topics.SetTags([]string{"classroom management", "sight-reading"})
	})
	saved := false
	onUI(func() { v.saveAgreement(func(ok bool) { saved = ok }) })
	waitMutual(t, m, "the terms saved", func() bool { return saved })

	kept := func(who string) {
		t.Helper()
		pairs, err := st.Pairs(ctx, cohort.ID)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(pairs, func(p data.Pair) bool {
			return p.EarlyID == agreed.EarlyID && p.ExperiencedID == agreed.ExperiencedID
		})
		if i < 0 {
			t.Fatalf("after %s the pair is gone: %+v", who, pairs)
		}
		if p := pairs[i]; p.Frequency != "Every two weeks" || !slices.Equal(p.Topics, []string{"classroom management", "sight-reading"}) {
			t.Errorf("after %s the pair meets %q on %q; want their agreed terms", who, p.Frequency, p.Topics)
		}
	}
	kept("saving on the Pairs tab")

	if code, msg := command(t, st, "match", "--cohort", cohort.Name, "--apply"); code != 0 {
		t.Fatalf("match --apply again: exit %d: %s", code, msg)
	}
	kept("match --apply on the command line")

	onUI(func() { m.reload() })
	waitMutual(t, m, "the cohort again", func() bool { return len(m.cd.pairs) == 6 })
	mt := m.matching
	suggestPairs(t, m)
	applied := false
	onUI(func() { mt.applyNow(func(ok bool) { applied = ok }) })
	waitMutual(t, m, "the matching applied", func() bool { return applied })
	kept("Apply on the Matching tab")
}

func TestPairedApplicantKeepsCareerStageFromTheWindowAndTheImport(t *testing.T) {
	st, _, m := openMutual(t)
	cohort, _ := sampleCohort(t, st)
	if code, msg := command(t, st, "match", "--cohort", cohort.Name, "--apply"); code != 0 {
		t.Fatalf("match --apply: exit %d: %s", code, msg)
	}
	pairs, _ := st.Pairs(context.Background(), cohort.ID)
	_, as := sampleCohort(t, st)
	i := slices.IndexFunc(as, func(a data.Applicant) bool { return a.ID == pairs[0].EarlyID })
	paired := as[i]

	t.Run("the intake form", func(t *testing.T) {
		onUI(func() { m.reload() })
		waitMutual(t, m, "the pairs", func() bool { return len(m.cd.pairs) > 0 })
		in := m.intake
		onUI(func() {
			m.tabs.SelectIndex(1)
			in.edit(paired)
			in.stage.SetSelected("Experienced")
		})
		tap(widgetButton(t, in.pane, "Save applicant"))
		waitMutual(t, m, "the refusal", func() bool { return in.form.problems["career_stage"].Text != "" })
		if got := in.form.problems["career_stage"].Text; !strings.Contains(got, "in a pair") {
			t.Errorf("career stage problem %q", got)
		}
	})
	t.Run("import applicants on the command line", func(t *testing.T) {
		csv := "cohort,first_name,last_name,email,school,career_stage,years_teaching,strengths,passions,growth\n" +
			cohort.Name + "," + paired.FirstName + "," + paired.LastName + "," + paired.Email + "," + paired.School + ",experienced,12,,,\n"
		path := filepath.Join(t.TempDir(), "applicants.csv")
		if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		code, msg := command(t, st, "import", "applicants", path)
		if code != 1 || !strings.Contains(msg, "applicants.csv:2") || !strings.Contains(msg, "in a pair") {
			t.Errorf("import: exit %d, %q; want 1 naming line 2 and the pair", code, msg)
		}
	})
	_, after := sampleCohort(t, st)
	if j := slices.IndexFunc(after, func(a data.Applicant) bool { return a.ID == paired.ID }); after[j].CareerStage != data.Early {
		t.Errorf("the paired applicant became %s", after[j].CareerStage)
	}
}

func TestCohortTermIsTheSameFromTheImportAndTheWindow(t *testing.T) {
	st, _, m := openMutual(t)
	ctx := context.Background()
	csv := "cohort,first_name,last_name,email,school,career_stage,years_teaching,strengths,passions,growth\n" +
		"Winter 2027,Mai,Nakamura,mai@example.org,Kellogg Middle School,early,2,,,\n"
	path := filepath.Join(t.TempDir(), "applicants.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, msg := command(t, st, "import", "applicants", path); code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	imported, err := st.CohortByName(ctx, "Winter 2027")
	if err != nil {
		t.Fatal(err)
	}
	if imported.End != data.CohortTermEnd(imported.Start) {
		t.Errorf("the import's cohort runs %s to %s; want the six-month term", imported.Start, imported.End)
	}

	onUI(func() { m.reload() })
	waitMutual(t, m, "the imported cohort", func() bool { return slices.Contains(m.picker.Options, "Winter 2027") })
	onUI(func() { m.picker.SetSelected("Winter 2027") })
	waitMutual(t, m, "the imported cohort shown", func() bool { return m.cd.cohort.ID == imported.ID })
	term := m.term
	start := data.MustDate("2027-01-11")
	onUI(func() {
		term.start.SetText(start.String())
		term.end.SetText("")
		term.wrapUp.SetText(start.AddMonths(7).String())
	})
	saved := false
	onUI(func() { term.saveEdits(func(ok bool) { saved = ok }) })
	waitMutual(t, m, "the refusal", func() bool { return term.form.problems["wrap_up_on"].Text != "" })
	if got := term.form.problems["wrap_up_on"].Text; saved || !strings.Contains(got, "outside the term") {
		t.Errorf("a wrap-up after the term: saved %v, %q", saved, got)
	}
	onUI(func() { term.wrapUp.SetText(start.AddMonths(6).AddDays(-3).String()) })
	onUI(func() { term.saveEdits(func(ok bool) { saved = ok }) })
	waitMutual(t, m, "the cohort saved", func() bool { return saved })
	c, _ := st.CohortByName(ctx, "Winter 2027")
	if c.Start != start || c.End != data.CohortTermEnd(start) {
		t.Errorf("the window saved %s to %s; want the same six-month term as the import", c.Start, c.End)
	}
}
