// Package compose turns what the store reads into the documents app/report prints, so the
// window's Documents area and the `report` command print the same pages from the same data.
package compose

import (
	"unicode"
	"unicode/utf8"

	"mentordesk/app/report"
	"mentordesk/data"
)

// Contract prints a contract at the organisation's rates: those of the programs assigned, or
// all of them before any assignment.
func Contract(org report.Org, set data.Settings, clauses []data.ContractClause, in data.ContractInput) report.ContractDoc {
	doc := report.ContractDoc{Org: org, Mentor: in.Mentor, Year: in.Year, Continuation: set.RateContinuation,
		Rates: map[data.Program]data.Money{}}
	for _, a := range in.Assignments {
		doc.Assignments = append(doc.Assignments, report.ContractAssignment{School: a.School, Classroom: a.Classroom,
			Program: a.Program, Sessions: a.Sessions, Rate: set.Rate(a.Program)})
		doc.Rates[a.Program] = set.Rate(a.Program)
	}
	if len(doc.Rates) == 0 {
		for _, p := range data.Programs {
			doc.Rates[p] = set.Rate(p)
		}
	}
	for _, c := range clauses {
		doc.Clauses = append(doc.Clauses, report.Clause(c))
	}
	return doc
}

// Roster is the roster handout of mentors, titled by the instrument and school it is for ("" for
// any).
func Roster(org report.Org, on data.Date, school, instrument string, mentors []data.Mentor) report.RosterDoc {
	title := "Mentor roster"
	if instrument != "" {
		r, n := utf8.DecodeRuneInString(instrument)
		title += " — " + string(unicode.ToUpper(r)) + instrument[n:]
	}
	if school != "" {
		title += " — " + school
	}
	return report.RosterDoc{Org: org, Title: title, On: on, Mentors: mentors}
}

// Signoff is a visit's sign-off sheet.
func Signoff(org report.Org, v data.VisitSheet) report.SignoffDoc {
	return report.SignoffDoc{Org: org, School: v.School, Date: v.Date, MentorName: v.MentorName,
		Instructor: v.Instructor, Sessions: v.Sessions}
}

// Schedule is a classroom's schedule handout for one mentor's sessions in a school year.
func Schedule(org report.Org, on data.Date, year data.SchoolYear, sc data.Schedule) report.ScheduleDoc {
	return report.ScheduleDoc{Org: org, On: on, Instructor: sc.Instructor, School: sc.School, Classroom: sc.Classroom,
		Program: sc.Program, Year: year, MentorName: sc.MentorName, Sessions: sc.Sessions, Events: sc.Events}
}

// Cohort is a cohort's overview: its pairs with both applicants, and the applicants left
// unmatched (those excluded by the director are left out).
func Cohort(org report.Org, on data.Date, c data.Cohort, applicants []data.Applicant, pairs []data.Pair) report.CohortDoc {
	byID := map[int64]data.Applicant{}
	for _, a := range applicants {
		byID[a.ID] = a
	}
	doc := report.CohortDoc{Org: org, On: on, Cohort: c}
	paired := map[int64]bool{}
	for _, p := range pairs {
		doc.Pairs = append(doc.Pairs, report.CohortPair{Early: byID[p.EarlyID], Experienced: byID[p.ExperiencedID], Pair: p})
		paired[p.EarlyID], paired[p.ExperiencedID] = true, true
	}
	for _, a := range applicants {
		if !paired[a.ID] && !a.Excluded {
			doc.Unmatched = append(doc.Unmatched, a)
		}
	}
	return doc
}

// Statement is a payment statement's PDF as the `report` command and the e-mail print it.
func Statement(org report.Org, p data.StatementPrint) report.StatementDoc {
	return report.StatementDoc{Org: org, Statement: p.Statement, Mentor: p.Mentor}
}

// Introduction is the introduction letter of a pair of a cohort's overview.
func Introduction(doc report.CohortDoc, p report.CohortPair) report.IntroductionDoc {
	return report.IntroductionDoc{Org: doc.Org, On: doc.On, Cohort: doc.Cohort, Early: p.Early, Experienced: p.Experienced, Pair: p.Pair}
}
