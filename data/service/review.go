package service

import (
	"context"
	"fmt"

	"mentordesk/data"
)

// RosterReview weighs every mentor's feedback, surveys, punctuality and decisions of the 12
// months up to on against the director's thresholds: the review state by mentor ID.
func (s *Service) RosterReview(ctx context.Context, on data.Date) (map[int64]data.ReviewState, error) {
	return s.review(ctx, 0, on)
}

// MentorReview is RosterReview for one mentor: what the mentor page, the feedback panel and the
// roster handout all weigh.
func (s *Service) MentorReview(ctx context.Context, mentorID int64, on data.Date) (data.ReviewState, error) {
	states, err := s.review(ctx, mentorID, on)
	if err != nil {
		return data.ReviewState{}, err
	}
	st, ok := states[mentorID]
	if !ok {
		return st, fmt.Errorf("mentor %d: %w", mentorID, data.ErrNotFound)
	}
	return st, nil
}

func (s *Service) review(ctx context.Context, mentorID int64, on data.Date) (map[int64]data.ReviewState, error) {
	t, err := s.st.ReviewThresholds(ctx)
	if err != nil {
		return nil, err
	}
	records, err := s.st.ReviewRecords(ctx, mentorID, on)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]data.ReviewState, len(records))
	for id, r := range records {
		out[id] = r.Review(on, t)
	}
	return out, nil
}
