package app

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/report"
	"mentordesk/app/report/pdfcheck"
	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// openDocuments shows the Documents area of the sample organisation once its choices have loaded.
func openDocuments(t *testing.T, st *sqlite.Store) (fyne.Window, *documents) {
	t.Helper()
	w, sh := testWindow(t, st)
	sh.show("Documents")
	s := sh.current.scr.(*documents)
	landed(t, "the documents' choices", &s.busy, func() bool { return len(s.f.cMentor.sel.Options) > 0 })
	return w, s
}

// choose picks the option of a select by its text.
func choose(t *testing.T, sel *widget.Select, option string) {
	t.Helper()
	if !slices.Contains(sel.Options, option) {
		t.Fatalf("%q is not among the options %q", option, sel.Options)
	}
	fyne.DoAndWait(func() { sel.SetSelected(option) })
}

// pdfWords is a PDF's text with white space made single spaces; it skips without pdftotext.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	pdfcheck.File(t, path)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; install it to check the documents' text")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestDocumentsContractAndRosterFromTheArea(t *testing.T) {
	st := demoStore(t)
	_, s := openDocuments(t, st)
	dir := t.TempDir()

	// Without a mentor the area says what to choose and writes nothing.
	contract := filepath.Join(dir, "contract.pdf")
	fyne.DoAndWait(func() { s.saveTo(contract) })
	if !strings.Contains(s.status.Text, "Choose a mentor") {
		t.Errorf("status %q; want it to ask for a mentor", s.status.Text)
	}

	choose(t, s.f.cMentor.sel, "Nguyễn, Thị Minh")
	if s.f.cYear.sel.Selected != "2026-27" {
		t.Errorf("school year %q; want this year, 2026-27", s.f.cYear.sel.Selected)
	}
	fyne.DoAndWait(func() { s.saveTo(contract) })
	landed(t, "the contract saved", &s.busy, func() bool { return s.saved == contract })
	if s.status.Importance != widget.SuccessImportance || !strings.Contains(s.status.Text, contract) {
		t.Errorf("status %q", s.status.Text)
	}
	text := pdfWords(t, contract)
	for _, want := range []string{"Independent Contractor Agreement", "Thị Minh Nguyễn", "Cascade Youth Music Mentors", "Background checks"} {
		if !strings.Contains(text, want) {
			t.Errorf("contract: %q missing", want)
		}
	}

	fyne.DoAndWait(func() { s.kinds.Select(int(kindRoster)) })
	if s.title.Text != "Roster sheet" {
		t.Fatalf("title %q", s.title.Text)
	}
	choose(t, s.f.rSchool.sel, "Green Lake High School")
	roster := filepath.Join(dir, "roster.pdf")
	fyne.DoAndWait(func() { s.saveTo(roster) })
	landed(t, "the roster saved", &s.busy, func() bool { return s.saved == roster })
	text = pdfWords(t, roster)
	if !strings.Contains(text, "Mentor roster — Green Lake High School") || !strings.Contains(text, "Thị Minh Nguyễn") {
		t.Errorf("roster text: %.300s", text)
	}
	if strings.Contains(text, "@example.org") {
		t.Error("the roster shows e-mail addresses")
	}

	// A roster nobody fits is refused with the reason, and nothing is written.
	choose(t, s.f.rSchool.sel, docAnySchool)
	choose(t, s.f.rInstrument.sel, s.f.rInstrument.sel.Options[1])
	fyne.DoAndWait(func() { s.f.rOn.SetText("1990-01-01") })
	empty := filepath.Join(dir, "empty.pdf")
	fyne.DoAndWait(func() { s.saveTo(empty) })
	landed(t, "the refusal", &s.busy, func() bool { return s.status.Importance == widget.DangerImportance })
	if !strings.Contains(s.status.Text, "no mentors") {
		t.Errorf("status %q; want the reason", s.status.Text)
	}
	if _, err := os.Stat(empty); err == nil {
		t.Error("a refused roster was written")
	}
}

