package app

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"mentordesk/data"
)

// The area's screenshots, the matching run off the UI goroutine, and the cohort shown when it
// is gone.

// TestScreenshotsMutual renders the matching screen of the sample cohort after a suggestion and a lock.
func TestScreenshotsMutual(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	_, w, m := openMutual(t)
	onUI(func() { m.tabs.SelectIndex(2) })
	suggestPairs(t, m)
	onUI(func() { m.matching.pairList.Select(1) })
	tap(m.matching.lockBtn)
	onUI(func() { m.matching.pairList.Select(0) })
	waitIdle()
	capture(t, w, dir, "mutual-matching")
}

func TestMutualMatchingRunsOffTheUIGoroutineAndCancels(t *testing.T) {
	_, _, m := openMutual(t)
	mt := m.matching
	// A cohort of 1,000 × 1,000 takes the matcher long enough to cancel it.
	tags := []string{"sight-reading", "composition", "assessment", "recruitment", "jazz improvisation", "technology",
		"classroom management", "advocacy", "instrument repair", "choral warm-ups", "parent communication", "conducting"}
	var big []data.Applicant
	for i := range 2000 {
		stage := data.Early
		if i%2 == 1 {
			stage = data.Experienced
		}
		pick := func(k int) []string { return []string{tags[(i*7+k)%len(tags)], tags[(i*11+3*k)%len(tags)]} }
		big = append(big, data.Applicant{ID: int64(100000 + i), CohortID: m.cd.cohort.ID, FirstName: "T", LastName: strconv.Itoa(i),
			CareerStage: stage, Strengths: pick(1), Passions: pick(2), Growth: pick(3)})
	}
	var before int
	onUI(func() {
		mt.people = big
		mt.res = data.MatchResult{}
		before = len(mt.res.Pairs)
		mt.onSuggest()
		if !mt.running() || !mt.activity.Visible() || mt.cancel.Disabled() {
			t.Fatal("a run shows no activity or offers no Cancel")
		}
	})
	tap(mt.cancel) // the window answers while the matcher works
	waitMutual(t, m, "the run to stop", func() bool { return !mt.running() })
	onUI(func() {
		if !strings.Contains(mt.note.Text, "cancelled") || len(mt.res.Pairs) != before {
			t.Errorf("after Cancel: %q, %d pairs", mt.note.Text, len(mt.res.Pairs))
		}
		if mt.activity.Visible() || !mt.cancel.Disabled() {
			t.Error("the activity indicator or Cancel stays on after cancelling")
		}
	})
}

func TestMutualFallsBackToTheFirstCohortWhenTheOneShownIsGone(t *testing.T) {
	_, _, m := openMutual(t)
	first := m.cohorts[0]
	m.cd.cohort.ID = 99999 // as if deleted elsewhere since it was shown
	m.reload()
	eventually(t, "the first cohort shown", func() bool { return m.busy.idle() && m.cd.cohort.ID == first.ID })
	if m.picker.Selected != first.Name || len(m.cd.applicants) == 0 {
		t.Errorf("picker %q with %d applicants; want %q with its applicants", m.picker.Selected, len(m.cd.applicants), first.Name)
	}
}
