package widgets

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
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

// CalendarView is the period a SessionCalendar shows.
type CalendarView int

const (
	MonthView CalendarView = iota
	WeekView
)

// CalendarItem is one session as the calendar draws it.
type CalendarItem struct {
	ID       int64
	Date     data.Date
	Start    data.Clock
	Minutes  int
	Title    string // lines separated by "\n"; the month view joins them with " · "
	Colour   color.Color
	Conflict bool
	Status   string // planned, completed, confirmed or cancelled
}

// CalendarMarkKind says what a CalendarMark stands for.
type CalendarMarkKind int

const (
	EventMark    CalendarMarkKind = iota // a concert or festival
	NoSchoolMark                         // the school is closed
	TermMark                             // a term ends, school opens or closes for the year
)

// CalendarMark is a note on a day: an event's name or a no-school day.
type CalendarMark struct {
	Date data.Date
	Text string
	Kind CalendarMarkKind
}

// SessionCalendar shows sessions as coloured chips on a month (weeks Monday to Sunday) or a
// week (days as columns, 07:00–17:00 as rows). It only draws what it is given: the screen
// feeds it the items of the range OnRangeChanged reports.
type SessionCalendar struct {
	widget.BaseWidget

	OnItemTapped   func(id int64)
	OnDayTapped    func(day data.Date)
	OnRangeChanged func(from, through data.Date)

	view    CalendarView
	anchor  data.Date
	today   data.Date
	items   map[data.Date][]CalendarItem
	marks   map[data.Date][]CalendarMark
	focused bool
	hover   int64

	// hits are the tappable regions of the last layout, back to front.
	hits []calendarHit
}

var (
	_ fyne.Widget        = (*SessionCalendar)(nil)
	_ fyne.Tappable      = (*SessionCalendar)(nil)
	_ fyne.Focusable     = (*SessionCalendar)(nil)
	_ desktop.Hoverable  = (*SessionCalendar)(nil)
	_ desktop.Cursorable = (*SessionCalendar)(nil)
)

// NewSessionCalendar shows the month of today.
func NewSessionCalendar(today data.Date) *SessionCalendar {
	c := &SessionCalendar{anchor: today, today: today}
	c.ExtendBaseWidget(c)
	return c
}

// SetItems replaces the sessions shown.
func (c *SessionCalendar) SetItems(items []CalendarItem) {
	c.setItems(items)
	c.Refresh()
}

// SetMarks replaces the day marks shown.
func (c *SessionCalendar) SetMarks(marks []CalendarMark) {
	c.setMarks(marks)
	c.Refresh()
}

// SetContent replaces sessions and marks together, drawing once.
func (c *SessionCalendar) SetContent(items []CalendarItem, marks []CalendarMark) {
	c.setItems(items)
	c.setMarks(marks)
	c.Refresh()
}

func (c *SessionCalendar) setItems(items []CalendarItem) {
	c.items = make(map[data.Date][]CalendarItem)
	for _, it := range items {
		c.items[it.Date] = append(c.items[it.Date], it)
	}
	for _, day := range c.items {
		slices.SortStableFunc(day, func(a, b CalendarItem) int {
			if a.Start != b.Start {
				return int(a.Start) - int(b.Start)
			}
			return strings.Compare(a.Title, b.Title)
		})
	}
}

func (c *SessionCalendar) setMarks(marks []CalendarMark) {
	c.marks = make(map[data.Date][]CalendarMark)
	for _, m := range marks {
		c.marks[m.Date] = append(c.marks[m.Date], m)
	}
}

// ItemsOn returns the items of one day in the order they are drawn.
func (c *SessionCalendar) ItemsOn(d data.Date) []CalendarItem { return c.items[d] }

// View is the period shown.
func (c *SessionCalendar) View() CalendarView { return c.view }

// SetView switches between the month and the week containing the shown date; from the month
// of today it opens today's week.
func (c *SessionCalendar) SetView(v CalendarView) {
	anchor := c.anchor
	if v == WeekView && c.view == MonthView && c.today.FirstOfMonth() == anchor.FirstOfMonth() {
		anchor = c.today
	}
	c.move(v, anchor)
}

// ShowView shows the month or week containing d, reporting the range once.
func (c *SessionCalendar) ShowView(v CalendarView, d data.Date) { c.move(v, d) }

// ShowDate shows the month or week containing d.
func (c *SessionCalendar) ShowDate(d data.Date) { c.move(c.view, d) }

