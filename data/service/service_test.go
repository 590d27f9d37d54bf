package service

import (
	"context"
	"errors"
	"slices"
	"testing"

	"mentordesk/data"
)

// fakeStore keeps a cohort in memory, as the service sees a store.
type fakeStore struct {
	Store      // the methods a test does not use panic
	applicants []data.Applicant
	pairs      []data.Pair
	meetings   map[int64][]data.Meeting
	written    []data.Pair
	wrote      int
}

func (f *fakeStore) Applicants(context.Context, int64) ([]data.Applicant, error) {
	return f.applicants, nil
}
func (f *fakeStore) Pairs(context.Context, int64) ([]data.Pair, error) { return f.pairs, nil }
func (f *fakeStore) CohortMeetings(context.Context, int64) (map[int64][]data.Meeting, error) {
	return f.meetings, nil
}
func (f *fakeStore) WriteApplicant(_ context.Context, a data.Applicant) (int64, error) {
	f.wrote++
	return a.ID, nil
}
func (f *fakeStore) WriteMatching(_ context.Context, _ int64, pairs []data.Pair, _ []int64) error {
	f.written = pairs
	return nil
}

func cohort() *fakeStore {
	return &fakeStore{
		applicants: []data.Applicant{
			{ID: 1, CohortID: 9, FirstName: "Ana", LastName: "Díaz", Email: "ana@example.org", CareerStage: data.Early},
			{ID: 2, CohortID: 9, FirstName: "Bo", LastName: "Lee", Email: "bo@example.org", CareerStage: data.Experienced},
		},
		pairs: []data.Pair{{ID: 5, CohortID: 9, EarlyID: 1, ExperiencedID: 2, Frequency: "Weekly", Topics: []string{"warm-ups"}}},
	}
}

func TestSaveApplicantKeepsAPairedApplicantsStage(t *testing.T) {
	st := cohort()
	a := st.applicants[0]
	a.CareerStage = data.Experienced
	var p data.Problems
	if _, err := New(st).SaveApplicant(context.Background(), a); !errors.As(err, &p) || p.For("career_stage") == "" || st.wrote != 0 {
		t.Errorf("a paired applicant's new stage: %v, %d written", err, st.wrote)
	}
	a = st.applicants[0]
	a.School = "Kellogg Middle School"
	if _, err := New(st).SaveApplicant(context.Background(), a); err != nil || st.wrote != 1 {
		t.Errorf("another change of a paired applicant: %v, %d written", err, st.wrote)
	}
}

func TestApplyMatchingKeepsAgreedTermsAndRefusesAfterMeetings(t *testing.T) {
	st := cohort()
	if err := New(st).ApplyMatching(context.Background(), 9, []data.Pair{{EarlyID: 1, ExperiencedID: 2, Score: 1}}, nil); err != nil {
		t.Fatal(err)
	}
	if len(st.written) != 1 || st.written[0].Frequency != "Weekly" || !slices.Equal(st.written[0].Topics, []string{"warm-ups"}) {
		t.Errorf("written %+v; want the pair's agreed terms kept", st.written)
	}
	st.meetings = map[int64][]data.Meeting{5: {{PairID: 5}}}
	if err := New(st).ApplyMatching(context.Background(), 9, nil, nil); !errors.Is(err, data.ErrRematchAfterMeetings) {
		t.Errorf("re-matching after a meeting: %v", err)
	}
}
