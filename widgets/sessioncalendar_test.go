package widgets

import (
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"mentordesk/data"
)

var (
	calToday = data.MustDate("2026-11-22") // a Sunday
	blue     = color.NRGBA{R: 0x1f, G: 0x5f, B: 0xae, A: 0xff}
	green    = color.NRGBA{R: 0x1b, G: 0x7f, B: 0x55, A: 0xff}
)

func calItem(id int64, day string, start string, minutes int, title string) CalendarItem {
	c, _ := data.ParseClock(start)
	return CalendarItem{ID: id, Date: data.MustDate(day), Start: c, Minutes: minutes, Title: title, Colour: blue, Status: "planned"}
}

// shownCalendar puts a calendar in a test window, so it is laid out and tappable.
func shownCalendar(t *testing.T) (*SessionCalendar, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	c := NewSessionCalendar(calToday)
	w := test.NewWindow(c)
	w.Resize(fyne.NewSize(1000, 700))
	t.Cleanup(w.Close)
	return c, w
}

func hitsOf(c *SessionCalendar, kind hitKind) []calendarHit {
	var out []calendarHit
	for _, h := range c.hits {
		if h.kind == kind {
			out = append(out, h)
		}
	}
	return out
}

func calCell(t *testing.T, c *SessionCalendar, d data.Date) calendarHit {
	t.Helper()
	for _, h := range hitsOf(c, hitDay) {
		if h.day == d {
			return h
		}
	}
	t.Fatalf("no cell for %s", d)
	return calendarHit{}
}

func centre(h calendarHit) fyne.Position {
	return h.pos.Add(fyne.NewPos(h.size.Width/2, h.size.Height/2))
}

func inside(p fyne.Position, h calendarHit) bool {
	return p.X >= h.pos.X && p.Y >= h.pos.Y && p.X <= h.pos.X+h.size.Width && p.Y <= h.pos.Y+h.size.Height
}

func TestMonthStartsOnMonday(t *testing.T) {
	c, _ := shownCalendar(t)
	from, through := c.Range()
	if from != data.MustDate("2026-10-26") || through != data.MustDate("2026-12-06") {
		t.Fatalf("November 2026 shows %s to %s; want Monday 2026-10-26 to Sunday 2026-12-06", from, through)
	}
	if c.Title() != "November 2026" {
		t.Errorf("title %q", c.Title())
	}
	cells := hitsOf(c, hitDay)
	if len(cells) != 42 {
		t.Fatalf("%d day cells; want 6 weeks of 7", len(cells))
	}
	first := cells[0]
	for _, h := range cells[1:] {
		if h.pos.Y < first.pos.Y || (h.pos.Y == first.pos.Y && h.pos.X < first.pos.X) {
			first = h
		}
	}
	if first.day != from || first.day.Weekday().String() != "Monday" {
		t.Errorf("top-left cell is %s (%s); want Monday %s", first.day, first.day.Weekday(), from)
	}
	// 2027-02 starts on a Monday and fills exactly four weeks.
	c.ShowDate(data.MustDate("2027-02-10"))
	if f, th := c.Range(); f != data.MustDate("2027-02-01") || th != data.MustDate("2027-02-28") {
		t.Errorf("February 2027 shows %s to %s", f, th)
	}
}

func TestChipsAppearOnTheirDay(t *testing.T) {
	c, _ := shownCalendar(t)
	items := []CalendarItem{
		calItem(1, "2026-11-03", "08:00", 50, "Mensah\nSymphonic Band"),
		calItem(2, "2026-11-03", "09:40", 50, "Mensah\nWind Ensemble"),
		calItem(3, "2026-11-24", "12:30", 50, "Chen\nTreble Choir"),
		calItem(4, "2026-12-02", "10:00", 50, "Kim\nOrchestra"), // the grid's trailing week
	}
	c.SetItems(items)
	chips := hitsOf(c, hitItem)
	if len(chips) != len(items) {
		t.Fatalf("%d chips drawn; want %d", len(chips), len(items))
	}
	for _, ch := range chips {
		var it CalendarItem
		for _, x := range items {
			if x.ID == ch.id {
				it = x
			}
		}
		if !inside(centre(ch), calCell(t, c, it.Date)) {
			t.Errorf("chip %d is not inside the cell of %s", ch.id, it.Date)
		}
	}
	if got := c.ItemsOn(data.MustDate("2026-11-03")); len(got) != 2 || got[0].ID != 1 {
		t.Errorf("3 November holds %v; want sessions 1 then 2 by start", got)
	}
}

