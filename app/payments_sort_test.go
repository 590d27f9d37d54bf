package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// Tapping a column's header sorts the visits ready to pay by it, again the other way; amounts
// sort as numbers.
func TestPaymentsSortByAnyColumn(t *testing.T) {
	st := demoStore(t)
	_, p := openPayments(t, st)
	r := p.ready
	if len(r.list.Visits) < 3 {
		t.Fatalf("%d visits ready; the test needs three", len(r.list.Visits))
	}
	totals := func() []data.Money {
		var out []data.Money
		for _, v := range r.list.Visits {
			out = append(out, v.Draft.Total())
		}
		return out
	}
	header := func(title string) *widget.Button {
		var found *widget.Button
		walkObjects(r.table, func(o fyne.CanvasObject) bool {
			if b, ok := o.(*widget.Button); ok && found == nil && (b.Text == title || b.Text == title+" ▲" || b.Text == title+" ▼") {
				found = b
			}
			return true
		})
		if found == nil {
			t.Fatalf("no header %q", title)
		}
		return found
	}
	test.Tap(header("Total"))
	if got := totals(); !slices.IsSorted(got) {
		t.Errorf("sorted by Total: %v", got)
	}
	test.Tap(header("Total"))
	got := totals()
	slices.Reverse(got)
	if !slices.IsSorted(got) {
		t.Errorf("sorted by Total the other way: %v", totals())
	}
}
