package data

import (
	"strings"
	"testing"
)

func TestEveryDefaultTemplateIsValid(t *testing.T) {
	for _, k := range append(MailKinds, MailTest) {
		if err := DefaultTemplate(k).Validate(); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
}

func TestTemplateFields(t *testing.T) {
	cases := []struct {
		name, subject, body, want, problem string
	}{
		{"fields are filled", "No. {statement_number}", "Dear {first_name},", "No. 17|Dear Zoë,", ""},
		{"a double brace writes a brace", "{{not a field}", "x", "{not a field}|x", ""},
		{"an unknown field is named with the fields there are", "Hi {frist_name}", "x", "", "{frist_name} is not a field of payment statements (fields: first_name"},
		{"a field of another kind is refused", "{partner_name}", "x", "", "{partner_name} is not a field"},
		{"an unclosed brace", "x", "Dear {first_name", "", "never closed"},
		{"the subject is one line", "a\nb", "x", "", "must be one line"},
		{"the subject is needed", " ", "x", "", "subject: is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := MailTemplate{Kind: MailStatement, Subject: c.subject, Body: c.body}
			err := tpl.Validate()
			if c.problem != "" {
				if err == nil || !strings.Contains(err.Error(), c.problem) {
					t.Fatalf("Validate: %v; want %q", err, c.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s, b, err := tpl.Fill(map[string]string{"statement_number": "17", "first_name": "Zoë"})
			if err != nil || s+"|"+b != c.want {
				t.Fatalf("Fill = %q, %q, %v; want %q", s, b, err, c.want)
			}
		})
	}
}

func TestMailSettings(t *testing.T) {
	m := DefaultMailSettings()
	if err := m.Ready(); err == nil || !strings.Contains(err.Error(), "mail.host") || !strings.Contains(err.Error(), "mail.from") {
		t.Fatalf("a new database's mail is not ready: %v", err)
	}
	for _, kv := range [][2]string{{"mail.host", "smtp.example.org"}, {"mail.from", `Cascade Mentors, Inc. <office@example.org>`}} {
		if err := m.Set(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if m.From != `"Cascade Mentors, Inc." <office@example.org>` || m.FromAddress() != "office@example.org" || m.Ready() != nil {
		t.Errorf("from %q address %q ready %v", m.From, m.FromAddress(), m.Ready())
	}
	if err := m.Set("mail.port", "0"); err == nil || m.Port != 587 {
		t.Errorf("port 0 taken: %v, port %d", err, m.Port)
	}
}
