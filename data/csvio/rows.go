package csvio

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"unicode/utf8"

	"mentordesk/data"
)

// rowReader turns the records of a source into rows of a kind: it matches the header (through
// a mapping), and makes each cell the text its column reads, whatever the source typed.
type rowReader struct {
	src    Source
	kind   Kind
	opts   Options
	header []string
	width  int   // header cells, trailing empty ones left out
	pos    []int // file position of each column of the kind; -1 when --set fills it
	row    *row
	errs   Errors // problems of the file as a whole
	dates  int    // dates read in the organisation's order rather than YYYY-MM-DD
}

func newRowReader(src Source, kind Kind, opts Options) *rowReader {
	return &rowReader{src: src, kind: kind, opts: opts}
}

// rowName names a row in a message: "line 7" of a CSV file, "row 7" of a sheet.
func (rd *rowReader) rowName(n int) string {
	if rd.src.Sheet() != "" {
		return fmt.Sprintf("row %d", n)
	}
	return fmt.Sprintf("line %d", n)
}

func (rd *rowReader) fileError(line int, column, format string, args ...any) *Error {
	return &Error{File: rd.src.Name(), Sheet: rd.src.Sheet(), Line: line, Column: column, Problem: fmt.Sprintf(format, args...)}
}

// cellError is a problem of one cell of a row, named as a sheet names it.
func (rd *rowReader) cellError(line int, column, problem string) *Error {
	l := Locator{File: rd.src.Name(), Sheet: rd.src.Sheet(), kind: rd.kind, pos: rd.pos}
	return l.Error(line, column, problem)
}

func (rd *rowReader) readHeader() bool {
	cols := columns[rd.kind]
	cells, line, err := rd.src.Next()
	if err == io.EOF {
		rd.errs = Errors{rd.fileError(0, "", "the file is empty; its first row must be the header: %s", strings.Join(cols, ","))}
		return false
	}
	if err != nil {
		rd.errs = readError(rd.src, err)
		return false
	}
	for _, c := range cells {
		rd.header = append(rd.header, c.Text)
	}
	rd.width = len(rd.header)
	for rd.width > 0 && strings.TrimSpace(rd.header[rd.width-1]) == "" {
		rd.width-- // spreadsheets save a run of empty columns after the last one used
	}
	if rd.opts.Map.Empty() && rd.opts.Remembered != nil {
		rd.opts.Map = rd.opts.Remembered(rd.header)
	}
	rd.pos, rd.errs = rd.matchHeader(line, rd.header[:rd.width])
	if rd.opts.Where != nil {
		*rd.opts.Where = Locator{File: rd.src.Name(), Sheet: rd.src.Sheet(), kind: rd.kind, pos: rd.pos}
	}
	rd.row = &row{rd: rd, file: rd.src.Name(), kind: rd.kind, cells: make([]string, len(cols)), bad: make([]bool, len(cols))}
	return len(rd.errs) == 0
}

// matchHeader maps each column of the kind to its position in the file's header. Names are
// compared case-insensitively after trimming; columns may come in any order, since a
// spreadsheet user may have moved one, but each must be present exactly once — unless the
// mapping leaves a file column out or fills a column with --set.
func (rd *rowReader) matchHeader(line int, header []string) ([]int, Errors) {
	cols, m := columns[rd.kind], rd.opts.Map
	var errs Errors
	if !utf8.ValidString(strings.Join(header, "")) {
		return nil, Errors{rd.fileError(line, "", "the header is not valid UTF-8 text (save the file as UTF-8)")}
	}
	at := make(map[string]int, len(header))
	for i, h := range header {
		name := fold(h)
		if to, mapped := m.Columns[name]; mapped {
			if to == "" {
				continue // left out by the mapping
			}
			name = to
		} else if u := strings.ReplaceAll(name, " ", "_"); !contains(cols, name) && contains(cols, u) {
			name = u // "First name" is first_name
		}
		if _, set := m.Set[name]; set && contains(cols, name) {
			errs = append(errs, rd.fileError(line, name, "is both in the file (column %d) and given by --set; leave one out", i+1))
			continue
		}
		switch prev, dup := at[name]; {
		case name == "":
			errs = append(errs, rd.fileError(line, "", "column %d of the header has no name", i+1))
		case dup:
			errs = append(errs, rd.fileError(line, name, "appears twice in the header (columns %d and %d)", prev+1, i+1))
		case !contains(cols, name):
			hint := ""
			if s := SuggestColumn(rd.kind, h); s != "" {
				hint = fmt.Sprintf(" — perhaps %s (--map %q)", s, strings.TrimSpace(h)+"="+s)
			}
			errs = append(errs, rd.fileError(line, shorten(strings.TrimSpace(h)), "is not a column of %s files (%s)%s",
				rd.kind, strings.Join(cols, ", "), hint))
		default:
			at[name] = i
		}
	}
	pos := make([]int, len(cols))
	for i, c := range cols {
		p, ok := at[c]
		if _, set := m.Set[c]; !ok && (set || contains(added[rd.kind], c)) {
			p, ok = -1, true // filled by --set, or a column added after the file was written
		}
		if !ok {
			errs = append(errs, rd.fileError(line, c, "column is missing from the header"))
		}
		pos[i] = p
	}
	return pos, errs
}

