package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
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

// goalStore is what the goals panel reads and writes.
type goalStore interface {
	Goals(ctx context.Context, enrollmentID int64) ([]data.Goal, error)
	SaveGoal(ctx context.Context, g data.Goal) (int64, error)
	DeleteGoal(ctx context.Context, id int64) error
}

// pupilHint is the forms' reminder of what may be written about pupils.
const pupilHint = "Name pupils by first name or initials only, and write goals for the group: pupils are minors."

// Rating choices of a goal's self-ratings: not rated, then 1 to 5.
var goalRatingChoices = []string{"Not rated", "1", "2", "3", "4", "5"}

// goalsView lists an enrollment's goals with a chart of their ratings and edits one at a time.
type goalsView struct {
	d            deps
	store        goalStore
	enrollmentID int64
	busy         inflight

	goals   []data.Goal
	editing int64 // the goal in the form; 0 for a new one
	dirty   bool
	quiet   bool // the form is being filled from code, not typed

	count *widget.Label
	list  *widget.List
	chart *widgets.BarChart

	formTitle    *widget.Label
	group        *widget.Entry
	text         *widgets.TextArea
	setBy        *widget.Entry
	target       *widgets.DateEntry
	before       *widget.Select
	after        *widget.Select
	status       *widget.Select
	groupProblem *widget.Label
	textProblem  *widget.Label
	formProblem  *widget.Label
	saveBtn      *widget.Button
	deleteBtn    *widget.Button
}

// goalsPanel shows and edits the goals of one enrollment, for its page.
func goalsPanel(d deps, enrollmentID int64) fyne.CanvasObject {
	v := newGoalsView(d, d.store, enrollmentID)
	obj := v.buildUI()
	v.reload()
	return obj
}

func newGoalsView(d deps, st goalStore, enrollmentID int64) *goalsView {
	return &goalsView{d: d, store: st, enrollmentID: enrollmentID}
}

func (v *goalsView) buildUI() fyne.CanvasObject {
	v.count = widget.NewLabel("")
	v.chart = widgets.NewBarChart("Self-rating (1–5)", []string{"Before", "After"}, 5)
	v.chart.Empty = "No goals rated yet."
	v.list = widget.NewList(func() int { return len(v.goals) }, newGoalRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { updateGoalRow(v.goals[id], o) })
	v.list.OnSelected = v.onSelected

	v.formTitle = boldLabel("New goal")
	v.group = widget.NewEntry()
	v.group.SetPlaceHolder("whole class, trumpets, A.B. and C.")
	v.text = widgets.NewTextArea()
	v.text.SetPlaceHolder("The goal in the pupils' words")
	v.text.Wrapping = fyne.TextWrapWord
	v.text.SetMinRowsVisible(3)
	v.setBy = widget.NewEntry()
	v.setBy.SetPlaceHolder("pupils with the mentor")
	v.target = widgets.NewDateEntry(true)
	v.before = widget.NewSelect(goalRatingChoices, nil)
	v.after = widget.NewSelect(goalRatingChoices, nil)
	v.status = widget.NewSelect(goalStatusChoices(), nil)
	v.groupProblem, v.textProblem, v.formProblem = pupilPrivacyLabel(), pupilPrivacyLabel(), problemLabel()
	v.group.OnChanged = func(s string) { v.changed(); showIssue(v.groupProblem, sentence(data.PupilPrivacyProblem(s))) }
	v.text.OnChanged = func(s string) { v.changed(); showIssue(v.textProblem, sentence(data.PupilPrivacyProblem(s))) }
	v.setBy.OnChanged = func(string) { v.changed() }
	v.target.OnChanged = func(string) { v.changed() }
	for _, s := range []*widget.Select{v.before, v.after, v.status} {
		s.OnChanged = func(string) { v.changed() }
	}
	v.saveBtn = widget.NewButtonWithIcon("Save goal", theme.DocumentSaveIcon(), v.onSave)
	v.saveBtn.Importance = widget.HighImportance
	v.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.onDelete)
	newBtn := widget.NewButtonWithIcon("New goal", theme.ContentAddIcon(), func() { v.list.UnselectAll(); v.fill(data.Goal{}) })
	v.fill(data.Goal{})

	hint := wrapLabel(pupilHint)
	hint.Importance = widget.WarningImportance
	form := widget.NewForm(
		widget.NewFormItem("Group", container.NewVBox(v.group, v.groupProblem)),
		widget.NewFormItem("Goal", container.NewVBox(v.text, v.textProblem)),
		widget.NewFormItem("Set by", v.setBy),
		widget.NewFormItem("Target date", container.NewStack(v.target)), // Stack: the form must not take over its validation
		widget.NewFormItem("Status", v.status),
		widget.NewFormItem("Rating before", v.before),
		widget.NewFormItem("Rating after", v.after),
	)
	buttons := container.NewHBox(newBtn, v.deleteBtn, layout.NewSpacer(), v.saveBtn)
	editor := container.NewVBox(v.formTitle, hint, form, v.formProblem, buttons)
	left := border(container.NewVBox(v.chart, v.count), nil, nil, nil, v.list)
	split := container.NewHSplit(left, container.NewVScroll(editor))
	split.Offset = 0.5
	return border(boldLabel("Goals set with the pupils"), nil, nil, nil, split)
}

