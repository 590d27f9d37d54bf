package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// yearSummary says how the calendar shapes school year y: its first and last day, school days
// and terms, and what looks wrong.
func yearSummary(cal data.Calendar, y data.SchoolYear, start data.MonthDay) string {
	from, through := y.Bounds(start)
	count := map[data.DayKind][]data.Date{}
	for _, d := range cal.Days {
		if d.Date >= from && d.Date <= through {
			count[d.Kind] = append(count[d.Kind], d.Date)
		}
	}
	var warn []string
	for _, k := range []data.DayKind{data.FirstDay, data.LastDay} {
		if n := len(count[k]); n > 1 {
			warn = append(warn, fmt.Sprintf("%d days are marked %s; keep one.", n, strings.ToLower(dayKindLooks[k].Label)))
		}
	}
	span := cal.Years(start)[y]
	if span == nil {
		return strings.Join(append([]string{"Mark the first and the last day of school to see this year's school days and terms."}, warn...), "\n")
	}
	if span.Last < span.First {
		return strings.Join(append([]string{fmt.Sprintf("The last day (%s) comes before the first day (%s).", span.Last.Short(), span.First.Short())}, warn...), "\n")
	}
	schoolDays := func(a, b data.Date) int {
		n := 0
		for d := a; d <= b; d++ {
			if ok, _ := cal.IsSchoolDay(d, start); ok {
				n++
			}
		}
		return n
	}
	lines := []string{
		"First day: " + span.First.Long(),
		"Last day: " + span.Last.Long(),
		fmt.Sprintf("%s, %s marked", plural(schoolDays(span.First, span.Last), "school day", "school days"), plural(len(span.NoSchool), "no-school day", "no-school days")),
	}
	ends := append([]data.Date(nil), span.TermEnds...)
	sort.Slice(ends, func(i, j int) bool { return ends[i] < ends[j] })
	from = span.First
	term := 0
	for _, e := range ends {
		if e < span.First || e > span.Last {
			warn = append(warn, fmt.Sprintf("The term end %s lies outside the school year (%s – %s).", e.Short(), span.First.Short(), span.Last.Short()))
			continue
		}
		term++
		lines = append(lines, fmt.Sprintf("Term %d: %s – %s, %d school days", term, from.Short(), e.Short(), schoolDays(from, e)))
		from = e.AddDays(1)
	}
	if from <= span.Last {
		term++
		lines = append(lines, fmt.Sprintf("Term %d: %s – %s, %d school days (no term end marked)", term, from.Short(), span.Last.Short(), schoolDays(from, span.Last)))
	}
	return strings.Join(append(lines, warn...), "\n")
}

// calendarNameProblem checks a new calendar name with data's rule and against the others.
func (c *calendarEditor) calendarNameProblem(name string, except int64) error {
	name = strings.TrimSpace(name)
	if p := errProblems(data.CalendarDay{Calendar: name, Date: 1, Kind: data.FirstDay}.Validate()).For("calendar"); p != "" {
		return fmt.Errorf("%s", p)
	}
	for _, x := range c.cals {
		if x.ID != except && strings.EqualFold(x.Name, name) {
			return fmt.Errorf("%q is already a calendar", x.Name)
		}
	}
	return nil
}

func (c *calendarEditor) onNew() {
	c.askName("New school calendar", "Create", "", 0, func(name string) {
		saveInBackground(c.work, c.d, nil, c.status, func(ctx context.Context) error {
			_, err := c.store.CreateCalendar(ctx, name)
			return err
		}, func() {
			c.pending = name
			c.note = "Created the calendar " + name + ": tap its first day of school to begin."
			c.afterNames()
		}, func(bool) {})
	})
}

func (c *calendarEditor) onRename() {
	if c.cal.ID == 0 {
		return
	}
	id, old := c.cal.ID, c.cal.Name
	c.askName("Rename "+old, "Rename", old, id, func(name string) {
		saveInBackground(c.work, c.d, nil, c.status, func(ctx context.Context) error {
			return c.store.RenameCalendar(ctx, id, name)
		}, func() {
			c.pending, c.cal.Name = name, name
			c.note = "Renamed " + old + " to " + name + "."
			c.afterNames()
		}, func(bool) {})
	})
}

// afterNames reloads everything that shows calendar names.
func (c *calendarEditor) afterNames() {
	if c.onCalendarsChanged != nil {
		c.onCalendarsChanged()
	} else {
		c.reload()
	}
}

// askName asks for a calendar name, checked as it is typed; a new one may wait on unsaved edits.
func (c *calendarEditor) askName(title, confirm, initial string, except int64, then func(string)) {
	ask := func() {
		var dlg dialog.Dialog
		e := widget.NewEntry()
		e.SetPlaceHolder("like Seattle Public Schools")
		problem := widget.NewLabel("")
		problem.Importance, problem.SizeName = widget.DangerImportance, theme.SizeNameCaptionText
		ok := widget.NewButton(confirm, func() {
			if c.calendarNameProblem(e.Text, except) == nil {
				dlg.Hide()
				then(strings.TrimSpace(e.Text))
			}
		})
		ok.Importance = widget.HighImportance
		e.Validator = func(s string) error { return c.calendarNameProblem(s, except) }
		e.AlwaysShowValidationError = true
		e.SetOnValidationChanged(func(err error) {
			problem.SetText("")
			if err != nil && e.Text != "" {
				problem.SetText(err.Error())
			}
			if err != nil {
				ok.Disable()
			} else {
				ok.Enable()
			}
		})
		e.SetText(initial)
		e.Validate()
		e.OnSubmitted = func(string) { ok.OnTapped() }
		cancel := widget.NewButton("Cancel", func() { dlg.Hide() })
		form := container.New(layout.NewFormLayout(), widget.NewLabel("Name"), container.NewVBox(e, problem))
		dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, container.NewHBox(layout.NewSpacer(), cancel, ok)), c.d.win)
		dlg.Resize(fyne.NewSize(440, 180))
		dlg.Show()
		c.d.win.Canvas().Focus(e)
	}
	if !c.dirty() {
		ask()
		return
	}
	askUnsaved(c.d.win, c.what(), c.save, c.discard, ask, func() {})
}
