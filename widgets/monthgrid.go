package widgets

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// DayMark is how the caller marks one day: a background colour and a short label.
type DayMark struct {
	Color color.Color
	Label string
}

// weeksShown is fixed so the grid keeps its height from month to month.
const weeksShown = 6

// MonthGrid shows one month, Monday first, with each day as a tappable cell that may carry a
// mark. Buttons and the keyboard move between months: when focused, the arrow keys move the
// day cursor (crossing into the next or previous month), Page Up/Page Down move a month, Home
// and End jump to the month's first and last day, and Enter or Space taps the cursor's day.
type MonthGrid struct {
	widget.BaseWidget

	// OnDayTapped is called with the day the user tapped (or chose with Enter/Space).
	OnDayTapped func(data.Date)
	// OnMonthChanged is called with the first day of the month now shown.
	OnMonthChanged func(first data.Date)

	month   data.Date // first day of the month shown
	cursor  data.Date
	today   data.Date
	marks   map[data.Date]DayMark
	focused bool

	title      *widget.Label
	prev, next *widget.Button
	cells      [weeksShown * 7]*dayCell
}

var (
	_ fyne.Widget    = (*MonthGrid)(nil)
	_ fyne.Focusable = (*MonthGrid)(nil)
	_ fyne.Tappable  = (*dayCell)(nil)
)

// NewMonthGrid shows the month holding day, with the cursor on day.
func NewMonthGrid(day data.Date) *MonthGrid {
	if day.IsZero() {
		day = data.Today()
	}
	g := &MonthGrid{month: day.FirstOfMonth(), cursor: day, marks: map[data.Date]DayMark{}}
	g.ExtendBaseWidget(g)
	g.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	g.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), g.PrevMonth)
	g.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), g.NextMonth)
	g.prev.Importance, g.next.Importance = widget.LowImportance, widget.LowImportance
	for i := range g.cells {
		g.cells[i] = newDayCell(g)
	}
	g.fill()
	return g
}

// Month is the first day of the month shown.
func (g *MonthGrid) Month() data.Date { return g.month }

// Cursor is the day the keyboard cursor is on.
func (g *MonthGrid) Cursor() data.Date { return g.cursor }

// SetMonth shows the month holding d; the cursor moves to the same day number where it exists.
func (g *MonthGrid) SetMonth(d data.Date) {
	first := d.FirstOfMonth()
	if first == g.month {
		return
	}
	day := g.cursor.Day()
	if last := first.AddMonths(1).AddDays(-1).Day(); day > last {
		day = last
	}
	g.show(first, first.AddDays(day-1))
}

// Select moves the cursor to d and shows its month; it does not call OnDayTapped.
func (g *MonthGrid) Select(d data.Date) {
	if d.IsZero() {
		return
	}
	g.show(d.FirstOfMonth(), d)
}

// PrevMonth and NextMonth move one month back or forward.
func (g *MonthGrid) PrevMonth() { g.SetMonth(g.month.AddDays(-1)) }
func (g *MonthGrid) NextMonth() { g.SetMonth(g.month.AddDays(32)) }

// SetToday outlines d as today (zero for none).
func (g *MonthGrid) SetToday(d data.Date) {
	g.today = d
	g.fill()
}

// SetMarks replaces every day's mark; the map is copied.
func (g *MonthGrid) SetMarks(marks map[data.Date]DayMark) {
	g.marks = make(map[data.Date]DayMark, len(marks))
	for d, m := range marks {
		g.marks[d] = m
	}
	g.fill()
}

// Mark returns the mark of d, if any.
func (g *MonthGrid) Mark(d data.Date) (DayMark, bool) {
	m, ok := g.marks[d]
	return m, ok
}

func (g *MonthGrid) show(first, cursor data.Date) {
	changed := first != g.month
	g.month, g.cursor = first, cursor
	g.fill()
	if changed && g.OnMonthChanged != nil {
		g.OnMonthChanged(first)
	}
}

