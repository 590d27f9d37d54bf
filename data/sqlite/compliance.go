package sqlite

import (
	"context"

	"mentordesk/data"
)

// Compliance computes R7/R8 for every mentor on a day, in list order (last, first name).
func (s *Store) Compliance(ctx context.Context, on data.Date) ([]data.ComplianceRow, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	mentors, err := s.Mentors(ctx, MentorFilter{})
	if err != nil {
		return nil, err
	}
	checks, err := s.Checks(ctx, 0)
	if err != nil {
		return nil, err
	}
	contracts, err := s.Contracts(ctx, 0)
	if err != nil {
		return nil, err
	}
	byMentor := map[int64][]data.Check{}
	for _, c := range checks {
		byMentor[c.MentorID] = append(byMentor[c.MentorID], c)
	}
	cByMentor := map[int64][]data.Contract{}
	for _, c := range contracts {
		cByMentor[c.MentorID] = append(cByMentor[c.MentorID], c)
	}
	year := set.SchoolYear(on)
	out := make([]data.ComplianceRow, len(mentors))
	for i, m := range mentors {
		out[i] = data.Compliance(m, byMentor[m.ID], cByMentor[m.ID], on, year)
	}
	return out, nil
}
