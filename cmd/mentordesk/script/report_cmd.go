package script

import (
	"context"
	"errors"
	"flag"
	"fmt"
	pdf "mentordesk/app/report"
	"mentordesk/app/report/compose"
	"mentordesk/data"
	"mentordesk/data/filemsg"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func init() { commands["report"] = reportCmd }

// reportKinds are the documents `report` prints, in the order the usage lists them.
var reportKinds = []struct {
	name string
	run  func(ctx context.Context, s *sqlite.Store, args []string, env Env) error
}{
	{"contract", reportContract},
	{"roster", reportRoster},
	{"statement", reportStatement},
	{"statements", reportStatements},
	{"signoff", reportSignoff},
	{"schedule", reportSchedule},
	{"yearend", reportYearEnd},
	{"introduction", reportIntroduction},
	{"cohort", reportCohort},
}

const reportUsage = `report contract --mentor EMAIL --year 2026-27 --out FILE.pdf
  report roster [--school NAME] [--instrument NAME] [--on DATE] --out FILE.pdf
  report statement --number N --out FILE.pdf
  report statements --out DIR [--from DATE] [--through DATE]
  report signoff --mentor EMAIL --school NAME --date DATE --out FILE.pdf
  report schedule --school NAME --classroom NAME --year 2026-27 [--mentor EMAIL] --out FILE.pdf
  report yearend --mentor EMAIL --year 2026 --out FILE.pdf
  report introduction --cohort NAME --email EMAIL --out FILE.pdf
  report cohort --cohort NAME --out FILE.pdf`

// reportCmd prints one document (or a folder of statements) as PDF with the organisation's
// letterhead; the same data always gives the same bytes.
func reportCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	if len(args) == 0 {
		return usagef("report needs a document:\n  %s", reportUsage)
	}
	for _, k := range reportKinds {
		if k.name == args[0] {
			return inCommand("report "+k.name, k.run(ctx, s, args[1:], env))
		}
	}
	return usagef("report: %q is not a document:\n  %s", args[0], reportUsage)
}

// reportFlags parses a report's flags; every flag named in required must be given.
func reportFlags(kind string, args []string, define func(*flag.FlagSet), required map[string]*string) error {
	name := "report " + kind
	rest, err := flags(name, args, define)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("%s: unexpected argument %q", name, rest[0])
	}
	var missing []string
	for flagName, v := range required {
		if strings.TrimSpace(*v) == "" {
			missing = append(missing, "--"+flagName)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return usagef("%s needs %s", name, strings.Join(missing, " and "))
	}
	return nil
}

func reportToday(env Env) data.Date {
	if env.Today.IsZero() {
		return data.Today()
	}
	return env.Today
}

// documents is what the report commands gather from: the store, and the service's choice of
// the roster handout's mentors, as the window's Documents area has them.
func documents(s *sqlite.Store) compose.Source {
	return struct {
		*sqlite.Store
		*service.Service
	}{s, service.New(s)}
}

// writeReport validates and writes one document; a failure leaves no file behind.
func writeReport(s *sqlite.Store, kind, out string, doc pdf.Document, env Env) error {
	if err := s.RefuseOwnFile(out); err != nil {
		return fmt.Errorf("report %s --out: %w", kind, err)
	}
	if err := pdf.WriteFile(out, doc); err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return fmt.Errorf("report %s: %w", kind, err)
		}
		return fmt.Errorf("report %s --out: %w", kind, err)
	}
	fmt.Fprintf(env.Stderr, "%s written to %s\n", kind, filemsg.Path(out))
	return nil
}

func mentorFlag(ctx context.Context, s *sqlite.Store, kind, email string) (data.Mentor, error) {
	m, err := s.MentorByEmail(ctx, email)
	if errors.Is(err, data.ErrNotFound) {
		return m, fmt.Errorf("report %s --mentor: no mentor has the e-mail %q", kind, email)
	}
	return m, err
}

func schoolFlag(ctx context.Context, s *sqlite.Store, kind, name string) (data.School, error) {
	x, err := s.SchoolByName(ctx, name)
	if errors.Is(err, data.ErrNotFound) {
		return x, fmt.Errorf("report %s --school: no school named %q", kind, name)
	}
	return x, err
}

func schoolYearFlag(kind, v string) (data.SchoolYear, error) {
	y, err := data.ParseSchoolYear(strings.TrimSpace(v))
	if err != nil {
		return 0, usagef("report %s --year: %v", kind, err)
	}
	return y, nil
}

