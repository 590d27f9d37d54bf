package csvio

import (
	"encoding/csv"
	"io"
	"strings"
)

// formulaStart holds the characters that make a spreadsheet run a cell as a formula.
const formulaStart = "=+-@"

// guard prefixes a cell that a spreadsheet would run as a formula with "'". A value that
// already starts with quotes before such a character gets one more, so unguard can always
// tell the guard from the data and export → import gives back the value unchanged.
func guard(s string) string {
	if t := strings.TrimLeft(s, "'"); t != "" && strings.IndexByte(formulaStart, t[0]) >= 0 {
		return "'" + s
	}
	return s
}

// unguard removes the one leading "'" that guard adds. §5 says import removes "that" quote,
// so it goes only where guard would have put it: before quotes and then = + - or @. A name
// like 'Twas keeps its apostrophe.
func unguard(s string) string {
	if len(s) < 2 || s[0] != '\'' {
		return s
	}
	if t := strings.TrimLeft(s, "'"); t != "" && strings.IndexByte(formulaStart, t[0]) >= 0 {
		return s[1:]
	}
	return s
}

// RowWriter takes the rows of a kind one by one, as text in the kind's CSV form: a workbook
// writer types them. The Write functions of every kind write to one when they are given one.
type RowWriter interface {
	WriteHeader(kind Kind, cols []string) error
	WriteRow(cells []string) error
}

// writeTable writes the header of kind and one row per value, guarding every cell of a CSV file.
func writeTable[T any](w io.Writer, kind Kind, values []T, cells func(T) []string) error {
	if rw, ok := w.(RowWriter); ok {
		if err := rw.WriteHeader(kind, columns[kind]); err != nil {
			return err
		}
		for _, v := range values {
			if err := rw.WriteRow(cells(v)); err != nil {
				return err
			}
		}
		return nil
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(columns[kind]); err != nil {
		return err
	}
	for _, v := range values {
		rec := cells(v)
		for i := range rec {
			rec[i] = guard(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
