package report

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/app/report/pdfcheck"
	"mentordesk/data"
)

// pdfText extracts a PDF's text with poppler's pdftotext, with runs of white space made single
// spaces so that assertions do not depend on layout.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; install it to check the documents' text")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func testRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func writeDoc(t *testing.T, r *Renderer, d Document) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), d.FileName())
	if err := r.WriteFile(path, d); err != nil {
		t.Fatal(err)
	}
	pdfcheck.File(t, path)
	return path
}

func TestDocumentsPrintTheirContent(t *testing.T) {
	r := testRenderer(t)
	var clauses []string
	for _, c := range DefaultClauses() {
		clauses = append(clauses, c.Heading)
	}
	want := map[string][]string{
		"contract": append([]string{"Independent Contractor Agreement", "Nguyễn Thị Minh", "Harmony Bridge Music Mentors",
			"4127 Rainier Ave S", "school year 2026-27", "7th Grade Band", "Concert Orchestra", "$1,145.00", "$170.00",
			"$85.00 per confirmed session", "$50.00 once", "Travel to and from schools", "100 % attendance",
			"Washington State Patrol (WSP)", "FBI fingerprint", "Signature", "Name and title", "Date", "Page 1 of 3"}, clauses...),
		"roster": {"Mentor roster — Lincoln Middle School", "As of Tuesday, 10 February 2026", "4 mentors",
			"Zoë Łukasiewicz", "José Peña", "Åsa Öberg", "Nguyễn Thị Minh", "Violin · Viola", "Trumpet · Jazz improvisation",
			"Cornish College of the Arts", "Hà Nội", "Page 1 of 2"},
		"statement": {"Payment statement", "Statement No. 17", "Nguyễn Thị Minh", "Lincoln Middle School",
			"Tuesday, 10 February 2026", "7th Grade Band", "Focused Mentorship", "09:10–10:00 (50 min)", "$75.00", "$85.00",
			"Continuation compensation", "$50.00", "Total (3 sessions)", "$285.00", "Paid on Monday, 2 March 2026",
			"CHK-1042", data.Notices[0], data.Notices[1], "Page 1 of 1"},
		"adjustment": {"Adjustment statement", "Adjustment to statement No. 17", "Reason: The Jazz Band session",
			"$10.00", "Issued — payment pending", data.Notices[0], data.Notices[1]},
		"signoff": {"Visit sign-off sheet", "Nguyễn Thị Minh", "José Peña", "09:10–10:00 7th Grade Band Focused",
			"Took place", "Initials", "Spring concert repertoire", "set up on time", "Signature"},
		"schedule": {"Session schedule", "Zoë Łukasiewicz", "José Peña", "Focused Mentorship", "9 sessions",
			"Tuesday, 15 September 2026", "Event: Winter Concert", "Event: Spring Concert", "cancelled: snow day"},
		"yearend": {"Payment summary 2026", "Nguyễn Thị Minh", "$1,450.00", "1099-NEC", "$2,000.00",
			"below this threshold", "adjusts No. 17", "Pending", data.Notices[0]},
		"introduction": {"Welcome to Mutual Mentorship", "Dear Linh and Åsa", "Linh Trần", "Åsa Öberg",
			"Cohort Spring 2026", "classroom management", "You share a passion for folk music",
			"Thursday, 5 March 2026, introductory virtual session", "town-hall wrap-up",
			"E-mail", "asa@bcca.example.org", "Bellevue Children’s Choir Academy",
			"linh.tran@rbhs.example.org", "Rainier Beach High School",
			"With warm regards, Dana Whitfield, Program Director Harmony Bridge Music Mentors"},
		"cohort": {"Mutual Mentorship cohort: Spring 2026", "Zoë Łukasiewicz", "José Peña", "Åsa Öberg", "Linh Trần",
			"Priya Raman", "5 teachers: 2 pairs, 1 without a partner", "Without a partner"},
	}
	for name, d := range samples() {
		t.Run(name, func(t *testing.T) {
			text := pdfText(t, writeDoc(t, r, d))
			for _, w := range want[name] {
				if !strings.Contains(text, w) {
					t.Errorf("%s does not print %q\ntext: %s", name, w, text)
				}
			}
		})
	}
}

