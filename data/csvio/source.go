package csvio

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// CellType says what a cell of a file holds. Every cell of a CSV file is text; a workbook's
// cells are typed by the spreadsheet that saved them.
type CellType uint8

const (
	TextCell    CellType = iota
	NumberCell           // a number, shown in its Format
	DateCell             // a date, or a date and time: Number is a spreadsheet serial day
	TimeCell             // a time of day: Number is the fraction of a day
	BoolCell             // TRUE or FALSE
	FormulaCell          // a formula: MentorDesk imports values, never formulas
	ErrorCell            // #N/A, #REF! and the like
)

// Cell is one cell as a file holds it.
type Cell struct {
	Type   CellType
	Text   string  // the text of a text cell; the value as written for the others
	Number float64 // the value of a number, date or time cell
	Format string  // the number format of a typed cell, for messages
}

// TextOf makes the cells of one CSV record.
func TextOf(rec []string, into []Cell) []Cell {
	into = into[:0]
	for _, s := range rec {
		into = append(into, Cell{Text: s})
	}
	return into
}

// Source is where the records of one file come from — a CSV text or one sheet of a workbook —
// so that every kind's decoding, checks and messages are the same whichever it is.
type Source interface {
	// Next returns the cells of the next record (the header first) and the row it is on: the
	// physical line a CSV record starts on, or the row number of a sheet. io.EOF ends the file.
	// The cells may be reused by the next call.
	Next() ([]Cell, int, error)
	// Name is the file as messages name it, and Sheet the sheet read ("" for CSV).
	Name() string
	Sheet() string
	// Notes are what the reader decided about the file, to tell the director (an encoding).
	Notes() []string
}

// Serial day 0 of spreadsheets (1900 date system, with its leap-year bug counted in).
var serialEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// SerialDate is the calendar day of a spreadsheet serial number, as "YYYY-MM-DD".
func SerialDate(serial float64) string {
	days := math.Floor(serial + 1e-9)
	return serialEpoch.AddDate(0, 0, int(days)).Format("2006-01-02")
}

// SerialClock is the time of day of a spreadsheet serial number, as "HH:MM" (rounded to the
// minute, since spreadsheets store 8:00 as 0.33333…).
func SerialClock(serial float64) string {
	frac := serial - math.Floor(serial)
	m := int(math.Round(frac * 24 * 60))
	if m == 24*60 {
		m = 0
	}
	return strconv.Itoa(m/600) + strconv.Itoa(m/60%10) + ":" + strconv.Itoa(m%60/10) + strconv.Itoa(m%10)
}

// numberText writes a number as a person would type it: 7, 2065550100, 12.5.
func numberText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// eofSource is a source with no records (an empty file).
type eofSource struct{ name string }

func (s eofSource) Next() ([]Cell, int, error) { return nil, 0, io.EOF }
func (s eofSource) Name() string               { return s.name }
func (s eofSource) Sheet() string              { return "" }
func (s eofSource) Notes() []string            { return nil }

// quoteSheet writes a sheet name as spreadsheets do in a reference: Roster, 'Form Responses 1'.
func quoteSheet(name string) string {
	for _, r := range name {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

// ColumnLetters is a sheet's name of column n (1-based): 1 A, 26 Z, 27 AA.
func ColumnLetters(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}
