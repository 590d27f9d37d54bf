package data

import (
	"fmt"
	"slices"
	"strings"
)

// MailTemplate is the subject and body of one kind of message, with fields written {first_name}
// that each message fills in. "{{" writes a brace.
type MailTemplate struct {
	Kind    MailKind
	Subject string
	Body    string
}

// TemplateField is one field a template may use, with what it holds in the director's words.
type TemplateField struct {
	Name  string
	Means string
}

var commonFields = []TemplateField{
	{"first_name", "the recipient's first name"},
	{"last_name", "the recipient's last name"},
	{"org_name", "the organisation's name"},
	{"school_year", "the school year, like 2026-27"},
}

var kindFields = map[MailKind][]TemplateField{
	MailStatement: {{"statement_number", "the statement's number"}, {"school", "the school visited"},
		{"visit_date", "the day of the visit"}, {"issued_on", "the day the statement was issued"}, {"total", "the amount paid"}},
	MailContract: {{"contract_year", "the school year of the contract"}, {"return_to", "where to return it: the reply-to or sender address"},
		{"org_address", "the organisation's postal address"}},
	MailRoster: {{"school", "the instructor's school"}, {"on_date", "the day the roster holds for"}, {"mentor_count", "how many mentors it lists"}},
	MailSchedule: {{"school", "the school"}, {"classroom", "the classroom"}, {"mentor_name", "the mentor coaching it"},
		{"session_count", "how many sessions the schedule lists"}},
	MailConfirmation: {{"sessions", "the completed sessions awaiting confirmation, one a line"}, {"session_count", "how many there are"},
		{"through", "the last day of the sessions asked about"}},
	MailReminder: {{"problems", "what needs doing, one a line"}, {"on_date", "the day the reminder speaks of"}},
	MailIntroduction: {{"partner_name", "the partner's name"}, {"partner_email", "the partner's e-mail"},
		{"partner_school", "the partner's school"}, {"cohort", "the cohort's name"}, {"term_start", "the first day of the term"},
		{"term_end", "the last day of the term"}, {"intro_session", "the day of the introductory virtual session"},
		{"wrap_up", "the day of the town-hall wrap-up"}},
	MailTest: {},
}

// TemplateFields lists the fields a kind's template may use.
func TemplateFields(k MailKind) []TemplateField {
	return append(slices.Clone(commonFields), kindFields[k]...)
}