func TestNavigationReportsTheVisibleRange(t *testing.T) {
	c, _ := shownCalendar(t)
	var ranges [][2]data.Date
	c.OnRangeChanged = func(from, through data.Date) { ranges = append(ranges, [2]data.Date{from, through}) }
	c.Next()
	c.Prev()
	c.Prev()
	c.GoToday()
	c.SetView(WeekView)
	c.Next()
	want := [][2]data.Date{
		{data.MustDate("2026-11-30"), data.MustDate("2027-01-03")}, // December
		{data.MustDate("2026-10-26"), data.MustDate("2026-12-06")}, // November
		{data.MustDate("2026-09-28"), data.MustDate("2026-11-01")}, // October
		{data.MustDate("2026-10-26"), data.MustDate("2026-12-06")}, // today's month
		{data.MustDate("2026-11-16"), data.MustDate("2026-11-22")}, // today's week
		{data.MustDate("2026-11-23"), data.MustDate("2026-11-29")},
	}
	if len(ranges) != len(want) {
		t.Fatalf("OnRangeChanged called %d times (%v); want %d", len(ranges), ranges, len(want))
	}
	for i := range want {
		if ranges[i] != want[i] {
			t.Errorf("change %d: %s–%s; want %s–%s", i+1, ranges[i][0], ranges[i][1], want[i][0], want[i][1])
		}
	}
	if c.Title() != "23 – 29 November 2026" {
		t.Errorf("week title %q", c.Title())
	}
	c.ShowDate(data.MustDate("2026-12-01"))
	if c.Title() != "30 November – 6 December 2026" {
		t.Errorf("week across months titled %q", c.Title())
	}
	n := len(ranges)
	c.ShowDate(data.MustDate("2026-12-03")) // same week
	if len(ranges) != n {
		t.Error("OnRangeChanged called although the range did not change")
	}
}

func TestKeyboardMovesBetweenPeriods(t *testing.T) {
	c, w := shownCalendar(t)
	test.TapAt(c, centre(calCell(t, c, data.MustDate("2026-11-10"))))
	if w.Canvas().Focused() != c {
		t.Fatal("tapping the calendar does not focus it, so keys would go elsewhere")
	}
	key := func(k fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyRight)
	if c.Title() != "December 2026" {
		t.Errorf("Right shows %q; want December 2026", c.Title())
	}
	key(fyne.KeyPageUp)
	key(fyne.KeyPageUp)
	if c.Title() != "October 2026" {
		t.Errorf("PageUp twice shows %q; want October 2026", c.Title())
	}
	key(fyne.KeyPageDown)
	key(fyne.KeyLeft)
	if c.Title() != "October 2026" {
		t.Errorf("PageDown, Left shows %q", c.Title())
	}
	test.Type(c, "w")
	if c.View() != WeekView {
		t.Fatal("w does not switch to the week")
	}
	key(fyne.KeyHome)
	key(fyne.KeyLeft)
	if from, _ := c.Range(); from != data.MustDate("2026-11-09") {
		t.Errorf("Home, Left in the week view starts %s; want 2026-11-09", from)
	}
}

