package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/csvio"
	"mentordesk/data/filemsg"
	"mentordesk/data/sqlite"
	"mentordesk/data/xlsxio"
)

// importer is the spreadsheet import: pick a kind and a CSV file, see every problem on its row
// and cell, then import all rows or none.
type importer struct {
	sh      *shell
	kind    *widget.Select
	file    *widget.Label
	path    string
	content []byte

	header   []string
	rows     [][]string
	lines    []int                     // physical line of each row
	problems map[int]map[string]string // row index → column → problem
	general  []string                  // problems not tied to a row
	table    *widget.Table
	messages *widget.Label
	status   *widget.Label
	progress *widget.ProgressBarInfinite
	doImport *widget.Button
	again    *widget.Button
	checks   int // checks started, so only the newest one's result is shown
	summary  sqlite.ImportSummary

	sheet       *widget.Select // the sheet of a workbook
	mapping     csvio.Mapping  // the columns of a file made elsewhere, from the mapping step
	mapBtn      *widget.Button
	mappingStep *columnMapping // the mapping step last shown
	templateBtn *widget.Button
}

func (sh *shell) showImport() {
	im := newImporter(sh)
	d := dialog.NewCustom("Import from a spreadsheet", "Close", im.buildUI(), sh.win)
	d.Resize(fyne.NewSize(980, 640))
	d.Show()
	sh.importDlg = im
}

func newImporter(sh *shell) *importer { return &importer{sh: sh} }

func (im *importer) buildUI() fyne.CanvasObject {
	var kinds []string
	for _, k := range csvio.Importable {
		kinds = append(kinds, string(k))
	}
	im.kind = widget.NewSelect(kinds, func(string) { im.check() })
	im.kind.PlaceHolder = "What are you importing?"
	im.file = widget.NewLabel("No file chosen")
	choose := widget.NewButton("Choose file (.xlsx or .csv)…", im.onChoose)
	im.sheet = widget.NewSelect(nil, func(string) { im.check() })
	im.sheet.PlaceHolder = "Sheet"
	im.sheet.Hide()
	im.mapBtn = widget.NewButton("Map columns…", im.onMapColumns)
	im.mapBtn.Disable()
	template := widget.NewButton("Save a template…", im.onTemplate)
	im.templateBtn = template
	im.again = widget.NewButton("Check again", im.checkAgain)
	im.again.Disable()
	im.table = widget.NewTable(
		func() (int, int) { return len(im.rows) + 1, len(im.header) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("wa_resident_since")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		im.updateCell)
	im.table.SetColumnWidth(0, 60)
	im.table.Hide() // until there is a file to show
	im.messages = widget.NewLabel("")
	im.messages.Wrapping = fyne.TextWrapWord
	im.status = widget.NewLabel("Choose the kind of list and a workbook (.xlsx) or a CSV file saved from your spreadsheet.")
	im.status.Wrapping = fyne.TextWrapWord
	im.progress = widget.NewProgressBarInfinite()
	im.progress.Stop()
	im.progress.Hide()
	im.doImport = widget.NewButton("Import all rows", im.onImport)
	im.doImport.Importance = widget.HighImportance
	im.doImport.Disable()
	top := container.NewVBox(
		border(nil, nil, nil, container.NewHBox(template, choose, im.mapBtn, im.again), container.NewHBox(im.kind, im.file, im.sheet)),
		im.status)
	split := container.NewVSplit(im.table, container.NewVScroll(im.messages))
	split.Offset = 0.72
	return border(top, container.NewVBox(im.progress, border(nil, nil, nil, im.doImport)), nil, nil, split)
}

func (im *importer) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Importance = widget.MediumImportance
	l.TextStyle = fyne.TextStyle{}
	switch {
	case id.Row == 0 && id.Col == 0:
		l.SetText("line")
		l.TextStyle.Bold = true
	case id.Row == 0:
		l.SetText(im.header[id.Col-1])
		l.TextStyle.Bold = true
	case id.Col == 0:
		l.SetText(fmt.Sprint(im.lines[id.Row-1]))
		if len(im.problems[id.Row-1]) > 0 {
			l.Importance = widget.DangerImportance
			l.SetText(fmt.Sprintf("⚠ %d", im.lines[id.Row-1]))
		}
	default:
		row := im.rows[id.Row-1]
		text := ""
		if id.Col-1 < len(row) {
			text = row[id.Col-1]
		}
		if _, bad := im.problems[id.Row-1][im.header[id.Col-1]]; bad {
			l.Importance = widget.DangerImportance
			if text == "" {
				text = "(empty)"
			}
			text = "⚠ " + text
		}
		l.SetText(text)
	}
	l.Refresh()
}

func (im *importer) onChoose() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := uriPath(r.URI())
		im.read(path, func() ([]byte, error) {
			defer r.Close()
			return io.ReadAll(io.LimitReader(r, maxImportBytes))
		})
	}, im.sh.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".txt"}))
	showFileDialog(fd, im.sh.win)
}

// maxImportBytes bounds the file an import reads: 200 MB, far past 150,000 sessions.
const maxImportBytes = 200 << 20

