package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/openfile"
	"mentordesk/app/report"
	"mentordesk/data"
	"mentordesk/data/filemsg"
)

var _ documentsStore = desk{}

// docKind is a document the area makes.
type docKind int

const (
	kindContract docKind = iota
	kindRoster
	kindStatement
	kindAdjustment
	kindSignoff
	kindSchedule
	kindYearEnd
	kindIntroduction
	kindCohort
)

var docKinds = []struct{ title, about string }{
	{"Contract", "A mentor's independent-contractor agreement for one school year: the parties, the classrooms " +
		"assigned with sessions and rates, the terms and signature lines for both parties."},
	{"Roster sheet", "The handout for schools: photo and professional profile of each active mentor who is cleared " +
		"and in good standing. It never prints contact details, background checks, contracts or payments."},
	{"Payment statement", "The payment statement of one visit, by its number, with the notices every statement carries."},
	{"Adjustment statement", "A statement that corrects an earlier one; it names the statement it corrects and why."},
	{"Visit sign-off sheet", "The sheet a mentor brings to a visit: the instructor marks each session that took " +
		"place and signs, which confirms the sessions for payment."},
	{"Schedule handout", "A classroom's session dates, times and focus for its instructor, with the concerts they build up to."},
	{"Year-end summary", "A mentor's statements of one calendar year for their tax records, with the 1099-NEC note."},
	{"Pair introduction letter", "The letter that introduces a mutual-mentorship pair to each other."},
	{"Cohort overview", "A mutual-mentorship cohort's pairs, what matched them, and who is still without a partner."},
}

// printHint says how to print, since Fyne has no print API.
const printHint = "MentorDesk does not print by itself: Open shows the PDF in your PDF viewer — print it from there."

// documents is the Documents area: pick a document and its parameters, save or open the PDF,
// or write a whole batch into a folder.
type documents struct {
	d    deps
	st   documentsStore
	busy inflight

	set    data.Settings
	kind   docKind
	kinds  *widget.List
	title  *widget.Label
	about  *widget.Label
	forms  []fyne.CanvasObject
	form   *fyne.Container
	right  *fyne.Container // everything right of the list of kinds
	scroll *container.Scroll

	save, open, clausesBtn *widget.Button
	status                 *widget.Label
	saved                  string // the last file saved

	f       docFields
	batch   *docBatch
	clauses *clauseEditor
}

func newDocuments(d deps) screen { return newDocumentsArea(d) }

func newDocumentsArea(d deps) *documents {
	s := &documents{d: d, st: d.store}
	s.batch = &docBatch{s: s}
	s.clauses = &clauseEditor{s: s}
	return s
}

