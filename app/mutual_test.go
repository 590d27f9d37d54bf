package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// openMutual opens the Mutual Mentorship area on the sample organisation's cohort: seven
// early-career and six experienced teachers, not yet matched.
func openMutual(t *testing.T) (*sqlite.Store, fyne.Window, *mutual) {
	t.Helper()
	st := demoStore(t)
	w, sh := testWindow(t, st)
	onUI(func() { sh.show("Mutual Mentorship") })
	m := sh.current.scr.(*mutual)
	t.Cleanup(func() { quiesce(&m.busy) }) // late loads must not touch Fyne's caches in the next test
	waitMutual(t, m, "the demo cohort", func() bool { return m.cd.cohort.ID != 0 && len(m.cd.applicants) == 13 })
	return st, w, m
}

// onUI runs f as the UI goroutine would, never while a load or save is landing: Fyne's test
// driver runs each landing on its own goroutine.
func onUI(f func()) {
	runUI()
	f()
}

func tap(b fyne.Tappable) { onUI(func() { test.Tap(b) }) }

func typeIn(e fyne.Focusable, text string) { onUI(func() { test.Type(e, text) }) }

// waitMutual waits for the area's loads and saves to land and cond to hold.
func waitMutual(t *testing.T, m *mutual, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		var ok bool
		onUI(func() { ok = m.busy.idle() && cond() })
		if ok {
			return
		}
		pause(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// suggestPairs taps Suggest pairs and waits for the run to land.
func suggestPairs(t *testing.T, m *mutual) {
	t.Helper()
	mt := m.matching
	onUI(func() { mt.note.SetText("") })
	tap(mt.suggest)
	waitMutual(t, m, "suggested pairs", func() bool { return !mt.running() && strings.HasPrefix(mt.note.Text, "Suggested") })
}

func pairOf(res data.MatchResult, earlyID int64) (data.SuggestedPair, bool) {
	i := slices.IndexFunc(res.Pairs, func(p data.SuggestedPair) bool { return p.Early.ID == earlyID })
	if i < 0 {
		return data.SuggestedPair{}, false
	}
	return res.Pairs[i], true
}

func TestMutualMatchingSuggestsPairsForDemoCohort(t *testing.T) {
	_, _, m := openMutual(t)
	mt := m.matching
	onUI(func() { m.tabs.SelectIndex(2) })
	if mt.apply.Disabled() == false {
		t.Error("Apply is enabled before anything was suggested")
	}
	suggestPairs(t, m)
	want, err := data.Match(data.MatchInput{Applicants: m.cd.applicants})
	if err != nil {
		t.Fatal(err)
	}
	onUI(func() {
		if len(mt.res.Pairs) != 6 || len(mt.res.UnmatchedEarly) != 1 || len(mt.others) != 1 {
			t.Fatalf("%d pairs, %d unmatched early-career; want 6 and 1", len(mt.res.Pairs), len(mt.res.UnmatchedEarly))
		}
		if mt.res.Total != want.Total {
			t.Errorf("total score %v; want the optimum %v", mt.res.Total, want.Total)
		}
		for _, p := range mt.res.Pairs {
			if p.Reasons == "" || p.Reasons == "no shared tags" && p.Score > 0 {
				t.Errorf("%s – %s shows no reasons for score %v", p.Early.Name(), p.Experienced.Name(), p.Score)
			}
		}
		if mt.pairList.Length() != 6 {
			t.Errorf("the pair list shows %d rows", mt.pairList.Length())
		}
		if !strings.Contains(mt.status.Text, "6 pairs") || !strings.Contains(mt.status.Text, "not applied yet") || mt.apply.Disabled() {
			t.Errorf("status %q, apply disabled %v", mt.status.Text, mt.apply.Disabled())
		}
		if mt.activity.Visible() || !mt.cancel.Disabled() {
			t.Error("the activity indicator or Cancel stays on after the run")
		}
		if m.unsaved() == "" {
			t.Error("suggested pairs not applied are not reported as unsaved")
		}
	})
}

func TestMutualLockAndRerunKeepsLockedPair(t *testing.T) {
	_, _, m := openMutual(t)
	mt := m.matching
	suggestPairs(t, m)
	var best float64
	var early, worst data.Applicant
	onUI(func() {
		best = mt.res.Total
		// Pair the first early-career teacher with the partner that costs the most.
		early = mt.res.Pairs[0].Early
		mt.pairList.Select(0)
		low := -1.0
		for _, x := range mt.swapWith {
			if s, _ := data.MatchScore(early, x); low < 0 || s < low {
				low, worst = s, x
			}
		}
		mt.swap.SetSelectedIndex(slices.IndexFunc(mt.swapWith, func(a data.Applicant) bool { return a.ID == worst.ID }))
	})
	onUI(func() {
		p, ok := pairOf(mt.res, early.ID)
		if !ok || p.Experienced.ID != worst.ID || !p.Locked {
			t.Fatalf("after the swap %s's pair is %+v; want %s, locked", early.Name(), p, worst.Name())
		}
	})
	suggestPairs(t, m)
	var lockedTotal float64
	onUI(func() {
		p, ok := pairOf(mt.res, early.ID)
		if !ok || p.Experienced.ID != worst.ID || !p.Locked {
			t.Fatalf("the re-run dropped the locked pair %s – %s", early.Name(), worst.Name())
		}
		lockedTotal = mt.res.Total
		mt.pairList.Select(slices.IndexFunc(mt.res.Pairs, func(p data.SuggestedPair) bool { return p.Early.ID == early.ID }))
		if mt.lockBtn.Text != "Unlock pair" {
			t.Fatalf("the locked pair offers %q", mt.lockBtn.Text)
		}
	})
	tap(mt.lockBtn)
	suggestPairs(t, m)
	onUI(func() {
		if mt.res.Total != best {
			t.Errorf("after unlocking, the re-run total is %v; want the optimum %v", mt.res.Total, best)
		}
		if lockedTotal > best {
			t.Errorf("a locked total %v beats the optimum %v", lockedTotal, best)
		}
		mt.pairList.Select(2)
	})
	tap(mt.lockBtn)
	onUI(func() {
		if !mt.res.Pairs[2].Locked || !strings.Contains(mt.status.Text, "1 locked") {
			t.Errorf("Lock pair did not lock: %q", mt.status.Text)
		}
	})
}

func TestMutualExcludeRemovesApplicant(t *testing.T) {
	_, _, m := openMutual(t)
	mt := m.matching
	suggestPairs(t, m)
	var gone data.Applicant
	onUI(func() {
		mt.pairList.Select(0)
		gone = mt.res.Pairs[0].Early
		if !strings.Contains(mt.exclude[0].Text, gone.FirstName) {
			t.Fatalf("the first exclude button reads %q", mt.exclude[0].Text)
		}
	})
	tap(mt.exclude[0])
	waitMutual(t, m, "the re-run after excluding", func() bool { return !mt.running() && strings.HasPrefix(mt.note.Text, "Suggested") })
	onUI(func() {
		for _, p := range mt.res.Pairs {
			if p.Early.ID == gone.ID {
				t.Errorf("the excluded %s is still paired", gone.Name())
			}
		}
		if slices.ContainsFunc(mt.res.UnmatchedEarly, func(a data.Applicant) bool { return a.ID == gone.ID }) {
			t.Errorf("the excluded %s is listed as unmatched", gone.Name())
		}
		if len(mt.res.Pairs) != 6 || len(mt.res.UnmatchedEarly) != 0 {
			t.Errorf("%d pairs, %d unmatched; want 6 and 0 with six early-career left", len(mt.res.Pairs), len(mt.res.UnmatchedEarly))
		}
		if len(mt.others) != 1 || mt.others[0].ID != gone.ID || !mt.others[0].Excluded {
			t.Errorf("the others list %v; want only the excluded %s", mt.others, gone.Name())
		}
		if !strings.Contains(mt.status.Text, "1 excluded") {
			t.Errorf("status %q", mt.status.Text)
		}
	})
}

func TestMutualSwapUpdatesScore(t *testing.T) {
	_, _, m := openMutual(t)
	mt := m.matching
	suggestPairs(t, m)
	onUI(func() {
		mt.pairList.Select(1)
		before := mt.res.Pairs[1]
		// An unmatched or paired partner other than the current one; the first offered.
		next := mt.swapWith[0]
		var displaced data.Applicant
		for _, p := range mt.res.Pairs {
			if p.Experienced.ID == next.ID {
				displaced = p.Early
			}
		}
		want, reasons := data.MatchScore(before.Early, next)
		mt.swap.SetSelectedIndex(0)
		after, _ := pairOf(mt.res, before.Early.ID)
		if after.Experienced.ID != next.ID || after.Score != want || after.Reasons != reasons {
			t.Fatalf("after the swap: %s with %s, score %v; want %s, %v", after.Early.Name(), after.Experienced.Name(), after.Score, next.Name(), want)
		}
		if !slices.ContainsFunc(mt.res.UnmatchedExperienced, func(a data.Applicant) bool { return a.ID == before.Experienced.ID }) {
			t.Errorf("the displaced %s is not unmatched", before.Experienced.Name())
		}
		if displaced.ID != 0 && !slices.ContainsFunc(mt.res.UnmatchedEarly, func(a data.Applicant) bool { return a.ID == displaced.ID }) {
			t.Errorf("%s, who lost their partner, is not unmatched", displaced.Name())
		}
		sum := 0.0
		for _, p := range mt.res.Pairs {
			sum += p.Score
		}
		if mt.res.Total != sum || !strings.Contains(mt.status.Text, "total score "+scoreText(sum)) {
			t.Errorf("total %v, status %q; want %v", mt.res.Total, mt.status.Text, sum)
		}
		if !strings.Contains(mt.note.Text, next.Name()) {
			t.Errorf("the note %q does not say who was paired", mt.note.Text)
		}
	})
}

func TestMutualApplyStoresPairs(t *testing.T) {
	st, _, m := openMutual(t)
	mt := m.matching
	suggestPairs(t, m)
	var lockedEarly int64
	onUI(func() {
		mt.pairList.Select(0)
		lockedEarly = mt.res.Pairs[0].Early.ID
	})
	tap(mt.lockBtn)
	tap(mt.apply)
	waitMutual(t, m, "the pairs applied", func() bool { return len(m.cd.pairs) == 6 && m.unsaved() == "" })
	pairs, err := st.Pairs(context.Background(), m.cd.cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	locked := 0
	for _, p := range pairs {
		if p.Locked {
			locked++
			if p.EarlyID != lockedEarly {
				t.Errorf("the wrong pair is stored as locked")
			}
		}
		if p.Reasons == "" {
			t.Error("a pair stored without reasons")
		}
	}
	if len(pairs) != 6 || locked != 1 {
		t.Errorf("%d pairs stored, %d locked; want 6 and 1", len(pairs), locked)
	}
	onUI(func() {
		if !mt.apply.Disabled() || !strings.Contains(mt.status.Text, "as stored") {
			t.Errorf("after apply: status %q", mt.status.Text)
		}
		if len(m.pairs.rows) != 6 {
			t.Errorf("the Pairs tab shows %d pairs", len(m.pairs.rows))
		}
	})
}

func TestMutualIntakeForm(t *testing.T) {
	st, _, m := openMutual(t)
	in := m.intake
	onUI(func() { m.tabs.SelectIndex(1) })
	tap(widgetButton(t, in.pane, "Save applicant"))
	onUI(func() {
		if !in.form.problems["first_name"].Visible() || !strings.Contains(in.form.problems["career_stage"].Text, "choose early-career") {
			t.Errorf("saving an empty form shows no problems: %q", in.form.problems["career_stage"].Text)
		}
	})
	typeIn(in.first, "Mai")
	typeIn(in.last, "Nakamura")
	typeIn(in.email, "mai@")
	onUI(func() {
		if got := in.form.problems["email"].Text; !strings.Contains(got, "not an e-mail address") {
			t.Errorf("a bad e-mail shows %q beside it", got)
		}
	})
	onUI(func() { in.email.SetText("") })
	typeIn(in.email, "mai.nakamura@example.org")
	typeIn(in.years, "two")
	onUI(func() {
		if got := in.form.problems["years_teaching"].Text; !strings.Contains(got, "not a whole number") {
			t.Errorf("years 'two' shows %q", got)
		}
		in.years.SetText("2")
		in.stage.SetSelected("Early-career")
	})
	typeIn(in.strengths.Entry(), "sight")
	onUI(func() {
		if hints := in.strengths.Hints(); !slices.Contains(hints, "sight-reading") {
			t.Errorf("typing 'sight' suggests %q; want sight-reading from other applicants", hints)
		}
		in.growth.Add("classroom management")
	})
	tap(widgetButton(t, in.pane, "sight-reading")) // the suggestion under the entry
	onUI(func() {
		if !slices.Equal(in.strengths.Tags(), []string{"sight-reading"}) || in.strengths.Entry().Text != "" {
			t.Errorf("picking the suggestion gives %q, %q typed", in.strengths.Tags(), in.strengths.Entry().Text)
		}
		if in.form.problems["email"].Visible() || in.unsaved() == "" {
			t.Errorf("a good form still shows %q, unsaved %q", in.form.problems["email"].Text, in.unsaved())
		}
	})
	tap(widgetButton(t, in.pane, "Save applicant"))
	waitMutual(t, m, "the new applicant", func() bool { return len(m.cd.applicants) == 14 })
	as, _ := st.Applicants(context.Background(), m.cd.cohort.ID)
	i := slices.IndexFunc(as, func(a data.Applicant) bool { return a.Email == "mai.nakamura@example.org" })
	if i < 0 || as[i].CareerStage != data.Early || as[i].YearsTeaching != 2 || !slices.Equal(as[i].Strengths, []string{"sight-reading"}) {
		t.Fatalf("stored %+v", as)
	}
	// The same e-mail again is refused beside the field, and nothing is added.
	onUI(func() { in.onNew() })
	typeIn(in.first, "Mai")
	typeIn(in.last, "Again")
	typeIn(in.email, "MAI.NAKAMURA@example.org")
	onUI(func() { in.stage.SetSelected("Experienced") })
	tap(widgetButton(t, in.pane, "Save applicant"))
	waitMutual(t, m, "the duplicate refused", func() bool { return strings.Contains(in.form.problems["email"].Text, "already applied") })
	if as, _ := st.Applicants(context.Background(), m.cd.cohort.ID); len(as) != 14 {
		t.Errorf("%d applicants after a refused duplicate; want 14", len(as))
	}
}

func TestMutualPairsMilestonesMeetingsAndDecisions(t *testing.T) {
	st, _, m := openMutual(t)
	suggestPairs(t, m)
	tap(m.matching.apply)
	waitMutual(t, m, "the pairs applied", func() bool { return len(m.pairs.rows) == 6 })
	onUI(func() { m.tabs.SelectIndex(3) })
	v := m.pairs
	var pairID int64
	onUI(func() {
		r := v.rows[0]
		pairID = r.pair.ID
		// The cohort started 2026-10-01; on 2026-11-22 no pair has met, so the one-month check-in is missed.
		if got := data.MissedMilestones(r.milestones); got != "one-month check-in missed" {
			t.Errorf("milestones on %s: %q", testToday, got)
		}
		if v.current != pairID {
			t.Fatalf("the first pair is not shown")
		}
		v.mDate.SetText("2026-10-20")
		v.mTopics.Add("assessment")
		v.mNote.SetText("Planned a rubric for the winter concert.")
		v.frequency.SetText("Every two weeks")
		v.topics.Add("assessment")
		v.earlyDec.SetSelected("Continue")
		v.expDec.SetSelected("End")
		if v.unsaved() == "" {
			t.Error("typed agreement not reported unsaved")
		}
	})
	tap(widgetButton(t, v.pane, "Log meeting"))
	waitMutual(t, m, "the meeting logged", func() bool { return len(v.rows) == 6 && len(m.cd.meetings[pairID]) == 1 })
	onUI(func() {
		r, _ := v.row()
		if r.milestones[0].MetOn != data.MustDate("2026-10-20") || data.MissedMilestones(r.milestones) != "" {
			t.Errorf("after logging 2026-10-20: %q", data.MissedMilestones(r.milestones))
		}
		if v.frequency.Text != "Every two weeks" {
			t.Error("logging a meeting lost the agreement being typed")
		}
	})
	tap(widgetButton(t, v.pane, "Save agreement"))
	waitMutual(t, m, "the agreement saved", func() bool { return v.saved.Text == "Saved." })
	pairs, _ := st.Pairs(context.Background(), m.cd.cohort.ID)
	i := slices.IndexFunc(pairs, func(p data.Pair) bool { return p.ID == pairID })
	if i < 0 || pairs[i].Frequency != "Every two weeks" || pairs[i].EarlyDecision != "continue" || pairs[i].ExpDecision != "end" ||
		!slices.Equal(pairs[i].Topics, []string{"assessment"}) {
		t.Errorf("stored pair %+v", pairs[i])
	}
	// A meeting in the future is refused beside the date.
	onUI(func() { v.mDate.SetText("2026-12-01") })
	tap(widgetButton(t, v.pane, "Log meeting"))
	onUI(func() {
		if got := v.meetForm.problems["date"].Text; !strings.Contains(got, "in the future") {
			t.Errorf("a future meeting shows %q", got)
		}
	})
}

func TestMutualCohortTermAndParticipation(t *testing.T) {
	st, _, m := openMutual(t)
	tm := m.term
	onUI(func() {
		// Attendance is saved as it is ticked.
		row := newPersonRow()
		tm.updatePersonRow(0, row)
		ctl := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects
		ctl[1].(*widget.Check).SetChecked(true)
		ctl[2].(*widget.Select).SetSelected("Declined")
	})
	first := m.cd.applicants[0].ID
	waitMutual(t, m, "participation saved", func() bool {
		as, _ := st.Applicants(context.Background(), m.cd.cohort.ID)
		i := slices.IndexFunc(as, func(a data.Applicant) bool { return a.ID == first })
		return as[i].WrapAttended && as[i].HubInvite == data.HubDeclined
	})
	tap(widgetButton(t, m.tabs, "New cohort"))
	onUI(func() {
		if tm.cd.cohort.ID != 0 || tm.name.Text != "" {
			t.Fatal("New cohort did not clear the form")
		}
		tm.name.SetText("Spring 2027 Cohort")
		tm.start.SetText("2027-02-01")
		tm.wrapUp.SetText("2027-09-01")
		if got := tm.form.problems["wrap_up_on"].Text; !strings.Contains(got, "outside the term (2027-02-01 to 2027-08-01)") {
			t.Errorf("a wrap-up after the term shows %q", got)
		}
		tm.wrapUp.SetText("2027-07-20")
	})
	tap(widgetButton(t, m.tabs, "Save cohort"))
	waitMutual(t, m, "the new cohort", func() bool { return m.cd.cohort.Name == "Spring 2027 Cohort" })
	c, err := st.CohortByName(context.Background(), "Spring 2027 Cohort")
	if err != nil || c.End != data.MustDate("2027-08-01") || c.WrapUpOn != data.MustDate("2027-07-20") {
		t.Errorf("stored %+v, %v; want the end six months after the start", c, err)
	}
	onUI(func() {
		if m.picker.Selected != "Spring 2027 Cohort" || len(m.picker.Options) != 2 {
			t.Errorf("picker %q of %q", m.picker.Selected, m.picker.Options)
		}
	})
}

// widgetButton finds the button labelled text under (or beside) o, searching o's window.
func widgetButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	onUI(func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(o)
		if c == nil {
			return
		}
		var walk func(fyne.CanvasObject)
		walk = func(x fyne.CanvasObject) {
			if found != nil || x == nil || !x.Visible() {
				return
			}
			if b, ok := x.(*widget.Button); ok && b.Text == text {
				found = b
				return
			}
			switch v := x.(type) {
			case *fyne.Container:
				for _, ch := range v.Objects {
					walk(ch)
				}
			case fyne.Widget:
				r := test.WidgetRenderer(v)
				for _, ch := range r.Objects() {
					walk(ch)
				}
			}
		}
		walk(c.Content())
		for _, ov := range c.Overlays().List() {
			walk(ov)
		}
	})
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return found
}
