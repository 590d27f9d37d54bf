package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The mentor form's summary of what keeps it from saving names each field, and sits above the
// tab bar, not over it.
func TestMentorFormSummaryNamesTheFieldsAboveTheTabs(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	p := newMentorForm(t, w, m)
	typeInto(p, "bio", "Plays the oboe.")
	test.Tap(p.saveButton)
	if !p.notice.Visible() {
		t.Fatal("no summary after saving an empty form")
	}
	for _, want := range []string{"First name is required", "Last name is required", "E-mail is required"} {
		if !strings.Contains(p.notice.Text, want) {
			t.Errorf("the summary %q does not say %q", p.notice.Text, want)
		}
	}
	w.Content().Refresh()
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(p.notice).Y + p.notice.MinSize().Height
	if top := d.AbsolutePositionForObject(p.tabs).Y; bottom > top+1 {
		t.Errorf("the summary ends at %.0f, over the tab bar at %.0f", bottom, top)
	}
}
