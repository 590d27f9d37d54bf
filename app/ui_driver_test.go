package app

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Fyne's test driver runs what fyne.Do is handed at once, on the caller's goroutine, so a load
// landing would touch widgets beside the test. The test app here has the real driver's threading
// instead: the test goroutine is the UI goroutine, and what other goroutines hand to fyne.Do
// waits in a queue until it runs there, one at a time, while the test waits (pause, eventually,
// runUI) — as the real loop runs it between events.

// uiDriver is the test driver with the real one's queue.
type uiDriver struct {
	fyne.Driver
	mu    sync.Mutex
	queue []func()
}

// DoFromGoroutine queues f for the UI goroutine. Waiting for it is what only the UI goroutine
// itself does in the tests (fyne.DoAndWait in a test body): it runs the queue, then f.
func (d *uiDriver) DoFromGoroutine(f func(), wait bool) {
	if wait {
		d.run()
		f()
		return
	}
	d.mu.Lock()
	d.queue = append(d.queue, f)
	d.mu.Unlock()
}

// run runs what is queued, in order, including what that queues in turn.
func (d *uiDriver) run() {
	for {
		d.mu.Lock()
		if len(d.queue) == 0 {
			d.mu.Unlock()
			return
		}
		f := d.queue[0]
		d.queue = d.queue[1:]
		d.mu.Unlock()
		f()
	}
}

// uiApp is a test app driven by a uiDriver.
type uiApp struct {
	fyne.App
	d *uiDriver
}

func (a uiApp) Driver() fyne.Driver { return a.d }

// testUI is the driver of the current test app, whose queue runUI runs.
var testUI *uiDriver

// newTestApp is Fyne's test app with the real driver's threading, torn down with the test.
func newTestApp(t testing.TB) fyne.App {
	a := test.NewTempApp(t)
	d := &uiDriver{Driver: a.Driver()}
	u := uiApp{a, d}
	fyne.SetCurrentApp(u)
	testUI = d
	t.Cleanup(func() {
		if testUI == d {
			testUI = nil
		}
	})
	return u
}

// runUI runs, on the test goroutine, what other goroutines handed to fyne.Do so far.
func runUI() {
	if testUI != nil {
		testUI.run()
	}
}
