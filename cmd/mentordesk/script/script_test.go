package script

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

var today = data.MustDate("2026-11-22")

// run runs a command line against db and returns exit code, stdout and stderr.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"--db", db}, args...), Env{Stdout: &out, Stderr: &errb, Today: today})
	return code, out.String(), errb.String()
}

func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := run(t, db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return db
}

func TestSettingsSetAndGet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	cases := []struct{ key, value, want string }{
		{"org.name", "Cascade Youth Music Mentors", "Cascade Youth Music Mentors"},
		{"rate.focused", "82.5", "82.50"},
		{"rate.continuation", "$1,000", "1000.00"},
		{"schoolyear.start", "08-15", "08-15"},
		{"paper", "A4", "a4"},
		{"org.timezone", "Europe/Stockholm", "Europe/Stockholm"},
		{"org.director", "  Dana Whitfield ", "Dana Whitfield"},
	}
	for _, c := range cases {
		if code, _, stderr := run(t, db, "settings", "set", c.key, c.value); code != 0 {
			t.Fatalf("set %s: exit %d: %s", c.key, code, stderr)
		}
		if _, out, _ := run(t, db, "settings", "get", c.key); strings.TrimSpace(out) != c.want {
			t.Errorf("get %s = %q; want %q", c.key, out, c.want)
		}
	}
	bad := []struct{ key, value, msg string }{
		{"rate.focused", "12.345", "at most two decimals"},
		{"rate.season", "-5", "must not be negative"},
		{"org.timezone", "Mars/Olympus", "not an IANA time zone"},
		{"schoolyear.start", "02-30", "not a month and day"},
		{"paper", "legal", "not a paper size"},
		{"colour", "blue", "is not a setting"},
	}
	for _, c := range bad {
		code, _, stderr := run(t, db, "settings", "set", c.key, c.value)
		if code != 1 || !strings.Contains(stderr, c.msg) {
			t.Errorf("set %s %q: exit %d %q; want 1 and %q", c.key, c.value, code, stderr, c.msg)
		}
	}
	if _, out, _ := run(t, db, "settings", "get", "rate.focused"); strings.TrimSpace(out) != "82.50" {
		t.Errorf("a refused value changed the setting: %q", out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	for _, args := range [][]string{{"frobnicate"}, {"settings"}, {"import", "mentors"}, {"import", "nonsense", "x.csv"}, {"compliance", "--on", "2026-13-01"}, {"--nope"}} {
		if code, _, _ := run(t, db, args...); code != 2 {
			t.Errorf("%v: exit %d; want 2", args, code)
		}
	}
}

// TestExportImportRoundTrip exports every kind from the sample organisation, imports the files
// into an empty database and exports again: the files must be identical.
func TestExportImportRoundTrip(t *testing.T) {
	src := demoDB(t)
	dir1, dir2 := t.TempDir(), t.TempDir()
	for _, k := range csvio.Kinds {
		if code, _, stderr := run(t, src, "export", string(k), filepath.Join(dir1, string(k)+".csv")); code != 0 {
			t.Fatalf("export %s: %s", k, stderr)
		}
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	for _, k := range csvio.Kinds {
		if code, _, stderr := run(t, dst, "import", string(k), filepath.Join(dir1, string(k)+".csv")); code != 0 {
			t.Fatalf("import %s: %s", k, stderr)
		}
	}
	for _, k := range csvio.Kinds {
		if code, _, stderr := run(t, dst, "export", string(k), filepath.Join(dir2, string(k)+".csv")); code != 0 {
			t.Fatalf("export %s again: %s", k, stderr)
		}
		a, _ := os.ReadFile(filepath.Join(dir1, string(k)+".csv"))
		b, _ := os.ReadFile(filepath.Join(dir2, string(k)+".csv"))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: export → import → export differs", k)
		}
		if k != csvio.Calendars && bytes.Count(a, []byte("\n")) < 2 {
			t.Errorf("%s: the sample organisation exported no rows", k)
		}
	}
	// Importing the same files again updates and adds nothing new.
	code, _, stderr := run(t, dst, "import", "sessions", filepath.Join(dir1, "sessions.csv"))
	if code != 0 || !strings.Contains(stderr, " 0 added") {
		t.Errorf("re-import of sessions: exit %d %q; want 0 added", code, stderr)
	}
}

// TestHostileImportsChangeNothing feeds broken files to import: each is refused with a message
// naming file, line and column, exit 1, and the database stays as it was.
func TestHostileImportsChangeNothing(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	before := exportAll(t, db)
	header := strings.Join(csvio.Columns(csvio.Mentors), ",")
	mentor := func(email string) string {
		return "Ana,Ruiz," + email + ",,,violin,,,,,,active,"
	}
	cases := []struct {
		name, kind, content, want string
	}{
		{"ragged row", "mentors", header + "\n" + mentor("a1@example.org") + "\nBen,Lee\n", "mentors.csv:3"},
		{"bad e-mail", "mentors", header + "\n" + mentor("a2@example.org") + "\n" + mentor("bob@") + "\n", `mentors.csv:3: email: "bob@" is not an e-mail address`},
		{"invalid UTF-8", "mentors", header + "\n" + "Zo\xc3\xab An\xffa,Ruiz,a3@example.org,,,violin,,,,,,active,\n", "mentors.csv:2"},
		{"duplicate keys differing in case", "mentors", header + "\n" + mentor("dup@example.org") + "\n" + mentor("DUP@example.org") + "\n", "mentors.csv:3"},
		{"bad date", "checks", "mentor_email,kind,completed_on,result\nzoe.lukasiewicz@example.org,wsp,2026-02-30,clear\n", "checks.csv:2: completed_on"},
		{"unknown mentor", "checks", "mentor_email,kind,completed_on,result\nnobody@example.org,wsp,2026-02-10,clear\n", `checks.csv:2: mentor_email: no mentor with e-mail "nobody@example.org"`},
		{"unknown school", "classrooms", "school,name,ensemble,grade,instructor_email,meeting_days,period_start,period_minutes\nAtlantis High,Band,band,9,,Mon;Wed,09:00,50\n", `classrooms.csv:2: school: no school named "Atlantis High"`},
		{"bad weekday", "classrooms", "school,name,ensemble,grade,instructor_email,meeting_days,period_start,period_minutes\nX,Band,band,9,,Mon;Funday,09:00,50\n", "classrooms.csv:2: meeting_days"},
		{"missing column", "contracts", "mentor_email,school_year\nzoe.lukasiewicz@example.org,2026-27\n", "signed_on"},
		{"bad school year", "contracts", "mentor_email,school_year,signed_on\nzoe.lukasiewicz@example.org,2026-28,2026-08-01\n", "contracts.csv:2: school_year"},
		{"huge field", "mentors", header + "\n" + "Ana,Ruiz,huge@example.org,,,violin,,,,," + strings.Repeat("x", 20000) + ",active,\n", "mentors.csv:2"},
		{"bad program in sessions", "sessions", "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes\n2026-10-05,09:40,50,X,Y,a@example.org,orchestra,planned,,,\n", "sessions.csv:2: program"},
		{"missing photo", "mentors", header + "\n" + "Ana,Ruiz,ph@example.org,,,violin,,,,,,active,nowhere.jpg\n", "mentors.csv:2: photo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.kind+".csv")
			os.WriteFile(path, []byte(c.content), 0o600)
			code, _, stderr := run(t, db, "import", c.kind, path)
			if code != 1 {
				t.Fatalf("exit %d; want 1 (stderr %q)", code, stderr)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("message %q; want it to contain %q", stderr, c.want)
			}
		})
	}
	if after := exportAll(t, db); after != before {
		t.Error("a refused import changed the database")
	}
}

