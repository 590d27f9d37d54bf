package csvio

import (
	"reflect"
	"strings"
	"testing"

	"mentordesk/data"
)

// readWith reads a CSV text of sessions or classrooms with options and returns its records.
func readWith[T validator](t *testing.T, tab Table[T], in string, opts Options) ([]Record[T], Result, error) {
	t.Helper()
	src, err := NewCSVSource(strings.NewReader(in), string(tab.Kind())+".csv")
	if err != nil {
		return nil, Result{}, err
	}
	var recs []Record[T]
	res, err := Stream(tab, src, opts, func(b []Record[T]) error { recs = append(recs, b...); return nil })
	return recs, res, err
}

func valuesOf[T any](recs []Record[T]) []T {
	var out []T
	for _, r := range recs {
		out = append(out, r.Value)
	}
	return out
}

const classroomsHeader = "school,name,ensemble,grade,instructor_email,meeting_days,period_start,period_minutes"

// A CSV file saved by a spreadsheet reads to exactly the rows of the ISO file it came from.
func TestCSVAsSpreadsheetsSaveIt(t *testing.T) {
	iso := classroomsHeader + "\n" +
		"Whitman,007,band,1/2,d@example.org,Mon;Wed,08:00,50\n" +
		"Whitman,Jazz Band,jazz,7,d@example.org,Fri,20:00,45\n" +
		"Whitman,Choir,choir,8,d@example.org,Tue,13:15,50\n"
	want, _, err := readWith(t, ClassroomsTable(), iso, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, in, note string }{
		{"times with AM/PM and seconds, CRLF", strings.ReplaceAll(classroomsHeader+"\n"+
			"Whitman,007,band,1/2,d@example.org,Mon;Wed,8:00 AM,50\n"+
			"Whitman,Jazz Band,jazz,7,d@example.org,Fri,8:00:00 PM,45\n"+
			"Whitman,Choir,choir,8,d@example.org,Tue,13:15:00,50\n", "\n", "\r\n"), ""},
		{"CR-only line endings, 12-hour times", strings.ReplaceAll(classroomsHeader+"\n"+
			"Whitman,007,band,1/2,d@example.org,Mon;Wed,08:00:00 AM,50\n"+
			"Whitman,Jazz Band,jazz,7,d@example.org,Fri,08:00 PM,45\n"+
			"Whitman,Choir,choir,8,d@example.org,Tue,1:15 PM,50\n", "\n", "\r"), ""},
		{"a trailing run of empty columns", classroomsHeader + ",,,\n" +
			"Whitman,007,band,1/2,d@example.org,Mon;Wed,08:00,50,,,\n" +
			"Whitman,Jazz Band,jazz,7,d@example.org,Fri,20:00,45,,,\n" +
			"Whitman,Choir,choir,8,d@example.org,Tue,13:15,50,,,\n" + ",,,,,,,,,,\n", ""},
		{"UTF-8 with a BOM", "\uFEFF" + iso, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := readWith(t, ClassroomsTable(), c.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(valuesOf(got), valuesOf(want)) {
				t.Errorf("got %+v\nwant %+v", valuesOf(got), valuesOf(want))
			}
		})
	}
}

func TestWindows1252IsReadAndSaidSo(t *testing.T) {
	in := mentorsHeader + "Zo\xeb,\xa3ukasiewicz,zoe@example.org,,,Cello,,,,Caf\xe9 \x93jazz\x94 nights,,active,\n"
	recs, res, err := readWith(t, MentorsTable(t.TempDir()), in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := recs[0].Value; m.FirstName != "Zoë" || m.LastName != "£ukasiewicz" || m.Bio != "Café “jazz” nights" {
		t.Errorf("read %q %q %q", m.FirstName, m.LastName, m.Bio)
	}
	if len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "Windows-1252") {
		t.Errorf("notes %q do not say the file was read as Windows-1252", res.Notes)
	}
}

// A file that is not CSV text at all is named for what it is, never "a cell has a \" …".
func TestFilesThatAreNotCSVText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"a workbook", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04", "this is an Excel workbook (.xlsx), not CSV text: import it as a workbook (its name must end in .xlsx)"},
		{"an old workbook", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "old Excel workbook (.xls)"},
		{"random bytes", "\x8f\x13\"\xfe\x01\x9d\x7f\"\x00\xaa\x02", "not UTF-8 CSV text: it holds binary data"},
		{"UTF-16 text", "\xFF\xFEf\x00i\x00", "UTF-16 text"},
		{"another encoding", mentorsHeader + "Ana,\x81\x8d,ana@example.org,,,,,,,,,active,\n", "not UTF-8 CSV text, nor Windows-1252"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadMentors(strings.NewReader(c.in), "mentors.csv", t.TempDir())
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "not quoted") {
				t.Fatalf("got %v\nwant a message with %q", err, c.want)
			}
		})
	}
}

