package xlsxio

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"mentordesk/data/csvio"
)

// sheetSource streams the rows of one sheet as records of cells.
type sheetSource struct {
	w     *workbook
	sheet string
	rc    io.ReadCloser
	d     *xml.Decoder
	cells []csvio.Cell
	row   int  // the row number of the last row read
	done  bool // past </sheetData>
}

// NewSource opens the sheet of a workbook for reading its records; sheet "" is the first sheet.
func NewSource(r io.ReaderAt, size int64, name, sheet string) (csvio.Source, error) {
	w, err := openWorkbook(r, size, name)
	if err != nil {
		return nil, err
	}
	ref, err := w.sheet(sheet)
	if err != nil {
		return nil, err
	}
	rc, found, err := w.open(ref.part, maxSheetBytes)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, w.fail("this workbook is damaged: sheet %q has no data part (%s)", ref.name, ref.part)
	}
	return &sheetSource{w: w, sheet: ref.name, rc: rc, d: xml.NewDecoder(rc)}, nil
}

func (s *sheetSource) Name() string    { return s.w.name }
func (s *sheetSource) Sheet() string   { return s.sheet }
func (s *sheetSource) Notes() []string { return nil }

func (s *sheetSource) fail(row, col int, format string, args ...any) error {
	return csvio.Errors{{File: s.w.name, Sheet: s.sheet, Line: row, Cell: col, Problem: fmt.Sprintf(format, args...)}}
}

func (s *sheetSource) xmlError(err error) error {
	if e, ok := err.(csvio.Errors); ok {
		return e
	}
	return s.fail(0, 0, "the sheet is damaged: it is not readable XML after row %d (%v)", s.row, err)
}

// Next returns the cells of the next row that has any, placed by their column letters.
func (s *sheetSource) Next() ([]csvio.Cell, int, error) {
	for !s.done {
		tok, err := s.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, s.xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				return s.readRow(t)
			case "mergeCell":
				return nil, 0, s.merged(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				s.done = true
			}
		}
	}
	// Merged cells are listed after the data: a sheet with them is refused at its end, before
	// the import commits.
	for {
		tok, err := s.d.Token()
		if err == io.EOF {
			s.rc.Close()
			return nil, 0, io.EOF
		}
		if err != nil {
			return nil, 0, s.xmlError(err)
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "mergeCell" {
			return nil, 0, s.merged(t)
		}
	}
}

func (s *sheetSource) merged(t xml.StartElement) error {
	return s.fail(0, 0, "the sheet has merged cells (%s): unmerge them, so each value is in its own row and column", attr(t, "ref"))
}

func (s *sheetSource) readRow(start xml.StartElement) ([]csvio.Cell, int, error) {
	n := s.row + 1
	if r := attr(start, "r"); r != "" {
		v, err := strconv.Atoi(r)
		if err != nil || v < 1 {
			return nil, 0, s.fail(0, 0, "the sheet is damaged: a row is numbered %q", r)
		}
		n = v
	}
	if n > maxSheetRows {
		return nil, 0, s.fail(0, 0, "the sheet has more than %d rows, more than any spreadsheet holds: this is not a file a spreadsheet saved", maxSheetRows)
	}
	s.row = n
	s.cells = s.cells[:0]
	col := 0
	for {
		tok, err := s.d.Token()
		if err != nil {
			return nil, 0, s.xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				s.d.Skip()
				continue
			}
			col++
			if ref := attr(t, "r"); ref != "" {
				c, err := columnOf(ref)
				if err != nil {
					return nil, 0, s.fail(n, 0, "the sheet is damaged: a cell is named %q", ref)
				}
				col = c
			}
			if col > maxSheetColumns {
				return nil, 0, s.fail(n, 0, "the row has more than %d columns", maxSheetColumns)
			}
			cell, err := s.readCell(t)
			if err != nil {
				return nil, 0, err
			}
			for len(s.cells) < col-1 {
				s.cells = append(s.cells, csvio.Cell{})
			}
			if len(s.cells) >= col {
				return nil, 0, s.fail(n, col, "the sheet is damaged: the cell comes twice in its row")
			}
			s.cells = append(s.cells, cell)
		case xml.EndElement:
			if t.Name.Local == "row" {
				return s.cells, n, nil
			}
		}
	}
}