func TestTappingAChipCallsBackWithItsID(t *testing.T) {
	c, _ := shownCalendar(t)
	c.SetItems([]CalendarItem{calItem(41, "2026-11-12", "08:00", 50, "Peña\nJazz Band"), calItem(42, "2026-11-12", "09:00", 50, "Peña\n7th Grade Band")})
	var tapped int64
	var day data.Date
	c.OnItemTapped = func(id int64) { tapped = id }
	c.OnDayTapped = func(d data.Date) { day = d }
	for _, ch := range hitsOf(c, hitItem) {
		if ch.id == 42 {
			test.TapAt(c, centre(ch))
		}
	}
	if tapped != 42 {
		t.Fatalf("tapping chip 42 reported %d", tapped)
	}
	if !day.IsZero() {
		t.Error("tapping a chip also tapped its day")
	}
	cell := calCell(t, c, data.MustDate("2026-11-13"))
	test.TapAt(c, cell.pos.Add(fyne.NewPos(cell.size.Width/2, cell.size.Height-4)))
	if day != data.MustDate("2026-11-13") {
		t.Errorf("tapping an empty part of 13 November reported day %s", day)
	}
	c.SetView(WeekView)
	c.ShowDate(data.MustDate("2026-11-12"))
	tapped = 0
	for _, ch := range hitsOf(c, hitItem) {
		if ch.id == 41 {
			test.TapAt(c, centre(ch))
		}
	}
	if tapped != 41 {
		t.Errorf("tapping chip 41 in the week view reported %d", tapped)
	}
}

func TestConflictsAndCancellationsAreDrawnApart(t *testing.T) {
	c, _ := shownCalendar(t)
	clash := calItem(7, "2026-11-05", "08:00", 50, "Adeyemi\nSymphonic Band")
	clash.Conflict = true
	gone := calItem(8, "2026-11-05", "10:00", 50, "Kahananui\n6th Grade Band")
	gone.Status = "cancelled"
	c.SetItems([]CalendarItem{clash, gone, calItem(9, "2026-11-05", "12:00", 50, "Chen\nTreble Choir")})
	red := theme.Color(theme.ColorNameError)
	chipRect := func(id int64) *canvas.Rectangle {
		for _, h := range hitsOf(c, hitItem) {
			if h.id != id {
				continue
			}
			for _, o := range test.WidgetRenderer(c).Objects() {
				if r, ok := o.(*canvas.Rectangle); ok && r.Position() == h.pos && r.Size() == h.size {
					return r
				}
			}
		}
		t.Fatalf("no chip for %d", id)
		return nil
	}
	if r := chipRect(7); r.StrokeColor != red || r.StrokeWidth < 2 {
		t.Errorf("conflicting chip outline %v width %v; want the error colour", r.StrokeColor, r.StrokeWidth)
	}
	if r := chipRect(9); r.StrokeColor == red {
		t.Error("a chip without conflict is outlined in red")
	}
	struck := false
	for _, o := range test.WidgetRenderer(c).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.TextStyle.Strikethrough {
			struck = true
		}
	}
	if !struck {
		t.Error("the cancelled session is not struck through")
	}
}

func TestCrowdedDayShowsMoreAndOpensItsWeek(t *testing.T) {
	c, _ := shownCalendar(t)
	var items []CalendarItem
	for i := range 12 {
		items = append(items, calItem(int64(100+i), "2026-11-18", data.ClockOf(7+i/2, 30*(i%2)).String(), 25, "Someone\nRoom"))
	}
	c.SetItems(items)
	more := hitsOf(c, hitMore)
	if len(more) != 1 || more[0].day != data.MustDate("2026-11-18") {
		t.Fatalf("want one '+N more' on 18 November, got %v", more)
	}
	if n := len(hitsOf(c, hitItem)); n == 0 || n >= 12 {
		t.Errorf("%d of 12 chips drawn in one cell", n)
	}
	test.TapAt(c, centre(more[0]))
	if c.View() != WeekView {
		t.Fatal("tapping '+N more' does not open the week")
	}
	if n := len(hitsOf(c, hitItem)); n != 12 {
		t.Errorf("the week shows %d of the day's 12 sessions", n)
	}
}

