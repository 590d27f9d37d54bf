package script

import (
	"strings"
	"testing"

	"mentordesk/data/mail/mailtest"
)

// Every kind of e-mail goes from the sample organisation with its attachment (or its list).
func TestSendEveryKind(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	db := mailDB(t, srv, "none")
	if code, _, stderr := run(t, db, "match", "--cohort", "2026-27 Cohort", "--apply"); code != 0 {
		t.Fatalf("match: %s", stderr)
	}
	cases := []struct {
		args       []string
		attachment string // prefix of every message's PDF; "" for none
		text       string // in every body
	}{
		{[]string{"contracts", "--year", "2026-27"}, "contract-2026-27-", "sign and date it"},
		{[]string{"contracts", "--year", "2026-27", "--mentor", "priya.raghunathan@example.org"}, "contract-2026-27-raghunathan", "Dear Priya"},
		{[]string{"rosters", "--school", "Maple Leaf Elementary"}, "mentor-roster-", "Maple Leaf Elementary"},
		{[]string{"schedules", "--school", "Maple Leaf Elementary", "--classroom", "5th Grade Band", "--year", "2026-27"}, "schedule-2026-27-", "5th Grade Band"},
		{[]string{"confirmations", "--through", "2026-11-22"}, "", "await your confirmation"},
		{[]string{"reminders", "--on", "2026-11-22"}, "", "our records show"},
		{[]string{"introductions", "--cohort", "2026-27 Cohort"}, "introduction-2026-27-cohort-", "introductory virtual session on "},
	}
	for _, c := range cases {
		t.Run(c.args[0], func(t *testing.T) {
			before := len(srv.Messages())
			code, _, stderr := run(t, db, append([]string{"send"}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := srv.Messages()[before:]
			if len(got) == 0 {
				t.Fatalf("nothing sent: %s", stderr)
			}
			for _, m := range got {
				p, err := mailtest.Parse(m.Data)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(p.Text, c.text) || strings.Contains(p.Text+p.Subject, "{") {
					t.Errorf("to %v: body %q; want %q with every field filled", m.To, p.Text, c.text)
				}
				var names []string
				for n, b := range p.Attachments {
					names = append(names, n)
					if !strings.HasPrefix(string(b), "%PDF-") {
						t.Errorf("%s is not a PDF", n)
					}
				}
				if c.attachment == "" && len(names) != 0 || c.attachment != "" && (len(names) != 1 || !strings.HasPrefix(names[0], c.attachment)) {
					t.Errorf("to %v: attachments %v; want %q", m.To, names, c.attachment)
				}
			}
		})
	}
	t.Run("a confirmation request lists the sessions plainly", func(t *testing.T) {
		for _, m := range srv.Messages() {
			p, _ := mailtest.Parse(m.Data)
			if strings.HasPrefix(p.Subject, "Please confirm") && !strings.Contains(p.Text, "  • ") {
				t.Errorf("confirmation to %v lists no session: %q", m.To, p.Text)
			}
		}
	})
	t.Run("both partners of a pair get their introduction", func(t *testing.T) {
		n := 0
		for _, r := range outboxRows(t, db) {
			if r["kind"] == "introduction" {
				n++
			}
		}
		if n == 0 || n%2 != 0 {
			t.Errorf("%d introductions; want two per pair", n)
		}
	})
}
