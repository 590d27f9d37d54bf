package data

import (
	"fmt"
	"strings"
	"time"
)

// MailKind is what a message of the outbox carries.
type MailKind string

const (
	MailStatement    MailKind = "statement"    // a payment statement to its mentor
	MailContract     MailKind = "contract"     // a contract to a mentor for signature
	MailRoster       MailKind = "roster"       // a school's roster handout to its instructors
	MailSchedule     MailKind = "schedule"     // a classroom's schedule handout to its instructor
	MailConfirmation MailKind = "confirmation" // completed sessions awaiting an instructor's confirmation
	MailReminder     MailKind = "reminder"     // a compliance reminder to a mentor
	MailIntroduction MailKind = "introduction" // a mutual-mentorship introduction and the term's invitation
	MailTest         MailKind = "test"         // the test message of the mail settings
)

// MailKinds are the kinds the director sends, in the order the window lists them.
var MailKinds = []MailKind{MailStatement, MailContract, MailRoster, MailSchedule, MailConfirmation, MailReminder, MailIntroduction}

// Title is the kind as the window names it.
func (k MailKind) Title() string {
	switch k {
	case MailStatement:
		return "Payment statements"
	case MailContract:
		return "Contracts for signature"
	case MailRoster:
		return "Roster handouts"
	case MailSchedule:
		return "Schedule handouts"
	case MailConfirmation:
		return "Confirmation requests"
	case MailReminder:
		return "Compliance reminders"
	case MailIntroduction:
		return "Introductions and invitations"
	case MailTest:
		return "Test message"
	}
	return string(k)
}

// OutboxStatus is where a message stands. A message is marked sending, in its own committed
// transaction, before it goes to the server: one found sending when the program starts was in
// flight when it stopped, and goes again with the same Message-ID.
type OutboxStatus string

const (
	Queued  OutboxStatus = "queued"
	Sending OutboxStatus = "sending"
	Sent    OutboxStatus = "sent"
	Failed  OutboxStatus = "failed"
)

// Public is the status as lists and the outbox CSV show it: a message in flight is still queued.
func (s OutboxStatus) Public() string {
	if s == Sending {
		return string(Queued)
	}
	return string(s)
}

// OutboxMessage is one e-mail MentorDesk sends, kept with what became of it.
type OutboxMessage struct {
	ID       int64
	Kind     MailKind
	Document string // what it carries, such as "statement:17": the same document goes to a person once
	To       string // bare address
	ToName   string
	Subject  string
	Body     string
	// Attachment is the PDF; lists leave it empty and read it only to send.
	AttachmentName string
	Attachment     []byte
	MessageID      string // "<…@…>", set when queued and kept for every attempt
	Status         OutboxStatus
	Attempts       int
	Error          string // why the last attempt failed, in words
	Reply          string // the server's reply to the accepted message
	QueuedAt       time.Time
	SentAt         time.Time
}

// Recipient is "Name <address>".
func (m OutboxMessage) Recipient() string { return FormatMailbox(m.ToName, m.To) }

// Validate checks a message before it is queued.
func (m OutboxMessage) Validate() error {
	var p Problems
	if m.Kind == "" {
		p.add("kind", "is missing")
	}
	if strings.TrimSpace(m.Document) == "" {
		p.add("document", "is missing")
	}
	p.email("to", m.To, true)
	if strings.ContainsAny(m.Subject, "\r\n") {
		p.add("subject", "must be one line")
	}
	if strings.TrimSpace(m.Subject) == "" {
		p.add("subject", "is empty")
	}
	if len(m.Attachment) > 0 && strings.TrimSpace(m.AttachmentName) == "" {
		p.add("attachment", "has no file name")
	}
	if err := p.err(); err != nil {
		return fmt.Errorf("message to %s: %w", m.To, err)
	}
	return nil
}
