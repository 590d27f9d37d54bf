package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mentordesk/data"
)

func newTestGrid(t *testing.T, day string) (*MonthGrid, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	g := NewMonthGrid(data.MustDate(day))
	w := test.NewWindow(g)
	w.Resize(fyne.NewSize(700, 520))
	t.Cleanup(w.Close)
	return g, w
}

// cellOf finds the cell showing d.
func cellOf(t *testing.T, g *MonthGrid, d data.Date) *dayCell {
	t.Helper()
	for _, c := range g.cells {
		if c.date == d {
			return c
		}
	}
	t.Fatalf("%s is not shown in %s", d, g.title.Text)
	return nil
}

func TestMonthGridLaysOutMondayFirst(t *testing.T) {
	g, _ := newTestGrid(t, "2026-11-22")
	if g.title.Text != "November 2026" {
		t.Errorf("title %q, want November 2026", g.title.Text)
	}
	// 1 November 2026 is a Sunday: the seventh column of the first row.
	for i := 0; i < 6; i++ {
		if !g.cells[i].date.IsZero() {
			t.Errorf("cell %d shows %s before the 1st", i, g.cells[i].date)
		}
	}
	if g.cells[6].date != data.MustDate("2026-11-01") || g.cells[7].date != data.MustDate("2026-11-02") {
		t.Errorf("first week: cell 6 %s, cell 7 %s", g.cells[6].date, g.cells[7].date)
	}
	if g.cells[7].Position().X >= g.cells[6].Position().X || g.cells[7].Position().Y <= g.cells[6].Position().Y {
		t.Error("Monday 2 November is not at the start of the second row")
	}
	if last := g.cells[35].date; last != data.MustDate("2026-11-30") {
		t.Errorf("cell 35 shows %s, want Monday 30 November", last)
	}
}

func TestMonthGridNavigatesWithButtons(t *testing.T) {
	g, _ := newTestGrid(t, "2027-01-31")
	var changed []data.Date
	g.OnMonthChanged = func(first data.Date) { changed = append(changed, first) }
	test.Tap(g.next)
	if g.Month() != data.MustDate("2027-02-01") || g.title.Text != "February 2027" {
		t.Fatalf("after next: month %s, title %q", g.Month(), g.title.Text)
	}
	if g.Cursor() != data.MustDate("2027-02-28") {
		t.Errorf("cursor on 31 January moved to %s, want 28 February", g.Cursor())
	}
	test.Tap(g.prev)
	test.Tap(g.prev)
	if g.Month() != data.MustDate("2026-12-01") {
		t.Errorf("two months back: %s", g.Month())
	}
	want := []string{"2027-02-01", "2027-01-01", "2026-12-01"}
	if len(changed) != len(want) {
		t.Fatalf("OnMonthChanged called %d times, want %d", len(changed), len(want))
	}
	for i, w := range want {
		if changed[i].String() != w {
			t.Errorf("change %d: %s, want %s", i, changed[i], w)
		}
	}
}

func TestMonthGridShowsMarks(t *testing.T) {
	g, _ := newTestGrid(t, "2026-11-01")
	red := color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	yellow := color.NRGBA{R: 0xff, G: 0xe0, B: 0x82, A: 0xff}
	marks := map[data.Date]DayMark{
		data.MustDate("2026-11-11"): {Color: red, Label: "Veterans Day"},
		data.MustDate("2026-11-26"): {Color: yellow, Label: "Thanksgiving"},
	}
	g.SetMarks(marks)
	delete(marks, data.MustDate("2026-11-11"))
	if _, ok := g.Mark(data.MustDate("2026-11-11")); !ok {
		t.Error("the grid shares the caller's map: deleting from it removed a mark")
	}
	vet := test.WidgetRenderer(cellOf(t, g, data.MustDate("2026-11-11"))).(*dayCellRenderer)
	if vet.bg.FillColor != red || vet.fullLabel != "Veterans Day" || vet.num.Text != "11" {
		t.Errorf("11 November: fill %v, label %q, number %q", vet.bg.FillColor, vet.fullLabel, vet.num.Text)
	}
	if vet.num.Color != color.White {
		t.Error("text on a dark mark is not white")
	}
	if tg := test.WidgetRenderer(cellOf(t, g, data.MustDate("2026-11-26"))).(*dayCellRenderer); tg.num.Color != color.Black {
		t.Error("text on a light mark is not black")
	}
	plain := test.WidgetRenderer(cellOf(t, g, data.MustDate("2026-11-12"))).(*dayCellRenderer)
	if plain.bg.FillColor != color.Transparent || plain.fullLabel != "" {
		t.Errorf("12 November is unmarked but shows %v %q", plain.bg.FillColor, plain.fullLabel)
	}
	g.SetMarks(nil)
	if vet.bg.FillColor != color.Transparent {
		t.Error("clearing the marks left 11 November coloured")
	}
}

