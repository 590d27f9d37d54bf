package script

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"strings"
	"time"

	"mentordesk/app/mailing"
	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/mail"
	"mentordesk/data/sqlite"
)

func init() {
	commands["send"] = sendCmd
	commands["outbox"] = outboxCmd
}

const sendUsage = `send statements [--from DATE] [--through DATE] [--resend] [--dry-run]
  send contracts --year 2026-27 [--mentor EMAIL] [--resend] [--dry-run]
  send rosters [--school NAME] [--on DATE] [--resend] [--dry-run]
  send schedules --school S --classroom C --year 2026-27 [--resend] [--dry-run]
  send confirmations [--through DATE] [--resend] [--dry-run]
  send reminders [--on DATE] [--resend] [--dry-run]
  send introductions --cohort NAME [--resend] [--dry-run]`

// sendKinds maps the command's words to the kinds of e-mail.
var sendKinds = map[string]data.MailKind{
	"statements": data.MailStatement, "contracts": data.MailContract, "rosters": data.MailRoster,
	"schedules": data.MailSchedule, "confirmations": data.MailConfirmation, "reminders": data.MailReminder,
	"introductions": data.MailIntroduction,
}

// tuneServer lets tests trust their own mail server's certificate.
var tuneServer func(*mail.Server)

// sendNow is the clock of the outbox's times.
var sendNow = time.Now

// sendCmd e-mails one kind of document through the organisation's mail server; each document
// goes to a person once unless --resend. Exit 1 when any message failed.
func sendCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	if len(args) == 0 {
		return usagef("send needs a kind:\n  %s", sendUsage)
	}
	kind, ok := sendKinds[args[0]]
	if !ok {
		return usagef("send: %q is not a kind of e-mail:\n  %s", args[0], sendUsage)
	}
	name := "send " + args[0]
	// A usage error names this kind's line of the usage only.
	return inCommand(name, sendKind(ctx, s, name, kind, args[1:], env))
}

