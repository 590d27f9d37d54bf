package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// matchStore is what the matching screen writes.
type matchStore interface {
	ApplyMatching(ctx context.Context, cohortID int64, pairs []data.Pair, excluded []int64) error
}

// matching is the Matching tab: R11 suggests pairs off the UI goroutine; the director locks,
// excludes and swaps by hand, then applies. Until then nothing is stored.
type matching struct {
	d       deps
	store   matchStore
	busy    *inflight
	changed func()

	cd        cohortData
	people    []data.Applicant // the cohort, with the exclusions made here
	res       data.MatchResult // the pairs shown: stored, suggested or changed by hand
	others    []data.Applicant // unmatched, then excluded
	stored    string           // matchingKey of what is stored
	cancelRun context.CancelFunc
	run       int // counts runs, so a cancelled run's late result is dropped
	pair      int // selected pair, or -1
	other     int // selected unmatched or excluded applicant, or -1

	suggest, cancel, apply *widget.Button
	activity               *widget.Activity
	status, note           *widget.Label
	pairList, otherList    *widget.List
	noPairs                fyne.CanvasObject
	root                   *fyne.Container
	detail                 *fyne.Container

	// the detail's controls, kept for tests
	lockBtn  *widget.Button
	exclude  []*widget.Button
	swap     *widget.Select
	swapWith []data.Applicant
}

func newMatching(d deps, st matchStore, busy *inflight, changed func()) *matching {
	return &matching{d: d, store: st, busy: busy, changed: changed, pair: -1, other: -1}
}

func (m *matching) buildUI() fyne.CanvasObject {
	m.suggest = widget.NewButtonWithIcon("Suggest pairs", theme.ViewRefreshIcon(), m.onSuggest)
	m.suggest.Importance = widget.HighImportance
	m.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), m.onCancel)
	m.cancel.Disable()
	m.apply = widget.NewButtonWithIcon("Apply", theme.ConfirmIcon(), m.onApply)
	m.apply.Disable()
	m.activity = widget.NewActivity()
	m.activity.Hide()
	m.status = widget.NewLabel("")
	m.status.Truncation = fyne.TextTruncateEllipsis
	m.note = wrapLabel("")
	m.note.Hide()
	bar := border(nil, nil, container.NewHBox(m.suggest, m.cancel, m.activity), m.apply, m.status)

	m.pairList = widget.NewList(func() int { return len(m.res.Pairs) }, newPairRow, m.updatePairRow)
	m.pairList.OnSelected = func(id widget.ListItemID) { m.pair, m.other = id, -1; m.otherList.UnselectAll(); m.showDetail() }
	m.otherList = widget.NewList(func() int { return len(m.others) },
		func() fyne.CanvasObject {
			return container.NewVBox(boldLabel("Nguyễn Thị Minh"), widget.NewLabel("early-career · unmatched"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			a := m.others[id]
			box := o.(*fyne.Container).Objects
			box[0].(*widget.Label).SetText(a.Name())
			box[1].(*widget.Label).SetText(stageWords(a.CareerStage) + " · " + map[bool]string{false: "unmatched", true: "excluded"}[a.Excluded])
		})
	m.otherList.OnSelected = func(id widget.ListItemID) { m.other, m.pair = id, -1; m.pairList.UnselectAll(); m.showDetail() }
	m.detail = container.NewStack()
	m.noPairs = emptyState("No pairs to show. Suggest pairs matches early-career with experienced teachers.", nil)

	pairs := border(boldLabel("Pairs"), nil, nil, nil, container.NewStack(m.pairList, m.noPairs))
	others := border(boldLabel("Unmatched and excluded"), nil, nil, nil, m.otherList)
	right := container.NewVSplit(container.NewVScroll(m.detail), others)
	right.Offset = 0.55
	split := container.NewHSplit(pairs, right)
	split.Offset = 0.55
	m.root = border(container.NewVBox(bar, m.note), nil, nil, nil, split)
	return m.root
}

func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func newPairRow() fyne.CanvasObject {
	names := boldLabel("Leilani Kekona – Bridget Kowalski")
	names.Truncation = fyne.TextTruncateEllipsis
	reasons := widget.NewLabel("Leilani's strengths meet Bridget's growth")
	reasons.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, boldLabel("locked · 10.5"), container.NewVBox(names, reasons))
}

func (m *matching) updatePairRow(id widget.ListItemID, o fyne.CanvasObject) {
	p := m.res.Pairs[id]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	texts[0].(*widget.Label).SetText(pairName(p.Early, p.Experienced))
	texts[1].(*widget.Label).SetText(p.Reasons)
	score := scoreText(p.Score)
	if p.Locked {
		score = "locked · " + score
	}
	row.Objects[1].(*widget.Label).SetText(score)
}

