package script

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

func init() { commands["plan"] = planCmd }

// planArgs is the plan command line.
type planArgs struct {
	school, classroom, program, mentor, events string
	evaluation, apply                          bool
	toSchool, toClassroom                      string
	fallSessions                               int
}

func parsePlanArgs(args []string) (planArgs, data.Program, []data.Date, error) {
	var a planArgs
	rest, err := flags("plan", args, func(fs *flag.FlagSet) {
		fs.StringVar(&a.school, "school", "", "school name")
		fs.StringVar(&a.classroom, "classroom", "", "classroom name")
		fs.StringVar(&a.program, "program", "", "focused, season or bridge")
		fs.StringVar(&a.mentor, "mentor", "", "mentor e-mail")
		fs.StringVar(&a.events, "events", "", "one event date per term")
		fs.BoolVar(&a.evaluation, "evaluation", false, "Focused: open with an evaluation session")
		fs.StringVar(&a.toSchool, "to-school", "", "Bridge: receiving school")
		fs.StringVar(&a.toClassroom, "to-classroom", "", "Bridge: receiving classroom")
		fs.IntVar(&a.fallSessions, "fall-sessions", 0, "Bridge: 1 or 2")
		fs.BoolVar(&a.apply, "apply", false, "save the enrollment and its sessions")
	})
	if err != nil {
		return a, "", nil, err
	}
	if len(rest) > 0 {
		return a, "", nil, usagef("plan: unexpected argument %q", rest[0])
	}
	var missing []string
	for _, f := range []struct{ name, v string }{{"school", a.school}, {"classroom", a.classroom},
		{"program", a.program}, {"mentor", a.mentor}, {"events", a.events}} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, "--"+f.name)
		}
	}
	if len(missing) > 0 {
		return a, "", nil, usagef("plan needs %s", strings.Join(missing, ", "))
	}
	program, err := data.ParseProgram(a.program)
	if err != nil {
		return a, "", nil, usagef("plan --program: %v", err)
	}
	if a.evaluation && program != data.Focused {
		return a, "", nil, usagef("plan --evaluation: an evaluation session belongs to Focused Mentorship only")
	}
	bridge := a.toSchool != "" || a.toClassroom != "" || a.fallSessions != 0
	switch {
	case program == data.Bridge && (a.toSchool == "" || a.toClassroom == ""):
		return a, "", nil, usagef("plan --program bridge needs --to-school and --to-classroom (the receiving classroom)")
	case program == data.Bridge && a.fallSessions != 1 && a.fallSessions != 2:
		return a, "", nil, usagef("plan --fall-sessions: Bridge Mentorship has 1 or 2 fall sessions, not %d", a.fallSessions)
	case program != data.Bridge && bridge:
		return a, "", nil, usagef("plan: --to-school, --to-classroom and --fall-sessions belong to --program bridge")
	}
	var dates []data.Date
	for _, part := range strings.Split(a.events, ",") {
		d, err := data.ParseDate(strings.TrimSpace(part))
		if err != nil {
			return a, "", nil, usagef("plan --events: %v", err)
		}
		dates = append(dates, d)
	}
	if _, err := data.TermRequirements(program, a.evaluation, a.fallSessions, dates); err != nil {
		return a, "", nil, usagef("plan --events: %v", err)
	}
	return a, program, dates, nil
}

