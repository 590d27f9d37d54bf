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

func letterheadOf(ctx context.Context, st documentsStore) (report.Org, data.Settings, error) {
	set, err := st.Settings(ctx)
	if err != nil {
		return report.Org{}, set, err
	}
	return report.OrgFromSettings(set), set, nil
}

func contractMaker(st documentsStore, mentorID int64, year data.SchoolYear) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		org, set, err := letterheadOf(ctx, st)
		if err != nil {
			return nil, err
		}
		in, err := st.ContractInput(ctx, mentorID, year)
		if err != nil {
			return nil, err
		}
		clauses, err := st.ContractClauses(ctx)
		if err != nil {
			return nil, err
		}
		return compose.Contract(org, set, clauses, in), nil
	}
}

func rosterMaker(st documentsStore, on data.Date, schoolID int64, instrument string) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		org, _, err := letterheadOf(ctx, st)
		if err != nil {
			return nil, err
		}
		school := ""
		if schoolID != 0 {
			schools, err := st.Schools(ctx)
			if err != nil {
				return nil, err
			}
			for _, x := range schools {
				if x.ID == schoolID {
					school = x.Name
				}
			}
		}
		mentors, err := st.RosterMentors(ctx, data.RosterFilter{On: on, SchoolID: schoolID, Instrument: instrument})
		if err != nil {
			return nil, err
		}
		return compose.Roster(org, on, school, instrument, mentors), nil
	}
}

func statementMaker(st documentsStore, number int) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		org, _, err := letterheadOf(ctx, st)
		if err != nil {
			return nil, err
		}
		p, err := st.StatementPrint(ctx, number)
		if err != nil {
			return nil, err
		}
		return report.StatementDoc{Org: org, Statement: p.Statement, Mentor: p.Mentor}, nil
	}
}

func signoffMaker(st documentsStore, mentorID, schoolID int64, date data.Date) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		org, _, err := letterheadOf(ctx, st)
		if err != nil {
			return nil, err
		}
		v, err := st.VisitSheet(ctx, mentorID, schoolID, date)
		if err != nil {
			return nil, err
		}
		return compose.Signoff(org, v), nil
	}
}

func scheduleMaker(st documentsStore, on data.Date, classroomID int64, year data.SchoolYear, mentorID int64) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		org, _, err := letterheadOf(ctx, st)
		if err != nil {
			return nil, err
		}
		all, err := st.Schedules(ctx, classroomID, year)
		if err != nil {
			return nil, err
		}
		for _, sc := range all {
			if sc.MentorID == mentorID {
				return compose.Schedule(org, on, year, sc), nil
			}
		}
		return nil, fmt.Errorf("the mentor has no sessions with this classroom in %s", year)
	}
}

func yearEndMaker(st documentsStore, on data.Date, mentorID int64, year int) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		org, set, err := letterheadOf(ctx, st)
		if err != nil {
			return nil, err
		}
		m, err := st.Mentor(ctx, mentorID)
		if err != nil {
			return nil, err
		}
		sts, err := st.YearStatements(ctx, mentorID, year)
		if err != nil {
			return nil, err
		}
		m.Photo = nil
		return report.YearEndDoc{Org: org, On: on, Mentor: m, Year: year, Statements: sts, Threshold: set.NECThreshold}, nil
	}
}

func cohortMaker(st documentsStore, on data.Date, cohortID int64) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		return cohortOf(ctx, st, on, cohortID)
	}
}

func introductionMaker(st documentsStore, on data.Date, cohortID, pairID int64) makeDoc {
	return func(ctx context.Context) (report.Document, error) {
		doc, err := cohortOf(ctx, st, on, cohortID)
		if err != nil {
			return nil, err
		}
		for _, p := range doc.Pairs {
			if p.Pair.ID == pairID {
				return report.IntroductionDoc{Org: doc.Org, On: on, Cohort: doc.Cohort, Early: p.Early,
					Experienced: p.Experienced, Pair: p.Pair}, nil
			}
		}
		return nil, fmt.Errorf("the pair is no longer in the cohort %q; match it again", doc.Cohort.Name)
	}
}

// cohortOf gathers a cohort's pairs and the applicants still without a partner (those the
// director excluded are left out).
func cohortOf(ctx context.Context, st documentsStore, on data.Date, cohortID int64) (report.CohortDoc, error) {
	org, _, err := letterheadOf(ctx, st)
	if err != nil {
		return report.CohortDoc{}, err
	}
	cohorts, err := st.Cohorts(ctx)
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
	applicants, err := st.Applicants(ctx, cohortID)
	if err != nil {
		return report.CohortDoc{}, err
	}
	pairs, err := st.Pairs(ctx, cohortID)
	if err != nil {
		return report.CohortDoc{}, err
	}
	return compose.Cohort(org, on, cohort, applicants, pairs), nil
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
