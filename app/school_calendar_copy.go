package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// onCopyFrom copies the no-school days of another calendar into the one being edited (a
// district's holidays are mostly its neighbour's); they are saved with the calendar's Save, so
// Revert takes them back.
func (c *calendarEditor) onCopyFrom() {
	var names []string
	for _, o := range c.cals {
		if o.ID != c.cal.ID && len(o.Days) > 0 {
			names = append(names, o.Name)
		}
	}
	if c.cal.ID == 0 || len(names) == 0 {
		dialog.ShowInformation("Copy no-school days", "There is no other calendar with days to copy from.", c.d.win)
		return
	}
	from := widget.NewSelect(names, nil)
	from.SetSelectedIndex(0)
	c.copyFrom = from
	c.copyAsk = dialog.NewCustomConfirm("Copy no-school days", "Copy", "Cancel", container.NewVBox(
		hintLabel(fmt.Sprintf("The no-school days of the calendar chosen are added to %s, with their names. Days it marks already stay as they are. Nothing is saved until you press Save calendar.", c.cal.Name)),
		widget.NewForm(widget.NewFormItem("From", from))), func(ok bool) {
		if ok {
			c.copyNoSchoolDays(from.Selected)
		}
	}, c.d.win)
	c.copyAsk.Resize(fyne.NewSize(520, 0))
	c.copyAsk.Show()
}

// copyNoSchoolDays adds the other calendar's no-school days not marked here yet.
func (c *calendarEditor) copyNoSchoolDays(name string) {
	added := 0
	for _, o := range c.cals {
		if o.Name != name {
			continue
		}
		for _, d := range o.Days {
			k := dayKey{d.Date, data.NoSchool}
			if _, there := c.days[k]; d.Kind == data.NoSchool && !there {
				c.days[k] = d.Label
				added++
			}
		}
	}
	c.note = fmt.Sprintf("%s copied from %s: press Save calendar to keep them.", plural(added, "no-school day", "no-school days"), name)
	c.edited()
	c.status.SetText(c.note)
}