// fill gives every cell its day of the month shown (zero before the 1st and after the last).
func (g *MonthGrid) fill() {
	g.title.SetText(g.month.Time().Format("January 2006"))
	lead := (int(g.month.Weekday()) + 6) % 7 // Monday first
	for i, c := range g.cells {
		d := g.month.AddDays(i - lead)
		if d.Month() != g.month.Month() {
			d = 0
		}
		c.date = d
		c.Refresh()
	}
}

func (g *MonthGrid) tap(d data.Date) {
	if d.IsZero() {
		return
	}
	g.cursor = d
	if c := fyne.CurrentApp().Driver().CanvasForObject(g); c != nil && !g.focused {
		c.Focus(g)
	}
	g.fill()
	if g.OnDayTapped != nil {
		g.OnDayTapped(d)
	}
}

// FocusGained shows the cursor in the focus colour.
func (g *MonthGrid) FocusGained() { g.focused = true; g.fill() }

// FocusLost shows the cursor plainly again.
func (g *MonthGrid) FocusLost() { g.focused = false; g.fill() }

// TypedRune taps the cursor's day on Space.
func (g *MonthGrid) TypedRune(r rune) {
	if r == ' ' {
		g.tap(g.cursor)
	}
}

// TypedKey moves the cursor or the month, or taps the cursor's day.
func (g *MonthGrid) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft:
		g.Select(g.cursor.AddDays(-1))
	case fyne.KeyRight:
		g.Select(g.cursor.AddDays(1))
	case fyne.KeyUp:
		g.Select(g.cursor.AddDays(-7))
	case fyne.KeyDown:
		g.Select(g.cursor.AddDays(7))
	case fyne.KeyPageUp:
		g.PrevMonth()
	case fyne.KeyPageDown:
		g.NextMonth()
	case fyne.KeyHome:
		g.Select(g.month)
	case fyne.KeyEnd:
		g.Select(g.month.AddMonths(1).AddDays(-1))
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		g.tap(g.cursor)
	}
}

// CreateRenderer lays out the month title between its buttons, the weekday headings and the days.
func (g *MonthGrid) CreateRenderer() fyne.WidgetRenderer {
	nav := container.NewBorder(nil, nil, g.prev, g.next, g.title)
	heads := make([]fyne.CanvasObject, 7)
	for i := range heads {
		name := data.WeekdayName(time.Weekday((i + 1) % 7))
		heads[i] = widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	days := make([]fyne.CanvasObject, len(g.cells))
	for i, c := range g.cells {
		days[i] = c
	}
	grid := container.New(layout.NewGridLayoutWithColumns(7), days...)
	top := container.NewVBox(nav, container.New(layout.NewGridLayoutWithColumns(7), heads...))
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, grid))
}

// Legend shows a swatch and the text of each entry, side by side, for a caption under a grid;
// an entry without a colour is drawn as an outline, as today is.
func Legend(entries ...DayMark) fyne.CanvasObject {
	items := make([]fyne.CanvasObject, 0, len(entries))
	for _, e := range entries {
		sw := canvas.NewRectangle(e.Color)
		if e.Color == nil {
			sw.FillColor = color.Transparent
			sw.StrokeColor, sw.StrokeWidth = theme.Color(theme.ColorNameForeground), 1
		}
		sw.CornerRadius = 3
		sw.SetMinSize(fyne.NewSize(18, 18))
		items = append(items, container.NewHBox(container.NewCenter(sw), widget.NewLabel(e.Label)))
	}
	return container.NewHBox(items...)
}

// dayCell is one day of a MonthGrid: its number, its mark's colour and label.
type dayCell struct {
	widget.BaseWidget
	grid    *MonthGrid
	date    data.Date
	hovered bool
}

func newDayCell(g *MonthGrid) *dayCell {
	c := &dayCell{grid: g}
	c.ExtendBaseWidget(c)
	return c
}

func (c *dayCell) Tapped(*fyne.PointEvent) { c.grid.tap(c.date) }