// Dates are ISO always, and in the organisation's order when set; a date the order cannot
// read, or any non-ISO date without an order, is refused — never turned around.
func TestDatesInTheOrganisationsOrder(t *testing.T) {
	line := func(d string) string {
		return sessionsHeader + d + ",09:40,50,Whitman,Band,ana@example.org,focused,confirmed,2026-10-15,,\n"
	}
	cases := []struct {
		name, date string
		order      data.DateOrder
		want       string // the date read, or part of the problem
	}{
		{"ISO in any order", "2026-03-04", data.DayMonthYear, "2026-03-04"},
		{"US order", "3/4/2026", data.MonthDayYear, "2026-03-04"},
		{"US order, two-digit year", "03/04/26", data.MonthDayYear, "2026-03-04"},
		{"day first elsewhere", "3/4/2026", data.DayMonthYear, "2026-04-03"},
		{"day first with dots", "14.10.2026", data.DayMonthYear, "2026-10-14"},
		{"a day-first date in a US organisation", "14/10/2026", data.MonthDayYear, "is not a real date in month/day/year order"},
		{"no order set", "3/4/2026", data.ISOOnly, "set org.country or org.date_order"},
		{"no order at all", "3/4/2026", "", "set org.country or org.date_order"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, res, err := readWith(t, SessionsTable(), line(c.date), Options{DateOrder: c.order})
			if strings.HasPrefix(c.want, "20") {
				if err != nil {
					t.Fatal(err)
				}
				if got := recs[0].Value.Date.String(); got != c.want {
					t.Errorf("%s read as %s; want %s", c.date, got, c.want)
				}
				if c.date != c.want && (len(res.Notes) == 0 || !strings.Contains(res.Notes[0], c.order.Words())) {
					t.Errorf("notes %q do not say dates were read in %s order", res.Notes, c.order.Words())
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v; want a problem with %q", err, c.want)
			}
		})
	}
	if got := data.DateOrderOf("US"); got != data.MonthDayYear {
		t.Errorf("US: %s", got)
	}
	if got := data.DateOrderOf("GB"); got != data.DayMonthYear {
		t.Errorf("GB: %s", got)
	}
}

func TestAmountsAsSpreadsheetsWriteThem(t *testing.T) {
	for in, want := range map[string]data.Money{"75": 7500, "1,234.50": 123450, "$75.00": 7500, "$1,234.5": 123450} {
		if got, err := data.ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

// A Google Forms export of the intake maps to applicants: headers to columns, answers to
// values, the cohort the file lacks filled in, and columns the form adds left out.
func TestFormsExportWithMapping(t *testing.T) {
	form := "Timestamp,Email Address,First name,Last name,Your school,Career stage,Years teaching,Your strengths,Passions,Where do you want to grow?\n" +
		"2026/09/01 10:22:31 AM PDT,kim@example.org,Kim,Lee,Whitman,Early career (0–5 years),2,Rhythm;Jazz,Improvisation,Classroom management\n" +
		"2026/09/02 8:01:10 PM PDT,raj@example.org,Raj,Patel,Ballard,Experienced (6+ years),14,Classroom management,Improvisation;Composition,Jazz\n"
	m, err := ParseMapping(Applicants, "Timestamp=;Email Address=email;Your school=school;Your strengths=strengths;Where do you want to grow?=growth;"+
		"career_stage:Early career (0–5 years)=early;career_stage:Experienced (6+ years)=experienced", []string{"cohort=Fall 2026"})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := readWith(t, ApplicantsTable(), form, Options{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	iso := "cohort,first_name,last_name,email,school,career_stage,years_teaching,strengths,passions,growth\n" +
		"Fall 2026,Kim,Lee,kim@example.org,Whitman,early,2,Rhythm;Jazz,Improvisation,Classroom management\n" +
		"Fall 2026,Raj,Patel,raj@example.org,Ballard,experienced,14,Classroom management,Improvisation;Composition,Jazz\n"
	want, _, err := readWith(t, ApplicantsTable(), iso, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(valuesOf(got), valuesOf(want)) {
		t.Errorf("got %+v\nwant %+v", valuesOf(got), valuesOf(want))
	}
	// The same file without a mapping says what to do, and suggests from the header's words.
	_, _, err = readWith(t, ApplicantsTable(), form, Options{})
	if err == nil || !strings.Contains(err.Error(), `Email Address: is not a column of applicants files`) ||
		!strings.Contains(err.Error(), `perhaps email (--map "Email Address=email")`) {
		t.Errorf("without a mapping: %v", err)
	}
	// An answer the mapping does not know is refused on its cell.
	m2, _ := ParseMapping(Applicants, "Timestamp=;Email Address=email;Your school=school;Your strengths=strengths;Where do you want to grow?=growth", []string{"cohort=Fall 2026"})
	if _, _, err := readWith(t, ApplicantsTable(), form, Options{Map: m2}); err == nil || !strings.Contains(err.Error(), "applicants.csv:2: career_stage") {
		t.Errorf("an unmapped answer: %v", err)
	}
	if again, err := ParseRemembered(Applicants, m.String()); err != nil || !reflect.DeepEqual(again, m) {
		t.Errorf("a remembered mapping reads back as %+v, %v", again, err)
	}
}

func TestSuggestColumn(t *testing.T) {
	for h, want := range map[string]string{"Email Address": "email", "First name": "first_name", "Career stage": "career_stage",
		"What are your strengths?": "strengths", "Years teaching": "years_teaching", "Timestamp": ""} {
		if got := SuggestColumn(Applicants, h); got != want {
			t.Errorf("SuggestColumn(%q) = %q; want %q", h, got, want)
		}
	}
}