// pairName names a pair, the early-career teacher first.
func pairName(early, exp data.Applicant) string { return early.Name() + " – " + exp.Name() }

func scoreText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// show takes the loaded cohort. A matching not yet applied is kept while the same cohort is
// reloaded (say after an applicant was saved); another cohort starts from what is stored.
func (m *matching) show(cd cohortData) {
	same := cd.cohort.ID == m.cd.cohort.ID
	keep := same && m.unsaved() != ""
	m.cd = cd
	stored := storedMatching(cd)
	m.stored = matchingKey(stored, cd.applicants)
	if keep {
		// New or edited applicants join the draft; the exclusions made here stay.
		excluded := map[int64]bool{}
		for _, a := range m.people {
			excluded[a.ID] = a.Excluded
		}
		m.people = slices.Clone(cd.applicants)
		for i, a := range m.people {
			if e, ok := excluded[a.ID]; ok {
				m.people[i].Excluded = e
			}
		}
	} else {
		m.stopRun()
		m.people = slices.Clone(cd.applicants)
		m.res = stored
		if !same {
			m.note.SetText("")
			m.pair, m.other = -1, -1
		}
	}
	m.refresh()
}

// storedMatching is the cohort's stored pairs with their scores and reasons as the tags are now.
func storedMatching(cd cohortData) data.MatchResult {
	var res data.MatchResult
	paired := map[int64]bool{}
	for _, p := range cd.pairs {
		e, x := cd.applicant(p.EarlyID), cd.applicant(p.ExperiencedID)
		score, reasons := data.MatchScore(e, x)
		res.Pairs = append(res.Pairs, data.SuggestedPair{Early: e, Experienced: x, Score: score, Reasons: reasons, Locked: p.Locked})
		res.Total += score
		paired[e.ID], paired[x.ID] = true, true
	}
	for _, a := range cd.applicants {
		if !a.Excluded && !paired[a.ID] {
			addUnmatched(&res, a)
		}
	}
	return res
}

