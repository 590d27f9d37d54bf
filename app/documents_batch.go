package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/report"
	"mentordesk/app/report/compose"
	"mentordesk/data"
)

// batchKind is a set of documents written into one folder.
type batchKind int

const (
	batchContracts batchKind = iota
	batchStatements
	batchRosters       // a roster handout for every school, as of today
	batchIntroductions // the introduction letter of every pair of a cohort
)

// batchWhat names a batch's documents in the status line.
var batchWhat = map[batchKind]string{batchContracts: "contracts", batchStatements: "statements",
	batchRosters: "rosters", batchIntroductions: "introduction letters"}

// docBatch writes many documents into a folder off the UI goroutine, with a progress bar and
// Cancel; a cancelled or failed batch writes nothing (report.Batch).
type docBatch struct {
	s *documents

	year   *picker[data.SchoolYear]
	month  *picker[data.Date]
	cohort *picker[int64]
	today  data.Date

	contracts, statements, cancelBtn *widget.Button
	rosters, introductions           *widget.Button
	bar                              *widget.ProgressBar
	running                          *fyne.Container // the bar and Cancel, shown while a batch runs
	status                           *widget.Label

	cancel context.CancelFunc
	busy   inflight
	wrote  int // documents written by the last batch
}

func (b *docBatch) build() fyne.CanvasObject {
	b.year = newPicker[data.SchoolYear]("School year", nil)
	b.month = newPicker[data.Date]("Month of the visits", nil)
	b.contracts = widget.NewButtonWithIcon("Write into a folder…", theme.FolderOpenIcon(), func() { b.askFolder(batchContracts) })
	b.statements = widget.NewButtonWithIcon("Write into a folder…", theme.FolderOpenIcon(), func() { b.askFolder(batchStatements) })
	b.cohort = newPicker[int64]("Cohort", nil)
	b.rosters = widget.NewButtonWithIcon("Write into a folder…", theme.FolderOpenIcon(), func() { b.askFolder(batchRosters) })
	b.introductions = widget.NewButtonWithIcon("Write into a folder…", theme.FolderOpenIcon(), func() { b.askFolder(batchIntroductions) })
	b.cancelBtn = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), b.onCancel)
	b.cancelBtn.Disable()
	b.bar = widget.NewProgressBar()
	b.running = border(nil, nil, nil, b.cancelBtn, b.bar)
	b.running.Hide()
	b.status = wrapLabel("")
	heading := widget.NewLabelWithStyle("Batch", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	about := wrapLabel("Every document of a kind at once, one PDF each, into a folder you choose. " +
		"Nothing is written if you cancel.")
	rows := container.New(layout.NewFormLayout(),
		widget.NewLabel("All contracts of a school year"), border(nil, nil, nil, b.contracts, b.year.sel),
		widget.NewLabel("All statements of a month"), border(nil, nil, nil, b.statements, b.month.sel),
		widget.NewLabel("A roster for every school"), border(nil, nil, nil, b.rosters, hintLabel("mentors eligible today")),
		widget.NewLabel("Introduction letters of a cohort"), border(nil, nil, nil, b.introductions, b.cohort.sel))
	return container.NewVBox(heading, about, rows, b.running, b.status)
}

func (b *docBatch) fill(c docChoices, today data.Date) {
	b.today = today
	var cohortNames []string
	var cohortIDs []int64
	for _, k := range c.cohorts {
		cohortNames, cohortIDs = append(cohortNames, k.Name), append(cohortIDs, k.ID)
	}
	b.cohort.set(cohortNames, cohortIDs, cohortIDs[:min(1, len(cohortIDs))]...)
	var names []string
	for _, y := range c.years {
		names = append(names, y.String())
	}
	b.year.set(names, c.years, c.set.SchoolYear(today))
	var months []string
	for _, m := range c.months {
		months = append(months, m.Time().Format("January 2006"))
	}
	var latest []data.Date
	if len(c.months) > 0 {
		latest = c.months[:1]
	}
	b.month.set(months, c.months, latest...)
}

func (b *docBatch) askFolder(kind batchKind) {
	if _, err := b.param(kind); err != nil {
		b.say(err.Error(), widget.WarningImportance)
		return
	}
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, b.s.d.win)
			return
		}
		if dir != nil {
			if a := appOf(b.s.d); a != nil {
				a.Preferences().SetString(prefDocFolder, uriPath(dir))
			}
			b.start(kind, uriPath(dir))
		}
	}, b.s.d.win)
	if l := lastDocFolder(b.s.d); l != nil {
		fd.SetLocation(l)
	}
	showFileDialog(fd, b.s.d.win)
}

