package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"mentordesk/data"
)

// What "ready" means for each screen and Payments tab the benchmarks time (scale_window_test.go).

// benchScreen tells when an area shows its data: forget drops what it shows, so that after a
// reload shown turns true only once the new data is in its widgets. Both run on the UI goroutine.
type benchScreen struct {
	area   string
	forget func(screen)
	shown  func(screen) bool
}

// paymentsSeen holds each Payments screen's ready lists shown when it was last forgotten.
var paymentsSeen = map[*payments]int{}

// paymentTabs are the Payments tabs behind the first, each read when it is selected: forget
// drops what it shows, shown tells when it shows its data again.
var paymentTabs = []struct {
	name   string
	index  int
	forget func(p *payments)
	shown  func(p *payments) bool
}{
	{"Statements", statementsTabIndex, func(p *payments) { p.stmts.choices = data.StatementChoices{} },
		func(p *payments) bool { return p.stmts.choices.Count > 0 && len(p.stmts.shown) > 0 }},
	{"By mentor", balancesTabIndex, func(p *payments) { p.balances = nil },
		func(p *payments) bool { return len(p.balances) > 0 }},
	{"Year-end", yearEndTabIndex, func(p *payments) { p.yearEnd = data.YearEnd{} },
		func(p *payments) bool { return len(p.yearEnd.Totals) > 0 }},
}

// programsSeen holds each Programs screen's finished reloads when it was last forgotten.
var programsSeen = map[*programs]int{}

var benchAreas = []benchScreen{
	{"Home", func(s screen) { s.(*home).title.SetText("") }, func(s screen) bool {
		h := s.(*home)
		return h.busy.idle() && h.title.Text != "" && (h.review == nil || h.review.busy.idle())
	}},
	{"Mentors", func(s screen) { s.(*mentors).all = nil }, func(s screen) bool {
		m := s.(*mentors)
		return m.busy.idle() && len(m.all) > 0
	}},
	{"Schools", func(s screen) { s.(*schools).all = nil }, func(s screen) bool {
		x := s.(*schools)
		return x.work.idle() && len(x.all) > 0
	}},
	{"Programs", func(s screen) { programsSeen[s.(*programs)] = s.(*programs).reloads }, func(s screen) bool {
		p := s.(*programs)
		return p.reloads > programsSeen[p]
	}},
	{"Calendar", func(s screen) {
		a := s.(*calendarArea)
		a.people, a.span = calendarPeople{}, calendarSpan{}
	}, calendarShown},
	{"Payments", func(s screen) { paymentsSeen[s.(*payments)] = s.(*payments).ready.shows }, func(s screen) bool {
		p := s.(*payments)
		return p.settled() && p.ready.shows > paymentsSeen[p]
	}},
	{"Mutual Mentorship", func(s screen) { s.(*mutual).cd.applicants = nil }, func(s screen) bool {
		m := s.(*mutual)
		return m.busy.idle() && len(m.cd.applicants) > 0
	}},
}

func calendarShown(s screen) bool {
	a := s.(*calendarArea)
	return len(a.people.mentors) > 0 && len(a.span.sessions) > 0 && a.drawn == a.span.from
}

func areaScreen(sh *shell, name string) screen {
	for _, a := range sh.areas {
		if a.name == name {
			return a.scr
		}
	}
	return nil
}

// untilShown polls cond on the UI goroutine until it holds and returns when it first held.
func untilShown(fail func(string), what string, cond func() bool) time.Time {
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return time.Now()
		}
		if time.Now().After(deadline) {
			fail(what + " never showed its data")
		}
		time.Sleep(500 * time.Microsecond)
	}
}

// paymentTabs selects each Payments tab behind the first, out of date, and times it to its data.
func (b *benchWindow) paymentTabs(p *payments, base int, record bool) {
	for _, tab := range paymentTabs {
		settleLoads(base)
		fyne.DoAndWait(func() {
			p.tabs.SelectIndex(readyTabIndex)
			p.stale[tab.index] = true
			tab.forget(p)
		})
		t0, c0 := time.Now(), cpuNow()
		fyne.DoAndWait(func() { p.tabs.SelectIndex(tab.index) })
		at := untilShown(b.fail, "the "+tab.name+" tab", func() bool {
			if p.settled() && tab.shown(p) {
				b.probe.arm()
				return true
			}
			return false
		})
		if record {
			sample("tab:"+strings.ReplaceAll(tab.name, " ", "_"), ms(at.Sub(t0)), ms(cpuNow()-c0), b.frameSince(t0))
		}
	}
	fyne.DoAndWait(func() { p.tabs.SelectIndex(readyTabIndex) })
}
