package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// cohortTerm is the Cohort tab: the term's dates and, per participant, attendance at the
// introductory session and the wrap-up and the Hub invitation.
type cohortTerm struct {
	d     deps
	store cohortStore
	busy  *inflight
	saved func(id int64)

	cd                        cohortData
	form                      *checkedForm
	name                      *widget.Entry
	start, end, intro, wrapUp *widgets.DateEntry
	summary                   *widget.Label
	people                    *widget.List
	loaded                    string
	queue                     []data.Applicant // participation changes not yet saved
	saving                    bool
}

func newCohortTerm(d deps, st cohortStore, busy *inflight, saved func(int64)) *cohortTerm {
	return &cohortTerm{d: d, store: st, busy: busy, saved: saved}
}

func (t *cohortTerm) buildUI() fyne.CanvasObject {
	t.name = widget.NewEntry()
	t.name.SetPlaceHolder("2026-27 Cohort")
	t.start, t.end = widgets.NewDateEntry(false), widgets.NewDateEntry(true)
	t.intro, t.wrapUp = widgets.NewDateEntry(true), widgets.NewDateEntry(true)
	t.end.SetPlaceHolder("six months after the start")
	t.form = newCheckedForm()
	for _, f := range []struct {
		label, field string
		input        fyne.CanvasObject
		entry        *widget.Entry
	}{{"Name", "cohort", t.name, t.name}, {"Start", "start", t.start, &t.start.Entry}, {"End", "end", t.end, &t.end.Entry},
		{"Introductory session", "intro_on", t.intro, &t.intro.Entry}, {"Town-hall wrap-up", "wrap_up_on", t.wrapUp, &t.wrapUp.Entry}} {
		field := f.field
		f.entry.OnChanged = func(string) { t.form.touch(field); t.check() }
		t.form.field(f.label, field, f.input)
	}
	save := widget.NewButtonWithIcon("Save cohort", theme.DocumentSaveIcon(), func() { t.saveEdits(func(bool) {}) })
	save.Importance = widget.HighImportance
	t.summary = wrapLabel("")
	left := container.NewVBox(widget.NewLabelWithStyle("Term", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		t.form, container.NewHBox(save), widget.NewSeparator(), t.summary)
	t.people = widget.NewList(func() int { return len(t.cd.applicants) }, newPersonRow, t.updatePersonRow)
	right := border(widget.NewLabelWithStyle("Participants: attendance and Hub invitation", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, t.people)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(left)), container.NewPadded(right))
	split.Offset = 0.42
	t.loaded = t.snapshot() // an empty form before any cohort arrives is nothing to save
	return split
}

func (t *cohortTerm) show(cd cohortData) {
	t.cd = cd
	c := cd.cohort
	t.name.SetText(c.Name)
	t.start.SetDate(c.Start)
	t.end.SetDate(c.End)
	t.intro.SetDate(c.IntroOn)
	t.wrapUp.SetDate(c.WrapUpOn)
	t.form.reset()
	t.loaded = t.snapshot()
	t.summary.SetText(participantSummary(cd))
	t.people.Refresh()
}

func (t *cohortTerm) snapshot() string {
	return fmt.Sprintf("%q|%s|%s|%s|%s", t.name.Text, t.start.Text, t.end.Text, t.intro.Text, t.wrapUp.Text)
}

// value reads the form; a date that does not parse is a problem of its field.
func (t *cohortTerm) value() (data.Cohort, data.Problems) {
	c := t.cd.cohort
	c.Name = t.name.Text
	var p data.Problems
	for _, f := range []struct {
		field string
		entry *widgets.DateEntry
		into  *data.Date
	}{{"start", t.start, &c.Start}, {"end", t.end, &c.End}, {"intro_on", t.intro, &c.IntroOn}, {"wrap_up_on", t.wrapUp, &c.WrapUpOn}} {
		d, err := f.entry.Date()
		if err != nil {
			p = append(p, data.FieldError{Field: f.field, Problem: err.Error()})
		}
		*f.into = d
	}
	if c.End.IsZero() && !c.Start.IsZero() {
		c.End = data.CohortTermEnd(c.Start)
	}
	for _, e := range data.CheckCohort(c) {
		if p.For(e.Field) == "" {
			p = append(p, e)
		}
	}
	return c, p
}

func (t *cohortTerm) check() { _, p := t.value(); t.form.show(p) }

func (t *cohortTerm) unsaved() string {
	if t.snapshot() == t.loaded {
		return ""
	}
	if t.cd.cohort.ID == 0 {
		return "a new cohort"
	}
	return "the cohort " + t.cd.cohort.Name
}

