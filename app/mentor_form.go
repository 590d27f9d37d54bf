package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// mentorField is one profile field: its entry (if it is one) and the problem shown beside it.
type mentorField struct {
	entry   *widget.Entry
	problem *widget.Label
}

// statusChoices are the status radio's labels, in data.MentorStatuses order.
var statusChoices = []string{"Applicant", "Active", "Inactive"}

func (p *mentorPage) buildForm() fyne.CanvasObject {
	p.fields = map[string]*mentorField{}
	entry := func(name string, multi bool) fyne.CanvasObject {
		e := widget.NewEntry()
		var placed fyne.CanvasObject = e
		if multi {
			area := widgets.NewTextArea()
			area.Wrapping = fyne.TextWrapWord
			area.SetMinRowsVisible(3)
			e, placed = &area.Entry, area
		}
		e.Validator = func(string) error { return problemErr(p.problems().For(name)) }
		e.OnChanged = func(string) { p.fieldChanged(name) }
		return p.field(name, placed)
	}
	p.instruments.OnChanged = func([]string) { p.fieldChanged("") }
	p.status = widget.NewRadioGroup(statusChoices, func(string) { p.fieldChanged("") })
	p.status.Horizontal = true
	p.status.Required = true
	p.resident = widgets.NewDateEntry(true)
	p.resident.OnChanged = func(string) {
		p.fieldChanged("wa_resident_since")
		p.showProblem("wa_resident_since", errText(p.resident.Validate()))
	}

	residence := widget.NewFormItem("Washington resident since", p.field("wa_resident_since", p.resident))
	residence.HintText = "Leave empty when unknown: an FBI check is then required."
	form := widget.NewForm(
		widget.NewFormItem("First name", entry("first_name", false)),
		widget.NewFormItem("Last name", entry("last_name", false)),
		widget.NewFormItem("E-mail", entry("email", false)),
		widget.NewFormItem("Phone", entry("phone", false)),
		widget.NewFormItem("Address", entry("address", false)),
		widget.NewFormItem("Instruments", p.field("instruments", p.instruments)),
		widget.NewFormItem("Status", p.field("status", p.status)),
		residence,
		widget.NewFormItem("Education", entry("education", true)),
		widget.NewFormItem("Teaching experience", entry("teaching_experience", true)),
		widget.NewFormItem("Performance experience", entry("performance_experience", true)),
		widget.NewFormItem("Bio", entry("bio", true)),
	)
	for _, it := range form.Items[:3] {
		it.Required = true // first and last name and e-mail
	}
	form.Refresh()
	note := widget.NewLabel("Fields marked * are required. Phone, address and e-mail are private: they never reach a roster handout.")
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(form, note)
}

