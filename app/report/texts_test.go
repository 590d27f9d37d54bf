package report

import "testing"

func TestNamesReadOnceInFileNamesAndLetters(t *testing.T) {
	if got := (RosterDoc{Title: "Mentor roster — Lincoln Middle School"}).FileName(); got != "mentor-roster-lincoln-middle-school.pdf" {
		t.Errorf("roster file %q", got)
	}
	if got := (RosterDoc{Title: "Lincoln Middle School"}).FileName(); got != "roster-lincoln-middle-school.pdf" {
		t.Errorf("roster file %q", got)
	}
	for _, c := range []struct{ name, title, the string }{
		{"Winter 2027 Cohort", "Winter 2027 Cohort", "the Winter 2027 Cohort"},
		{"2026-27", "Cohort 2026-27", "the 2026-27 cohort"},
	} {
		if cohortTitle(c.name) != c.title || theCohort(c.name) != c.the {
			t.Errorf("%q reads %q and %q", c.name, cohortTitle(c.name), theCohort(c.name))
		}
	}
}
