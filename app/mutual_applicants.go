package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/widgets"
)

// intakeStore is what the intake form writes.
type intakeStore interface {
	SaveApplicant(ctx context.Context, a data.Applicant) (int64, error)
}

var stageChoices = []string{"Early-career", "Experienced"}

// intake is the Applicants tab: the cohort's applicants and the intake form of DESIGN §1.
type intake struct {
	d       deps
	store   intakeStore
	export  *widget.Button // the applicants to CSV
	busy    *inflight
	changed func()

	cd      cohortData
	shown   []data.Applicant
	search  *widget.Entry
	count   *widget.Label
	list    *widget.List
	title   *widget.Label
	pane    *fyne.Container
	editing data.Applicant // as loaded; ID 0 is a new applicant
	loaded  string

	form                        *checkedForm
	first, last, email, school  *widget.Entry
	years, availability         *widget.Entry
	stage                       *widget.RadioGroup
	strengths, passions, growth *widgets.TagEntry
	excluded                    *widget.Check
	saved                       *widget.Label
}

func newIntake(d deps, st intakeStore, busy *inflight, changed func()) *intake {
	return &intake{d: d, store: st, busy: busy, changed: changed}
}

func (in *intake) buildUI() fyne.CanvasObject {
	in.search = widget.NewEntry()
	in.search.SetPlaceHolder("Search applicants")
	in.search.OnChanged = func(string) { in.filter() }
	in.count = widget.NewLabel("")
	add := widget.NewButtonWithIcon("New applicant", theme.ContentAddIcon(), in.onNew)
	in.list = widget.NewList(func() int { return len(in.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Leilani Kekona", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			sub := widget.NewLabel("early-career · 2 years · Innis Arden Elementary")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			a := in.shown[id]
			box := o.(*fyne.Container).Objects
			box[0].(*widget.Label).SetText(a.Name())
			sub := fmt.Sprintf("%s · %s · %s", stageWords(a.CareerStage), count(a.YearsTeaching, "year"), orNone(a.School))
			if a.Excluded {
				sub += " · excluded from matching"
			}
			box[1].(*widget.Label).SetText(sub)
		})
	in.list.OnSelected = func(id widget.ListItemID) {
		a := in.shown[id]
		if a.ID == in.editing.ID {
			return
		}
		whenSaved(in.d.win, in, func() { in.edit(a) }, func() { in.list.UnselectAll() })
	}
	in.export = exportButton(in.d, csvio.Applicants)
	left := border(container.NewVBox(border(nil, nil, nil, add, in.search), border(nil, nil, nil, in.export, in.count)), nil, nil, nil, in.list)

	in.buildForm()
	in.pane = container.NewStack(emptyState("Choose a cohort first.", nil))
	split := container.NewHSplit(left, in.pane)
	split.Offset = 0.34
	return split
}

func (in *intake) buildForm() {
	in.form = newCheckedForm()
	in.first, in.last, in.email, in.school = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	in.years, in.availability = widget.NewEntry(), widget.NewEntry()
	in.availability.SetPlaceHolder("Tuesday and Thursday after 4 pm")
	in.years.SetPlaceHolder("0")
	for _, f := range []struct {
		label, field string
		e            *widget.Entry
	}{{"First name", "first_name", in.first}, {"Last name", "last_name", in.last}, {"E-mail", "email", in.email},
		{"School", "school", in.school}} {
		in.textField(f.label, f.field, f.e)
	}
	in.stage = widget.NewRadioGroup(stageChoices, func(string) { in.edited("career_stage") })
	in.stage.Horizontal = true
	in.form.field("Career stage", "career_stage", in.stage)
	in.textField("Years teaching", "years_teaching", in.years)
	in.strengths = in.tagField("Strengths", "strengths", "Add a strength")
	in.passions = in.tagField("Passions", "passions", "Add a passion")
	in.growth = in.tagField("Growth areas", "growth", "Add an area to grow in")
	in.textField("Availability", "availability", in.availability)
	in.excluded = widget.NewCheck("Leave out of matching", func(bool) { in.edited("excluded") })
	in.form.field("Matching", "excluded", in.excluded)
	in.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	in.saved = widget.NewLabel("")
}

func (in *intake) textField(label, field string, e *widget.Entry) {
	e.OnChanged = func(string) { in.edited(field) }
	in.form.field(label, field, e)
}

func (in *intake) tagField(label, field, placeholder string) *widgets.TagEntry {
	t := widgets.NewTagEntry(placeholder)
	t.OnChanged = func([]string) { in.edited(field) }
	in.form.field(label, field, t)
	return t
}

// edited checks the form as it is typed, with the same rules the store applies.
func (in *intake) edited(field string) {
	if in.loaded == "" {
		return // the form is being filled by the program
	}
	in.form.touch(field)
	_, p := in.value()
	in.form.show(p)
	in.saved.SetText("")
}

func (in *intake) show(cd cohortData) {
	in.cd = cd
	for _, t := range []*widgets.TagEntry{in.strengths, in.passions, in.growth} {
		t.SetSuggestions(cd.vocab.Suggest("", nil, cd.vocab.Len()))
	}
	in.filter()
	if cd.cohort.ID == 0 {
		in.pane.Objects = []fyne.CanvasObject{emptyState("Save the new cohort first; then its applicants are entered here.", nil)}
		in.pane.Refresh()
		in.editing, in.loaded = data.Applicant{}, ""
		return
	}
	if in.unsaved() != "" && in.editing.CohortID == cd.cohort.ID {
		return // keep what is being typed; the list above is fresh
	}
	for _, a := range cd.applicants {
		if a.ID == in.editing.ID && a.ID != 0 {
			in.edit(a)
			return
		}
	}
	in.onNew()
}

func (in *intake) filter() {
	q := strings.ToLower(strings.TrimSpace(in.search.Text))
	in.shown = in.shown[:0]
	for _, a := range in.cd.applicants {
		text := strings.ToLower(strings.Join(append([]string{a.Name(), a.Email, a.School}, append(append(a.Strengths, a.Passions...), a.Growth...)...), " "))
		if q == "" || strings.Contains(text, q) {
			in.shown = append(in.shown, a)
		}
	}
	in.count.SetText(fmt.Sprintf("%d of %d applicants", len(in.shown), len(in.cd.applicants)))
	in.list.UnselectAll()
	in.list.Refresh()
	in.selectEditing()
}

// selectEditing highlights the applicant in the form, when the list shows them.
func (in *intake) selectEditing() {
	for i, a := range in.shown {
		if a.ID != 0 && a.ID == in.editing.ID {
			in.list.Select(i)
		}
	}
}

func (in *intake) onNew() {
	whenSaved(in.d.win, in, func() {
		in.list.UnselectAll()
		in.edit(data.Applicant{CohortID: in.cd.cohort.ID, Cohort: in.cd.cohort.Name})
	}, func() {})
}

// edit fills the form with a (ID 0 for a new applicant).
func (in *intake) edit(a data.Applicant) {
	if a.ID == 0 || a.ID != in.editing.ID {
		in.saved.SetText("")
	}
	in.loaded = ""
	in.editing = a
	in.first.SetText(a.FirstName)
	in.last.SetText(a.LastName)
	in.email.SetText(a.Email)
	in.school.SetText(a.School)
	in.stage.SetSelected("")
	if a.CareerStage == data.Early {
		in.stage.SetSelected(stageChoices[0])
	} else if a.CareerStage == data.Experienced {
		in.stage.SetSelected(stageChoices[1])
	}
	in.years.SetText("")
	if a.ID != 0 {
		in.years.SetText(strconv.Itoa(a.YearsTeaching))
	}
	in.strengths.SetTags(a.Strengths)
	in.passions.SetTags(a.Passions)
	in.growth.SetTags(a.Growth)
	in.availability.SetText(a.Availability)
	in.excluded.SetChecked(a.Excluded)
	in.form.reset()
	in.title.SetText("New applicant to " + in.cd.cohort.Name)
	if a.ID != 0 {
		in.title.SetText(a.Name())
	}
	in.loaded = in.snapshot()
	in.selectEditing()
	save := widget.NewButtonWithIcon("Save applicant", theme.DocumentSaveIcon(), func() { in.saveEdits(func(bool) {}) })
	save.Importance = widget.HighImportance
	revert := widget.NewButton("Revert", in.discardEdits)
	body := container.NewVBox(in.title, in.form, container.NewHBox(save, revert, in.saved))
	if a.ID != 0 && a.Email != "" {
		body.Add(sectionHeading("E-mail sent"))
		body.Add(sentListSized(in.d, 200, func(context.Context) (string, error) { return a.Email, nil }))
	}
	in.pane.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	in.pane.Refresh()
}

// value reads the form into an applicant and checks it with Applicant.Validate.
func (in *intake) value() (data.Applicant, data.Problems) {
	a := in.editing
	a.FirstName, a.LastName = strings.TrimSpace(in.first.Text), strings.TrimSpace(in.last.Text)
	a.Email, a.School = strings.TrimSpace(in.email.Text), strings.TrimSpace(in.school.Text)
	a.CareerStage = ""
	switch in.stage.Selected {
	case stageChoices[0]:
		a.CareerStage = data.Early
	case stageChoices[1]:
		a.CareerStage = data.Experienced
	}
	var p data.Problems
	a.YearsTeaching = 0
	if y := strings.TrimSpace(in.years.Text); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			p = append(p, data.FieldError{Field: "years_teaching", Problem: fmt.Sprintf("%q is not a whole number of years", y)})
		}
		a.YearsTeaching = n
	}
	a.Strengths, a.Passions, a.Growth = withTyped(in.strengths), withTyped(in.passions), withTyped(in.growth)
	a.Availability = strings.TrimSpace(in.availability.Text)
	a.Excluded = in.excluded.Checked
	if err := a.Validate(); err != nil {
		for _, e := range err.(data.Problems) {
			if p.For(e.Field) == "" {
				p = append(p, e)
			}
		}
	}
	if in.stage.Selected == "" && p.For("career_stage") != "" {
		p = replaceProblem(p, "career_stage", "choose early-career or experienced")
	}
	return a, p
}

