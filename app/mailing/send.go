package mailing

import (
	"context"
	"errors"
	"fmt"
	"time"

	"mentordesk/data"
	"mentordesk/data/mail"
	"mentordesk/data/sqlite"
)

// queueChunk is how many messages are drawn and queued per transaction: memory stays flat
// however large the batch, and the window's own writes never wait long.
const queueChunk = 25

// Skip is a draft that was not queued because its document already went to that person.
type Skip struct {
	Draft  Draft
	SentAt time.Time
}

// Queued is what queueing a plan did.
type Queued struct {
	IDs     []int64 // the messages to send now: new, failed before, or left waiting
	New     int
	Retried int
	Waiting int
	Skipped []Skip
}

// Queue writes every draft of a plan with its kind's template and puts it in the outbox. A
// document already sent to the person is skipped unless resend; no PDF is drawn for it.
func Queue(ctx context.Context, s *sqlite.Store, plan Plan, resend bool, now func() time.Time) (Queued, error) {
	var q Queued
	t, err := s.MailTemplate(ctx, plan.Kind)
	if err != nil {
		return q, err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return q, err
	}
	domain := domainOf(set.Mail)
	chunk := make([]data.OutboxMessage, 0, queueChunk)
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		res, err := s.QueueMessages(ctx, chunk, resend, now())
		if err != nil {
			return err
		}
		for _, r := range res {
			switch r.Outcome {
			case sqlite.QueuedNew:
				q.New++
			case sqlite.QueuedRetry:
				q.Retried++
			case sqlite.QueuedPending:
				q.Waiting++
			}
			if r.Outcome != sqlite.QueuedSkipped {
				q.IDs = append(q.IDs, r.ID)
			}
		}
		chunk = chunk[:0]
		return nil
	}
	for _, d := range plan.Drafts {
		if err := ctx.Err(); err != nil {
			return q, err
		}
		if !resend {
			at, sent, err := s.SentBefore(ctx, d.Document, d.To)
			if err != nil {
				return q, err
			}
			if sent {
				q.Skipped = append(q.Skipped, Skip{Draft: d, SentAt: at})
				continue
			}
		}
		m, err := d.Message(t, domain)
		if err != nil {
			return q, err
		}
		chunk = append(chunk, m)
		if len(chunk) == queueChunk {
			if err := flush(); err != nil {
				return q, err
			}
		}
	}
	return q, flush()
}

// Progress is how far a batch has gone.
type Progress struct {
	Done, Total int
	Current     string // "Name <address>" of the message going now
}

// Failure is one message that did not go.
type Failure struct {
	ID      int64
	To      string
	Subject string
	Reason  string
}

// Result is what sending did.
type Result struct {
	Sent      int
	Failed    []Failure
	Left      int // not tried: the batch was cancelled
	Cancelled bool
}

// Connect opens a session with the organisation's mail server as the settings say.
func Connect(ctx context.Context, s *sqlite.Store, tune func(*mail.Server)) (*mail.Session, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if err := set.Mail.Ready(); err != nil {
		return nil, err
	}
	pw, err := mail.Password(set.Mail)
	if err != nil {
		return nil, err
	}
	srv := mail.Server{Settings: set.Mail, Password: pw, Org: set.OrgName}
	if tune != nil {
		tune(&srv)
	}
	return mail.Open(srv)
}

// Send sends the messages of the outbox named by ids, one at a time over one connection. Each
// is marked sending before it goes and sent or failed after, each in its own transaction: a
// batch stopped at any moment resumes where it was, and only the message in flight can go
// twice (with the same Message-ID). Cancelling stops before the next message. progress, when
// not nil, is called from this goroutine.
func Send(ctx context.Context, s *sqlite.Store, session *mail.Session, ids []int64, now func() time.Time, progress func(Progress)) (Result, error) {
	var r Result
	defer session.Close()
	for i, id := range ids {
		if ctx.Err() != nil {
			r.Cancelled, r.Left = true, len(ids)-i
			return r, nil
		}
		// A cancel must not abort a message half-way: the store's own work runs to its end.
		work := context.WithoutCancel(ctx)
		m, err := s.OutboxMessage(work, id)
		if err != nil {
			return r, err
		}
		if progress != nil {
			progress(Progress{Done: i, Total: len(ids), Current: m.Recipient()})
		}
		ok, err := s.MarkSending(work, id)
		if err != nil {
			return r, fmt.Errorf("outbox message %d: %w", id, err)
		}
		if !ok {
			continue // sent meanwhile (by another batch): not twice
		}
		reply, err := session.Send(ctx, m)
		if err != nil {
			reason := err.Error()
			var ce mail.ConnectError
			if errors.As(err, &ce) {
				// The server cannot be reached: the rest would wait for it each in turn. None of
				// them went; they wait, failed, for a retry.
				return r, failRest(work, s, ids[i:], "not sent: "+reason, &r)
			}
			if err := s.MarkFailed(work, id, reason); err != nil {
				return r, err
			}
			r.Failed = append(r.Failed, Failure{ID: id, To: m.Recipient(), Subject: m.Subject, Reason: reason})
			continue
		}
		if err := s.MarkSent(work, id, reply, now()); err != nil {
			return r, err
		}
		r.Sent++
	}
	if progress != nil {
		progress(Progress{Done: len(ids), Total: len(ids)})
	}
	return r, nil
}

// failRest records the same reason for every message of ids.
func failRest(ctx context.Context, s *sqlite.Store, ids []int64, reason string, r *Result) error {
	for _, id := range ids {
		m, err := s.OutboxMessage(ctx, id)
		if err != nil {
			return err
		}
		if m.Status == data.Sent {
			continue
		}
		if err := s.MarkFailed(ctx, id, reason); err != nil {
			return err
		}
		r.Failed = append(r.Failed, Failure{ID: id, To: m.Recipient(), Subject: m.Subject, Reason: reason})
	}
	return nil
}

// SendTest sends the test message of the mail settings to the sender's own address.
func SendTest(ctx context.Context, s *sqlite.Store, session *mail.Session, now func() time.Time) (string, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return "", err
	}
	to := set.Mail.FromAddress()
	t := data.DefaultTemplate(data.MailTest)
	subject, body, err := t.Fill(map[string]string{"org_name": set.OrgName})
	if err != nil {
		return "", err
	}
	m := data.OutboxMessage{Kind: data.MailTest, Document: "test:" + now().UTC().Format(time.RFC3339Nano), To: to,
		Subject: subject, Body: body, MessageID: sqlite.NewMessageID(domainOf(set.Mail))}
	res, err := s.QueueMessages(ctx, []data.OutboxMessage{m}, true, now())
	if err != nil {
		return "", err
	}
	r, err := Send(ctx, s, session, []int64{res[0].ID}, now, nil)
	if err != nil {
		return "", err
	}
	if len(r.Failed) > 0 {
		return "", errors.New(r.Failed[0].Reason)
	}
	return to, nil
}