// pupilPrivacyLabel shows the gentle privacy reminder beside a field: a warning, not an error.
func pupilPrivacyLabel() *widget.Label {
	l := problemLabel()
	l.Importance = widget.WarningImportance
	return l
}

// reviewHint is a quiet explanation under a field.
func reviewHint(s string) *widget.Label {
	l := wrapLabel(s)
	l.TextStyle.Italic = true
	return l
}

func goalStatusChoices() []string {
	out := make([]string, len(data.GoalStatuses))
	for i, s := range data.GoalStatuses {
		out[i] = data.Label(s)
	}
	return out
}

func newGoalRow() fyne.CanvasObject {
	head := boldLabel("trumpets")
	status := widget.NewLabel("Progressing")
	text := widget.NewLabel("goal")
	text.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(container.NewBorder(nil, nil, nil, status, head), text, detail)
}

func updateGoalRow(g data.Goal, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	top := box.Objects[0].(*fyne.Container)
	group := g.Group
	if group == "" {
		group = "Whole class"
	}
	top.Objects[0].(*widget.Label).SetText(group)
	imp := widget.MediumImportance
	switch g.Status {
	case "achieved":
		imp = widget.SuccessImportance
	case "dropped":
		imp = widget.LowImportance
	}
	setLabel(top.Objects[1].(*widget.Label), data.Label(g.Status), imp)
	box.Objects[1].(*widget.Label).SetText(g.Text)
	box.Objects[2].(*widget.Label).SetText(goalDetail(g))
}

// goalDetail reads like "Target 10 Dec 2026 · before 2, after 4".
func goalDetail(g data.Goal) string {
	var parts []string
	if !g.TargetDate.IsZero() {
		parts = append(parts, "Target "+g.TargetDate.Short())
	}
	rating := func(r int) string {
		if r == 0 {
			return "not rated"
		}
		return fmt.Sprint(r)
	}
	parts = append(parts, "before "+rating(g.RatingBefore)+", after "+rating(g.RatingAfter))
	if g.SetBy != "" {
		parts = append(parts, "set by "+g.SetBy)
	}
	return strings.Join(parts, " · ")
}

// reload reads the goals again; the form keeps what is being typed.
func (v *goalsView) reload() {
	track(&v.busy, v.d, func(ctx context.Context) ([]data.Goal, error) {
		return v.store.Goals(ctx, v.enrollmentID)
	}, v.show)
}

func (v *goalsView) show(goals []data.Goal) {
	v.goals = goals
	v.list.UnselectAll()
	v.list.Refresh()
	var groups []widgets.BarGroup
	rated := 0
	for _, g := range goals {
		if g.RatingBefore == 0 && g.RatingAfter == 0 {
			continue
		}
		rated++
		label := g.Group
		if label == "" {
			label = g.Text
		}
		groups = append(groups, widgets.BarGroup{Label: label, Values: []float64{float64(g.RatingBefore), float64(g.RatingAfter)}})
	}
	v.chart.SetGroups(groups)
	achieved := 0
	for _, g := range goals {
		if g.Status == "achieved" {
			achieved++
		}
	}
	switch len(goals) {
	case 0:
		v.count.SetText("No goals yet: set the first with the pupils and record it here.")
	default:
		v.count.SetText(fmt.Sprintf("%s, %d achieved, %d rated.", plural(len(goals), "goal", "goals"), achieved, rated))
	}
}

func (v *goalsView) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(v.goals) {
		return
	}
	g := v.goals[id]
	if v.dirty && v.editing != g.ID {
		askMentorUnsaved(v.d.win, v, func() { v.fill(g) }, func() { v.list.UnselectAll() })
		return
	}
	v.fill(g)
}