// param is the chosen year or month of a batch.
func (b *docBatch) param(kind batchKind) (any, error) {
	switch kind {
	case batchRosters:
		return b.today, nil
	case batchIntroductions:
		id, ok := b.cohort.value()
		if !ok {
			return nil, errors.New("No cohort has been set up yet.")
		}
		return cohortOn{id, b.today}, nil
	}
	if kind == batchContracts {
		y, ok := b.year.value()
		if !ok {
			return nil, errors.New("Choose a school year first.")
		}
		return y, nil
	}
	m, ok := b.month.value()
	if !ok {
		return nil, errors.New("No statement has been issued yet.")
	}
	return m, nil
}

func (b *docBatch) say(text string, imp widget.Importance) {
	setLabel(b.status, text, imp)
	b.s.relayout()
}

// start writes a batch into dir; tests call it with a folder instead of the dialog.
func (b *docBatch) start(kind batchKind, dir string) {
	param, err := b.param(kind)
	if err != nil {
		b.say(err.Error(), widget.WarningImportance)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	for _, btn := range []*widget.Button{b.contracts, b.statements, b.rosters, b.introductions} {
		btn.Disable()
	}
	b.cancelBtn.Enable()
	b.bar.SetValue(0)
	b.running.Show()
	b.say("Gathering the documents…", widget.MediumImportance)
	st := b.s.st
	b.busy.n.Add(1)
	go func() {
		n, err := runBatch(ctx, st, kind, param, dir, func(done, total int) {
			fyne.Do(func() {
				b.bar.SetValue(float64(done) / float64(total))
				b.say(fmt.Sprintf("%d of %d written…", done, total), widget.MediumImportance)
			})
		})
		fyne.Do(func() {
			defer b.busy.n.Add(-1)
			b.finish(kind, dir, n, err)
		})
	}()
}

func (b *docBatch) onCancel() {
	if b.cancel != nil {
		b.cancel()
		b.say("Cancelling…", widget.MediumImportance)
	}
}

func (b *docBatch) finish(kind batchKind, dir string, n int, err error) {
	b.cancel = nil
	for _, btn := range []*widget.Button{b.contracts, b.statements, b.rosters, b.introductions} {
		btn.Enable()
	}
	b.cancelBtn.Disable()
	b.running.Hide()
	b.wrote = 0
	what := batchWhat[kind]
	switch {
	case errors.Is(err, context.Canceled):
		b.say("Cancelled: no "+what+" were written.", widget.WarningImportance)
	case err != nil:
		b.say(problemText(err)+"\nNothing was written.", widget.DangerImportance)
	default:
		b.wrote = n
		b.say(fmt.Sprintf("%d %s written to %s", n, what, dir), widget.SuccessImportance)
	}
}

// runBatch gathers the documents of a batch and writes them into dir, one PDF each.
func runBatch(ctx context.Context, st documentsStore, kind batchKind, param any, dir string, progress func(done, total int)) (int, error) {
	org, set, err := compose.Letterhead(ctx, st)
	if err != nil {
		return 0, err
	}
	var jobs []report.Job
	switch kind {
	case batchContracts:
		year := param.(data.SchoolYear)
		clauses, err := st.ContractClauses(ctx)
		if err != nil {
			return 0, err
		}
		ins, err := st.ContractInputs(ctx, year)
		if err != nil {
			return 0, err
		}
		taken := map[string]bool{}
		for _, in := range ins {
			doc := compose.Contract(org, set, clauses, in)
			jobs = append(jobs, report.Job{Doc: doc, Path: filepath.Join(dir, uniqueName(doc.FileName(), taken))})
		}
		if len(jobs) == 0 {
			return 0, fmt.Errorf("no mentor is active or assigned in %s", year)
		}
	case batchStatements:
		month := param.(data.Date)
		prints, err := st.StatementPrints(ctx, month, month.AddMonths(1).AddDays(-1))
		if err != nil {
			return 0, err
		}
		for _, p := range prints {
			jobs = append(jobs, report.Job{Doc: report.StatementDoc{Org: org, Statement: p.Statement, Mentor: p.Mentor},
				Path: filepath.Join(dir, report.StatementFile(p.Statement.Number))})
		}
		if len(jobs) == 0 {
			return 0, fmt.Errorf("no statement has a visit in %s", month.Time().Format("January 2006"))
		}
	case batchRosters, batchIntroductions:
		more, err := letterJobs(ctx, st, org, kind, param, dir)
		if err != nil {
			return 0, err
		}
		jobs = more
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	for _, p := range append([]string{dir}, jobPaths(jobs)...) {
		if err := refuseOwnPath(p); err != nil {
			return 0, err
		}
	}
	// progress is called once per document; the bar needs no more than a few updates a second.
	var last time.Time
	err = report.Batch(ctx, jobs, func(done, total int) {
		if now := time.Now(); done == total || now.Sub(last) > 50*time.Millisecond {
			last = now
			progress(done, total)
		}
	})
	return len(jobs), err
}

func jobPaths(jobs []report.Job) []string {
	paths := make([]string, len(jobs))
	for i, j := range jobs {
		paths[i] = j.Path
	}
	return paths
}
