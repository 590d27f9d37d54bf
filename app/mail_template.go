package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// showTemplateEditor edits one kind's subject and body; the fields it may use are listed beside
// it, and a field the kind does not know is named before anything is saved.
func showTemplateEditor(d deps, t data.MailTemplate, saved func(data.MailTemplate)) {
	subject := widget.NewEntry()
	subject.SetText(t.Subject)
	body := widgets.NewTextArea()
	body.SetMinRowsVisible(14)
	body.SetText(t.Body)
	var fields []string
	for _, f := range data.TemplateFields(t.Kind) {
		fields = append(fields, "{"+f.Name+"} — "+f.Means)
	}
	problem := problemLabel()
	check := func() (data.MailTemplate, bool) {
		next := data.MailTemplate{Kind: t.Kind, Subject: subject.Text, Body: body.Text}
		if err := next.Validate(); err != nil {
			problem.SetText(err.Error())
			problem.Show()
			return next, false
		}
		problem.Hide()
		return next, true
	}
	subject.OnChanged = func(string) { check() }
	body.OnChanged = func(string) { check() }
	var dlg dialog.Dialog
	save := widget.NewButton("Save template", func() {
		next, ok := check()
		if !ok {
			return
		}
		background(d, func(ctx context.Context) (data.MailTemplate, error) { return next, d.store.SaveMailTemplate(ctx, next) },
			func(t data.MailTemplate) {
				dlg.Hide()
				saved(t)
			})
	})
	save.Importance = widget.HighImportance
	reset := widget.NewButton("Back to the standard text", func() {
		def := data.DefaultTemplate(t.Kind)
		subject.SetText(def.Subject)
		body.SetText(def.Body)
	})
	cancel := widget.NewButton("Cancel", func() { dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem("Subject", subject), widget.NewFormItem("Message", body))
	help := wrapLabel("Fields are filled in for each recipient:\n" + strings.Join(fields, "\n"))
	content := border(nil, container.NewVBox(problem, container.NewHBox(save, reset, cancel)), nil, nil,
		container.NewHSplit(container.NewVScroll(form), container.NewVScroll(help)))
	dlg = dialog.NewCustomWithoutButtons("Template: "+t.Kind.Title(), content, d.win)
	dlg.Resize(fyne.NewSize(940, 600))
	dlg.Show()
}
