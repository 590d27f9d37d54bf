package app

import (
	"cmp"
	"context"
	"fmt"
	"mentordesk/app/report"
	"mentordesk/app/report/compose"
	"mentordesk/data"
	"strings"
)

// documentsStore is what the Documents area and the one-click PDF buttons read.
type documentsStore interface {
	Settings(ctx context.Context) (data.Settings, error)
	Mentors(ctx context.Context, f data.MentorFilter) ([]data.Mentor, error)
	Schools(ctx context.Context) ([]data.School, error)
	Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error)
	MentorInstruments(ctx context.Context) ([]string, error)
	SchoolYears(ctx context.Context) ([]data.SchoolYear, error)
	StatementYears(ctx context.Context) ([]int, error)
	StatementMonths(ctx context.Context) ([]data.Date, error)
	Adjustments(ctx context.Context) ([]data.StatementRef, error)
	Cohorts(ctx context.Context) ([]data.Cohort, error)
	Applicants(ctx context.Context, cohortID int64) ([]data.Applicant, error)
	Pairs(ctx context.Context, cohortID int64) ([]data.Pair, error)
	MentorVisits(ctx context.Context, mentorID int64) ([]data.VisitPlace, error)
	Schedules(ctx context.Context, classroomID int64, year data.SchoolYear) ([]data.Schedule, error)
	ContractInput(ctx context.Context, mentorID int64, year data.SchoolYear) (data.ContractInput, error)
	ContractInputs(ctx context.Context, year data.SchoolYear) ([]data.ContractInput, error)
	ContractClauses(ctx context.Context) ([]data.ContractClause, error)
	SaveContractClauses(ctx context.Context, clauses []data.ContractClause) error
	RosterMentors(ctx context.Context, f data.RosterFilter) ([]data.Mentor, error)
	StatementPrint(ctx context.Context, number int) (data.StatementPrint, error)
	StatementPrints(ctx context.Context, from, through data.Date) ([]data.StatementPrint, error)
	VisitSheet(ctx context.Context, mentorID, schoolID int64, date data.Date) (data.VisitSheet, error)
	YearStatements(ctx context.Context, mentorID int64, year int) ([]data.Statement, error)
	Mentor(ctx context.Context, id int64) (data.Mentor, error)
}

// makeDoc gathers a document's data off the UI goroutine.
type makeDoc func(ctx context.Context) (report.Document, error)

// The makers gather through app/report/compose, as the report command does.

func contractMaker(st documentsStore, mentorID int64, year data.SchoolYear) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		return compose.GatherContract(ctx, st, mentorID, year)
	}
}

func rosterMaker(st documentsStore, on data.Date, schoolID int64, instrument string) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		return compose.GatherRoster(ctx, st, data.RosterFilter{On: on, SchoolID: schoolID, Instrument: instrument})
	}
}

func statementMaker(st documentsStore, number int) makeDoc {
	return func(ctx context.Context) (report.Document, error) { return compose.GatherStatement(ctx, st, number) }
}

func signoffMaker(st documentsStore, mentorID, schoolID int64, date data.Date) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		return compose.GatherSignoff(ctx, st, mentorID, schoolID, date)
	}
}

func scheduleMaker(st documentsStore, on data.Date, classroomID int64, year data.SchoolYear, mentorID int64) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		all, err := st.Schedules(ctx, classroomID, year)
		if err != nil {
			return nil, err
		}
		for _, sc := range all {
			if sc.MentorID == mentorID {
				return compose.GatherSchedule(ctx, st, on, year, sc)
			}
		}
		return nil, fmt.Errorf("the mentor has no sessions with this classroom in %s", year)
	}
}

func yearEndMaker(st documentsStore, on data.Date, mentorID int64, year int) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		return compose.GatherYearEnd(ctx, st, on, mentorID, year)
	}
}

func cohortMaker(st documentsStore, on data.Date, cohortID int64) makeDoc {
	return func(ctx context.Context) (report.Document, error) { return compose.GatherCohort(ctx, st, on, cohortID) }
}

func introductionMaker(st documentsStore, on data.Date, cohortID, pairID int64) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		doc, ok, err := compose.GatherIntroduction(ctx, st, on, cohortID, func(p report.CohortPair) bool { return p.Pair.ID == pairID })
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("the pair is no longer in the cohort %q; match it again", doc.Cohort.Name)
		}
		return doc, nil
	}
}

func uniqueName(name string, taken map[string]bool) string {
	base, ext := strings.TrimSuffix(name, ".pdf"), ".pdf"
	out := name
	for i := 2; taken[strings.ToLower(out)]; i++ {
		out = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
	taken[strings.ToLower(out)] = true
	return out
}

// docFileName is the name a document is saved under: statements sort by five-digit numbers.
func docFileName(doc report.Document) string {
	if s, ok := doc.(report.StatementDoc); ok {
		return report.StatementFile(s.Statement.Number)
	}
	return cmp.Or(doc.FileName(), "document.pdf")
}
