package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// statements issue pays no flagged session confirmed without the director's override: it names
// each, issues the rest, and pays them once the sessions CSV carries an override_reason.
func TestStatementsIssueHoldsFlaggedSessionsUntilOverridden(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	files := []struct{ kind, name, text string }{
		{"mentors", "mentors.csv", "first_name,last_name,email,phone,address,instruments,education,teaching_experience,performance_experience,bio,wa_resident_since,status,photo\n" +
			"Ana,López,ana@example.org,,,Violin,,,,,2001-05-01,active,\nDee,Newcomer,dee@example.org,,,Cello,,,,,2001-05-01,active,\n"},
		{"checks", "checks.csv", "mentor_email,kind,completed_on,result\nana@example.org,wsp,2026-08-01,clear\n"},
		{"contracts", "contracts.csv", "mentor_email,school_year,signed_on\nana@example.org,2026-27,2026-08-01\n"},
		{"schools", "schools.csv", "name,district,level,address,calendar\nWhitman,North,middle,,\n"},
		{"classrooms", "classrooms.csv", "school,name,ensemble,grade,instructor_email,meeting_days,period_start,period_minutes\nWhitman,7th Band,band,7,,Mon;Tue;Wed;Thu;Fri,09:00,50\n"},
		{"sessions", "sessions.csv", "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes\n" +
			"2026-10-13,09:00,50,Whitman,7th Band,ana@example.org,focused,confirmed,2026-10-14,,\n" +
			"2026-10-14,09:00,50,Whitman,7th Band,dee@example.org,focused,confirmed,2026-10-15,,\n"},
	}
	for _, f := range files {
		if code, _, stderr := run(t, db, "import", f.kind, write(f.name, f.text)); code != 0 {
			t.Fatalf("import %s: exit %d: %s", f.kind, code, stderr)
		}
	}
	code, _, stderr := run(t, db, "statements", "issue", "--through", "2026-10-31")
	if code != 0 {
		t.Fatalf("statements issue: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "issued 1 statement(s)") || !strings.Contains(stderr, "held: 2026-10-14 09:00, dee@example.org at Whitman · 7th Band: flagged (not cleared, no contract)") {
		t.Errorf("stderr does not name the held session beside the one issued:\n%s", stderr)
	}
	override := write("override.csv", "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes,override_reason\n"+
		"2026-10-14,09:00,50,Whitman,7th Band,dee@example.org,focused,confirmed,2026-10-15,,,Checks cleared on paper; records follow\n")
	if code, _, stderr := run(t, db, "import", "sessions", override); code != 0 {
		t.Fatalf("import the override: exit %d: %s", code, stderr)
	}
	code, _, stderr = run(t, db, "statements", "issue", "--through", "2026-10-31")
	if code != 0 || !strings.Contains(stderr, "issued 1 statement(s), No. 2–2") || strings.Contains(stderr, "held:") {
		t.Errorf("after the override: exit %d:\n%s", code, stderr)
	}
	out := filepath.Join(dir, "sessions-out.csv")
	if code, _, stderr := run(t, db, "export", "sessions", out); code != 0 {
		t.Fatal(stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), ",override_reason\n") || !strings.Contains(string(b), "Checks cleared on paper; records follow") {
		t.Errorf("the export does not carry the override:\n%s", b)
	}
}
