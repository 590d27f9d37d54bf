package csvio

import (
	"bufio"
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

// table describes how rows of one kind become values.
type table[T validator] struct {
	kind    Kind
	decode  func(r *row) T
	keyCols []string       // the natural key of §5, first column marked on a duplicate
	key     func(T) string // the key compared, as §5 compares it
}

// read reads every row of a file, validates it and checks keys for duplicates. It returns the
// records and every problem; callers return no records when there is any problem.
func (t table[T]) read(in io.Reader, file string) ([]Record[T], Errors) {
	var recs []Record[T]
	seen := map[string]int{}
	errs := readRows(in, file, t.kind, func(r *row) {
		v := t.decode(r)
		r.validate(v.Validate())
		if t.key != nil && !r.anyBad(t.keyCols) {
			k := t.key(v)
			if first, dup := seen[k]; dup {
				r.add(t.keyCols[0], "duplicate of line %d%s", first, sameKey(t.keyCols))
			} else {
				seen[k] = r.line
			}
		}
		recs = append(recs, Record[T]{Line: r.line, Value: v, Lacks: r.lacks})
	})
	return recs, errs
}

// sameKey explains a composite key in a duplicate message: " (same school, classroom and date)".
func sameKey(cols []string) string {
	if len(cols) < 2 {
		return ""
	}
	return " (same " + strings.Join(cols[:len(cols)-1], ", ") + " and " + cols[len(cols)-1] + ")"
}

// finish turns read results into what the Read functions return: all rows or none.
func finish[T any](recs []Record[T], errs Errors) ([]Record[T], error) {
	if len(errs) > 0 {
		return nil, errs
	}
	return recs, nil
}

// readRows checks the header and calls each for every row with the right number of cells.
// Rows whose cells are all empty are skipped: spreadsheets write them after the data.
func readRows(in io.Reader, file string, kind Kind, each func(*row)) Errors {
	cols := columns[kind]
	br := bufio.NewReader(&lineLimit{r: in})
	if b, _ := br.Peek(3); string(b) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // ragged rows are reported here, by line, not by the csv package
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return Errors{{File: file, Problem: fmt.Sprintf("the file is empty; its first row must be the header: %s", strings.Join(cols, ","))}}
	}
	if err != nil {
		return Errors{readError(file, err)}
	}
	headerLine, _ := cr.FieldPos(0)
	pos, errs := matchHeader(file, headerLine, kind, header)
	if len(errs) > 0 {
		return errs
	}
	var lacks map[string]bool
	for i, p := range pos {
		if p < 0 {
			if lacks == nil {
				lacks = map[string]bool{}
			}
			lacks[cols[i]] = true
		}
	}
	width := len(header)

	r := &row{file: file, kind: kind, cells: make([]string, len(cols)), bad: make([]bool, len(cols)), lacks: lacks}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, readError(file, err))
			break // after a broken quote the rest of the file cannot be split into rows reliably
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rec) != width {
			errs = append(errs, &Error{File: file, Line: line, Problem: fmt.Sprintf("the row has %d cells but the header has %d", len(rec), width)})
			continue
		}
		r.reset(line)
		for i, p := range pos {
			if p < 0 {
				r.cells[i] = ""
				continue
			}
			r.cells[i] = r.clean(cols[i], rec[p])
		}
		each(r)
		errs = append(errs, r.errs...)
	}
	return errs
}

