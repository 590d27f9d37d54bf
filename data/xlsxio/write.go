package xlsxio

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// Writer is one workbook with one sheet of a kind. It takes the rows a kind's writer gives
// (csvio.RowWriter) and types each cell by its column: dates as dates, times as times, amounts
// as dollars and cents, counts as numbers, everything else as text — so "007", a phone number
// with its leading 0 and a grade "1/2" stay as written. The header is bold and frozen, and the
// columns are sized to what they hold.
type Writer struct {
	f        *excelize.File
	sw       *excelize.StreamWriter
	sheet    string
	kind     csvio.Kind
	cols     []string
	notice   string
	pending  [][]string // the first rows, kept until the columns' widths are known
	row      int        // the last row written
	styles   map[csvio.ValueType]int
	header   int
	totals   bool // payments end with a row of totals, as an accountant expects
	firstRow int
}

// sizedRows are the rows the columns' widths are measured on.
const sizedRows = 500

// NewWriter starts a workbook whose one sheet is named sheet.
func NewWriter(sheet string) (*Writer, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	w := &Writer{f: f, sheet: sheet, styles: map[csvio.ValueType]int{}}
	var err error
	style := func(s *excelize.Style) int {
		id, e := f.NewStyle(s)
		if e != nil && err == nil {
			err = e
		}
		return id
	}
	w.header = style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDE6F0"}, Pattern: 1},
		Border: []excelize.Border{{Type: "bottom", Color: "7F8C9A", Style: 1}}})
	date, clock, money, text := "yyyy-mm-dd", "hh:mm", `"$"#,##0.00;-"$"#,##0.00`, "@"
	w.styles[csvio.DateValue] = style(&excelize.Style{CustomNumFmt: &date})
	w.styles[csvio.ClockValue] = style(&excelize.Style{CustomNumFmt: &clock})
	w.styles[csvio.MoneyValue] = style(&excelize.Style{CustomNumFmt: &money})
	w.styles[csvio.TextValue] = style(&excelize.Style{CustomNumFmt: &text})
	w.styles[csvio.NumberValue] = 0
	if err != nil {
		return nil, err
	}
	if w.sw, err = f.NewStreamWriter(sheet); err != nil {
		return nil, err
	}
	return w, nil
}

// Write refuses bytes: a workbook takes rows.
func (w *Writer) Write([]byte) (int, error) {
	return 0, errors.New("a workbook is written row by row, not as text")
}

// WriteNotice puts a line above the header (goals say they hold pupil information).
func (w *Writer) WriteNotice(s string) error {
	w.notice = strings.TrimPrefix(s, "# ")
	return nil
}

// WriteHeader starts the sheet of a kind.
func (w *Writer) WriteHeader(kind csvio.Kind, cols []string) error {
	w.kind, w.cols, w.totals = kind, cols, kind == csvio.Payments || kind == YearEnd
	w.pending = [][]string{append([]string(nil), cols...)}
	return nil
}

// WriteRow adds one row, as the kind's CSV writer gives it.
func (w *Writer) WriteRow(cells []string) error {
	if w.pending != nil {
		w.pending = append(w.pending, append([]string(nil), cells...))
		if len(w.pending) <= sizedRows {
			return nil
		}
		return w.flushPending()
	}
	return w.put(cells, false)
}

// flushPending sizes the columns from the rows kept so far and writes them.
func (w *Writer) flushPending() error {
	rows := w.pending
	w.pending = nil
	for i, c := range w.cols {
		width := 4
		for _, r := range rows {
			if i < len(r) {
				width = max(width, utf8.RuneCountInString(r[i]))
			}
		}
		switch csvio.TypeOf(c) {
		case csvio.DateValue:
			width = max(width, 10)
		case csvio.MoneyValue:
			width += 3
		}
		if err := w.sw.SetColWidth(i+1, i+1, math.Min(float64(width)+2, 60)); err != nil {
			return err
		}
	}
	top := 1
	if w.notice != "" {
		top = 2
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: "A" + strconv.Itoa(top+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if w.notice != "" {
		w.row++
		if err := w.sw.SetRow("A1", []any{excelize.Cell{Value: w.notice, StyleID: w.header}}); err != nil {
			return err
		}
	}
	for i, r := range rows {
		if err := w.put(r, i == 0); err != nil {
			return err
		}
	}
	w.firstRow = top + 1
	return nil
}

func (w *Writer) put(cells []string, header bool) error {
	vals := make([]any, len(cells))
	for i, s := range cells {
		if header {
			vals[i] = excelize.Cell{Value: s, StyleID: w.header}
			continue
		}
		v, err := w.typed(w.cols[i], s)
		if err != nil {
			return fmt.Errorf("%s row %d, %s: %w", w.kind, w.row, w.cols[i], err)
		}
		vals[i] = v
	}
	w.row++
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	return w.sw.SetRow(cell, vals)
}

// typed makes one cell of a column.
func (w *Writer) typed(col, s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	t := csvio.TypeOf(col)
	switch t {
	case csvio.DateValue:
		d, err := data.ParseDate(s)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{Value: float64(d.Time().Sub(serialZero).Hours() / 24), StyleID: w.styles[t]}, nil
	case csvio.ClockValue:
		c, err := data.ParseClock(s)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{Value: float64(c) / (24 * 60), StyleID: w.styles[t]}, nil
	case csvio.MoneyValue:
		m, err := data.ParseMoney(s)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{Value: float64(m) / 100, StyleID: w.styles[t]}, nil
	case csvio.NumberValue:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f, nil
		}
	}
	return excelize.Cell{Value: s, StyleID: w.styles[csvio.TextValue]}, nil
}

// finishSheet writes what the sheet still holds back.
func (w *Writer) finishSheet() error {
	if w.pending != nil {
		if err := w.flushPending(); err != nil {
			return err
		}
	}
	if w.totals && w.row >= w.firstRow {
		if err := w.writeTotals(); err != nil {
			return err
		}
	}
	return w.sw.Flush()
}

// NextSheet finishes the sheet written so far and starts another; the rows that follow go to it.
func (w *Writer) NextSheet(name string) error {
	if err := w.finishSheet(); err != nil {
		return err
	}
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	w.sw, w.sheet, w.row, w.notice, w.pending, w.totals = sw, name, 0, "", nil, false
	return nil
}

// WriteTo finishes the workbook and writes it.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	if err := w.finishSheet(); err != nil {
		return 0, err
	}
	defer w.f.Close()
	return w.f.WriteTo(out)
}

// writeTotals ends a payments sheet with the sums of its amounts and sessions.
func (w *Writer) writeTotals() error {
	vals := make([]any, len(w.cols))
	vals[0] = excelize.Cell{Value: "Total", StyleID: w.header}
	for i, c := range w.cols {
		if t := csvio.TypeOf(c); t == csvio.MoneyValue || c == "sessions" || c == "statements" {
			letter, _ := excelize.ColumnNumberToName(i + 1)
			vals[i] = excelize.Cell{StyleID: w.styles[t], Formula: fmt.Sprintf("SUM(%s%d:%s%d)", letter, w.firstRow, letter, w.row)}
		}
	}
	w.row += 2
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	return w.sw.SetRow(cell, vals)
}
