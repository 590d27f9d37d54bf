// Package service owns MentorDesk's operations: each one (save a mentor with their checks and
// contracts, save a cohort or an intake, apply a matching, weigh the roster review, choose a
// roster handout's mentors, …) exists here once, checks the domain's rules of package data and
// persists through a store. The window and the scripting commands both call it, so the two
// cannot disagree; the store (data/sqlite) only persists and queries.
package service

import (
	"context"

	"mentordesk/data"
)

// Store is the persistence the operations need. data/sqlite's Store implements it; the service
// never names it, so the rules cannot reach for SQL.
type Store interface {
	mentorStore
	reviewStore
	mutualStore
}

type mentorStore interface {
	WriteMentorRecords(ctx context.Context, r data.MentorRecords) (int64, error)
	RosterCandidates(ctx context.Context, f data.RosterFilter) ([]data.Mentor, error)
	Compliance(ctx context.Context, on data.Date) ([]data.ComplianceRow, error)
}

type reviewStore interface {
	ReviewThresholds(ctx context.Context) (data.ReviewThresholds, error)
	ReviewRecords(ctx context.Context, mentorID int64, on data.Date) (map[int64]data.ReviewRecords, error)
}

type mutualStore interface {
	WriteCohort(ctx context.Context, c data.Cohort) (int64, error)
	WriteApplicant(ctx context.Context, a data.Applicant) (int64, error)
	WritePairTerms(ctx context.Context, p data.Pair) error
	WriteMatching(ctx context.Context, cohortID int64, pairs []data.Pair, excluded []int64) error
	Applicants(ctx context.Context, cohortID int64) ([]data.Applicant, error)
	Pairs(ctx context.Context, cohortID int64) ([]data.Pair, error)
	CohortMeetings(ctx context.Context, cohortID int64) (map[int64][]data.Meeting, error)
}

// Service runs the operations over one store.
type Service struct{ st Store }

// New is the service over st.
func New(st Store) *Service { return &Service{st: st} }
