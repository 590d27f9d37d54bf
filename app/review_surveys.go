package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/widgets"
)

// surveyEntries lists the student survey summaries of the mentor and edits one.
type surveyEntries struct {
	v       *feedbackView
	editing int64
	dirty   bool
	quiet   bool

	list      *widget.List
	none      *widget.Label
	title     *widget.Label
	picker    *termPicker
	takenOn   *widgets.DateEntry
	responses *widget.Entry
	averages  map[string]*widget.Entry
	problem   *widget.Label
	saveBtn   *widget.Button
	deleteBtn *widget.Button
}

func (s *surveyEntries) buildUI() fyne.CanvasObject {
	s.list = widget.NewList(func() int { return len(s.v.r.surveys) }, newReviewRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { s.updateRow(id, o) })
	s.list.OnSelected = s.onSelected
	s.title = boldLabel("New survey summary")
	s.picker = newTermPicker(s.changed)
	s.takenOn = widgets.NewDateEntry(false)
	s.takenOn.OnChanged = func(string) { s.changed() }
	s.responses = widget.NewEntry()
	s.responses.SetPlaceHolder("number of students who answered")
	s.responses.OnChanged = func(string) { s.changed() }
	s.averages = map[string]*widget.Entry{}
	grid := container.NewGridWithColumns(2)
	for _, q := range csvio.SurveyQuestions {
		e := widget.NewEntry()
		e.SetPlaceHolder("1–5, or empty")
		e.Validator = func(t string) error {
			if strings.TrimSpace(t) == "" {
				return nil
			}
			_, err := csvio.ParseAverage(t)
			return err
		}
		e.OnChanged = func(string) { s.changed() }
		s.averages[q] = e
		grid.Add(border(nil, nil, widget.NewLabel(data.Label(q)), nil, e))
	}
	s.problem = problemLabel()
	s.saveBtn = widget.NewButtonWithIcon("Save survey", theme.DocumentSaveIcon(), func() { s.saveEdits(func(bool) {}) })
	s.saveBtn.Importance = widget.HighImportance
	s.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.onDelete)
	newBtn := widget.NewButtonWithIcon("New summary", theme.ContentAddIcon(), func() { s.list.UnselectAll(); s.fill(data.Survey{}) })
	s.fill(data.Survey{})

	hint := reviewHint("Averages from 1 to 5 with at most 2 decimals; leave a question empty when the survey did not ask it.")
	form := widget.NewForm(
		widget.NewFormItem("Enrollment", s.picker.place),
		widget.NewFormItem("Term", s.picker.term),
		widget.NewFormItem("Taken on", container.NewStack(s.takenOn)),
		widget.NewFormItem("Responses", s.responses),
		widget.NewFormItem("Averages", container.NewVBox(grid, hint)),
	)
	editor := container.NewVBox(s.title, form, s.problem, container.NewHBox(newBtn, s.deleteBtn, layout.NewSpacer(), s.saveBtn))
	s.none = reviewEmptyLabel("No student survey summaries yet: enter one on the right, or import a surveys CSV file.")
	split := container.NewHSplit(container.NewStack(s.list, s.none), container.NewVScroll(editor))
	split.Offset = 0.45
	return split
}

func (s *surveyEntries) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := s.v.r.surveys[len(s.v.r.surveys)-1-id]
	parts := []string{plural(v.Responses, "response", "responses")}
	for _, q := range csvio.SurveyQuestions {
		if a, ok := v.Averages[q]; ok {
			parts = append(parts, data.Label(q)+" "+csvio.FormatAverage(a))
		}
	}
	setReviewRow(o, fmt.Sprintf("%s · term %d · average %.2f", v.TakenOn.Short(), v.Term, surveyAverage(v.Survey)),
		v.Place.School+" · "+v.Place.Classroom+" · "+v.Place.SchoolYear.String(), strings.Join(parts, " · "))
}

func (s *surveyEntries) refresh() {
	showIfNone(s.none, len(s.v.r.surveys))
	s.picker.setPlaces(s.v.r.places)
	s.list.UnselectAll()
	s.list.Refresh()
	if !s.dirty {
		s.fill(data.Survey{})
	}
}

