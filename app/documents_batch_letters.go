package app

import (
	"context"
	"fmt"
	"path/filepath"

	"mentordesk/app/report"
	"mentordesk/app/report/compose"
	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// cohortOn is the cohort whose letters are written, and their date.
type cohortOn struct {
	id int64
	on data.Date
}

// letterJobs gathers the rosters of every school (as of the day given) or the introduction
// letters of every pair of a cohort, one PDF each.
func letterJobs(ctx context.Context, st documentsStore, org report.Org, kind batchKind, param any, dir string) ([]report.Job, error) {
	var jobs []report.Job
	taken := map[string]bool{}
	add := func(doc report.Document, name string) {
		jobs = append(jobs, report.Job{Doc: doc, Path: filepath.Join(dir, uniqueName(name, taken))})
	}
	switch kind {
	case batchRosters:
		on := param.(data.Date)
		schools, err := st.Schools(ctx)
		if err != nil {
			return nil, err
		}
		for _, sc := range schools {
			mentors, err := st.RosterMentors(ctx, sqlite.RosterFilter{On: on, SchoolID: sc.ID})
			if err != nil {
				return nil, err
			}
			if len(mentors) == 0 {
				continue // a roster of no one helps no school
			}
			doc := compose.Roster(org, on, sc.Name, "", mentors)
			add(doc, doc.FileName())
		}
		if len(jobs) == 0 {
			return nil, fmt.Errorf("no school has a mentor eligible on %s", on)
		}
	case batchIntroductions:
		c := param.(cohortOn)
		doc, err := compose.GatherCohort(ctx, st, c.on, c.id)
		if err != nil {
			return nil, err
		}
		for _, p := range doc.Pairs {
			letter := report.IntroductionDoc{Org: doc.Org, On: doc.On, Cohort: doc.Cohort, Early: p.Early, Experienced: p.Experienced, Pair: p.Pair}
			add(letter, letter.FileName())
		}
		if len(jobs) == 0 {
			return nil, fmt.Errorf("the cohort %q has no pairs yet: match it under Mutual Mentorship first", doc.Cohort.Name)
		}
	}
	return jobs, nil
}
