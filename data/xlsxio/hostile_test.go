package xlsxio_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mentordesk/data/csvio"
)

// rebuild copies a workbook made by excelize, replacing its first sheet's XML with what sheet
// writes: the hostile parts of a file a spreadsheet never saves.
func rebuild(t *testing.T, path string, sheet func(w io.Writer)) {
	t.Helper()
	f := excelize.NewFile()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create(path)
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, e := range zr.File {
		w, _ := zw.Create(e.Name)
		if e.Name == "xl/worksheets/sheet1.xml" {
			sheet(w)
			continue
		}
		rc, _ := e.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

const mentorsHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>first_name</t></is></c><c t="inlineStr"><is><t>last_name</t></is></c><c t="inlineStr"><is><t>email</t></is></c><c t="inlineStr"><is><t>phone</t></is></c><c t="inlineStr"><is><t>address</t></is></c><c t="inlineStr"><is><t>instruments</t></is></c><c t="inlineStr"><is><t>education</t></is></c><c t="inlineStr"><is><t>teaching_experience</t></is></c><c t="inlineStr"><is><t>performance_experience</t></is></c><c t="inlineStr"><is><t>bio</t></is></c><c t="inlineStr"><is><t>wa_resident_since</t></is></c><c t="inlineStr"><is><t>status</t></is></c><c t="inlineStr"><is><t>photo</t></is></c></row>`

func sheetXML(rows string) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+rows+`</sheetData></worksheet>`)
	}
}

func bookWith(t *testing.T, path string, edit func(f *excelize.File)) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	header := csvio.Columns(csvio.Mentors)
	row := []any{"Maya", "Okafor", "maya@example.org", "", "", "Trumpet", "", "", "", "", "2019-08-15", "active", ""}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	f.SetSheetRow("Sheet1", "A1", &hdr)
	f.SetSheetRow("Sheet1", "A2", &row)
	edit(f)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestHostileWorkbooksChangeNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, "org.db")
	importISO(t, s, "")
	before := map[csvio.Kind]string{}
	for _, k := range csvio.Kinds {
		before[k] = csvOf(t, s, k)
	}
	dir := t.TempDir()
	cases := []struct {
		name, want string
		kind       csvio.Kind
		make       func(path string)
	}{
		{"CSV text named .xlsx", "looks like text: if it is CSV, name it .csv", csvio.Mentors,
			func(p string) { os.WriteFile(p, []byte("first_name,last_name\n"), 0o600) }},
		{"random bytes", "not the zip file a workbook is", csvio.Mentors,
			func(p string) { os.WriteFile(p, []byte{0x89, 0x01, 0xfe, 0x00, 0x13, 0x37}, 0o600) }},
		{"a zip that is no workbook", "not an Excel workbook (no xl/workbook.xml)", csvio.Mentors, func(p string) {
			out, _ := os.Create(p)
			zw := zip.NewWriter(out)
			w, _ := zw.Create("notes.txt")
			io.WriteString(w, "hello")
			zw.Close()
			out.Close()
		}},
		{"a zip bomb", "zip bomb", csvio.Mentors, func(p string) {
			rebuild(t, p, func(w io.Writer) {
				io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
				io.Copy(w, io.LimitReader(zeros{}, 200<<20))
			})
		}},
		{"rows past a spreadsheet's last", "more than 1048576 rows", csvio.Mentors, func(p string) {
			rebuild(t, p, sheetXML(mentorsHeader+`<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>`))
		}},
		{"a million rows of something else", "reading stopped after 500 problems", csvio.Mentors, func(p string) {
			rebuild(t, p, func(w io.Writer) {
				io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+mentorsHeader)
				for i := 2; i <= 1_000_001; i++ {
					fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i)
				}
				io.WriteString(w, `</sheetData></worksheet>`)
			})
		}},
		{"a formula", `Sheet1!B2: last_name: is a formula (=UPPER("okafor"))`, csvio.Mentors, func(p string) {
			bookWith(t, p, func(f *excelize.File) { f.SetCellFormula("Sheet1", "B2", `UPPER("okafor")`) })
		}},
		{"merged cells", "merged cells (A2:B2)", csvio.Mentors, func(p string) {
			bookWith(t, p, func(f *excelize.File) { f.MergeCell("Sheet1", "A2", "B2") })
		}},
		{"a date cell in a text column", "Sheet1!F2: instruments: is a date cell (2026-01-02) where text is expected", csvio.Mentors, func(p string) {
			bookWith(t, p, func(f *excelize.File) {
				style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
				f.SetCellValue("Sheet1", "F2", 46024)
				f.SetCellStyle("Sheet1", "F2", "F2", style)
			})
		}},
		{"a date cell in a text column of classrooms", "Classes!D2: grade: is a date cell", csvio.Classrooms, func(p string) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Classes")
			hdr := []any{"school", "name", "ensemble", "grade", "instructor_email", "meeting_days", "period_start", "period_minutes"}
			row := []any{"Whitman Middle School", "Wind Ensemble", "band", 46024, "dreyes@example.org", "Mon", "09:00", 50}
			f.SetSheetRow("Classes", "A1", &hdr)
			f.SetSheetRow("Classes", "A2", &row)
			style, _ := f.NewStyle(&excelize.Style{NumFmt: 16}) // d-mmm: what Excel makes of "1/2"
			f.SetCellStyle("Classes", "D2", "D2", style)
			f.SaveAs(p)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".xlsx")
			c.make(path)
			_, err := s.ImportFile(ctx, c.kind, path)
			t.Logf("%v", strings.SplitN(fmt.Sprint(err), "\n", 2)[0])
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("import: %v\nwant a message with %q", err, c.want)
			}
			for _, k := range csvio.Kinds {
				if csvOf(t, s, k) != before[k] {
					t.Fatalf("a refused workbook changed the %s", k)
				}
			}
		})
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}