// Prev shows the previous month or week.
func (c *SessionCalendar) Prev() { c.step(-1) }

// Next shows the next month or week.
func (c *SessionCalendar) Next() { c.step(1) }

// GoToday shows the period containing today.
func (c *SessionCalendar) GoToday() { c.move(c.view, c.today) }

// SetToday moves the "today" highlight (the calendar's clock is injectable for tests).
func (c *SessionCalendar) SetToday(d data.Date) { c.today = d; c.Refresh() }

// Shown is a date inside the period shown.
func (c *SessionCalendar) Shown() data.Date { return c.anchor }

func (c *SessionCalendar) step(n int) {
	if c.view == WeekView {
		c.move(c.view, c.anchor.AddDays(7*n))
		return
	}
	c.move(c.view, c.anchor.FirstOfMonth().AddMonths(n))
}

func (c *SessionCalendar) move(v CalendarView, anchor data.Date) {
	from, through := c.Range()
	c.view, c.anchor = v, anchor
	c.hover = 0
	c.Refresh()
	if f, t := c.Range(); (f != from || t != through) && c.OnRangeChanged != nil {
		c.OnRangeChanged(f, t)
	}
}

// Range is the first and last day drawn: whole weeks around the month, or the week.
func (c *SessionCalendar) Range() (from, through data.Date) {
	if c.view == WeekView {
		m := mondayOf(c.anchor)
		return m, m.AddDays(6)
	}
	first := c.anchor.FirstOfMonth()
	last := first.AddMonths(1).AddDays(-1)
	return mondayOf(first), mondayOf(last).AddDays(6)
}

// Title names the period: "November 2026" or "23 – 29 November 2026".
func (c *SessionCalendar) Title() string {
	if c.view == MonthView {
		return c.anchor.Time().Format("January 2006")
	}
	from, through := c.Range()
	switch {
	case from.Year() != through.Year():
		return from.Time().Format("2 January 2006") + " – " + through.Time().Format("2 January 2006")
	case from.Month() != through.Month():
		return from.Time().Format("2 January") + " – " + through.Time().Format("2 January 2006")
	}
	return fmt.Sprintf("%d – %s", from.Day(), through.Time().Format("2 January 2006"))
}

func mondayOf(d data.Date) data.Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }

// Tapped opens the chip, the "+N more" of a crowded day (its week), or the day under the pointer.
func (c *SessionCalendar) Tapped(ev *fyne.PointEvent) {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
	h, ok := c.hitAt(ev.Position)
	if !ok {
		return
	}
	switch h.kind {
	case hitItem:
		if c.OnItemTapped != nil {
			c.OnItemTapped(h.id)
		}
	case hitMore:
		c.move(WeekView, h.day)
	case hitDay:
		if c.OnDayTapped != nil {
			c.OnDayTapped(h.day)
		}
	}
}

func (c *SessionCalendar) hitAt(p fyne.Position) (calendarHit, bool) {
	for i := len(c.hits) - 1; i >= 0; i-- {
		h := c.hits[i]
		if p.X >= h.pos.X && p.Y >= h.pos.Y && p.X < h.pos.X+h.size.Width && p.Y < h.pos.Y+h.size.Height {
			return h, true
		}
	}
	return calendarHit{}, false
}

// FocusGained shows the focus ring so the keyboard's target is visible.
func (c *SessionCalendar) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost hides the focus ring.
func (c *SessionCalendar) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune: t shows today, m the month, w the week.
func (c *SessionCalendar) TypedRune(r rune) {
	switch r {
	case 't', 'T':
		c.GoToday()
	case 'm', 'M':
		c.SetView(MonthView)
	case 'w', 'W':
		c.SetView(WeekView)
	}
}

// TypedKey moves between periods: Left/PageUp back, Right/PageDown forward, Home to today.
func (c *SessionCalendar) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyPageUp:
		c.Prev()
	case fyne.KeyRight, fyne.KeyPageDown:
		c.Next()
	case fyne.KeyHome:
		c.GoToday()
	}
}

// MouseIn starts hover tracking.
func (c *SessionCalendar) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved highlights the chip under the pointer.
func (c *SessionCalendar) MouseMoved(ev *desktop.MouseEvent) {
	var id int64
	if h, ok := c.hitAt(ev.Position); ok && h.kind == hitItem {
		id = h.id
	}
	if id != c.hover {
		c.hover = id
		c.Refresh()
	}
}

