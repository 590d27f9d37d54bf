package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// csvSource reads the records of a CSV text, as spreadsheets save it: UTF-8 with or without a
// BOM, or Windows-1252 (said in its notes); CRLF, LF or CR-only line endings.
type csvSource struct {
	name  string
	cr    *csv.Reader
	cells []Cell
	notes []string
}

// sniffBytes is how much of a file is looked at to tell what it is.
const sniffBytes = 64 << 10

// NewCSVSource opens a CSV text for reading. A file that is not CSV text at all — a workbook,
// UTF-16 text, binary data, an encoding other than UTF-8 or Windows-1252 — is refused here,
// with what it is and what to do.
func NewCSVSource(in io.Reader, name string) (Source, error) {
	br := bufio.NewReaderSize(in, sniffBytes)
	head, _ := br.Peek(sniffBytes)
	if len(head) == 0 {
		return eofSource{name}, nil
	}
	var text io.Reader = br
	var notes []string
	switch problem, enc := sniff(head); {
	case problem != "":
		return nil, Errors{{File: name, Problem: problem}}
	case enc == "bom":
		br.Discard(3)
	case enc == "windows-1252":
		text = charmap.Windows1252.NewDecoder().Reader(br)
		notes = append(notes, "the file is not UTF-8: it was read as Windows-1252 text (as Excel saves “CSV” on Windows)")
	}
	cr := csv.NewReader(&lineLimit{r: &lineEnds{r: text}})
	cr.FieldsPerRecord = -1 // ragged rows are reported by line, not by the csv package
	cr.ReuseRecord = true
	return &csvSource{name: name, cr: cr, notes: notes}, nil
}

func (s *csvSource) Name() string    { return s.name }
func (s *csvSource) Sheet() string   { return "" }
func (s *csvSource) Notes() []string { return s.notes }

func (s *csvSource) Next() ([]Cell, int, error) {
	rec, err := s.cr.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := s.cr.FieldPos(0)
	s.cells = TextOf(rec, s.cells)
	return s.cells, line, nil
}

// sniff tells from the start of a file whether it is CSV text and in which encoding: "bom" or
// "utf-8", "windows-1252", or a problem in the director's words.
func sniff(head []byte) (problem, encoding string) {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "this is an Excel workbook (.xlsx), not CSV text: import it as a workbook (its name must end in .xlsx)", ""
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "this is an old Excel workbook (.xls), not CSV text: save it from the spreadsheet as .xlsx or as CSV UTF-8", ""
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "the file is UTF-16 text (Excel's “Unicode Text”), not UTF-8 CSV: save it as “CSV UTF-8 (comma delimited)”", ""
	case bytes.IndexByte(head, 0) >= 0 || !validUTF8Prefix(head) && controlBytes(head) > 0:
		return "the file is not UTF-8 CSV text: it holds binary data (save the spreadsheet as “CSV UTF-8”, or import a workbook as .xlsx)", ""
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		return "", "bom"
	case validUTF8Prefix(head) || utf8Runes(head) > 0:
		// Valid UTF-8 with a stray byte is UTF-8 text with a bad cell, reported on its cell.
		return "", "utf-8"
	case undefinedIn1252(head):
		return "the file is not UTF-8 CSV text, nor Windows-1252: save it from the spreadsheet as “CSV UTF-8”", ""
	}
	return "", "windows-1252"
}

// utf8Runes counts the well-formed multi-byte UTF-8 characters of b.
func utf8Runes(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r != utf8.RuneError && size > 1 {
			n++
		}
		b = b[size:]
	}
	return n
}

// undefinedIn1252 reports bytes that Windows-1252 gives no character.
func undefinedIn1252(b []byte) bool {
	for _, c := range b {
		if c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D {
			return true
		}
	}
	return false
}

// controlBytes counts bytes no text file holds (tab, line breaks and form feed aside).
func controlBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			n++
		}
	}
	return n
}

// validUTF8Prefix is utf8.Valid, allowing the last rune to be cut by the end of the sample.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		if len(b) < sniffBytes {
			return false // the whole file: nothing was cut
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// lineEnds turns CR-only line endings (old Mac spreadsheets) and CRLF into LF.
type lineEnds struct {
	r      io.Reader
	skipLF bool
}

func (l *lineEnds) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		out := 0
		for _, c := range p[:n] {
			switch {
			case c == '\r':
				p[out], l.skipLF = '\n', true
				out++
			case c == '\n' && l.skipLF:
				l.skipLF = false
			default:
				l.skipLF = false
				p[out] = c
				out++
			}
		}
		if out > 0 || err != nil {
			return out, err
		}
	}
}
