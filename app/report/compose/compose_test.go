package compose

import (
	"testing"

	"mentordesk/app/report"
	"mentordesk/data"
)

func TestContractShowsTheRatesOfItsPrograms(t *testing.T) {
	set := data.DefaultSettings()
	in := data.ContractInput{Mentor: data.Mentor{FirstName: "Ana"}, Year: 2026,
		Assignments: []data.Assignment{{School: "Whitman", Classroom: "7th Band", Program: data.Season, Sessions: 6}}}
	doc := Contract(report.Org{Name: "Org"}, set, []data.ContractClause{{Heading: "Travel", Text: "Paid by the mile."}}, in)
	if len(doc.Rates) != 1 || doc.Rates[data.Season] != set.Rate(data.Season) || doc.Assignments[0].Rate != set.Rate(data.Season) {
		t.Errorf("rates of a Season contract: %v, assignment %+v", doc.Rates, doc.Assignments)
	}
	if len(doc.Clauses) != 1 || doc.Clauses[0].Heading != "Travel" || doc.Continuation != set.RateContinuation {
		t.Errorf("clauses %+v, continuation %s", doc.Clauses, doc.Continuation)
	}
	in.Assignments = nil
	if doc := Contract(report.Org{}, set, nil, in); len(doc.Rates) != len(data.Programs) {
		t.Errorf("before any assignment the contract shows %d rates; want every program's", len(doc.Rates))
	}
}

func TestRosterTitleNamesItsFilters(t *testing.T) {
	for _, c := range []struct{ school, instrument, want string }{
		{"", "", "Mentor roster"},
		{"", "violin", "Mentor roster — Violin"},
		{"Whitman Middle School", "élan", "Mentor roster — Élan — Whitman Middle School"},
	} {
		if got := Roster(report.Org{}, 0, c.school, c.instrument, nil).Title; got != c.want {
			t.Errorf("school %q instrument %q: %q; want %q", c.school, c.instrument, got, c.want)
		}
	}
}

func TestCohortListsPairsAndTheUnmatched(t *testing.T) {
	apps := []data.Applicant{{ID: 1, FirstName: "A"}, {ID: 2, FirstName: "B"}, {ID: 3, FirstName: "C"}, {ID: 4, FirstName: "D", Excluded: true}}
	doc := Cohort(report.Org{}, 0, data.Cohort{ID: 9}, apps, []data.Pair{{EarlyID: 1, ExperiencedID: 2}})
	if len(doc.Pairs) != 1 || doc.Pairs[0].Early.FirstName != "A" || doc.Pairs[0].Experienced.FirstName != "B" {
		t.Errorf("pairs %+v", doc.Pairs)
	}
	if len(doc.Unmatched) != 1 || doc.Unmatched[0].ID != 3 {
		t.Errorf("unmatched %+v; want C only (D is excluded)", doc.Unmatched)
	}
}
