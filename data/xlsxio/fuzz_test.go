package xlsxio

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzSheetSource feeds any bytes to the workbook reader: it must return records or an error,
// never panic or hang.
func FuzzSheetSource(f *testing.F) {
	book := excelize.NewFile()
	row := []any{"first_name", "email", 46024, 0.5, true}
	book.SetSheetRow("Sheet1", "A1", &row)
	book.SetCellFormula("Sheet1", "B2", "A1")
	book.MergeCell("Sheet1", "A3", "B3")
	var buf bytes.Buffer
	book.Write(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("name,email\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := NewSource(bytes.NewReader(b), int64(len(b)), "fuzz.xlsx", "")
		if err != nil {
			return
		}
		for range 100_000 {
			if _, _, err := src.Next(); err != nil {
				return // io.EOF, or a problem in words
			}
		}
	})
}
