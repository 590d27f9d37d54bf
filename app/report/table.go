package report

// column is one column of a table; a zero width shares what the others leave.
type column struct {
	head  string
	w     float64
	align string // "L", "C" or "R"
}

// table draws rows whose cells wrap; a row never splits, and the header repeats on every page
// the table reaches.
type table struct {
	p    *page
	cols []column
	x    float64
	size float64
	lh   float64
	pad  float64
	minH float64 // rows people write in are taller than their text
}

func (p *page) table(cols []column) *table {
	fixed, flexible := 0.0, 0
	for _, c := range cols {
		if c.w == 0 {
			flexible++
		}
		fixed += c.w
	}
	for i := range cols {
		if cols[i].w == 0 {
			cols[i].w = (p.width - fixed) / float64(max(flexible, 1))
		}
		if cols[i].align == "" {
			cols[i].align = "L"
		}
	}
	t := &table{p: p, cols: cols, x: p.left, size: 9.5, lh: 4.6, pad: 1.8}
	p.need(8 + t.lh + 2*t.pad)
	t.header()
	p.onBreak = t.header
	return t
}

// cellPad is the space between a cell's text and the column's edges.
const cellPad = 2

func (t *table) header() {
	p := t.p
	y := p.y()
	p.fill(fillHead)
	p.f.Rect(t.x, y, p.width, 7, "F")
	p.font(bold, 8.5)
	p.ink(inkText)
	x := t.x
	for _, c := range t.cols {
		p.textAt(x+cellPad, y+1, c.w-2*cellPad, 5, c.head, c.align)
		x += c.w
	}
	p.f.SetXY(t.x, y+7)
}

// rowKind styles a row.
type rowKind int

const (
	plainRow rowKind = iota
	mutedRow         // cancelled or informational lines
	eventRow         // a concert or other event between sessions
	totalRow
)

// row draws one row and returns where it went; cells beyond the columns are ignored, missing
// ones are blank.
func (t *table) row(kind rowKind, cells ...string) (top, height float64) {
	p := t.p
	style, ink := regular, inkText
	switch kind {
	case mutedRow:
		style, ink = italic, inkMuted
	case eventRow, totalRow:
		style = bold
	}
	p.font(style, t.size)
	wrapped := make([][]string, len(t.cols))
	n := 1
	for i, c := range t.cols {
		if i < len(cells) {
			wrapped[i] = p.wrap(cells[i], c.w-2*cellPad)
			n = max(n, len(wrapped[i]))
		}
	}
	h := max(float64(n)*t.lh+2*t.pad, t.minH)
	p.need(h)
	p.font(style, t.size)
	y := p.y()
	switch kind {
	case eventRow:
		p.fill(fillNote)
		p.f.Rect(t.x, y, p.width, h, "F")
	case totalRow:
		p.pen(inkText, 0.4)
		p.f.Line(t.x, y, t.x+p.width, y)
	}
	p.ink(ink)
	x := t.x
	for i, c := range t.cols {
		p.linesAt(x+cellPad, y+t.pad, c.w-2*cellPad, t.lh, wrapped[i], c.align)
		x += c.w
	}
	if kind != totalRow {
		p.pen(inkRule, 0.2)
		p.f.Line(t.x, y+h, t.x+p.width, y+h)
	}
	p.ink(inkText)
	p.f.SetXY(t.x, y+h)
	return y, h
}

// wide draws a row whose text spans every column but the last, as for a continuation line
// under session lines.
func (t *table) wide(kind rowKind, text, last string) {
	saved := t.cols
	spanned := 0.0
	for _, c := range saved[:len(saved)-1] {
		spanned += c.w
	}
	t.cols = []column{{w: spanned, align: "L"}, saved[len(saved)-1]}
	defer func() { t.cols = saved }()
	t.row(kind, text, last)
}

// left is the x of column i.
func (t *table) left(i int) float64 {
	x := t.x
	for _, c := range t.cols[:i] {
		x += c.w
	}
	return x
}

// end stops repeating the header and leaves a little space below the table.
func (t *table) end() {
	t.p.onBreak = nil
	t.p.space(4)
	t.p.font(regular, 10)
}
