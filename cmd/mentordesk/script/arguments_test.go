package script

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// commandLines are a well-formed line of every command (and every report); each must refuse
// one argument too many and one flag it does not know, with exit 2 and its own usage.
func commandLines(dir string) map[string][]string {
	out := func(name string) string { return filepath.Join(dir, name) }
	return map[string][]string{
		"demo":                {"demo"},
		"settings":            {"settings", "get", "org.name"},
		"import":              {"import", "mentors", out("m.csv")},
		"export":              {"export", "mentors", out("m.csv")},
		"plan":                {"plan", "--school", "S", "--classroom", "C", "--program", "season", "--mentor", "a@b.org", "--events", "2027-03-01"},
		"statements issue":    {"statements", "issue", "--through", "2026-01-31"},
		"report contract":     {"report", "contract", "--mentor", "a@b.org", "--year", "2026-27", "--out", out("c.pdf")},
		"report roster":       {"report", "roster", "--out", out("r.pdf")},
		"report statement":    {"report", "statement", "--number", "1", "--out", out("s.pdf")},
		"report statements":   {"report", "statements", "--out", out("st")},
		"report signoff":      {"report", "signoff", "--mentor", "a@b.org", "--school", "S", "--date", "2026-10-01", "--out", out("so.pdf")},
		"report schedule":     {"report", "schedule", "--school", "S", "--classroom", "C", "--year", "2026-27", "--out", out("sc.pdf")},
		"report yearend":      {"report", "yearend", "--mentor", "a@b.org", "--year", "2026", "--out", out("y.pdf")},
		"report introduction": {"report", "introduction", "--cohort", "C", "--email", "a@b.org", "--out", out("i.pdf")},
		"report cohort":       {"report", "cohort", "--cohort", "C", "--out", out("co.pdf")},
		"calendar":            {"calendar", "--mentor", "a@b.org", "--out", out("c.ics")},
		"match":               {"match", "--cohort", "C"},
		"compliance":          {"compliance", "--on", "2026-11-01"},
		"backup":              {"backup", out("b.db")},
		"restore":             {"restore", out("b.db")},
		"check":               {"check"},
		"send statements":     {"send", "statements", "--dry-run"},
		"send contracts":      {"send", "contracts", "--year", "2026-27", "--dry-run"},
		"outbox":              {"outbox"},
	}
}

func TestEveryCommandRefusesUnexpectedArguments(t *testing.T) {
	db := demoDB(t)
	before, _ := os.ReadFile(db)
	dir := t.TempDir()
	lines := commandLines(dir)
	covered := map[string]bool{}
	for name := range lines {
		covered[strings.Fields(name)[0]] = true
	}
	for name := range commands {
		if !covered[name] {
			t.Errorf("command %q has no line in commandLines", name)
		}
	}
	for _, k := range reportKinds {
		if _, ok := lines["report "+k.name]; !ok {
			t.Errorf("report %s has no line in commandLines", k.name)
		}
	}
	for name, line := range lines {
		for _, extra := range [][]string{{"2026-01-31"}, {"--bogus"}, {"--bogus=1"}} {
			args := append(slices.Clone(line), extra...)
			t.Run(name+" "+extra[0], func(t *testing.T) {
				code, stdout, stderr := run(t, db, args...)
				if code != 2 {
					t.Fatalf("%v: exit %d; want 2 (stderr %q)", args, code, stderr)
				}
				if want := "usage: mentordesk [--db PATH] " + name; !strings.Contains(stderr, want) {
					t.Errorf("%v: stderr %q lacks its usage line %q", args, stderr, want)
				}
				if stdout != "" {
					t.Errorf("%v: printed %q on a usage error", args, stdout)
				}
			})
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("a refused command line changed the database")
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("refused command lines wrote %d file(s), the first %s", len(left), left[0].Name())
	}
}

// A date given without --through issued every ready statement; it is refused, and --dry-run
// prints exactly what the issue then does.
func TestStatementsIssueDryRunPrintsWhatIssueDoes(t *testing.T) {
	db := demoDB(t)
	payments := func() string {
		t.Helper()
		p := filepath.Join(t.TempDir(), "payments.csv")
		if code, _, stderr := run(t, db, "export", "payments", p); code != 0 {
			t.Fatalf("export payments: %s", stderr)
		}
		b, _ := os.ReadFile(p)
		return string(b)
	}
	start := payments()
	if code, _, _ := run(t, db, "statements", "issue", "2026-11-30"); code != 2 {
		t.Fatalf("statements issue DATE: exit %d; want 2", code)
	}
	if payments() != start {
		t.Fatal("statements issue DATE issued statements")
	}
	code, dry, stderr := run(t, db, "statements", "issue", "--dry-run", "--through", "2026-11-30")
	if code != 0 || !strings.Contains(stderr, "would issue") {
		t.Fatalf("dry run: exit %d: %s", code, stderr)
	}
	if payments() != start {
		t.Fatal("statements issue --dry-run issued statements")
	}
	if strings.Count(dry, "\n") < 2 {
		t.Fatalf("dry run printed no statement: %q", dry)
	}
	if code, _, stderr := run(t, db, "statements", "issue", "--through", "2026-11-30"); code != 0 {
		t.Fatalf("issue: %s", stderr)
	}
	issued := payments()
	// Every statement the dry run printed is now issued, with the same number, visit and total.
	for _, line := range strings.Split(strings.TrimSpace(dry), "\n")[1:] {
		if !strings.Contains(issued, line) {
			t.Errorf("dry run printed %q, which the issue did not issue", line)
		}
	}
	if got, want := strings.Count(issued, "\n"), strings.Count(start, "\n")+strings.Count(dry, "\n")-1; got != want {
		t.Errorf("payments after issue: %d lines; want %d", got, want)
	}
}

// A command that fails on a database path that did not exist leaves no file there.
func TestFailedCommandLeavesNoNewDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	db := filepath.Join(dir, "org.db")
	for _, args := range [][]string{{"statements", "issue", "2026-01-31"}, {"import", "mentors", filepath.Join(dir, "missing.csv")}, {"report", "roster"}} {
		if code, _, _ := run(t, db, args...); code == 0 {
			t.Fatalf("%v succeeded", args)
		}
		if _, err := os.Lstat(dir); err == nil {
			left, _ := os.ReadDir(dir)
			t.Errorf("%v failed and left %d file(s) in a new folder", args, len(left))
		}
	}
}
