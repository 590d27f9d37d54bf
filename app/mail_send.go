package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/mailing"
	"mentordesk/data"
)

// mailSend is the Send e-mail dialog: the director chooses what to send, previews every message
// as its recipient will read it (the template filled in, the PDF named), edits the template if
// need be, and sends with a progress bar and Cancel.
type mailSend struct {
	d   deps
	dlg dialog.Dialog

	kind    *widget.Select
	options *widget.Form
	entries map[string]*widget.Entry
	resend  *widget.Check
	summary *widget.Label
	list    *widget.List
	subject *widget.Label
	body    *widget.Label
	attach  *widget.Label
	send    *widget.Button
	edit    *widget.Button

	plan     mailing.Plan
	sent     []time.Time // per draft: when its document already went to that person (zero: never)
	template data.MailTemplate
	selected int
}

func showMailSend(d deps, kind data.MailKind) *mailSend {
	m := &mailSend{d: d, selected: -1}
	m.dlg = dialog.NewCustomWithoutButtons("Send e-mail", m.buildUI(kind), d.win)
	m.dlg.Resize(fyne.NewSize(980, 680))
	m.dlg.Show()
	return m
}

// mailOptions are the fields each kind asks for, as the `send` command's flags name them.
var mailOptions = map[data.MailKind][]string{
	data.MailStatement:    {"from", "through"},
	data.MailContract:     {"year", "mentor"},
	data.MailRoster:       {"school", "on"},
	data.MailSchedule:     {"school", "classroom", "year"},
	data.MailConfirmation: {"through"},
	data.MailReminder:     {"on"},
	data.MailIntroduction: {"cohort"},
}

var mailOptionLabels = map[string][2]string{
	"from": {"Visits from", "YYYY-MM-DD, empty for the first"}, "through": {"Through", "YYYY-MM-DD, empty for all"},
	"year": {"School year", "like 2026-27"}, "mentor": {"Only the mentor", "e-mail, empty for every mentor without a signed contract"},
	"school": {"School", "name, empty for every school"}, "on": {"On the day", "YYYY-MM-DD, empty for today"},
	"classroom": {"Classroom", "name"}, "cohort": {"Cohort", "name"},
}

