package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTagEntry(t *testing.T) {
	test.NewTempApp(t)
	newTags := func() (*TagEntry, *[][]string) {
		te := NewTagEntry("Add an instrument")
		te.SetSuggestions([]string{"Flute", "Trumpet", "Trombone", "Euphonium", "Alto saxophone", "Tenor saxophone"})
		var calls [][]string
		te.OnChanged = func(tags []string) { calls = append(calls, tags) }
		w := test.NewWindow(te)
		w.Resize(fyne.NewSize(400, 300))
		t.Cleanup(w.Close)
		return te, &calls
	}

	t.Run("Enter adds the typed tag", func(t *testing.T) {
		te, calls := newTags()
		test.Type(te.Entry(), "viola")
		te.Entry().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got := te.Tags(); !slices.Equal(got, []string{"viola"}) {
			t.Fatalf("tags = %v, want [viola]", got)
		}
		if te.Entry().Text != "" || len(*calls) != 1 {
			t.Errorf("entry %q after Enter, %d OnChanged calls; want empty and 1", te.Entry().Text, len(*calls))
		}
	})

	t.Run("comma and semicolon separate tags", func(t *testing.T) {
		te, _ := newTags()
		test.Type(te.Entry(), "flute, piccolo;")
		if got := te.Tags(); !slices.Equal(got, []string{"flute", "piccolo"}) {
			t.Fatalf("tags = %v, want [flute piccolo]", got)
		}
	})

	t.Run("duplicates are compared case-insensitively", func(t *testing.T) {
		te, calls := newTags()
		te.SetTags([]string{"Flute"})
		if te.Add("  flute ") {
			t.Error("Add(flute) beside Flute reported a new tag")
		}
		if got := te.Tags(); !slices.Equal(got, []string{"Flute"}) || len(*calls) != 0 {
			t.Errorf("tags = %v after %d calls, want [Flute] and no OnChanged", got, len(*calls))
		}
	})

	t.Run("suggestions match what is typed, prefix first, without tags already added", func(t *testing.T) {
		te, _ := newTags()
		te.SetTags([]string{"Trumpet"})
		test.Type(te.Entry(), "t")
		if got, want := te.Hints(), []string{"Trombone", "Tenor saxophone", "Flute", "Alto saxophone"}; !slices.Equal(got, want) {
			t.Errorf("hints for %q = %v, want %v", "t", got, want)
		}
		te.Entry().SetText("sax")
		hints := te.hints.Objects
		if len(hints) != 2 || !te.hints.Visible() {
			t.Fatalf("%d suggestion buttons shown for %q, want 2", len(hints), "sax")
		}
		test.Tap(hints[1].(*widget.Button))
		if got := te.Tags(); !slices.Equal(got, []string{"Trumpet", "Tenor saxophone"}) {
			t.Errorf("after tapping the suggestion, tags = %v", got)
		}
		if te.Entry().Text != "" || te.hints.Visible() {
			t.Errorf("entry %q and suggestions visible=%v after picking, want both cleared", te.Entry().Text, te.hints.Visible())
		}
	})

	t.Run("tapping a tag removes it", func(t *testing.T) {
		te, calls := newTags()
		te.SetTags([]string{"Flute", "Piccolo"})
		test.Tap(te.chips.Objects[0].(*widget.Button))
		if got := te.Tags(); !slices.Equal(got, []string{"Piccolo"}) {
			t.Fatalf("tags = %v, want [Piccolo]", got)
		}
		if len(*calls) != 1 || !slices.Equal((*calls)[0], []string{"Piccolo"}) {
			t.Errorf("OnChanged calls = %v", *calls)
		}
	})

	t.Run("Commit keeps what was typed but not added", func(t *testing.T) {
		te, _ := newTags()
		test.Type(te.Entry(), "harp")
		te.Commit()
		if got := te.Tags(); !slices.Equal(got, []string{"harp"}) {
			t.Errorf("tags = %v, want [harp]", got)
		}
	})
}
