package report

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the processor time the whole process has used, so a benchmark on a busy machine
// can report the work done as well as the wall time it took.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func BenchmarkStatements1000(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]StatementDoc, 1000)
	for i := range docs {
		docs[i] = statementDoc(i + 1)
	}
	cpu := cpuTime()
	for b.Loop() {
		dir := b.TempDir()
		jobs := make([]Job, len(docs))
		for i, d := range docs {
			jobs[i] = Job{Doc: d, Path: filepath.Join(dir, d.FileName())}
		}
		if err := r.Batch(context.Background(), jobs, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
