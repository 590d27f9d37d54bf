package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The workbook and mapping forms of import and export, exactly as the scripting contract
// writes them.
func TestImportAndExportWorkbooksAndMappedFiles(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "mentors.xlsx")
	if code, _, stderr := run(t, db, "export", "mentors", book); code != 0 {
		t.Fatalf("export mentors FILE.xlsx: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, db, "import", "mentors", book, "--sheet", "Mentors"); code != 0 || !strings.Contains(stderr, "0 added") {
		t.Fatalf("import mentors FILE.xlsx --sheet Mentors: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, db, "import", "mentors", book, "--sheet", "Roster"); code != 1 || !strings.Contains(stderr, `no sheet "Roster" (its sheets: Mentors)`) {
		t.Errorf("a sheet the workbook lacks: exit %d: %s", code, stderr)
	}
	csv := filepath.Join(dir, "mentors.csv")
	os.WriteFile(csv, []byte("x\n"), 0o600)
	if code, _, stderr := run(t, db, "import", "mentors", csv, "--sheet", "Mentors"); code != 2 || !strings.Contains(stderr, "--sheet is for workbooks") {
		t.Errorf("--sheet with a CSV file: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, db, "import", "mentors", book, "--colour", "blue"); code != 2 {
		t.Errorf("an unknown flag: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, db, "import", "applicants", csv, "--map", "Email=mail"); code != 2 || !strings.Contains(stderr, `"mail" is not a column of applicants files`) {
		t.Errorf("a mapping to no column: exit %d: %s", code, stderr)
	}

	form := filepath.Join(dir, "Intake (Responses).csv")
	os.WriteFile(form, []byte("Timestamp,Email Address,First name,Last name,School,Career stage,Years teaching,Strengths,Passions,Growth\r\n"+
		"9/1/2026 10:22:31,kim@example.org,Kim,Lee,Whitman,Early career (0–5 years),2,Rhythm,Jazz,Conducting\r\n"), 0o600)
	code, _, stderr := run(t, db, "import", "applicants", form,
		"--map", "Timestamp=;Email Address=email;career_stage:Early career (0–5 years)=early;career_stage:Experienced (6+ years)=experienced",
		"--set", "cohort=Fall 2026 Intake")
	if code != 0 || !strings.Contains(stderr, "1 added") {
		t.Fatalf("a forms export with --map and --set: exit %d: %s", code, stderr)
	}
	// The next export of the same form is read with the mapping remembered for its headers.
	os.WriteFile(form, []byte("Timestamp,Email Address,First name,Last name,School,Career stage,Years teaching,Strengths,Passions,Growth\r\n"+
		"9/3/2026 8:02:00,raj@example.org,Raj,Patel,Ballard,Experienced (6+ years),14,Conducting,Jazz,Rhythm\r\n"), 0o600)
	code, _, stderr = run(t, db, "import", "applicants", form)
	if code != 0 || !strings.Contains(stderr, "1 added") || !strings.Contains(stderr, "remembered") {
		t.Fatalf("the same form again, without flags: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "applicants.csv")
	run(t, db, "export", "applicants", out)
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "Fall 2026 Intake,Raj,Patel,raj@example.org,Ballard,experienced,14,Conducting,Jazz,Rhythm") {
		t.Errorf("the remembered mapping did not give the row:\n%s", b)
	}
}

// A workbook or random bytes given as CSV are named for what they are, and Windows-1252 text is
// read with a note; nothing is imported from a refused file.
func TestFilesGivenAsCSV(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "mentors.xlsx")
	if code, _, stderr := run(t, db, "export", "mentors", book); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	b, _ := os.ReadFile(book)
	asCSV := filepath.Join(dir, "mentors.csv")
	os.WriteFile(asCSV, b, 0o600)
	if code, _, stderr := run(t, db, "import", "mentors", asCSV); code != 1 || !strings.Contains(stderr, "mentors.csv: this is an Excel workbook (.xlsx), not CSV text") {
		t.Errorf("a workbook named .csv: exit %d: %s", code, stderr)
	}
	noise := filepath.Join(dir, "noise.csv")
	os.WriteFile(noise, []byte{0x8f, 0x13, '"', 0xfe, 0x01, 0x9d, 0x7f, '"', 0xaa, 0x02}, 0o600)
	if code, _, stderr := run(t, db, "import", "mentors", noise); code != 1 || !strings.Contains(stderr, "not UTF-8 CSV text") || strings.Contains(stderr, "not quoted") {
		t.Errorf("random bytes: exit %d: %s", code, stderr)
	}
	latin := filepath.Join(dir, "schools.csv")
	os.WriteFile(latin, []byte("name,district,level,address,calendar\r\nCaf\xe9 Academy,Seattle Public Schools,middle,,\r\n"), 0o600)
	if code, _, stderr := run(t, db, "import", "schools", latin); code != 0 || !strings.Contains(stderr, "Windows-1252") {
		t.Errorf("Windows-1252 text: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "out.csv")
	run(t, db, "export", "schools", out)
	if got, _ := os.ReadFile(out); !strings.Contains(string(got), "Café Academy") {
		t.Errorf("Windows-1252 text was not read as such:\n%s", got)
	}
}

// Dates like 3/4/2026 are read in the organisation's order — from its country unless set — and
// the import says so; without an order they are refused, never guessed.
func TestDatesInTheOrganisationsOrderFromTheCommandLine(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "contracts.csv")
	os.WriteFile(file, []byte("mentor_email,school_year,signed_on\nzoe.lukasiewicz@example.org,2027-28,3/4/2027\n"), 0o600)
	signed := func() string {
		out := filepath.Join(dir, "out.csv")
		run(t, db, "export", "contracts", out)
		b, _ := os.ReadFile(out)
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "zoe.lukasiewicz@example.org,2027-28,") {
				return strings.TrimPrefix(l, "zoe.lukasiewicz@example.org,2027-28,")
			}
		}
		return ""
	}
	if code, _, stderr := run(t, db, "import", "contracts", file); code != 0 || !strings.Contains(stderr, "month/day/year order") || signed() != "2027-03-04" {
		t.Errorf("a US organisation: exit %d, signed %q: %s", code, signed(), stderr)
	}
	run(t, db, "settings", "set", "org.country", "GB")
	if code, _, stderr := run(t, db, "import", "contracts", file); code != 0 || signed() != "2027-04-03" {
		t.Errorf("a British organisation: exit %d, signed %q: %s", code, signed(), stderr)
	}
	run(t, db, "settings", "set", "org.date_order", "iso")
	if code, _, stderr := run(t, db, "import", "contracts", file); code != 1 || !strings.Contains(stderr, `contracts.csv:2: signed_on: "3/4/2027" is not a date`) {
		t.Errorf("ISO only: exit %d: %s", code, stderr)
	}
}
