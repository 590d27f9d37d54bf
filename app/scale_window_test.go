package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

// The window measurements of TestBenchTable run in processes of their own, each this test
// binary started again with MENTORDESK_BENCH_CHILD set: the start (against a bare Fyne window
// built the same way), the screens and the search, and the memory peak. With DISPLAY set they
// use Fyne's real driver, whose one UI goroutine runs every load's result as the app does;
// without, Fyne's test driver and its software painter.

// ---- the parent's side ----

// childResult is what a child process reported: the moments it passed (Unix nanoseconds), its
// samples and its resources.
type childResult struct {
	marks   map[string]int64
	samples map[string][][3]float64 // key → (wall, cpu, frame) milliseconds per run
	order   []string
	cpu     float64 // milliseconds, the whole process
	maxRSS  float64 // peak resident megabytes
}

// runChild runs this test binary as mode on db and reads what it printed.
func runChild(t *testing.T, mode, db string, runs int) (childResult, time.Time) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MENTORDESK_BENCH_CHILD="+mode, "MENTORDESK_BENCH_DB="+db,
		"MENTORDESK_BENCH_RUNS="+strconv.Itoa(runs))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	res := childResult{marks: map[string]int64{}, samples: map[string][][3]float64{}}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	var rest strings.Builder
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "BENCH":
			k, v, _ := strings.Cut(f[1], "=")
			res.marks[k], _ = strconv.ParseInt(v, 10, 64)
		case len(f) == 5 && f[0] == "SAMPLE":
			var x [3]float64
			for i := range x {
				x[i], _ = strconv.ParseFloat(f[2+i], 64)
			}
			if _, seen := res.samples[f[1]]; !seen {
				res.order = append(res.order, f[1])
			}
			res.samples[f[1]] = append(res.samples[f[1]], x)
		default:
			rest.WriteString(sc.Text() + "\n")
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s child: %v\n%s%s", mode, err, rest.String(), stderr.String())
	}
	ps := cmd.ProcessState
	res.cpu = ms(ps.UserTime() + ps.SystemTime())
	res.maxRSS = float64(res.marks["peak-kb"]) / 1024
	if u, ok := ps.SysUsage().(*syscall.Rusage); ok && res.maxRSS == 0 {
		res.maxRSS = float64(u.Maxrss) / 1024
	}
	if res.marks["painted"] == 0 {
		t.Fatalf("%s child reported no frame:\n%s%s", mode, rest.String(), stderr.String())
	}
	return res, t0
}

func since(t0 time.Time, unixNano int64) float64 { return ms(time.Unix(0, unixNano).Sub(t0)) }

// benchStart starts the app on the large database and a bare Fyne window built the same way,
// alternately, each in a new process: from the process starting to the first frame showing
// Home's data (the bare window: its first frame).
func benchStart(t *testing.T, db string, runs int) []benchRow {
	app := benchRow{budget: "start to a usable window (cold open → first frame of Home) < 1 s", limit: 1000, unit: "ms"}
	bare := benchRow{budget: "  the same for a bare Fyne window, built the same way", unit: "ms", reference: true}
	var opened, mounted, loop, landed, bareRSS, appRSS []float64
	for run := -1; run < runs; run++ { // run -1 warms the file cache and is not counted
		b, bt0 := runChild(t, "start-bare", db, 1)
		a, at0 := runChild(t, "start-app", db, 1)
		if run < 0 {
			continue
		}
		bare.wall, bare.cpu = append(bare.wall, since(bt0, b.marks["painted"])), append(bare.cpu, b.cpu)
		app.wall, app.cpu = append(app.wall, since(at0, a.marks["painted"])), append(app.cpu, a.cpu)
		bareRSS, appRSS = append(bareRSS, b.maxRSS), append(appRSS, a.maxRSS)
		opened = append(opened, since(at0, a.marks["opened"]))
		mounted, loop = append(mounted, since(at0, a.marks["mounted"])), append(loop, since(at0, a.marks["loop"]))
		landed = append(landed, since(at0, a.marks["landed"]))
	}
	app.note = fmt.Sprintf("%.1f× the bare window; database open, beside the window's start, at %s; Home's data in its widgets at %s", median(app.wall)/median(bare.wall),
		formatAmount(median(opened), "ms"), formatAmount(median(landed), "ms"))
	t.Logf("start of MentorDesk, medians from the process starting: database open (the window starting meanwhile) %s, shell built %s, window's loop answering %s, Home's data in its widgets %s, first frame with it %s",
		formatAmount(median(opened), "ms"), formatAmount(median(mounted), "ms"), formatAmount(median(loop), "ms"), formatAmount(median(landed), "ms"), formatAmount(median(app.wall), "ms"))
	t.Logf("peak resident at start: bare window %.0f MB, MentorDesk on the large database %.0f MB", median(bareRSS), median(appRSS))
	return []benchRow{app, bare}
}