func reportContract(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var email, year, out string
	if err := reportFlags("contract", args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "mentor", "", "mentor e-mail")
		fs.StringVar(&year, "year", "", "school year, like 2026-27")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"mentor": &email, "year": &year, "out": &out}); err != nil {
		return err
	}
	y, err := schoolYearFlag("contract", year)
	if err != nil {
		return err
	}
	m, err := mentorFlag(ctx, s, "contract", email)
	if err != nil {
		return err
	}
	doc, err := compose.GatherContract(ctx, documents(s), m.ID, y)
	if err != nil {
		return err
	}
	return writeReport(s, "contract", out, doc, env)
}

func reportRoster(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var school, instrument, on, out string
	if err := reportFlags("roster", args, func(fs *flag.FlagSet) {
		fs.StringVar(&school, "school", "", "only mentors assigned to this school")
		fs.StringVar(&instrument, "instrument", "", "only mentors who teach this instrument")
		fs.StringVar(&on, "on", "", "eligibility date (default today)")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"out": &out}); err != nil {
		return err
	}
	day, err := dateFlag("on", on, reportToday(env))
	if err != nil {
		return err
	}
	f := data.RosterFilter{On: day, Instrument: strings.TrimSpace(instrument)}
	if strings.TrimSpace(school) != "" {
		x, err := schoolFlag(ctx, s, "roster", school)
		if err != nil {
			return err
		}
		f.SchoolID = x.ID
	}
	doc, err := compose.GatherRoster(ctx, documents(s), f)
	if err != nil {
		return err
	}
	return writeReport(s, "roster", out, doc, env)
}

func statementNumberFlag(kind, v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return 0, usagef("report %s --number: %q is not a statement number", kind, v)
	}
	return n, nil
}

func reportStatement(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var number, out string
	if err := reportFlags("statement", args, func(fs *flag.FlagSet) {
		fs.StringVar(&number, "number", "", "statement number")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"number": &number, "out": &out}); err != nil {
		return err
	}
	n, err := statementNumberFlag("statement", number)
	if err != nil {
		return err
	}
	doc, err := compose.GatherStatement(ctx, documents(s), n)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("report statement --number: no statement No. %d has been issued", n)
	}
	if err != nil {
		return err
	}
	return writeReport(s, "statement", out, doc, env)
}

func reportStatements(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var dir, from, through string
	if err := reportFlags("statements", args, func(fs *flag.FlagSet) {
		fs.StringVar(&dir, "out", "", "the folder to write into")
		fs.StringVar(&from, "from", "", "first visit date")
		fs.StringVar(&through, "through", "", "last visit date")
	}, map[string]*string{"out": &dir}); err != nil {
		return err
	}
	first, err := dateFlag("from", from, 0)
	if err != nil {
		return err
	}
	last, err := dateFlag("through", through, 0)
	if err != nil {
		return err
	}
	if !first.IsZero() && !last.IsZero() && last < first {
		return usagef("report statements: --through %s is before --from %s", last, first)
	}
	if err := s.RefuseOwnFile(dir); err != nil {
		return fmt.Errorf("report statements --out: %w", err)
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("report statements --out: %s is a file, not a folder", dir)
	}
	org, _, err := compose.Letterhead(ctx, documents(s))
	if err != nil {
		return err
	}
	prints, err := s.StatementPrints(ctx, first, last)
	if err != nil {
		return err
	}
	if len(prints) == 0 {
		fmt.Fprintf(env.Stderr, "no statement has a visit in that period; nothing written\n")
		return nil
	}
	jobs := make([]pdf.Job, len(prints))
	for i, p := range prints {
		jobs[i] = pdf.Job{Doc: pdf.StatementDoc{Org: org, Statement: p.Statement, Mentor: p.Mentor},
			Path: filepath.Join(dir, pdf.StatementFile(p.Statement.Number))}
		if err := s.RefuseOwnFile(jobs[i].Path); err != nil {
			return fmt.Errorf("report statements --out: %w", err)
		}
	}
	_, statErr := os.Stat(dir)
	made := errors.Is(statErr, os.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report statements --out: %w", err)
	}
	if err := pdf.Batch(ctx, jobs, nil); err != nil {
		if made {
			os.Remove(dir) // only when empty: a folder we made and nothing went into
		}
		return fmt.Errorf("report statements: %w", err)
	}
	fmt.Fprintf(env.Stderr, "%d statement(s) written to %s\n", len(jobs), filemsg.Path(dir))
	return nil
}

