package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// The concerts typed in New enrollment are saved with it: the classroom, the calendars and the
// events export then know them.
func TestNewEnrollmentSavesTheTermEventsTyped(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	room, err := st.ClassroomByName(ctx, "Madrona Heights K-8", "7th/8th Grade Band")
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := st.Events(ctx, room.ID, data.MustDate("2026-07-01"), data.MustDate("2027-06-30"))
	if len(evs) < 3 {
		t.Fatalf("the sample band has %d events; want 3", len(evs))
	}
	for _, e := range evs {
		if err := st.DeleteEvent(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
	}
	_, sh := testWindow(t, st)
	p := openPrograms(t, sh)
	test.Tap(p.newBtn)
	wz := p.wizard
	eventually(t, "the wizard's choices", func() bool { return wz.ready })
	wz.program.SetSelected(data.Focused.Title())
	wz.mentor.SetSelected("Oliveira, Rafael")
	wz.school.SetSelected("Madrona Heights K-8")
	wz.classroom.SetSelected("7th/8th Grade Band")
	eventually(t, "the term pickers", func() bool { return wz.eventsFrom != 0 && len(wz.eventEntries) == 3 })
	names := []string{"Winter Showcase", "Pops Night", "Spring Festival"}
	for i, e := range wz.eventEntries {
		if e.Text != "" {
			t.Fatalf("term %d is filled with %q though the classroom has no events", i+1, e.Text)
		}
		test.WidgetRenderer(e) // the drop-down button is made with the renderer
		if _, ok := e.ActionItem.(*widget.Button); ok {
			t.Errorf("term %d offers an empty ▾, whose invisible menu swallows the next click", i+1)
		}
		e.SetText(evs[i].Date.String() + " " + names[i])
	}
	test.Tap(wz.proposeBtn)
	eventually(t, "the proposal", func() bool { return wz.prop != nil })
	if wz.prop.acceptBtn.Disabled() {
		t.Fatalf("Accept is disabled: %s", wz.prop.status.Text)
	}
	test.Tap(wz.prop.acceptBtn)
	eventually(t, "the saved enrollment", func() bool { return p.wizard == nil && p.page != nil })

	saved, _ := st.Events(ctx, room.ID, data.MustDate("2026-07-01"), data.MustDate("2027-06-30"))
	if len(saved) != 3 {
		t.Fatalf("%d events saved with the enrollment; want 3: %v", len(saved), saved)
	}
	for i, e := range saved {
		if e.Date != evs[i].Date || e.Name != names[i] {
			t.Errorf("event %d saved as %s %q; want %s %q", i+1, e.Date, e.Name, evs[i].Date, names[i])
		}
	}
}
