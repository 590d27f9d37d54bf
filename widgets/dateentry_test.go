package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

func TestDateEntry(t *testing.T) {
	test.NewTempApp(t)

	t.Run("a typed date is read with data.ParseDate", func(t *testing.T) {
		e := NewDateEntry(false)
		test.Type(e, "2026-02-10")
		d, err := e.Date()
		if err != nil || d != data.MustDate("2026-02-10") {
			t.Fatalf("Date() = %v, %v", d, err)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("Validate() = %v", err)
		}
	})

	for _, c := range []struct{ text, want string }{
		{"2026-2-10", "is not a date (YYYY-MM-DD)"},
		{"2026-02-30", "is not a real date"},
		{"10/02/2026", "is not a date"},
		{"", "is not a date"},
	} {
		t.Run("refuses "+c.text, func(t *testing.T) {
			e := NewDateEntry(false)
			e.SetText(c.text)
			err := e.Validate()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Validate() on %q = %v, want %q", c.text, err, c.want)
			}
			if _, err := e.Date(); err == nil {
				t.Errorf("Date() on %q gave no error", c.text)
			}
		})
	}

	t.Run("an optional entry may stay empty", func(t *testing.T) {
		e := NewDateEntry(true)
		if d, err := e.Date(); err != nil || !d.IsZero() {
			t.Errorf("empty optional: Date() = %v, %v", d, err)
		}
		e.SetDate(data.MustDate("2024-09-01"))
		if e.Text != "2024-09-01" {
			t.Errorf("SetDate shows %q", e.Text)
		}
		e.SetDate(0)
		if e.Text != "" {
			t.Errorf("SetDate(0) shows %q", e.Text)
		}
	})

	t.Run("the calendar pop-up sets the day picked", func(t *testing.T) {
		e := NewDateEntry(false)
		e.SetText("2026-02-10")
		w := test.NewWindow(e)
		w.Resize(fyne.NewSize(400, 400))
		defer w.Close()
		test.Tap(e.button)
		if !e.CalendarShown() {
			t.Fatal("the calendar did not open")
		}
		// The calendar opens on the month typed; its day buttons are labelled 1 to 28 here.
		var day *widget.Button
		walk(e.popUp.Content, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "17" {
				day = b
			}
		})
		if day == nil {
			t.Fatal("no button for the 17th in the calendar")
		}
		test.Tap(day)
		if e.Text != "2026-02-17" || e.CalendarShown() {
			t.Errorf("after picking the 17th: text %q, calendar shown %v", e.Text, e.CalendarShown())
		}
	})
}

// walk visits o and everything rendered inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

func TestDateEntryCalendarStaysInsideTheWindow(t *testing.T) {
	cal, win, entry := fyne.NewSize(280, 300), fyne.NewSize(1000, 700), fyne.NewSize(160, 36)
	cases := []struct {
		name string
		at   fyne.Position
		want fyne.Position
	}{
		{"under an entry with room below", fyne.NewPos(100, 100), fyne.NewPos(100, 136)},
		{"above an entry near the bottom edge", fyne.NewPos(100, 600), fyne.NewPos(100, 300)},
		{"inside the right edge", fyne.NewPos(900, 100), fyne.NewPos(720, 136)},
	}
	for _, c := range cases {
		if got := calendarPosition(c.at, entry, cal, win); got != c.want {
			t.Errorf("%s: at %v; want %v", c.name, got, c.want)
		}
	}
}

func TestDateEntryShowsNoTickBesideAWrongDate(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateEntry(false)
	if e.Validator != nil {
		t.Error("the entry draws its own ✓, which went stale while a date was typed")
	}
	test.Type(e, "2026-02-30")
	if err := e.Validate(); err == nil || !strings.Contains(err.Error(), "not a real date") {
		t.Errorf("Validate() = %v", err)
	}
}