// field puts the problem label under a field's widget; entries report their own problems as
// they are typed, the rest when the form is saved.
func (p *mentorPage) field(name string, w fyne.CanvasObject) fyne.CanvasObject {
	f := &mentorField{problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	switch e := w.(type) {
	case *widget.Entry:
		f.entry = e
	case *widgets.TextArea:
		f.entry = &e.Entry
	}
	if v, ok := w.(fyne.Validatable); ok {
		v.SetOnValidationChanged(func(err error) { p.showProblem(name, errText(err)) })
	}
	p.fields[name] = f
	// The extra Stack keeps widget.Form from taking the entry for the item's widget, which
	// would unhook its validation callback on every refresh.
	return container.NewStack(container.NewVBox(w, f.problem))
}

func problemErr(s string) error {
	if s == "" {
		return nil
	}
	return errors.New(s)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func (p *mentorPage) showProblem(name, text string) {
	f := p.fields[name]
	if f == nil {
		f = p.fields["email"] // a store problem without a field of its own
		text = name + ": " + text
	}
	f.problem.SetText(text)
	f.problem.Show()
	if text == "" {
		f.problem.Hide()
	}
}

// formMentor is the mentor as the form holds it now.
func (p *mentorPage) formMentor() (data.Mentor, data.Problems) {
	m := p.loaded
	text := func(name string) string { return p.fields[name].entry.Text }
	m.FirstName = strings.TrimSpace(text("first_name"))
	m.LastName = strings.TrimSpace(text("last_name"))
	m.Email = strings.TrimSpace(text("email"))
	m.Phone = strings.TrimSpace(text("phone"))
	m.Address = strings.TrimSpace(text("address"))
	m.Instruments = p.instruments.Tags()
	m.Education = text("education")
	m.TeachingExperience = text("teaching_experience")
	m.PerformanceExperience = text("performance_experience")
	m.Bio = text("bio")
	m.Status = ""
	for i, s := range statusChoices {
		if p.status.Selected == s {
			m.Status = data.MentorStatuses[i]
		}
	}
	m.Photo = p.photo
	var extra data.Problems
	d, err := p.resident.Date()
	if err != nil {
		extra = append(extra, data.FieldError{Field: "wa_resident_since", Problem: err.Error()})
	}
	m.WAResidentSince = d
	return m, extra
}

// problems is every field problem of the form now, by the data package's rules.
func (p *mentorPage) problems() data.Problems {
	m, extra := p.formMentor()
	var probs data.Problems
	if err := m.Validate(); err != nil {
		errors.As(err, &probs)
	}
	return append(probs, extra...)
}

// fill sets the widgets from a mentor without counting it as an edit.
func (p *mentorPage) fill(m data.Mentor) {
	p.filling = true
	defer func() { p.filling = false }()
	p.loaded = m
	p.photo = m.Photo
	for name, f := range p.fields {
		if f.entry != nil {
			f.entry.SetText(mentorText(m, name))
			f.entry.SetValidationError(nil)
		}
		p.showProblem(name, "")
	}
	p.instruments.SetTags(m.Instruments)
	for i, s := range data.MentorStatuses {
		if m.Status == s {
			p.status.SetSelected(statusChoices[i])
		}
	}
	p.resident.SetDate(m.WAResidentSince)
	p.dirty, p.sideEdits = false, false
	if p.undo != nil {
		p.undo.reset()
	}
	p.notice.Hide()
	p.showPhoto()
	p.refreshHead()
}

func mentorText(m data.Mentor, name string) string {
	return map[string]string{"first_name": m.FirstName, "last_name": m.LastName, "email": m.Email, "phone": m.Phone,
		"address": m.Address, "education": m.Education, "teaching_experience": m.TeachingExperience,
		"performance_experience": m.PerformanceExperience, "bio": m.Bio}[name]
}

// fieldChanged marks the user's edit of a profile field, which Undo can take back; name is ""
// for a choice (instruments, status).
func (p *mentorPage) fieldChanged(name string) {
	if p.filling || p.fields == nil {
		return
	}
	if p.undo != nil {
		p.undo.typed(name)
	}
	p.markEdited()
}

// changed marks an edit by the user that Undo does not take back (photo, checks, contracts).
func (p *mentorPage) changed() {
	if p.filling || p.fields == nil {
		return
	}
	p.sideEdits = true
	p.markEdited()
}

func (p *mentorPage) markEdited() {
	p.dirty = true
	if p.notice.Visible() && len(p.problems()) == 0 {
		p.notice.Hide() // the fields it pointed at are fixed
	}
	p.refreshHead()
}

// saveEdits checks the form by the data rules and saves profile, photo, checks and contracts
// in one transaction; problems are shown beside their fields and nothing is written.
func (p *mentorPage) saveEdits(done func(ok bool)) {
	p.instruments.Commit()
	m, _ := p.formMentor()
	if probs := p.problems(); len(probs) > 0 {
		p.showProblems(probs)
		done(false)
		return
	}
	p.notice.Hide()
	p.saving = true
	p.refreshHead()
	checks, contracts := append([]data.Check(nil), p.checks...), append([]data.Contract(nil), p.contracts...)
	p.busy.n.Add(1)
	go func() {
		id, err := p.store.SaveMentor(context.Background(), data.MentorRecords{Mentor: m, Checks: checks, Contracts: contracts})
		fyne.Do(func() {
			defer p.busy.n.Add(-1)
			p.saving = false
			if err != nil {
				var probs data.Problems
				if errors.As(err, &probs) {
					p.showProblems(probs)
				} else {
					dialog.ShowError(fmt.Errorf("%s was not saved: %w", m.Name(), err), p.d.win)
				}
				p.refreshHead()
				done(false)
				return
			}
			m.ID = id
			m.Email = data.NormalizeEmail(m.Email)
			p.loaded = m
			p.dirty, p.sideEdits = false, false
			p.undo.reset()
			p.refreshHead()
			if p.events.saved != nil {
				p.events.saved(id)
			}
			done(true)
		})
	}()
}

// showProblems puts each problem beside its field and says how many keep the form from saving.
func (p *mentorPage) showProblems(probs data.Problems) {
	for name, f := range p.fields {
		text := probs.For(name)
		p.showProblem(name, text)
		if f.entry != nil {
			f.entry.SetValidationError(problemErr(text))
		}
	}
	lines := []string{"Not saved:"}
	other := 0
	for _, e := range probs {
		if p.fields[e.Field] == nil {
			other++
		}
		lines = append(lines, mentorFieldLabel(e.Field)+" "+e.Problem)
	}
	if other > 0 {
		p.tabs.SelectIndex(1)
	} else {
		p.tabs.SelectIndex(0)
	}
	p.notice.SetText(strings.Join(lines, "\n"))
	p.notice.Show()
}

// mentorFieldLabel names a field as the form labels it: "First name", "Washington resident since".
func mentorFieldLabel(field string) string {
	labels := map[string]string{"first_name": "First name", "last_name": "Last name", "email": "E-mail", "phone": "Phone",
		"address": "Address", "instruments": "Instruments", "status": "Status", "wa_resident_since": "Washington resident since",
		"education": "Education", "teaching_experience": "Teaching experience", "performance_experience": "Performance experience",
		"bio": "Bio", "photo": "Photo"}
	if l, ok := labels[field]; ok {
		return l
	}
	return strings.ReplaceAll(field, "_", " ")
}
