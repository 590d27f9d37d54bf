// Package mailing is each kind of e-mail MentorDesk sends — statements, contracts, rosters,
// schedules, confirmation requests, compliance reminders, introductions — gathered from the
// store, written from the director's templates with the same PDFs the `report` command prints,
// queued in the outbox and sent. The window and the `send` command both call it.
package mailing

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"mentordesk/app/report"
	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// Ask is what the director asks to send; each kind reads the fields it needs.
type Ask struct {
	Kind          data.MailKind
	From, Through data.Date       // statements: visit days; confirmations: Through
	On            data.Date       // rosters and reminders: the day they hold for (default Today)
	Year          data.SchoolYear // contracts, schedules
	Mentor        string          // contracts: one mentor's e-mail ("" for all)
	School        string          // rosters ("" for every school), schedules
	Classroom     string          // schedules
	Cohort        string          // introductions
	Today         data.Date
}

// Draft is one message to be written from its kind's template; its PDF is drawn only when it is
// queued or previewed, so a large batch never holds every PDF at once.
type Draft struct {
	Kind     data.MailKind
	Document string
	To       string
	ToName   string
	Fields   map[string]string
	Attach   report.Document // nil: no attachment
}

// AttachmentName is the file name of the draft's PDF ("" when none).
func (d Draft) AttachmentName() string {
	if d.Attach == nil {
		return ""
	}
	return d.Attach.FileName()
}

// Plan is what one ask would send, and who gets nothing and why.
type Plan struct {
	Kind   data.MailKind
	Drafts []Draft
	Notes  []string
}

// Prepare gathers the drafts of one ask.
func Prepare(ctx context.Context, s *sqlite.Store, ask Ask) (Plan, error) {
	if ask.Today.IsZero() {
		ask.Today = data.Today()
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return Plan{}, err
	}
	g := gather{s: s, set: set, org: report.OrgFromSettings(set), ask: ask, plan: Plan{Kind: ask.Kind}}
	switch ask.Kind {
	case data.MailStatement:
		err = g.statements(ctx)
	case data.MailContract:
		err = g.contracts(ctx)
	case data.MailRoster:
		err = g.rosters(ctx)
	case data.MailSchedule:
		err = g.schedules(ctx)
	case data.MailConfirmation:
		err = g.confirmations(ctx)
	case data.MailReminder:
		err = g.reminders(ctx)
	case data.MailIntroduction:
		err = g.introductions(ctx)
	default:
		return Plan{}, fmt.Errorf("%q is not a kind of e-mail", ask.Kind)
	}
	return g.plan, err
}

// gather builds one plan.
type gather struct {
	s    *sqlite.Store
	set  data.Settings
	org  report.Org
	ask  Ask
	plan Plan
}

// add puts a draft in the plan, or a note when the person has no address to write to.
func (g *gather) add(document, to, first, last string, fields map[string]string, attach report.Document) {
	name := strings.TrimSpace(first + " " + last)
	if strings.TrimSpace(to) == "" {
		g.plan.Notes = append(g.plan.Notes, fmt.Sprintf("%s has no e-mail address: nothing sent", name))
		return
	}
	if fields == nil {
		fields = map[string]string{}
	}
	fields["first_name"], fields["last_name"] = first, last
	fields["org_name"] = g.set.OrgName
	fields["school_year"] = g.set.SchoolYear(g.ask.Today).String()
	g.plan.Drafts = append(g.plan.Drafts, Draft{Kind: g.ask.Kind, Document: document, To: strings.TrimSpace(to),
		ToName: name, Fields: fields, Attach: attach})
}

func (g *gather) note(format string, args ...any) {
	g.plan.Notes = append(g.plan.Notes, fmt.Sprintf(format, args...))
}

// Message writes a draft with a template and draws its PDF.
func (d Draft) Message(t data.MailTemplate, domain string) (data.OutboxMessage, error) {
	subject, body, err := t.Fill(d.Fields)
	if err != nil {
		return data.OutboxMessage{}, fmt.Errorf("the %s template's %w", strings.ToLower(d.Kind.Title()), err)
	}
	m := data.OutboxMessage{Kind: d.Kind, Document: d.Document, To: d.To, ToName: d.ToName, Subject: subject, Body: body,
		MessageID: sqlite.NewMessageID(domain), Status: data.Queued}
	if d.Attach != nil {
		var b bytes.Buffer
		if err := report.Render(&b, d.Attach); err != nil {
			return m, fmt.Errorf("%s for %s: %w", d.Attach.FileName(), d.To, err)
		}
		m.AttachmentName, m.Attachment = d.Attach.FileName(), b.Bytes()
	}
	return m, nil
}

// Preview writes a draft's subject and body without drawing its PDF.
func (d Draft) Preview(t data.MailTemplate) (subject, body string, err error) {
	return t.Fill(d.Fields)
}

func domainOf(set data.MailSettings) string {
	a := set.FromAddress()
	if i := strings.LastIndexByte(a, '@'); i >= 0 {
		return a[i+1:]
	}
	return ""
}

func lines(items []string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString("  • " + it + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