func (c *dayCell) MouseIn(*desktop.MouseEvent)    { c.hovered = true; c.Refresh() }
func (c *dayCell) MouseMoved(*desktop.MouseEvent) {}
func (c *dayCell) MouseOut()                      { c.hovered = false; c.Refresh() }

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	r := &dayCellRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), ring: canvas.NewRectangle(color.Transparent),
		num: canvas.NewText("", color.Black), label: canvas.NewText("", color.Black)}
	r.bg.CornerRadius, r.ring.CornerRadius = 4, 4
	r.num.TextStyle.Bold = true
	r.Refresh()
	return r
}

type dayCellRenderer struct {
	c          *dayCell
	bg, ring   *canvas.Rectangle
	num, label *canvas.Text
	fullLabel  string
}

func (r *dayCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.ring, r.num, r.label}
}

func (r *dayCellRenderer) Destroy() {}

const cellInset = 2

func (r *dayCellRenderer) Layout(size fyne.Size) {
	inner := fyne.NewSize(size.Width-2*cellInset, size.Height-2*cellInset)
	at := fyne.NewPos(cellInset, cellInset)
	r.bg.Move(at)
	r.bg.Resize(inner)
	r.ring.Move(at)
	r.ring.Resize(inner)
	pad := theme.InnerPadding() / 2
	r.num.Move(fyne.NewPos(cellInset+pad, cellInset+pad/2))
	r.num.Resize(r.num.MinSize())
	r.label.Text = fitText(r.fullLabel, inner.Width-2*pad, r.label.TextSize, r.label.TextStyle)
	ls := r.label.MinSize()
	r.label.Move(fyne.NewPos(cellInset+pad, size.Height-cellInset-pad/2-ls.Height))
	r.label.Resize(ls)
}

func (r *dayCellRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding() / 2
	n := fyne.MeasureText("30", r.num.TextSize, r.num.TextStyle)
	l := fyne.MeasureText("Ag", r.label.TextSize, r.label.TextStyle)
	return fyne.NewSize(n.Width*2+2*pad+2*cellInset, n.Height+l.Height+2*pad+2*cellInset)
}

func (r *dayCellRenderer) Refresh() {
	c, g := r.c, r.c.grid
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.num.TextSize = th.Size(theme.SizeNameText)
	r.label.TextSize = th.Size(theme.SizeNameCaptionText)
	r.bg.FillColor, r.ring.StrokeColor, r.ring.StrokeWidth = color.Transparent, color.Transparent, 0
	r.num.Text, r.fullLabel = "", ""
	if !c.date.IsZero() {
		r.num.Text = strconv.Itoa(c.date.Day())
		if wd := c.date.Weekday(); wd == time.Saturday || wd == time.Sunday {
			fg = th.Color(theme.ColorNamePlaceHolder, v)
		}
		if m, ok := g.marks[c.date]; ok && m.Color != nil {
			r.bg.FillColor = m.Color
			fg = textOn(m.Color)
			r.fullLabel = m.Label
		} else if c.hovered {
			r.bg.FillColor = th.Color(theme.ColorNameHover, v)
		}
		switch {
		case c.date == g.cursor && g.focused:
			r.ring.StrokeColor, r.ring.StrokeWidth = th.Color(theme.ColorNamePrimary, v), 3
		case c.date == g.cursor:
			r.ring.StrokeColor, r.ring.StrokeWidth = th.Color(theme.ColorNamePrimary, v), 2
		case c.date == g.today:
			r.ring.StrokeColor, r.ring.StrokeWidth = th.Color(theme.ColorNameForeground, v), 1
		}
	}
	r.num.Color, r.label.Color = fg, fg
	r.Layout(c.Size())
	canvas.Refresh(c)
}

// textOn picks black or white text, whichever reads better on bg.
func textOn(bg color.Color) color.Color {
	cr, cg, cb, _ := bg.RGBA()
	lum := 0.2126*float64(cr) + 0.7152*float64(cg) + 0.0722*float64(cb)
	if lum > 0.55*0xffff {
		return color.Black
	}
	return color.White
}

// fitText shortens s with an ellipsis so it fits width.
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	if s == "" || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		t := string(runes[:n]) + "…"
		if fyne.MeasureText(t, size, style).Width <= width {
			return t
		}
	}
	return ""
}
