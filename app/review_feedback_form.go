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

// termPicker chooses one term of one of the mentor's enrollments.
type termPicker struct {
	places  []data.EnrollmentPlace
	place   *widget.Select
	term    *widget.Select
	changed func()
}

func newTermPicker(changed func()) *termPicker {
	p := &termPicker{changed: changed}
	p.term = widget.NewSelect(nil, func(string) { p.changed() })
	p.term.PlaceHolder = "Term"
	p.place = widget.NewSelect(nil, func(string) { p.setTerms(); p.changed() })
	p.place.PlaceHolder = "Choose the enrollment"
	return p
}

func (p *termPicker) setPlaces(places []data.EnrollmentPlace) {
	p.places = places
	labels := make([]string, len(places))
	for i, pl := range places {
		labels[i] = pl.Label()
	}
	p.place.SetOptions(labels)
}

// setTerms offers the terms of the chosen enrollment, keeping the chosen term where it exists.
func (p *termPicker) setTerms() {
	i := p.place.SelectedIndex()
	if i < 0 {
		p.term.SetOptions(nil)
		return
	}
	was := p.term.SelectedIndex()
	opts := make([]string, p.places[i].Terms)
	for t := range opts {
		opts[t] = fmt.Sprintf("Term %d", t+1)
	}
	p.term.SetOptions(opts)
	if was >= 0 && was < len(opts) {
		p.term.SetSelectedIndex(was)
	} else {
		p.term.ClearSelected()
	}
}

// set chooses an enrollment and term (enrollment 0 clears the choice).
func (p *termPicker) set(enrollmentID int64, term int) {
	i := slices.IndexFunc(p.places, func(pl data.EnrollmentPlace) bool { return pl.EnrollmentID == enrollmentID })
	if i < 0 {
		p.place.ClearSelected()
		p.setTerms()
		return
	}
	p.place.SetSelectedIndex(i)
	p.setTerms()
	if term >= 1 && term <= p.places[i].Terms {
		p.term.SetSelectedIndex(term - 1)
	}
}

// chosen is the enrollment and term picked, or what is missing.
func (p *termPicker) chosen() (int64, int, string) {
	i := p.place.SelectedIndex()
	if i < 0 {
		return 0, 0, "Choose the enrollment (school year, school and classroom)."
	}
	if p.term.SelectedIndex() < 0 {
		return p.places[i].EnrollmentID, 0, "Choose the term."
	}
	return p.places[i].EnrollmentID, p.term.SelectedIndex() + 1, ""
}

// firstOpenTerm is the first term of an enrollment with no entry yet, else its last term.
func firstOpenTerm(pl data.EnrollmentPlace, taken func(enrollmentID int64, term int) bool) int {
	for t := 1; t <= pl.Terms; t++ {
		if !taken(pl.EnrollmentID, t) {
			return t
		}
	}
	return pl.Terms
}

// fieldProblemLines writes problems as "Field: problem" lines, in the order given.
func fieldProblemLines(ps data.Problems) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = data.Label(p.Field) + ": " + p.Problem
	}
	return strings.Join(lines, "\n")
}

// feedbackEntries lists the instructors' feedback of the mentor and edits one entry.
type feedbackEntries struct {
	v       *feedbackView
	editing int64
	dirty   bool
	quiet   bool

	list      *widget.List
	none      *widget.Label
	title     *widget.Label
	picker    *termPicker
	givenOn   *widgets.DateEntry
	ratings   map[string]*widget.Select
	comment   *widgets.TextArea
	problem   *widget.Label
	saveBtn   *widget.Button
	deleteBtn *widget.Button
}