func reportSignoff(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var email, school, date, out string
	if err := reportFlags("signoff", args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "mentor", "", "mentor e-mail")
		fs.StringVar(&school, "school", "", "school name")
		fs.StringVar(&date, "date", "", "visit date")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"mentor": &email, "school": &school, "date": &date, "out": &out}); err != nil {
		return err
	}
	day, err := dateFlag("date", date, 0)
	if err != nil {
		return err
	}
	m, err := mentorFlag(ctx, s, "signoff", email)
	if err != nil {
		return err
	}
	x, err := schoolFlag(ctx, s, "signoff", school)
	if err != nil {
		return err
	}
	doc, err := compose.GatherSignoff(ctx, documents(s), m.ID, x.ID, day)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("report signoff: %s has no session at %s on %s", m.Name(), x.Name, day)
	}
	if err != nil {
		return err
	}
	return writeReport(s, "signoff", out, doc, env)
}

func reportSchedule(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var school, classroom, year, email, out string
	if err := reportFlags("schedule", args, func(fs *flag.FlagSet) {
		fs.StringVar(&school, "school", "", "school name")
		fs.StringVar(&classroom, "classroom", "", "classroom name")
		fs.StringVar(&year, "year", "", "school year, like 2026-27")
		fs.StringVar(&email, "mentor", "", "the mentor, when several coach the classroom")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"school": &school, "classroom": &classroom, "year": &year, "out": &out}); err != nil {
		return err
	}
	y, err := schoolYearFlag("schedule", year)
	if err != nil {
		return err
	}
	x, err := schoolFlag(ctx, s, "schedule", school)
	if err != nil {
		return err
	}
	rooms, err := s.Classrooms(ctx, x.ID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(rooms, func(c data.Classroom) bool { return strings.EqualFold(c.Name, strings.TrimSpace(classroom)) })
	if i < 0 {
		names := make([]string, len(rooms))
		for j, c := range rooms {
			names[j] = strconv.Quote(c.Name)
		}
		return fmt.Errorf("report schedule --classroom: %s has no classroom %q (classrooms: %s)", x.Name, classroom, strings.Join(names, ", "))
	}
	room := rooms[i]
	schedules, err := s.Schedules(ctx, room.ID, y)
	if err != nil {
		return err
	}
	if email != "" {
		schedules = slices.DeleteFunc(schedules, func(sc data.Schedule) bool { return !strings.EqualFold(sc.MentorEmail, strings.TrimSpace(email)) })
	}
	switch {
	case len(schedules) == 0 && email != "":
		return fmt.Errorf("report schedule --mentor: %q coaches no enrollment of %s at %s in %s", email, room.Name, x.Name, y)
	case len(schedules) == 0:
		return fmt.Errorf("report schedule: %s at %s has no enrollment in %s", room.Name, x.Name, y)
	case len(schedules) > 1:
		var who []string
		for _, sc := range schedules {
			who = append(who, fmt.Sprintf("%s (%s)", sc.MentorName, sc.MentorEmail))
		}
		return fmt.Errorf("report schedule: %s at %s has %d mentors in %s: %s; choose one with --mentor EMAIL",
			room.Name, x.Name, len(schedules), y, strings.Join(who, ", "))
	}
	doc, err := compose.GatherSchedule(ctx, documents(s), reportToday(env), y, schedules[0])
	if err != nil {
		return err
	}
	return writeReport(s, "schedule", out, doc, env)
}

func reportYearEnd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var email, year, out string
	if err := reportFlags("yearend", args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "mentor", "", "mentor e-mail")
		fs.StringVar(&year, "year", "", "calendar year, like 2026")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"mentor": &email, "year": &year, "out": &out}); err != nil {
		return err
	}
	y, err := strconv.Atoi(strings.TrimSpace(year))
	if err != nil || y < 1900 || y > 2200 {
		return usagef("report yearend --year: %q is not a calendar year (like 2026)", year)
	}
	m, err := mentorFlag(ctx, s, "yearend", email)
	if err != nil {
		return err
	}
	doc, err := compose.GatherYearEnd(ctx, documents(s), reportToday(env), m.ID, y)
	if err != nil {
		return err
	}
	return writeReport(s, "yearend", out, doc, env)
}
