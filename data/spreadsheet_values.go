package data

import (
	"fmt"
	"strconv"
	"strings"
)

// DateOrder is how an organisation writes a date with slashes: 3/4/2026 is 4 March in the US
// (month/day/year) and 3 April almost everywhere else (day/month/year). Spreadsheets save
// dates in the order of the computer's region, so imports read them in the organisation's.
type DateOrder string

const (
	MonthDayYear DateOrder = "month-day-year"
	DayMonthYear DateOrder = "day-month-year"
	ISOOnly      DateOrder = "iso" // only YYYY-MM-DD: every other form is refused
)

// DateOrders are the values of the setting org.date_order ("" follows org.country).
var DateOrders = []DateOrder{MonthDayYear, DayMonthYear, ISOOnly}

// monthFirst are the countries (ISO 3166 codes) that write the month first.
var monthFirst = map[string]bool{"US": true, "PR": true, "GU": true, "VI": true, "AS": true, "MP": true,
	"UM": true, "PH": true, "FM": true, "MH": true, "PW": true}

// DateOrderOf is the usual order of a country; an unknown or empty country reads ISO only,
// so no date is ever guessed.
func DateOrderOf(country string) DateOrder {
	c := strings.ToUpper(strings.TrimSpace(country))
	switch {
	case len(c) != 2:
		return ISOOnly
	case monthFirst[c]:
		return MonthDayYear
	}
	return DayMonthYear
}

// Words is the order as people say it: "month/day/year".
func (o DateOrder) Words() string {
	if o == DayMonthYear {
		return "day/month/year"
	}
	return "month/day/year"
}

// ParseDateIn reads a date as spreadsheets save it: always YYYY-MM-DD (or YYYY/MM/DD), and
// in the organisation's order 3/4/2026, 03/04/26, 3-4-2026 or 3.4.2026. A two-digit year is
// 1970–2069. A date the order cannot read is refused, never turned around.
func ParseDateIn(s string, o DateOrder) (Date, error) {
	s = strings.TrimSpace(s)
	if d, err := ParseDate(s); err == nil || (len(s) == 10 && s[4] == '-') {
		return d, err
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || strings.ContainsAny(s, " :") {
		return 0, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return 0, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
		}
		n[i] = v
	}
	if len(parts[0]) == 4 { // 2026/03/04: year first is read the one way it can be
		return ParseDate(fmt.Sprintf("%04d-%02d-%02d", n[0], n[1], n[2]))
	}
	if o != MonthDayYear && o != DayMonthYear {
		return 0, fmt.Errorf("%q is not a date (YYYY-MM-DD); to read dates like it, set org.country or org.date_order", s)
	}
	m, d, y := n[0], n[1], n[2]
	if o == DayMonthYear {
		m, d = d, m
	}
	switch len(parts[2]) {
	case 2:
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	case 4:
	default:
		return 0, fmt.Errorf("%q is not a date (the year needs 4 digits, or 2)", s)
	}
	date, err := ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	if err != nil {
		return 0, fmt.Errorf("%q is not a real date in %s order (the organisation's setting org.date_order); write it as YYYY-MM-DD", s, o.Words())
	}
	return date, nil
}

// parseClockForms reads the forms spreadsheets save a time in: "8:00 AM", "08:00:00",
// "8:00:00 PM", "8:00am". Seconds other than :00 are refused: sessions start on a minute.
func parseClockForms(s string) (Clock, bool) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.ReplaceAll(strings.ReplaceAll(t, "A.M.", "AM"), "P.M.", "PM")
	pm, am := strings.HasSuffix(t, "PM"), strings.HasSuffix(t, "AM")
	if pm || am {
		t = strings.TrimSpace(t[:len(t)-2])
	}
	parts := strings.Split(t, ":")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) < 1 || len(parts[0]) > 2 || len(parts[1]) != 2 {
		return 0, false
	}
	if len(parts) == 3 {
		if sec := parts[2]; sec != "00" && !strings.HasPrefix(sec, "00.") {
			return 0, false
		}
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || m < 0 || m > 59 || h < 0 {
		return 0, false
	}
	switch {
	case pm || am:
		if h < 1 || h > 12 {
			return 0, false
		}
		h %= 12
		if pm {
			h += 12
		}
	case h > 23:
		return 0, false
	}
	return Clock(h*60 + m), true
}
