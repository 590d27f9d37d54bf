package app

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// openMentorsArea shows the Mentors area over st once its list has loaded.
func openMentorsArea(t *testing.T, st *sqlite.Store) (fyne.Window, *shell, *mentors) {
	t.Helper()
	w, sh := testWindow(t, st)
	sh.show("Mentors")
	m := sh.current.scr.(*mentors)
	t.Cleanup(func() { quiesce(&m.busy) }) // late loads must not touch Fyne's shared caches in the next test
	landed(t, "the mentor list", &m.busy, func() bool { return len(m.all) > 0 })
	return w, sh, m
}

// openPage opens the page of the mentor with the e-mail and waits for it to load.
func openPage(t *testing.T, m *mentors, email string) *mentorPage {
	t.Helper()
	var id int64
	for _, r := range m.all {
		if r.Mentor.Email == email {
			id = r.Mentor.ID
		}
	}
	if id == 0 {
		t.Fatalf("no mentor %s in the list", email)
	}
	m.openMentor(id)
	landed(t, "the page of "+email, &m.busy, func() bool { return m.page != nil && m.page.fields["email"].entry.Text == email })
	return m.page
}

// newMentorForm taps "New mentor" and returns the empty page.
func newMentorForm(t *testing.T, w fyne.Window, m *mentors) *mentorPage {
	t.Helper()
	test.Tap(findButton(t, w, "New mentor"))
	landed(t, "the new mentor page", &m.busy, func() bool {
		return m.page != nil && m.page.id() == 0 && m.page.status.Selected == "Applicant"
	})
	return m.page
}

// landed waits for the screen's loads and saves to land and cond to hold.
func landed(t *testing.T, what string, busy *inflight, cond func() bool) {
	t.Helper()
	eventually(t, what, func() bool { return busy.idle() && cond() })
}

// quiesce waits, a little, for what is in flight to land.
func quiesce(busy *inflight) {
	for i := 0; i < 200 && !busy.idle(); i++ {
		pause(10 * time.Millisecond)
	}
}

func typeInto(p *mentorPage, field, text string) {
	e := p.fields[field].entry
	e.SetText("")
	test.Type(e, text)
}

// findButton finds a button by its text, in the top dialog first, then in the window.
func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	look := func(o fyne.CanvasObject) {
		walkObjects(o, func(o fyne.CanvasObject) bool {
			if b, ok := o.(*widget.Button); ok && found == nil && b.Text == text && b.Visible() {
				found = b
			}
			return true
		})
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		look(top)
	}
	if found == nil {
		look(w.Canvas().Content())
	}
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return found
}

// dialogText is the text of the labels in the top dialog, or "" when none is open.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walkObjects(top, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
		return true
	})
	return b.String()
}

