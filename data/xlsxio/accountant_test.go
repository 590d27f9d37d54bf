package xlsxio_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mentordesk/data"
	"mentordesk/data/demo"
)

// The accountant's workbook holds the year's totals per mentor and its payments, amounts typed
// as dollars, each sheet ending with its totals.
func TestAccountantWorkbook(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, "org.db")
	if err := demo.Fill(ctx, s, data.MustDate("2026-10-01")); err != nil {
		t.Fatal(err)
	}
	ye, err := s.YearEnd(ctx)
	if err != nil || len(ye.Totals) == 0 {
		t.Fatalf("no year-end totals in the sample: %v", err)
	}
	year := ye.Totals[0].Year
	path := filepath.Join(t.TempDir(), "payments.xlsx")
	if err := s.ExportAccountantWorkbook(ctx, path, year); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 2 || !strings.HasPrefix(sheets[0], "Year-end") || !strings.HasPrefix(sheets[1], "Payments") {
		t.Fatalf("sheets %q", sheets)
	}
	rows, _ := f.GetRows(sheets[0])
	var want data.Money
	n := 0
	for _, tt := range ye.Totals {
		if tt.Year == year {
			want += tt.Total
			n++
		}
	}
	last := len(rows)
	formula, _ := f.GetCellFormula(sheets[0], "E"+strconv.Itoa(last))
	if formula != "SUM(E2:E"+strconv.Itoa(n+1)+")" {
		t.Errorf("the totals row sums %q; want E2:E%d", formula, n+1)
	}
	shown, _ := f.GetCellValue(sheets[0], "E2")
	if !strings.HasPrefix(shown, "$") {
		t.Errorf("an amount shows as %q, not as dollars", shown)
	}
	if typ, _ := f.GetCellType(sheets[0], "E2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("an amount is text, not a number")
	}
	panes, _ := f.GetPanes(sheets[1])
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the payments header is not frozen: %+v", panes)
	}
}