// checkAgain reads the chosen file again, as fixed in the spreadsheet, and checks it.
func (im *importer) checkAgain() {
	if im.path == "" {
		return
	}
	path := im.path
	im.read(path, func() ([]byte, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, maxImportBytes))
	})
}

// read runs readFile off the UI goroutine and loads what it read.
func (im *importer) read(path string, readFile func() ([]byte, error)) {
	background(im.sh.deps(), func(context.Context) ([]byte, error) {
		b, err := readFile()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
		}
		return b, nil
	}, func(b []byte) { im.load(path, b) })
}

// load takes a file's content and checks it.
func (im *importer) load(path string, content []byte) {
	if path != im.path {
		im.mapping = csvio.Mapping{} // a new file starts from its own headers (or a remembered mapping)
	}
	im.path, im.content = path, content
	im.file.SetText(filepath.Base(path))
	im.showSheets()
	// The kind follows the file: its header when it has exactly one kind's columns, else a name
	// like "schools-2026.csv", even after another kind was chosen for the previous file. The
	// choice can still be changed.
	if k := kindOfFile(path, content); k != "" && im.kind.Selected != string(k) {
		im.kind.SetSelected(string(k))
		return // SetSelected runs check
	}
	im.check()
}

// kindOfFile guesses what a CSV file lists from its header's columns, else from its name; ""
// when neither tells.
func kindOfFile(path string, content []byte) csvio.Kind {
	header, _, _ := previewFile(path, content, "")
	have := map[string]bool{}
	for _, h := range header {
		have[strings.ToLower(strings.TrimSpace(h))] = true
	}
	for _, k := range csvio.Importable {
		cols := csvio.Columns(k)
		all := len(cols) == len(have)
		for _, c := range cols {
			all = all && have[c]
		}
		if all {
			return k
		}
	}
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	for _, k := range csvio.Importable {
		if strings.HasPrefix(base, string(k)) {
			return k
		}
	}
	return ""
}

// check previews the file and runs the import without keeping it, marking every problem.
func (im *importer) check() {
	if im.content == nil || im.kind.Selected == "" {
		return
	}
	kind, content, path, opts := csvio.Kind(im.kind.Selected), im.content, im.path, im.options()
	im.mapBtn.Disable() // until the header is read
	im.checks++
	n := im.checks
	im.doImport.Disable()
	im.status.SetText("Checking every row…")
	background(im.sh.deps(), func(ctx context.Context) (checked, error) {
		c := checked{n: n}
		c.header, c.rows, c.lines = previewFile(path, content, opts.Sheet)
		c.sum, c.err = im.sh.store.CheckImportFile(ctx, kind, path, opts)
		return c, nil
	}, im.showCheck)
}

// checked is a file read and checked: its rows to preview and what the check found.
type checked struct {
	n      int // the check it answers; an older one is dropped
	header []string
	rows   [][]string
	lines  []int
	sum    sqlite.ImportSummary
	err    error
}

func (im *importer) showCheck(c checked) {
	if c.n != im.checks {
		return // the kind or the file changed while this one was checked
	}
	im.header, im.rows, im.lines = c.header, c.rows, c.lines
	for i, h := range im.header {
		w := float32(140)
		if len(h) > 14 {
			w = 200
		}
		im.table.SetColumnWidth(i+1, w)
	}
	im.table.Show()
	im.again.Enable()
	im.mapBtn.Enable()
	im.problems = map[int]map[string]string{}
	im.general = nil
	var msgs []string
	var es csvio.Errors
	switch {
	case c.err == nil:
	case errors.As(c.err, &es):
		for _, e := range es {
			msgs = append(msgs, e.Error())
			row := im.rowOfLine(e.Line)
			if row < 0 {
				im.general = append(im.general, e.Error())
				continue
			}
			if im.problems[row] == nil {
				im.problems[row] = map[string]string{}
			}
			col := e.Column
			if col == "" {
				col = "line"
			}
			im.problems[row][col] = e.Problem
		}
	default:
		msgs = append(msgs, c.err.Error())
		im.general = append(im.general, c.err.Error())
	}
	im.table.Refresh()
	if len(msgs) == 0 {
		im.messages.SetText(strings.Join(c.sum.Notes, "\n"))
		im.status.SetText(fmt.Sprintf("All %d rows are good: %d would be added and %d updated. Nothing is saved until you import.", c.sum.Rows, c.sum.Added, c.sum.Updated))
		im.doImport.Enable()
		return
	}
	im.messages.SetText(strings.Join(msgs, "\n"))
	im.status.SetText(fmt.Sprintf("%s in %s — marked ⚠ below. Fix them in your spreadsheet, save it and press Check again; nothing is imported while a row has a problem.",
		plural(len(msgs), "problem", "problems"), plural(len(im.problems), "row", "rows")))
	if headerProblems(es) {
		im.status.SetText("The file's columns are not MentorDesk's — a form's export or a list made elsewhere. Press Map columns… to say which column is which.")
	}
}

func (im *importer) rowOfLine(line int) int {
	for i, l := range im.lines {
		if l == line {
			return i
		}
	}
	return -1
}