func TestDocumentsEveryKindMakesAPDF(t *testing.T) {
	st := demoStore(t)
	_, s := openDocuments(t, st)
	dir := t.TempDir()
	steps := []struct {
		kind docKind
		set  func()
		want string
	}{
		{kindStatement, func() { s.f.sNumber.SetText("17") }, "Statement No. 17"},
		{kindSignoff, func() { s.f.vMentor.sel.SetSelected("Nguyễn, Thị Minh") }, "Visit sign-off sheet"},
		{kindSchedule, func() { s.f.hSchool.sel.SetSelected("Green Lake High School") }, "Session schedule"},
		{kindYearEnd, func() { s.f.yMentor.sel.SetSelected("Nguyễn, Thị Minh") }, "Payment summary 2026"},
		{kindCohort, func() {}, "Mutual Mentorship cohort"},
	}
	for _, step := range steps {
		fyne.DoAndWait(func() { s.kinds.Select(int(step.kind)); step.set() })
		quiesce(&s.busy)
		if step.kind == kindSchedule {
			choose(t, s.f.hClassroom.sel, "Symphonic Orchestra")
			landed(t, "the schedule's mentor", &s.busy, func() bool { return s.f.hMentor.sel.SelectedIndex() >= 0 })
		}
		path := filepath.Join(dir, docKinds[step.kind].title+".pdf")
		fyne.DoAndWait(func() { s.saveTo(path) })
		landed(t, docKinds[step.kind].title, &s.busy, func() bool { return s.saved == path || s.status.Importance == widget.DangerImportance })
		if s.saved != path {
			t.Errorf("%s: not saved: %s", docKinds[step.kind].title, s.status.Text)
			continue
		}
		if text := pdfWords(t, path); !strings.Contains(text, step.want) {
			t.Errorf("%s: %q missing", docKinds[step.kind].title, step.want)
		}
	}
}

func TestDocumentsBatchOfContracts(t *testing.T) {
	st := demoStore(t)
	_, s := openDocuments(t, st)
	b := s.batch
	ins, err := st.ContractInputs(context.Background(), 2026)
	if err != nil || len(ins) < 10 {
		t.Fatalf("%d contracts of 2026-27 (%v)", len(ins), err)
	}

	t.Run("cancelled writes nothing", func(t *testing.T) {
		dir := t.TempDir()
		fyne.DoAndWait(func() {
			b.start(batchContracts, dir)
			if b.cancelBtn.Disabled() || b.running.Hidden {
				t.Error("a running batch shows no progress bar or no Cancel")
			}
			test.Tap(b.cancelBtn)
		})
		landed(t, "the batch to stop", &b.busy, func() bool { return b.cancel == nil })
		if !strings.Contains(b.status.Text, "Cancelled") {
			t.Errorf("status %q; want Cancelled", b.status.Text)
		}
		if files, _ := os.ReadDir(dir); len(files) != 0 {
			t.Errorf("a cancelled batch left %d file(s)", len(files))
		}
		if !b.cancelBtn.Disabled() || !b.running.Hidden || b.contracts.Disabled() {
			t.Error("after the batch the buttons are not back")
		}
	})

	t.Run("cancelled half-way writes nothing", func(t *testing.T) {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		_, err := runBatch(ctx, newDesk(st), batchContracts, data.SchoolYear(2026), dir, func(done, total int) {
			calls++
			cancel() // after the first document is drawn
		})
		if !errors.Is(err, context.Canceled) || calls == 0 {
			t.Errorf("err %v after %d progress calls; want cancelled after the first", err, calls)
		}
		if files, _ := os.ReadDir(dir); len(files) != 0 {
			t.Errorf("a batch cancelled half-way left %d file(s)", len(files))
		}
	})

	t.Run("completed writes one PDF per mentor", func(t *testing.T) {
		dir := t.TempDir()
		fyne.DoAndWait(func() { b.start(batchContracts, dir) })
		landed(t, "the batch to finish", &b.busy, func() bool { return b.cancel == nil })
		files, _ := os.ReadDir(dir)
		if len(files) != len(ins) || b.wrote != len(ins) {
			t.Fatalf("%d files, %d reported; want %d (status %q)", len(files), b.wrote, len(ins), b.status.Text)
		}
		if !strings.Contains(b.status.Text, "contracts written to") {
			t.Errorf("status %q", b.status.Text)
		}
	})

	t.Run("statements of a month", func(t *testing.T) {
		dir := t.TempDir()
		month := b.month.values[0]
		want, _ := st.Statements(context.Background(), data.StatementFilter{From: month, Through: month.AddMonths(1).AddDays(-1)})
		fyne.DoAndWait(func() { b.start(batchStatements, dir) })
		landed(t, "the batch to finish", &b.busy, func() bool { return b.cancel == nil })
		files, _ := os.ReadDir(dir)
		if len(want) == 0 || len(files) != len(want) {
			t.Fatalf("%d files; want %d (status %q)", len(files), len(want), b.status.Text)
		}
		if files[0].Name() != report.StatementFile(want[0].Number) {
			t.Errorf("first file %s; want %s", files[0].Name(), report.StatementFile(want[0].Number))
		}
	})
}

