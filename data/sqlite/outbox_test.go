package sqlite

import (
	"testing"
	"time"

	"mentordesk/data"
)

func TestOutboxSendsADocumentToAPersonOnce(t *testing.T) {
	s := newStore(t)
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	msg := func(doc, to string) data.OutboxMessage {
		return data.OutboxMessage{Kind: data.MailStatement, Document: doc, To: to, Subject: "Statement", Body: "Dear Ana",
			AttachmentName: "statement-00001.pdf", Attachment: []byte("%PDF-1.4 x")}
	}
	queue := func(resend bool, ms ...data.OutboxMessage) []Queued {
		t.Helper()
		q, err := s.QueueMessages(ctx, ms, resend, now)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	first := queue(false, msg("statement:1", "ana@example.org"), msg("statement:2", "ana@example.org"))
	if first[0].Outcome != QueuedNew || first[1].Outcome != QueuedNew {
		t.Fatalf("first queue: %+v", first)
	}
	id := first[0].ID

	t.Run("one waiting is the same message", func(t *testing.T) {
		again := queue(false, msg("statement:1", "ANA@example.org"))
		if again[0].Outcome != QueuedPending || again[0].ID != id {
			t.Fatalf("%+v; want message %d, still waiting", again, id)
		}
	})
	t.Run("one in flight keeps its Message-ID", func(t *testing.T) {
		before, _ := s.OutboxMessage(ctx, id)
		if ok, err := s.MarkSending(ctx, id); !ok || err != nil {
			t.Fatalf("MarkSending: %v %v", ok, err)
		}
		again := queue(false, msg("statement:1", "ana@example.org"))
		after, _ := s.OutboxMessage(ctx, id)
		if again[0].ID != id || after.MessageID != before.MessageID || after.Status != data.Sending || after.Attempts != 1 {
			t.Fatalf("%+v: %+v", again, after)
		}
		if string(after.Attachment) != "%PDF-1.4 x" {
			t.Errorf("attachment %q", after.Attachment)
		}
	})
	t.Run("a failed one goes again, same Message-ID", func(t *testing.T) {
		if err := s.MarkFailed(ctx, id, "the server refused the recipient"); err != nil {
			t.Fatal(err)
		}
		again := queue(false, msg("statement:1", "ana@example.org"))
		m, _ := s.OutboxMessage(ctx, id)
		if again[0].Outcome != QueuedRetry || m.Status != data.Queued || m.Error != "the server refused the recipient" {
			t.Fatalf("%+v: %+v", again, m)
		}
	})
	t.Run("a sent one is skipped, and not sent twice", func(t *testing.T) {
		s.MarkSending(ctx, id)
		if err := s.MarkSent(ctx, id, "250 2.0.0 OK", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		again := queue(false, msg("statement:1", "ana@example.org"))
		if again[0].Outcome != QueuedSkipped || !again[0].SentAt.Equal(now.Add(time.Minute)) {
			t.Fatalf("%+v", again)
		}
		if ok, _ := s.MarkSending(ctx, id); ok {
			t.Error("a sent message was marked to go again")
		}
		at, to, err := s.DocumentSent(ctx, "statement:1")
		if err != nil || to != "ana@example.org" || !at.Equal(now.Add(time.Minute)) {
			t.Errorf("DocumentSent = %v %q %v", at, to, err)
		}
	})
	t.Run("a resend is a new message with a new Message-ID", func(t *testing.T) {
		again := queue(true, msg("statement:1", "ana@example.org"))
		old, _ := s.OutboxMessage(ctx, id)
		m, _ := s.OutboxMessage(ctx, again[0].ID)
		if again[0].Outcome != QueuedNew || again[0].ID == id || m.MessageID == old.MessageID {
			t.Fatalf("%+v", again)
		}
	})
	t.Run("the same document to another person is another message", func(t *testing.T) {
		if q := queue(false, msg("statement:1", "bo@example.org")); q[0].Outcome != QueuedNew {
			t.Fatalf("%+v", q)
		}
	})
	t.Run("a message that does not validate queues nothing", func(t *testing.T) {
		n, _ := s.UnsentMessages(ctx)
		bad := msg("statement:9", "not-an-address")
		if _, err := s.QueueMessages(ctx, []data.OutboxMessage{msg("statement:8", "cy@example.org"), bad}, false, now); err == nil {
			t.Fatal("a bad address was queued")
		}
		if m, _ := s.UnsentMessages(ctx); len(m) != len(n) {
			t.Errorf("%d unsent after a refused batch; was %d", len(m), len(n))
		}
	})
	t.Run("mail templates", func(t *testing.T) {
		tpl, err := s.MailTemplate(ctx, data.MailReminder)
		if err != nil || tpl != data.DefaultTemplate(data.MailReminder) {
			t.Fatalf("%+v %v", tpl, err)
		}
		tpl.Subject = "Please renew, {first_name}"
		if err := s.SaveMailTemplate(ctx, tpl); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.MailTemplate(ctx, data.MailReminder); got.Subject != "Please renew, {first_name}" {
			t.Errorf("saved template %q", got.Subject)
		}
		tpl.Subject = "Please renew, {nickname}"
		if err := s.SaveMailTemplate(ctx, tpl); err == nil {
			t.Error("a template with an unknown field was saved")
		}
	})
}
