package icsio_test

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"mentordesk/data"
	"mentordesk/data/icsio"
)

// A minimal iCalendar reader, written from RFC 5545 and independent of the writer.

type icsProp struct {
	name   string
	params map[string]string
	value  string // as written, still escaped
}

type icsComp struct {
	name  string
	props []icsProp
	comps []*icsComp
}

func (c *icsComp) prop(name string) (icsProp, bool) {
	for _, p := range c.props {
		if p.name == name {
			return p, true
		}
	}
	return icsProp{}, false
}

func (c *icsComp) all(name string) []*icsComp {
	var out []*icsComp
	for _, s := range c.comps {
		if s.name == name {
			out = append(out, s)
		}
	}
	return out
}

// icsParse checks the physical form (CRLF, ≤ 75 octets, whole UTF-8 characters), unfolds and
// reads components.
func icsParse(raw string) (*icsComp, error) {
	if !strings.HasSuffix(raw, "\r\n") {
		return nil, fmt.Errorf("the file does not end with CRLF")
	}
	var logical []string
	for i, l := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d: a bare CR or LF", i+1)
		case len(l) > 75:
			return nil, fmt.Errorf("line %d: %d octets", i+1, len(l))
		case !utf8.ValidString(l):
			return nil, fmt.Errorf("line %d: folded inside a UTF-8 character: %q", i+1, l)
		case strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t"):
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: continuation of nothing", i+1)
			}
			logical[len(logical)-1] += l[1:]
		default:
			logical = append(logical, l)
		}
	}
	root := &icsComp{}
	stack := []*icsComp{root}
	for _, l := range logical {
		colon := strings.IndexByte(l, ':') // our parameters are never quoted
		if colon < 0 {
			return nil, fmt.Errorf("no colon in %q", l)
		}
		head := strings.Split(l[:colon], ";")
		p := icsProp{name: strings.ToUpper(head[0]), params: map[string]string{}, value: l[colon+1:]}
		for _, kv := range head[1:] {
			k, v, _ := strings.Cut(kv, "=")
			p.params[strings.ToUpper(k)] = v
		}
		top := stack[len(stack)-1]
		switch p.name {
		case "BEGIN":
			c := &icsComp{name: p.value}
			top.comps = append(top.comps, c)
			stack = append(stack, c)
		case "END":
			if top.name != p.value {
				return nil, fmt.Errorf("END:%s closes %s", p.value, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			top.props = append(top.props, p)
		}
	}
	if len(stack) != 1 || len(root.comps) != 1 || root.comps[0].name != "VCALENDAR" {
		return nil, fmt.Errorf("not one closed VCALENDAR")
	}
	return root.comps[0], nil
}

func icsUnescape(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\\' && i+1 < len(v):
			i++
			switch v[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			case '\\', ';', ',':
				b.WriteByte(v[i])
			default:
				return "", fmt.Errorf("unknown escape \\%c in %q", v[i], v)
			}
		case c == '\\' || c == ';' || c == ',':
			return "", fmt.Errorf("unescaped %q in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func icsText(t *testing.T, c *icsComp, name string) string {
	t.Helper()
	p, ok := c.prop(name)
	if !ok {
		t.Fatalf("%s has no %s", c.name, name)
	}
	s, err := icsUnescape(p.value)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// icsGoTime reads a DTSTART/DTEND with Go's zone database.
func icsGoTime(t *testing.T, p icsProp) time.Time {
	t.Helper()
	if strings.HasSuffix(p.value, "Z") {
		v, err := time.Parse("20060102T150405Z", p.value)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	loc, err := time.LoadLocation(p.params["TZID"])
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("20060102T150405", p.value, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// icsOnset is one change of the VTIMEZONE: from the instant at, the offset is to.
type icsOnset struct {
	at time.Time
	to int
}

func icsOffset(t *testing.T, s string) int {
	t.Helper()
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) == 7 {
		sec, _ = strconv.Atoi(s[5:7])
	}
	return sign * (h*3600 + m*60 + sec)
}

// icsZone expands the VTIMEZONE's STANDARD and DAYLIGHT parts (DTSTART and yearly RRULEs by
// month and nth weekday, as far as UNTIL) into onsets in time order.
func icsZone(t *testing.T, vtz *icsComp) []icsOnset {
	t.Helper()
	var out []icsOnset
	days := map[string]time.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}
	for _, c := range vtz.comps {
		from := icsOffset(t, icsText(t, c, "TZOFFSETFROM"))
		to := icsOffset(t, icsText(t, c, "TZOFFSETTO"))
		wall, err := time.Parse("20060102T150405", icsText(t, c, "DTSTART"))
		if err != nil {
			t.Fatal(err)
		}
		shift := -time.Duration(from) * time.Second
		out = append(out, icsOnset{wall.Add(shift), to})
		rule, ok := c.prop("RRULE")
		if !ok {
			continue
		}
		parts := map[string]string{}
		for _, kv := range strings.Split(rule.value, ";") {
			k, v, _ := strings.Cut(kv, "=")
			parts[k] = v
		}
		month, _ := strconv.Atoi(parts["BYMONTH"])
		nth, _ := strconv.Atoi(parts["BYDAY"][:len(parts["BYDAY"])-2])
		wd := days[parts["BYDAY"][len(parts["BYDAY"])-2:]]
		until, err := time.Parse("20060102T150405Z", parts["UNTIL"])
		if parts["FREQ"] != "YEARLY" || month == 0 || nth == 0 || err != nil {
			t.Fatalf("unexpected RRULE %q", rule.value)
		}
		for y := wall.Year() + 1; ; y++ {
			var d time.Time
			if nth > 0 {
				d = time.Date(y, time.Month(month), 1, wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC)
				d = d.AddDate(0, 0, (int(wd)-int(d.Weekday())+7)%7+7*(nth-1))
			} else {
				d = time.Date(y, time.Month(month)+1, 0, wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC)
				d = d.AddDate(0, 0, -((int(d.Weekday()) - int(wd) + 7) % 7))
			}
			if d.Add(shift).After(until) {
				break
			}
			out = append(out, icsOnset{d.Add(shift), to})
		}
	}
	slices.SortFunc(out, func(a, b icsOnset) int { return a.at.Compare(b.at) })
	return out
}

func icsOffsetAt(zone []icsOnset, at time.Time) (int, bool) {
	off, ok := 0, false
	for _, o := range zone {
		if o.at.After(at) {
			break
		}
		off, ok = o.to, true
	}
	return off, ok
}

// icsResolve reads a local time as RFC 5545 §3.3.5 says: a repeated time is its first
// occurrence, a skipped time uses the offset from before the gap.
func icsResolve(t *testing.T, zone []icsOnset, local string) time.Time {
	t.Helper()
	wall, err := time.Parse("20060102T150405", local)
	if err != nil {
		t.Fatal(err)
	}
	var best time.Time
	offsets := map[int]bool{}
	for _, o := range zone {
		offsets[o.to] = true
	}
	for off := range offsets {
		at := wall.Add(-time.Duration(off) * time.Second)
		if got, ok := icsOffsetAt(zone, at); ok && got == off && (best.IsZero() || at.Before(best)) {
			best = at
		}
	}
	if best.IsZero() { // in a gap: the offset in force before the change (offsets are within ±14 h)
		before, _ := icsOffsetAt(zone, wall.Add(-30*time.Hour))
		best = wall.Add(-time.Duration(before) * time.Second)
	}
	return best
}

var icsStamp = time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC)

func icsWrite(t *testing.T, feed icsio.CalendarFeed) (string, *icsComp) {
	t.Helper()
	var buf bytes.Buffer
	if err := icsio.WriteMentorCalendar(&buf, feed); err != nil {
		t.Fatalf("WriteMentorCalendar: %v", err)
	}
	cal, err := icsParse(buf.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	return buf.String(), cal
}

func icsEvent(id int64, date string, h, m, minutes int) icsio.CalendarEvent {
	return icsio.CalendarEvent{UID: icsio.SessionUID(id), Summary: fmt.Sprint("session ", id), Location: "Whitman Middle School",
		Date: data.MustDate(date), Start: data.ClockOf(h, m), Minutes: minutes}
}

func TestICSTimesRoundTripAcrossDaylightSaving(t *testing.T) {
	cases := []struct {
		zone, date  string
		h, m        int
		minutes     int
		start, end  string // UTC
		unambiguous bool   // Go's own reading of the local time agrees with RFC 5545
	}{
		{"America/Los_Angeles", "2026-03-07", 9, 15, 50, "2026-03-07T17:15:00Z", "2026-03-07T18:05:00Z", true},
		{"America/Los_Angeles", "2026-03-08", 9, 15, 50, "2026-03-08T16:15:00Z", "2026-03-08T17:05:00Z", true},  // spring forward
		{"America/Los_Angeles", "2026-03-08", 1, 30, 50, "2026-03-08T09:30:00Z", "2026-03-08T10:20:00Z", true},  // ends at 03:20 PDT
		{"America/Los_Angeles", "2026-03-08", 2, 30, 50, "2026-03-08T10:30:00Z", "2026-03-08T11:20:00Z", false}, // 02:30 does not exist
		{"America/Los_Angeles", "2026-11-01", 9, 15, 50, "2026-11-01T17:15:00Z", "2026-11-01T18:05:00Z", true},  // fall back
		{"America/Los_Angeles", "2026-11-01", 1, 30, 50, "2026-11-01T08:30:00Z", "2026-11-01T09:20:00Z", true},  // 01:30 happens twice: the first
		{"America/Los_Angeles", "2026-10-31", 13, 0, 45, "2026-10-31T20:00:00Z", "2026-10-31T20:45:00Z", true},
		{"Europe/Berlin", "2026-03-29", 10, 0, 50, "2026-03-29T08:00:00Z", "2026-03-29T08:50:00Z", true},
		{"Europe/Berlin", "2026-10-25", 2, 30, 50, "2026-10-25T00:30:00Z", "2026-10-25T01:20:00Z", false}, // the first 02:30 (CEST)
		{"Europe/London", "2026-10-25", 9, 0, 60, "2026-10-25T09:00:00Z", "2026-10-25T10:00:00Z", true},
		{"America/Los_Angeles", "2026-11-01", 0, 45, 120, "2026-11-01T07:45:00Z", "2026-11-01T09:45:00Z", false}, // ends in the second 01:45
		{"America/Los_Angeles", "2026-11-01", 0, 30, 180, "2026-11-01T07:30:00Z", "2026-11-01T10:30:00Z", true},  // ends after the repeated hour
	}
	for _, c := range cases {
		t.Run(c.zone+" "+c.date+fmt.Sprintf(" %02d:%02d", c.h, c.m), func(t *testing.T) {
			_, cal := icsWrite(t, icsio.CalendarFeed{MentorName: "Ana", TimeZone: c.zone, Stamp: icsStamp,
				Events: []icsio.CalendarEvent{icsEvent(1, c.date, c.h, c.m, c.minutes)}})
			zones := cal.all("VTIMEZONE")
			if len(zones) != 1 || icsText(t, zones[0], "TZID") != c.zone {
				t.Fatalf("want one VTIMEZONE %s", c.zone)
			}
			zone := icsZone(t, zones[0])
			ev := cal.all("VEVENT")[0]
			start, _ := ev.prop("DTSTART")
			end, hasEnd := ev.prop("DTEND")
			if start.params["TZID"] != c.zone {
				t.Errorf("DTSTART %+v is not in %s", start, c.zone)
			}
			if hasEnd && (end.params["TZID"] != c.zone || strings.HasSuffix(end.value, "Z")) {
				t.Errorf("DTEND %+v is not in the form of DTSTART (TZID=%s)", end, c.zone)
			}
			if want := fmt.Sprintf("%sT%02d%02d00", strings.ReplaceAll(c.date, "-", ""), c.h, c.m); start.value != want {
				t.Errorf("DTSTART %s, want the school's clock %s", start.value, want)
			}
			read := func(p icsProp) time.Time {
				if strings.HasSuffix(p.value, "Z") {
					return icsGoTime(t, p)
				}
				return icsResolve(t, zone, p.value)
			}
			if got := read(start).UTC().Format(time.RFC3339); got != c.start {
				t.Errorf("by the VTIMEZONE the start is %s, want %s", got, c.start)
			}
			readEnd := func() time.Time {
				if hasEnd {
					return read(end)
				}
				d, ok := ev.prop("DURATION")
				minutes, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(d.value, "PT"), "M"))
				if !ok || err != nil {
					t.Fatalf("neither DTEND nor a DURATION in minutes: %+v", ev.props)
				}
				return read(start).Add(time.Duration(minutes) * time.Minute)
			}
			if got := readEnd().UTC().Format(time.RFC3339); got != c.end {
				t.Errorf("by the VTIMEZONE the end is %s (%s), want %s", got, end.value, c.end)
			}
			if c.unambiguous {
				if got := icsGoTime(t, start).UTC().Format(time.RFC3339); got != c.start {
					t.Errorf("by time.LoadLocation the start is %s, want %s", got, c.start)
				}
				if hasEnd {
					if got := icsGoTime(t, end).Sub(icsGoTime(t, start)); got != time.Duration(c.minutes)*time.Minute {
						t.Errorf("by time.LoadLocation the session lasts %s", got)
					}
				}
			}
		})
	}
}

func TestICSTimeZoneMatchesGo(t *testing.T) {
	zones := []struct {
		name      string
		from, to  string
		ruleParts int // STANDARD/DAYLIGHT parts when the changes follow a yearly rule
	}{
		{"America/Los_Angeles", "2026-09-02", "2027-06-17", 2},
		{"America/New_York", "2025-01-10", "2028-12-10", 2},
		{"Europe/Berlin", "2026-09-02", "2027-06-17", 2},
		{"Europe/London", "2025-01-10", "2028-12-10", 2},
		{"Europe/Dublin", "2026-01-10", "2027-12-10", 2},
		{"Australia/Sydney", "2026-01-10", "2027-12-10", 2},
		{"Australia/Lord_Howe", "2026-01-10", "2027-12-10", 2},
		{"Asia/Tokyo", "2026-01-10", "2027-12-10", 1},
		{"Asia/Kolkata", "2026-01-10", "2027-12-10", 1},
		{"UTC", "2026-01-10", "2027-12-10", 1},
		{"America/Sao_Paulo", "2018-01-10", "2020-12-10", 0},   // daylight saving abolished in 2019
		{"America/Los_Angeles", "2006-01-10", "2008-12-10", 0}, // the US rules changed in 2007
	}
	for _, z := range zones {
		t.Run(z.name+" "+z.from, func(t *testing.T) {
			loc, _ := time.LoadLocation(z.name)
			_, cal := icsWrite(t, icsio.CalendarFeed{TimeZone: z.name, Stamp: icsStamp, Events: []icsio.CalendarEvent{
				icsEvent(1, z.from, 9, 0, 50), icsEvent(2, z.to, 9, 0, 50)}})
			vtz := cal.all("VTIMEZONE")[0]
			if z.ruleParts > 0 && len(vtz.comps) != z.ruleParts {
				t.Errorf("%d STANDARD/DAYLIGHT parts, want %d with yearly rules", len(vtz.comps), z.ruleParts)
			}
			for _, c := range vtz.comps {
				from, to := icsOffset(t, icsText(t, c, "TZOFFSETFROM")), icsOffset(t, icsText(t, c, "TZOFFSETTO"))
				if (c.name == "DAYLIGHT") != (to > from) {
					t.Errorf("%s from %d to %d", c.name, from, to)
				}
			}
			zone := icsZone(t, vtz)
			y0 := data.MustDate(z.from).Year()
			y1 := data.MustDate(z.to).Year()
			for at := time.Date(y0, 1, 1, 0, 0, 0, 0, loc); at.Year() <= y1; at = at.Add(37 * time.Minute) {
				_, want := at.Zone()
				if got, ok := icsOffsetAt(zone, at); !ok || got != want {
					t.Fatalf("at %s the VTIMEZONE gives %d, Go %d", at.UTC(), got, want)
				}
			}
		})
	}
}

func TestICSEventsAndEscaping(t *testing.T) {
	tricky := "Band; strings, brass \\ percussion\nsecond line\r\nthird"
	s := data.Session{ID: 42, Date: data.MustDate("2026-12-08"), Start: data.ClockOf(9, 15), Minutes: 50, Program: data.Focused,
		Status: data.Cancelled, CancelReason: "snow day, school closed", Focus: "concert repertoire",
		Classroom: "7th Grade Band", School: "Whitman Middle School", Notes: "Sam needs help with reading"}
	feed := icsio.CalendarFeed{MentorName: "Zoë Łukasiewicz", TimeZone: "America/Los_Angeles", Stamp: icsStamp, Events: []icsio.CalendarEvent{
		icsEvent(7, "2026-12-10", 13, 0, 45),
		icsio.SessionEvent(s),
		{UID: "session-9@mentordesk", Summary: tricky, Location: "Room 5, Building B; east", Description: tricky,
			Date: data.MustDate("2026-12-08"), Start: data.ClockOf(8, 0), Minutes: 50},
	}}
	raw, cal := icsWrite(t, feed)
	again, _ := icsWrite(t, feed)
	if raw != again {
		t.Error("two exports of the same feed differ")
	}
	for _, name := range []string{"PRODID", "VERSION", "CALSCALE"} {
		if _, ok := cal.prop(name); !ok {
			t.Errorf("VCALENDAR has no %s", name)
		}
	}
	if v := icsText(t, cal, "VERSION"); v != "2.0" {
		t.Errorf("VERSION %s", v)
	}
	events := cal.all("VEVENT")
	var uids []string
	for _, e := range events {
		uids = append(uids, icsText(t, e, "UID"))
		if stamp, _ := e.prop("DTSTAMP"); stamp.value != "20260801T120000Z" {
			t.Errorf("DTSTAMP %s, want the feed's stamp", stamp.value)
		}
	}
	if want := []string{"session-9@mentordesk", "session-42@mentordesk", "session-7@mentordesk"}; !slices.Equal(uids, want) {
		t.Errorf("events %v, want date order %v", uids, want)
	}
	if got := icsText(t, events[0], "SUMMARY"); got != "Band; strings, brass \\ percussion\nsecond line\nthird" {
		t.Errorf("SUMMARY read back as %q", got)
	}
	if got := icsText(t, events[0], "LOCATION"); got != "Room 5, Building B; east" {
		t.Errorf("LOCATION read back as %q", got)
	}
	if !strings.Contains(raw, `SUMMARY:Band\; strings\, brass \\ percussion\nsecond line\nthird`) {
		t.Errorf("SUMMARY is not escaped as RFC 5545 says:\n%s", raw)
	}
	cancelled := events[1]
	if icsText(t, cancelled, "STATUS") != "CANCELLED" || icsText(t, events[2], "STATUS") != "CONFIRMED" {
		t.Error("STATUS is not CANCELLED for the cancelled session and CONFIRMED for the others")
	}
	desc := icsText(t, cancelled, "DESCRIPTION")
	for _, want := range []string{"Classroom: 7th Grade Band", "Program: Focused Mentorship", "Focus: concert repertoire", "Status: cancelled", "Cancelled: snow day, school closed"} {
		if !strings.Contains(desc, want) {
			t.Errorf("DESCRIPTION %q lacks %q", desc, want)
		}
	}
	if strings.Contains(raw, "Sam") {
		t.Error("a session's notes reached the calendar")
	}
	if icsText(t, cancelled, "LOCATION") != "Whitman Middle School" {
		t.Error("LOCATION is not the school")
	}
	if name := icsText(t, cal, "X-WR-CALNAME"); !strings.Contains(name, "Zoë Łukasiewicz") {
		t.Errorf("calendar name %q", name)
	}
}

func TestICSFoldsLongUTF8Lines(t *testing.T) {
	summary := strings.Repeat("Nguyễn Thị Minh – sectional coaching ✓ ", 12)
	_, cal := icsWrite(t, icsio.CalendarFeed{TimeZone: "America/Los_Angeles", Stamp: icsStamp, Events: []icsio.CalendarEvent{
		{UID: "session-1@mentordesk", Summary: summary, Date: data.MustDate("2026-10-05"), Start: data.ClockOf(9, 0), Minutes: 50}}})
	// icsParse has checked every physical line: ≤ 75 octets, CRLF, whole UTF-8 characters.
	if got := icsText(t, cal.all("VEVENT")[0], "SUMMARY"); got != summary {
		t.Errorf("unfolded SUMMARY\n%q\nwant\n%q", got, summary)
	}
}

func TestICSRefusesBadFeeds(t *testing.T) {
	ok := icsEvent(1, "2026-10-05", 9, 0, 50)
	cases := map[string]icsio.CalendarFeed{
		"unknown zone":  {TimeZone: "America/Springfield", Stamp: icsStamp, Events: []icsio.CalendarEvent{ok}},
		"no zone":       {Stamp: icsStamp, Events: []icsio.CalendarEvent{ok}},
		"no stamp":      {TimeZone: "UTC", Events: []icsio.CalendarEvent{ok}},
		"duplicate UID": {TimeZone: "UTC", Stamp: icsStamp, Events: []icsio.CalendarEvent{ok, ok}},
		"no UID":        {TimeZone: "UTC", Stamp: icsStamp, Events: []icsio.CalendarEvent{{Date: ok.Date, Start: ok.Start, Minutes: 50}}},
		"no minutes":    {TimeZone: "UTC", Stamp: icsStamp, Events: []icsio.CalendarEvent{{UID: "x", Date: ok.Date, Start: ok.Start}}},
	}
	for name, feed := range cases {
		var buf bytes.Buffer
		if err := icsio.WriteMentorCalendar(&buf, feed); err == nil || buf.Len() > 0 {
			t.Errorf("%s: err %v, %d bytes written", name, err, buf.Len())
		}
	}
}

// icsExpected is what a TEXT value can carry: valid UTF-8, line breaks as LF, no control
// characters but tab.
func icsExpected(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

func FuzzEscape(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		_, cal := icsWrite(t, icsio.CalendarFeed{MentorName: s, TimeZone: "Europe/Berlin", Stamp: icsStamp, Events: []icsio.CalendarEvent{
			{UID: "session-1@mentordesk", Summary: s, Location: s, Description: s, Date: data.MustDate("2026-10-05"), Start: data.ClockOf(9, 0), Minutes: 50}}})
		want := icsExpected(s)
		ev := cal.all("VEVENT")[0]
		for _, name := range []string{"SUMMARY", "DESCRIPTION", "LOCATION"} {
			if p, ok := ev.prop(name); !ok && want == "" {
				continue
			} else if !ok {
				t.Fatalf("%s is missing", name)
			} else if got, err := icsUnescape(p.value); err != nil || got != want {
				t.Fatalf("%s: %q read back as %q (%v), want %q", name, s, got, err, want)
			}
		}
	})
}
