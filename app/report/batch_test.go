package report

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

func statementJobs(dir string, n int) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		d := statementDoc(i + 1)
		jobs[i] = Job{Doc: d, Path: filepath.Join(dir, d.FileName())}
	}
	return jobs
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestBatchWritesEveryDocumentAndReportsProgress(t *testing.T) {
	r := testRenderer(t)
	dir := t.TempDir()
	var calls []int
	err := r.Batch(context.Background(), statementJobs(dir, 12), func(done, total int) {
		if total != 12 {
			t.Errorf("total %d, want 12", total)
		}
		calls = append(calls, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 12 || calls[0] != 1 || calls[11] != 12 {
		t.Errorf("progress calls %v, want 1 to 12", calls)
	}
	if got := files(t, dir); len(got) != 12 || got[0] != StatementFile(1) {
		t.Errorf("files %v", got)
	}
}

func TestBatchCancelledWritesNothing(t *testing.T) {
	r := testRenderer(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var done atomic.Int32
	err := r.Batch(ctx, statementJobs(dir, 200), func(n, total int) {
		if done.Add(1) == 5 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("a cancelled batch left %d files: %v", len(got), got[:min(len(got), 5)])
	}
}

func TestBatchWithAnInvalidDocumentWritesNothing(t *testing.T) {
	r := testRenderer(t)
	dir := t.TempDir()
	jobs := statementJobs(dir, 10)
	bad := statementDoc(7)
	bad.Statement.Lines = nil
	jobs[6].Doc = bad
	err := r.Batch(context.Background(), jobs, nil)
	if err == nil {
		t.Fatal("the batch was accepted")
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("an invalid batch left files: %v", got)
	}
}

func TestBatchRefusesTwoDocumentsForOneFile(t *testing.T) {
	r := testRenderer(t)
	dir := t.TempDir()
	jobs := statementJobs(dir, 3)
	jobs[2].Path = jobs[0].Path
	if err := r.Batch(context.Background(), jobs, nil); err == nil {
		t.Fatal("two documents for one file were accepted")
	}
}