// readCell reads one <c>: its value <v>, inline text <is>, or formula <f>, typed by its t
// attribute and its style's number format.
func (s *sheetSource) readCell(start xml.StartElement) (csvio.Cell, error) {
	var v, formula, inline strings.Builder
	hasFormula, inT := false, false
	var where *strings.Builder
	for {
		tok, err := s.d.Token()
		if err != nil {
			return csvio.Cell{}, s.xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				where = &v
			case "f":
				hasFormula, where = true, &formula
			case "t":
				inT, where = true, &inline
			case "rPh":
				s.d.Skip()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				return s.cellOf(start, v.String(), formula.String(), inline.String(), hasFormula)
			case "t":
				inT = false
				where = nil
			case "v", "f":
				where = nil
			}
		case xml.CharData:
			if where != nil && (where != &inline || inT) {
				if where.Len()+len(t) > 1<<20 {
					return csvio.Cell{}, s.fail(s.row, 0, "a cell holds more than 1 MB: this is not a value")
				}
				where.Write(t)
			}
		}
	}
}

func (s *sheetSource) cellOf(start xml.StartElement, v, formula, inline string, hasFormula bool) (csvio.Cell, error) {
	if hasFormula {
		if formula == "" {
			formula = "a shared formula"
		} else {
			formula = "=" + formula
		}
		return csvio.Cell{Type: csvio.FormulaCell, Text: formula}, nil
	}
	style := 0
	if a := attr(start, "s"); a != "" {
		style, _ = strconv.Atoi(a)
	}
	format := ""
	if style >= 0 && style < len(s.w.formats) {
		format = s.w.formats[style]
	}
	switch attr(start, "t") {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.w.strings) {
			return csvio.Cell{}, s.fail(s.row, 0, "the sheet is damaged: a cell names text %q the workbook does not have", v)
		}
		return csvio.Cell{Text: s.w.strings[i]}, nil
	case "inlineStr":
		return csvio.Cell{Text: inline}, nil
	case "str":
		return csvio.Cell{Text: v}, nil
	case "b":
		if v == "1" {
			return csvio.Cell{Type: csvio.BoolCell, Text: "TRUE"}, nil
		}
		return csvio.Cell{Type: csvio.BoolCell, Text: "FALSE"}, nil
	case "e":
		return csvio.Cell{Type: csvio.ErrorCell, Text: v}, nil
	case "d": // an ISO 8601 date written as text (strict workbooks)
		t, err := time.Parse("2006-01-02T15:04:05", strings.TrimSuffix(v, "Z"))
		if err != nil {
			if t, err = time.Parse("2006-01-02", v); err != nil {
				return csvio.Cell{Text: v}, nil
			}
		}
		serial := t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
		return csvio.Cell{Type: csvio.DateCell, Number: serial, Text: v, Format: format}, nil
	}
	if strings.TrimSpace(v) == "" {
		return csvio.Cell{}, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return csvio.Cell{}, s.fail(s.row, 0, "the sheet is damaged: a number cell holds %q", v)
	}
	typ := csvio.NumberCell
	if style >= 0 && style < len(s.w.styles) {
		typ = s.w.styles[style]
	}
	if s.w.date1904 && typ == csvio.DateCell {
		f += 1462 // the 1904 date system counts from 1904-01-01
	}
	c := csvio.Cell{Type: typ, Number: f, Format: format}
	switch typ {
	case csvio.DateCell:
		c.Text = csvio.SerialDate(f)
		if f < 1 {
			c.Text = csvio.SerialClock(f)
		}
	case csvio.TimeCell:
		c.Text = csvio.SerialClock(f)
	default:
		c.Text = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return c, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// columnOf reads the column of a cell reference: "K7" is 11.
func columnOf(ref string) (int, error) {
	n := 0
	for i, c := range ref {
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a'+1)
		case c >= '0' && c <= '9' && i > 0:
			return n, nil
		default:
			return 0, fmt.Errorf("bad cell reference %q", ref)
		}
		if n > maxSheetColumns {
			return n, nil
		}
	}
	return 0, fmt.Errorf("bad cell reference %q", ref)
}
