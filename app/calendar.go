package app

// newCalendarArea opens the Calendar area.
func newCalendarArea(d deps) screen { return newPending(d, "Calendar", calendarPending) }
