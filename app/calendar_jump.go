package app

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// monthJump picks a month and a year and shows that month at once: ten years back or two ahead
// are a click away instead of a hundred presses of the arrow.
type monthJump struct {
	month, year *widget.Select
	years       []int
	show        func(data.Date)
	quiet       bool
}

func newMonthJump(today data.Date, show func(data.Date)) *monthJump {
	j := &monthJump{show: show}
	t := today.Time()
	months := make([]string, 12)
	for i := range months {
		months[i] = time.Month(i + 1).String()
	}
	var years []string
	for y := t.Year() - 10; y <= t.Year()+2; y++ {
		j.years = append(j.years, y)
		years = append(years, fmt.Sprint(y))
	}
	j.month = widget.NewSelect(months, func(string) { j.jump() })
	j.year = widget.NewSelect(years, func(string) { j.jump() })
	j.set(today)
	return j
}

func (j *monthJump) ui() fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel("Go to"), j.month, j.year)
}

// set shows the month of d in the pickers without moving the calendar.
func (j *monthJump) set(d data.Date) {
	t := d.Time()
	j.quiet = true
	defer func() { j.quiet = false }()
	j.month.SetSelectedIndex(int(t.Month()) - 1)
	if i := slices.Index(j.years, t.Year()); i >= 0 {
		j.year.SetSelectedIndex(i)
	}
}

func (j *monthJump) jump() {
	if j.quiet || j.month.SelectedIndex() < 0 || j.year.SelectedIndex() < 0 {
		return
	}
	j.show(data.DateFromTime(time.Date(j.years[j.year.SelectedIndex()], time.Month(j.month.SelectedIndex()+1), 1, 0, 0, 0, 0, time.UTC)))
}
