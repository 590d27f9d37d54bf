package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/mailing"
	"mentordesk/data"
	"mentordesk/data/mail"
)

// mailSettings is the E-mail section of Settings: the organisation's mail server, the sender,
// the password (kept in the operating system's credential store, never in the database) and a
// test message to the sender's own address.
type mailSettings struct {
	d       deps
	entries map[string]*widget.Entry
	secure  *widget.Select
	pw      *widget.Entry
	status  *widget.Label
	test    *widget.Button
	loaded  data.MailSettings
	loading bool // the form is being filled from the store, not by the director
}

func newMailSettings(d deps) *mailSettings { return &mailSettings{d: d} }

var mailLabels = map[string]string{"mail.host": "Mail server", "mail.port": "Port", "mail.username": "User name",
	"mail.from": "Sender", "mail.replyto": "Replies go to"}

var mailHints = map[string]string{"mail.host": "smtp.example.org", "mail.port": "587", "mail.username": "empty when the server needs no sign-in",
	"mail.from": "Dana Whitfield <director@example.org>", "mail.replyto": "optional: office@example.org"}

var securityLabels = []string{"STARTTLS (port 587)", "TLS (port 465)", "None (this computer's own server only)"}
var securityValues = []data.MailSecurity{data.SecurityStartTLS, data.SecurityTLS, data.SecurityNone}

func (m *mailSettings) buildUI() fyne.CanvasObject {
	m.entries = map[string]*widget.Entry{}
	form := widget.NewForm()
	for _, k := range data.MailSettingKeys {
		if k == "mail.security" {
			m.secure = widget.NewSelect(securityLabels, m.onSecurity)
			form.Append("Security", m.secure)
			continue
		}
		e := widget.NewEntry()
		e.SetPlaceHolder(mailHints[k])
		key := k
		e.Validator = func(v string) error {
			probe := data.DefaultMailSettings()
			if err := probe.Set(key, v); err != nil {
				return errors.New(strings.TrimPrefix(err.Error(), key+": "))
			}
			return nil
		}
		m.entries[k] = e
		form.Append(mailLabels[k], e)
		if k == "mail.username" {
			m.pw = widget.NewPasswordEntry()
			m.pw.SetPlaceHolder("kept in this computer's credential store")
			form.Append("Password", m.pw)
		}
	}
	m.status = wrapLabel("")
	m.test = widget.NewButton("Send a test message to me", m.onTest)
	note := wrapLabel("MentorDesk sends statements, contracts, handouts and requests through the organisation's own mail server; " +
		"Save settings above keeps these too. The password never goes into the database; scripts may give it in " + mail.PasswordVariable + ".")
	m.reload()
	return container.NewVBox(widget.NewLabelWithStyle("E-mail", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		note, form, container.NewHBox(m.test), m.status)
}

// storedMail is the settings with whether the credential store holds their password (asked off
// the UI goroutine: the store may be a service on the session bus).
type storedMail struct {
	set   data.MailSettings
	hasPW bool
}

func (m *mailSettings) reload() {
	background(m.d, func(ctx context.Context) (storedMail, error) {
		set, err := m.d.store.Settings(ctx)
		return storedMail{set.Mail, mail.HasPassword(set.Mail)}, err
	}, m.show)
}

func (m *mailSettings) show(st storedMail) {
	set := st.set
	m.loaded = set
	m.loading = true
	defer func() { m.loading = false }()
	for k, e := range m.entries {
		v, _ := set.Get(k)
		e.SetText(v)
	}
	for i, v := range securityValues {
		if v == set.Security {
			m.secure.SetSelectedIndex(i)
		}
	}
	m.pw.SetText("")
	if st.hasPW {
		m.pw.SetPlaceHolder("a password is stored; type a new one to change it")
	}
}

// onSecurity moves the port to the one that goes with the security chosen, when the port is
// still the other's usual one.
func (m *mailSettings) onSecurity(string) {
	port := m.entries["mail.port"]
	if port == nil || m.loading {
		return
	}
	switch i := m.secure.SelectedIndex(); {
	case i >= 0 && securityValues[i] == data.SecurityTLS && strings.TrimSpace(port.Text) == "587":
		port.SetText("465")
	case i >= 0 && securityValues[i] == data.SecurityStartTLS && strings.TrimSpace(port.Text) == "465":
		port.SetText("587")
	}
}

// read takes the form as it stands; a bad field is named.
func (m *mailSettings) read() (data.MailSettings, error) {
	next := m.loaded
	for _, k := range data.MailSettingKeys {
		if e, ok := m.entries[k]; ok {
			if err := next.Set(k, e.Text); err != nil {
				return next, fmt.Errorf("%s: %s", mailLabels[k], strings.TrimPrefix(err.Error(), k+": "))
			}
		}
	}
	if i := m.secure.SelectedIndex(); i >= 0 {
		next.Security = securityValues[i]
	}
	return next, nil
}

// onSave stores the settings and the password, then runs then (if any) on the UI goroutine.
func (m *mailSettings) onSave(then func()) {
	next, err := m.read()
	if err != nil {
		dialog.ShowError(err, m.d.win)
		return
	}
	pw := m.pw.Text
	background(m.d, func(ctx context.Context) (storedMail, error) {
		if err := m.d.store.SaveMailSettings(ctx, next); err != nil {
			return storedMail{}, err
		}
		if pw != "" {
			if err := mail.SavePassword(next, pw); err != nil {
				return storedMail{}, err
			}
		}
		return storedMail{next, mail.HasPassword(next)}, nil
	}, func(st storedMail) {
		m.show(st)
		m.status.SetText("E-mail settings saved.")
		if then != nil {
			then()
		}
	})
}

// onTest saves what the form holds, then sends the test message off the UI goroutine.
func (m *mailSettings) onTest() {
	m.onSave(func() {
		m.test.Disable()
		m.status.SetText("Sending a test message…")
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			to, err := func() (string, error) {
				session, err := mailing.Connect(ctx, m.d.store.Store, nil)
				if err != nil {
					return "", err
				}
				return mailing.SendTest(ctx, m.d.store.Store, session, time.Now)
			}()
			fyne.Do(func() {
				m.test.Enable()
				if err != nil {
					m.status.SetText("The test message did not go: " + err.Error())
					return
				}
				m.status.SetText("A test message went to " + to + ". Check that it arrived.")
			})
		}()
	})
}
