package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"mentordesk/data"
)

// Rosters for every school with mentors, and the introduction letters of a whole cohort, are
// written into a folder at once.
func TestDocumentsBatchOfRostersAndIntroductions(t *testing.T) {
	st := demoStore(t)
	_, s := openDocuments(t, st)
	b := s.batch

	dir := t.TempDir()
	fyne.DoAndWait(func() { b.start(batchRosters, dir) })
	landed(t, "the rosters", &b.busy, func() bool { return b.cancel == nil })
	files, _ := os.ReadDir(dir)
	if len(files) < 2 || b.wrote != len(files) || !strings.Contains(b.status.Text, "rosters written to") {
		t.Fatalf("%d roster files, %d reported (status %q)", len(files), b.wrote, b.status.Text)
	}
	for _, f := range files {
		if strings.Count(f.Name(), "roster") != 1 {
			t.Errorf("roster file %s", f.Name())
		}
	}

	// The sample's first cohort, matched as the director would.
	ctx := context.Background()
	id, ok := b.cohort.value()
	if !ok {
		t.Fatal("no cohort offered")
	}
	applicants, _ := st.Applicants(ctx, id)
	res, err := data.Match(data.MatchInput{Applicants: applicants})
	if err != nil || len(res.Pairs) == 0 {
		t.Fatalf("matching the sample cohort: %d pairs, %v", len(res.Pairs), err)
	}
	var ps []data.Pair
	for _, p := range res.Pairs {
		ps = append(ps, data.Pair{CohortID: id, EarlyID: p.Early.ID, ExperiencedID: p.Experienced.ID, Score: p.Score})
	}
	if err := newDesk(st).ApplyMatching(ctx, id, ps, nil); err != nil {
		t.Fatal(err)
	}
	pairs := len(ps)
	dir = t.TempDir()
	fyne.DoAndWait(func() { b.start(batchIntroductions, dir) })
	landed(t, "the letters", &b.busy, func() bool { return b.cancel == nil })
	files, _ = os.ReadDir(dir)
	if len(files) != pairs || !strings.Contains(b.status.Text, "introduction letters written to") {
		t.Errorf("%d letters for %d pairs (status %q)", len(files), pairs, b.status.Text)
	}
}