// withTyped is a tag entry's tags with what is typed but not yet added, so nothing typed is lost.
func withTyped(t *widgets.TagEntry) []string {
	tags := t.Tags()
	for _, s := range strings.FieldsFunc(t.Entry().Text, func(r rune) bool { return r == ',' || r == ';' }) {
		if s = strings.TrimSpace(s); s != "" {
			tags = append(tags, s)
		}
	}
	return tags
}

func replaceProblem(p data.Problems, field, problem string) data.Problems {
	for i := range p {
		if p[i].Field == field {
			p[i].Problem = problem
		}
	}
	return p
}

func (in *intake) snapshot() string {
	a, _ := in.value()
	return fmt.Sprintf("%q", []string{a.FirstName, a.LastName, a.Email, a.School, string(a.CareerStage), in.years.Text,
		data.JoinList(a.Strengths), data.JoinList(a.Passions), data.JoinList(a.Growth), a.Availability, strconv.FormatBool(a.Excluded)})
}

func (in *intake) unsaved() string {
	if in.loaded == "" || in.snapshot() == in.loaded {
		return ""
	}
	if in.editing.ID == 0 {
		return "a new applicant"
	}
	return "the applicant " + in.editing.Name()
}

func (in *intake) saveEdits(done func(bool)) {
	a, p := in.value()
	if len(p) > 0 {
		in.form.all = true
		in.form.show(p)
		done(false)
		return
	}
	for _, t := range []*widgets.TagEntry{in.strengths, in.passions, in.growth} {
		t.Commit()
	}
	attempt(in.busy, func(ctx context.Context) (int64, error) { return in.store.SaveApplicant(ctx, a) }, func(id int64, err error) {
		if err != nil {
			in.form.refused(err, in.d.win)
			done(false)
			return
		}
		a.ID = id
		in.editing = a
		in.title.SetText(a.Name())
		in.loaded = in.snapshot()
		in.saved.SetText("Saved.")
		in.changed()
		done(true)
	})
}

func (in *intake) discardEdits() {
	if in.loaded != "" {
		in.edit(in.editing)
	}
}

// count is "1 year", "3 years" or "no years".
func count(n int, noun string) string {
	switch n {
	case 0:
		return "no " + noun + "s"
	case 1:
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
