package service

import (
	"context"
	"errors"
	"fmt"

	"mentordesk/data"
)

// SaveCohort saves a cohort after data.CheckCohort; the end defaults to six months after the
// start (data.Cohort.TermEnd); a name already taken is a problem of the cohort field.
func (s *Service) SaveCohort(ctx context.Context, c data.Cohort) (int64, error) {
	if p := data.CheckCohort(c); len(p) > 0 {
		return 0, p
	}
	c.End = c.TermEnd()
	return s.st.WriteCohort(ctx, c)
}

// SaveApplicant saves an applicant's intake form (CohortID set) after Validate and
// data.CheckIntakeChange: an e-mail already in the cohort is a problem of the email field, and
// so is a change of career stage once the applicant is paired.
func (s *Service) SaveApplicant(ctx context.Context, a data.Applicant) (int64, error) {
	a.Email = data.NormalizeEmail(a.Email)
	if err := a.Validate(); err != nil {
		return 0, err
	}
	if a.ID != 0 {
		before, paired, err := s.storedApplicant(ctx, a)
		if err != nil {
			return 0, err
		}
		if p := data.CheckIntakeChange(before, a, paired); len(p) > 0 {
			return 0, p
		}
	}
	return s.st.WriteApplicant(ctx, a)
}

// storedApplicant is a's stored intake and whether it is in a stored pair.
func (s *Service) storedApplicant(ctx context.Context, a data.Applicant) (data.Applicant, bool, error) {
	applicants, err := s.st.Applicants(ctx, a.CohortID)
	if err != nil {
		return data.Applicant{}, false, err
	}
	for _, b := range applicants {
		if b.ID != a.ID {
			continue
		}
		pairs, err := s.st.Pairs(ctx, a.CohortID)
		if err != nil {
			return b, false, err
		}
		for _, p := range pairs {
			if p.EarlyID == a.ID || p.ExperiencedID == a.ID {
				return b, true, nil
			}
		}
		return b, false, nil
	}
	return data.Applicant{}, false, fmt.Errorf("applicant #%d of cohort #%d: %w", a.ID, a.CohortID, data.ErrNotFound)
}

// SavePairTerms stores a pair's agreement and end-of-term decisions after data.CheckAgreement.
func (s *Service) SavePairTerms(ctx context.Context, p data.Pair) error {
	if pr := data.CheckAgreement(p); len(pr) > 0 {
		return pr
	}
	return s.st.WritePairTerms(ctx, p)
}

// ApplyMatching stores a cohort's matching: the pairs replace the stored ones, keeping each
// kept pair's agreement and decisions (data.CarryAgreements), and excluded are the applicants
// left out of matching. A cohort whose pairs have met can no longer be re-matched.
func (s *Service) ApplyMatching(ctx context.Context, cohortID int64, pairs []data.Pair, excluded []int64) error {
	meetings, err := s.st.CohortMeetings(ctx, cohortID)
	if err != nil {
		return err
	}
	n := 0
	for _, ms := range meetings {
		n += len(ms)
	}
	if err := data.CheckRematch(n); err != nil {
		return err
	}
	stored, err := s.st.Pairs(ctx, cohortID)
	if err != nil {
		return err
	}
	for i := range pairs {
		if pairs[i].CohortID != 0 && pairs[i].CohortID != cohortID {
			return errors.New("a pair of another cohort cannot be applied here")
		}
	}
	return s.st.WriteMatching(ctx, cohortID, data.CarryAgreements(stored, pairs), excluded)
}

// Excluded lists the applicants of a cohort left out of matching: what a matching applied
// without changing exclusions passes on.
func Excluded(applicants []data.Applicant) []int64 {
	var out []int64
	for _, a := range applicants {
		if a.Excluded {
			out = append(out, a.ID)
		}
	}
	return out
}