// benchScreens times, in one process, each area from the click in the navigation to its data in
// its widgets: the first show (building it) and a later one, the calendar's next month, and
// each key typed in the Mentors search. The note gives the frame that then shows it.
func benchScreens(t *testing.T, db string, runs int) []benchRow {
	res, _ := runChild(t, "screens", db, runs)
	budgets := map[string]struct {
		text  string
		limit float64
	}{"search": {"search-as-you-type over 1,000 mentors, per key < 30 ms", 30}, "next-month": {"Calendar next month ready < 50 ms", 50}}
	for _, tab := range paymentTabs {
		budgets["tab:"+strings.ReplaceAll(tab.name, " ", "_")] = struct {
			text  string
			limit float64
		}{"Payments › " + tab.name + " tab ready < 50 ms", 50}
	}
	for _, sc := range benchAreas {
		key := strings.ReplaceAll(sc.area, " ", "_")
		budgets["first:"+key] = struct {
			text  string
			limit float64
		}{sc.area + " ready, first show < 50 ms", 50}
		budgets["again:"+key] = struct {
			text  string
			limit float64
		}{sc.area + " ready, shown again < 50 ms", 50}
	}
	var rows []benchRow
	for _, key := range res.order {
		b, ok := budgets[key]
		if !ok {
			t.Fatalf("unknown sample %q", key)
		}
		r := benchRow{budget: b.text, limit: b.limit, unit: "ms"}
		var frames []float64
		for _, x := range res.samples[key] {
			r.wall, r.cpu, frames = append(r.wall, x[0]), append(r.cpu, x[1]), append(frames, x[2])
		}
		if median(frames) >= 0 {
			r.note = "frame at " + formatAmount(median(frames), "ms")
		}
		rows = append(rows, r)
	}
	t.Logf("the screens' process peaked at %.0f MB resident", res.maxRSS)
	return rows
}

// benchMemory opens the app on the large database, shows every area and waits for each to
// show its data, types a search and turns the calendar a month: the process's peak resident size.
func benchMemory(t *testing.T, db string) benchRow {
	res, _ := runChild(t, "memory", db, 1)
	r := benchRow{budget: "memory peak, large DB open, every area shown < 300 MB", limit: 300, unit: "MB", wall: []float64{res.maxRSS}}
	bare, _ := runChild(t, "start-bare", db, 1)
	r.note = fmt.Sprintf("a bare Fyne window here: %.0f MB; Go heap in use at the end %d MB", bare.maxRSS, res.marks["heap-mb"])
	var steps []string
	for _, name := range []string{"start", "Mentors", "Schools", "Programs", "Calendar", "Payments", "Documents", "Mutual_Mentorship", "Settings", "Home"} {
		steps = append(steps, fmt.Sprintf("%s %d", name, res.marks["rss-"+name]>>10))
	}
	t.Logf("resident MB after each area: %s", strings.Join(steps, ", "))
	return r
}

// ---- the child's side ----

const benchAppID = AppID + ".bench"

