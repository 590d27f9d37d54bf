package app

import (
	"context"
	"sync"
)

// The shell's background work — automatic backups, following the focus, screens' loads — runs
// under the shell's context, and the shell waits for all of it before it closes the store
// (restore, "Start my organisation", quit), so no work ever runs on a closed store.

// shellWork is the context the shell's work takes and the count of that work still running.
type shellWork struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex // guards stopped with the wg.Add that follows its check
	done   bool
}

func (w *shellWork) init() {
	w.once.Do(func() { w.ctx, w.cancel = context.WithCancel(context.Background()) })
}

// context is the shell's context: cancelled once the shell stops.
func (sh *shell) context() context.Context {
	sh.work.init()
	return sh.work.ctx
}

// goWork runs f in a goroutine under the shell's context; once the shell has stopped it runs
// nothing and returns false.
func (sh *shell) goWork(f func(ctx context.Context)) bool {
	w := &sh.work
	w.init()
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return false
	}
	w.wg.Add(1)
	w.mu.Unlock()
	go func() {
		defer w.wg.Done()
		f(w.ctx)
	}()
	return true
}

// stopBackground cancels the shell's work and waits for it to end. The work hands its results
// to the UI with fyne.Do, which only queues them, so waiting here on the UI goroutine is safe.
func (sh *shell) stopBackground() {
	w := &sh.work
	w.init()
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
	w.cancel()
	w.wg.Wait()
}