// MouseOut ends hover tracking.
func (c *SessionCalendar) MouseOut() {
	if c.hover != 0 {
		c.hover = 0
		c.Refresh()
	}
}

// Cursor is a pointing hand over a chip.
func (c *SessionCalendar) Cursor() desktop.Cursor {
	if c.hover != 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer builds the navigation bar; the grid is drawn at each layout.
func (c *SessionCalendar) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	r := &calendarRenderer{c: c}
	r.title = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.TextSize = theme.TextSubHeadingSize()
	r.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), c.Prev)
	r.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), c.Next)
	r.today = widget.NewButton("Today", c.GoToday)
	r.month = widget.NewButton("Month", func() { c.SetView(MonthView) })
	r.week = widget.NewButton("Week", func() { c.SetView(WeekView) })
	r.header = container.NewHBox(r.prev, r.today, r.next, container.NewPadded(r.title), layout.NewSpacer(), r.month, r.week)
	r.ring = canvas.NewRectangle(color.Transparent)
	r.refreshHeader()
	return r
}

type hitKind int

const (
	hitDay hitKind = iota
	hitItem
	hitMore
)

type calendarHit struct {
	kind hitKind
	pos  fyne.Position
	size fyne.Size
	id   int64
	day  data.Date
}

type calendarRenderer struct {
	c                              *SessionCalendar
	title                          *canvas.Text
	prev, next, today, month, week *widget.Button
	header                         *fyne.Container
	ring                           *canvas.Rectangle
	body                           []fyne.CanvasObject
	objects                        []fyne.CanvasObject
}

func (r *calendarRenderer) Destroy() {}

func (r *calendarRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *calendarRenderer) MinSize() fyne.Size {
	h := r.header.MinSize()
	return fyne.NewSize(fyne.Max(h.Width, 7*72), h.Height+theme.Padding()+6*64)
}

func (r *calendarRenderer) Refresh() {
	r.refreshHeader()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *calendarRenderer) refreshHeader() {
	r.title.Text = r.c.Title()
	r.title.Color = theme.Color(theme.ColorNameForeground)
	r.title.Refresh()
	r.month.Importance, r.week.Importance = widget.MediumImportance, widget.MediumImportance
	if r.c.view == MonthView {
		r.month.Importance = widget.HighImportance
	} else {
		r.week.Importance = widget.HighImportance
	}
	r.month.Refresh()
	r.week.Refresh()
}

func (r *calendarRenderer) Layout(size fyne.Size) {
	hh := r.header.MinSize().Height
	r.header.Move(fyne.NewPos(0, 0))
	r.header.Resize(fyne.NewSize(size.Width, hh))
	top := hh + theme.Padding()
	area := fyne.NewSize(size.Width, size.Height-top)
	p := newPainter(fyne.NewPos(0, top))
	if area.Width > 0 && area.Height > 0 {
		if r.c.view == WeekView {
			p.week(r.c, area)
		} else {
			p.month(r.c, area)
		}
	}
	r.c.hits = p.hits
	r.ring.StrokeWidth = 0
	if r.c.focused {
		r.ring.StrokeColor = theme.Color(theme.ColorNameFocus)
		r.ring.StrokeWidth = 2
	}
	r.ring.Move(fyne.NewPos(0, top))
	r.ring.Resize(area)
	r.body = p.objects
	r.objects = append(append(make([]fyne.CanvasObject, 0, len(r.body)+2), r.body...), r.ring, r.header)
}

// The week view's rows: the school day.
const (
	firstHour = 7
	lastHour  = 17
)

// painter lays out the grid as plain canvas objects, with the tappable regions beside them.
type painter struct {
	at      fyne.Position
	objects []fyne.CanvasObject
	hits    []calendarHit

	fg, bg, muted, line, primary, alert color.Color
	caption, text                       float32
	captionH, textH                     float32
}

func newPainter(at fyne.Position) *painter {
	p := &painter{at: at,
		fg: theme.Color(theme.ColorNameForeground), bg: theme.Color(theme.ColorNameBackground),
		muted: theme.Color(theme.ColorNamePlaceHolder), line: theme.Color(theme.ColorNameSeparator),
		primary: theme.Color(theme.ColorNamePrimary), alert: theme.Color(theme.ColorNameError),
		caption: theme.CaptionTextSize(), text: theme.TextSize()}
	p.captionH = fyne.MeasureText("Hg", p.caption, fyne.TextStyle{}).Height
	p.textH = fyne.MeasureText("Hg", p.text, fyne.TextStyle{}).Height
	return p
}

