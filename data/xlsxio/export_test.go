package xlsxio_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"mentordesk/data/csvio"
	"mentordesk/data/xlsxio"
)

// An exported sheet types its cells as a spreadsheet user expects: text stays text (leading
// zeros, "1/2"), times and dates are typed and shown in ISO forms, minutes are numbers; the
// header is bold and frozen and the columns are sized.
func TestExportTypesCells(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, "org.db")
	importISO(t, s, "")
	dir := t.TempDir()
	for _, k := range []csvio.Kind{csvio.Classrooms, csvio.Sessions, csvio.Instructors} {
		if _, err := s.ExportFile(ctx, k, filepath.Join(dir, string(k)+".xlsx")); err != nil {
			t.Fatal(err)
		}
	}
	open := func(k csvio.Kind) *excelize.File {
		f, err := excelize.OpenFile(filepath.Join(dir, string(k)+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	cells := []struct {
		kind               csvio.Kind
		sheet, cell, shown string
		typ                excelize.CellType
	}{
		{csvio.Classrooms, "Classrooms", "B2", "007", excelize.CellTypeInlineString},
		{csvio.Classrooms, "Classrooms", "D2", "1/2", excelize.CellTypeInlineString},
		{csvio.Classrooms, "Classrooms", "G2", "08:00", excelize.CellTypeUnset},
		{csvio.Classrooms, "Classrooms", "H2", "50", excelize.CellTypeUnset},
		{csvio.Sessions, "Sessions", "A2", "2026-10-14", excelize.CellTypeUnset},
		{csvio.Instructors, "Instructors", "D2", "02065550178", excelize.CellTypeInlineString},
	}
	for _, c := range cells {
		f := open(c.kind)
		shown, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil || shown != c.shown {
			t.Errorf("%s!%s shows %q (%v); want %q", c.sheet, c.cell, shown, err, c.shown)
		}
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != c.typ {
			t.Errorf("%s!%s is of type %v; want %v", c.sheet, c.cell, typ, c.typ)
		}
	}
	f := open(csvio.Classrooms)
	style, _ := f.GetCellStyle("Classrooms", "A1")
	if st, err := f.GetStyle(style); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("the header is not bold: %+v %v", st, err)
	}
	if p, _ := f.GetPanes("Classrooms"); !p.Freeze || p.YSplit != 1 {
		t.Errorf("the header is not frozen: %+v", p)
	}
	if w, _ := f.GetColWidth("Classrooms", "A"); w < 20 {
		t.Errorf("the school column is %.0f wide, narrower than its names", w)
	}
}

// Every importable kind has a workbook template that imports as its CSV template does.
func TestWorkbookTemplates(t *testing.T) {
	for _, k := range csvio.Importable {
		b, err := xlsxio.Template(k)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		src, err := xlsxio.NewSource(bytes.NewReader(b), int64(len(b)), string(k)+".xlsx", "")
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		csvSrc, _ := csvio.NewCSVSource(bytes.NewReader(csvio.Template(k)), string(k)+".csv")
		for {
			a, _, errA := src.Next()
			c, _, errC := csvSrc.Next()
			if errA != nil || errC != nil {
				if errA != errC {
					t.Errorf("%s: workbook %v, CSV %v", k, errA, errC)
				}
				break
			}
			for len(c) > len(a) && c[len(c)-1].Text == "" {
				c = c[:len(c)-1] // a sheet leaves trailing empty cells out
			}
			if len(a) != len(c) {
				t.Fatalf("%s: %d cells in the workbook, %d in the CSV", k, len(a), len(c))
			}
			for i := range a {
				if a[i].Type == csvio.TextCell && a[i].Text != c[i].Text || a[i].Type != csvio.TextCell && c[i].Text == "" {
					t.Errorf("%s: cell %d is %+v in the workbook, %q in the CSV", k, i+1, a[i], c[i].Text)
				}
			}
		}
	}
}
