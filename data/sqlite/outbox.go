package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"mentordesk/data"
)

// Queued says what queueing did with one message.
type Queued struct {
	ID      int64
	Outcome QueueOutcome
	SentAt  time.Time // when the document already went (Skipped)
}

// QueueOutcome is what became of a message handed to the outbox.
type QueueOutcome string

const (
	QueuedNew     QueueOutcome = "new"     // a new message
	QueuedPending QueueOutcome = "pending" // the same document already waits to go (or was in flight)
	QueuedRetry   QueueOutcome = "retry"   // it failed before and goes again, with its Message-ID
	QueuedSkipped QueueOutcome = "skipped" // it went already; not sent twice
)

const outboxTime = time.RFC3339

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(outboxTime)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(outboxTime, s)
	return t
}

// NewMessageID makes a Message-ID under the sender's domain.
func NewMessageID(domain string) string {
	b := make([]byte, 12)
	rand.Read(b)
	if domain == "" {
		domain = "mentordesk.invalid"
	}
	return "<" + hex.EncodeToString(b) + ".mentordesk@" + domain + ">"
}

// QueueMessages puts messages in the outbox in one transaction. The same document to the same
// address is queued once: one already sent is skipped unless resend, one waiting is kept, one
// that failed is queued again with its Message-ID.
func (s *Store) QueueMessages(ctx context.Context, msgs []data.OutboxMessage, resend bool, now time.Time) ([]Queued, error) {
	for _, m := range msgs {
		if err := m.Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]Queued, 0, len(msgs))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, m := range msgs {
			q, err := queueOne(tx, m, resend, now)
			if err != nil {
				return fmt.Errorf("queue %s to %s: %w", m.Document, m.To, err)
			}
			out = append(out, q)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func queueOne(tx *sql.Tx, m data.OutboxMessage, resend bool, now time.Time) (Queued, error) {
	var id int64
	var status, sentAt string
	err := tx.QueryRow(`SELECT id, status, sent_at FROM outbox WHERE document = ? AND to_addr = ? COLLATE NOCASE
		ORDER BY (status = 'sent') DESC, id DESC LIMIT 1`, m.Document, m.To).Scan(&id, &status, &sentAt)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Queued{}, err
	}
	if found && !resend {
		switch data.OutboxStatus(status) {
		case data.Sent:
			return Queued{ID: id, Outcome: QueuedSkipped, SentAt: parseTime(sentAt)}, nil
		case data.Queued, data.Sending:
			return Queued{ID: id, Outcome: QueuedPending}, nil
		case data.Failed:
			_, err := tx.Exec("UPDATE outbox SET status = 'queued' WHERE id = ?", id)
			return Queued{ID: id, Outcome: QueuedRetry}, err
		}
	}
	if found && resend {
		// A resend of a message still waiting is that message.
		var waiting bool
		if err := tx.QueryRow("SELECT EXISTS(SELECT 1 FROM outbox WHERE document = ? AND to_addr = ? COLLATE NOCASE AND status IN ('queued','sending'))",
			m.Document, m.To).Scan(&waiting); err != nil {
			return Queued{}, err
		}
		if waiting {
			return Queued{ID: id, Outcome: QueuedPending}, nil
		}
	}
	if m.MessageID == "" {
		m.MessageID = NewMessageID("")
	}
	res, err := tx.Exec(`INSERT INTO outbox(kind, document, to_addr, to_name, subject, body, attachment_name, message_id, queued_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, string(m.Kind), m.Document, m.To, m.ToName, m.Subject, m.Body, m.AttachmentName,
		m.MessageID, timeText(now))
	if err != nil {
		return Queued{}, err
	}
	id, _ = res.LastInsertId()
	if len(m.Attachment) > 0 {
		if _, err := tx.Exec("INSERT INTO outbox_attachments(message, content) VALUES (?, ?)", id, m.Attachment); err != nil {
			return Queued{}, err
		}
	}
	return Queued{ID: id, Outcome: QueuedNew}, nil
}

const outboxCols = `id, kind, document, to_addr, to_name, subject, body, attachment_name, message_id, status, attempts,
	error, reply, queued_at, sent_at`

func scanOutbox(sc interface{ Scan(...any) error }, m *data.OutboxMessage) error {
	var kind, status, queued, sent string
	err := sc.Scan(&m.ID, &kind, &m.Document, &m.To, &m.ToName, &m.Subject, &m.Body, &m.AttachmentName, &m.MessageID,
		&status, &m.Attempts, &m.Error, &m.Reply, &queued, &sent)
	m.Kind, m.Status, m.QueuedAt, m.SentAt = data.MailKind(kind), data.OutboxStatus(status), parseTime(queued), parseTime(sent)
	return err
}

// OutboxMessage reads one message with its attachment, as it is sent.
func (s *Store) OutboxMessage(ctx context.Context, id int64) (data.OutboxMessage, error) {
	var m data.OutboxMessage
	err := scanOutbox(s.r.QueryRowContext(ctx, "SELECT "+outboxCols+" FROM outbox WHERE id = ?", id), &m)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("outbox message %d: %w", id, data.ErrNotFound)
	}
	if err != nil {
		return m, fmt.Errorf("read outbox message %d: %w", id, err)
	}
	err = s.r.QueryRowContext(ctx, "SELECT content FROM outbox_attachments WHERE message = ?", id).Scan(&m.Attachment)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("read the attachment of outbox message %d: %w", id, err)
	}
	return m, nil
}

// OutboxFilter selects messages of the outbox; zero fields match all.
type OutboxFilter struct {
	To       string // an address, compared case-insensitively
	Document string
	Unsent   bool // queued, in flight or failed
	Limit    int
}

// Outbox lists messages without their attachments, newest first.
func (s *Store) Outbox(ctx context.Context, f OutboxFilter) ([]data.OutboxMessage, error) {
	var where []string
	var args []any
	if f.To != "" {
		where, args = append(where, "to_addr = ? COLLATE NOCASE"), append(args, strings.TrimSpace(f.To))
	}
	if f.Document != "" {
		where, args = append(where, "document = ?"), append(args, f.Document)
	}
	if f.Unsent {
		where = append(where, "status <> 'sent'")
	}
	q := "SELECT " + outboxCols + " FROM outbox"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", err)
	}
	defer rows.Close()
	var out []data.OutboxMessage
	for rows.Next() {
		var m data.OutboxMessage
		if err := scanOutbox(rows, &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// UnsentMessages lists the messages still to go, oldest first: queued, in flight when the
// program stopped, and failed.
func (s *Store) UnsentMessages(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id FROM outbox WHERE status <> 'sent' ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// MarkSending records that a message is about to go to the server; its attempt is counted.
// A message already sent is not sent again: MarkSending then reports false.
func (s *Store) MarkSending(ctx context.Context, id int64) (bool, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status <> 'sent'", id)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n == 1, err
}

// MarkSent records the server's acceptance of a message.
func (s *Store) MarkSent(ctx context.Context, id int64, reply string, at time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE outbox SET status = 'sent', reply = ?, sent_at = ?, error = '' WHERE id = ?", reply, timeText(at), id)
		return err
	})
}

// MarkFailed records why a message did not go; it waits for a retry.
func (s *Store) MarkFailed(ctx context.Context, id int64, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE outbox SET status = 'failed', error = ? WHERE id = ?", reason, id)
		return err
	})
}

// DocumentSent tells when a document last went to anyone, and to whom; zero when never.
func (s *Store) DocumentSent(ctx context.Context, document string) (time.Time, string, error) {
	var at, to string
	err := s.r.QueryRowContext(ctx, `SELECT sent_at, to_addr FROM outbox WHERE document = ? AND status = 'sent'
		ORDER BY sent_at DESC LIMIT 1`, document).Scan(&at, &to)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, "", nil
	}
	return parseTime(at), to, err
}

// SentBefore tells whether a document already went to an address, and when.
func (s *Store) SentBefore(ctx context.Context, document, to string) (time.Time, bool, error) {
	var at string
	err := s.r.QueryRowContext(ctx, `SELECT sent_at FROM outbox WHERE document = ? AND to_addr = ? COLLATE NOCASE AND status = 'sent'
		ORDER BY id DESC LIMIT 1`, document, to).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	return parseTime(at), err == nil, err
}