func TestMentorCreatedThroughTheForm(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	before := len(m.all)
	p := newMentorForm(t, w, m)

	typeInto(p, "first_name", "Ana")
	typeInto(p, "last_name", "Díaz")
	typeInto(p, "email", "Ana.Diaz@example.org")
	typeInto(p, "phone", "(206) 555-0190")
	typeInto(p, "address", "12 Pike St, Seattle WA 98101")
	test.Type(p.instruments.Entry(), "vio")
	if hints := p.instruments.Hints(); len(hints) == 0 || !strings.EqualFold(hints[0], "viola") && !strings.EqualFold(hints[0], "violin") {
		t.Errorf("typing 'vio' suggests %v; want the demo's violin or viola first", hints)
	}
	p.instruments.Entry().SetText("")
	test.Type(p.instruments.Entry(), "viola; fiddle")
	p.status.SetSelected("Active")
	test.Type(p.resident, "2019-08-01")
	typeInto(p, "education", "B.M. Viola Performance, University of Washington")
	typeInto(p, "teaching_experience", "Eight years of private studio teaching")
	typeInto(p, "performance_experience", "Section viola, Seattle Symphony")
	typeInto(p, "bio", "Ana grew up in Yakima.\nShe coaches sectionals.")
	if p.unsaved() != "the new mentor Ana Díaz" {
		t.Errorf("unsaved() = %q", p.unsaved())
	}

	test.Tap(p.saveButton)
	landed(t, "the new mentor saved", &m.busy, func() bool { return p.id() != 0 && p.unsaved() == "" })
	got, err := st.MentorByEmail(context.Background(), "ana.diaz@example.org")
	if err != nil {
		t.Fatal(err)
	}
	want := data.Mentor{ID: got.ID, FirstName: "Ana", LastName: "Díaz", Email: "ana.diaz@example.org", Phone: "(206) 555-0190",
		Address: "12 Pike St, Seattle WA 98101", Instruments: []string{"viola", "fiddle"},
		Education: "B.M. Viola Performance, University of Washington", TeachingExperience: "Eight years of private studio teaching",
		PerformanceExperience: "Section viola, Seattle Symphony", Bio: "Ana grew up in Yakima.\nShe coaches sectionals.",
		WAResidentSince: data.MustDate("2019-08-01"), Status: data.Active}
	if g, w := strings.Join(got.Instruments, ";"), strings.Join(want.Instruments, ";"); g != w {
		t.Errorf("instruments saved %q, want %q", g, w)
	}
	got.Instruments, want.Instruments = nil, nil
	if got.Name() != want.Name() || got.Email != want.Email || got.Phone != want.Phone || got.Address != want.Address ||
		got.Education != want.Education || got.TeachingExperience != want.TeachingExperience ||
		got.PerformanceExperience != want.PerformanceExperience || got.Bio != want.Bio ||
		got.WAResidentSince != want.WAResidentSince || got.Status != want.Status {
		t.Errorf("saved %+v\nwant  %+v", got, want)
	}
	landed(t, "the list to show the new mentor, selected", &m.busy, func() bool {
		return len(m.all) == before+1 && m.selected >= 0 && m.shown[m.selected].Mentor.ID == got.ID
	})
	if !strings.Contains(p.headline.Text, "Not cleared") {
		t.Errorf("a mentor without checks shows %q", p.headline.Text)
	}

	// Editing the saved mentor updates the same row.
	typeInto(p, "phone", "(206) 555-0191")
	test.Tap(p.saveButton)
	landed(t, "the edit saved", &m.busy, func() bool { return p.unsaved() == "" })
	again, _ := st.Mentor(context.Background(), got.ID)
	if again.Phone != "(206) 555-0191" || again.Email != "ana.diaz@example.org" {
		t.Errorf("after the edit: phone %q, e-mail %q", again.Phone, again.Email)
	}
}

