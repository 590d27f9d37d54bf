package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// Decisions as the director says them, in the order the form offers them.
var (
	reviewDecisionKinds   = []string{"keep", "coach", "remove"}
	reviewDecisionChoices = []string{"Keep on the roster", "Coach", "Remove from the roster"}
	reviewDecisionWords   = map[string]string{"keep": "keep on the roster", "coach": "coach", "remove": "remove from the roster"}
)

// decisionHistory lists the director's decisions on the mentor and records a new one.
type decisionHistory struct {
	v     *feedbackView
	dirty bool
	quiet bool

	list      *widget.List
	none      *widget.Label
	decision  *widget.Select
	decidedOn *widgets.DateEntry
	reason    *widgets.TextArea
	problem   *widget.Label
	saveBtn   *widget.Button
}

func (h *decisionHistory) buildUI() fyne.CanvasObject {
	h.list = widget.NewList(func() int { return len(h.v.r.decisions) }, newReviewRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			d := h.v.r.decisions[id]
			setReviewRow(o, data.Label(reviewDecisionWords[d.Decision]), "Decided on "+d.DecidedOn.Short(), d.Reason)
		})
	h.decision = widget.NewSelect(reviewDecisionChoices, func(string) { h.changed() })
	h.decision.PlaceHolder = "Choose the decision"
	h.decidedOn = widgets.NewDateEntry(false)
	h.decidedOn.OnChanged = func(string) { h.changed() }
	h.reason = widgets.NewTextArea()
	h.reason.Wrapping = fyne.TextWrapWord
	h.reason.SetPlaceHolder("Why: what was discussed, what happens next")
	h.reason.OnChanged = func(string) { h.changed() }
	h.problem = problemLabel()
	h.saveBtn = widget.NewButtonWithIcon("Record decision", theme.ConfirmIcon(), func() { h.saveEdits(func(bool) {}) })
	h.saveBtn.Importance = widget.HighImportance
	thresholds := widget.NewButtonWithIcon("Review thresholds…", theme.SettingsIcon(), h.onThresholds)
	h.fill()

	form := widget.NewForm(
		widget.NewFormItem("Decision", h.decision),
		widget.NewFormItem("Decided on", container.NewStack(h.decidedOn)),
		widget.NewFormItem("Reason", h.reason),
	)
	editor := container.NewVBox(boldLabel("Record a decision"), form, h.problem,
		container.NewHBox(thresholds, layout.NewSpacer(), h.saveBtn))
	h.none = reviewEmptyLabel("No decisions recorded. When a mentor falls under review, record whether to keep, coach or remove them.")
	split := container.NewHSplit(container.NewStack(h.list, h.none), container.NewVScroll(editor))
	split.Offset = 0.45
	return split
}

func (h *decisionHistory) refresh() {
	showIfNone(h.none, len(h.v.r.decisions))
	h.list.Refresh()
	if !h.dirty {
		h.fill()
	}
}

func (h *decisionHistory) fill() {
	h.quiet = true
	defer func() { h.quiet = false }()
	h.decision.ClearSelected()
	h.decidedOn.SetDate(h.v.d.today())
	h.reason.SetText("")
	showIssue(h.problem, "")
	h.dirty = false
}

func (h *decisionHistory) changed() {
	if !h.quiet {
		h.dirty = true
	}
}

func (h *decisionHistory) unsaved() string {
	if !h.dirty {
		return ""
	}
	return "a review decision"
}

func (h *decisionHistory) saveEdits(done func(ok bool)) {
	i := h.decision.SelectedIndex()
	day, err := h.decidedOn.Date()
	var problem string
	switch {
	case i < 0:
		problem = "Choose the decision: keep, coach or remove."
	case err != nil:
		problem = "Decided on: " + err.Error()
	case day > h.v.d.today():
		problem = fmt.Sprintf("Decided on: %s is after today.", day)
	}
	d := data.ReviewDecision{MentorID: h.v.mentorID, DecidedOn: day, Reason: strings.TrimSpace(h.reason.Text)}
	if i >= 0 {
		d.Decision = reviewDecisionKinds[i]
	}
	var ps data.Problems
	if problem == "" && errors.As(d.Validate(), &ps) {
		problem = fieldProblemLines(ps)
	}
	showIssue(h.problem, problem)
	if problem != "" {
		done(false)
		return
	}
	h.saveBtn.Disable()
	track(&h.v.busy, h.v.d, func(ctx context.Context) (saveOutcome, error) {
		_, err := h.v.store.SaveReviewDecision(ctx, d)
		return saveOutcome{err}, nil
	}, func(r saveOutcome) {
		h.saveBtn.Enable()
		if r.err != nil {
			showIssue(h.problem, notSavedText(r.err))
			done(false)
			return
		}
		h.dirty = false
		h.v.reload()
		done(true)
	})
}

func (h *decisionHistory) discardEdits() { h.fill() }