func exportAll(t *testing.T, db string) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	for _, k := range append(csvio.Kinds, csvio.Payments) {
		path := filepath.Join(dir, string(k)+".csv")
		if code, _, stderr := run(t, db, "export", string(k), path); code != 0 {
			t.Fatalf("export %s: %s", k, stderr)
		}
		c, _ := os.ReadFile(path)
		b.Write(c)
	}
	return b.String()
}

func TestFormulaCellsAreGuardedAndRestored(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	dir := t.TempDir()
	in := filepath.Join(dir, "mentors.csv")
	os.WriteFile(in, []byte(strings.Join(csvio.Columns(csvio.Mentors), ",")+"\n"+
		"Ana,Ruiz,ana@example.org,,,violin,,,,\"'=HYPERLINK(\"\"x\"\")\",,active,\n"), 0o600)
	if code, _, stderr := run(t, db, "import", "mentors", in); code != 0 {
		t.Fatal(stderr)
	}
	s, err := sqlite.Open(db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.MentorByEmail(context.Background(), "ana@example.org")
	s.Close()
	if m.Bio != `=HYPERLINK("x")` {
		t.Errorf("bio %q; want the leading ' removed", m.Bio)
	}
	out := filepath.Join(dir, "out.csv")
	run(t, db, "export", "mentors", out)
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), `'=HYPERLINK(""x"")`) {
		t.Errorf("export does not guard the formula:\n%s", b)
	}
}

func TestComplianceCSV(t *testing.T) {
	db := demoDB(t)
	code, out, stderr := run(t, db, "compliance", "--on", "2026-11-22")
	if code != 0 {
		t.Fatal(stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "mentor_email,status,cleared,cleared_until,fbi_required,contract,problems" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) < 26 {
		t.Errorf("%d rows; want one per mentor", len(lines)-1)
	}
	var yes, no int
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		switch f[2] {
		case "yes":
			yes++
		case "no":
			no++
		default:
			t.Errorf("cleared %q; want yes or no", f[2])
		}
	}
	if yes == 0 || no == 0 {
		t.Errorf("cleared yes=%d no=%d; the sample should have both", yes, no)
	}
}

func TestBackupAndCheck(t *testing.T) {
	db := demoDB(t)
	dest := filepath.Join(t.TempDir(), "copy.db")
	if code, _, stderr := run(t, db, "backup", dest); code != 0 {
		t.Fatal(stderr)
	}
	if code, out, stderr := run(t, dest, "check"); code != 0 {
		t.Fatalf("check of the backup: exit %d\n%s%s", code, out, stderr)
	}
	if code, _, _ := run(t, db, "backup", dest); code != 1 {
		t.Error("backup over an existing file should be refused")
	}
}

func TestDemoRefusesFilledDatabase(t *testing.T) {
	db := demoDB(t)
	if code, _, stderr := run(t, db, "demo"); code != 1 || stderr == "" {
		t.Errorf("second demo: exit %d %q; want 1 with a message", code, stderr)
	}
}