func TestMonthGridTruncatesLongLabels(t *testing.T) {
	g, _ := newTestGrid(t, "2026-11-01")
	g.Resize(fyne.NewSize(420, 360))
	g.SetMarks(map[data.Date]DayMark{data.MustDate("2026-11-27"): {Color: color.White, Label: "Native American Heritage Day"}})
	cell := cellOf(t, g, data.MustDate("2026-11-27"))
	r := test.WidgetRenderer(cell).(*dayCellRenderer)
	if r.label.Text == r.fullLabel || r.label.MinSize().Width > cell.Size().Width {
		t.Errorf("label %q (%.0f wide) not shortened to the cell's %.0f", r.label.Text, r.label.MinSize().Width, cell.Size().Width)
	}
}

func TestMonthGridTapCallsBackWithTheDay(t *testing.T) {
	g, w := newTestGrid(t, "2026-11-22")
	var got data.Date
	g.OnDayTapped = func(d data.Date) { got = d }
	test.Tap(cellOf(t, g, data.MustDate("2026-11-11")))
	if got != data.MustDate("2026-11-11") {
		t.Fatalf("tapping 11 November called back with %s", got)
	}
	if g.Cursor() != got || w.Canvas().Focused() != g {
		t.Errorf("after the tap: cursor %s, focused %v", g.Cursor(), w.Canvas().Focused())
	}
	got = 0
	test.Tap(g.cells[0]) // before the 1st: an empty cell
	if got != 0 {
		t.Errorf("tapping an empty cell called back with %s", got)
	}
}

func TestMonthGridKeyboard(t *testing.T) {
	g, w := newTestGrid(t, "2026-11-02")
	w.Canvas().Focus(g)
	var tapped data.Date
	g.OnDayTapped = func(d data.Date) { tapped = d }
	key := func(name fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name}) }

	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	if g.Cursor() != data.MustDate("2026-10-31") || g.Month() != data.MustDate("2026-10-01") {
		t.Fatalf("two days left of 2 November: cursor %s, month %s", g.Cursor(), g.Month())
	}
	key(fyne.KeyRight)
	if g.Month() != data.MustDate("2026-11-01") {
		t.Errorf("right from 31 October shows %s", g.Month())
	}
	key(fyne.KeyDown)
	if g.Cursor() != data.MustDate("2026-11-08") {
		t.Errorf("down a week from 1 November: %s", g.Cursor())
	}
	key(fyne.KeyPageDown)
	if g.Month() != data.MustDate("2026-12-01") || g.Cursor() != data.MustDate("2026-12-08") {
		t.Errorf("page down: month %s, cursor %s", g.Month(), g.Cursor())
	}
	key(fyne.KeyPageUp)
	key(fyne.KeyPageUp)
	if g.Month() != data.MustDate("2026-10-01") {
		t.Errorf("two pages up from December: %s", g.Month())
	}
	key(fyne.KeyEnd)
	if g.Cursor() != data.MustDate("2026-10-31") {
		t.Errorf("End: %s", g.Cursor())
	}
	if tapped != 0 {
		t.Errorf("moving the cursor tapped %s", tapped)
	}
	key(fyne.KeyHome)
	key(fyne.KeyReturn)
	if tapped != data.MustDate("2026-10-01") {
		t.Errorf("Home then Return tapped %s, want 1 October", tapped)
	}
	test.Type(g, " ")
	if tapped != data.MustDate("2026-10-01") {
		t.Errorf("Space tapped %s", tapped)
	}
	r := test.WidgetRenderer(cellOf(t, g, data.MustDate("2026-10-01"))).(*dayCellRenderer)
	if r.ring.StrokeWidth != 3 {
		t.Errorf("the focused cursor's ring is %.0f wide, want 3", r.ring.StrokeWidth)
	}
	w.Canvas().Unfocus()
	if r.ring.StrokeWidth != 2 {
		t.Errorf("unfocused cursor ring %.0f wide, want 2", r.ring.StrokeWidth)
	}
}
