package compose

import (
	"context"
	"fmt"

	"mentordesk/app/report"
	"mentordesk/data"
)

// Source is what documents are gathered from: the store's queries, and the roster handout's
// mentors as the service chooses them. The window's Documents area and the `report` command
// gather through the functions below, so both print the same pages from the same data.
type Source interface {
	Settings(ctx context.Context) (data.Settings, error)
	ContractInput(ctx context.Context, mentorID int64, year data.SchoolYear) (data.ContractInput, error)
	ContractClauses(ctx context.Context) ([]data.ContractClause, error)
	RosterMentors(ctx context.Context, f data.RosterFilter) ([]data.Mentor, error)
	Schools(ctx context.Context) ([]data.School, error)
	StatementPrint(ctx context.Context, number int) (data.StatementPrint, error)
	VisitSheet(ctx context.Context, mentorID, schoolID int64, date data.Date) (data.VisitSheet, error)
	Mentor(ctx context.Context, id int64) (data.Mentor, error)
	YearStatements(ctx context.Context, mentorID int64, year int) ([]data.Statement, error)
	Cohorts(ctx context.Context) ([]data.Cohort, error)
	Applicants(ctx context.Context, cohortID int64) ([]data.Applicant, error)
	Pairs(ctx context.Context, cohortID int64) ([]data.Pair, error)
}

// Letterhead is the organisation as every document heads it, with the settings it came from.
func Letterhead(ctx context.Context, src Source) (report.Org, data.Settings, error) {
	set, err := src.Settings(ctx)
	if err != nil {
		return report.Org{}, set, err
	}
	return report.OrgFromSettings(set), set, nil
}

// GatherContract is a mentor's contract for a school year.
func GatherContract(ctx context.Context, src Source, mentorID int64, year data.SchoolYear) (report.ContractDoc, error) {
	org, set, err := Letterhead(ctx, src)
	if err != nil {
		return report.ContractDoc{}, err
	}
	in, err := src.ContractInput(ctx, mentorID, year)
	if err != nil {
		return report.ContractDoc{}, err
	}
	clauses, err := src.ContractClauses(ctx)
	if err != nil {
		return report.ContractDoc{}, err
	}
	return Contract(org, set, clauses, in), nil
}

// GatherRoster is the roster handout of the filter's day, school and instrument.
func GatherRoster(ctx context.Context, src Source, f data.RosterFilter) (report.RosterDoc, error) {
	org, _, err := Letterhead(ctx, src)
	if err != nil {
		return report.RosterDoc{}, err
	}
	school := ""
	if f.SchoolID != 0 {
		schools, err := src.Schools(ctx)
		if err != nil {
			return report.RosterDoc{}, err
		}
		for _, x := range schools {
			if x.ID == f.SchoolID {
				school = x.Name
			}
		}
	}
	mentors, err := src.RosterMentors(ctx, f)
	if err != nil {
		return report.RosterDoc{}, err
	}
	return Roster(org, f.On, school, f.Instrument, mentors), nil
}

// GatherStatement is an issued statement; data.ErrNotFound when none has the number.
func GatherStatement(ctx context.Context, src Source, number int) (report.StatementDoc, error) {
	org, _, err := Letterhead(ctx, src)
	if err != nil {
		return report.StatementDoc{}, err
	}
	p, err := src.StatementPrint(ctx, number)
	if err != nil {
		return report.StatementDoc{}, err
	}
	return report.StatementDoc{Org: org, Statement: p.Statement, Mentor: p.Mentor}, nil
}

// GatherSignoff is the sign-off sheet of a mentor's visit to a school on a day.
func GatherSignoff(ctx context.Context, src Source, mentorID, schoolID int64, date data.Date) (report.SignoffDoc, error) {
	org, _, err := Letterhead(ctx, src)
	if err != nil {
		return report.SignoffDoc{}, err
	}
	v, err := src.VisitSheet(ctx, mentorID, schoolID, date)
	if err != nil {
		return report.SignoffDoc{}, err
	}
	return Signoff(org, v), nil
}

// GatherSchedule is the session schedule handout of one mentor's enrollment with a classroom.
func GatherSchedule(ctx context.Context, src Source, on data.Date, year data.SchoolYear, sc data.Schedule) (report.ScheduleDoc, error) {
	org, _, err := Letterhead(ctx, src)
	if err != nil {
		return report.ScheduleDoc{}, err
	}
	return Schedule(org, on, year, sc), nil
}

// GatherYearEnd is a mentor's payment summary of a calendar year.
func GatherYearEnd(ctx context.Context, src Source, on data.Date, mentorID int64, year int) (report.YearEndDoc, error) {
	org, set, err := Letterhead(ctx, src)
	if err != nil {
		return report.YearEndDoc{}, err
	}
	m, err := src.Mentor(ctx, mentorID)
	if err != nil {
		return report.YearEndDoc{}, err
	}
	sts, err := src.YearStatements(ctx, mentorID, year)
	if err != nil {
		return report.YearEndDoc{}, err
	}
	m.Photo = nil
	return report.YearEndDoc{Org: org, On: on, Mentor: m, Year: year, Statements: sts, Threshold: set.NECThreshold}, nil
}

// GatherCohort is a cohort's overview: its pairs and the applicants still without a partner
// (those the director excluded are left out).
func GatherCohort(ctx context.Context, src Source, on data.Date, cohortID int64) (report.CohortDoc, error) {
	org, _, err := Letterhead(ctx, src)
	if err != nil {
		return report.CohortDoc{}, err
	}
	cohorts, err := src.Cohorts(ctx)
	if err != nil {
		return report.CohortDoc{}, err
	}
	var cohort data.Cohort
	for _, c := range cohorts {
		if c.ID == cohortID {
			cohort = c
		}
	}
	if cohort.ID == 0 {
		return report.CohortDoc{}, fmt.Errorf("cohort %d: %w", cohortID, data.ErrNotFound)
	}
	applicants, err := src.Applicants(ctx, cohortID)
	if err != nil {
		return report.CohortDoc{}, err
	}
	pairs, err := src.Pairs(ctx, cohortID)
	if err != nil {
		return report.CohortDoc{}, err
	}
	return Cohort(org, on, cohort, applicants, pairs), nil
}

// GatherIntroduction is the introduction letter of the cohort's first pair that pick accepts;
// ok is false when none does.
func GatherIntroduction(ctx context.Context, src Source, on data.Date, cohortID int64, pick func(report.CohortPair) bool) (doc report.IntroductionDoc, ok bool, err error) {
	c, err := GatherCohort(ctx, src, on, cohortID)
	if err != nil {
		return doc, false, err
	}
	for _, p := range c.Pairs {
		if pick(p) {
			return report.IntroductionDoc{Org: c.Org, On: on, Cohort: c.Cohort, Early: p.Early, Experienced: p.Experienced, Pair: p.Pair}, true, nil
		}
	}
	doc.Cohort = c.Cohort
	return doc, false, nil
}