func (t *cohortTerm) saveEdits(done func(bool)) {
	c, p := t.value()
	if len(p) > 0 {
		t.form.all = true
		t.form.show(p)
		done(false)
		return
	}
	attempt(t.busy, func(ctx context.Context) (int64, error) { return t.store.SaveCohort(ctx, c) }, func(id int64, err error) {
		if err != nil {
			t.form.refused(err, t.d.win)
			done(false)
			return
		}
		t.loaded = t.snapshot()
		t.saved(id)
		done(true)
	})
}

func (t *cohortTerm) discardEdits() { t.show(t.cd) }

// participantSummary counts the cohort's participants by stage, attendance and Hub status.
func participantSummary(cd cohortData) string {
	if cd.cohort.ID == 0 {
		return "A new cohort: give it a name and a start date. The term ends six months later unless you set an end."
	}
	var early, exp, intro, wrap int
	hub := map[string]int{}
	for _, a := range cd.applicants {
		if a.CareerStage == data.Early {
			early++
		} else {
			exp++
		}
		if a.IntroAttended {
			intro++
		}
		if a.WrapAttended {
			wrap++
		}
		hub[a.HubInvite]++
	}
	return fmt.Sprintf("%d participants: %d early-career, %d experienced.\nIntroductory session: %d attended. Wrap-up: %d attended.\nHub: %d joined, %d invited, %d declined, %d not invited yet.",
		len(cd.applicants), early, exp, intro, wrap, hub[data.HubJoined], hub[data.HubInvited], hub[data.HubDeclined], hub[""])
}

// hubChoices are the Hub statuses as the director reads them; the first is "".
var hubChoices = []string{"Not invited", "Invited", "Joined", "Declined"}

func newPersonRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Leilani Kekona", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("early-career · Innis Arden Elementary")
	sub.Truncation = fyne.TextTruncateEllipsis
	intro := widget.NewCheck("Intro", nil)
	wrap := widget.NewCheck("Wrap-up", nil)
	hub := widget.NewSelect(hubChoices, nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(intro, wrap, hub), container.NewVBox(name, sub))
}

func (t *cohortTerm) updatePersonRow(id widget.ListItemID, o fyne.CanvasObject) {
	a := t.cd.applicants[id]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	texts[0].(*widget.Label).SetText(a.Name())
	texts[1].(*widget.Label).SetText(stageWords(a.CareerStage) + " · " + orNone(a.School))
	ctl := row.Objects[1].(*fyne.Container).Objects
	intro, wrap, hub := ctl[0].(*widget.Check), ctl[1].(*widget.Check), ctl[2].(*widget.Select)
	intro.OnChanged, wrap.OnChanged, hub.OnChanged = nil, nil, nil
	intro.SetChecked(a.IntroAttended)
	wrap.SetChecked(a.WrapAttended)
	hub.SetSelectedIndex(max(0, slices.Index(data.HubStatuses, a.HubInvite)+1))
	intro.OnChanged = func(v bool) { a.IntroAttended = v; t.saveParticipation(id, a) }
	wrap.OnChanged = func(v bool) { a.WrapAttended = v; t.saveParticipation(id, a) }
	hub.OnChanged = func(string) {
		a.HubInvite = ""
		if i := hub.SelectedIndex(); i > 0 {
			a.HubInvite = data.HubStatuses[i-1]
		}
		t.saveParticipation(id, a)
	}
}

// saveParticipation stores one participant's attendance and Hub status as soon as it changes.
// Saves go one after another, in the order of the clicks, so a quick second click is not
// overtaken by the first.
func (t *cohortTerm) saveParticipation(_ int, a data.Applicant) {
	if i := slices.IndexFunc(t.cd.applicants, func(x data.Applicant) bool { return x.ID == a.ID }); i >= 0 {
		t.cd.applicants[i] = a
		t.summary.SetText(participantSummary(t.cd))
	}
	t.queue = append(t.queue, a)
	if !t.saving {
		t.saveNext()
	}
}

func (t *cohortTerm) saveNext() {
	if len(t.queue) == 0 {
		t.saving = false
		return
	}
	a := t.queue[0]
	t.queue, t.saving = t.queue[1:], true
	attempt(t.busy, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, t.store.SaveParticipation(ctx, a.ID, a.HubInvite, a.IntroAttended, a.WrapAttended)
	}, func(_ struct{}, err error) {
		if err != nil {
			t.queue, t.saving = nil, false
			dialog.ShowError(fmt.Errorf("%s: %w", a.Name(), err), t.d.win)
			return
		}
		t.saveNext()
	})
}

func stageWords(s data.CareerStage) string {
	if s == data.Early {
		return "early-career"
	}
	return "experienced"
}
