// Package mail sends MentorDesk's outbox through the organisation's own SMTP server: it turns
// an outbox message into MIME (with its PDF and Message-ID) and keeps one connection for a batch.
package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"

	"mentordesk/data"
)

// Server is where and how messages go.
type Server struct {
	Settings data.MailSettings
	Password string
	Org      string      // the organisation's name, in the Organization header
	TLS      *tls.Config // nil: the system's roots, checked against the host name
	Timeout  time.Duration
}

// Session is one connection to the server, opened on the first message and opened again when
// the server drops it.
type Session struct {
	srv    Server
	client *gomail.Client
	conn   *smtp.Client
}

// Open checks the settings; the connection is made by the first Send (or Check).
func Open(srv Server) (*Session, error) {
	if err := srv.Settings.Ready(); err != nil {
		return nil, err
	}
	if srv.Timeout == 0 {
		srv.Timeout = 30 * time.Second
	}
	return &Session{srv: srv}, nil
}

func (s *Session) dial(ctx context.Context) error {
	set := s.srv.Settings
	opts := []gomail.Option{gomail.WithPort(set.Port), gomail.WithTimeout(s.srv.Timeout)}
	switch set.Security {
	case data.SecurityNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case data.SecurityTLS:
		opts = append(opts, gomail.WithSSL())
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	tc := s.srv.TLS
	if tc == nil {
		tc = &tls.Config{ServerName: set.Host, MinVersion: tls.VersionTLS12}
	}
	opts = append(opts, gomail.WithTLSConfig(tc))
	if set.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(set.Username),
			gomail.WithPassword(s.srv.Password))
	}
	c, err := gomail.NewClient(set.Host, opts...)
	if err != nil {
		return fmt.Errorf("mail settings: %w", err)
	}
	conn, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("could not connect to the mail server %s:%d (%s): %s", set.Host, set.Port, set.Security, dialWords(err))
	}
	s.client, s.conn = c, conn
	return nil
}

// Check connects (and signs in) without sending anything.
func (s *Session) Check(ctx context.Context) error {
	if s.conn != nil {
		return nil
	}
	return s.dial(ctx)
}

// ConnectError is a failure to reach or sign in to the server: no message went.
type ConnectError struct{ Err error }

func (e ConnectError) Error() string { return e.Err.Error() }
func (e ConnectError) Unwrap() error { return e.Err }

// Send sends one message and returns the server's reply. A connection the server dropped
// before the message began is opened again once.
func (s *Session) Send(ctx context.Context, m data.OutboxMessage) (string, error) {
	msg, err := Compose(m, s.srv.Settings, s.srv.Org)
	if err != nil {
		return "", err
	}
	for attempt := 0; ; attempt++ {
		if s.conn == nil {
			if err := s.dial(ctx); err != nil {
				return "", ConnectError{err}
			}
		}
		err := s.client.SendWithSMTPClient(s.conn, msg)
		if err == nil {
			return "250 " + strings.TrimSpace(msg.ServerResponse()), nil // the reply to the message's end is 250
		}
		var se *gomail.SendError
		lost := errors.As(err, &se) && se.Reason == gomail.ErrConnCheck
		if lost || (errors.As(err, &se) && se.ErrorCode() == 0 && se.Reason != gomail.ErrNoUnencoded) {
			s.drop()
		}
		if lost && attempt == 0 {
			continue // nothing of the message went: a fresh connection may take it
		}
		return "", errors.New(Words(err, m))
	}
}

func (s *Session) drop() {
	if s.conn != nil {
		s.conn.Close()
	}
	s.conn = nil
}

// Close says goodbye to the server.
func (s *Session) Close() error {
	if s.conn == nil {
		return nil
	}
	err := s.client.CloseWithSMTPClient(s.conn)
	s.conn = nil
	return err
}

// Compose writes an outbox message as MIME: plain-text body, the PDF attached, the sender and
// reply-to of the settings and the message's own Message-ID (kept across attempts, so mail
// programs show one message even when it went twice).
func Compose(m data.OutboxMessage, set data.MailSettings, org string) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(set.From); err != nil {
		return nil, fmt.Errorf("mail.from: %q: %w", set.From, err)
	}
	if set.ReplyTo != "" {
		if err := msg.ReplyTo(set.ReplyTo); err != nil {
			return nil, fmt.Errorf("mail.replyto: %q: %w", set.ReplyTo, err)
		}
	}
	if m.ToName != "" {
		if err := msg.AddToFormat(m.ToName, m.To); err != nil {
			return nil, fmt.Errorf("recipient %q: %w", m.To, err)
		}
	} else if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("recipient %q: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(strings.Trim(m.MessageID, "<>"))
	msg.SetDate()
	msg.SetUserAgent("MentorDesk")
	if org != "" {
		msg.SetOrganization(org)
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	if len(m.Attachment) > 0 {
		if err := msg.AttachReader(m.AttachmentName, bytes.NewReader(m.Attachment),
			gomail.WithFileContentType("application/pdf")); err != nil {
			return nil, fmt.Errorf("attach %s: %w", m.AttachmentName, err)
		}
	}
	return msg, nil
}

// Words says why a message did not go, in the words of the server where it gave any.
func Words(err error, m data.OutboxMessage) string {
	var se *gomail.SendError
	if !errors.As(err, &se) {
		return err.Error()
	}
	detail := se.Error()
	detail = strings.TrimPrefix(detail, se.Reason.String())
	detail = strings.TrimPrefix(detail, ":")
	if i := strings.Index(detail, ", affected"); i >= 0 {
		detail = detail[:i]
	}
	detail = strings.TrimSpace(detail)
	switch se.Reason {
	case gomail.ErrSMTPRcptTo:
		return fmt.Sprintf("the server refused the recipient %s: %s", m.To, detail)
	case gomail.ErrSMTPMailFrom:
		return fmt.Sprintf("the server refused the sender: %s", detail)
	case gomail.ErrSMTPData, gomail.ErrSMTPDataClose:
		if se.ErrorCode() == 0 {
			return fmt.Sprintf("the connection to the mail server was lost while sending (the message may or may not have arrived): %s", detail)
		}
		return fmt.Sprintf("the server refused the message: %s", detail)
	case gomail.ErrWriteContent:
		return fmt.Sprintf("the connection to the mail server was lost while sending (the message may or may not have arrived): %s", detail)
	case gomail.ErrConnCheck:
		return fmt.Sprintf("the connection to the mail server was lost: %s", detail)
	case gomail.ErrSMTPReset:
		return fmt.Sprintf("the server took the message but then stopped answering: %s", detail)
	}
	return detail
}

func dialWords(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "connection refused"):
		return "nothing answers at that address and port (" + s + ")"
	case strings.Contains(s, "no such host"):
		return "the host name is unknown (" + s + ")"
	case strings.Contains(s, "certificate"):
		return "the server's certificate could not be trusted (" + s + ")"
	case strings.Contains(s, "STARTTLS"):
		return "the server does not offer STARTTLS: choose another security setting or port (" + s + ")"
	case strings.Contains(s, "535") || strings.Contains(s, "credentials") || strings.Contains(s, "authentication failed"):
		return "the server did not accept the user name and password (" + s + ")"
	case strings.Contains(s, "i/o timeout") || strings.Contains(s, "deadline exceeded"):
		return "the server did not answer in time (" + s + ")"
	}
	return s
}