// fill puts a goal in the form (the zero goal starts a new one).
func (v *goalsView) fill(g data.Goal) {
	v.quiet = true
	defer func() { v.quiet = false }()
	v.editing = g.ID
	if g.ID == 0 {
		v.formTitle.SetText("New goal")
		g.SetBy, g.Status = "pupils with the mentor", "open"
		v.deleteBtn.Disable()
	} else {
		v.formTitle.SetText("Edit goal")
		v.deleteBtn.Enable()
	}
	v.group.SetText(g.Group)
	v.text.SetText(g.Text)
	v.setBy.SetText(g.SetBy)
	v.target.SetDate(g.TargetDate)
	v.before.SetSelectedIndex(g.RatingBefore)
	v.after.SetSelectedIndex(g.RatingAfter)
	v.status.SetSelectedIndex(max(0, slices.Index(data.GoalStatuses, g.Status)))
	for _, l := range []*widget.Label{v.groupProblem, v.textProblem, v.formProblem} {
		showIssue(l, "")
	}
	v.dirty = false
}

func (v *goalsView) changed() {
	if !v.quiet {
		v.dirty = true
	}
}

// formGoal is the goal the form holds, or why its target date cannot be read.
func (v *goalsView) formGoal() (data.Goal, error) {
	day, err := v.target.Date()
	if err != nil {
		return data.Goal{}, fmt.Errorf("Target date: %w", err)
	}
	return data.Goal{ID: v.editing, EnrollmentID: v.enrollmentID, Group: strings.TrimSpace(v.group.Text),
		Text: strings.TrimSpace(v.text.Text), SetBy: strings.TrimSpace(v.setBy.Text), TargetDate: day,
		RatingBefore: max(0, v.before.SelectedIndex()), RatingAfter: max(0, v.after.SelectedIndex()),
		Status: data.GoalStatuses[max(0, v.status.SelectedIndex())]}, nil
}

func (v *goalsView) onSave() { v.saveEdits(func(bool) {}) }

// check shows the form's problems beside their fields and reports whether there are none.
func (v *goalsView) check(g data.Goal, err error) bool {
	if err != nil {
		showIssue(v.formProblem, err.Error())
		return false
	}
	var ps data.Problems
	errors.As(g.Validate(), &ps)
	showIssue(v.groupProblem, sentence(ps.For("group")))
	showIssue(v.textProblem, sentence(ps.For("text")))
	var rest []string
	for _, p := range ps {
		if p.Field != "group" && p.Field != "text" {
			rest = append(rest, data.Label(p.Field)+": "+p.Problem)
		}
	}
	showIssue(v.formProblem, strings.Join(rest, "\n"))
	return len(ps) == 0
}

// The goals panel is an editor: the goal being typed is its unsaved edit.

func (v *goalsView) unsaved() string {
	if !v.dirty {
		return ""
	}
	if v.editing == 0 {
		return "a new goal"
	}
	return "the goal “" + v.text.Text + "”"
}

func (v *goalsView) saveEdits(done func(ok bool)) {
	g, err := v.formGoal()
	if !v.check(g, err) {
		done(false)
		return
	}
	v.saveBtn.Disable()
	track(&v.busy, v.d, func(ctx context.Context) (goalsSaved, error) {
		if _, err := v.store.SaveGoal(ctx, g); err != nil {
			return goalsSaved{err: err}, nil
		}
		goals, err := v.store.Goals(ctx, v.enrollmentID)
		return goalsSaved{goals: goals}, err
	}, func(r goalsSaved) {
		v.saveBtn.Enable()
		if r.err != nil {
			showIssue(v.formProblem, "Not saved: "+r.err.Error())
			done(false)
			return
		}
		v.fill(data.Goal{})
		v.show(r.goals)
		done(true)
	})
}

// goalsSaved is a save's saveOutcome: the goals read back, or why the store refused it.
type goalsSaved struct {
	goals []data.Goal
	err   error
}

func (v *goalsView) discardEdits() { v.fill(data.Goal{}) }

func (v *goalsView) onDelete() {
	id, text := v.editing, v.text.Text
	if id == 0 {
		return
	}
	dialog.ShowConfirm("Delete goal", "Delete the goal “"+text+"”?", func(ok bool) {
		if !ok {
			return
		}
		track(&v.busy, v.d, func(ctx context.Context) ([]data.Goal, error) {
			if err := v.store.DeleteGoal(ctx, id); err != nil {
				return nil, err
			}
			return v.store.Goals(ctx, v.enrollmentID)
		}, func(goals []data.Goal) {
			v.fill(data.Goal{})
			v.show(goals)
		})
	}, v.d.win)
}
