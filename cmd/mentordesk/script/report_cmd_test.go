package script

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	pdf "mentordesk/app/report"
	"mentordesk/app/report/pdfcheck"
	"mentordesk/data"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

// pdfText is a PDF's text as pdftotext reads it, white space made single spaces.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	pdfcheck.File(t, path)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; install it to check the documents' text")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// mustReport runs a report command that must succeed and returns the text of the PDF it wrote.
func mustReport(t *testing.T, db, out string, args ...string) string {
	t.Helper()
	code, _, stderr := run(t, db, append(append([]string{"report"}, args...), "--out", out)...)
	if code != 0 {
		t.Fatalf("report %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("report %s wrote no PDF (%v)", args[0], err)
	}
	return pdfText(t, out)
}

func wantText(t *testing.T, doc, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: %q is missing from the text", doc, w)
		}
	}
}

func TestReportDocumentsOfTheSampleOrganisation(t *testing.T) {
	db := demoDB(t)
	s := openStore(t, db)
	ctx := context.Background()
	dir := t.TempDir()
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	minh, err := s.MentorByEmail(ctx, "minh.nguyen@example.org")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("contract", func(t *testing.T) {
		in, err := s.ContractInput(ctx, minh.ID, 2026)
		if err != nil || len(in.Assignments) == 0 {
			t.Fatalf("the sample mentor has no assignment in 2026-27 (%v)", err)
		}
		a := in.Assignments[0]
		amount := (set.Rate(a.Program) * data.Money(a.Sessions)).Dollars()
		text := mustReport(t, db, filepath.Join(dir, "contract.pdf"), "contract", "--mentor", "MINH.NGUYEN@example.org", "--year", "2026-27")
		wantText(t, "contract", text, "Nguyễn", "Thị Minh", set.OrgName, a.Classroom, set.Rate(a.Program).Dollars(), amount,
			set.RateContinuation.Dollars(), "2026-27")
		for _, c := range pdf.DefaultClauses() {
			wantText(t, "contract", text, c.Heading)
		}
	})

	t.Run("roster", func(t *testing.T) {
		text := mustReport(t, db, filepath.Join(dir, "roster.pdf"), "roster")
		wantText(t, "roster", text, "Thị Minh Nguyễn", "José Peña", "Åsa Öberg", "Siobhán O'Sullivan", "As of Sunday, 22 November 2026")
		if strings.Contains(text, "Łukasiewicz") {
			t.Error("the roster shows Zoë Łukasiewicz, whose FBI check is missing (R7)")
		}
		mentors, err := service.New(s).RosterMentors(ctx, data.RosterFilter{On: today})
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.Mentors(ctx, data.MentorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(mentors) == 0 || len(mentors) >= len(all) {
			t.Fatalf("the roster has %d of %d mentors; want the eligible ones only", len(mentors), len(all))
		}
		on := map[int64]bool{}
		for _, m := range mentors {
			on[m.ID] = true
		}
		for _, m := range all {
			if !on[m.ID] && strings.Contains(text, m.FirstName+" "+m.LastName) {
				t.Errorf("roster shows %s, who is %s or not cleared on %s", m.Name(), m.Status, today)
			}
		}
	})

	t.Run("roster by school and instrument", func(t *testing.T) {
		in, _ := s.ContractInput(ctx, minh.ID, 2026)
		school := in.Assignments[0].School
		text := mustReport(t, db, filepath.Join(dir, "roster-school.pdf"), "roster", "--school", strings.ToUpper(school))
		wantText(t, "roster by school", text, "Mentor roster — "+school, "Nguyễn")
		if strings.Contains(text, "Åsa Öberg") && !teaches(t, s, "asa.oberg@example.org", school) {
			t.Error("the school's roster shows a mentor who is not assigned there")
		}
		inst := minh.Instruments[0]
		text = mustReport(t, db, filepath.Join(dir, "roster-inst.pdf"), "roster", "--instrument", inst)
		wantText(t, "roster by instrument", text, "Nguyễn")
		code, _, stderr := run(t, db, "report", "roster", "--instrument", "theremin", "--out", filepath.Join(dir, "none.pdf"))
		if code != 1 || !strings.Contains(stderr, "no mentors") {
			t.Errorf("a roster nobody fits: exit %d %q; want 1 and a message", code, stderr)
		}
	})

	t.Run("statement", func(t *testing.T) {
		st, err := s.Statement(ctx, 17)
		if err != nil {
			t.Fatal(err)
		}
		text := mustReport(t, db, filepath.Join(dir, "statement.pdf"), "statement", "--number", "17")
		wantText(t, "statement", text, "Payment statement", "Statement No. 17", st.MentorName, st.School, st.Total().Dollars(),
			st.VisitDate.Long(), "independent contractor", "not reimbursed")
	})

	t.Run("adjustment", func(t *testing.T) {
		adj, err := s.IssueAdjustment(ctx, 17, []data.StatementLine{{Amount: 2500, Description: "Second classroom added on the day"}},
			"A session was missing from the visit", today)
		if err != nil {
			t.Fatal(err)
		}
		text := mustReport(t, db, filepath.Join(dir, "adjustment.pdf"), "statement", "--number", strconv.Itoa(adj.Number))
		wantText(t, "adjustment", text, "Adjustment statement", "Adjustment to statement No. 17", "$25.00",
			"A session was missing from the visit")
	})

	t.Run("sign-off sheet", func(t *testing.T) {
		visits, err := s.MentorVisits(ctx, minh.ID)
		if err != nil || len(visits) == 0 {
			t.Fatalf("no visit of the sample mentor (%v)", err)
		}
		v := visits[0]
		sheet, _ := s.VisitSheet(ctx, minh.ID, v.SchoolID, v.Date)
		text := mustReport(t, db, filepath.Join(dir, "signoff.pdf"), "signoff", "--mentor", minh.Email, "--school", v.School, "--date", v.Date.String())
		wantText(t, "sign-off", text, "Visit sign-off sheet", "Thị Minh Nguyễn", v.School, sheet.Sessions[0].Classroom)
		if strings.Contains(text, minh.Email) || strings.Contains(text, minh.Phone) {
			t.Error("the sign-off sheet shows the mentor's contact details")
		}
	})

	t.Run("schedule", func(t *testing.T) {
		in, _ := s.ContractInput(ctx, minh.ID, 2026)
		a := in.Assignments[0]
		text := mustReport(t, db, filepath.Join(dir, "schedule.pdf"), "schedule", "--school", a.School, "--classroom", a.Classroom, "--year", "2026-27")
		wantText(t, "schedule", text, "Session schedule", a.Classroom, a.School, "Thị Minh Nguyễn", a.Program.Title())
	})

	t.Run("year-end summary", func(t *testing.T) {
		sts, err := s.YearStatements(ctx, minh.ID, 2026)
		if err != nil || len(sts) == 0 {
			t.Fatalf("no statement of 2026 for the sample mentor (%v)", err)
		}
		var total data.Money
		for _, x := range sts {
			total += x.Total()
		}
		text := mustReport(t, db, filepath.Join(dir, "yearend.pdf"), "yearend", "--mentor", minh.Email, "--year", "2026")
		wantText(t, "year-end", text, "Payment summary 2026", "Thị Minh Nguyễn", total.Dollars(), "1099-NEC")
	})

	t.Run("cohort and introduction", func(t *testing.T) {
		cs, err := s.Cohorts(ctx)
		if err != nil || len(cs) == 0 {
			t.Fatalf("no cohort in the sample (%v)", err)
		}
		name := cs[0].Name
		if code, _, stderr := run(t, db, "match", "--cohort", name, "--apply"); code != 0 {
			t.Fatalf("match: %s", stderr)
		}
		pairs, _ := s.Pairs(ctx, cs[0].ID)
		applicants, _ := s.Applicants(ctx, cs[0].ID)
		var early data.Applicant
		for _, a := range applicants {
			if a.ID == pairs[0].EarlyID {
				early = a
			}
		}
		text := mustReport(t, db, filepath.Join(dir, "cohort.pdf"), "cohort", "--cohort", name)
		wantText(t, "cohort", text, "Mutual Mentorship cohort: "+name, early.Name())
		text = mustReport(t, db, filepath.Join(dir, "introduction.pdf"), "introduction", "--cohort", name, "--email", early.Email)
		wantText(t, "introduction", text, "Welcome to Mutual Mentorship", "Dear "+early.FirstName)
	})
}

// teaches reports whether a mentor has a session or enrollment at a school this school year.
func teaches(t *testing.T, s *sqlite.Store, email, school string) bool {
	t.Helper()
	ctx := context.Background()
	m, err := s.MentorByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.ContractInput(ctx, m.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range in.Assignments {
		if a.School == school {
			return true
		}
	}
	return false
}

// TestRosterNeverShowsPrivateFields puts marker strings into a rostered mentor's private fields
// and checks that none of them, nor any mentor's contact details, reaches the roster sheet.
func TestRosterNeverShowsPrivateFields(t *testing.T) {
	db := demoDB(t)
	s := openStore(t, db)
	ctx := context.Background()
	eligible, err := service.New(s).RosterMentors(ctx, data.RosterFilter{On: today})
	if err != nil || len(eligible) == 0 {
		t.Fatalf("nobody is eligible for the roster (%v)", err)
	}
	m, err := s.Mentor(ctx, eligible[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	m.Phone = "(206) 555-0199"
	m.Address = "SENTINELADDRESS 99 Secret Lane, Seattle"
	m.Email = "sentinel.private.mail@example.org"
	checks, _ := s.Checks(ctx, m.ID)
	contracts, _ := s.Contracts(ctx, m.ID)
	if _, err := service.New(s).SaveMentor(ctx, data.MentorRecords{Mentor: m, Checks: checks, Contracts: contracts}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "roster.pdf")
	text := mustReport(t, db, out, "roster")
	wantText(t, "roster", text, m.Name())
	private := []string{"555-0199", "SENTINELADDRESS", "Secret Lane", "sentinel.private.mail", "@", "WSP", "FBI", "fingerprint", "$"}
	all, _ := s.Mentors(ctx, data.MentorFilter{})
	for _, x := range all {
		private = append(private, x.Email)
		if x.Phone != "" {
			private = append(private, x.Phone)
		}
		if x.Address != "" {
			private = append(private, strings.SplitN(x.Address, ",", 2)[0])
		}
	}
	for _, p := range private {
		if strings.Contains(text, p) {
			t.Errorf("the roster shows private data %q", p)
		}
	}
	raw, _ := os.ReadFile(out)
	if bytes.Contains(raw, []byte("SENTINEL")) || bytes.Contains(raw, []byte("sentinel.private")) {
		t.Error("the roster's PDF holds a private field, even if not shown")
	}
}

func TestReportStatementsWritesOneFilePerStatement(t *testing.T) {
	db := demoDB(t)
	s := openStore(t, db)
	from, through := data.MustDate("2026-03-01"), data.MustDate("2026-04-30")
	want, err := s.Statements(context.Background(), data.StatementFilter{From: from, Through: through})
	if err != nil || len(want) == 0 {
		t.Fatalf("no statements in the range (%v)", err)
	}
	dir := filepath.Join(t.TempDir(), "statements")
	if code, _, stderr := run(t, db, "report", "statements", "--out", dir, "--from", from.String(), "--through", through.String()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != len(want) {
		t.Fatalf("%d files; want one per statement (%d)", len(files), len(want))
	}
	for _, st := range want {
		path := filepath.Join(dir, pdf.StatementFile(st.Number))
		if _, err := os.Stat(path); err != nil {
			t.Errorf("statement No. %d: %v", st.Number, err)
			continue
		}
		pdfcheck.File(t, path)
	}
	first := want[0]
	wantText(t, "first statement", pdfText(t, filepath.Join(dir, pdf.StatementFile(first.Number))),
		first.MentorName, first.Total().Dollars(), first.VisitDate.Long())
	if _, err := os.Stat(filepath.Join(dir, "statement-00001.pdf")); err == nil && want[0].Number != 1 {
		t.Error("a statement outside the range was written")
	}
}

func TestReportsAreByteIdenticalWhenGeneratedTwice(t *testing.T) {
	db := demoDB(t)
	a, b := t.TempDir(), t.TempDir()
	cmds := [][]string{
		{"contract", "--mentor", "zoe.lukasiewicz@example.org", "--year", "2026-27"},
		{"roster"},
		{"statement", "--number", "3"},
		{"yearend", "--mentor", "zoe.lukasiewicz@example.org", "--year", "2026"},
	}
	for _, c := range cmds {
		for _, dir := range []string{a, b} {
			args := append(append([]string{"report"}, c...), "--out", filepath.Join(dir, c[0]+".pdf"))
			if code, _, stderr := run(t, db, args...); code != 0 {
				t.Fatalf("%v: exit %d: %s", c, code, stderr)
			}
		}
		x, _ := os.ReadFile(filepath.Join(a, c[0]+".pdf"))
		y, _ := os.ReadFile(filepath.Join(b, c[0]+".pdf"))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("report %s: two runs differ (%d and %d bytes)", c[0], len(x), len(y))
		}
	}
	for _, dir := range []string{a, b} {
		if code, _, stderr := run(t, db, "report", "statements", "--out", filepath.Join(dir, "st"), "--through", "2025-10-31"); code != 0 {
			t.Fatal(stderr)
		}
	}
	files, _ := os.ReadDir(filepath.Join(a, "st"))
	if len(files) == 0 {
		t.Fatal("no statements written")
	}
	for _, f := range files {
		x, _ := os.ReadFile(filepath.Join(a, "st", f.Name()))
		y, _ := os.ReadFile(filepath.Join(b, "st", f.Name()))
		if !bytes.Equal(x, y) {
			t.Errorf("%s: two runs differ", f.Name())
		}
	}
}

func TestReportErrorsWriteNothing(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown mentor", []string{"contract", "--mentor", "nobody@example.org", "--year", "2026-27", "--out", out}, 1, `"nobody@example.org"`},
		{"unknown school", []string{"roster", "--school", "Atlantis High", "--out", out}, 1, `"Atlantis High"`},
		{"unknown statement", []string{"statement", "--number", "9999", "--out", out}, 1, "No. 9999"},
		{"unknown classroom", []string{"schedule", "--school", "Cascade Middle School", "--classroom", "Kazoo Choir", "--year", "2026-27", "--out", out}, 1, `"Kazoo Choir"`},
		{"no visit that day", []string{"signoff", "--mentor", "minh.nguyen@example.org", "--school", "Cascade Middle School", "--date", "2026-07-04", "--out", out}, 1, "no session"},
		{"unknown yearend mentor", []string{"yearend", "--mentor", "ghost@example.org", "--year", "2026", "--out", out}, 1, `"ghost@example.org"`},
		{"unknown cohort", []string{"cohort", "--cohort", "Nope", "--out", out}, 1, `"Nope"`},
		{"no document", nil, 2, "report needs a document"},
		{"unknown document", []string{"invoice", "--out", out}, 2, `"invoice"`},
		{"missing --out", []string{"contract", "--mentor", "zoe.lukasiewicz@example.org", "--year", "2026-27"}, 2, "--out"},
		{"bad school year", []string{"contract", "--mentor", "zoe.lukasiewicz@example.org", "--year", "2026", "--out", out}, 2, "--year"},
		{"bad number", []string{"statement", "--number", "seventeen", "--out", out}, 2, "seventeen"},
		{"bad date", []string{"roster", "--on", "2026-02-30", "--out", out}, 2, "--on"},
		{"range backwards", []string{"statements", "--out", dir, "--from", "2026-05-01", "--through", "2026-04-01"}, 2, "before"},
		{"bad calendar year", []string{"yearend", "--mentor", "zoe.lukasiewicz@example.org", "--year", "26-27", "--out", out}, 2, "calendar year"},
		{"unexpected argument", []string{"roster", "--out", out, "extra"}, 2, "extra"},
		{"missing folder for the file", []string{"roster", "--out", filepath.Join(dir, "no", "such", "roster.pdf")}, 1, "--out"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, db, append([]string{"report"}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d %q; want %d and %q", code, stderr, c.code, c.msg)
			}
		})
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("failed reports left %d file(s) behind", len(files))
	}
}

// TestEditedClausesPrint checks that the director's clauses replace the defaults.
func TestEditedClausesPrint(t *testing.T) {
	db := demoDB(t)
	s := openStore(t, db)
	clauses := []data.ContractClause{{Heading: "Tuning and warm-ups", Text: "{{mentor}} tunes with the section before each session."}}
	if err := s.SaveContractClauses(context.Background(), clauses); err != nil {
		t.Fatal(err)
	}
	text := mustReport(t, db, filepath.Join(t.TempDir(), "c.pdf"), "contract", "--mentor", "asa.oberg@example.org", "--year", "2026-27")
	wantText(t, "contract", text, "Tuning and warm-ups", "Åsa Öberg tunes with the section")
	if strings.Contains(text, "Background checks") {
		t.Error("the default clauses still print after the director replaced them")
	}
}

// TestDocumentPages writes a PNG of every document's first page from the sample organisation
// into $MENTORDESK_DOCS (docs/documents), as the README shows them.
func TestDocumentPages(t *testing.T) {
	out := os.Getenv("MENTORDESK_DOCS")
	if out == "" {
		t.Skip("set MENTORDESK_DOCS to a folder to write the document pages")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	db := demoDB(t)
	s := openStore(t, db)
	ctx := context.Background()
	minh, _ := s.MentorByEmail(ctx, "minh.nguyen@example.org")
	in, _ := s.ContractInput(ctx, minh.ID, 2026)
	// The sign-off sheet of the next visit with several classrooms, as a mentor would bring it.
	var visitor data.Mentor
	var visit data.VisitPlace
	all, _ := s.Mentors(ctx, data.MentorFilter{})
	for _, m := range all {
		visits, _ := s.MentorVisits(ctx, m.ID)
		for _, v := range visits {
			sheet, err := s.VisitSheet(ctx, m.ID, v.SchoolID, v.Date)
			if err == nil && len(sheet.Sessions) > 1 && v.Date > today && (visit.Date.IsZero() || v.Date < visit.Date) {
				visitor, visit = m, v
			}
		}
	}
	if visit.Date.IsZero() {
		t.Fatal("no upcoming visit with several sessions in the sample")
	}
	// This month's statements, as the director issues them: the first visits of the school year
	// carry continuation lines. The page shows the fullest one.
	if code, _, stderr := run(t, db, "statements", "issue", "--through", today.String()); code != 0 {
		t.Fatal(stderr)
	}
	issued, _ := s.Statements(ctx, data.StatementFilter{IssuedFrom: today})
	if len(issued) == 0 {
		t.Fatal("no statement issued today")
	}
	best := issued[0]
	weight := func(st data.Statement) int { return 10*(len(st.Lines)-st.SessionsPaid()) + len(st.Lines) }
	for _, st := range issued {
		if weight(st) > weight(best) {
			best = st
		}
	}
	adj, err := s.IssueAdjustment(ctx, best.Number, []data.StatementLine{{Amount: 2500, Description: "Sectional added on the day"}},
		"A second sectional was confirmed after the statement was issued", today)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Cohorts(ctx)
	if code, _, stderr := run(t, db, "match", "--cohort", cs[0].Name, "--apply"); code != 0 {
		t.Fatal(stderr)
	}
	pairs, _ := s.Pairs(ctx, cs[0].ID)
	applicants, _ := s.Applicants(ctx, cs[0].ID)
	var early string
	for _, a := range applicants {
		if a.ID == pairs[0].EarlyID {
			early = a.Email
		}
	}
	tmp := t.TempDir()
	docs := map[string][]string{
		"contract":     {"contract", "--mentor", minh.Email, "--year", "2026-27"},
		"roster":       {"roster"},
		"statement":    {"statement", "--number", strconv.Itoa(best.Number)},
		"adjustment":   {"statement", "--number", strconv.Itoa(adj.Number)},
		"signoff":      {"signoff", "--mentor", visitor.Email, "--school", visit.School, "--date", visit.Date.String()},
		"schedule":     {"schedule", "--school", in.Assignments[0].School, "--classroom", in.Assignments[0].Classroom, "--year", "2026-27"},
		"yearend":      {"yearend", "--mentor", minh.Email, "--year", "2026"},
		"introduction": {"introduction", "--cohort", cs[0].Name, "--email", early},
		"cohort":       {"cohort", "--cohort", cs[0].Name},
	}
	for name, args := range docs {
		file := filepath.Join(tmp, name+".pdf")
		mustReport(t, db, file, args...)
		base := filepath.Join(out, name)
		if b, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file, base).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v %s", name, err, b)
		}
	}
}