func (s *surveyEntries) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.v.r.surveys) {
		return
	}
	v := s.v.r.surveys[len(s.v.r.surveys)-1-id].Survey
	if s.dirty && s.editing != v.ID {
		askMentorUnsaved(s.v.d.win, s, func() { s.fill(v) }, func() { s.list.UnselectAll() })
		return
	}
	s.fill(v)
}

func (s *surveyEntries) fill(v data.Survey) {
	s.quiet = true
	defer func() { s.quiet = false }()
	s.editing = v.ID
	if v.ID == 0 {
		s.title.SetText("New survey summary")
		s.deleteBtn.Disable()
		v.TakenOn = s.v.d.today()
		if len(s.v.r.places) > 0 {
			pl := s.v.r.places[0]
			v.EnrollmentID, v.Term = pl.EnrollmentID, firstOpenTerm(pl, s.taken)
		}
	} else {
		s.title.SetText("Edit survey summary")
		s.deleteBtn.Enable()
	}
	s.picker.set(v.EnrollmentID, v.Term)
	s.takenOn.SetDate(v.TakenOn)
	s.responses.SetText("")
	if v.Responses > 0 {
		s.responses.SetText(strconv.Itoa(v.Responses))
	}
	for q, e := range s.averages {
		e.SetText("")
		if a, ok := v.Averages[q]; ok {
			e.SetText(csvio.FormatAverage(a))
		}
	}
	showIssue(s.problem, "")
	s.dirty = false
}

func (s *surveyEntries) taken(enrollmentID int64, term int) bool {
	return slices.ContainsFunc(s.v.r.surveys, func(v data.SurveyEntry) bool {
		return v.EnrollmentID == enrollmentID && v.Term == term
	})
}

func (s *surveyEntries) changed() {
	if !s.quiet {
		s.dirty = true
	}
}

// formSurvey is the summary the form holds, or what keeps it from saving.
func (s *surveyEntries) formSurvey() (data.Survey, string) {
	enrollment, term, missing := s.picker.chosen()
	if missing != "" {
		return data.Survey{}, missing
	}
	day, err := s.takenOn.Date()
	if err != nil {
		return data.Survey{}, "Taken on: " + err.Error()
	}
	v := data.Survey{ID: s.editing, EnrollmentID: enrollment, Term: term, TakenOn: day, Averages: map[string]float64{}}
	n, err := strconv.Atoi(strings.TrimSpace(s.responses.Text))
	if err != nil {
		return v, fmt.Sprintf("Responses: %q is not a whole number.", s.responses.Text)
	}
	v.Responses = n
	var bad []string
	for _, q := range csvio.SurveyQuestions {
		t := strings.TrimSpace(s.averages[q].Text)
		if t == "" {
			continue
		}
		a, err := csvio.ParseAverage(t)
		if err != nil {
			bad = append(bad, data.Label(q)+": "+err.Error())
			continue
		}
		v.Averages[q] = a
	}
	if len(bad) > 0 {
		return v, strings.Join(bad, "\n")
	}
	if day > s.v.d.today() {
		return v, fmt.Sprintf("Taken on: %s is after today.", day)
	}
	if ps := csvio.CheckSurvey(v); len(ps) > 0 {
		return v, fieldProblemLines(ps)
	}
	return v, ""
}

func (s *surveyEntries) unsaved() string {
	if !s.dirty {
		return ""
	}
	return "a student survey summary"
}

func (s *surveyEntries) saveEdits(done func(ok bool)) {
	v, problem := s.formSurvey()
	showIssue(s.problem, problem)
	if problem != "" {
		done(false)
		return
	}
	s.v.saveEntry(s.saveBtn, s.problem, func(ctx context.Context) error {
		_, err := s.v.store.SaveSurvey(ctx, v)
		return err
	}, func() { s.dirty = false }, done)
}

func (s *surveyEntries) discardEdits() {
	s.dirty = false
	s.fill(data.Survey{})
}

func (s *surveyEntries) onDelete() {
	id := s.editing
	if id == 0 {
		return
	}
	s.v.deleteEntry("Delete survey summary", "Delete this survey summary? The roster review is weighed again without it.",
		func(ctx context.Context) error { return s.v.store.DeleteSurvey(ctx, id) }, func() { s.dirty = false })
}