// next reads the next row that holds something; false at the end or when the file breaks.
func (rd *rowReader) next() bool {
	cols := columns[rd.kind]
	r := rd.row
	for {
		cells, line, err := rd.src.Next()
		if err == io.EOF {
			return false
		}
		if err != nil {
			rd.errs = append(rd.errs, readError(rd.src, err)...)
			return false // after a broken quote the rest of a file cannot be split into rows reliably
		}
		for len(cells) > rd.width && blankCell(cells[len(cells)-1]) {
			cells = cells[:len(cells)-1]
		}
		if blank(cells) {
			continue // spreadsheets write empty rows after the data
		}
		r.reset(line)
		if len(cells) > rd.width || (len(cells) < rd.width && rd.src.Sheet() == "") {
			// A sheet leaves trailing empty cells out; a CSV row of the wrong length is a mistake.
			r.broken = true
			r.errs = append(r.errs, rd.fileError(line, "", "the row has %d cells but the header has %d", len(cells), rd.width))
			return true
		}
		for i, p := range rd.pos {
			if p < 0 {
				r.cells[i] = r.clean(cols[i], Cell{Text: rd.opts.Map.Set[cols[i]]})
			} else if p < len(cells) {
				r.cells[i] = r.clean(cols[i], cells[p])
			} else {
				r.cells[i] = ""
			}
		}
		return true
	}
}

func (rd *rowReader) notes() []string {
	if rd.dates == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%d date(s) were read in %s order, the organisation's (setting org.date_order)", rd.dates, rd.opts.DateOrder.Words())}
}

func blankCell(c Cell) bool { return c.Type == TextCell && strings.TrimSpace(c.Text) == "" }

func blank(cells []Cell) bool {
	for _, c := range cells {
		if !blankCell(c) {
			return false
		}
	}
	return true
}

// hashKey keeps a key in 16 bytes, so a million keys fit in a few tens of MB.
func hashKey(k string) [16]byte {
	h := fnv.New128a()
	h.Write([]byte(k))
	var out [16]byte
	h.Sum(out[:0])
	return out
}

// row is one data row being decoded: its cells in the order of Columns, and its problems.
type row struct {
	rd     *rowReader
	file   string
	kind   Kind
	line   int
	cells  []string
	bad    []bool // a problem was reported for the cell: one problem per cell is enough
	errs   []*Error
	broken bool // the row could not be split into the kind's cells
}

func (r *row) reset(line int) {
	r.line = line
	r.errs = nil
	r.broken = false
	clear(r.bad)
}

// clean checks a cell and returns the text its column reads: trimmed (stray spaces around a
// value are a spreadsheet accident, never data), without the formula guard that CSV exports
// add, a typed cell as its value, and an answer as the mapping says.
func (r *row) clean(col string, c Cell) string {
	s, ok := r.typed(col, c)
	switch {
	case !ok:
		return ""
	case !utf8.ValidString(s):
		r.add(col, "is not valid UTF-8 text (save the file as UTF-8)")
		return ""
	case len(s) > maxCell:
		r.add(col, "is too long (%d bytes, at most %d)", len(s), maxCell)
		return ""
	}
	s = strings.TrimSpace(s)
	if c.Type == TextCell && r.rd.src.Sheet() == "" {
		s = unguard(s)
	}
	if v, ok := r.rd.opts.Map.Answers[col][fold(s)]; ok {
		s = v
	}
	return s
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
	r.errs = append(r.errs, r.rd.cellError(r.line, col, fmt.Sprintf(format, args...)))
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
