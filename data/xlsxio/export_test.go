package xlsxio_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"mentordesk/data/csvio"
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
