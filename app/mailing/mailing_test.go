package mailing

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

var today = data.MustDate("2026-11-22")

func sample(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Fill(context.Background(), s, today); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPrepare(t *testing.T) {
	s := sample(t)
	ctx := context.Background()
	t.Run("contracts go to those without a signed one, the rest named in one note", func(t *testing.T) {
		p, err := Prepare(ctx, s, Ask{Kind: data.MailContract, Year: data.SchoolYearOf(today, data.DefaultSchoolYearStart), Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Drafts) == 0 || len(p.Notes) != 1 || !strings.Contains(p.Notes[0], "signed the 2026-27 contract already") {
			t.Fatalf("%d drafts, notes %q", len(p.Drafts), p.Notes)
		}
		for _, d := range p.Drafts {
			cs, _ := s.Contracts(ctx, mentorID(t, s, d.To))
			if data.ContractFor(cs, 2026).Signed {
				t.Errorf("%s signed already and would get a contract", d.To)
			}
		}
	})
	t.Run("a draft becomes its message with its PDF", func(t *testing.T) {
		p, err := Prepare(ctx, s, Ask{Kind: data.MailStatement, From: data.MustDate("2025-09-01"), Through: data.MustDate("2025-09-30"), Today: today})
		if err != nil || len(p.Drafts) == 0 {
			t.Fatalf("%v %v", p, err)
		}
		m, err := p.Drafts[0].Message(data.DefaultTemplate(data.MailStatement), "mentors.example.org")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(m.Attachment), "%PDF-") || !strings.HasSuffix(m.MessageID, "@mentors.example.org>") ||
			!strings.Contains(m.Body, "Dear "+strings.Fields(m.ToName)[0]) || m.Validate() != nil {
			t.Errorf("message %+v", m)
		}
	})
	t.Run("a template with an unknown field stops the batch with its name", func(t *testing.T) {
		p, _ := Prepare(ctx, s, Ask{Kind: data.MailReminder, On: today, Today: today})
		if len(p.Drafts) == 0 {
			t.Fatal("the sample has no mentor to remind")
		}
		_, err := p.Drafts[0].Message(data.MailTemplate{Kind: data.MailReminder, Subject: "Hi {nickname}", Body: "x"}, "")
		if err == nil || !strings.Contains(err.Error(), "{nickname}") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("unknown names are named", func(t *testing.T) {
		for _, a := range []Ask{{Kind: data.MailSchedule, School: "Nowhere", Classroom: "Band", Year: 2026},
			{Kind: data.MailRoster, School: "Nowhere"}, {Kind: data.MailIntroduction, Cohort: "Nowhere"}} {
			if _, err := Prepare(ctx, s, a); err == nil || !strings.Contains(err.Error(), `"Nowhere"`) {
				t.Errorf("%s: %v", a.Kind, err)
			}
		}
	})
}

func mentorID(t *testing.T, s *sqlite.Store, email string) int64 {
	m, err := s.MentorByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return m.ID
}
