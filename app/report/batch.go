package report

import (
	"context"
	"errors"
	"fmt"
	"mentordesk/data/filemsg"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Job is one document of a batch and the file it goes to.
type Job struct {
	Doc  Document
	Path string
}

// Batch writes every job's document, on all cores. Every document is validated first, and
// files appear only when the whole batch has succeeded: a cancelled or failed batch leaves the
// folder as it was. progress, when not nil, is called after each document from the calling
// goroutine (never concurrently) with done counting up to total; from the GUI, run Batch in a
// goroutine and update widgets through fyne.Do.
func (r *Renderer) Batch(ctx context.Context, jobs []Job, progress func(done, total int)) error {
	var errs []error
	seen := map[string]bool{}
	for _, j := range jobs {
		name := j.Path
		if name == "" {
			errs = append(errs, fmt.Errorf("%s: no file name", j.Doc.FileName()))
			continue
		}
		if clean := filepath.Clean(name); seen[clean] {
			errs = append(errs, fmt.Errorf("%s: two documents would be written to this file", name))
		} else {
			seen[clean] = true
		}
		if err := j.Doc.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", filepath.Base(name), err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if len(jobs) == 0 {
		return nil
	}
	defer relaxGC()()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		tmp string
		err error
	}
	next := make(chan int)
	results := make(chan result)
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				b, err := r.pdf(jobs[i].Doc)
				tmp := ""
				if err == nil {
					tmp, err = writeTemp(jobs[i].Path, b)
				}
				if err != nil {
					err = fmt.Errorf("%s: %w", filepath.Base(jobs[i].Path), err)
				}
				results <- result{i, tmp, err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	temps := make([]string, len(jobs))
	var failed error
	done := 0
	for res := range results {
		if res.tmp != "" {
			temps[res.i] = res.tmp
		}
		if res.err != nil && failed == nil {
			failed = res.err
			cancel()
		}
		if res.err == nil && failed == nil && ctx.Err() == nil {
			done++
			if progress != nil {
				progress(done, len(jobs))
			}
		}
	}
	if failed == nil && done < len(jobs) {
		failed = context.Cause(ctx)
		if failed == nil {
			failed = context.Canceled
		}
	}
	if failed != nil {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
		return failed
	}
	for i, t := range temps {
		if err := os.Rename(t, jobs[i].Path); err != nil {
			for _, rest := range temps[i:] {
				os.Remove(rest)
			}
			return filemsg.Write(jobs[i].Path, err)
		}
	}
	return nil
}

// batchHeadroom is how much a batch may allocate between two garbage collections.
//
// gofpdf allocates several megabytes per document (a fresh zlib compressor for every stream, a
// 64K-entry width table for every font it subsets). Under the collector's default target, with a
// small live heap, that is several collections per document, which more than doubles a batch's
// time; a fixed headroom keeps it to one collection every few documents for a bounded amount of
// memory.
var batchHeadroom uint64 = 64 << 20 // zero leaves the collector alone (benchmarks compare)

var gcRelax struct {
	sync.Mutex
	batches int
	old     int
}

// relaxGC raises the collector's target for the length of a batch and returns the undo; it
// never lowers a target the program already chose, and nested batches restore it once.
func relaxGC() (restore func()) {
	gcRelax.Lock()
	defer gcRelax.Unlock()
	if batchHeadroom == 0 {
		return func() {}
	}
	if gcRelax.batches == 0 {
		live := uint64(4 << 20)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = max(live, sample[0].Value.Uint64())
		}
		percent := int(min(batchHeadroom*100/live, 2000))
		gcRelax.old = debug.SetGCPercent(percent)
		if gcRelax.old < 0 || gcRelax.old >= percent {
			debug.SetGCPercent(gcRelax.old)
		}
	}
	gcRelax.batches++
	return func() {
		gcRelax.Lock()
		defer gcRelax.Unlock()
		if gcRelax.batches--; gcRelax.batches == 0 {
			debug.SetGCPercent(gcRelax.old)
		}
	}
}