func (p *painter) rect(x, y, w, h float32, fill color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(fill)
	r.Move(p.at.Add(fyne.NewPos(x, y)))
	r.Resize(fyne.NewSize(w, h))
	p.objects = append(p.objects, r)
	return r
}

func (p *painter) rule(x1, y1, x2, y2 float32, col color.Color) {
	l := canvas.NewLine(col)
	l.StrokeWidth = 1
	l.Position1 = p.at.Add(fyne.NewPos(x1, y1))
	l.Position2 = p.at.Add(fyne.NewPos(x2, y2))
	p.objects = append(p.objects, l)
}

// label draws s cut to width with an ellipsis; it returns the width used.
func (p *painter) label(s string, x, y, width float32, col color.Color, size float32, style fyne.TextStyle) float32 {
	s = ellipsize(s, size, style, width)
	if s == "" {
		return 0
	}
	t := canvas.NewText(s, col)
	t.TextSize, t.TextStyle = size, style
	t.Move(p.at.Add(fyne.NewPos(x, y)))
	p.objects = append(p.objects, t)
	return fyne.MeasureText(s, size, style).Width
}

func (p *painter) hit(kind hitKind, x, y, w, h float32, id int64, day data.Date) {
	p.hits = append(p.hits, calendarHit{kind: kind, pos: p.at.Add(fyne.NewPos(x, y)), size: fyne.NewSize(w, h), id: id, day: day})
}

// dayFill is the cell's background: today stands out, closed days are greyed, the rest quiet.
func (p *painter) dayFill(c *SessionCalendar, day data.Date, inPeriod bool) color.Color {
	switch {
	case day == c.today:
		return mix(p.bg, p.primary, 0.10)
	case hasNoSchool(c.marks[day]):
		return mix(p.bg, p.fg, 0.09)
	case !inPeriod || day.Weekday() == time.Saturday || day.Weekday() == time.Sunday:
		return mix(p.bg, p.fg, 0.035)
	}
	return nil
}

func hasNoSchool(ms []CalendarMark) bool {
	return slices.ContainsFunc(ms, func(m CalendarMark) bool { return m.Kind == NoSchoolMark })
}

// markText puts events first: they are what the sessions lead up to.
func (p *painter) markText(ms []CalendarMark) (string, color.Color, fyne.TextStyle) {
	if len(ms) == 0 {
		return "", nil, fyne.TextStyle{}
	}
	sorted := slices.Clone(ms)
	slices.SortStableFunc(sorted, func(a, b CalendarMark) int { return int(a.Kind) - int(b.Kind) })
	texts := make([]string, len(sorted))
	for i, m := range sorted {
		texts[i] = m.Text
	}
	if sorted[0].Kind == EventMark {
		return strings.Join(texts, " · "), p.primary, fyne.TextStyle{Bold: true}
	}
	return strings.Join(texts, " · "), p.muted, fyne.TextStyle{Italic: true}
}

var weekdayNames = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

func (p *painter) month(c *SessionCalendar, size fyne.Size) {
	from, through := c.Range()
	weeks := int(through-from+1) / 7
	headH := p.captionH + 8
	colW := size.Width / 7
	rowH := (size.Height - headH) / float32(weeks)
	for i, name := range weekdayNames {
		p.label(name, float32(i)*colW+8, 4, colW-10, p.muted, p.caption, fyne.TextStyle{Bold: true})
	}
	for w := range weeks {
		for i := range 7 {
			day := from.AddDays(w*7 + i)
			p.monthCell(c, day, float32(i)*colW, headH+float32(w)*rowH, colW, rowH, day.Month() == c.anchor.Month())
		}
	}
	for i := 0; i <= 7; i++ {
		x := min(float32(i)*colW, size.Width-1)
		p.rule(x, headH, x, size.Height, p.line)
	}
	for w := 0; w <= weeks; w++ {
		y := min(headH+float32(w)*rowH, size.Height-1)
		p.rule(0, y, size.Width, y, p.line)
	}
}