func TestLongDocumentsBreakWithHeadersAndPageNumbers(t *testing.T) {
	r := testRenderer(t)
	d := statementDoc(18)
	var lines []data.StatementLine
	for i := range 34 {
		lines = append(lines, data.StatementLine{Kind: data.SessionLine, Classroom: "Orchestra " + string(rune('A'+i%26)),
			Program: data.Focused, Start: data.ClockOf(8+i%6, 0), Minutes: 50, Amount: 7500})
	}
	d.Statement.Lines = lines
	text := pdfText(t, writeDoc(t, r, d))
	for _, w := range []string{"Page 1 of 2", "Page 2 of 2", "$2,550.00", "Total (34 sessions)"} {
		if !strings.Contains(text, w) {
			t.Errorf("long statement does not print %q", w)
		}
	}
	if n := strings.Count(text, "Classroom Program Time Amount"); n != 2 {
		t.Errorf("the table header appears %d times, want once per page (2)", n)
	}
	if n := strings.Count(text, "Harmony Bridge Music Mentors"); n < 2 {
		t.Errorf("the second page has no running header with the organisation's name")
	}
}

func TestSameDataGivesTheSameBytes(t *testing.T) {
	first, second := testRenderer(t), testRenderer(t)
	for name, d := range samples() {
		t.Run(name, func(t *testing.T) {
			var a, b, c bytes.Buffer
			if err := first.Render(&a, d); err != nil {
				t.Fatal(err)
			}
			if err := first.Render(&b, d); err != nil {
				t.Fatal(err)
			}
			if err := second.Render(&c, d); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) || !bytes.Equal(a.Bytes(), c.Bytes()) {
				t.Errorf("%s differs between two renderings of the same data", name)
			}
		})
	}
}

// The shared parsed fonts are an optimisation only: the PDF must be exactly what gofpdf writes
// when every document parses the fonts itself.
func TestSharedFontsWriteWhatParsedFontsWrite(t *testing.T) {
	if err := checkFontInternals(); err != nil {
		t.Fatalf("gofpdf's font internals changed, documents fall back to parsing fonts: %v", err)
	}
	shared := testRenderer(t)
	parsing, err := newRenderer(notoSans(), false)
	if err != nil {
		t.Fatal(err)
	}
	if !shared.fonts.shared || parsing.fonts.shared {
		t.Fatal("renderers are not set up as the test expects")
	}
	for name, d := range samples() {
		t.Run(name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := shared.Render(&a, d); err != nil {
				t.Fatal(err)
			}
			if err := parsing.Render(&b, d); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s: shared fonts give %d bytes, parsed fonts %d bytes", name, a.Len(), b.Len())
			}
		})
	}
}

func TestA4Paper(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	r := testRenderer(t)
	for paper, want := range map[string]string{"a4": "595.28 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)", "": "612 x 792 pts (letter)"} {
		d := statementDoc(17)
		d.Org.Paper = paper
		out, err := exec.Command("pdfinfo", writeDoc(t, r, d)).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("paper %q: pdfinfo says\n%s\nwant page size %s", paper, out, want)
		}
	}
}

