package app

import (
	"strings"
	"testing"

	"mentordesk/data"
)

func TestPlanningThreeTermsAsksWhenTheCalendarHasNoTermEnds(t *testing.T) {
	days := []data.CalendarDay{{Date: data.MustDate("2026-09-02"), Kind: data.FirstDay}, {Date: data.MustDate("2027-06-18"), Kind: data.LastDay}}
	req := func(days []data.CalendarDay, terms int) data.PlanRequest {
		r := data.PlanRequest{Program: data.Focused}
		for i := 0; i < terms; i++ {
			r.Terms = append(r.Terms, data.PlanTerm{Index: i + 1, EventDate: data.MustDate("2026-12-10").AddDays(90 * i),
				Classroom: data.Classroom{School: "Whitman Middle School"}, Calendar: data.Calendar{Name: "Seattle 2026-27", Days: days}})
		}
		return r
	}
	if why := termEndsMissing(req(days, 3)); !strings.Contains(why, "marks no term ends for 2026-27") {
		t.Errorf("three terms on a calendar without term ends: %q", why)
	}
	withEnds := append(days, data.CalendarDay{Date: data.MustDate("2027-01-29"), Kind: data.TermEnd})
	if why := termEndsMissing(req(withEnds, 3)); why != "" {
		t.Errorf("a calendar with its term ends is questioned: %q", why)
	}
	if why := termEndsMissing(req(days, 1)); why != "" {
		t.Errorf("one term is questioned: %q", why)
	}
}
