package script

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

// An organisation moved through CSV alone got a different roster: the sessions file had no
// columns for punctuality, how a session was confirmed and why it was cancelled. Every kind is
// exported, imported into a new file in the order of csvio.Kinds, and the roster, the
// compliance list and every export come out byte for byte the same.
func TestOrganisationMovedThroughCSVIsTheSame(t *testing.T) {
	src := demoDB(t)
	// The director took one mentor off the roster: the decision must travel too.
	s := openStore(t, src)
	ms, err := service.New(s).RosterMentors(context.Background(), sqlite.RosterFilter{On: data.MustDate("2026-11-22")})
	if err != nil || len(ms) < 2 {
		t.Fatalf("roster: %d mentors, %v", len(ms), err)
	}
	if _, err := s.SaveReviewDecision(context.Background(), data.ReviewDecision{MentorID: ms[0].ID, DecidedOn: data.MustDate("2026-10-01"),
		Decision: "remove", Reason: "Missed two sessions without notice"}); err != nil {
		t.Fatal(err)
	}
	// The director's own contract clauses travel with the settings.
	clauses := []sqlite.ContractClause{{Heading: "Tuning and warm-ups", Text: "{{mentor}} tunes with the section before each session."},
		{Heading: "Instruments", Text: "The school lends {{mentor}} a music stand, and {{org}} nothing else."}}
	if err := s.SaveContractClauses(context.Background(), clauses); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dst := filepath.Join(t.TempDir(), "moved.db")
	kinds := append(append([]csvio.Kind(nil), csvio.Kinds...), csvio.ReviewKinds...)
	exportAll := func(db string) string {
		t.Helper()
		dir := t.TempDir()
		for _, k := range kinds {
			if code, _, stderr := run(t, db, "export", string(k), filepath.Join(dir, string(k)+".csv")); code != 0 {
				t.Fatalf("export %s: %s", k, stderr)
			}
		}
		return dir
	}
	from := exportAll(src)
	for _, k := range kinds {
		if code, _, stderr := run(t, dst, "import", string(k), filepath.Join(from, string(k)+".csv")); code != 0 {
			t.Fatalf("import %s into a new file: %s", k, stderr)
		}
	}
	to := exportAll(dst)
	for _, k := range kinds {
		a, _ := os.ReadFile(filepath.Join(from, string(k)+".csv"))
		b, _ := os.ReadFile(filepath.Join(to, string(k)+".csv"))
		if !bytes.Equal(a, b) {
			t.Errorf("the %s export differs after the move:\n%s", k, firstDifference(string(a), string(b)))
		}
	}
	sessions, _ := os.ReadFile(filepath.Join(from, "sessions.csv"))
	for _, v := range []string{",late,", ",on_time,", ",School assembly,"} {
		if !bytes.Contains(sessions, []byte(v)) {
			t.Errorf("the sample's sessions export has no %q: the test would not see it lost", v)
		}
	}
	// A sessions file from before the lifecycle columns still imports, and keeps them as they are.
	old := filepath.Join(t.TempDir(), "sessions.csv")
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(sessions), "\n") {
		if rec, err := csv.NewReader(strings.NewReader(line)).Read(); err == nil {
			w := csv.NewWriter(&b)
			w.Write(rec[:11])
			w.Flush()
		}
	}
	os.WriteFile(old, []byte(b.String()), 0o600)
	if code, _, stderr := run(t, dst, "import", "sessions", old); code != 0 {
		t.Fatalf("a sessions file of eleven columns: %s", stderr)
	}
	again := exportAll(dst)
	if a, _ := os.ReadFile(filepath.Join(again, "sessions.csv")); !bytes.Equal(a, sessions) {
		t.Errorf("an older sessions file blanked the lifecycle details:\n%s", firstDifference(string(sessions), string(a)))
	}

	// Documents that read enrollments: a contract lists the classrooms assigned, a school's
	// roster the mentors enrolled there.
	same := func(what string, args ...string) {
		t.Helper()
		a, b := filepath.Join(t.TempDir(), "a.pdf"), filepath.Join(t.TempDir(), "b.pdf")
		mustReport(t, src, a, args...)
		mustReport(t, dst, b, args...)
		pa, _ := os.ReadFile(a)
		pb, _ := os.ReadFile(b)
		if !bytes.Equal(pa, pb) {
			t.Errorf("%s differs after the move", what)
		}
	}
	same("the contract", "contract", "--mentor", "minh.nguyen@example.org", "--year", "2026-27")
	same("a school's roster", "roster", "--school", "Green Lake High School", "--on", "2026-11-22")
	if e, _ := os.ReadFile(filepath.Join(from, "enrollments.csv")); bytes.Count(e, []byte("\n")) < 10 {
		t.Error("the sample's enrollments export has almost no rows: the test would not see them lost")
	}

	for _, on := range []string{"2026-11-22", "2026-02-10", "2027-06-01"} {
		_, a, _ := run(t, src, "compliance", "--on", on)
		_, b, _ := run(t, dst, "compliance", "--on", on)
		if a != b || strings.Count(a, "\n") < 2 {
			t.Errorf("compliance on %s differs after the move:\n%s", on, firstDifference(a, b))
		}
		ra, rb := filepath.Join(t.TempDir(), "a.pdf"), filepath.Join(t.TempDir(), "b.pdf")
		mustReport(t, src, ra, "roster", "--on", on)
		mustReport(t, dst, rb, "roster", "--on", on)
		pa, _ := os.ReadFile(ra)
		pb, _ := os.ReadFile(rb)
		if !bytes.Equal(pa, pb) {
			t.Errorf("the roster on %s differs after the move (%d and %d bytes)", on, len(pa), len(pb))
		}
	}
}

// firstDifference shows the first line at which two texts differ.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  before: " + x + "\n  after:  " + y
		}
	}
	return "(same lines)"
}

func TestSettingsFileIsCheckedLikeSettingsSet(t *testing.T) {
	db := demoDB(t)
	p := filepath.Join(t.TempDir(), "settings.csv")
	os.WriteFile(p, []byte("key,value\norg.name,Harmony Bridge\nrate.focused,12.345\ncolour,blue\nreview.min_feedback,9\norg.logo,missing.png\n"), 0o600)
	before, _ := os.ReadFile(exportTo(t, db, "settings"))
	code, _, stderr := run(t, db, "import", "settings", p)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"settings.csv:6: value: \"missing.png\" was not found"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	os.WriteFile(p, []byte("key,value\norg.name,Harmony Bridge\nrate.focused,12.345\ncolour,blue\nreview.min_feedback,9\n"), 0o600)
	code, _, stderr = run(t, db, "import", "settings", p)
	for _, want := range []string{"settings.csv:3: value: ", "at most two decimals", `settings.csv:4: key: "colour" is not a setting`, "settings.csv:5: value: 9 is not an average from 1 to 5"} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, stderr %q lacks %q", code, stderr, want)
		}
	}
	os.WriteFile(p, []byte("key,value\ncontract.clause.2.heading,Tuning\ncontract.clause.2.text,Tune first.\ncontract.clause.3.heading,Stands\ncontract.clause.3.text,\n"), 0o600)
	code, _, stderr = run(t, db, "import", "settings", p)
	if code != 1 || !strings.Contains(stderr, "contract.clause.1.heading and contract.clause.1.text are missing") {
		t.Errorf("clauses with a gap: exit %d %q", code, stderr)
	}
	if after, _ := os.ReadFile(exportTo(t, db, "settings")); !bytes.Equal(before, after) {
		t.Error("a refused settings file changed the settings")
	}
}