func TestWeekPlacesChipsByTime(t *testing.T) {
	c, _ := shownCalendar(t)
	c.SetView(WeekView)
	c.ShowDate(data.MustDate("2026-11-24"))
	c.SetItems([]CalendarItem{
		calItem(1, "2026-11-24", "08:00", 50, "Mensah\nSymphonic Band"),
		calItem(2, "2026-11-24", "10:00", 50, "Mensah\nWind Ensemble"),
		calItem(3, "2026-11-24", "10:20", 50, "Chen\nTreble Choir"), // overlaps 2
	})
	pos := map[int64]calendarHit{}
	for _, h := range hitsOf(c, hitItem) {
		pos[h.id] = h
	}
	if !(pos[1].pos.Y < pos[2].pos.Y) {
		t.Error("08:00 is not above 10:00")
	}
	if pos[2].pos.X == pos[3].pos.X || pos[2].size.Width > pos[1].size.Width*0.6 {
		t.Error("overlapping sessions are not side by side")
	}
	if span := pos[2].pos.Y - pos[1].pos.Y; math.Abs(float64(pos[1].size.Height-span*50/120)) > 3 {
		t.Errorf("a 50-minute chip is %v high while two hours span %v", pos[1].size.Height, pos[2].pos.Y-pos[1].pos.Y)
	}
	if !inside(centre(pos[1]), calCell(t, c, data.MustDate("2026-11-24"))) {
		t.Error("the chip is not in Tuesday's column")
	}
}

// TestRenderSessionCalendar writes both views to PNGs for a look (MENTORDESK_SCREENSHOTS).
func TestRenderSessionCalendar(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the widget's views")
	}
	c, w := shownCalendar(t)
	clash := calItem(5, "2026-11-24", "10:00", 50, "Chen\nTreble Choir")
	clash.Conflict = true
	done := calItem(6, "2026-11-20", "08:00", 50, "Adeyemi\nSymphonic Band")
	done.Status, done.Colour = "completed", green
	ok := calItem(7, "2026-11-05", "08:00", 50, "Adeyemi\nSymphonic Band")
	ok.Status = "confirmed"
	gone := calItem(8, "2026-11-19", "13:15", 50, "Kim\nElementary Orchestra")
	gone.Status = "cancelled"
	c.SetItems([]CalendarItem{calItem(1, "2026-11-24", "08:00", 50, "Mensah\nSymphonic Band"), calItem(2, "2026-11-24", "09:40", 50, "Mensah\nWind Ensemble"),
		calItem(3, "2026-11-24", "13:15", 50, "Mensah\nJazz Band"), calItem(4, "2026-11-24", "10:20", 50, "Kim\nOrchestra"), clash, done, ok, gone})
	c.SetMarks([]CalendarMark{{Date: data.MustDate("2026-11-26"), Text: "Thanksgiving", Kind: NoSchoolMark},
		{Date: data.MustDate("2026-11-20"), Text: "End of first trimester", Kind: TermMark},
		{Date: data.MustDate("2026-12-02"), Text: "Winter Concert", Kind: EventMark}})
	write := func(name string) {
		os.MkdirAll(dir, 0o755)
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		png.Encode(f, w.Canvas().Capture())
	}
	write("widget-month.png")
	c.SetView(WeekView)
	c.ShowDate(data.MustDate("2026-11-24"))
	write("widget-week.png")
}

// BenchmarkSessionCalendarMonth draws a month of a large organisation: 1,700 sessions over
// the six weeks shown, as many as a 150,000-session database holds there.
func BenchmarkSessionCalendarMonth(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(theme.LightTheme())
	c := NewSessionCalendar(calToday)
	w := test.NewWindow(c)
	w.Resize(fyne.NewSize(1000, 700))
	defer w.Close()
	from, _ := c.Range()
	items := make([]CalendarItem, 1700)
	for i := range items {
		items[i] = calItem(int64(i+1), from.AddDays(i%42).String(), data.ClockOf(7+i%9, 5*(i%12)).String(), 50, fmt.Sprintf("Mentor %d\nBand %d\nSchool %d", i%1000, i%1500, i%300))
		items[i].Conflict = i%50 == 0
	}
	for b.Loop() {
		c.SetContent(items, nil)
	}
}
