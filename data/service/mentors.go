package service

import (
	"context"

	"mentordesk/data"
)

// SaveMentor saves a mentor's profile and makes their background checks and contracts exactly
// the ones given, after data.MentorRecords.Validate; it returns the mentor's ID. Problems come
// back as data.Problems naming the field.
func (s *Service) SaveMentor(ctx context.Context, r data.MentorRecords) (int64, error) {
	r.Mentor.Email = data.NormalizeEmail(r.Mentor.Email)
	if err := r.Validate(); err != nil {
		return 0, err
	}
	return s.st.WriteMentorRecords(ctx, r)
}

// RosterMentors lists the mentors a roster handout may show on a day (data.OnRosterHandout),
// by last and first name, with photos and without private details (data.Mentor.ForRoster).
func (s *Service) RosterMentors(ctx context.Context, f data.RosterFilter) ([]data.Mentor, error) {
	mentors, err := s.st.RosterCandidates(ctx, f)
	if err != nil {
		return nil, err
	}
	rows, err := s.st.Compliance(ctx, f.On)
	if err != nil {
		return nil, err
	}
	cleared := make(map[int64]bool, len(rows))
	for _, r := range rows {
		cleared[r.Mentor.ID] = r.Clearance.Cleared
	}
	review, err := s.RosterReview(ctx, f.On)
	if err != nil {
		return nil, err
	}
	var out []data.Mentor
	for _, m := range mentors {
		if data.OnRosterHandout(m, cleared[m.ID], review[m.ID]) {
			out = append(out, m.ForRoster())
		}
	}
	return out, nil
}
