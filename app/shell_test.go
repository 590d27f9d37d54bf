package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestEveryAreaOpens(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	for _, a := range sh.areas {
		fyne.DoAndWait(func() { sh.show(a.name) })
		if sh.current != a || a.built == nil {
			t.Fatalf("%s did not open", a.name)
		}
		waitIdle() // let the area's background load land before the next one starts
	}
}

func TestMentorSearchAsYouType(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Mentors")
	m := sh.current.scr.(*mentors)
	eventually(t, "the mentor list", func() bool { return len(m.all) >= 25 })
	total := len(m.shown)
	test.Type(m.search, "łukas")
	if len(m.shown) != 1 || !strings.Contains(m.shown[0].Mentor.LastName, "Łukasiewicz") {
		t.Fatalf("search 'łukas' shows %d mentors; want Zoë Łukasiewicz only", len(m.shown))
	}
	m.search.SetText("")
	if len(m.shown) != total {
		t.Errorf("clearing the search shows %d of %d", len(m.shown), total)
	}
	m.status.SetSelected("Inactive")
	for _, r := range m.shown {
		if r.Mentor.Status != "inactive" {
			t.Errorf("status filter Inactive shows %s (%s)", r.Mentor.Name(), r.Mentor.Status)
		}
	}
}

func TestSchoolSearch(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Schools")
	s := sh.current.scr.(*schools)
	eventually(t, "the school list", func() bool { return len(s.all) == 8 })
	test.Type(s.search, "shoreline")
	if len(s.shown) == 0 || len(s.shown) == 8 {
		t.Errorf("search 'shoreline' shows %d of 8 schools", len(s.shown))
	}
}

func TestSettingsRefuseBadRateInline(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Settings")
	s := sh.current.scr.(*settings)
	eventually(t, "settings loaded", func() bool { return s.entries["org.name"].Text != "" })
	e := s.entries["rate.focused"]
	e.SetText("")
	test.Type(e, "12.345")
	if e.Validate() == nil {
		t.Error("12.345 accepted as a rate")
	}
	e.SetText("90")
	if e.Validate() != nil {
		t.Error("90 refused as a rate")
	}
}

// TestScreenshots renders every main area of the sample organisation to PNGs (make screenshots).
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, sh := testWindow(t, st)
	for _, a := range sh.areas {
		sh.show(a.name)
		waitIdle()
		capture(t, w, dir, strings.ToLower(strings.ReplaceAll(a.name, " ", "-")))
	}
}