func (p *painter) monthCell(c *SessionCalendar, day data.Date, x, y, w, h float32, inMonth bool) {
	if fill := p.dayFill(c, day, inMonth); fill != nil {
		p.rect(x, y, w, h, fill)
	}
	p.hit(hitDay, x, y, w, h, 0, day)
	num := fmt.Sprint(day.Day())
	if day.Day() == 1 {
		num = day.Time().Format("2 Jan")
	}
	style := fyne.TextStyle{Bold: inMonth}
	col := p.fg
	if !inMonth {
		col = p.muted
	}
	numW := fyne.MeasureText(num, p.text, style).Width
	if day == c.today {
		d := max(numW+10, p.textH+2)
		pill := p.rect(x+3, y+3, d, p.textH+2, p.primary)
		pill.CornerRadius = (p.textH + 2) / 2
		col, numW = theme.Color(theme.ColorNameForegroundOnPrimary), d-8
	}
	p.label(num, x+8, y+4, w-10, col, p.text, style)
	if s, mc, ms := p.markText(c.marks[day]); s != "" {
		mx := x + 8 + numW + 8
		p.label(s, mx, y+4+(p.textH-p.captionH)/2, x+w-mx-4, mc, p.caption, ms)
	}
	items := c.items[day]
	top := y + p.textH + 8
	chipH := p.captionH + 6
	const gap = 2
	fit := int((y + h - 3 - top + gap) / (chipH + gap))
	shown := len(items)
	if shown > fit {
		shown = max(fit-1, 0)
	}
	for i, it := range items[:shown] {
		cy := top + float32(i)*(chipH+gap)
		text := it.Start.String() + " " + strings.ReplaceAll(it.Title, "\n", " · ")
		p.chip(c, it, x+3, cy, w-6, chipH, []string{text})
	}
	if rest := len(items) - shown; rest > 0 && fit > 0 {
		cy := top + float32(shown)*(chipH+gap)
		used := p.label(fmt.Sprintf("+%d more", rest), x+8, cy+3, w-12, p.primary, p.caption, fyne.TextStyle{Bold: true})
		p.hit(hitMore, x+3, cy, used+10, chipH, 0, day)
	}
}

// chip draws one session: planned is outlined, completed tinted, confirmed solid in its
// program's colour; cancelled is greyed and struck through; a conflict has a red border and dot.
func (p *painter) chip(c *SessionCalendar, it CalendarItem, x, y, w, h float32, lines []string) {
	col := it.Colour
	if col == nil {
		col = p.primary
	}
	fill, text, bar := mix(p.bg, col, 0.10), p.fg, col
	style := fyne.TextStyle{}
	switch data.SessionStatus(it.Status) {
	case data.Confirmed:
		fill, text, bar = col, contrastText(col), nil
	case data.Completed:
		fill = mix(p.bg, col, 0.30)
	case data.Cancelled:
		fill, text, bar = mix(p.bg, p.fg, 0.05), p.muted, mix(p.bg, col, 0.35)
		style.Strikethrough = true
	}
	r := p.rect(x, y, w, h, fill)
	r.CornerRadius = 3
	if data.SessionStatus(it.Status) == data.Planned {
		r.StrokeColor, r.StrokeWidth = mix(p.bg, col, 0.6), 1
	}
	if it.ID == c.hover {
		r.StrokeColor, r.StrokeWidth = p.fg, 1.5
	}
	if it.Conflict {
		r.StrokeColor, r.StrokeWidth = p.alert, 2
	}
	inset := float32(5)
	if bar != nil {
		b := p.rect(x, y, 4, h, bar)
		b.TopLeftCornerRadius, b.BottomLeftCornerRadius = 3, 3
		inset = 8
	}
	right := float32(4)
	if it.Conflict {
		dot := canvas.NewCircle(p.alert)
		dot.Move(p.at.Add(fyne.NewPos(x+w-10, y+4)))
		dot.Resize(fyne.NewSize(6, 6))
		p.objects = append(p.objects, dot)
		right = 12
	}
	ly := y + (min(h, p.captionH+6)-p.captionH)/2
	for i, s := range lines {
		// The last line may dip into the chip's padding: a caption's box has room below the glyphs.
		if ly+p.captionH*0.85 > y+h {
			break
		}
		ls := style
		if i == 0 && len(lines) > 1 {
			ls.Bold = true
		}
		p.label(s, x+inset, ly, w-inset-right, text, p.caption, ls)
		ly += p.captionH
	}
	p.hit(hitItem, x, y, w, h, it.ID, it.Date)
}