// DefaultTemplate is a kind's template until the director edits it.
func DefaultTemplate(k MailKind) MailTemplate {
	t := MailTemplate{Kind: k}
	switch k {
	case MailStatement:
		t.Subject = "Payment statement No. {statement_number} — {school}, {visit_date}"
		t.Body = "Dear {first_name},\n\nAttached is payment statement No. {statement_number} for your visit to {school} on {visit_date}: {total}.\n\n" +
			"As an independent contractor, you are paid per session; travel expenses are not reimbursed.\n\nThank you for your work with the students.\n\n{org_name}"
	case MailContract:
		t.Subject = "Your {contract_year} contract with {org_name}"
		t.Body = "Dear {first_name},\n\nAttached is your independent-contractor agreement for the {contract_year} school year.\n\n" +
			"To return it: print it, sign and date it on the last page, and send a scan or a clear photo of the signed pages to {return_to} " +
			"(a reply to this message will do), or post it to {org_address}.\n\nWe cannot schedule sessions for {contract_year} until it is back with us.\n\n{org_name}"
	case MailRoster:
		t.Subject = "Mentor roster for {school}"
		t.Body = "Dear {first_name},\n\nAttached is the roster of the {mentor_count} mentor(s) available to {school} as of {on_date}, " +
			"with their instruments, training and experience.\n\nReply to this message to ask for a mentor or a change.\n\n{org_name}"
	case MailSchedule:
		t.Subject = "Sessions with {mentor_name} for {classroom}, {school_year}"
		t.Body = "Dear {first_name},\n\nAttached is the schedule of the {session_count} session(s) {mentor_name} will coach with {classroom} at {school} in {school_year}.\n\n" +
			"If a date no longer suits your class, reply to this message and we will find another.\n\n{org_name}"
	case MailConfirmation:
		t.Subject = "Please confirm {session_count} mentoring session(s) through {through}"
		t.Body = "Dear {first_name},\n\nThe following sessions took place in your classroom(s) through {through} and await your confirmation:\n\n{sessions}\n\n" +
			"Please reply to this message to confirm them, or tell us which did not happen as listed. The mentors are paid once you confirm.\n\n{org_name}"
	case MailReminder:
		t.Subject = "Action needed before your next sessions with {org_name}"
		t.Body = "Dear {first_name},\n\nAs of {on_date}, our records show:\n\n{problems}\n\n" +
			"Please take care of this soon, so that your sessions can go ahead as planned. Reply to this message if our records are out of date.\n\n{org_name}"
	case MailIntroduction:
		t.Subject = "Meet your mutual-mentorship partner, {partner_name}"
		t.Body = "Dear {first_name},\n\nWelcome to the {cohort} term of mutual mentorship, from {term_start} to {term_end}. " +
			"Your partner is {partner_name} ({partner_school}, {partner_email}); the attached letter says why we paired you.\n\n" +
			"You are invited to the term's introductory virtual session on {intro_session}, to the town-hall wrap-up on {wrap_up}, " +
			"and to the Hub, our online community for every participant. Please write to your partner this week to agree how often " +
			"you will meet and the topics that matter most to you both.\n\n{org_name}"
	case MailTest:
		t.Subject = "Test message from MentorDesk"
		t.Body = "This is a test message from MentorDesk for {org_name}.\n\nIf you can read it, e-mail from MentorDesk reaches you."
	}
	return t
}

// Validate checks that the subject is one line and that every field is one the kind knows.
func (t MailTemplate) Validate() error {
	var p Problems
	if strings.TrimSpace(t.Subject) == "" {
		p.add("subject", "is empty")
	} else if strings.ContainsAny(t.Subject, "\r\n") {
		p.add("subject", "must be one line")
	}
	if len(t.Body) > 20000 {
		p.add("body", "is longer than 20,000 characters")
	}
	for _, part := range []struct{ name, text string }{{"subject", t.Subject}, {"body", t.Body}} {
		if _, err := fill(part.text, t.Kind, nil); err != nil {
			p.add(part.name, "%s", err.Error())
		}
	}
	return p.err()
}

// Fill writes the subject and body with each field's value.
func (t MailTemplate) Fill(values map[string]string) (subject, body string, err error) {
	if subject, err = fill(t.Subject, t.Kind, values); err != nil {
		return "", "", fmt.Errorf("subject: %w", err)
	}
	if body, err = fill(t.Body, t.Kind, values); err != nil {
		return "", "", fmt.Errorf("body: %w", err)
	}
	return strings.TrimSpace(subject), body, nil
}

// fill replaces each {field}; with values nil it only checks the text.
func fill(text string, k MailKind, values map[string]string) (string, error) {
	known := TemplateFields(k)
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '{' && strings.HasPrefix(text[i:], "{{"):
			b.WriteByte('{')
			i++
		case c == '{':
			end := strings.IndexByte(text[i:], '}')
			if end < 0 {
				return "", fmt.Errorf("a { at %q is never closed (write {{ for a brace)", snippet(text[i:]))
			}
			name := strings.TrimSpace(text[i+1 : i+end])
			if !slices.ContainsFunc(known, func(f TemplateField) bool { return f.Name == name }) {
				names := make([]string, len(known))
				for j, f := range known {
					names[j] = f.Name
				}
				return "", fmt.Errorf("{%s} is not a field of %s (fields: %s)", name, strings.ToLower(k.Title()), strings.Join(names, ", "))
			}
			b.WriteString(values[name])
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func snippet(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}
