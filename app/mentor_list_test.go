package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"mentordesk/cmd/mentordesk/script"
	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

func TestMentorListFilters(t *testing.T) {
	st := demoStore(t)
	_, _, m := openMentorsArea(t, st)
	total := len(m.all)
	m.clearance.SetSelected(badgeNotCleared)
	for _, r := range m.shown {
		if r.Clearance.Cleared {
			t.Errorf("Not cleared filter shows cleared %s", r.Mentor.Name())
		}
	}
	notCleared := len(m.shown)
	m.clearance.SetSelected(badgeCleared)
	cleared := len(m.shown)
	m.clearance.SetSelected(badgeExpiring)
	if expiring := len(m.shown); notCleared+cleared+expiring != total || notCleared == 0 || cleared == 0 {
		t.Errorf("clearance filters split %d mentors into %d + %d + %d", total, notCleared, cleared, expiring)
	}
	m.clearance.SetSelectedIndex(0)
	m.contract.SetSelectedIndex(2)
	for _, r := range m.shown {
		if r.Contract.Signed {
			t.Errorf("'No contract' filter shows %s", r.Mentor.Name())
		}
	}
	m.contract.SetSelectedIndex(0)
	m.instrument.SetSelected("flute")
	if len(m.shown) == 0 {
		t.Fatalf("no flautist; instruments offered: %v", m.instrument.Options)
	}
	for _, r := range m.shown {
		if !strings.Contains(strings.ToLower(strings.Join(r.Mentor.Instruments, ";")), "flute") {
			t.Errorf("flute filter shows %s (%v)", r.Mentor.Name(), r.Mentor.Instruments)
		}
	}
}

func TestHomeComplianceOpensMentor(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	sh.show("Home")
	h := sh.current.scr.(*home)
	landed(t, "the compliance panel", &h.busy, func() bool { return len(h.alerts) > 0 })
	if !strings.Contains(h.heading.Text, "Compliance on 2026-11-22") {
		t.Errorf("heading %q", h.heading.Text)
	}
	kinds := map[string]bool{}
	for _, a := range h.all {
		kinds[a.Kind] = true
	}
	for _, k := range []string{data.AlertExpiring, data.AlertExpired, data.AlertFBIMissing, data.AlertNoContract} {
		if !kinds[k] {
			t.Errorf("the sample organisation shows no %q alert", k)
		}
	}
	h.kind.SetSelectedIndex(1)
	for _, a := range h.alerts {
		if a.Kind != h.kindKeys[1] {
			t.Errorf("filtered on %s, shows %s", h.kindKeys[1], a.Kind)
		}
	}
	want := h.alerts[0]
	h.list.Select(0)
	if sh.current.name != "Mentors" {
		t.Fatalf("selecting an alert opened %s", sh.current.name)
	}
	m := sh.current.scr.(*mentors)
	landed(t, "the mentor's page", &m.busy, func() bool {
		return m.page != nil && m.page.id() == want.MentorID && m.page.fields["email"].entry.Text != ""
	})
	if !strings.HasPrefix(want.Text, m.page.loaded.Name()+":") {
		t.Errorf("alert %q opened %s", want.Text, m.page.loaded.Name())
	}
}

// TestMentorListAgreesWithComplianceCommand compares the list's badges on the sample
// organisation with `mentordesk compliance --on 2026-11-22` run on the same file.
func TestMentorListAgreesWithComplianceCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	st, err := sqlite.Open(path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(context.Background(), st, testToday); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out, errOut bytes.Buffer
	if code := script.Run([]string{"--db", path, "compliance", "--on", testToday.String()},
		script.Env{Stdout: &out, Stderr: &errOut, Today: testToday}); code != 0 {
		t.Fatalf("compliance exited %d: %s", code, errOut.String())
	}
	records, err := csv.NewReader(&out).ReadAll()
	if err != nil || len(records) < 2 {
		t.Fatalf("compliance CSV: %v (%d lines)", err, len(records))
	}
	type cli struct{ badge, contract, problems string }
	byEmail := map[string]cli{}
	for _, rec := range records[1:] {
		badge := badgeNotCleared
		if rec[2] == "yes" {
			badge = badgeCleared
			if testToday.DaysUntil(data.MustDate(rec[3])) <= data.ExpiringWithinDays {
				badge = badgeExpiring
			}
		}
		contract := "No contract"
		if rec[5] == "yes" {
			contract = "Contract"
		}
		byEmail[rec[0]] = cli{badge, contract, rec[6]}
	}

	st, err = sqlite.Open(path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	_, _, m := openMentorsArea(t, st)
	if len(m.shown) != len(byEmail) {
		t.Fatalf("the list shows %d mentors, the command %d", len(m.shown), len(byEmail))
	}
	seen := map[string]int{}
	for i, r := range m.shown {
		want, ok := byEmail[r.Mentor.Email]
		if !ok {
			t.Errorf("%s is listed but not in the command's output", r.Mentor.Email)
			continue
		}
		// What the row shows, as the list draws it.
		row := newMentorRow()
		m.updateRow(i, row)
		badges := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects
		badge, contract := badges[0].(*widget.Label).Text, badges[1].(*widget.Label).Text
		if badge != want.badge || contract != want.contract {
			t.Errorf("%s: list shows %q / %q, compliance says %q / %q (%s)", r.Mentor.Email, badge, contract,
				want.badge, want.contract, want.problems)
		}
		if r.ProblemText() != want.problems {
			t.Errorf("%s: problems %q in the list, %q from the command", r.Mentor.Email, r.ProblemText(), want.problems)
		}
		seen[badge]++
	}
	if seen[badgeCleared] == 0 || seen[badgeExpiring] == 0 || seen[badgeNotCleared] == 0 {
		t.Errorf("the sample organisation should show every badge; shows %v", seen)
	}
	t.Logf("badges on %s: %v", testToday, seen)
}