func (m *mailSend) buildUI(kind data.MailKind) fyne.CanvasObject {
	var titles []string
	for _, k := range data.MailKinds {
		titles = append(titles, k.Title())
	}
	m.entries = map[string]*widget.Entry{}
	for name, l := range mailOptionLabels {
		e := widget.NewEntry()
		e.SetPlaceHolder(l[1])
		m.entries[name] = e
	}
	m.entries["year"].SetText(data.SchoolYearOf(m.d.today(), data.DefaultSchoolYearStart).String())
	m.options = widget.NewForm()
	m.kind = widget.NewSelect(titles, func(string) { m.onKind() })
	m.resend = widget.NewCheck("Send again what already went", func(bool) { m.showPlan() })
	preview := widget.NewButtonWithIcon("Preview", theme.SearchIcon(), m.onPreview)
	m.edit = widget.NewButtonWithIcon("Edit template…", theme.DocumentCreateIcon(), m.onEditTemplate)
	m.summary = wrapLabel("Choose what to send, then Preview.")
	m.list = widget.NewList(func() int { return len(m.plan.Drafts) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Recipient name — the subject of the message")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.row(i)) })
	m.list.OnSelected = func(i widget.ListItemID) { m.selected = i; m.showDraft() }
	m.subject = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.subject.Wrapping = fyne.TextWrapWord
	m.body = wrapLabel("")
	m.attach = widget.NewLabel("")
	m.send = widget.NewButtonWithIcon("Send", theme.MailSendIcon(), m.onSend)
	m.send.Importance = widget.HighImportance
	m.send.Disable()
	closeB := widget.NewButton("Close", func() { m.dlg.Hide() })
	outbox := widget.NewButton("Outbox…", func() { showOutbox(m.d) })

	left := border(container.NewVBox(widget.NewForm(widget.NewFormItem("Send", m.kind)), m.options, m.resend,
		container.NewHBox(preview, m.edit), m.summary), nil, nil, nil, m.list)
	right := border(container.NewVBox(widget.NewLabel("As the recipient will read it:"), m.subject, m.attach), nil, nil, nil,
		container.NewVScroll(m.body))
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	for i, k := range data.MailKinds {
		if k == kind {
			m.kind.SetSelectedIndex(i)
		}
	}
	if m.kind.SelectedIndex() < 0 {
		m.kind.SetSelectedIndex(0)
	}
	waiting := wrapLabel("")
	waiting.Importance = widget.WarningImportance
	waiting.Hide()
	background(m.d, m.d.store.UnsentMessages, func(ids []int64) {
		if len(ids) > 0 {
			// Left by a batch that failed, was cancelled or was stopped with the program.
			waiting.SetText(fmt.Sprintf("%d message(s) from before wait in the outbox, not sent: Outbox… › Retry sends them.", len(ids)))
			waiting.Show()
		}
	})
	return border(waiting, container.NewHBox(m.send, outbox, closeB), nil, nil, split)
}

func (m *mailSend) currentKind() data.MailKind { return data.MailKinds[max(m.kind.SelectedIndex(), 0)] }

func (m *mailSend) onKind() {
	m.options.Items = nil
	for _, name := range mailOptions[m.currentKind()] {
		m.options.Append(mailOptionLabels[name][0], m.entries[name])
	}
	m.options.Refresh()
	m.plan, m.sent, m.selected = mailing.Plan{}, nil, -1
	m.list.UnselectAll()
	m.list.Refresh()
	m.summary.SetText("Choose what to send, then Preview.")
	m.subject.SetText("")
	m.body.SetText("")
	m.attach.SetText("")
	m.send.Disable()
}

// ask reads the options; a bad date or year is named.
func (m *mailSend) ask() (mailing.Ask, error) {
	a := mailing.Ask{Kind: m.currentKind(), Today: m.d.today()}
	text := func(name string) string { return strings.TrimSpace(m.entries[name].Text) }
	for _, name := range mailOptions[a.Kind] {
		v := text(name)
		var err error
		switch name {
		case "from":
			a.From, err = data.ParseOptionalDate(v)
		case "through":
			a.Through, err = data.ParseOptionalDate(v)
		case "on":
			a.On, err = data.ParseOptionalDate(v)
		case "year":
			a.Year, err = data.ParseSchoolYear(v)
		case "mentor":
			a.Mentor = v
		case "school":
			a.School = v
		case "classroom":
			a.Classroom = v
		case "cohort":
			a.Cohort = v
		}
		if err != nil {
			return a, fmt.Errorf("%s: %w", mailOptionLabels[name][0], err)
		}
	}
	return a, nil
}

// prepared is a plan with what already went and the kind's template.
type prepared struct {
	plan     mailing.Plan
	sent     []time.Time
	template data.MailTemplate
}

func (m *mailSend) onPreview() {
	a, err := m.ask()
	if err != nil {
		dialog.ShowError(err, m.d.win)
		return
	}
	m.summary.SetText("Gathering…")
	background(m.d, func(ctx context.Context) (prepared, error) {
		plan, err := mailing.Prepare(ctx, m.d.store.Store, a)
		if err != nil {
			return prepared{}, fmt.Errorf("%s: %s", a.Kind.Title(), strings.TrimPrefix(err.Error(), "--"))
		}
		p := prepared{plan: plan, sent: make([]time.Time, len(plan.Drafts))}
		for i, d := range plan.Drafts {
			if at, ok, err := m.d.store.SentBefore(ctx, d.Document, d.To); err != nil {
				return p, err
			} else if ok {
				p.sent[i] = at
			}
		}
		p.template, err = m.d.store.MailTemplate(ctx, a.Kind)
		return p, err
	}, func(p prepared) {
		m.plan, m.sent, m.template = p.plan, p.sent, p.template
		m.selected = -1
		m.list.UnselectAll()
		m.list.Refresh()
		m.showPlan()
		if len(m.plan.Drafts) > 0 {
			m.list.Select(0)
		}
	})
}

// toSend counts the drafts that would go now.
func (m *mailSend) toSend() int {
	n := 0
	for i := range m.plan.Drafts {
		if m.resend.Checked || m.sent[i].IsZero() {
			n++
		}
	}
	return n
}

func (m *mailSend) showPlan() {
	if m.list == nil || m.sent == nil {
		return
	}
	n := m.toSend()
	text := fmt.Sprintf("%d message(s) to send", n)
	if skipped := len(m.plan.Drafts) - n; skipped > 0 {
		text += fmt.Sprintf(", %d already sent (skipped)", skipped)
	}
	if len(m.plan.Notes) > 0 {
		text += ".\n" + strings.Join(m.plan.Notes, "\n")
	}
	m.summary.SetText(text)
	m.send.SetText(fmt.Sprintf("Send %d", n))
	if n > 0 {
		m.send.Enable()
	} else {
		m.send.Disable()
	}
	m.list.Refresh()
}

func (m *mailSend) row(i int) string {
	d := m.plan.Drafts[i]
	text := d.ToName
	if subject, _, err := d.Preview(m.template); err == nil {
		text += " — " + subject
	}
	if i < len(m.sent) && !m.sent[i].IsZero() {
		text = "✓ sent " + m.sent[i].Local().Format("2 Jan") + " · " + text
	}
	return text
}

func (m *mailSend) showDraft() {
	if m.selected < 0 || m.selected >= len(m.plan.Drafts) {
		return
	}
	d := m.plan.Drafts[m.selected]
	subject, body, err := d.Preview(m.template)
	if err != nil {
		m.subject.SetText("The template cannot be filled in: " + err.Error())
		m.body.SetText("")
		return
	}
	m.subject.SetText(subject)
	m.body.SetText("To: " + data.FormatMailbox(d.ToName, d.To) + "\n\n" + body)
	if name := d.AttachmentName(); name != "" {
		m.attach.SetText("Attached: " + name)
	} else {
		m.attach.SetText("No attachment")
	}
}

func (m *mailSend) onEditTemplate() {
	kind := m.currentKind()
	background(m.d, func(ctx context.Context) (data.MailTemplate, error) { return m.d.store.MailTemplate(ctx, kind) },
		func(t data.MailTemplate) {
			showTemplateEditor(m.d, t, func(saved data.MailTemplate) {
				if m.currentKind() == saved.Kind {
					m.template = saved
					m.showDraft()
				}
			})
		})
}

func (m *mailSend) onSend() {
	a, err := m.ask()
	if err != nil {
		dialog.ShowError(err, m.d.win)
		return
	}
	n := m.toSend()
	dialog.ShowConfirm("Send e-mail", fmt.Sprintf("Send %d message(s) now through the organisation's mail server?", n), func(ok bool) {
		if ok {
			runMailBatch(m.d, fmt.Sprintf("Sending %s", strings.ToLower(a.Kind.Title())), func(ctx context.Context) (mailing.Queued, []int64, error) {
				// Read again: what went since the preview is not sent twice.
				plan, err := mailing.Prepare(ctx, m.d.store.Store, a)
				if err != nil {
					return mailing.Queued{}, nil, err
				}
				q, err := mailing.Queue(ctx, m.d.store.Store, plan, m.resend.Checked, time.Now)
				return q, q.IDs, err
			}, func() { m.onPreview() })
		}
	}, m.d.win)
}