func (im *importer) onImport() {
	kind, path, opts := csvio.Kind(im.kind.Selected), im.path, im.options()
	im.doImport.Disable()
	im.progress.Show()
	im.progress.Start()
	im.status.SetText("Importing…")
	sh := im.sh
	background(sh.deps(), func(ctx context.Context) (sqlite.ImportSummary, error) {
		if _, err := sh.store.BackupNow(ctx, sh.backupDir(), "before-import", sh.retention()); err != nil {
			return sqlite.ImportSummary{}, fmt.Errorf("back up before importing: %w", err)
		}
		return sh.store.ImportFileWith(ctx, kind, path, opts)
	}, func(sum sqlite.ImportSummary) {
		im.progress.Stop()
		im.progress.Hide()
		im.summary = sum
		im.status.SetText(fmt.Sprintf("Imported %s: %d added, %d updated.", sum.Kind, sum.Added, sum.Updated))
		if sh.current != nil {
			sh.current.scr.reload()
		}
	})
}

func (im *importer) onTemplate() {
	kind := csvio.Kind(im.kind.Selected)
	if kind == "" {
		dialog.ShowInformation("Save a template", "Choose what you are importing first.", im.sh.win)
		return
	}
	book, err := xlsxio.Template(kind)
	if err != nil {
		saveBytes(im.sh.win, string(kind)+".csv", csvio.Template(kind))
		return
	}
	showMenuBelow(im.templateBtn, fyne.NewMenu("",
		fyne.NewMenuItem("Excel workbook (.xlsx)…", func() { saveBytes(im.sh.win, string(kind)+".xlsx", book) }),
		fyne.NewMenuItem("CSV (.csv)…", func() { saveBytes(im.sh.win, string(kind)+".csv", csvio.Template(kind)) })))
}

// saveTemplates writes a template for every kind that can be imported into a folder the
// director picks.
func (sh *shell) saveTemplates() {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		var written []string
		for _, k := range csvio.Importable {
			p := filepath.Join(uriPath(dir), string(k)+"-template.csv")
			if err := os.WriteFile(p, csvio.Template(k), 0o600); err != nil {
				dialog.ShowError(filemsg.Write(p, err), sh.win)
				return
			}
			written = append(written, filepath.Base(p))
		}
		dialog.ShowInformation("Templates saved", "Saved in "+uriPath(dir)+":\n"+strings.Join(written, "\n")+
			"\n\nEach has the header and one example row: replace the example with your own rows.", sh.win)
	}, sh.win)
	fd.SetTitleText("Choose the folder for the CSV templates")
	fd.SetConfirmText("Save templates here")
	showFileDialog(fd, sh.win)
}

// exportButton writes every row of a kind to an Excel workbook or a CSV file, as the director
// chooses, from the list that shows it (all of them, whatever the list is filtered to: the file
// is for a spreadsheet or another import).
func exportButton(d deps, kind csvio.Kind) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("Export all…", theme.DownloadIcon(), func() {
		if d.shell == nil {
			return
		}
		showMenuBelow(b, fyne.NewMenu("",
			fyne.NewMenuItem("Excel workbook (.xlsx)…", func() { d.shell.exportKindAs(kind, ".xlsx") }),
			fyne.NewMenuItem("CSV (.csv)…", func() { d.shell.exportKindAs(kind, ".csv") })))
	})
	return b
}

// showMenuBelow opens a menu of choices under the button that offers them.
func showMenuBelow(b *widget.Button, menu *fyne.Menu) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

// exportKind writes a kind to a workbook: what a director opens in a spreadsheet.
func (sh *shell) exportKind(kind csvio.Kind) { sh.exportKindAs(kind, ".xlsx") }

// exportKindAs writes every row of a kind to a workbook (.xlsx) or CSV file (.csv).
func (sh *shell) exportKindAs(kind csvio.Kind, ext string) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := uriPath(w.URI())
		w.Close()
		background(sh.deps(), func(ctx context.Context) (int, error) {
			return sh.store.ExportFile(ctx, kind, path)
		}, func(n int) {
			dialog.ShowInformation("Exported", fmt.Sprintf("%d %s written to\n%s", n, kind, path), sh.win)
		})
	}, sh.win)
	fd.SetFileName(string(kind) + ext)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	showFileDialog(fd, sh.win)
}

// saveBytes asks where to save content and writes it there.
func saveBytes(win fyne.Window, name string, content []byte) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if _, err := w.Write(content); err != nil {
			dialog.ShowError(err, win)
		}
	}, win)
	fd.SetFileName(name)
	showFileDialog(fd, win)
}

// showFileDialog shows fd at a size that fits the window: Fyne's own is a small box in which a
// folder of files is hard to read. Resize must follow Show: before it, Fyne 2.8.1's FileDialog
// dereferences nil.
func showFileDialog(fd *dialog.FileDialog, win fyne.Window) {
	fd.Show()
	s := win.Canvas().Size()
	fd.Resize(fyne.NewSize(min(900, s.Width*0.92), min(640, s.Height*0.92)))
}