func (e *feedbackEntries) buildUI() fyne.CanvasObject {
	e.list = widget.NewList(func() int { return len(e.v.r.feedback) }, newReviewRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { e.updateRow(id, o) })
	e.list.OnSelected = e.onSelected
	e.title = boldLabel("New feedback entry")
	e.picker = newTermPicker(e.changed)
	e.givenOn = widgets.NewDateEntry(false)
	e.givenOn.OnChanged = func(string) { e.changed() }
	e.ratings = map[string]*widget.Select{}
	grid := container.NewGridWithColumns(2)
	for _, q := range data.FeedbackQuestions {
		s := widget.NewSelect([]string{"1", "2", "3", "4", "5"}, func(string) { e.changed() })
		s.PlaceHolder = "1–5"
		e.ratings[q] = s
		grid.Add(border(nil, nil, widget.NewLabel(data.Label(q)), nil, s))
	}
	e.comment = widgets.NewTextArea()
	e.comment.Wrapping = fyne.TextWrapWord
	e.comment.SetPlaceHolder("The instructor's comment")
	e.comment.OnChanged = func(string) { e.changed() }
	e.problem = problemLabel()
	e.saveBtn = widget.NewButtonWithIcon("Save feedback", theme.DocumentSaveIcon(), func() { e.saveEdits(func(bool) {}) })
	e.saveBtn.Importance = widget.HighImportance
	e.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), e.onDelete)
	newBtn := widget.NewButtonWithIcon("New entry", theme.ContentAddIcon(), func() { e.list.UnselectAll(); e.fill(data.Feedback{}) })
	e.fill(data.Feedback{})

	form := widget.NewForm(
		widget.NewFormItem("Enrollment", e.picker.place),
		widget.NewFormItem("Term", e.picker.term),
		widget.NewFormItem("Given on", container.NewStack(e.givenOn)),
		widget.NewFormItem("Ratings", grid),
		widget.NewFormItem("Comment", e.comment),
	)
	editor := container.NewVBox(e.title, form, e.problem, container.NewHBox(newBtn, e.deleteBtn, layout.NewSpacer(), e.saveBtn))
	e.none = reviewEmptyLabel("No feedback from instructors yet: enter their ratings on the right, or import a feedback CSV file.")
	split := container.NewHSplit(container.NewStack(e.list, e.none), container.NewVScroll(editor))
	split.Offset = 0.45
	return split
}

// reviewEmptyLabel says what an empty list will hold; it sits over the list and shows while it is empty.
func reviewEmptyLabel(s string) *widget.Label {
	l := reviewHint(s)
	l.Alignment = fyne.TextAlignCenter
	return l
}

func showIfNone(l *widget.Label, n int) {
	if n == 0 {
		l.Show()
	} else {
		l.Hide()
	}
}

// newReviewRow is a list row of three lines: a bold heading, the place, the figures.
func newReviewRow() fyne.CanvasObject {
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	place := widget.NewLabel("")
	place.Truncation = fyne.TextTruncateEllipsis
	place.TextStyle.Italic = true
	return container.NewVBox(boldLabel(""), place, detail)
}

func setReviewRow(o fyne.CanvasObject, head, place, detail string) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(head)
	box.Objects[1].(*widget.Label).SetText(place)
	box.Objects[2].(*widget.Label).SetText(detail)
}

func (e *feedbackEntries) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	// Newest first, as the director reads a history.
	f := e.v.r.feedback[len(e.v.r.feedback)-1-id]
	var parts []string
	for _, q := range data.FeedbackQuestions {
		parts = append(parts, fmt.Sprintf("%s %d", data.Label(q), f.Ratings[q]))
	}
	detail := strings.Join(parts, " · ")
	if f.Comment != "" {
		detail += " — " + f.Comment
	}
	setReviewRow(o, fmt.Sprintf("%s · term %d · average %.2f", f.GivenOn.Short(), f.Term, feedbackAverage(f.Feedback)),
		f.Place.School+" · "+f.Place.Classroom+" · "+f.Place.SchoolYear.String(), detail)
}

func (e *feedbackEntries) refresh() {
	showIfNone(e.none, len(e.v.r.feedback))
	e.picker.setPlaces(e.v.r.places)
	e.list.UnselectAll()
	e.list.Refresh()
	if !e.dirty {
		e.fill(data.Feedback{})
	}
}

func (e *feedbackEntries) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(e.v.r.feedback) {
		return
	}
	f := e.v.r.feedback[len(e.v.r.feedback)-1-id].Feedback
	if e.dirty && e.editing != f.ID {
		askMentorUnsaved(e.v.d.win, e, func() { e.fill(f) }, func() { e.list.UnselectAll() })
		return
	}
	e.fill(f)
}

// fill puts an entry in the form; the zero entry starts a new one on the latest enrollment's
// first term without feedback, given today.
func (e *feedbackEntries) fill(f data.Feedback) {
	e.quiet = true
	defer func() { e.quiet = false }()
	e.editing = f.ID
	if f.ID == 0 {
		e.title.SetText("New feedback entry")
		e.deleteBtn.Disable()
		f.GivenOn = e.v.d.today()
		if len(e.v.r.places) > 0 {
			pl := e.v.r.places[0]
			f.EnrollmentID, f.Term = pl.EnrollmentID, firstOpenTerm(pl, e.taken)
		}
	} else {
		e.title.SetText("Edit feedback entry")
		e.deleteBtn.Enable()
	}
	e.picker.set(f.EnrollmentID, f.Term)
	e.givenOn.SetDate(f.GivenOn)
	for q, s := range e.ratings {
		if r := f.Ratings[q]; r >= 1 && r <= 5 {
			s.SetSelectedIndex(r - 1)
		} else {
			s.ClearSelected()
		}
	}
	e.comment.SetText(f.Comment)
	showIssue(e.problem, "")
	e.dirty = false
}