func sendKind(ctx context.Context, s *sqlite.Store, name string, kind data.MailKind, args []string, env Env) error {
	ask := mailing.Ask{Kind: kind, Today: reportToday(env)}
	var from, through, on, year string
	var resend, dryRun bool
	rest, err := flags(name, args, func(fs *flag.FlagSet) {
		fs.BoolVar(&resend, "resend", false, "send again what already went")
		fs.BoolVar(&dryRun, "dry-run", false, "print what would be sent and send nothing")
		switch kind {
		case data.MailStatement:
			fs.StringVar(&from, "from", "", "first visit date")
			fs.StringVar(&through, "through", "", "last visit date")
		case data.MailContract:
			fs.StringVar(&year, "year", "", "school year")
			fs.StringVar(&ask.Mentor, "mentor", "", "one mentor's e-mail")
		case data.MailRoster:
			fs.StringVar(&ask.School, "school", "", "one school")
			fs.StringVar(&on, "on", "", "eligibility date")
		case data.MailSchedule:
			fs.StringVar(&ask.School, "school", "", "school")
			fs.StringVar(&ask.Classroom, "classroom", "", "classroom")
			fs.StringVar(&year, "year", "", "school year")
		case data.MailConfirmation:
			fs.StringVar(&through, "through", "", "last session date")
		case data.MailReminder:
			fs.StringVar(&on, "on", "", "the day the reminders hold for")
		case data.MailIntroduction:
			fs.StringVar(&ask.Cohort, "cohort", "", "cohort")
		}
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("%s: unexpected argument %q", name, rest[0])
	}
	if ask.From, err = dateFlag("from", from, 0); err != nil {
		return err
	}
	if ask.Through, err = dateFlag("through", through, 0); err != nil {
		return err
	}
	if ask.On, err = dateFlag("on", on, 0); err != nil {
		return err
	}
	switch {
	case (kind == data.MailContract || kind == data.MailSchedule) && strings.TrimSpace(year) == "":
		return usagef("%s needs --year (like 2026-27)", name)
	case kind == data.MailSchedule && (strings.TrimSpace(ask.School) == "" || strings.TrimSpace(ask.Classroom) == ""):
		return usagef("%s needs --school and --classroom", name)
	case kind == data.MailIntroduction && strings.TrimSpace(ask.Cohort) == "":
		return usagef("%s needs --cohort", name)
	}
	if year != "" {
		y, err := data.ParseSchoolYear(strings.TrimSpace(year))
		if err != nil {
			return usagef("%s --year: %v", name, err)
		}
		ask.Year = y
	}
	if !ask.From.IsZero() && !ask.Through.IsZero() && ask.Through < ask.From {
		return usagef("%s: --through %s is before --from %s", name, ask.Through, ask.From)
	}
	plan, err := mailing.Prepare(ctx, s, ask)
	if err != nil {
		return fmt.Errorf("%s %w", name, err)
	}
	for _, n := range plan.Notes {
		fmt.Fprintf(env.Stderr, "%s: %s\n", name, n)
	}
	if dryRun {
		return dryRunPlan(ctx, s, name, plan, resend, env)
	}
	session, err := mailing.Connect(ctx, s, tuneServer)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	q, err := mailing.Queue(ctx, s, plan, resend, sendNow)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(q.Skipped) > 0 {
		fmt.Fprintf(env.Stderr, "%s: %d already sent, skipped (--resend sends them again)\n", name, len(q.Skipped))
	}
	return sendQueued(ctx, s, name, session, q.IDs, env)
}

// sendQueued sends and reports: each failure on stderr with the recipient and the server's words.
func sendQueued(ctx context.Context, s *sqlite.Store, name string, session *mail.Session, ids []int64, env Env) error {
	r, err := mailing.Send(ctx, s, session, ids, sendNow, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, f := range r.Failed {
		fmt.Fprintf(env.Stderr, "%s: failed: %s: %s\n", name, f.To, f.Reason)
	}
	fmt.Fprintf(env.Stderr, "%s: %d sent, %d failed\n", name, r.Sent, len(r.Failed))
	if len(r.Failed) > 0 {
		return fmt.Errorf("%s: %d of %d message(s) failed; `mentordesk outbox --retry` sends them again", name, len(r.Failed), len(ids))
	}
	return nil
}

// dryRunPlan prints what would be sent as CSV (kind, to, subject, attachment, action) and
// changes nothing; every message is written and its PDF drawn, so a bad template shows now.
func dryRunPlan(ctx context.Context, s *sqlite.Store, name string, plan mailing.Plan, resend bool, env Env) error {
	t, err := s.MailTemplate(ctx, plan.Kind)
	if err != nil {
		return err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	if err := set.Mail.Ready(); err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
	}
	w := csv.NewWriter(env.Stdout)
	w.Write([]string{"kind", "to", "subject", "attachment", "action"})
	send := 0
	for _, d := range plan.Drafts {
		m, err := d.Message(t, "")
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		action := "send"
		if at, sent, err := s.SentBefore(ctx, d.Document, d.To); err != nil {
			return err
		} else if sent && !resend {
			action = "skip: sent " + at.UTC().Format(time.RFC3339)
		} else {
			send++
		}
		w.Write([]string{string(m.Kind), m.To, m.Subject, m.AttachmentName, action})
	}
	w.Flush()
	fmt.Fprintf(env.Stderr, "%s --dry-run: %d message(s) would be sent, %d skipped; nothing was sent\n", name, send, len(plan.Drafts)-send)
	return w.Error()
}

// outboxCmd prints the outbox as CSV, oldest first; --retry first sends every message that
// failed, was left queued or was in flight when the program stopped.
func outboxCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var retry bool
	rest, err := flags("outbox", args, func(fs *flag.FlagSet) { fs.BoolVar(&retry, "retry", false, "send the unsent again") })
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("outbox: unexpected argument %q", rest[0])
	}
	var sendErr error
	if retry {
		ids, err := s.UnsentMessages(ctx)
		if err != nil {
			return err
		}
		if len(ids) > 0 {
			session, err := mailing.Connect(ctx, s, tuneServer)
			if err != nil {
				return fmt.Errorf("outbox --retry: %w", err)
			}
			sendErr = sendQueued(ctx, s, "outbox --retry", session, ids, env)
		} else {
			fmt.Fprintln(env.Stderr, "outbox --retry: nothing waits to be sent")
		}
	}
	msgs, err := s.Outbox(ctx, sqlite.OutboxFilter{})
	if err != nil {
		return err
	}
	for i, j := 0, len(msgs)-1; i < j; i, j = i+1, j-1 {
		msgs[i], msgs[j] = msgs[j], msgs[i]
	}
	if err := csvio.WriteOutbox(env.Stdout, msgs); err != nil {
		return err
	}
	return sendErr
}