func TestMentorBadEmailRefusedInline(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	ctx := context.Background()
	count := func() int {
		all, err := st.Mentors(ctx, data.MentorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(all)
	}
	before := count()
	p := newMentorForm(t, w, m)
	typeInto(p, "first_name", "Bob")
	typeInto(p, "last_name", "Marley")
	typeInto(p, "email", "bob@")

	email := p.fields["email"]
	if err := email.entry.Validate(); err == nil || !strings.Contains(err.Error(), "is not an e-mail address") {
		t.Errorf("the e-mail entry validates %q as %v", email.entry.Text, err)
	}
	email.entry.FocusLost() // the user moves on
	if !email.problem.Visible() || !strings.Contains(email.problem.Text, `"bob@" is not an e-mail address`) {
		t.Errorf("beside the e-mail: %q (visible %v)", email.problem.Text, email.problem.Visible())
	}
	test.Tap(p.saveButton)
	if !p.notice.Visible() || p.unsaved() == "" || p.id() != 0 {
		t.Errorf("after Save with a bad e-mail: notice %q, unsaved %q, id %d", p.notice.Text, p.unsaved(), p.id())
	}
	if n := count(); n != before {
		t.Fatalf("Save wrote a mentor with a bad e-mail: %d mentors, was %d", n, before)
	}

	// Fixing it clears the message as the user types.
	email.entry.FocusGained()
	test.Type(email.entry, "example.org")
	if email.problem.Visible() {
		t.Errorf("fixed e-mail still shows %q", email.problem.Text)
	}

	// The store's own refusal (the e-mail is another mentor's) lands beside the field too.
	typeInto(p, "email", "ZOE.lukasiewicz@example.org")
	test.Tap(p.saveButton)
	landed(t, "the duplicate e-mail refused", &m.busy, func() bool {
		return strings.Contains(email.problem.Text, "belongs to another mentor")
	})
	if n := count(); n != before || p.id() != 0 {
		t.Errorf("a duplicate e-mail was saved: %d mentors, was %d", n, before)
	}
}

func TestMentorCheckChangesClearance(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	p := newMentorForm(t, w, m)
	typeInto(p, "first_name", "Lena")
	typeInto(p, "last_name", "Berg")
	typeInto(p, "email", "lena.berg@example.org")
	test.Type(p.resident, "2015-03-01")
	if !strings.HasPrefix(p.headline.Text, "Not cleared") || p.headline.Importance != widget.DangerImportance {
		t.Fatalf("before any check: %q", p.headline.Text)
	}
	if !strings.Contains(p.comp.reasons.Text, "No WSP background check on file") {
		t.Errorf("reasons: %q", p.comp.reasons.Text)
	}

	p.tabs.SelectIndex(1)
	p.comp.kind.SetSelected("WSP background check")
	test.Type(p.comp.completed, "2026-11-01")
	p.comp.result.SetSelected("Clear")
	test.Tap(findButton(t, w, "Add check"))
	if p.headline.Text != "Cleared through 2027-10-31" || p.comp.summary.Text != p.headline.Text {
		t.Errorf("after a clear WSP check: headline %q, tab %q", p.headline.Text, p.comp.summary.Text)
	}

	// A residence under 3 years before the check requires an FBI check as well.
	p.resident.SetText("2025-01-15")
	if !strings.HasPrefix(p.headline.Text, "Not cleared") ||
		!strings.Contains(p.comp.reasons.Text, "FBI check required: Washington resident since 2025-01-15, under 3 years before the WSP check of 2026-11-01") {
		t.Errorf("resident since 2025: %q / %q", p.headline.Text, p.comp.reasons.Text)
	}
	p.comp.kind.SetSelected("FBI fingerprint check")
	test.Type(p.comp.completed, "2026-10-20")
	test.Tap(findButton(t, w, "Add check"))
	if p.headline.Text != "Cleared through 2027-10-19" {
		t.Errorf("after the FBI check: %q", p.headline.Text)
	}

	// The same check twice is refused beside the add row.
	test.Type(p.comp.completed, "2026-10-20")
	test.Tap(findButton(t, w, "Add check"))
	if !p.comp.checkIssue.Visible() || !strings.Contains(p.comp.checkIssue.Text, "already") || len(p.checks) != 2 {
		t.Errorf("a duplicate check: %q, %d checks", p.comp.checkIssue.Text, len(p.checks))
	}

	test.Tap(p.saveButton)
	landed(t, "saved", &m.busy, func() bool { return p.id() != 0 && p.unsaved() == "" })
	rows, err := st.Compliance(context.Background(), testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Mentor.ID == p.id() && (!r.Clearance.Cleared || r.Clearance.ClearedUntil != data.MustDate("2027-10-19")) {
			t.Errorf("the store computes %+v for the saved mentor", r.Clearance)
		}
	}

	// Deleting the FBI check takes the clearance away again, before saving.
	for i, c := range p.checks {
		if c.Kind == data.FBI {
			p.comp.deleteCheck(i)
			break
		}
	}
	if !strings.HasPrefix(p.headline.Text, "Not cleared") || p.unsaved() == "" {
		t.Errorf("without the FBI check: %q, unsaved %q", p.headline.Text, p.unsaved())
	}
}

func TestMentorContractAdded(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	p := newMentorForm(t, w, m)
	if !strings.Contains(p.contract.Text, "No signed contract for 2026-27") {
		t.Errorf("new mentor contract line: %q", p.contract.Text)
	}
	if p.comp.year.Text != "2026-27" {
		t.Errorf("the school year offered is %q", p.comp.year.Text)
	}
	p.tabs.SelectIndex(1)
	test.Type(p.comp.signed, "2026-08-20")
	test.Tap(findButton(t, w, "Add contract"))
	if p.contract.Text != "Contract for 2026-27 signed on 2026-08-20" {
		t.Errorf("after adding the contract: %q", p.contract.Text)
	}
}

func TestMentorUnsavedEditsAskBeforeLeaving(t *testing.T) {
	st := demoStore(t)
	w, sh, m := openMentorsArea(t, st)
	p := openPage(t, m, "zoe.lukasiewicz@example.org")
	zoe := p.id()
	typeInto(p, "phone", "(206) 555-0000")
	if p.unsaved() != "the mentor Zoë Łukasiewicz" {
		t.Fatalf("unsaved() = %q", p.unsaved())
	}

	// Switching to another mentor asks; Cancel stays on Zoë with her edits.
	other := 0
	for m.shown[other].Mentor.ID == zoe {
		other++
	}
	m.list.Select(other)
	if !strings.Contains(dialogText(w), "unsaved changes to the mentor Zoë Łukasiewicz") {
		t.Fatalf("no unsaved-changes question; dialog: %q", dialogText(w))
	}
	test.Tap(findButton(t, w, "Cancel"))
	if m.page.id() != zoe || m.page.fields["phone"].entry.Text != "(206) 555-0000" {
		t.Errorf("Cancel left the page on %d with phone %q", m.page.id(), m.page.fields["phone"].entry.Text)
	}
	if sel := m.selected; sel < 0 || m.shown[sel].Mentor.ID != zoe {
		t.Errorf("Cancel left row %d selected, not Zoë's", sel)
	}

	// Leaving the area asks too; Save writes the edit and then leaves.
	sh.show("Home")
	if !strings.Contains(dialogText(w), "Zoë Łukasiewicz") || sh.current.name != "Mentors" {
		t.Fatalf("leaving the area did not ask; now on %s", sh.current.name)
	}
	test.Tap(findButton(t, w, "Save"))
	landed(t, "the save and the move to Home", &m.busy, func() bool { return sh.current.name == "Home" })
	landed(t, "Home loaded", &sh.current.scr.(*home).busy, func() bool { return true })
	saved, _ := st.Mentor(context.Background(), zoe)
	if saved.Phone != "(206) 555-0000" {
		t.Errorf("Save in the question stored phone %q", saved.Phone)
	}

	// Back on Mentors, an edit then Discard when switching mentors leaves the store as it was.
	sh.show("Mentors")
	landed(t, "Zoë's page reloaded", &m.busy, func() bool { return m.page.fields["phone"].entry.Text == "(206) 555-0000" })
	typeInto(m.page, "phone", "(206) 555-9999")
	m.list.Select(other)
	test.Tap(findButton(t, w, "Discard changes"))
	landed(t, "the other mentor's page", &m.busy, func() bool { return m.page.id() == m.shown[other].Mentor.ID })
	if saved, _ := st.Mentor(context.Background(), zoe); saved.Phone != "(206) 555-0000" {
		t.Errorf("Discard stored phone %q", saved.Phone)
	}
}

func TestMentorDeleteAsksAndRefuses(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	id, err := newDesk(st).SaveMentor(ctx, data.MentorRecords{Mentor: data.Mentor{FirstName: "Tom", LastName: "Short", Email: "tom.short@example.org", Status: data.MentorApplicant},
		Checks:    []data.Check{{Kind: data.WSP, CompletedOn: data.MustDate("2026-09-01"), Result: data.Clear}},
		Contracts: []data.Contract{{SchoolYear: 2026, SignedOn: data.MustDate("2026-09-02")}}})
	if err != nil {
		t.Fatal(err)
	}
	w, _, m := openMentorsArea(t, st)
	p := openPage(t, m, "tom.short@example.org")
	test.Tap(p.del)
	landed(t, "the confirmation", &m.busy, func() bool { return strings.Contains(dialogText(w), "Delete Tom Short?") })
	if txt := dialogText(w); !strings.Contains(txt, "Their 1 background check and 1 contract are deleted with them.") {
		t.Errorf("confirmation says %q", txt)
	}
	test.Tap(findButton(t, w, "Delete"))
	landed(t, "the deletion", &m.busy, func() bool { _, err := st.Mentor(ctx, id); return errors.Is(err, data.ErrNotFound) })
	landed(t, "the list without Tom", &m.busy, func() bool {
		for _, r := range m.all {
			if r.Mentor.ID == id {
				return false
			}
		}
		return m.page == nil
	})
	if checks, _ := st.Checks(ctx, id); len(checks) != 0 {
		t.Errorf("%d checks left behind", len(checks))
	}

	// A mentor with sessions is refused with the store's reason.
	var busy data.Mentor
	for _, r := range m.all {
		if d, _ := st.Dependents(ctx, r.Mentor.ID); d.Sessions > 0 {
			busy = r.Mentor
			break
		}
	}
	p = openPage(t, m, busy.Email)
	test.Tap(p.del)
	landed(t, "the refusal", &m.busy, func() bool { return strings.Contains(dialogText(w), "set their status to inactive") })
	if _, err := st.Mentor(ctx, busy.ID); err != nil {
		t.Errorf("the busy mentor is gone: %v", err)
	}
}

func TestMentorPhotoCheckedAndRemoved(t *testing.T) {
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	p := newMentorForm(t, w, m)

	p.usePhoto("notes.png", io.NopCloser(strings.NewReader("not a picture")))
	landed(t, "the refusal", &m.busy, func() bool {
		return strings.Contains(dialogText(w), `The file "notes.png" was not used as the photo: the photo is not a JPEG or PNG image.`)
	})
	if len(p.photo) != 0 || p.unsaved() != "" {
		t.Errorf("a refused photo changed the page: %d bytes, unsaved %q", len(p.photo), p.unsaved())
	}
	test.Tap(findButton(t, w, "OK"))

	img := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for x := 0; x < 600; x++ {
		for y := 0; y < 400; y++ {
			img.Set(x, y, color.RGBA{uint8(x / 3), uint8(y / 2), 120, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	p.usePhoto("portrait.png", io.NopCloser(&buf))
	landed(t, "the photo shown", &m.busy, func() bool { return len(p.photo) > 0 })
	cfg, format, err := image.DecodeConfig(bytes.NewReader(p.photo))
	if err != nil || format != "jpeg" || cfg.Width != cfg.Height {
		t.Errorf("the photo kept is %s %dx%d (%v), want a square JPEG", format, cfg.Width, cfg.Height, err)
	}
	if p.unsaved() == "" || p.removePhoto.Disabled() {
		t.Error("a new photo is not an unsaved edit")
	}
	test.Tap(p.removePhoto)
	if len(p.photo) != 0 || !p.removePhoto.Disabled() {
		t.Error("Remove photo kept the photo")
	}
}

// TestScreenshotsMentors renders the mentor list and a mentor's page (make screenshots).
func TestScreenshotsMentors(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, _, m := openMentorsArea(t, st)
	openPage(t, m, m.shown[0].Mentor.Email)
	waitIdle()
	capture(t, w, dir, "mentor-list")
	p := openPage(t, m, "zoe.lukasiewicz@example.org")
	if len(p.photo) == 0 || len(p.checks) == 0 || len(p.contracts) == 0 {
		t.Errorf("Zoë has %d photo bytes, %d checks, %d contracts", len(p.photo), len(p.checks), len(p.contracts))
	}
	p.tabs.SelectIndex(1)
	waitIdle()
	capture(t, w, dir, "mentor-page")
}