func (e *feedbackEntries) taken(enrollmentID int64, term int) bool {
	return slices.ContainsFunc(e.v.r.feedback, func(f data.FeedbackEntry) bool {
		return f.EnrollmentID == enrollmentID && f.Term == term
	})
}

func (e *feedbackEntries) changed() {
	if !e.quiet {
		e.dirty = true
	}
}

// formFeedback is the entry the form holds, or the problems that keep it from saving.
func (e *feedbackEntries) formFeedback() (data.Feedback, string) {
	enrollment, term, missing := e.picker.chosen()
	if missing != "" {
		return data.Feedback{}, missing
	}
	day, err := e.givenOn.Date()
	if err != nil {
		return data.Feedback{}, "Given on: " + err.Error()
	}
	f := data.Feedback{ID: e.editing, EnrollmentID: enrollment, Term: term, GivenOn: day, Ratings: map[string]int{},
		Comment: strings.TrimSpace(e.comment.Text)}
	var unrated []string
	for _, q := range data.FeedbackQuestions {
		f.Ratings[q] = e.ratings[q].SelectedIndex() + 1
		if f.Ratings[q] == 0 {
			unrated = append(unrated, strings.ToLower(data.Label(q)))
		}
	}
	if len(unrated) > 0 {
		return f, "Rate " + joinWords(unrated) + " from 1 to 5."
	}
	if day > e.v.d.today() {
		return f, fmt.Sprintf("Given on: %s is after today.", day)
	}
	var ps data.Problems
	if errors.As(f.Validate(), &ps) {
		return f, fieldProblemLines(ps)
	}
	return f, ""
}

func (e *feedbackEntries) unsaved() string {
	if !e.dirty {
		return ""
	}
	return "an instructor's feedback entry"
}

func (e *feedbackEntries) saveEdits(done func(ok bool)) {
	f, problem := e.formFeedback()
	showIssue(e.problem, problem)
	if problem != "" {
		done(false)
		return
	}
	e.v.saveEntry(e.saveBtn, e.problem, func(ctx context.Context) error {
		_, err := e.v.store.SaveFeedback(ctx, f)
		return err
	}, func() { e.dirty = false }, done)
}

func (e *feedbackEntries) discardEdits() {
	e.dirty = false
	e.fill(data.Feedback{})
}

func (e *feedbackEntries) onDelete() {
	id := e.editing
	if id == 0 {
		return
	}
	e.v.deleteEntry("Delete feedback", "Delete this feedback entry? The roster review is weighed again without it.",
		func(ctx context.Context) error { return e.v.store.DeleteFeedback(ctx, id) }, func() { e.dirty = false })
}

// saveEntry saves one feedback or survey entry off the UI goroutine, then shows the outcome on
// the form: its problem label, its Save button, and the view reloaded on success.
func (v *feedbackView) saveEntry(btn *widget.Button, problem *widget.Label, save func(ctx context.Context) error, saved func(), done func(ok bool)) {
	btn.Disable()
	track(&v.busy, v.d, func(ctx context.Context) (saveOutcome, error) {
		return saveOutcome{save(ctx)}, nil
	}, func(r saveOutcome) {
		btn.Enable()
		if r.err != nil {
			showIssue(problem, notSavedText(r.err))
			done(false)
			return
		}
		saved()
		v.reload()
		done(true)
	})
}

// deleteEntry asks, then deletes one feedback or survey entry and reloads the view.
func (v *feedbackView) deleteEntry(title, question string, del func(ctx context.Context) error, deleted func()) {
	dialog.ShowConfirm(title, question, func(ok bool) {
		if !ok {
			return
		}
		track(&v.busy, v.d, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, del(ctx)
		}, func(struct{}) {
			deleted()
			v.reload()
		})
	}, v.d.win)
}

// notSavedText words a store's refusal: field problems as lines, anything else as it is.
func notSavedText(err error) string {
	var ps data.Problems
	if errors.As(err, &ps) {
		return "Not saved: " + fieldProblemLines(ps)
	}
	return "Not saved: " + err.Error()
}
