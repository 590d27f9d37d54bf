package mailing

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mentordesk/app/report/compose"
	"mentordesk/data"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

// statements: each issued statement whose visit falls in the period, to its mentor.
func (g *gather) statements(ctx context.Context) error {
	if !g.ask.From.IsZero() && !g.ask.Through.IsZero() && g.ask.Through < g.ask.From {
		return fmt.Errorf("--through %s is before --from %s", g.ask.Through, g.ask.From)
	}
	prints, err := g.s.StatementPrints(ctx, g.ask.From, g.ask.Through)
	if err != nil {
		return err
	}
	if len(prints) == 0 {
		g.note("no statement has a visit in that period")
	}
	for _, p := range prints {
		st := p.Statement
		fields := map[string]string{"statement_number": strconv.Itoa(st.Number), "school": st.School,
			"visit_date": st.VisitDate.Long(), "issued_on": st.IssuedOn.Long(), "total": st.Total().Dollars()}
		g.add(StatementDocument(st.Number), p.Mentor.Email, p.Mentor.FirstName, p.Mentor.LastName, fields, compose.Statement(g.org, p))
	}
	return nil
}

// StatementDocument names a statement in the outbox.
func StatementDocument(number int) string { return "statement:" + strconv.Itoa(number) }

// ContractDocument names a mentor's contract of a school year in the outbox.
func ContractDocument(mentorID int64, year data.SchoolYear) string {
	return fmt.Sprintf("contract:%d:%s", mentorID, year)
}

// contracts: the year's contract to each mentor who has none signed (or to the one mentor asked).
func (g *gather) contracts(ctx context.Context) error {
	if g.ask.Year == 0 {
		return errors.New("--year is required (like 2026-27)")
	}
	var inputs []sqlite.ContractInput
	if email := strings.TrimSpace(g.ask.Mentor); email != "" {
		m, err := g.s.MentorByEmail(ctx, email)
		if errors.Is(err, data.ErrNotFound) {
			return fmt.Errorf("--mentor: no mentor has the e-mail %q", email)
		}
		if err != nil {
			return err
		}
		in, err := g.s.ContractInput(ctx, m.ID, g.ask.Year)
		if err != nil {
			return err
		}
		inputs = append(inputs, in)
	} else {
		all, err := g.s.ContractInputs(ctx, g.ask.Year)
		if err != nil {
			return err
		}
		inputs = all
	}
	clauses, err := g.s.ContractClauses(ctx)
	if err != nil {
		return err
	}
	returnTo := g.set.Mail.ReplyTo
	if returnTo == "" {
		returnTo = g.set.Mail.From
	}
	address := strings.Join(strings.Fields(g.set.OrgAddress), " ")
	if address == "" {
		address = "our office"
	}
	signed := 0
	defer func() {
		if signed > 0 {
			g.note("%d mentor(s) signed the %s contract already: not sent to them (--mentor EMAIL sends one anyway)", signed, g.ask.Year)
		}
	}()
	for _, in := range inputs {
		if g.ask.Mentor == "" {
			cs, err := g.s.Contracts(ctx, in.Mentor.ID)
			if err != nil {
				return err
			}
			if st := data.ContractFor(cs, g.ask.Year); st.Signed {
				signed++
				continue
			}
		}
		in.Mentor.Photo = nil
		fields := map[string]string{"contract_year": g.ask.Year.String(), "return_to": returnTo, "org_address": address}
		g.add(ContractDocument(in.Mentor.ID, g.ask.Year), in.Mentor.Email, in.Mentor.FirstName, in.Mentor.LastName, fields,
			compose.Contract(g.org, g.set, clauses, in))
	}
	return nil
}

// rosters: each school's roster handout (mentors eligible on the day) to its instructors.
func (g *gather) rosters(ctx context.Context) error {
	on := g.ask.On
	if on.IsZero() {
		on = g.ask.Today
	}
	var schools []data.School
	if name := strings.TrimSpace(g.ask.School); name != "" {
		x, err := g.s.SchoolByName(ctx, name)
		if errors.Is(err, data.ErrNotFound) {
			return fmt.Errorf("--school: no school named %q", name)
		}
		if err != nil {
			return err
		}
		schools = append(schools, x)
	} else {
		all, err := g.s.Schools(ctx)
		if err != nil {
			return err
		}
		schools = all
	}
	for _, x := range schools {
		instructors, err := g.s.Instructors(ctx, x.ID)
		if err != nil {
			return err
		}
		if len(instructors) == 0 {
			if g.ask.School != "" {
				g.note("%s has no instructors to send its roster to", x.Name)
			}
			continue
		}
		mentors, err := service.New(g.s).RosterMentors(ctx, data.RosterFilter{On: on, SchoolID: x.ID})
		if err != nil {
			return err
		}
		if len(mentors) == 0 {
			g.note("%s has no mentor on its roster on %s: nothing sent", x.Name, on)
			continue
		}
		doc := compose.Roster(g.org, on, x.Name, "", mentors)
		for _, in := range instructors {
			fields := map[string]string{"school": x.Name, "on_date": on.Long(), "mentor_count": strconv.Itoa(len(mentors))}
			g.add(fmt.Sprintf("roster:%d:%s", x.ID, on), in.Email, in.FirstName, in.LastName, fields, doc)
		}
	}
	return nil
}

// schedules: a classroom's schedule handouts of a school year (one per mentor) to its instructor.
func (g *gather) schedules(ctx context.Context) error {
	if strings.TrimSpace(g.ask.School) == "" || strings.TrimSpace(g.ask.Classroom) == "" || g.ask.Year == 0 {
		return errors.New("--school, --classroom and --year are required")
	}
	x, err := g.s.SchoolByName(ctx, g.ask.School)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("--school: no school named %q", g.ask.School)
	}
	if err != nil {
		return err
	}
	rooms, err := g.s.Classrooms(ctx, x.ID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(rooms, func(c data.Classroom) bool { return strings.EqualFold(c.Name, strings.TrimSpace(g.ask.Classroom)) })
	if i < 0 {
		names := make([]string, len(rooms))
		for j, c := range rooms {
			names[j] = strconv.Quote(c.Name)
		}
		return fmt.Errorf("--classroom: %s has no classroom %q (classrooms: %s)", x.Name, g.ask.Classroom, strings.Join(names, ", "))
	}
	room := rooms[i]
	var instructor data.Instructor
	instructors, err := g.s.Instructors(ctx, x.ID)
	if err != nil {
		return err
	}
	for _, in := range instructors {
		if in.ID == room.InstructorID {
			instructor = in
		}
	}
	if instructor.ID == 0 {
		return fmt.Errorf("--classroom: %s at %s has no instructor to send its schedule to", room.Name, x.Name)
	}
	schedules, err := g.s.Schedules(ctx, room.ID, g.ask.Year)
	if err != nil {
		return err
	}
	if len(schedules) == 0 {
		return fmt.Errorf("%s at %s has no enrollment in %s", room.Name, x.Name, g.ask.Year)
	}
	for _, sc := range schedules {
		fields := map[string]string{"school": x.Name, "classroom": room.Name, "mentor_name": sc.MentorName,
			"session_count": strconv.Itoa(len(sc.Sessions))}
		g.add(fmt.Sprintf("schedule:%d:%d:%s", room.ID, sc.MentorID, g.ask.Year), instructor.Email, instructor.FirstName,
			instructor.LastName, fields, compose.Schedule(g.org, g.ask.Today, g.ask.Year, sc))
		fields["school_year"] = g.ask.Year.String() // the schedule's year, not today's
	}
	return nil
}