func TestInvalidDocumentsWriteNothing(t *testing.T) {
	r := testRenderer(t)
	noNumber := statementDoc(17)
	noNumber.Statement.Number = 0
	badPaper := statementDoc(17)
	badPaper.Org.Paper = "legal"
	badLogo := statementDoc(17)
	badLogo.Org.Logo = []byte("not an image")
	adjustNoReason := StatementDoc{Org: sampleOrg(), Statement: sampleAdjustment(), Mentor: minh()}
	adjustNoReason.Statement.Reason = ""
	typo := contractDoc()
	typo.Clauses = []Clause{{Heading: "Pay", Text: "{{org}} pays {{rate}}."}}
	badAssignment := contractDoc()
	badAssignment.Assignments[0].Sessions = 0
	emptyRoster := rosterDoc()
	emptyRoster.Mentors = nil
	otherDay := signoffDoc()
	otherDay.Sessions[1].Date = data.MustDate("2026-02-11")
	otherYear := yearEndDoc()
	otherYear.Statements[0].IssuedOn = data.MustDate("2025-12-30")
	notEarly := introductionDoc()
	notEarly.Early.CareerStage = data.Experienced

	for _, c := range []struct {
		name  string
		doc   Document
		field string
	}{
		{"statement without a number", noNumber, "statement"},
		{"unknown paper size", badPaper, "paper"},
		{"logo that is not an image", badLogo, "org.logo"},
		{"adjustment without a reason", adjustNoReason, "reason"},
		{"clause with an unknown placeholder", typo, "clauses[1]"},
		{"assignment without sessions", badAssignment, "assignments[1].sessions"},
		{"roster without mentors", emptyRoster, "mentors"},
		{"sign-off session on another day", otherDay, "sessions[2].date"},
		{"year-end statement of another year", otherYear, "statements[1]"},
		{"introduction with two experienced teachers", notEarly, "early.career_stage"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.pdf")
			err := r.WriteFile(path, c.doc)
			if err == nil {
				t.Fatal("the document was accepted")
			}
			var problems data.Problems
			errors.As(err, &problems)
			if problems.For(c.field) == "" {
				t.Errorf("error %q does not name the field %s", err, c.field)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("a file was written for an invalid document")
			}
		})
	}
}

func TestEmptyClausesMeanTheDefaults(t *testing.T) {
	r := testRenderer(t)
	d := contractDoc()
	d.Clauses = nil
	text := pdfText(t, writeDoc(t, r, d))
	if !strings.Contains(text, "Harmony Bridge Music Mentors pays $75.00 (Focused Mentorship), $75.00 (Season Mentorship) and $85.00 (Bridge Mentorship)") {
		t.Errorf("the compensation clause does not name the rates: %s", text)
	}
	if strings.Contains(text, "{{") {
		t.Errorf("a placeholder was left unfilled: %s", text)
	}
}

func TestNotoSansCoversTheNames(t *testing.T) {
	fonts := notoSans()
	for _, style := range styles {
		cover, err := cmapCoverage(fonts[style])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range "ễịỳảạđĐŁłŻźśćńęąÅåÖöÄäØøÆæÉéÑñÜüÇçŠšŽžĞğİıŞşΩЖж–—’“”·•€" {
			if !cover.has(r) {
				t.Errorf("style %q lacks %q (U+%04X)", style, r, r)
			}
		}
	}
}

func TestCleanText(t *testing.T) {
	cover, err := cmapCoverage(notoSans()[regular])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"plain ASCII stays", "plain ASCII stays"},
		{"Nguye\u0302\u0303n Thi\u0323 Minh", "Nguyễn Thị Minh"}, // typed as letters plus combining marks
		{"\u2212$12.00", "-$12.00"},                              // Money.Dollars' minus sign
		{"Bio 🎻 with emoji", "Bio  with emoji"},
		{"王芳", "??"},
		{"tab\there", "tab here"},
		{"soft\u00adhyphen", "softhyphen"},
	} {
		if got := cover.clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSlugAndFold(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Thị Minh":                       "nguyen-thi-minh",
		"Zoë Łukasiewicz":                       "zoe-lukasiewicz",
		"Mentor roster — Lincoln Middle School": "mentor-roster-lincoln-middle-school",
		"王芳": "unnamed",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// An introduction letter without a director's name (org.director empty) still closes with a
// signature line and the organisation's name below it; a teacher without an e-mail has no e-mail row.
func TestIntroductionWithoutDirectorSignsForTheOrganisation(t *testing.T) {
	d := introductionDoc()
	d.Org.Director = ""
	d.Experienced.Email = ""
	text := pdfText(t, writeDoc(t, testRenderer(t), d))
	for _, w := range []string{"With warm regards, Harmony Bridge Music Mentors",
		"linh.tran@rbhs.example.org"} {
		if !strings.Contains(text, w) {
			t.Errorf("the letter does not print %q\ntext: %s", w, text)
		}
	}
	if strings.Contains(text, "Program Director") || strings.Count(text, "E-mail") != 1 {
		t.Errorf("the letter names a Program Director although org.director is empty, or an e-mail row for a teacher without one\ntext: %s", text)
	}
}
