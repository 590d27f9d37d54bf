package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data/csvio"
)

// A session at a clock the organisation's zone skips (spring forward) or repeats (fall back) is
// refused on import with the line, the date, the time and the zone; nothing is imported.
func TestImportRefusesClocksTheZoneSkipsOrRepeats(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	exported := filepath.Join(dir, "all-sessions.csv")
	if code, _, stderr := run(t, db, "export", "sessions", exported); code != 0 {
		t.Fatalf("export sessions: %s", stderr)
	}
	raw, _ := os.ReadFile(exported)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	cells := strings.Split(lines[1], ",") // date, start, minutes, school, classroom, mentor_email, program, …
	columns := csvio.Columns(csvio.Sessions)
	row := func(date, start, minutes string) string {
		row := make([]string, len(columns)) // the optional columns after status stay empty
		copy(row, []string{date, start, minutes, cells[3], cells[4], cells[5], cells[6], "planned"})
		return strings.Join(row, ",")
	}
	header := strings.Join(columns, ",")
	before := exportAll(t, db)
	cases := []struct{ name, row, want string }{
		{"spring forward", row("2027-03-14", "02:30", "50"),
			"sessions.csv:3: start: 2027-03-14 02:30 does not exist in America/Los_Angeles: the clocks go forward from 02:00 to 03:00 that night"},
		{"fall back", row("2026-11-01", "01:30", "50"),
			"sessions.csv:3: start: 2026-11-01 01:30 happens twice in America/Los_Angeles: the clocks go back from 02:00 to 01:00 that night"},
		{"ending in the repeated hour", row("2026-11-01", "00:45", "120"),
			"sessions.csv:3: start: 2026-11-01 00:45 for 120 minutes ends at 01:45, in the hour that happens twice in America/Los_Angeles"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, "sessions.csv")
			content := header + "\n" + row("2027-03-14", "09:00", "50") + "\n" + c.row + "\n"
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := run(t, db, "import", "sessions", path)
			if code != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, %q; want exit 1 and %q", code, stderr, c.want)
			}
		})
	}
	if after := exportAll(t, db); after != before {
		t.Error("a refused import changed the database")
	}
	// The same clocks on ordinary days import.
	path := filepath.Join(dir, "sessions.csv")
	os.WriteFile(path, []byte(header+"\n"+row("2027-03-13", "02:30", "50")+"\n"+row("2026-11-02", "01:30", "50")+"\n"), 0o600)
	if code, _, stderr := run(t, db, "import", "sessions", path); code != 0 {
		t.Errorf("ordinary night-time sessions: exit %d: %s", code, stderr)
	}
}