func (s *documents) buildUI() fyne.CanvasObject {
	s.kinds = widget.NewList(
		func() int { return len(docKinds) },
		func() fyne.CanvasObject { return widget.NewLabel("Pair introduction letter") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(docKinds[id].title) })
	s.kinds.OnSelected = func(id widget.ListItemID) { s.pick(docKind(id)) }

	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.about = wrapLabel("")
	s.forms = s.f.build(s)
	s.form = container.NewStack()
	s.save = widget.NewButtonWithIcon("Save PDF…", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.open = widget.NewButtonWithIcon("Open", theme.DocumentPrintIcon(), s.onOpen)
	s.clausesBtn = widget.NewButtonWithIcon("Edit contract clauses…", theme.DocumentCreateIcon(), s.clauses.show)
	s.status = wrapLabel("")
	hint := border(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, wrapLabel(printHint))

	single := container.NewVBox(s.title, s.about, s.form,
		container.NewHBox(s.save, s.open, s.clausesBtn), hint, s.status)
	s.right = container.NewVBox(single, widget.NewSeparator(), s.batch.build())
	s.scroll = container.NewVScroll(s.right)
	split := container.NewHSplit(s.kinds, container.NewPadded(s.scroll))
	split.Offset = 0.2
	s.kinds.Select(int(kindContract))
	return split
}

// pick shows a kind's parameters.
func (s *documents) pick(k docKind) {
	s.kind = k
	s.title.SetText(docKinds[k].title)
	s.about.SetText(docKinds[k].about)
	s.form.Objects = []fyne.CanvasObject{s.forms[k]}
	s.clausesBtn.Hidden = k != kindContract
	s.relayout()
	s.say("", widget.MediumImportance)
}

// relayout lays the area out again after a form of another height or a message of more lines.
func (s *documents) relayout() {
	if s.right == nil {
		return
	}
	for _, c := range s.right.Objects {
		c.Refresh()
	}
	s.right.Refresh()
	s.scroll.Refresh()
}

// say shows a line under the buttons: what was saved, or what is missing or wrong.
func (s *documents) say(text string, imp widget.Importance) {
	setLabel(s.status, text, imp)
	s.relayout()
}

func (s *documents) reload() {
	today := s.d.today()
	track(&s.busy, s.d, func(ctx context.Context) (docChoices, error) {
		return loadDocChoices(ctx, s.st, today)
	}, func(c docChoices) {
		s.set = c.set
		s.f.fill(s, c, today)
		s.batch.fill(c, today)
	})
}

// rendered is a document's PDF, or why it could not be made.
type rendered struct {
	name string
	pdf  []byte
	err  error
}

// render gathers a document and draws it off the UI goroutine; the error travels in the result
// so that the caller says it where the user is looking.
func render(f *inflight, d deps, mk makeDoc, done func(rendered)) {
	track(f, d, func(ctx context.Context) (rendered, error) {
		doc, err := mk(ctx)
		if err != nil {
			return rendered{err: err}, nil
		}
		var buf bytes.Buffer
		if err := report.Render(&buf, doc); err != nil {
			return rendered{err: err}, nil
		}
		return rendered{name: docFileName(doc), pdf: buf.Bytes()}, nil
	}, done)
}

// problemText words a document's error for the status line: one problem a line.
func problemText(err error) string {
	var ps data.Problems
	if errors.As(err, &ps) {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = "• " + p.Field + ": " + p.Problem
		}
		return "The document cannot be made:\n" + strings.Join(lines, "\n")
	}
	if errors.Is(err, data.ErrNotFound) {
		return "Not found: " + strings.TrimSuffix(err.Error(), ": "+data.ErrNotFound.Error()) + "."
	}
	return err.Error()
}

// produce makes the chosen document's PDF and hands it to then.
func (s *documents) produce(then func(r rendered)) {
	mk, err := s.f.prepare(s)
	if err != nil {
		s.say(err.Error(), widget.WarningImportance)
		return
	}
	s.say("Making the PDF…", widget.LowImportance)
	render(&s.busy, s.d, mk, func(r rendered) {
		if r.err != nil {
			s.say(problemText(r.err), widget.DangerImportance)
			return
		}
		s.say("", widget.MediumImportance)
		then(r)
	})
}

func (s *documents) onSave() {
	s.produce(func(r rendered) {
		askSavePDF(s.d, r.name, r.pdf, func(path string) { s.wrote(path) })
	})
}

// saveTo writes the chosen document to path without asking: the save dialog's second half.
func (s *documents) saveTo(path string) {
	s.produce(func(r rendered) {
		if err := writePDF(path, r.pdf); err != nil {
			s.say("Could not save: "+err.Error(), widget.DangerImportance)
			return
		}
		s.wrote(path)
	})
}

func (s *documents) wrote(path string) {
	s.saved = path
	s.say("Saved "+path, widget.SuccessImportance)
}

func (s *documents) onOpen() {
	s.produce(func(r rendered) {
		s.say("Opening the PDF…", widget.LowImportance)
		go func() { // the system's opener may take a while to say it failed
			path, err := openPDF(r.name, r.pdf)
			fyne.Do(func() {
				switch {
				case err != nil && path != "":
					s.say("The PDF is saved, but "+err.Error(), widget.DangerImportance)
				case err != nil:
					s.say("Could not write the PDF to open it: "+err.Error(), widget.DangerImportance)
				default:
					s.say("Opened "+path+" in your PDF viewer; print it from there.", widget.SuccessImportance)
				}
			})
		}()
	})
}