// matchingKey is what Apply would store, to tell whether the screen differs from the store.
func matchingKey(res data.MatchResult, people []data.Applicant) string {
	var parts []string
	for _, p := range res.Pairs {
		parts = append(parts, fmt.Sprintf("%d-%d-%t", p.Early.ID, p.Experienced.ID, p.Locked))
	}
	for _, a := range people {
		if a.Excluded {
			parts = append(parts, fmt.Sprintf("x%d", a.ID))
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

func (m *matching) unsaved() string {
	if m.cd.cohort.ID == 0 || matchingKey(m.res, m.people) == m.stored {
		return ""
	}
	return "the matching of " + m.cd.cohort.Name
}

func (m *matching) saveEdits(done func(bool)) { m.applyNow(done) }

func (m *matching) discardEdits() {
	m.stopRun()
	m.people = slices.Clone(m.cd.applicants)
	m.res = storedMatching(m.cd)
	m.refresh()
}

// onSuggest runs R11 in a goroutine over the cohort as it stands here: the locked pairs kept,
// the excluded left out. A run already going is cancelled.
func (m *matching) onSuggest() {
	if m.cd.cohort.ID == 0 {
		return
	}
	m.stopRun()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancelRun = cancel
	m.run++
	run := m.run
	in := data.MatchInput{Applicants: slices.Clone(m.people)}
	for _, p := range m.res.Pairs {
		if p.Locked {
			in.Locked = append(in.Locked, [2]int64{p.Early.ID, p.Experienced.ID})
		}
	}
	m.showRunning(true)
	attempt(m.busy, func(context.Context) (data.MatchResult, error) { return data.MatchContext(ctx, in) }, func(res data.MatchResult, err error) {
		if run != m.run {
			return
		}
		m.cancelRun = nil
		cancel()
		m.showRunning(false)
		switch {
		case errors.Is(err, context.Canceled):
			m.note.SetText("Matching cancelled; the pairs shown are as they were.")
		case err != nil:
			dialog.ShowError(err, m.d.win)
		default:
			m.res = res
			note := fmt.Sprintf("Suggested %d pairs with the largest total score, %s.", len(res.Pairs), scoreText(res.Total))
			if len(in.Locked) > 0 {
				locks := fmt.Sprintf("the %d locked pairs allow", len(in.Locked))
				if len(in.Locked) == 1 {
					locks = "the locked pair allows"
				}
				note = fmt.Sprintf("Suggested %d pairs with the largest total score %s, %s.", len(res.Pairs), locks, scoreText(res.Total))
			}
			m.note.SetText(note)
			m.pair, m.other = -1, -1
		}
		m.refresh()
	})
}

func (m *matching) onCancel() {
	if m.cancelRun != nil {
		m.cancelRun()
	}
}

// stopRun forgets a run in progress; its result, when it comes, is dropped.
func (m *matching) stopRun() {
	if m.cancelRun != nil {
		m.cancelRun()
		m.cancelRun = nil
		m.run++
		m.showRunning(false)
	}
}

func (m *matching) running() bool { return m.cancelRun != nil }

func (m *matching) showRunning(on bool) {
	if on {
		m.activity.Show()
		m.activity.Start()
		m.cancel.Enable()
		m.status.SetText("Matching…")
	} else {
		m.activity.Stop()
		m.activity.Hide()
		m.cancel.Disable()
	}
	m.showDetail()
}

// refresh redraws the lists, the status and the detail from m.res.
func (m *matching) refresh() {
	m.others = append(append([]data.Applicant(nil), m.res.UnmatchedEarly...), m.res.UnmatchedExperienced...)
	for _, a := range m.people {
		if a.Excluded {
			m.others = append(m.others, a)
		}
	}
	if m.pair >= len(m.res.Pairs) {
		m.pair = -1
	}
	if m.other >= len(m.others) {
		m.other = -1
	}
	if m.pair < 0 {
		m.pairList.UnselectAll()
	}
	if m.other < 0 {
		m.otherList.UnselectAll()
	}
	m.pairList.Refresh()
	m.otherList.Refresh()
	if len(m.res.Pairs) == 0 {
		m.noPairs.Show()
	} else {
		m.noPairs.Hide()
	}
	if (m.note.Text != "") != m.note.Visible() {
		if m.note.Text == "" {
			m.note.Hide()
		} else {
			m.note.Show()
		}
		m.root.Refresh() // the bar above the lists changes height
	}
	m.showStatus()
	m.showDetail()
}

func (m *matching) showStatus() {
	if m.running() {
		return
	}
	if m.cd.cohort.ID == 0 {
		m.status.SetText("Save the new cohort first; then its applicants can be matched.")
		m.suggest.Disable()
		m.apply.Disable()
		return
	}
	if len(m.cd.meetings) > 0 {
		m.status.SetText(fmt.Sprintf("%d pairs · total score %s — final: the pairs have begun logging meetings", len(m.res.Pairs), scoreText(m.res.Total)))
		m.suggest.Disable()
		m.apply.Disable()
		return
	}
	m.suggest.Enable()
	locked, excluded := 0, len(m.others)-len(m.res.UnmatchedEarly)-len(m.res.UnmatchedExperienced)
	for _, p := range m.res.Pairs {
		if p.Locked {
			locked++
		}
	}
	state := "as stored"
	if m.unsaved() != "" {
		state = "not applied yet"
		m.apply.Enable()
	} else {
		m.apply.Disable()
	}
	if len(m.res.Pairs) == 0 && len(m.cd.pairs) == 0 && m.unsaved() == "" {
		m.status.SetText(fmt.Sprintf("No pairs yet: Suggest pairs matches the cohort's %d applicants.", len(m.people)-excluded))
		return
	}
	m.status.SetText(fmt.Sprintf("%d pairs · total score %s · %d locked · %d unmatched · %d excluded — %s",
		len(m.res.Pairs), scoreText(m.res.Total), locked, len(m.res.UnmatchedEarly)+len(m.res.UnmatchedExperienced), excluded, state))
}

func (m *matching) onApply() { m.applyNow(func(bool) {}) }

// applyNow stores the pairs and exclusions shown, in one transaction.
func (m *matching) applyNow(done func(bool)) {
	if m.running() {
		dialog.ShowInformation("Matching", "Wait for the matching to finish, or cancel it, before applying.", m.d.win)
		done(false)
		return
	}
	cohort := m.cd.cohort.ID
	pairs := make([]data.Pair, len(m.res.Pairs))
	for i, p := range m.res.Pairs {
		pairs[i] = data.Pair{CohortID: cohort, EarlyID: p.Early.ID, ExperiencedID: p.Experienced.ID, Score: p.Score, Reasons: p.Reasons, Locked: p.Locked}
	}
	var excluded []int64
	for _, a := range m.people {
		if a.Excluded {
			excluded = append(excluded, a.ID)
		}
	}
	key := matchingKey(m.res, m.people)
	attempt(m.busy, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, m.store.ApplyMatching(ctx, cohort, pairs, excluded)
	}, func(_ struct{}, err error) {
		if err != nil {
			dialog.ShowError(err, m.d.win)
			done(false)
			return
		}
		m.stored = key
		m.note.SetText(fmt.Sprintf("Applied: %d pairs saved for %s. Their agreements and meetings are in the Pairs tab.", len(pairs), m.cd.cohort.Name))
		m.refresh()
		m.changed()
		done(true)
	})
}