func TestContractClausesEditedAndReset(t *testing.T) {
	st := demoStore(t)
	w, s := openDocuments(t, st)
	ctx := context.Background()
	fyne.DoAndWait(s.clauses.show)
	landed(t, "the clause editor", &s.busy, func() bool { return s.clauses.dlg != nil })
	c := s.clauses
	if len(c.rows) != len(report.DefaultClauses()) {
		t.Fatalf("%d clauses shown; want the %d defaults", len(c.rows), len(report.DefaultClauses()))
	}

	// An unknown placeholder is refused beside its clause, and nothing is stored.
	test.Type(c.rows[0].text, " {{salary}}")
	if s.unsaved() == "" {
		t.Error("edited clauses do not count as unsaved")
	}
	fyne.DoAndWait(func() { c.save(nil) })
	if c.rows[0].problem.Hidden || !strings.Contains(c.rows[0].problem.Text, "{{salary}}") {
		t.Errorf("clause 1 problem %q (hidden %v)", c.rows[0].problem.Text, c.rows[0].problem.Hidden)
	}
	if got, _ := st.ContractClauses(ctx); got != nil {
		t.Error("refused clauses were stored")
	}

	fyne.DoAndWait(func() {
		c.rows[0].text.SetText("{{mentor}} works for {{org}} as an independent contractor.")
		c.rows[1].heading.SetText("Sessions and assignments")
		c.save(nil)
	})
	landed(t, "the clauses saved", &s.busy, func() bool { return c.dlg == nil })
	got, _ := st.ContractClauses(ctx)
	if len(got) != len(report.DefaultClauses()) || got[1].Heading != "Sessions and assignments" {
		t.Fatalf("stored %+v", got)
	}
	out := filepath.Join(t.TempDir(), "c.pdf")
	choose(t, s.f.cMentor.sel, "Öberg, Åsa")
	fyne.DoAndWait(func() { s.saveTo(out) })
	landed(t, "the contract", &s.busy, func() bool { return s.saved == out })
	if text := pdfWords(t, out); !strings.Contains(text, "Sessions and assignments") || !strings.Contains(text, "Åsa Öberg works for Cascade Youth Music Mentors") {
		t.Errorf("the contract does not print the edited clauses: %.400s", text)
	}

	// Reset to defaults stores nothing, so the defaults apply again.
	fyne.DoAndWait(s.clauses.show)
	landed(t, "the clause editor", &s.busy, func() bool { return s.clauses.dlg != nil })
	reset := findButton(t, w, "Reset to defaults")
	test.Tap(reset)
	fyne.DoAndWait(func() { c.save(nil) })
	landed(t, "the defaults saved", &s.busy, func() bool { return c.dlg == nil })
	if got, _ := st.ContractClauses(ctx); got != nil {
		t.Errorf("after Reset to defaults the store holds %d clauses; want none", len(got))
	}
}

func TestScreenshotsDocuments(t *testing.T) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MENTORDESK_SCREENSHOTS to a folder to write the screens")
	}
	st := demoStore(t)
	w, s := openDocuments(t, st)
	choose(t, s.f.cMentor.sel, "Nguyễn, Thị Minh")
	fyne.DoAndWait(func() {
		s.say("Saved /home/director/Documents/contract-2026-27-nguyen-thi-minh.pdf", widget.SuccessImportance)
	})
	waitIdle()
	capture(t, w, dir, "documents")

	// A batch under way: the bar and Cancel; cancelled, it writes nothing.
	fyne.DoAndWait(func() { s.batch.start(batchContracts, t.TempDir()) })
	pause(150 * time.Millisecond)
	capture(t, w, dir, "documents-batch")
	fyne.DoAndWait(s.batch.onCancel)
	landed(t, "the batch to stop", &s.batch.busy, func() bool { return s.batch.cancel == nil })
	fyne.DoAndWait(func() { s.kinds.Select(int(kindSchedule)); s.f.hSchool.sel.SetSelected("Green Lake High School") })
	quiesce(&s.busy)
	choose(t, s.f.hClassroom.sel, "Symphonic Orchestra")
	landed(t, "the schedule's mentor", &s.busy, func() bool { return s.f.hMentor.sel.SelectedIndex() >= 0 })
	capture(t, w, dir, "documents-schedule")

	// No picture of the clause dialog: the test painter does not clip multi-line entries inside
	// a scroll, so it would show text a real window hides.
}