// prefDocFolder remembers where the director last saved a document.
const prefDocFolder = "documents.folder"

// askSavePDF asks where to save a PDF, starting in the folder used last, and writes it there.
func askSavePDF(d deps, name string, pdf []byte, saved func(path string)) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		if w == nil {
			return
		}
		path := uriPath(w.URI())
		_, err = w.Write(pdf)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			dialog.ShowError(fmt.Errorf("save %s: %w", path, err), d.win)
			return
		}
		if a := appOf(d); a != nil {
			a.Preferences().SetString(prefDocFolder, filepath.Dir(path))
		}
		saved(path)
	}, d.win)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	if l := lastDocFolder(d); l != nil {
		fd.SetLocation(l)
	}
	showFileDialog(fd, d.win)
}

// lastDocFolder is the folder a document was last saved in, when it still exists.
func lastDocFolder(d deps) fyne.ListableURI {
	a := appOf(d)
	if a == nil {
		return nil
	}
	dir := a.Preferences().String(prefDocFolder)
	if dir == "" {
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func appOf(d deps) fyne.App {
	if d.app != nil {
		return d.app
	}
	return fyne.CurrentApp()
}

// writePDF writes a PDF through a temporary file beside path, so it appears whole or not at all.
func writePDF(path string, pdf []byte) error {
	if err := refuseOwnPath(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return filemsg.Write(path, err)
	}
	_, err = tmp.Write(pdf)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return filemsg.Write(path, err)
}

// openPDF writes a PDF into MentorDesk's documents folder under the temporary folder and hands
// it to the system's PDF viewer, where it can be printed.
func openPDF(name string, pdf []byte) (string, error) {
	dir := filepath.Join(os.TempDir(), "MentorDesk documents")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	if err := writePDF(path, pdf); err != nil {
		return "", err
	}
	return path, openFile(path) // the path also on error: the file is there to open by hand
}

// uriPath is the file a dialog chose, in the platform's form: Fyne's URIs give C:/Users/… on
// Windows, and messages beside them show C:\Users\….
func uriPath(u fyne.URI) string { return filemsg.Path(u.Path()) }

// openFile opens a saved file with the system's program for it. Fyne's OpenURL is not used: on
// Linux it never learns whether xdg-open failed, and on Windows rundll32 reports success either
// way; openfile says when nothing opened the file, naming it.
func openFile(path string) error { return openfile.Open(path) }

// saveContractPDF makes a mentor's contract for a school year and asks where to save it.
func saveContractPDF(d deps, mentorID int64, year data.SchoolYear) {
	oneClickPDF(d, contractMaker(d.store, mentorID, year))
}

// saveStatementPDF makes a statement's PDF (payment or adjustment) and asks where to save it.
func saveStatementPDF(d deps, number int) { oneClickPDF(d, statementMaker(d.store, number)) }

// saveRosterPDF makes the roster handout of a school (0: every school) as of today and asks
// where to save it.
func saveRosterPDF(d deps, schoolID int64) {
	oneClickPDF(d, rosterMaker(d.store, d.today(), schoolID, ""))
}

// oneClickPDF is a button's PDF: make it, ask where to save it, then offer to open it.
func oneClickPDF(d deps, mk makeDoc) {
	var f inflight
	render(&f, d, mk, func(r rendered) {
		if r.err != nil {
			dialog.ShowError(errors.New(problemText(r.err)), d.win)
			return
		}
		askSavePDF(d, r.name, r.pdf, func(path string) {
			msg := wrapLabel("Saved to " + path + "\n\n" + printHint)
			dialog.ShowCustomConfirm("PDF saved", "Open", "Close", msg, func(open bool) {
				if open {
					go func() {
						if err := openFile(path); err != nil {
							fyne.Do(func() { dialog.ShowError(err, d.win) })
						}
					}()
				}
			}, d.win)
		})
	})
}
