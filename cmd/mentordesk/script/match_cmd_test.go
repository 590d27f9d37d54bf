package script

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

// matchDB is a database with one small cohort imported from CSV: three early-career and two
// experienced teachers, so one early-career teacher stays unmatched.
func matchDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	in := filepath.Join(dir, "applicants.csv")
	csvText := `cohort,first_name,last_name,email,school,career_stage,years_teaching,strengths,passions,growth
Spring 2027,Ana,Ruiz,ana@example.org,Cascade Middle School,early,1,technology,jazz,classroom management;assessment
Spring 2027,Bo,Chen,bo@example.org,Kenmore Middle School,early,2,sight-reading,composition,recruitment
Spring 2027,Cy,Dunn,cy@example.org,Bothell High School,early,1,,,
Spring 2027,Helen,Park,hpark@example.org,Green Lake High School,experienced,22,classroom management;assessment,jazz,technology
Spring 2027,Greg,Ashby,gashby@example.org,Shoreline Sound High School,experienced,26,recruitment,composition,sight-reading
`
	if err := os.WriteFile(in, []byte(csvText), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, db, "import", "applicants", in); code != 0 {
		t.Fatalf("import applicants: exit %d: %s", code, stderr)
	}
	return db
}

func readCSV(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("stdout is not CSV: %v\n%s", err, out)
	}
	return rows
}

func openStore(t *testing.T, db string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMatchPrintsPairsAsCSV(t *testing.T) {
	db := matchDB(t)
	code, out, stderr := run(t, db, "match", "--cohort", "Spring 2027")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := readCSV(t, out)
	if got := strings.Join(rows[0], ","); got != "early_email,experienced_email,score,reasons" {
		t.Fatalf("header %q", got)
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) != 4 {
			t.Fatalf("row %q has %d cells; want 4", r, len(r))
		}
		got[r[0]] = r
	}
	if len(got) != 2 {
		t.Fatalf("%d pairs; want 2:\n%s", len(got), out)
	}
	// Ana gives technology to Helen, Helen gives two to Ana, and they share jazz: 3.5.
	if r := got["ana@example.org"]; r == nil || r[1] != "hpark@example.org" || r[2] != "3.5" ||
		!strings.Contains(r[3], "classroom management, assessment") && !strings.Contains(r[3], "assessment, classroom management") {
		t.Errorf("Ana's pair %q; want Helen Park, 3.5, with the shared tags", r)
	}
	if r := got["bo@example.org"]; r == nil || r[1] != "gashby@example.org" || r[2] != "2.5" {
		t.Errorf("Bo's pair %q; want Greg Ashby, 2.5", r)
	}
	for _, r := range rows[1:] {
		if _, err := strconv.ParseFloat(r[2], 64); err != nil {
			t.Errorf("score %q is not a number", r[2])
		}
	}
	if !strings.Contains(stderr, "unmatched early-career: Cy Dunn <cy@example.org>") {
		t.Errorf("the unmatched are not on stderr: %q", stderr)
	}
	if strings.Contains(out, "cy@example.org") {
		t.Error("an unmatched applicant is on stdout")
	}
	if pairs, _ := openStore(t, db).Pairs(context.Background(), 1); len(pairs) != 0 {
		t.Errorf("match without --apply stored %d pairs", len(pairs))
	}
}

func TestMatchApplyStoresPairs(t *testing.T) {
	db := matchDB(t)
	code, out, stderr := run(t, db, "match", "--cohort", "Spring 2027", "--apply")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	s := openStore(t, db)
	ctx := context.Background()
	c, err := s.CohortByName(ctx, "Spring 2027")
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := s.Pairs(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != len(readCSV(t, out))-1 || len(pairs) != 2 {
		t.Fatalf("%d pairs stored; want the 2 printed", len(pairs))
	}
	total := 0.0
	for _, p := range pairs {
		total += p.Score
		if p.Reasons == "" {
			t.Error("a pair stored without its reasons")
		}
	}
	if total != 6 {
		t.Errorf("stored total %v; want 6", total)
	}
}

func TestMatchKeepsLockedPairsAndLeavesOutExcluded(t *testing.T) {
	db := matchDB(t)
	s := openStore(t, db)
	ctx := context.Background()
	c, _ := s.CohortByName(ctx, "Spring 2027")
	as, _ := s.Applicants(ctx, c.ID)
	id := map[string]int64{}
	for _, a := range as {
		id[a.Email] = a.ID
	}
	// The director locks Cy with Helen (no shared tags) and excludes Bo.
	if err := service.New(s).ApplyMatching(ctx, c.ID, []data.Pair{{EarlyID: id["cy@example.org"], ExperiencedID: id["hpark@example.org"], Locked: true}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetApplicantExcluded(ctx, id["bo@example.org"], true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, stderr := run(t, db, "match", "--cohort", "Spring 2027")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := readCSV(t, out)[1:]
	pairs := map[string]string{}
	for _, r := range rows {
		pairs[r[0]] = r[1]
	}
	if pairs["cy@example.org"] != "hpark@example.org" || pairs["ana@example.org"] != "gashby@example.org" || len(pairs) != 2 {
		t.Errorf("pairs %v; want the locked Cy–Helen kept and Ana with Greg", pairs)
	}
	if strings.Contains(out+stderr, "bo@example.org") {
		t.Errorf("the excluded Bo appears: %s %s", out, stderr)
	}
}

func TestMatchUnknownCohortExitsOne(t *testing.T) {
	db := matchDB(t)
	code, out, stderr := run(t, db, "match", "--cohort", "Autumn 1999")
	if code != 1 || !strings.Contains(stderr, `"Autumn 1999"`) || !strings.Contains(stderr, `"Spring 2027"`) {
		t.Errorf("exit %d, stderr %q; want 1 naming the cohort and the cohorts there are", code, stderr)
	}
	if out != "" {
		t.Errorf("stdout %q; want nothing", out)
	}
	if code, _, _ := run(t, db, "match"); code != 2 {
		t.Errorf("match without --cohort: exit %d; want 2", code)
	}
}

func TestMatchDemoCohort(t *testing.T) {
	db := demoDB(t)
	s := openStore(t, db)
	cs, err := s.Cohorts(context.Background())
	if err != nil || len(cs) == 0 {
		t.Fatalf("the sample organisation has no cohort: %v", err)
	}
	s.Close()
	code, out, stderr := run(t, db, "match", "--cohort", cs[0].Name, "--apply")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := len(readCSV(t, out)) - 1; n == 0 {
		t.Error("no pairs for the demo cohort")
	}
	if !strings.Contains(stderr, "unmatched") || !strings.Contains(stderr, "saved") {
		t.Errorf("stderr %q; want the unmatched and the saved count", stderr)
	}
}
