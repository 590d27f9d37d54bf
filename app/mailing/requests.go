package mailing

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"mentordesk/app/report/compose"
	"mentordesk/data"
)

// confirmations: to each instructor, the completed sessions of their classrooms awaiting their
// confirmation, listed plainly. The same list goes once; a session completed since makes a new one.
func (g *gather) confirmations(ctx context.Context) error {
	through := g.ask.Through
	if through.IsZero() {
		through = g.ask.Today
	}
	waiting, err := g.s.AwaitingConfirmations(ctx, through)
	if err != nil {
		return err
	}
	if len(waiting) == 0 {
		g.note("no completed session through %s awaits an instructor's confirmation", through)
	}
	for _, w := range waiting {
		var items, ids []string
		for _, x := range w.Sessions {
			items = append(items, fmt.Sprintf("%s %s–%s, %s at %s, with %s (%s)", x.Date.Long(), x.Start, x.Start.Add(x.Minutes),
				x.Classroom, x.School, x.MentorName, x.Program.Title()))
			ids = append(ids, strconv.FormatInt(x.ID, 10))
		}
		sum := sha256.Sum256([]byte(strings.Join(ids, ",")))
		fields := map[string]string{"sessions": lines(items), "session_count": strconv.Itoa(len(items)), "through": through.Long()}
		g.add(fmt.Sprintf("confirmation:%d:%s", w.Instructor.ID, hex.EncodeToString(sum[:8])), w.Instructor.Email,
			w.Instructor.FirstName, w.Instructor.LastName, fields, nil)
	}
	return nil
}

// reminders: to each active mentor whose clearance expires within 30 days (or has lapsed) or
// whose contract for the school year is missing, what needs doing (R7, R8). One a day at most.
func (g *gather) reminders(ctx context.Context) error {
	on := g.ask.On
	if on.IsZero() {
		on = g.ask.Today
	}
	rows, err := g.s.Compliance(ctx, on)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.Mentor.Status != data.Active || (r.Clearance.Cleared && !r.Clearance.Expiring && r.Contract.Signed) {
			continue
		}
		fields := map[string]string{"problems": lines(r.Problems), "on_date": on.Long()}
		g.add(fmt.Sprintf("reminder:%d:%s", r.Mentor.ID, on), r.Mentor.Email, r.Mentor.FirstName, r.Mentor.LastName, fields, nil)
	}
	if len(g.plan.Drafts) == 0 && len(g.plan.Notes) == 0 {
		g.note("every active mentor is cleared beyond the next 30 days and has a signed contract on %s", on)
	}
	return nil
}

// introductions: to both teachers of each pair of a cohort, the introduction letter and the
// term's invitation.
func (g *gather) introductions(ctx context.Context) error {
	name := strings.TrimSpace(g.ask.Cohort)
	if name == "" {
		return errors.New("--cohort is required")
	}
	c, err := g.s.CohortByName(ctx, name)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("--cohort: no cohort named %q", name)
	}
	if err != nil {
		return err
	}
	applicants, err := g.s.Applicants(ctx, c.ID)
	if err != nil {
		return err
	}
	pairs, err := g.s.Pairs(ctx, c.ID)
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		return fmt.Errorf("--cohort: the cohort %q has no pairs yet (match it first)", c.Name)
	}
	doc := compose.Cohort(g.org, g.ask.Today, c, applicants, pairs)
	end := c.End
	if end.IsZero() {
		end = c.Start.AddMonths(6).AddDays(-1)
	}
	for _, p := range doc.Pairs {
		letter := compose.Introduction(doc, p)
		for _, who := range [][2]data.Applicant{{p.Early, p.Experienced}, {p.Experienced, p.Early}} {
			me, partner := who[0], who[1]
			fields := map[string]string{"partner_name": strings.TrimSpace(partner.FirstName + " " + partner.LastName),
				"partner_email": partner.Email, "partner_school": partner.School, "cohort": c.Name,
				"term_start": c.Start.Long(), "term_end": end.Long(),
				"intro_session": dateOr(c.IntroOn, "the start of the term"), "wrap_up": dateOr(c.WrapUpOn, "the end of the term")}
			g.add(fmt.Sprintf("introduction:%d:%d", p.Pair.ID, me.ID), me.Email, me.FirstName, me.LastName, fields, letter)
		}
	}
	return nil
}

// dateOr is a day in words, or what stands for it when the day is not set yet.
func dateOr(d data.Date, otherwise string) string {
	if d.IsZero() {
		return otherwise
	}
	return d.Long()
}
