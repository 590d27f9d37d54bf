package data

import (
	"strings"
	"testing"
	"time"
)

func TestLocalTimeProblem(t *testing.T) {
	la, _ := time.LoadLocation("America/Los_Angeles")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	cases := []struct {
		name    string
		loc     *time.Location
		date    string
		h, m    int
		minutes int
		want    string // a part of the message; "" when the time is fine
	}{
		{"an ordinary school day", la, "2027-03-12", 9, 15, 50, ""},
		{"the morning of spring forward", la, "2027-03-14", 9, 15, 50, ""},
		{"before the gap, ending after it", la, "2027-03-14", 1, 30, 50, ""},
		{"in the gap of spring forward", la, "2027-03-14", 2, 30, 50, "2027-03-14 02:30 does not exist in America/Los_Angeles: the clocks go forward from 02:00 to 03:00"},
		{"at the first skipped minute", la, "2027-03-14", 2, 0, 50, "does not exist"},
		{"at the clock the gap jumps to", la, "2027-03-14", 3, 0, 50, ""},
		{"in the repeated hour of fall back", la, "2026-11-01", 1, 30, 50, "2026-11-01 01:30 happens twice in America/Los_Angeles: the clocks go back from 02:00 to 01:00"},
		{"ending in the repeated hour's first pass", la, "2026-11-01", 0, 20, 50, ""},
		{"ending in the repeated hour's second pass", la, "2026-11-01", 0, 45, 120, "2026-11-01 00:45 for 120 minutes ends at 01:45, in the hour that happens twice"},
		{"ending after the repeated hour", la, "2026-11-01", 0, 30, 180, ""},
		{"after fall back", la, "2026-11-01", 2, 0, 50, ""},
		{"Berlin's gap", berlin, "2027-03-28", 2, 15, 50, "does not exist in Europe/Berlin: the clocks go forward from 02:00 to 03:00"},
		{"Berlin's repeated hour", berlin, "2026-10-25", 2, 30, 50, "happens twice in Europe/Berlin: the clocks go back from 03:00 to 02:00"},
		{"a zone without changes", time.UTC, "2026-11-01", 1, 30, 50, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := LocalTimeProblem(MustDate(c.date), ClockOf(c.h, c.m), c.minutes, c.loc)
			if c.want == "" && got != "" || !strings.Contains(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