// TestMain runs this package's tests, or one measured process of TestBenchTable: Fyne runs a
// window's loop only on the main goroutine, which a test function is not.
func TestMain(m *testing.M) {
	if mode := os.Getenv("MENTORDESK_BENCH_CHILD"); mode != "" {
		if err := benchChild(mode, os.Getenv("MENTORDESK_BENCH_DB")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// mark prints a moment for the parent.
func mark(name string, at time.Time) { fmt.Printf("BENCH %s=%d\n", name, at.UnixNano()) }

// sample prints one measurement for the parent.
func sample(key string, wall, cpu, frame float64) {
	fmt.Printf("SAMPLE %s %.3f %.3f %.3f\n", strings.ReplaceAll(key, " ", "_"), wall, cpu, frame)
}

// frameProbe is a one-pixel raster whose image is made when a frame paints it: armed, it
// reports the moment of the first frame painted after.
type frameProbe struct {
	raster *canvas.Raster
	mu     sync.Mutex
	armed  bool
	at     chan time.Time
}

func newFrameProbe() *frameProbe {
	p := &frameProbe{at: make(chan time.Time, 1)}
	p.raster = canvas.NewRaster(func(w, h int) image.Image {
		p.mu.Lock()
		if p.armed {
			p.armed = false
			select {
			case p.at <- time.Now():
			default:
			}
		}
		p.mu.Unlock()
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	p.raster.Resize(fyne.NewSize(1, 1))
	return p
}

// arm makes the next frame report; call on the UI goroutine.
func (p *frameProbe) arm() {
	p.mu.Lock()
	p.armed = true
	p.mu.Unlock()
	p.raster.Refresh()
}

// over puts the probe over content, where every frame paints it.
func (p *frameProbe) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, container.NewWithoutLayout(p.raster))
}

// serialApp gives Fyne's test driver what the real driver has: one goroutine at a time runs
// what is handed to fyne.Do, so a load landing never builds widgets beside another (the test
// driver runs each in its caller's goroutine, and Fyne's text shaping is not safe for that).
type serialApp struct {
	fyne.App
	d *serialDriver
}

func (a serialApp) Driver() fyne.Driver { return a.d }

// serialDriver is the test driver with DoFromGoroutine run by one goroutine at a time.
type serialDriver struct {
	fyne.Driver
	mu    sync.Mutex
	owner atomic.Int64 // the goroutine running a function now, which may hand on another
}

func (d *serialDriver) DoFromGoroutine(fn func(), _ bool) {
	id := benchGoroutine()
	if d.owner.Load() == id {
		fn()
		return
	}
	d.mu.Lock()
	d.owner.Store(id)
	defer func() { d.owner.Store(0); d.mu.Unlock() }()
	fn()
}

// benchGoroutine is the calling goroutine's number, from the first line of its stack.
func benchGoroutine() int64 {
	var buf [32]byte
	f := strings.Fields(string(buf[:runtime.Stack(buf[:], false)]))
	id, _ := strconv.ParseInt(f[1], 10, 64)
	return id
}

// benchWindow is a child's window: its app, the probe over its content, and how it fails.
type benchWindow struct {
	a        fyne.App
	w        fyne.Window
	probe    *frameProbe
	headless bool
	frames   bool // whether the screens' samples wait for the frame showing them
	fail     func(string)
}

// frameSince is the milliseconds from t0 to the frame the probe was armed for, or -1 where
// frames are not measured.
func (b *benchWindow) frameSince(t0 time.Time) float64 {
	if !b.frames {
		return -1
	}
	return ms(b.painted().Sub(t0))
}

// painted waits for the armed probe's frame; Fyne's test driver paints only when asked.
func (b *benchWindow) painted() time.Time {
	if b.headless {
		fyne.DoAndWait(func() { b.w.Canvas().Capture() })
	}
	select {
	case at := <-b.probe.at:
		return at
	case <-time.After(time.Minute):
		b.fail("no frame was painted")
		return time.Time{}
	}
}

// benchChild is one process of TestBenchTable: "start-bare", "start-app", "screens" or "memory".
// MENTORDESK_BENCH_CPUPROFILE names a file for the process's CPU profile, and
// MENTORDESK_BENCH_AREAS (comma-separated) limits the screens measured, to find where a slow
// screen spends its time. It ends the process itself once it has reported: Fyne's driver now
// and then never returns from a quit that follows its first frame closely.
func benchChild(mode, db string) error {
	var cleanups []func()
	exit := func(err error) {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if path := os.Getenv("MENTORDESK_BENCH_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		cleanups = append(cleanups, pprof.StopCPUProfile)
	}
	// The screens are timed in the test driver unless asked: under Xvfb, Mesa's software GL paints
	// every frame on the same two cores the loads need, which a graphics card would not.
	headless := os.Getenv("DISPLAY") == "" || mode == "screens" && os.Getenv("MENTORDESK_BENCH_SCREENS_WINDOW") == ""
	b := &benchWindow{headless: headless, frames: !headless, probe: newFrameProbe()}
	if b.headless {
		a := test.NewApp()
		b.a = serialApp{a, &serialDriver{Driver: a.Driver()}}
		fyne.SetCurrentApp(b.a)
	} else {
		b.a = fyneapp.NewWithID(benchAppID)
	}
	p := b.a.Preferences()
	p.SetBool(prefWelcomed, true)
	p.SetString(prefArea, "Home")
	applyTheme(b.a)
	b.w = b.a.NewWindow("MentorDesk")
	b.w.Resize(fyne.NewSize(1200, 780))
	var failOnce sync.Once
	b.fail = func(msg string) {
		failOnce.Do(func() { exit(errors.New(msg)) })
		runtime.Goexit()
	}
	finish := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("BENCH heap-mb=%d\n", m.HeapInuse>>20)
		fmt.Printf("BENCH peak-kb=%d\n", peakKB())
		exit(nil)
	}
	if mode == "start-bare" {
		b.w.SetContent(b.probe.over(widget.NewLabel("MentorDesk")))
		go func() {
			fyne.DoAndWait(b.probe.arm) // runs once the window's loop does
			mark("painted", b.painted())
			finish()
		}()
	} else {
		lock, err := sqlite.AcquireLock(db, "window", 0)
		if err != nil {
			return err
		}
		cleanups = append(cleanups, func() { lock.Release() })
		// As Run does: the database opens while the window comes up.
		mounted := make(chan *shell, 1)
		openInto(b.a, b.w, db, func() data.Date { return demo.LargeToday }, func(err error) { exit(err) }, func(sh *shell) {
			mark("opened", time.Now())
			cleanups = append(cleanups, sh.stopBackground, func() { sh.store.Close() })
			b.w.SetContent(b.probe.over(b.w.Content()))
			mark("mounted", time.Now())
			mounted <- sh
		})
		go func() {
			sh := <-mounted
			fyne.DoAndWait(func() { mark("loop", time.Now()) }) // the window's loop runs
			home := benchAreas[0]
			untilShown(b.fail, "Home", func() bool {
				s := areaScreen(sh, "Home")
				if s == nil || !home.shown(s) {
					return false
				}
				mark("landed", time.Now())
				b.probe.arm()
				return true
			})
			mark("painted", b.painted())
			fmt.Printf("BENCH rss-start=%d\n", residentKB())
			switch mode {
			case "screens":
				b.screens(sh, envInt("MENTORDESK_BENCH_RUNS", 5))
			case "memory":
				b.tour(sh)
			}
			finish()
		}()
	}
	if b.headless {
		select {} // the measuring goroutine ends the process
	}
	b.w.ShowAndRun()
	return errors.New("the window closed before the measurement ended")
}

// settleLoads waits for the loads a previous step started to finish, so they neither slow the next
// measurement nor, under the test driver, land while it builds widgets.
func settleLoads(base int) {
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
}

// showTimed clicks an area and waits for its data: the milliseconds to the data in its widgets,
// the processor milliseconds meanwhile, and the milliseconds to the frame that shows it.
func (b *benchWindow) showTimed(sh *shell, sc benchScreen, before func()) (wall, cpu, frame float64, s screen) {
	if before != nil {
		fyne.DoAndWait(before)
	}
	t0, c0 := time.Now(), cpuNow()
	fyne.DoAndWait(func() { sh.show(sc.area); s = areaScreen(sh, sc.area) })
	fail := func(msg string) {
		var state string
		fyne.DoAndWait(func() {
			state = fmt.Sprintf("%T %p now %p shown %v; %+v", s, s, areaScreen(sh, sc.area), sc.shown(s), s)
		})
		b.fail(msg + ": " + state)
	}
	at := untilShown(fail, sc.area, func() bool {
		if sc.shown(s) {
			b.probe.arm()
			return true
		}
		return false
	})
	wall, cpu = ms(at.Sub(t0)), ms(cpuNow()-c0)
	return wall, cpu, b.frameSince(t0), s
}

// screens measures every area first shown and shown again, the calendar's next month and the
// search, runs times after one run that warms the caches.
func (b *benchWindow) screens(sh *shell, runs int) {
	time.Sleep(300 * time.Millisecond)
	base := runtime.NumGoroutine()
	for run := -1; run < runs; run++ {
		for _, sc := range benchAreas {
			if only := os.Getenv("MENTORDESK_BENCH_AREAS"); only != "" && !slices.Contains(strings.Split(only, ","), sc.area) {
				continue
			}
			key := strings.ReplaceAll(sc.area, " ", "_")
			fyne.DoAndWait(func() { sh.show("Settings") })
			settleLoads(base)
			// The area as if never opened: built again, as on its first show.
			wall, cpu, frame, s := b.showTimed(sh, sc, func() {
				for _, a := range sh.areas {
					if a.name == sc.area {
						a.scr, a.built = nil, nil
					}
				}
			})
			if run >= 0 {
				sample("first:"+key, wall, cpu, frame)
			}
			fyne.DoAndWait(func() { sh.show("Settings") })
			settleLoads(base)
			wall, cpu, frame, _ = b.showTimed(sh, sc, func() { sc.forget(s) })
			if run >= 0 {
				sample("again:"+key, wall, cpu, frame)
			}
			if sc.area == "Calendar" {
				settleLoads(base)
				a := s.(*calendarArea)
				fyne.DoAndWait(func() { a.span = calendarSpan{} })
				t0, c0 := time.Now(), cpuNow()
				fyne.DoAndWait(a.cal.Next)
				at := untilShown(b.fail, "the next month", func() bool {
					if calendarShown(s) {
						b.probe.arm()
						return true
					}
					return false
				})
				wall, cpu, frame := ms(at.Sub(t0)), ms(cpuNow()-c0), b.frameSince(t0)
				if run >= 0 {
					sample("next-month", wall, cpu, frame)
				}
			}
			if sc.area == "Payments" {
				b.paymentTabs(s.(*payments), base, run >= 0)
			}
		}
		b.search(sh, base, run >= 0)
	}
}

// search types words into the Mentors search one key at a time; each key filters the thousand
// mentors and refreshes the list before the call returns.
func (b *benchWindow) search(sh *shell, base int, record bool) {
	fyne.DoAndWait(func() { sh.show("Mentors") })
	m := areaScreen(sh, "Mentors").(*mentors)
	untilShown(b.fail, "Mentors", func() bool { return m.busy.idle() && len(m.all) > 0 })
	settleLoads(base)
	fyne.DoAndWait(func() { b.w.Canvas().Focus(m.search) })
	for _, word := range []string{"tana", "viol", "garcía"} {
		for _, key := range word {
			t0, c0 := time.Now(), cpuNow()
			fyne.DoAndWait(func() {
				m.search.TypedRune(key)
				b.probe.arm()
			})
			wall, cpu := ms(time.Since(t0)), ms(cpuNow()-c0)
			frame := b.frameSince(t0)
			if record {
				sample("search", wall, cpu, frame)
			}
		}
		fyne.DoAndWait(func() { m.search.SetText("") })
	}
}

// residentKB is the process's resident size now, and peakKB its peak so far, from /proc (0
// where there is none). The peak is read here rather than from the parent's rusage, which on
// Linux starts a child at its parent's peak (the child is forked sharing the parent's memory).
func residentKB() int64 { return procStatusKB("VmRSS:") }

func peakKB() int64 { return procStatusKB("VmHWM:") }

func procStatusKB(field string) int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// tour shows every area in turn, each until its data is drawn, then searches and turns a month.
func (b *benchWindow) tour(sh *shell) {
	for _, name := range []string{"Mentors", "Schools", "Programs", "Calendar", "Payments", "Documents", "Mutual Mentorship", "Settings", "Home"} {
		fyne.DoAndWait(func() { sh.show(name) })
		for _, sc := range benchAreas {
			if sc.area == name {
				untilShown(b.fail, name, func() bool { return sc.shown(areaScreen(sh, name)) })
			}
		}
		time.Sleep(300 * time.Millisecond) // areas without a known load settle meanwhile
		fyne.DoAndWait(b.probe.arm)
		b.painted()
		fmt.Printf("BENCH rss-%s=%d\n", strings.ReplaceAll(name, " ", "_"), residentKB())
		switch name {
		case "Mentors":
			m := areaScreen(sh, name).(*mentors)
			fyne.DoAndWait(func() { b.w.Canvas().Focus(m.search) })
			for _, key := range "garcía" {
				fyne.DoAndWait(func() { m.search.TypedRune(key) })
			}
		case "Calendar":
			fyne.DoAndWait(areaScreen(sh, name).(*calendarArea).cal.Next)
			time.Sleep(300 * time.Millisecond)
		}
	}
}
