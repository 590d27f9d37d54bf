package script

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/filemsg"
	"mentordesk/data/sqlite"
	"mentordesk/data/xlsxio"
)

func init() {
	commands["settings"] = settingsCmd
	commands["import"] = importCmd
	commands["export"] = exportCmd
	commands["backup"] = backupCmd
	commands["check"] = checkCmd
	commands["compliance"] = complianceCmd
	commands["statements"] = statementsCmd
}

func settingsCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	switch {
	case len(args) == 3 && args[0] == "set":
		return s.SetSetting(ctx, args[1], args[2])
	case len(args) == 2 && args[0] == "get":
		set, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		v, err := set.Get(args[1])
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, v)
		return nil
	}
	return usagef("settings set KEY VALUE | settings get KEY")
}

const importUsage = `import KIND FILE.xlsx [--sheet NAME] [--map "File header=column;…"] [--set column=value]
   or: import KIND FILE.csv [--map "File header=column;…"] [--set column=value]`

func importCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var sheet, mapText string
	var sets setFlags
	rest, err := flags("import", interleaved(args), func(fs *flag.FlagSet) {
		fs.StringVar(&sheet, "sheet", "", "sheet of a workbook")
		fs.StringVar(&mapText, "map", "", "File header=column;…")
		fs.Var(&sets, "set", "column=value")
	})
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usagef("%s", importUsage)
	}
	kind, err := csvio.ParseKind(rest[0])
	if err != nil {
		return usagef("%v", err)
	}
	if kind == csvio.Payments || kind == csvio.Goals {
		return usagef("%s are exported only; they are never imported", kind)
	}
	if sheet != "" && !xlsxio.IsWorkbookName(rest[1]) {
		return usagef("--sheet is for workbooks (FILE.xlsx); %s is a CSV file", rest[1])
	}
	m, err := csvio.ParseMapping(kind, mapText, sets)
	if err != nil {
		return usagef("%v", err)
	}
	if _, err := s.BackupNow(ctx, "", "before-import", sqlite.DefaultRetention); err != nil {
		return fmt.Errorf("back up before importing: %w", err)
	}
	sum, err := s.ImportFileWith(ctx, kind, rest[1], sqlite.ImportOptions{Sheet: sheet, Map: m})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, sum)
	return nil
}

// setFlags collects repeated --set column=value.
type setFlags []string

func (s *setFlags) String() string     { return strings.Join(*s, ",") }
func (s *setFlags) Set(v string) error { *s = append(*s, v); return nil }

// interleaved moves flags before the arguments, since the contract writes them after the file
// (import KIND FILE --sheet NAME) and the flag package stops at the first argument.
func interleaved(args []string) []string {
	var fl, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			fl = append(fl, a)
			if !strings.Contains(a, "=") && i+1 < len(args) {
				fl = append(fl, args[i+1])
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(fl, pos...)
}

func exportCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	if len(args) != 2 {
		return usagef("export KIND FILE.csv | export KIND FILE.xlsx")
	}
	kind, err := csvio.ParseKind(args[0])
	if err != nil {
		return usagef("%v", err)
	}
	n, err := s.ExportFile(ctx, kind, args[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%s: %d row(s) written to %s\n", kind, n, filemsg.Path(args[1]))
	return nil
}

func backupCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	dest, err := oneArg("backup", args, "the backup FILE")
	if err != nil {
		return err
	}
	if err := s.Backup(ctx, dest); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "backed up %s to %s (checked: integrity ok, foreign keys ok)\n", s.Path(), filemsg.Path(dest))
	return nil
}

func checkCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	if len(args) != 0 {
		return usagef("check takes no arguments")
	}
	findings, err := s.Check(ctx)
	if err != nil {
		return err
	}
	problems := 0
	for _, f := range findings {
		fmt.Fprintln(env.Stdout, f)
		if f.Problem {
			problems++
		}
	}
	if problems > 0 {
		return fmt.Errorf("%s: %d problem(s) found", s.Path(), problems)
	}
	fmt.Fprintf(env.Stdout, "ok: %s passed integrity and rule checks (%d warning(s))\n", s.Path(), len(findings))
	return nil
}

func complianceCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var on string
	if _, err := flags("compliance", args, func(fs *flag.FlagSet) { fs.StringVar(&on, "on", "", "date") }); err != nil {
		return err
	}
	day, err := dateFlag("on", on, env.Today)
	if err != nil {
		return err
	}
	rows, err := s.Compliance(ctx, day)
	if err != nil {
		return err
	}
	w := csv.NewWriter(env.Stdout)
	w.Write([]string{"mentor_email", "status", "cleared", "cleared_until", "fbi_required", "contract", "problems"})
	for _, r := range rows {
		w.Write([]string{r.Mentor.Email, string(r.Mentor.Status), yesNo(r.Clearance.Cleared), r.Clearance.ClearedUntil.String(),
			yesNo(r.Clearance.FBIRequired), yesNo(r.Contract.Signed), r.ProblemText()})
	}
	w.Flush()
	return w.Error()
}

func statementsCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	if len(args) == 0 || args[0] != "issue" {
		return usagef("statements issue [--through DATE]")
	}
	var through string
	if _, err := flags("statements issue", args[1:], func(fs *flag.FlagSet) { fs.StringVar(&through, "through", "", "date") }); err != nil {
		return err
	}
	day, err := dateFlag("through", through, env.Today)
	if err != nil {
		return err
	}
	sts, err := s.IssueStatements(ctx, sqlite.IssueChoice{Through: day}, env.Today)
	if err != nil {
		return err
	}
	var total data.Money
	for _, st := range sts {
		total += st.Total()
	}
	// Visits held for flagged sessions are named, so the director can record the override
	// (override_reason in the sessions CSV, or Confirm in the window) and issue them.
	held, err := s.HeldVisits(ctx, day)
	if err != nil {
		return err
	}
	for _, h := range held {
		for _, x := range h.Flagged {
			fmt.Fprintf(env.Stderr, "held: %s %s, %s at %s · %s: flagged (%s) and confirmed without an override_reason\n",
				x.Date, x.Start, x.MentorEmail, x.School, x.Classroom, data.FlagsShort(h.Flags[x.ID]))
		}
	}
	if len(held) > 0 {
		fmt.Fprintf(env.Stderr, "%d visit(s) not issued: give each flagged session an override_reason (import sessions) to pay it\n", len(held))
	}
	if len(sts) == 0 {
		fmt.Fprintf(env.Stderr, "no visit through %s is ready for a statement\n", day)
		return nil
	}
	fmt.Fprintf(env.Stderr, "issued %d statement(s), No. %d–%d, totalling %s\n", len(sts), sts[0].Number, sts[len(sts)-1].Number, total.Dollars())
	return nil
}

var errNotImplemented = errors.New("not available in this version")

func restoreCmd(db string, args []string, env Env) error {
	from, err := oneArg("restore", args, "the backup FILE to restore")
	if err != nil {
		return err
	}
	res, err := sqlite.Restore(db, from)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "restored %s from %s (%s)\n", db, from, res.Summary)
	if res.Aside != "" {
		fmt.Fprintf(env.Stderr, "the file it replaced is kept as %s\n", res.Aside)
	}
	return nil
}
