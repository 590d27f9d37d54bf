package xlsxio_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
)

// The ISO CSV files a workbook must import to exactly.
var isoFiles = []struct {
	kind csvio.Kind
	csv  string
}{
	{csvio.Schools, "name,district,level,address,calendar\nWhitman Middle School,Seattle Public Schools,middle,,\n"},
	{csvio.Instructors, "first_name,last_name,email,phone,school\nDaniel,Reyes,dreyes@example.org,02065550178,Whitman Middle School\n"},
	{csvio.Mentors, "first_name,last_name,email,phone,address,instruments,education,teaching_experience,performance_experience,bio,wa_resident_since,status,photo\n" +
		"Maya,Okafor,maya@example.org,02065550142,,Trumpet,,,,,2019-08-15,active,\n"},
	{csvio.Classrooms, "school,name,ensemble,grade,instructor_email,meeting_days,period_start,period_minutes\n" +
		"Whitman Middle School,007,band,1/2,dreyes@example.org,Mon;Wed,08:00,50\n" +
		"Whitman Middle School,Jazz Band,jazz,7,dreyes@example.org,Fri,13:15,45\n"},
	{csvio.Sessions, "date,start,minutes,school,classroom,mentor_email,program,status,confirmed_on,focus,notes\n" +
		"2026-10-14,08:00,50,Whitman Middle School,007,maya@example.org,focused,confirmed,2026-10-15,Concert repertoire,\n" +
		"2026-10-16,13:15,45,Whitman Middle School,Jazz Band,maya@example.org,season,planned,,,\n"},
}

func importISO(t *testing.T, s *sqlite.Store, upTo csvio.Kind) {
	dir := t.TempDir()
	for _, f := range isoFiles {
		if f.kind == upTo {
			return
		}
		if _, err := s.ImportFile(context.Background(), f.kind, writeFile(t, dir, string(f.kind)+".csv", f.csv)); err != nil {
			t.Fatalf("%s: %v", f.kind, err)
		}
	}
}

// typedBook writes a workbook as a director's spreadsheet holds it: dates and times typed in the
// US forms Excel shows, counts as numbers, and text cells for "007", "1/2" and a leading 0.
func typedBook(t *testing.T, path, sheet string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	usDate, _ := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy
	ampm, _ := f.NewStyle(&excelize.Style{NumFmt: 18})   // h:mm AM/PM
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})   // @
	rows0 := rows[0]
	for c, h := range rows0 {
		col, _ := excelize.ColumnNumberToName(c + 1)
		style := 0
		switch csvio.TypeOf(h.(string)) {
		case csvio.DateValue:
			style = usDate
		case csvio.ClockValue:
			style = ampm
		case csvio.TextValue:
			style = text
		}
		if style != 0 {
			f.SetCellStyle(sheet, col+"2", col+"1000", style)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func day(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }

// clock is a time of day as a spreadsheet stores it: a fraction of a day.
func clock(h, m int) float64 { return float64(h*60+m) / (24 * 60) }

func TestTypedWorkbooksImportLikeISOCSV(t *testing.T) {
	ctx := context.Background()
	iso, book := openStore(t, "iso.db"), openStore(t, "book.db")
	importISO(t, iso, "")
	importISO(t, book, csvio.Instructors)
	dir := t.TempDir()
	books := []struct {
		kind  csvio.Kind
		sheet string
		rows  [][]any
	}{
		{csvio.Instructors, "Teachers", [][]any{
			{"first_name", "last_name", "email", "phone", "school"},
			{"Daniel", "Reyes", "dreyes@example.org", "02065550178", "Whitman Middle School"}}},
		{csvio.Mentors, "Roster", [][]any{
			{"first_name", "last_name", "email", "phone", "address", "instruments", "education", "teaching_experience", "performance_experience", "bio", "wa_resident_since", "status", "photo"},
			{"Maya", "Okafor", "maya@example.org", "02065550142", nil, "Trumpet", nil, nil, nil, nil, day("2019-08-15"), "active"}}},
		{csvio.Classrooms, "Classrooms", [][]any{
			{"school", "name", "ensemble", "grade", "instructor_email", "meeting_days", "period_start", "period_minutes"},
			{"Whitman Middle School", "007", "band", "1/2", "dreyes@example.org", "Mon;Wed", clock(8, 0), 50},
			{"Whitman Middle School", "Jazz Band", "jazz", 7, "dreyes@example.org", "Fri", clock(13, 15), 45}}},
		{csvio.Sessions, "Sessions", [][]any{
			{"date", "start", "minutes", "school", "classroom", "mentor_email", "program", "status", "confirmed_on", "focus", "notes"},
			{day("2026-10-14"), clock(8, 0), 50, "Whitman Middle School", "007", "maya@example.org", "focused", "confirmed", day("2026-10-15"), "Concert repertoire"},
			{day("2026-10-16"), clock(13, 15), 45, "Whitman Middle School", "Jazz Band", "maya@example.org", "season", "planned"}}},
	}
	for _, b := range books {
		path := filepath.Join(dir, string(b.kind)+".xlsx")
		typedBook(t, path, b.sheet, b.rows)
		if _, err := book.ImportFileWith(ctx, b.kind, path, sqlite.ImportOptions{Sheet: b.sheet}); err != nil {
			t.Fatalf("%s: %v", b.kind, err)
		}
	}
	for _, k := range []csvio.Kind{csvio.Instructors, csvio.Mentors, csvio.Classrooms, csvio.Sessions} {
		if a, b := csvOf(t, iso, k), csvOf(t, book, k); a != b {
			t.Errorf("%s from the workbook:\n%s\nwant (from the ISO CSV):\n%s", k, b, a)
		}
	}
}

// Workbooks exported by MentorDesk and saved again by LibreOffice Calc (shared strings, its own
// styles; testdata/libreoffice-*.xlsx) import to the rows of the ISO CSV.
func TestWorkbooksSavedByLibreOffice(t *testing.T) {
	ctx := context.Background()
	iso, book := openStore(t, "iso.db"), openStore(t, "book.db")
	importISO(t, iso, csvio.Mentors)
	importISO(t, book, csvio.Instructors)
	for _, k := range []csvio.Kind{csvio.Instructors, csvio.Classrooms} {
		if _, err := book.ImportFile(ctx, k, filepath.Join("testdata", "libreoffice-"+string(k)+".xlsx")); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
	}
	if _, err := iso.ImportFile(ctx, csvio.Classrooms, writeFile(t, t.TempDir(), "classrooms.csv", isoFiles[3].csv)); err != nil {
		t.Fatal(err)
	}
	for _, k := range []csvio.Kind{csvio.Instructors, csvio.Classrooms} {
		if a, b := csvOf(t, iso, k), csvOf(t, book, k); a != b {
			t.Errorf("%s from LibreOffice's workbook:\n%s\nwant:\n%s", k, b, a)
		}
	}
}
