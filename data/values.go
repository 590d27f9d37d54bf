package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without a time zone: the number of days since 1600-01-01 plus one.
// The zero value means "no date", so an unset date needs no pointer; dates compare with < and ==.
type Date int32

var dateEpoch = time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)

// DateOf returns the day y-m-d; the values must form a real day.
func DateOf(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	// Unix seconds, not a Duration: a Duration spans only 292 years.
	return Date((t.Unix()-dateEpoch.Unix())/86400) + 1
}

// DateFromTime returns the calendar day of t in t's own location.
func DateFromTime(t time.Time) Date { return DateOf(t.Year(), t.Month(), t.Day()) }

// Today is the local calendar day.
func Today() Date { return DateFromTime(time.Now()) }

// ParseDate reads YYYY-MM-DD strictly: 2026-02-30 is refused, so is 2026-2-3.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a real date (YYYY-MM-DD)", s)
	}
	if t.Year() < 1900 || t.Year() > 2200 {
		return 0, fmt.Errorf("%q is outside the years 1900–2200", s)
	}
	return DateFromTime(t), nil
}

// ParseOptionalDate is ParseDate where an empty string means no date.
func ParseOptionalDate(s string) (Date, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return ParseDate(s)
}

// MustDate is ParseDate for constants in tests and sample data; it panics on a bad date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d == 0 }

// Time is midnight UTC of the day.
func (d Date) Time() time.Time { return dateEpoch.AddDate(0, 0, int(d)-1) }

// String is YYYY-MM-DD, or "" for no date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// Long is the date as a director writes it in a letter: "Tuesday, 10 February 2026".
func (d Date) Long() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("Monday, 2 January 2006")
}

// Short is "10 Feb 2026".
func (d Date) Short() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2 Jan 2006")
}

// AddDays moves the date by n days (n may be negative).
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddYears moves the date by whole years; 29 February becomes 1 March in a common year.
func (d Date) AddYears(n int) Date { return DateFromTime(d.Time().AddDate(n, 0, 0)) }

// AddMonths moves the date by whole months, as time.AddDate does.
func (d Date) AddMonths(n int) Date { return DateFromTime(d.Time().AddDate(0, n, 0)) }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e - d) }

// Weekday of the date.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Year, Month and Day of the date.
func (d Date) Year() int          { return d.Time().Year() }
func (d Date) Month() time.Month  { return d.Time().Month() }
func (d Date) Day() int           { return d.Time().Day() }
func (d Date) FirstOfMonth() Date { return DateOf(d.Year(), d.Month(), 1) }

// Money is an amount in integer cents; only parsing and formatting touch decimals.
type Money int64

// ParseMoney reads "1234.56", "1234.5", "1234", "-12.00", and tolerates a leading "$" and
// thousands separators "1,234.56" as spreadsheets write them. More than two decimals is refused.
func ParseMoney(s string) (Money, error) {
	orig := s
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	s = strings.TrimPrefix(s, "$")
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, fmt.Errorf("%q is not an amount (like 1234.56)", orig)
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, fmt.Errorf("%q is not an amount (at most two decimals, like 1234.56)", orig)
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%q is not an amount (like 1234.56)", orig)
		}
	}
	if len(whole) > 13 {
		return 0, fmt.Errorf("%q is too large an amount", orig)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	m := Money(w*100 + f)
	if neg {
		m = -m
	}
	return m, nil
}

// String is the CSV form: "1234.56", "-0.50".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Dollars is the form people read: "$1,234.56", "−$12.00".
func (m Money) Dollars() string {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign, v = "−", -v
	}
	whole := strconv.FormatInt(v/100, 10)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s$%s.%02d", sign, b.String(), v%100)
}

// Clock is a time of day in minutes after midnight.
type Clock int16

// ParseClock reads HH:MM on a 24-hour clock, and the forms spreadsheets save a time in:
// "8:00 AM", "08:00:00", "8:00:00 PM".
func ParseClock(s string) (Clock, error) {
	s = strings.TrimSpace(s)
	if c, ok := parseClockForms(s); ok {
		return c, nil
	}
	return 0, fmt.Errorf("%q is not a time (HH:MM, 24-hour, or like 8:00 AM)", s)
}

// ClockOf returns h:m.
func ClockOf(h, m int) Clock { return Clock(h*60 + m) }

// String is HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// Add moves the time by minutes.
func (c Clock) Add(minutes int) Clock { return c + Clock(minutes) }

// SchoolYear is identified by the calendar year it starts in: 2026 is "2026-27" (R1).
type SchoolYear int

// String is the label "2026-27".
func (y SchoolYear) String() string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%d-%02d", int(y), (int(y)+1)%100)
}

// ParseSchoolYear reads "2026-27".
func ParseSchoolYear(s string) (SchoolYear, error) {
	s = strings.TrimSpace(s)
	a, b, ok := strings.Cut(s, "-")
	y, err := strconv.Atoi(a)
	if !ok || err != nil || len(a) != 4 || len(b) != 2 || y < 1900 || y > 2200 {
		return 0, fmt.Errorf("%q is not a school year (like 2026-27)", s)
	}
	if b != fmt.Sprintf("%02d", (y+1)%100) {
		return 0, fmt.Errorf("%q is not a school year: %s must be followed by %02d", s, a, (y+1)%100)
	}
	return SchoolYear(y), nil
}

// MonthDay is a day of the year without the year, as in the school-year start "07-01".
type MonthDay struct {
	Month time.Month
	Day   int
}

// DefaultSchoolYearStart is 1 July (R1).
var DefaultSchoolYearStart = MonthDay{time.July, 1}

// ParseMonthDay reads MM-DD; 02-29 is refused since it does not occur every year.
func ParseMonthDay(s string) (MonthDay, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("01-02", s)
	if err != nil || len(s) != 5 {
		return MonthDay{}, fmt.Errorf("%q is not a month and day (MM-DD)", s)
	}
	if t.Month() == time.February && t.Day() == 29 {
		return MonthDay{}, errors.New("a school year cannot start on 02-29")
	}
	return MonthDay{t.Month(), t.Day()}, nil
}

func (md MonthDay) String() string { return fmt.Sprintf("%02d-%02d", int(md.Month), md.Day) }

// SchoolYearOf returns the school year that holds d when years start on start (R1).
func SchoolYearOf(d Date, start MonthDay) SchoolYear {
	y := d.Year()
	if d < DateOf(y, start.Month, start.Day) {
		y--
	}
	return SchoolYear(y)
}

// Bounds returns the first and last day of the school year.
func (y SchoolYear) Bounds(start MonthDay) (first, last Date) {
	first = DateOf(int(y), start.Month, start.Day)
	return first, DateOf(int(y)+1, start.Month, start.Day).AddDays(-1)
}
