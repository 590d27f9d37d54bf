package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"mentordesk/app/mailing"
	"mentordesk/data"
	"mentordesk/data/mail"
	"mentordesk/data/mail/mailtest"
	"mentordesk/data/sqlite"
)

// mailStore is the sample organisation sending to srv.
func mailStore(t *testing.T, srv *mailtest.Server) *sqlite.Store {
	mail.UseMemoryCredentials()
	st := demoStore(t)
	if err := st.SaveMailSettings(context.Background(), data.MailSettings{Host: srv.Host, Port: srv.Port, Security: data.SecurityNone,
		From: "Dana Whitfield <dana@mentors.example.org>"}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSendStatementsFromTheWindow(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	st := mailStore(t, srv)
	w, sh := testWindow(t, st)
	m := showMailSend(sh.deps(), data.MailStatement)
	test.Type(m.entries["from"], "2025-09-01")
	test.Type(m.entries["through"], "2025-09-30")
	test.Tap(findButton(t, w, "Preview"))
	eventually(t, "the preview", func() bool { return len(m.plan.Drafts) == 3 && m.subject.Text != "" })
	if !strings.HasPrefix(m.subject.Text, "Payment statement No. ") || !strings.Contains(m.body.Text, "Dear ") ||
		!strings.HasPrefix(m.attach.Text, "Attached: statement-") || m.send.Text != "Send 3" {
		t.Fatalf("preview: subject %q attach %q send %q body %q", m.subject.Text, m.attach.Text, m.send.Text, m.body.Text)
	}
	if len(srv.Messages()) != 0 {
		t.Fatal("the preview sent mail")
	}

	test.Tap(m.send)
	test.Tap(findButton(t, w, "Yes"))
	eventually(t, "the batch", func() bool { return strings.Contains(dialogText(w), "3 message(s) sent.") })
	if n := len(srv.Messages()); n != 3 {
		t.Fatalf("%d messages received; want 3", n)
	}
	eventually(t, "the preview again", func() bool { return m.send.Text == "Send 0" && m.send.Disabled() })
	if !strings.Contains(m.row(0), "✓ sent") {
		t.Errorf("row %q does not say it was sent", m.row(0))
	}

	t.Run("the statement and its mentor's page say it went", func(t *testing.T) {
		rec := m.plan.Drafts[0]
		l := sentStatus(sh.deps(), "This statement", rec.Document)
		eventually(t, "the sent status", func() bool { return strings.Contains(l.Text, "e-mailed to "+rec.To) })
		msgs, err := st.Outbox(context.Background(), sqlite.OutboxFilter{To: strings.ToUpper(rec.To)})
		if err != nil || len(msgs) == 0 || msgs[0].Status != data.Sent {
			t.Fatalf("outbox for %s: %v %v", rec.To, msgs, err)
		}
		if line := sentLine(msgs[0]); !strings.Contains(line, "sent") || !strings.Contains(line, "statement-") {
			t.Errorf("sent list line %q", line)
		}
	})
}

func TestCancelStopsBeforeTheNextMessage(t *testing.T) {
	release := make(chan struct{})
	srv := mailtest.Start(t, mailtest.Options{OnMessage: func(n int) {
		if n == 1 {
			<-release // the first message is in flight while the director cancels
		}
	}})
	st := mailStore(t, srv)
	w, sh := testWindow(t, st)
	d := sh.deps()
	done := false
	runMailBatch(d, "Sending", func(ctx context.Context) (mailing.Queued, []int64, error) {
		plan, err := mailing.Prepare(ctx, st, mailing.Ask{Kind: data.MailStatement, From: data.MustDate("2025-09-01"),
			Through: data.MustDate("2025-10-31"), Today: testToday})
		if err != nil {
			return mailing.Queued{}, nil, err
		}
		q, err := mailing.Queue(ctx, st, plan, false, time.Now)
		return q, q.IDs, err
	}, func() { done = true })
	eventually(t, "the first message", func() bool { return len(srv.Messages()) == 1 })
	test.Tap(findButton(t, w, "Cancel"))
	close(release)
	eventually(t, "the end of the batch", func() bool { return done })
	text := dialogText(w)
	if !strings.Contains(text, "1 message(s) sent.") || !strings.Contains(text, "Cancelled:") {
		t.Fatalf("result %q; want one sent, the rest waiting", text)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("%d messages went after Cancel; want only the one in flight", n)
	}
	ids, err := st.UnsentMessages(context.Background())
	if err != nil || len(ids) < 2 {
		t.Fatalf("%d message(s) wait in the outbox (%v); want the rest of the batch", len(ids), err)
	}
	for _, id := range ids {
		m, _ := st.OutboxMessage(context.Background(), id)
		if m.Status != data.Queued || m.Attempts != 0 {
			t.Errorf("left after Cancel: %s tried %d times; want queued, never tried", m.Status, m.Attempts)
		}
	}
	showMailSend(d, data.MailStatement)
	want := fmt.Sprintf("%d message(s) from before wait in the outbox", len(ids))
	eventually(t, "the note of what waits", func() bool { return strings.Contains(dialogText(w), want) })
}

func TestMailSettingsSaveAndTheirPassword(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	st := mailStore(t, srv)
	_, sh := testWindow(t, st)
	ms := newMailSettings(sh.deps())
	ms.buildUI()
	eventually(t, "the mail settings", func() bool { return ms.entries["mail.host"].Text == srv.Host })
	ms.entries["mail.username"].SetText("dana")
	ms.entries["mail.port"].SetText(fmt.Sprint(srv.Port))
	ms.pw.SetText("s3cret")
	ms.secure.SetSelectedIndex(1) // TLS: the port moves to 465 when it was 587
	ms.entries["mail.port"].SetText("587")
	ms.secure.SetSelectedIndex(0)
	ms.secure.SetSelectedIndex(1)
	if got := ms.entries["mail.port"].Text; got != "465" {
		t.Errorf("port %q after choosing TLS; want 465", got)
	}
	ms.entries["mail.port"].SetText(fmt.Sprint(srv.Port)) // a port of its own stays
	ms.secure.SetSelectedIndex(0)                         // STARTTLS
	if got := ms.entries["mail.port"].Text; got != fmt.Sprint(srv.Port) {
		t.Errorf("port %q; the director's own port must stay", got)
	}
	ms.onSave(nil)
	eventually(t, "the save", func() bool { return ms.status.Text == "E-mail settings saved." })
	set, err := st.Settings(context.Background())
	if err != nil || set.Mail.Username != "dana" || set.Mail.Security != data.SecurityStartTLS {
		t.Fatalf("stored %+v, %v", set.Mail, err)
	}
	if pw, err := mail.Password(set.Mail); err != nil || pw != "s3cret" {
		t.Fatalf("credential store holds %q, %v", pw, err)
	}
	for _, f := range []string{st.Path(), st.Path() + "-wal"} {
		if b, _ := os.ReadFile(f); bytes.Contains(b, []byte("s3cret")) {
			t.Fatalf("the password is in %s", f)
		}
	}
	ms.entries["mail.from"].SetText("not an address")
	ms.onSave(nil)
	eventually(t, "the refusal", func() bool { return dialogText(sh.win) != "" })
	if !strings.Contains(dialogText(sh.win), "Sender") {
		t.Errorf("refusal %q does not name the field", dialogText(sh.win))
	}
}

func TestTheSettingsPageSaveKeepsTheMailSettings(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	st := mailStore(t, srv)
	_, sh := testWindow(t, st)
	s := newSettings(sh.deps())
	s.buildUI()
	s.reload()
	eventually(t, "the page", func() bool { return s.mail.entries["mail.host"].Text == srv.Host && s.entries["org.name"].Text != "" })
	s.mail.entries["mail.replyto"].SetText("office@mentors.example.org")
	s.onSave()
	eventually(t, "the save", func() bool { return s.saved.Text == "Saved." })
	eventually(t, "the mail save", func() bool {
		set, _ := st.Settings(context.Background())
		return set.Mail.ReplyTo == "office@mentors.example.org"
	})
	s.mail.entries["mail.port"].SetText("port")
	s.onSave()
	if !strings.Contains(s.saved.Text, "Not saved: e-mail: Port") {
		t.Errorf("a bad port: %q", s.saved.Text)
	}
}
