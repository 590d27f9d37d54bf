package csvio

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"mentordesk/data"
)

const (
	maxCell = 10_000  // bytes in one cell: longer is a pasted document, not a value
	maxLine = 1 << 20 // bytes in one physical line: longer is not a CSV file at all
)

// validator is what every domain type of a row implements.
type validator interface{ Validate() error }

// Options are how a file is read.
type Options struct {
	DateOrder data.DateOrder // how dates like 3/4/2026 are read; "" reads YYYY-MM-DD only
	Map       Mapping        // columns of a file made elsewhere
	// Remembered, when set and Map is empty, returns the mapping remembered for a header.
	Remembered func(header []string) Mapping
	// Where, when set, is filled in once the header is read: it names the file's cells, so
	// problems found later (a school that does not exist) point at the same cell.
	Where *Locator
}

// Result is what a read found besides its records.
type Result struct {
	Rows   int
	Header []string // the file's header as written
	Map    Mapping  // the mapping used
	Notes  []string // what the reader decided: an encoding, a date order
}

// Locator names the cells of one file in messages.
type Locator struct {
	File, Sheet string
	kind        Kind
	pos         []int
}

// Error is a problem of a row's column, placed as the reader places its own.
func (l *Locator) Error(line int, column, problem string) *Error {
	e := &Error{File: l.File, Line: line, Column: column, Problem: problem, Sheet: l.Sheet}
	if l.Sheet != "" {
		for i, c := range columns[l.kind] {
			if c == column && i < len(l.pos) && l.pos[i] >= 0 {
				e.Cell = l.pos[i] + 1
			}
		}
	}
	return e
}

// Table describes how rows of one kind become values.
type Table[T validator] struct {
	kind    Kind
	decode  func(r *row) T
	keyCols []string       // the natural key of §5, first column marked on a duplicate
	key     func(T) string // the key compared, as §5 compares it
	// afterBatch finishes a batch of decoded records (mentors' photos are read here).
	afterBatch func(recs []Record[T], at func(line int, column, problem string) *Error) Errors
}

// Kind is the kind of file the table reads.
func (t Table[T]) Kind() Kind { return t.kind }

const (
	batchRows = 2000 // records handed on at once: a million-row file never sits in memory
	maxErrors = 500  // problems reported before the reader stops: past that, a file is the wrong one
)

// Stream reads every record of a source, in batches of good records handed to each (which must
// not keep the slice). Once a problem is found no more batches are handed on, but reading goes
// on to report every problem (up to maxErrors); the error is then the file's Errors. Keys are
// checked for duplicates across the whole file.
func Stream[T validator](t Table[T], src Source, opts Options, each func([]Record[T]) error) (Result, error) {
	rd := newRowReader(src, t.kind, opts)
	res := Result{}
	if !rd.readHeader() {
		return res, rd.errs
	}
	res.Header, res.Map = rd.header, rd.opts.Map
	seen := map[[16]byte]int32{}
	batch := make([]Record[T], 0, batchRows)
	var errs, pending Errors
	flush := func() error {
		if t.afterBatch != nil && len(batch) > 0 {
			pending = append(pending, t.afterBatch(batch, rd.cellError)...)
			sortByLine(pending)
		}
		errs, pending = append(errs, pending...), pending[:0]
		if len(errs) == 0 && len(batch) > 0 && each != nil {
			if err := each(batch); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	for rd.next() {
		r := rd.row
		if !r.broken {
			v := t.decode(r)
			r.validate(v.Validate())
			if t.key != nil && !r.anyBad(t.keyCols) {
				k := hashKey(t.key(v))
				if first, dup := seen[k]; dup {
					r.add(t.keyCols[0], "duplicate of %s%s", rd.rowName(int(first)), sameKey(t.keyCols))
				} else {
					seen[k] = int32(r.line)
				}
			}
			batch = append(batch, Record[T]{r.line, v})
			res.Rows++
		}
		pending = append(pending, r.errs...)
		if len(errs)+len(pending) >= maxErrors {
			pending = append(pending, &Error{File: src.Name(), Sheet: src.Sheet(),
				Problem: fmt.Sprintf("reading stopped after %d problems: is this the right file, and the right kind (%s)?", maxErrors, t.kind)})
			break
		}
		if len(batch) == batchRows {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	pending = append(pending, rd.errs...)
	if err := flush(); err != nil {
		return res, err
	}
	res.Notes = append(src.Notes(), rd.notes()...)
	if len(errs) > 0 {
		return res, errs
	}
	return res, nil
}

// readAll reads a whole CSV text into memory: for files of everyday size and tests.
func readAll[T validator](t Table[T], in io.Reader, file string) ([]Record[T], error) {
	src, err := NewCSVSource(in, file)
	if err != nil {
		return nil, err
	}
	var recs []Record[T]
	if _, err := Stream(t, src, Options{}, func(b []Record[T]) error { recs = append(recs, b...); return nil }); err != nil {
		return nil, err
	}
	return recs, nil
}

// sameKey explains a composite key in a duplicate message: " (same school, classroom and date)".
func sameKey(cols []string) string {
	if len(cols) < 2 {
		return ""
	}
	return " (same " + strings.Join(cols[:len(cols)-1], ", ") + " and " + cols[len(cols)-1] + ")"
}

// readError explains a failure of the csv package or of the file itself.
func readError(src Source, err error) Errors {
	file := src.Name()
	var pe *csv.ParseError
	var tooLong *lineTooLong
	var es Errors
	var e *Error
	switch {
	case errors.As(err, &es) && len(es) > 0:
		return es
	case errors.As(err, &e):
		return Errors{e}
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote):
		return Errors{{File: file, Line: pe.StartLine, Problem: `a cell has a " but is not quoted; put the cell in quotes and double the " inside it`}}
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote):
		return Errors{{File: file, Line: pe.StartLine, Problem: `a quoted cell is not closed, or has text after its closing "`}}
	case errors.As(err, &pe):
		return Errors{{File: file, Line: pe.StartLine, Problem: pe.Err.Error()}}
	case errors.As(err, &tooLong):
		return Errors{{File: file, Line: tooLong.line, Problem: "the line is longer than 1 MB; this is not a CSV file of the expected kind"}}
	}
	return Errors{{File: file, Sheet: src.Sheet(), Problem: "cannot be read: " + err.Error()}}
}

// lineLimit fails a read once a physical line passes maxLine, so a file without line breaks
// cannot make the csv package buffer all of it.
type lineLimit struct {
	r    io.Reader
	line int // 1-based line being read
	n    int // bytes of that line so far
}

type lineTooLong struct{ line int }

func (e *lineTooLong) Error() string {
	return fmt.Sprintf("line %d is longer than %d bytes", e.line, maxLine)
}

func (l *lineLimit) Read(p []byte) (int, error) {
	if l.line == 0 {
		l.line = 1
	}
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.line++
			l.n = 0
		} else if l.n++; l.n > maxLine {
			return 0, &lineTooLong{l.line}
		}
	}
	return n, err
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// shorten keeps a message readable when a header cell holds a whole paragraph.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}
