package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// A check or contract added on a saved mentor's page takes effect at once; on a new mentor the
// page says Save is still needed.
func TestChecksAddedOnASavedMentorTakeEffectAtOnce(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	p := openPage(t, m, "rafael.oliveira@example.org")
	before, _ := st.Contracts(context.Background(), p.id())
	p.tabs.SelectIndex(1)
	p.comp.year.SetText("2029-30")
	test.Type(p.comp.signed, "2026-11-20")
	test.Tap(findButton(t, w, "Add contract"))
	landed(t, "the contract saved", &m.busy, func() bool {
		cs, _ := st.Contracts(context.Background(), p.id())
		return len(cs) == len(before)+1 && p.unsaved() == ""
	})
	if !strings.HasPrefix(p.comp.pending.Text, "Saved") {
		t.Errorf("the page says %q", p.comp.pending.Text)
	}

	n := newMentorForm(t, w, m)
	n.tabs.SelectIndex(1)
	test.Type(n.comp.completed, "2026-11-01")
	test.Tap(findButton(t, w, "Add check"))
	if !strings.Contains(n.comp.pending.Text, "press Save") {
		t.Errorf("a new mentor's check says %q", n.comp.pending.Text)
	}
}
