package widgets

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

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
