// Package xlsxio reads and writes Excel workbooks (.xlsx) of the kinds of DESIGN.md §5, one sheet
// each. Reading streams a sheet row by row into the csvio.Source seam, so every kind is decoded,
// checked and reported by the same code as its CSV files; writing types the cells (dates,
// times, amounts, numbers, text) with excelize.
package xlsxio

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"
	"time"

	"mentordesk/data/csvio"
)

// Limits that keep a damaged or hostile file from taking the machine: a workbook part is read
// as a stream, but never more than these.
const (
	maxSheetBytes   = 2 << 30   // uncompressed XML of the sheet read
	maxPartBytes    = 128 << 20 // workbook, styles, shared strings
	maxRatio        = 500       // uncompressed/compressed: spreadsheets pack 5–100×, zip bombs 1000× and more
	maxSheetRows    = 1_048_576 // the rows of a sheet in Excel and LibreOffice
	maxSheetColumns = 16_384
)

// IsWorkbookName reports whether a file name is a workbook's (.xlsx, any case).
func IsWorkbookName(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// workbook is what is needed of a workbook to read one sheet.
type workbook struct {
	name     string
	zip      *zip.Reader
	sheets   []sheetRef
	date1904 bool
	styles   []csvio.CellType // by cell style index: the type its number format shows
	formats  []string         // by cell style index: the number format code
	strings  []string         // shared strings
}

type sheetRef struct{ name, part string }

func (w *workbook) fail(format string, args ...any) error {
	return csvio.Errors{{File: w.name, Problem: fmt.Sprintf(format, args...)}}
}

func openWorkbook(r io.ReaderAt, size int64, name string) (*workbook, error) {
	w := &workbook{name: name}
	head := make([]byte, 4)
	if n, _ := r.ReadAt(head, 0); n < 4 || string(head) != "PK\x03\x04" {
		if n > 0 && head[0] != 0 && head[0] < 0x80 {
			return nil, w.fail("this is not an Excel workbook (.xlsx) but looks like text: if it is CSV, name it .csv")
		}
		return nil, w.fail("this is not an Excel workbook (.xlsx): it is not the zip file a workbook is (save it from the spreadsheet as .xlsx)")
	}
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, w.fail("this workbook is damaged: it cannot be unpacked (%v)", err)
	}
	w.zip = z
	if err := w.readWorkbook(); err != nil {
		return nil, err
	}
	if err := w.readStyles(); err != nil {
		return nil, err
	}
	if err := w.readSharedStrings(); err != nil {
		return nil, err
	}
	return w, nil
}

// open opens one part of the workbook, refusing parts that unpack to far more than they hold.
func (w *workbook) open(part string, limit int64) (io.ReadCloser, bool, error) {
	for _, f := range w.zip.File {
		if !strings.EqualFold(strings.TrimPrefix(f.Name, "/"), part) {
			continue
		}
		if f.UncompressedSize64 > uint64(limit) ||
			f.UncompressedSize64 > 10<<20 && f.UncompressedSize64 > maxRatio*max(f.CompressedSize64, 1) {
			return nil, true, w.fail("this workbook is refused as damaged or hostile: %s unpacks to %d MB from %d KB (a “zip bomb”)",
				part, f.UncompressedSize64>>20, f.CompressedSize64>>10)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, true, w.fail("this workbook is damaged: %s cannot be read (%v)", part, err)
		}
		return &limited{rc: rc, r: io.LimitReader(rc, limit+1), left: limit, w: w, part: part}, true, nil
	}
	return nil, false, nil
}

// limited fails a part that unpacks past its limit, whatever its header says.
type limited struct {
	rc   io.ReadCloser
	r    io.Reader
	left int64
	w    *workbook
	part string
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.left -= int64(n); l.left < 0 {
		return 0, l.w.fail("this workbook is refused as damaged or hostile: %s unpacks to more than %d MB (a “zip bomb”)", l.part, (l.left+int64(n))>>20)
	}
	return n, err
}

func (l *limited) Close() error { return l.rc.Close() }

func (w *workbook) decode(part string, into any) (bool, error) {
	rc, found, err := w.open(part, maxPartBytes)
	if err != nil || !found {
		return found, err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(into); err != nil {
		var ce csvio.Errors
		if e, ok := err.(csvio.Errors); ok {
			ce = e
			return true, ce
		}
		return true, w.fail("this workbook is damaged: %s is not readable XML (%v)", part, err)
	}
	return true, nil
}

func (w *workbook) readWorkbook() error {
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	found, err := w.decode("xl/workbook.xml", &wb)
	if err != nil {
		return err
	}
	if !found {
		return w.fail("this is a zip file but not an Excel workbook (no xl/workbook.xml): save it from the spreadsheet as .xlsx")
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if _, err := w.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	target := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	w.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	for _, s := range wb.Sheets {
		w.sheets = append(w.sheets, sheetRef{name: s.Name, part: target[s.RID]})
	}
	if len(w.sheets) == 0 {
		return w.fail("this workbook has no sheets")
	}
	return nil
}

// sheet finds a sheet by name (case-insensitively), or the first.
func (w *workbook) sheet(name string) (sheetRef, error) {
	if name == "" {
		return w.sheets[0], nil
	}
	var names []string
	for _, s := range w.sheets {
		if strings.EqualFold(strings.TrimSpace(s.name), strings.TrimSpace(name)) {
			return s, nil
		}
		names = append(names, s.name)
	}
	return sheetRef{}, w.fail("this workbook has no sheet %q (its sheets: %s)", name, strings.Join(names, ", "))
}

// Sheets lists the sheets of a workbook, in order.
func Sheets(r io.ReaderAt, size int64, name string) ([]string, error) {
	w, err := openWorkbook(r, size, name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range w.sheets {
		out = append(out, s.name)
	}
	return out, nil
}

var serialZero = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// SheetName is the sheet a kind is written to: "Mentors", "Calendar days".
func SheetName(kind csvio.Kind) string {
	s := string(kind)
	return strings.ToUpper(s[:1]) + s[1:]
}