// matchHeader maps each column of the kind to its position in the file's header. Names are
// compared case-insensitively after trimming; columns may come in any order, since a
// spreadsheet user may have moved one, but each must be present exactly once.
func matchHeader(file string, line int, kind Kind, header []string) ([]int, Errors) {
	cols := columns[kind]
	var errs Errors
	if !utf8.ValidString(strings.Join(header, "")) {
		return nil, Errors{{File: file, Line: line, Problem: "the header is not valid UTF-8 text (save the file as UTF-8)"}}
	}
	at := make(map[string]int, len(header))
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch prev, dup := at[name]; {
		case name == "":
			errs = append(errs, &Error{File: file, Line: line, Problem: fmt.Sprintf("column %d of the header has no name", i+1)})
		case dup:
			errs = append(errs, &Error{File: file, Line: line, Column: name, Problem: fmt.Sprintf("appears twice in the header (columns %d and %d)", prev+1, i+1)})
		case !contains(cols, name):
			errs = append(errs, &Error{File: file, Line: line, Column: shorten(strings.TrimSpace(h)), Problem: fmt.Sprintf("is not a column of %s files (%s)", kind, strings.Join(cols, ", "))})
		default:
			at[name] = i
		}
	}
	pos := make([]int, len(cols))
	for i, c := range cols {
		p, ok := at[c]
		switch {
		case !ok && contains(added[kind], c):
			p = -1 // a column added later: older files stay importable
		case !ok:
			errs = append(errs, &Error{File: file, Line: line, Column: c, Problem: "column is missing from the header"})
		}
		pos[i] = p
	}
	return pos, errs
}

// shorten keeps a message readable when a header cell holds a whole paragraph.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readError explains a failure of the csv package or of the file itself.
func readError(file string, err error) *Error {
	var pe *csv.ParseError
	var tooLong *lineTooLong
	switch {
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote):
		return &Error{File: file, Line: pe.StartLine, Problem: `a cell has a " but is not quoted; put the cell in quotes and double the " inside it`}
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote):
		return &Error{File: file, Line: pe.StartLine, Problem: `a quoted cell is not closed, or has text after its closing "`}
	case errors.As(err, &pe):
		return &Error{File: file, Line: pe.StartLine, Problem: pe.Err.Error()}
	case errors.As(err, &tooLong):
		return &Error{File: file, Line: tooLong.line, Problem: "the line is longer than 1 MB; this is not a CSV file of the expected kind"}
	}
	return &Error{File: file, Problem: "cannot be read: " + err.Error()}
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

// row is one data row being decoded: its cells in the order of Columns, and its problems.
type row struct {
	file  string
	kind  Kind
	line  int
	cells []string
	bad   []bool // a problem was reported for the cell: one problem per cell is enough
	errs  []*Error
	lacks map[string]bool // later-added columns the file does not have
}

func (r *row) reset(line int) {
	r.line = line
	r.errs = nil
	clear(r.bad)
}

// clean checks a raw cell and returns its value: trimmed (stray spaces around a value are a
// spreadsheet accident, never data) and without the formula guard that exports add.
func (r *row) clean(col, raw string) string {
	switch {
	case !utf8.ValidString(raw):
		r.add(col, "is not valid UTF-8 text (save the file as UTF-8)")
		return ""
	case len(raw) > maxCell:
		r.add(col, "is too long (%d bytes, at most %d)", len(raw), maxCell)
		return ""
	}
	return unguard(strings.TrimSpace(raw))
}

// add reports a problem of a cell, unless the cell already has one.
func (r *row) add(col, format string, args ...any) {
	i := r.index(col)
	if i >= 0 {
		if r.bad[i] {
			return
		}
		r.bad[i] = true
	}
	r.errs = append(r.errs, &Error{File: r.file, Line: r.line, Column: col, Problem: fmt.Sprintf(format, args...)})
}

func (r *row) index(col string) int {
	for i, c := range columns[r.kind] {
		if c == col {
			return i
		}
	}
	return -1
}

func (r *row) isBad(col string) bool {
	i := r.index(col)
	return i >= 0 && r.bad[i]
}

func (r *row) anyBad(cols []string) bool {
	for _, c := range cols {
		if r.isBad(c) {
			return true
		}
	}
	return false
}

// validate reports the problems of a decoded value's Validate on their cells.
func (r *row) validate(err error) {
	if err == nil {
		return
	}
	var ps data.Problems
	if errors.As(err, &ps) {
		for _, fe := range ps {
			r.add(fe.Field, "%s", fe.Problem)
		}
		return
	}
	r.add("", "%s", err)
}
