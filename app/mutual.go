package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// cohortStore is what the Mutual Mentorship area reads, and writes of a cohort's term.
type cohortStore interface {
	Cohorts(ctx context.Context) ([]data.Cohort, error)
	SaveCohort(ctx context.Context, c data.Cohort) (int64, error)
	Applicants(ctx context.Context, cohortID int64) ([]data.Applicant, error)
	Pairs(ctx context.Context, cohortID int64) ([]data.Pair, error)
	CohortMeetings(ctx context.Context, cohortID int64) (map[int64][]data.Meeting, error)
	SaveParticipation(ctx context.Context, id int64, hub string, intro, wrap bool) error
}

// cohortData is everything the area shows of one cohort, loaded together.
type cohortData struct {
	cohort     data.Cohort
	applicants []data.Applicant
	pairs      []data.Pair
	meetings   map[int64][]data.Meeting
	vocab      data.TagVocabulary // tags entered in every cohort, for suggestions
}

func (cd cohortData) applicant(id int64) data.Applicant {
	for _, a := range cd.applicants {
		if a.ID == id {
			return a
		}
	}
	return data.Applicant{ID: id, FirstName: fmt.Sprintf("#%d", id)}
}

// mutualPart is a tab of the area: it shows the loaded cohort and may hold unsaved edits.
type mutualPart interface {
	editor
	show(cd cohortData)
}

// mutual is the Mutual Mentorship area: a cohort picker over four tabs — the cohort's term and
// participants, the applicants' intake, the matching and the pairs.
type mutual struct {
	d     deps
	store cohortStore

	cohorts []data.Cohort
	cd      cohortData
	picker  *widget.Select
	picking bool // the picker is being set by the program, not the user
	tabs    *container.AppTabs

	busy     inflight // loads and saves under way, for tests to wait on
	term     *cohortTerm
	intake   *intake
	matching *matching
	pairs    *pairView
	parts    []mutualPart
}

func newMutual(d deps) *mutual {
	m := &mutual{d: d, store: d.store}
	m.term = newCohortTerm(d, d.store, &m.busy, m.saved)
	m.intake = newIntake(d, d.store, &m.busy, m.refresh)
	m.matching = newMatching(d, d.store, &m.busy, m.refresh)
	m.pairs = newPairView(d, d.store, &m.busy, m.refresh)
	m.parts = []mutualPart{m.term, m.intake, m.matching, m.pairs}
	return m
}

