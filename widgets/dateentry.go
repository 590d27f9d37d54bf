// Package widgets holds MentorDesk's reusable Fyne widgets. They take plain values and
// callbacks and never open the database.
package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

var (
	_ fyne.Widget      = (*DateEntry)(nil)
	_ fyne.Validatable = (*DateEntry)(nil)
)

// DateEntry is a text entry for a date typed as YYYY-MM-DD, checked by data.ParseDate as it is
// typed, with a button that opens a month calendar to pick the day instead.
type DateEntry struct {
	widget.Entry

	// Optional accepts an empty entry as "no date".
	Optional bool

	button *widget.Button
	popUp  *widget.PopUp
}

// NewDateEntry makes a date entry; optional says whether it may be left empty.
func NewDateEntry(optional bool) *DateEntry {
	e := &DateEntry{Optional: optional}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("YYYY-MM-DD")
	// No Entry.Validator: its ✓ went stale while a date was typed and contradicted the form's
	// line below, which says what is wrong. Validate still checks the text.
	e.button = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.ShowCalendar)
	e.button.Importance = widget.LowImportance
	e.ActionItem = e.button
	return e
}

func (e *DateEntry) parse(s string) (data.Date, error) {
	if e.Optional {
		return data.ParseOptionalDate(s)
	}
	return data.ParseDate(s)
}

// Validate says why the text is not a date, or nil.
func (e *DateEntry) Validate() error {
	_, err := e.parse(e.Text)
	return err
}

// Date is the date typed, zero when the optional entry is empty, or the reason the text is
// not a date.
func (e *DateEntry) Date() (data.Date, error) { return e.parse(e.Text) }

// SetDate shows d (zero empties the entry).
func (e *DateEntry) SetDate(d data.Date) { e.SetText(d.String()) }

// ShowCalendar opens the month calendar under the entry, at the date typed or today.
func (e *DateEntry) ShowCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start := time.Now()
	if d, err := e.Date(); err == nil && !d.IsZero() {
		start = d.Time()
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		e.SetDate(data.DateFromTime(t))
		if e.popUp != nil {
			e.popUp.Hide()
			e.popUp = nil
		}
	})
	e.popUp = widget.NewPopUp(cal, c)
	e.popUp.ShowAtPosition(calendarPosition(fyne.CurrentApp().Driver().AbsolutePositionForObject(e), e.Size(), e.popUp.MinSize(), c.Size()))
}

// calendarPosition puts the calendar under the entry, or above it when the window's bottom edge
// would cut it off, and inside the window's right edge.
func calendarPosition(entry fyne.Position, entrySize, cal, window fyne.Size) fyne.Position {
	pos := entry.Add(fyne.NewPos(0, entrySize.Height))
	if pos.Y+cal.Height > window.Height && entry.Y-cal.Height >= 0 {
		pos.Y = entry.Y - cal.Height
	} else if pos.Y+cal.Height > window.Height {
		pos.Y = max(0, window.Height-cal.Height)
	}
	if pos.X+cal.Width > window.Width {
		pos.X = max(0, window.Width-cal.Width)
	}
	return pos
}

// CalendarShown reports whether the calendar pop-up is open.
func (e *DateEntry) CalendarShown() bool { return e.popUp != nil && e.popUp.Visible() }

// MinSize is wide enough for a date and the calendar button.
func (e *DateEntry) MinSize() fyne.Size {
	min := e.Entry.MinSize()
	return min.Max(fyne.NewSize(150, 0))
}
