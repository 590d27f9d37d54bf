package report

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"mentordesk/data"
)

// cpuTime is the processor time the whole process has used, so a benchmark on a busy machine
// can report the work done as well as the wall time it took.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// DESIGN §7: 1,000 payment statements as PDFs in under 5 s on 2 cores.
func BenchmarkStatements1000(b *testing.B) {
	benchmarkStatements(b, testRenderer(b))
}

// The same batch with every document parsing the fonts itself, as gofpdf does on its own.
func BenchmarkStatements1000ParsedFonts(b *testing.B) {
	r, err := newRenderer(notoSans(), false)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkStatements(b, r)
}

// The same batch with the collector at its default target throughout.
func BenchmarkStatements1000DefaultGC(b *testing.B) {
	defer func(h uint64) { batchHeadroom = h }(batchHeadroom)
	batchHeadroom = 0
	benchmarkStatements(b, testRenderer(b))
}

// Neither optimisation: what plain gofpdf use costs.
func BenchmarkStatements1000Plain(b *testing.B) {
	defer func(h uint64) { batchHeadroom = h }(batchHeadroom)
	batchHeadroom = 0
	r, err := newRenderer(notoSans(), false)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkStatements(b, r)
}

func benchmarkStatements(b *testing.B, r *Renderer) {
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

// DESIGN §7: a 200-mentor roster with photos in under 2 s.
func BenchmarkRoster200(b *testing.B) {
	r := testRenderer(b)
	samples := []data.Mentor{minh(), zoe(), jose(), asa()}
	d := RosterDoc{Org: sampleOrg(), Title: "Mentor roster — all schools", On: data.MustDate("2026-02-10")}
	for i := range 200 {
		m := samples[i%len(samples)]
		m.LastName = fmt.Sprintf("%s %03d", m.LastName, i)
		m.Photo = samplePhoto(360, 360, i, false)
		d.Mentors = append(d.Mentors, m)
	}
	cpu := cpuTime()
	for b.Loop() {
		if err := r.WriteFile(filepath.Join(b.TempDir(), d.FileName()), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
