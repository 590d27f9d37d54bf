package sqlite

import (
	"slices"
	"strconv"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// calendarRef checks that a school's calendar is one the organisation has, like every other
// reference of a file: a misspelt name would leave the school without school days.
func (im *importer) calendarRef(cals map[string]int64, line int, name string) bool {
	if _, ok := cals[name]; ok {
		return true
	}
	names := make([]string, 0, len(cals))
	for n := range cals {
		names = append(names, strconv.Quote(n))
	}
	slices.Sort(names)
	if len(names) == 0 {
		im.fail(line, "calendar", "no calendar named %q (there are no calendars yet: import calendars first)", name)
	} else {
		im.fail(line, "calendar", "no calendar named %q (calendars: %s)", name, strings.Join(names, ", "))
	}
	return false
}

// mergeSessionDetails takes from a sessions row the lifecycle details its file has columns for
// (files written before those columns existed leave them as they are).
func mergeSessionDetails(upd *data.Session, x data.Session, r csvio.Record[data.Session]) {
	if r.Has("punctuality") {
		upd.Punctuality = x.Punctuality
	}
	if r.Has("confirmed_by") {
		upd.ConfirmedBy = x.ConfirmedBy
	}
	if r.Has("confirmed_how") {
		upd.ConfirmedHow = x.ConfirmedHow
	}
	if r.Has("cancel_reason") {
		upd.CancelReason = x.CancelReason
	}
	if r.Has("cancelled_by") {
		upd.CancelledBy = x.CancelledBy
	}
}

// perBatch makes a step that loads its look-ups for each batch: for the small kinds (settings,
// decisions, enrollments), whose files never come near a batch's size.
func perBatch[T any](step func(*importer, []csvio.Record[T]) error) func(*importer) (func([]csvio.Record[T]) error, error) {
	return func(im *importer) (func([]csvio.Record[T]) error, error) {
		return func(recs []csvio.Record[T]) error { return step(im, recs) }, nil
	}
}
