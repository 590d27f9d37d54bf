package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

const intakeForm = "Timestamp,Email Address,First name,Last name,Your school,Career stage,Years teaching,Your strengths,Your passions,Where do you want to grow?\r\n" +
	"2026/09/01 10:22:31 AM PDT,kim.lee@example.org,Kim,Lee,Whitman Middle School,Early career (0–5 years),2,Rhythm;Jazz,Improvisation,Classroom management\r\n" +
	"2026/09/02 8:01:10 PM PDT,raj.patel@example.org,Raj,Patel,Ballard High School,Experienced (6+ years),14,Conducting,Composition,Jazz\r\n"

// A forms export is mapped in the import preview: columns suggested from the headers, the
// answers of a choice column mapped, the cohort the form lacks filled in — and the next file
// with the same headers starts from that mapping.
func TestImportMapsAFormsExport(t *testing.T) {
	st := demoStore(t)
	_, sh := testWindow(t, st)
	path := filepath.Join(t.TempDir(), "Intake form (Responses).csv")
	os.WriteFile(path, []byte(intakeForm), 0o600)
	sh.showImport()
	im := sh.importDlg
	im.load(path, []byte(intakeForm))
	im.kind.SetSelected("applicants")
	eventually(t, "the check of the form", func() bool { return im.problems != nil && !im.mapBtn.Disabled() })
	if !im.doImport.Disabled() || !strings.Contains(im.status.Text, "Map columns") {
		t.Fatalf("a form's export is not offered the mapping: %q", im.status.Text)
	}
	test.Tap(im.mapBtn)
	eventually(t, "the mapping step", func() bool { return im.mappingStep != nil })
	cm := im.mappingStep
	want := []string{leaveOut, "email", "first_name", "last_name", "school", "career_stage", "years_teaching", "strengths", "passions", "growth"}
	for i, sel := range cm.columns {
		if sel.Selected != want[i] {
			t.Errorf("%q is suggested as %q; want %q", cm.header[i], sel.Selected, want[i])
		}
	}
	answers := cm.answers["career_stage"]
	if len(answers) != 2 || answers["Early career (0–5 years)"] == nil {
		t.Fatalf("answers to map: %v", answers)
	}
	answers["Early career (0–5 years)"].SetSelected("early")
	answers["Experienced (6+ years)"].SetSelected("experienced")
	if cm.fills["cohort"] == nil {
		t.Fatal("the cohort the form lacks is not offered to fill")
	}
	test.Type(cm.fills["cohort"], "Fall 2026 Cohort")
	im.useMapping(cm)
	eventually(t, "the check with the mapping", func() bool { return !im.doImport.Disabled() })
	test.Tap(im.doImport)
	eventually(t, "the import", func() bool { return im.summary.Added == 2 })
	as, err := st.Applicants(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, a := range as {
		if a.Cohort == "Fall 2026 Cohort" && (a.Email == "kim.lee@example.org" && a.CareerStage == "early" || a.Email == "raj.patel@example.org" && a.CareerStage == "experienced") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("%d of the form's applicants imported as mapped", found)
	}
	m, err := st.RememberedMapping(context.Background(), "applicants", cm.header)
	if err != nil || m.Set["cohort"] != "Fall 2026 Cohort" || m.Columns["email address"] != "email" {
		t.Errorf("the mapping is not remembered for these headers: %+v %v", m, err)
	}
}