func (p *painter) week(c *SessionCalendar, size fyne.Size) {
	from, _ := c.Range()
	gutter := fyne.MeasureText("00:00", p.caption, fyne.TextStyle{}).Width + 14
	headH := p.textH + p.captionH + 14
	weights := [7]float32{1, 1, 1, 1, 1, 0.55, 0.55}
	unit := (size.Width - gutter) / 6.1
	hourH := (size.Height - headH) / (lastHour - firstHour)
	x := gutter
	for i, wt := range weights {
		day := from.AddDays(i)
		w := unit * wt
		if fill := p.dayFill(c, day, true); fill != nil {
			p.rect(x, 0, w, size.Height, fill)
		}
		p.hit(hitDay, x, 0, w, size.Height, 0, day)
		col := p.fg
		if day == c.today {
			col = p.primary
		}
		head := fmt.Sprintf("%s %d", weekdayNames[i], day.Day())
		if day.Day() == 1 {
			head += day.Time().Format(" Jan")
		}
		p.label(head, x+6, 4, w-10, col, p.text, fyne.TextStyle{Bold: true})
		if s, mc, ms := p.markText(c.marks[day]); s != "" {
			p.label(s, x+6, 6+p.textH, w-10, mc, p.caption, ms)
		}
		x += w
	}
	half := mix(p.bg, p.line, 0.45)
	for h := 0; h <= lastHour-firstHour; h++ {
		y := min(headH+float32(h)*hourH, size.Height-1)
		p.rule(gutter-6, y, size.Width, y, p.line)
		if h < lastHour-firstHour {
			p.rule(gutter, y+hourH/2, size.Width, y+hourH/2, half)
			p.label(data.ClockOf(firstHour+h, 0).String(), 4, y+2, gutter-8, p.muted, p.caption, fyne.TextStyle{})
		}
	}
	x = gutter
	for i, wt := range weights {
		p.rule(x, 0, x, size.Height, p.line)
		p.weekDay(c, from.AddDays(i), x, headH, unit*wt, hourH, size.Height)
		x += unit * wt
	}
}

// weekDay places a day's chips by time; overlapping sessions share the column side by side.
func (p *painter) weekDay(c *SessionCalendar, day data.Date, x, top, w, hourH, bottom float32) {
	items := c.items[day]
	lane := make([]int, len(items))
	lanes := make([]int, len(items))
	var ends []data.Clock
	var clusterEnd data.Clock
	start := 0
	closeCluster := func(end int) {
		for j := start; j < end; j++ {
			lanes[j] = len(ends)
		}
	}
	for i, it := range items {
		if i > 0 && it.Start >= clusterEnd {
			closeCluster(i)
			ends, start = ends[:0], i
		}
		end := it.Start.Add(max(it.Minutes, 15))
		l := slices.IndexFunc(ends, func(e data.Clock) bool { return e <= it.Start })
		if l < 0 {
			l = len(ends)
			ends = append(ends, end)
		} else {
			ends[l] = end
		}
		lane[i] = l
		clusterEnd = max(clusterEnd, end)
		if i == start {
			clusterEnd = end
		}
	}
	closeCluster(len(items))
	minH := p.captionH + 6
	for i, it := range items {
		y := top + float32(int(it.Start)-firstHour*60)/60*hourH
		h := max(float32(it.Minutes)/60*hourH, minH)
		y = min(max(y, top), bottom-h)
		lw := (w - 4) / float32(lanes[i])
		when := it.Start.String() + "–" + it.Start.Add(it.Minutes).String()
		if fyne.MeasureText(when, p.caption, fyne.TextStyle{Bold: true}).Width > lw-14 {
			when = it.Start.String()
		}
		lines := append([]string{when}, strings.Split(it.Title, "\n")...)
		if h < 2*p.captionH+6 {
			lines = []string{it.Start.String() + " " + strings.ReplaceAll(it.Title, "\n", " · ")}
		}
		p.chip(c, it, x+2+float32(lane[i])*lw, y+1, lw-2, h-2, lines)
	}
}

// ellipsize cuts s with an ellipsis so it fits width.
func ellipsize(s string, size float32, style fyne.TextStyle, width float32) string {
	if width <= 0 || s == "" {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " ·") + "…"
}

// mix blends b into a by t (0 = a, 1 = b), opaque, so tints look the same on any theme.
func mix(a, b color.Color, t float32) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float32(x)*(1-t) + float32(y)*t) / 257) }
	return color.NRGBA{R: f(ar, br), G: f(ag, bg), B: f(ab, bb), A: 0xff}
}

// contrastText is white on a dark fill and near-black on a light one.
func contrastText(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	if 0.299*float32(r)+0.587*float32(g)+0.114*float32(b) > 0.6*0xffff {
		return color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
	}
	return color.White
}
