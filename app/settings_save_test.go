package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// Settings has one Save: it saves the organisation's settings, the review thresholds and the
// backup counts together, or nothing while one of them is wrong.
func TestSettingsSaveEverythingWithOneButton(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Settings")
	s := sh.current.scr.(*settings)
	eventually(t, "settings loaded", func() bool {
		return s.entries["org.name"].Text != "" && s.thresholds.entries["review.min_feedback"].Text != ""
	})
	var saves []string
	walkObjects(sh.win.Content(), func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Save") {
			saves = append(saves, b.Text)
		}
		return true
	})
	if len(saves) != 1 {
		t.Fatalf("Settings shows %d Save buttons: %q", len(saves), saves)
	}
	s.entries["rate.focused"].SetText("82.50")
	s.thresholds.entries["review.min_survey"].SetText("3.2")
	s.backups.counts["backup.daily"].SetText("0")
	test.Tap(s.saveBtn)
	if !strings.Contains(s.saved.Text, "Daily backups kept") {
		t.Fatalf("a wrong count was not named: %q", s.saved.Text)
	}
	if set, _ := st.Settings(context.Background()); set.RateFocused == data.Money(8250) {
		t.Fatal("the rate was saved although the page could not be")
	}
	s.backups.counts["backup.daily"].SetText("10")
	test.Tap(s.saveBtn)
	eventually(t, "the page saved", func() bool { return s.saved.Text == "Saved." })
	set, _ := st.Settings(context.Background())
	th, _ := st.ReviewThresholds(context.Background())
	if set.RateFocused != data.Money(8250) || th.MinSurvey != 3.2 || sh.retention().Daily != 10 {
		t.Errorf("saved rate %s, survey minimum %v, daily backups %d", set.RateFocused.Dollars(), th.MinSurvey, sh.retention().Daily)
	}
}
