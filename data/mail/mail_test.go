package mail_test

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/mail"
	"mentordesk/data/mail/mailtest"
)

func TestMain(m *testing.M) {
	mail.UseMemoryCredentials()
	m.Run()
}

func settingsFor(srv *mailtest.Server, security data.MailSecurity) data.MailSettings {
	return data.MailSettings{Host: srv.Host, Port: srv.Port, Security: security, From: "Dana Whitfield <dana@mentors.example.org>",
		ReplyTo: "office@mentors.example.org"}
}

func message(to string) data.OutboxMessage {
	return data.OutboxMessage{Kind: data.MailStatement, Document: "statement:7", To: to, ToName: "Zoë Łukasiewicz",
		Subject: "Payment statement No. 7 — Café School", Body: "Dear Zoë,\n\nAttached.\n", AttachmentName: "statement-0007.pdf",
		Attachment: []byte("%PDF-1.4 not really\x00\xff binary"), MessageID: "<abc.mentordesk@mentors.example.org>"}
}

func TestSendsOverStartTLSWithSignIn(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{StartTLS: true, User: "dana", Password: "s3cret"})
	set := settingsFor(srv, data.SecurityStartTLS)
	set.Username = "dana"
	s, err := mail.Open(mail.Server{Settings: set, Password: "s3cret", Org: "Cascade Mentors", TLS: &tls.Config{RootCAs: srv.Roots, ServerName: "localhost"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reply, err := s.Send(context.Background(), message("zoe@example.org"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(reply, "250") {
		t.Errorf("server's reply %q; want the 250 it gave", reply)
	}
	got := srv.Messages()
	if len(got) != 1 || !got[0].TLS || got[0].User != "dana" || got[0].To[0] != "zoe@example.org" {
		t.Fatalf("received %+v; want one message over TLS, signed in as dana", got)
	}
	p, err := mailtest.Parse(got[0].Data)
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "Payment statement No. 7 — Café School" || !strings.Contains(p.Text, "Dear Zoë") {
		t.Errorf("subject %q text %q", p.Subject, p.Text)
	}
	if id := p.Header.Get("Message-ID"); id != "<abc.mentordesk@mentors.example.org>" {
		t.Errorf("Message-ID %q; want the outbox's", id)
	}
	if r := p.Header.Get("Reply-To"); !strings.Contains(r, "office@mentors.example.org") {
		t.Errorf("Reply-To %q", r)
	}
	if string(p.Attachments["statement-0007.pdf"]) != string(message("").Attachment) {
		t.Errorf("attachment %q; want the bytes given", p.Attachments["statement-0007.pdf"])
	}
}

func TestSendsOverTLS(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{TLS: true})
	s, _ := mail.Open(mail.Server{Settings: settingsFor(srv, data.SecurityTLS), TLS: &tls.Config{RootCAs: srv.Roots, ServerName: "localhost"}})
	defer s.Close()
	if _, err := s.Send(context.Background(), message("zoe@example.org")); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(); len(got) != 1 || !got[0].TLS {
		t.Fatalf("received %+v; want one over TLS", got)
	}
}

func TestFailuresInWords(t *testing.T) {
	t.Run("a wrong password is a failure to connect, in words", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{StartTLS: true, User: "dana", Password: "s3cret"})
		set := settingsFor(srv, data.SecurityStartTLS)
		set.Username = "dana"
		s, _ := mail.Open(mail.Server{Settings: set, Password: "wrong", TLS: &tls.Config{RootCAs: srv.Roots, ServerName: "localhost"}})
		_, err := s.Send(context.Background(), message("zoe@example.org"))
		var ce mail.ConnectError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "535") || len(srv.Messages()) != 0 {
			t.Fatalf("err %v; want a ConnectError with the server's 535", err)
		}
	})
	t.Run("a certificate not trusted is named as such, not as a password", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{StartTLS: true, User: "dana", Password: "s3cret"})
		set := settingsFor(srv, data.SecurityStartTLS)
		set.Username = "dana"
		s, _ := mail.Open(mail.Server{Settings: set, Password: "s3cret"}) // the system's roots: the test's certificate is unknown
		_, err := s.Send(context.Background(), message("zoe@example.org"))
		if err == nil || !strings.Contains(err.Error(), "certificate could not be trusted") || strings.Contains(err.Error(), "password") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("STARTTLS asked of a server without it", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{})
		s, _ := mail.Open(mail.Server{Settings: settingsFor(srv, data.SecurityStartTLS)})
		_, err := s.Send(context.Background(), message("zoe@example.org"))
		if err == nil || !strings.Contains(err.Error(), "STARTTLS") {
			t.Fatalf("err %v; want it to name STARTTLS", err)
		}
	})
	t.Run("a refused recipient names the address and the server's words", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Refuse: func(to string) error {
			if to == "gone@example.org" {
				return mailtest.Refusal(to)
			}
			return nil
		}})
		s, _ := mail.Open(mail.Server{Settings: settingsFor(srv, data.SecurityNone)})
		defer s.Close()
		_, err := s.Send(context.Background(), message("gone@example.org"))
		if err == nil || !strings.Contains(err.Error(), "refused the recipient gone@example.org") || !strings.Contains(err.Error(), "550") ||
			!strings.Contains(err.Error(), "User unknown") {
			t.Fatalf("err %v", err)
		}
		// The connection goes on for the next message.
		if _, err := s.Send(context.Background(), message("zoe@example.org")); err != nil {
			t.Fatalf("after a refusal: %v", err)
		}
	})
	t.Run("nothing listening", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{})
		srv.Stop()
		s, _ := mail.Open(mail.Server{Settings: settingsFor(srv, data.SecurityNone)})
		_, err := s.Send(context.Background(), message("zoe@example.org"))
		if err == nil || !strings.Contains(err.Error(), "could not connect to the mail server") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("settings not set up", func(t *testing.T) {
		if _, err := mail.Open(mail.Server{Settings: data.DefaultMailSettings()}); err == nil || !strings.Contains(err.Error(), "mail.host") {
			t.Fatalf("err %v; want it to name mail.host", err)
		}
	})
}

func TestPasswordComesFromTheVariableOrTheCredentialStore(t *testing.T) {
	set := data.MailSettings{Host: "smtp.example.org", Port: 587, Security: data.SecurityStartTLS, Username: "dana"}
	if _, err := mail.Password(set); err == nil || !strings.Contains(err.Error(), "Settings → E-mail") {
		t.Fatalf("no password stored: err %v", err)
	}
	if err := mail.SavePassword(set, "from-the-store"); err != nil {
		t.Fatal(err)
	}
	if pw, err := mail.Password(set); err != nil || pw != "from-the-store" {
		t.Fatalf("password %q, %v", pw, err)
	}
	t.Setenv(mail.PasswordVariable, "from-the-variable")
	if pw, _ := mail.Password(set); pw != "from-the-variable" {
		t.Fatalf("password %q; want the variable's", pw)
	}
}
