package csvio

import (
	"strconv"
	"strings"

	"mentordesk/data"
)

// Cell readers: each parses one column into its data type and reports a parse problem on the
// cell. Whether a value is required is mostly left to the type's Validate, which knows.

func (r *row) text(col string) string {
	if i := r.index(col); i >= 0 {
		return r.cells[i]
	}
	return ""
}

// email returns the key form (lower case); a bad address is reported as the user wrote it.
func (r *row) email(col string) string {
	s := r.text(col)
	if s == "" {
		return ""
	}
	if err := data.CheckEmail(s); err != nil {
		r.add(col, "%s", err.Error())
	}
	return data.NormalizeEmail(s)
}

// date reads YYYY-MM-DD, or a date in the organisation's order (counted, to tell the director).
func (r *row) date(col string) data.Date {
	s := r.text(col)
	if s == "" {
		return 0
	}
	if d, err := data.ParseDate(s); err == nil {
		return d
	}
	d, err := data.ParseDateIn(s, r.rd.opts.DateOrder)
	if err != nil {
		r.add(col, "%s", err.Error())
		return 0
	}
	r.rd.dates++
	return d
}

// clock reads HH:MM; it is always required, since 00:00 would pass as a real time.
func (r *row) clock(col string) data.Clock {
	s := r.text(col)
	if s == "" {
		if !r.isBad(col) {
			r.add(col, "is required (HH:MM, 24-hour, or like 8:00 AM)")
		}
		return 0
	}
	c, err := data.ParseClock(s)
	if err != nil {
		r.add(col, "%s", err.Error())
	}
	return c
}

// integer reads a whole number; an empty cell is def, or a problem when def < 0.
func (r *row) integer(col string, def int) int {
	s := r.text(col)
	if s == "" {
		if def < 0 && !r.isBad(col) {
			r.add(col, "is required (a whole number)")
		}
		return max(def, 0)
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 9 {
		r.add(col, "%q is not a whole number", s)
		return 0
	}
	return n
}

func (r *row) list(col string) []string { return data.SplitList(r.text(col)) }

// enum lower-cases a value of a fixed set; Validate reports a value outside the set.
func (r *row) enum(col, choices string) string {
	s := r.text(col)
	if s == "" && !r.isBad(col) {
		r.add(col, "is required (%s)", choices)
	}
	return strings.ToLower(s)
}

func (r *row) weekdays(col string) data.Weekdays {
	w, err := data.ParseWeekdays(r.text(col))
	if err != nil {
		r.add(col, "%s", err.Error())
	}
	return w
}

func (r *row) schoolYear(col string) data.SchoolYear {
	s := r.text(col)
	if s == "" {
		return 0
	}
	y, err := data.ParseSchoolYear(s)
	if err != nil {
		r.add(col, "%s", err.Error())
	}
	return y
}

// Cell writers: the inverse of the readers above.

func itoa(n int) string { return strconv.Itoa(n) }

// optionalInt writes zero as an empty cell, for numbers where zero means "none".
func optionalInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// key joins the parts of a natural key; the separator cannot occur in a valid cell.
func key(parts ...string) string { return strings.Join(parts, "\x00") }
