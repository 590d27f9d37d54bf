package script

import (
	"context"
	"maps"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"mentordesk/data"
	"mentordesk/data/mail/mailtest"
	"mentordesk/data/sqlite"
)

// BenchmarkSendStatements sends n issued statements of the large organisation to a server on
// this machine, each PDF drawn and attached and each message recorded in the outbox as it goes
// (DESIGN budget: 200 in under 10 s). peak-heap-MB is the most the heap held during a send: it
// stays about the same from 20 statements to 200, as a batch is drawn and queued 25 at a time
// and sent one message at a time.
//
//	go test -tags migrated_fynedo -run '^$' -bench SendStatements -benchtime 3x ./cmd/mentordesk/script/
func BenchmarkSendStatements(b *testing.B) {
	db := largeDB(b, false)
	srv := mailtest.Start(b, mailtest.Options{})
	if _, err := mailSettingsOn(db, srv, "none"); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{200, 20} {
		from, through := statementSpan(b, db, n)
		b.Run(map[int]string{200: "200", 20: "20"}[n], func(b *testing.B) {
			args := []string{"send", "statements", "--resend", "--from", from.String(), "--through", through.String()}
			var peak uint64
			before := len(srv.Messages())
			for b.Loop() {
				runtime.GC()
				stop := sampleHeap(&peak)
				code, _, stderr := runB(db, args...)
				stop()
				if code != 0 {
					b.Fatalf("exit %d: %s", code, stderr)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(len(srv.Messages())-before)/float64(b.N), "messages/op")
		})
	}
}

// statementSpan is visit dates holding n statements or up to a tenth more (many statements
// share a visit date, so a span seldom holds exactly n).
func statementSpan(b *testing.B, db string, n int) (from, through data.Date) {
	s, err := sqlite.Open(db, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sums, err := s.StatementSummaries(context.Background(), sqlite.StatementFilter{From: data.MustDate("2025-09-01"), Through: data.MustDate("2026-06-30")})
	if err != nil || len(sums) < n {
		b.Fatalf("%d statements in 2025-26: %v", len(sums), err)
	}
	perDay := map[data.Date]int{}
	for _, x := range sums {
		perDay[x.VisitDate]++
	}
	days := slices.Sorted(maps.Keys(perDay))
	for i := range days {
		total := 0
		for j := i; j < len(days); j++ {
			total += perDay[days[j]]
			if total >= n {
				if total <= n+n/10 {
					return days[i], days[j]
				}
				break
			}
		}
	}
	b.Fatalf("no span of visit dates holds %d to %d statements", n, n+n/10)
	return 0, 0
}

// sampleHeap records the largest heap in use until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > *peak {
				*peak = ms.HeapInuse
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