func (m *mutual) buildUI() fyne.CanvasObject {
	m.picker = widget.NewSelect(nil, m.onPick)
	m.picker.PlaceHolder = "(no cohort yet)"
	newCohort := widget.NewButtonWithIcon("New cohort", theme.ContentAddIcon(), m.onNewCohort)
	heading := widget.NewLabelWithStyle("Mutual Mentorship", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := border(nil, nil, heading, newCohort, border(nil, nil, widget.NewLabel("Cohort"), nil, m.picker))
	m.tabs = container.NewAppTabs(
		container.NewTabItem("Cohort", m.term.buildUI()),
		container.NewTabItem("Applicants", m.intake.buildUI()),
		container.NewTabItem("Matching", m.matching.buildUI()),
		container.NewTabItem("Pairs", m.pairs.buildUI()),
	)
	return border(container.NewPadded(bar), nil, nil, nil, m.tabs)
}

// reload lists the cohorts and loads the one shown (the newest the first time).
// mutualData is what the area shows: the cohorts for the picker and the one shown.
type mutualData struct {
	cohorts []data.Cohort
	cd      cohortData // zero when there is no cohort yet
}

// reload reads the cohorts and the one shown (the first when none was, or it is gone) in one go.
func (m *mutual) reload() {
	want := m.cd.cohort.ID
	track(&m.busy, m.d, func(ctx context.Context) (mutualData, error) {
		var md mutualData
		var err error
		if md.cohorts, err = m.store.Cohorts(ctx); err != nil || len(md.cohorts) == 0 {
			return md, err
		}
		id := md.cohorts[0].ID
		if slices.ContainsFunc(md.cohorts, func(c data.Cohort) bool { return c.ID == want }) {
			id = want
		}
		md.cd, err = readCohort(ctx, m.store, md.cohorts, id)
		return md, err
	}, func(md mutualData) {
		m.cohorts = md.cohorts
		names := make([]string, len(md.cohorts))
		for i, c := range md.cohorts {
			names[i] = c.Name
		}
		m.picker.SetOptions(names)
		if len(md.cohorts) == 0 {
			m.onNewCohort()
			return
		}
		m.showCohort(md.cd)
	})
}

// refresh loads the shown cohort again after a part saved something.
func (m *mutual) refresh() { m.load(m.cd.cohort.ID) }

// saved follows a save of the cohort's term: a new cohort joins the picker.
func (m *mutual) saved(id int64) {
	m.cd.cohort.ID = id
	m.reload()
}

func (m *mutual) load(id int64) {
	track(&m.busy, m.d, func(ctx context.Context) (cohortData, error) { return loadCohort(ctx, m.store, id) }, m.showCohort)
}

func (m *mutual) showCohort(cd cohortData) {
	m.cd = cd
	m.picking = true
	m.picker.SetSelected(cd.cohort.Name)
	m.picking = false
	for _, p := range m.parts {
		p.show(cd)
	}
}

func loadCohort(ctx context.Context, st cohortStore, id int64) (cohortData, error) {
	cs, err := st.Cohorts(ctx)
	if err != nil {
		return cohortData{}, err
	}
	return readCohort(ctx, st, cs, id)
}

// readCohort reads cohort id of cs with its applicants, pairs and meetings.
func readCohort(ctx context.Context, st cohortStore, cs []data.Cohort, id int64) (cohortData, error) {
	var cd cohortData
	i := slices.IndexFunc(cs, func(c data.Cohort) bool { return c.ID == id })
	if i < 0 {
		return cd, fmt.Errorf("cohort #%d: %w", id, data.ErrNotFound)
	}
	cd.cohort = cs[i]
	all, err := st.Applicants(ctx, 0)
	if err != nil {
		return cd, err
	}
	cd.vocab = data.NewTagVocabulary(all)
	for _, a := range all {
		if a.CohortID == id {
			cd.applicants = append(cd.applicants, a)
		}
	}
	if cd.pairs, err = st.Pairs(ctx, id); err != nil {
		return cd, err
	}
	cd.meetings, err = st.CohortMeetings(ctx, id)
	return cd, err
}

func (m *mutual) onPick(name string) {
	if m.picking || name == "" || name == m.cd.cohort.Name {
		return
	}
	i := slices.IndexFunc(m.cohorts, func(c data.Cohort) bool { return c.Name == name })
	if i < 0 {
		return
	}
	whenSaved(m.d.win, m, func() { m.load(m.cohorts[i].ID) }, func() {
		m.picking = true
		m.picker.SetSelected(m.cd.cohort.Name)
		m.picking = false
	})
}

func (m *mutual) onNewCohort() {
	whenSaved(m.d.win, m, func() {
		m.cd = cohortData{}
		m.picking = true
		m.picker.ClearSelected()
		m.picking = false
		for _, p := range m.parts {
			p.show(m.cd)
		}
		m.tabs.SelectIndex(0)
	}, func() {})
}

// unsaved names every part's unsaved edits.
func (m *mutual) unsaved() string {
	var what []string
	for _, p := range m.parts {
		if u := p.unsaved(); u != "" {
			what = append(what, u)
		}
	}
	return joinWords(what)
}

// saveEdits saves each part in turn and stops at the first that cannot save.
func (m *mutual) saveEdits(done func(bool)) {
	var next func(i int)
	next = func(i int) {
		for i < len(m.parts) && m.parts[i].unsaved() == "" {
			i++
		}
		if i == len(m.parts) {
			done(true)
			return
		}
		m.tabs.SelectIndex(i)
		m.parts[i].saveEdits(func(ok bool) {
			if !ok {
				done(false)
				return
			}
			next(i + 1)
		})
	}
	next(0)
}

func (m *mutual) discardEdits() {
	for _, p := range m.parts {
		p.discardEdits()
	}
}

func joinWords(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return fmt.Sprintf("%s and %s", joinList(parts[:len(parts)-1]), parts[len(parts)-1])
}

func joinList(parts []string) string {
	s := parts[0]
	for _, p := range parts[1:] {
		s += ", " + p
	}
	return s
}

// whenSaved runs proceed once ed has no unsaved edits, asking to save or discard them first;
// stay runs when the director cancels or the save is refused.
func whenSaved(win fyne.Window, ed editor, proceed, stay func()) {
	what := ed.unsaved()
	if what == "" {
		proceed()
		return
	}
	var d dialog.Dialog
	save := widget.NewButton("Save", func() {
		d.Hide()
		ed.saveEdits(func(ok bool) {
			if ok {
				proceed()
			} else {
				stay()
			}
		})
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", func() { d.Hide(); ed.discardEdits(); proceed() })
	cancel := widget.NewButton("Cancel", func() { d.Hide(); stay() })
	msg := widget.NewLabel("You have unsaved changes to " + what + ".\nSave them first?")
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewVBox(msg, container.NewHBox(cancel, discard, save)), win)
	d.Show()
}

// checkedForm is a form that shows beneath each input the problem data's checks find for its
// field (data.Problems.For): once the field has been edited, or for every field after a save
// was tried.
type checkedForm struct {
	*widget.Form
	problems map[string]*widget.Label
	touched  map[string]bool
	all      bool
}

func newCheckedForm() *checkedForm {
	f := &checkedForm{Form: &widget.Form{}, problems: map[string]*widget.Label{}, touched: map[string]bool{}}
	// The checkedForm itself goes on screen, so it must be the form's widget before anything
	// else claims it: the form's refreshes then reach the renderer that is drawn.
	f.ExtendBaseWidget(f)
	return f
}

// field adds an input for the CSV-named field.
func (f *checkedForm) field(label, field string, input fyne.CanvasObject) {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	f.problems[field] = l
	f.Append(label, container.NewVBox(input, l))
}

func (f *checkedForm) touch(field string) { f.touched[field] = true }

// show displays p beside the fields it concerns.
func (f *checkedForm) show(p data.Problems) {
	for field, l := range f.problems {
		msg := ""
		if f.all || f.touched[field] {
			msg = p.For(field)
		}
		if msg == l.Text && l.Visible() == (msg != "") {
			continue
		}
		l.SetText(msg)
		if msg == "" {
			l.Hide()
		} else {
			l.Show()
		}
	}
}

// reset forgets what was edited and hides every problem.
func (f *checkedForm) reset() {
	clear(f.touched)
	f.all = false
	f.show(nil)
}

// refused shows a store's refusal: field problems beside their fields, anything else in a dialog.
func (f *checkedForm) refused(err error, win fyne.Window) {
	var p data.Problems
	if errors.As(err, &p) {
		f.all = true
		f.show(p)
		return
	}
	dialog.ShowError(err, win)
}

// attempt runs work off the UI goroutine and lands done(v, err) on it, counted in busy like
// track; unlike track it leaves the error to done, for forms that show a refusal beside a field.
func attempt[T any](busy *inflight, work func(ctx context.Context) (T, error), done func(T, error)) {
	busy.n.Add(1)
	go func() {
		v, err := work(context.Background())
		fyne.Do(func() {
			defer busy.n.Add(-1)
			done(v, err)
		})
	}()
}