// planCmd proposes an enrollment's sessions by R9 (DESIGN §4): sessions CSV on stdout, flags and
// warnings on stderr, and with --apply the enrollment saved in one transaction. A plan that
// fails any term saves nothing, --apply or not.
func planCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	a, program, dates, err := parsePlanArgs(args)
	if err != nil {
		return err
	}
	in := sqlite.PlanInput{Program: program, Evaluation: a.evaluation, FallSessions: a.fallSessions, Events: dates}
	if in.ClassroomID, err = findClassroom(ctx, s, "--school", "--classroom", a.school, a.classroom); err != nil {
		return err
	}
	if program == data.Bridge {
		if in.ToClassroomID, err = findClassroom(ctx, s, "--to-school", "--to-classroom", a.toSchool, a.toClassroom); err != nil {
			return err
		}
	}
	m, err := s.MentorByEmail(ctx, a.mentor)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("plan --mentor: no mentor has the e-mail %q", a.mentor)
	} else if err != nil {
		return err
	}
	in.MentorID = m.ID
	req, err := s.PlanRequest(ctx, in)
	if err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	plan := data.PlanSessions(req)
	if !plan.OK() {
		var b strings.Builder
		b.WriteString("plan: no plan meets every constraint; nothing was saved")
		for _, f := range plan.Failures {
			fmt.Fprintf(&b, "\n  %s [constraint: %s]", f.Detail, f.Constraint)
		}
		return errors.New(b.String())
	}
	taken, err := s.TakenSlots(ctx, req)
	if err != nil {
		return err
	}
	var clashes []string
	for _, p := range plan.Sessions {
		if why := taken.Problem(p); why != "" {
			clashes = append(clashes, fmt.Sprintf("\n  term %d: %s", p.Term, why))
		}
	}
	if len(clashes) > 0 {
		return fmt.Errorf("plan: the proposal takes classroom times other sessions hold; nothing was saved%s", strings.Join(clashes, ""))
	}

	var out bytes.Buffer
	if err := csvio.WriteSessions(&out, planSessionRows(req, plan.Sessions)); err != nil {
		return err
	}
	for _, w := range planWarnings(plan, env.Today) {
		fmt.Fprintln(env.Stderr, "warning: "+withRule(w))
	}
	if a.apply {
		id, err := s.SavePlan(ctx, req, plan.Sessions)
		if err != nil {
			return fmt.Errorf("plan --apply: %w", err)
		}
		fmt.Fprintf(env.Stderr, "saved enrollment %d: %s with %s, %d sessions\n", id, program.Title(), m.Name(), len(plan.Sessions))
	}
	_, err = env.Stdout.Write(out.Bytes())
	return err
}

// findClassroom resolves a (school, classroom) pair and names whichever is unknown.
func findClassroom(ctx context.Context, s *sqlite.Store, schoolFlag, roomFlag, school, room string) (int64, error) {
	schools, err := s.Schools(ctx)
	if err != nil {
		return 0, err
	}
	var schoolID int64
	for _, x := range schools {
		if strings.EqualFold(x.Name, strings.TrimSpace(school)) {
			schoolID = x.ID
		}
	}
	if schoolID == 0 {
		return 0, fmt.Errorf("plan %s: no school is named %q", schoolFlag, school)
	}
	rooms, err := s.Classrooms(ctx, schoolID)
	if err != nil {
		return 0, err
	}
	for _, c := range rooms {
		if strings.EqualFold(c.Name, strings.TrimSpace(room)) {
			return c.ID, nil
		}
	}
	return 0, fmt.Errorf("plan %s: %s has no classroom named %q", roomFlag, school, room)
}

// planSessionRows are the proposed sessions as session rows of §5.
func planSessionRows(r data.PlanRequest, planned []data.PlannedSession) []data.Session {
	rooms := map[int64]data.Classroom{}
	for _, t := range r.Terms {
		rooms[t.Classroom.ID] = t.Classroom
	}
	out := make([]data.Session, len(planned))
	for i, p := range planned {
		c := rooms[p.ClassroomID]
		out[i] = data.Session{Date: p.Date, Start: p.Start, Minutes: p.Minutes, School: c.School, Classroom: c.Name,
			MentorEmail: r.Mentor.Email, Program: r.Program, Status: data.Planned, Focus: p.Focus}
	}
	return out
}

// planWarnings are the plan's flags: the mentor's status, R7/R8 with the dates they concern,
// and sessions proposed in the past.
func planWarnings(p data.Plan, today data.Date) []string {
	dates := map[string][]string{}
	var order []string
	past := 0
	for _, s := range p.Sessions {
		for _, f := range s.Flags {
			if dates[f] == nil {
				order = append(order, f)
			}
			dates[f] = append(dates[f], s.Date.String())
		}
		if !today.IsZero() && s.Date < today {
			past++
		}
	}
	var out []string
	for _, f := range p.Flags {
		if dates[f] == nil {
			out = append(out, f)
		}
	}
	for _, f := range order {
		out = append(out, f+" (on "+strings.Join(dates[f], ", ")+")")
	}
	if past > 0 {
		out = append(out, fmt.Sprintf("%d of the %d proposed sessions fall before today (%s)", past, len(p.Sessions), today))
	}
	return out
}

// withRule names the rule a flag comes from, as scripts grep for it: "No contract (R8): …".
func withRule(flag string) string {
	for prefix, rule := range map[string]string{data.FlagNotCleared: "R7", data.FlagNoContract: "R8"} {
		if rest, ok := strings.CutPrefix(flag, prefix); ok {
			return strings.TrimSuffix(prefix, ": ") + " (" + rule + "): " + rest
		}
	}
	return flag
}