// onThresholds edits the organisation's review thresholds in a dialog, then weighs again.
func (h *decisionHistory) onThresholds() {
	t := newThresholdsView(h.v.d, h.v.store)
	var dlg dialog.Dialog
	t.saved = func() { dlg.Hide(); h.v.reload() }
	dlg = dialog.NewCustom("Review thresholds", "Close", t.buildUI(), h.v.d.win)
	dlg.Resize(fyne.NewSize(480, 360))
	dlg.Show()
	t.reload()
}

// thresholdStore reads and writes the roster review's thresholds.
type thresholdStore interface {
	ReviewThresholds(ctx context.Context) (data.ReviewThresholds, error)
	SaveReviewThresholds(ctx context.Context, t data.ReviewThresholds) error
}

// thresholdsView edits the three limits that put a mentor under review.
type thresholdsView struct {
	d     deps
	store thresholdStore
	busy  inflight
	saved func()
	dirty bool
	quiet bool

	entries  map[string]*widget.Entry // by key
	problems map[string]*widget.Label
	state    *widget.Label
	saveBtn  *widget.Button
}

func newThresholdsView(d deps, st thresholdStore) *thresholdsView {
	return &thresholdsView{d: d, store: st, saved: func() {}, entries: map[string]*widget.Entry{}, problems: map[string]*widget.Label{}}
}

var thresholdLabels = map[string]string{
	"review.min_feedback":    "Instructors' average below",
	"review.min_survey":      "Students' average below",
	"review.max_punctuality": "Late or absent sessions above",
}

func (t *thresholdsView) buildUI() fyne.CanvasObject {
	form := widget.NewForm()
	for _, k := range data.ReviewThresholdKeys {
		e := widget.NewEntry()
		e.OnChanged = func(string) {
			if !t.quiet {
				t.dirty = true
				t.state.SetText("Not saved yet.")
			}
			t.check()
		}
		t.entries[k] = e
		t.problems[k] = problemLabel()
		form.Append(thresholdLabels[k], container.NewVBox(e, t.problems[k]))
	}
	t.state = widget.NewLabel("")
	t.saveBtn = widget.NewButtonWithIcon("Save thresholds", theme.DocumentSaveIcon(), func() { t.saveEdits(func(bool) {}) })
	t.saveBtn.Importance = widget.HighImportance
	intro := wrapLabel("A mentor falls under review when, over the last 12 months, an average drops below its minimum or late and absent sessions pass the count.")
	return container.NewVBox(boldLabel("Roster review thresholds"), intro, form, container.NewHBox(t.state, layout.NewSpacer(), t.saveBtn))
}

func (t *thresholdsView) reload() {
	track(&t.busy, t.d, func(ctx context.Context) (data.ReviewThresholds, error) {
		return t.store.ReviewThresholds(ctx)
	}, func(v data.ReviewThresholds) {
		if t.dirty {
			return
		}
		t.quiet = true
		t.entries["review.min_feedback"].SetText(strconv.FormatFloat(v.MinFeedback, 'f', -1, 64))
		t.entries["review.min_survey"].SetText(strconv.FormatFloat(v.MinSurvey, 'f', -1, 64))
		t.entries["review.max_punctuality"].SetText(strconv.Itoa(v.MaxPunctualityProblems))
		t.quiet = false
	})
}

// check shows each entry's problem as it is typed, and returns the thresholds when all are good.
func (t *thresholdsView) check() (data.ReviewThresholds, bool) {
	var v data.ReviewThresholds
	bad := map[string]string{}
	number := func(k string, dst *float64) {
		f, err := strconv.ParseFloat(strings.TrimSpace(t.entries[k].Text), 64)
		if err != nil {
			bad[k] = fmt.Sprintf("%q is not a number (like 3 or 3.5)", t.entries[k].Text)
		}
		*dst = f
	}
	number("review.min_feedback", &v.MinFeedback)
	number("review.min_survey", &v.MinSurvey)
	n, err := strconv.Atoi(strings.TrimSpace(t.entries["review.max_punctuality"].Text))
	if err != nil {
		bad["review.max_punctuality"] = fmt.Sprintf("%q is not a whole number", t.entries["review.max_punctuality"].Text)
	}
	v.MaxPunctualityProblems = n
	for _, p := range data.CheckReviewThresholds(v) {
		if bad[p.Field] == "" {
			bad[p.Field] = p.Problem
		}
	}
	for k, l := range t.problems {
		showIssue(l, sentence(bad[k]))
	}
	return v, len(bad) == 0
}

func (t *thresholdsView) unsaved() string {
	if !t.dirty {
		return ""
	}
	return "the review thresholds"
}

func (t *thresholdsView) saveEdits(done func(ok bool)) {
	v, ok := t.check()
	if !ok {
		done(false)
		return
	}
	t.saveBtn.Disable()
	track(&t.busy, t.d, func(ctx context.Context) (saveOutcome, error) {
		return saveOutcome{t.store.SaveReviewThresholds(ctx, v)}, nil
	}, func(r saveOutcome) {
		t.saveBtn.Enable()
		if r.err != nil {
			t.state.SetText(notSavedText(r.err))
			done(false)
			return
		}
		t.dirty = false
		t.state.SetText("Saved.")
		t.saved()
		done(true)
	})
}

func (t *thresholdsView) discardEdits() {
	t.dirty = false
	t.reload()
}
