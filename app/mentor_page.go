package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/mailing"
	"mentordesk/data"
	"mentordesk/data/photo"
	"mentordesk/widgets"
)

// mentorPageEvents tell the list what happened on the page.
type mentorPageEvents struct {
	saved   func(id int64)
	deleted func(name string)
}

// mentorPage creates or edits one mentor: the profile of DESIGN §1, the photo, background
// checks and contracts, and shows their sessions, statements and roster review. Edits stay
// on the page until Save writes them all in one transaction.
type mentorPage struct {
	d      deps
	store  mentorStore
	events mentorPageEvents
	busy   *inflight
	today  data.Date
	year   data.SchoolYear

	loaded    data.Mentor // as last read or saved; ID 0 for a new mentor
	photo     []byte
	checks    []data.Check
	contracts []data.Contract
	dirty     bool
	sideEdits bool         // photo, checks or contracts changed: Undo of the fields leaves these
	undo      *formHistory // the profile fields' changes since the load or save, for Undo
	filling   bool         // the widgets are being set from data, not edited
	closed    bool
	saving    bool

	title       *widget.RichText
	headline    *widget.Label
	contract    *widget.Label
	thumb       *fyne.Container
	removePhoto *widget.Button
	saveButton  *widget.Button
	revert      *widget.Button
	del         *widget.Button
	notice      *widget.Label

	fields      map[string]*mentorField
	instruments *widgets.TagEntry
	status      *widget.RadioGroup
	resident    *widgets.DateEntry
	tabs        *container.AppTabs

	comp    *mentorCompliance
	history *mentorHistory
}

func newMentorPage(d deps, st mentorStore, busy *inflight, id int64, suggestions []string, ev mentorPageEvents) *mentorPage {
	p := &mentorPage{d: d, store: st, busy: busy, events: ev, today: d.today(), loaded: data.Mentor{ID: id, Status: data.MentorApplicant}}
	p.comp = newMentorCompliance(p)
	p.history = newMentorHistory(p)
	p.instruments = widgets.NewTagEntry("Add an instrument and press Enter")
	p.instruments.SetSuggestions(suggestions)
	return p
}

func (p *mentorPage) id() int64 { return p.loaded.ID }

func (p *mentorPage) setSuggestions(s []string) { p.instruments.SetSuggestions(s) }

// close stops a page that is no longer shown from applying late loads.
func (p *mentorPage) close() { p.closed = true }

func (p *mentorPage) buildUI() fyne.CanvasObject {
	p.title = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleHeading, Text: "New mentor"})
	p.headline = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.contract = widget.NewLabel("")
	p.thumb = container.NewGridWrap(fyne.NewSquareSize(120))
	choose := widget.NewButtonWithIcon("Choose photo…", theme.FolderOpenIcon(), p.onChoosePhoto)
	p.removePhoto = widget.NewButtonWithIcon("Remove photo", theme.DeleteIcon(), p.onRemovePhoto)
	p.saveButton = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { p.saveEdits(func(bool) {}) })
	p.saveButton.Importance = widget.HighImportance
	p.revert = widget.NewButtonWithIcon("Revert", theme.ContentUndoIcon(), p.discardEdits)
	p.del = widget.NewButtonWithIcon("Delete mentor…", theme.DeleteIcon(), p.onDelete)
	p.del.Importance = widget.DangerImportance
	p.notice = widget.NewLabel("")
	p.notice.Importance = widget.DangerImportance
	// One problem a line, unwrapped: a wrapped label's height is known only after layout, so it
	// spilled over the tab bar below.
	p.notice.Truncation = fyne.TextTruncateEllipsis
	p.notice.Hide()

	form := p.buildForm()
	p.undo = newFormHistory(p.profileValues, p.restoreProfile, p.allUndone)
	info := container.NewVBox(p.title, p.headline, p.contract, container.NewHBox(choose, p.removePhoto))
	head := border(nil, nil, container.NewCenter(p.thumb), nil, info)
	actions := border(nil, nil, container.NewHBox(p.saveButton, p.undo.button, p.revert), p.del)

	p.tabs = container.NewAppTabs(
		container.NewTabItem("Profile", container.NewVScroll(form)),
		container.NewTabItem("Checks & contracts", container.NewVScroll(p.comp.buildUI())),
		container.NewTabItem("Sessions", p.history.sessionsUI()),
		container.NewTabItem("Statements", p.history.statementsUI()),
	)
	// The Feedback tab (saved mentors) holds the roster review with its decisions.
	_ = p.history.reviewUI()
	if id := p.id(); id != 0 {
		p.tabs.Append(container.NewTabItem("Feedback", feedbackPanel(p.d, id)))
		p.tabs.Append(container.NewTabItem("E-mail", sentList(p.d, func(ctx context.Context) (string, error) {
			m, err := p.d.store.Mentor(ctx, id)
			return m.Email, err
		})))
		year := data.SchoolYearOf(p.today, data.DefaultSchoolYearStart)
		// Under the contract's own line: whether this year's contract went to the mentor.
		info.Objects = append(info.Objects[:3], append([]fyne.CanvasObject{sentStatus(p.d, year.String()+" contract",
			mailing.ContractDocument(id, year))}, info.Objects[3:]...)...)
		contract := widget.NewButtonWithIcon("Contract PDF…", theme.DocumentIcon(), func() {
			saveContractPDF(p.d, id, data.SchoolYearOf(p.today, data.DefaultSchoolYearStart))
		})
		ics := widget.NewButtonWithIcon("Calendar file…", theme.CalendarIcon(), func() { saveMentorCalendar(p.d, id) })
		actions = border(nil, nil, container.NewHBox(p.saveButton, p.undo.button, p.revert), container.NewHBox(contract, ics, p.del))
	}
	top := container.NewVBox(head, actions, p.notice)
	return container.NewPadded(border(top, nil, nil, nil, p.tabs))
}

// refreshHead shows the name, the clearance as the page holds it, and which actions apply.
func (p *mentorPage) refreshHead() {
	m, _ := p.formMentor()
	name := m.Name()
	if name == "" {
		name = "New mentor"
	}
	if p.dirty {
		name += " (unsaved)"
	}
	p.title.Segments[0].(*widget.TextSegment).Text = name
	p.title.Refresh()
	p.comp.recompute()
	if p.dirty && !p.saving {
		p.saveButton.Enable()
		p.revert.Enable()
	} else {
		p.saveButton.Disable()
		p.revert.Disable()
	}
	if p.id() == 0 {
		p.del.Disable()
	} else {
		p.del.Enable()
	}
	if len(p.photo) == 0 {
		p.removePhoto.Disable()
	} else {
		p.removePhoto.Enable()
	}
}

// mentorRecord is everything the page shows of a saved mentor.
type mentorRecord struct {
	set        data.Settings
	mentor     data.Mentor
	checks     []data.Check
	contracts  []data.Contract
	sessions   []data.Session
	statements []data.Statement
	review     data.ReviewState
}

// load reads the mentor (or sets up a new one) and shows it, dropping unsaved edits.
func (p *mentorPage) load() {
	id := p.id()
	track(p.busy, p.d, func(ctx context.Context) (mentorRecord, error) {
		var r mentorRecord
		var err error
		if r.set, err = p.store.Settings(ctx); err != nil || id == 0 {
			r.mentor = data.Mentor{Status: data.MentorApplicant}
			return r, err
		}
		if r.mentor, err = p.store.Mentor(ctx, id); err != nil {
			return r, err
		}
		if r.checks, err = p.store.Checks(ctx, id); err != nil {
			return r, err
		}
		if r.contracts, err = p.store.Contracts(ctx, id); err != nil {
			return r, err
		}
		if r.sessions, err = p.store.Sessions(ctx, data.SessionFilter{MentorID: id}); err != nil {
			return r, err
		}
		if r.statements, err = p.store.Statements(ctx, data.StatementFilter{MentorID: id}); err != nil {
			return r, err
		}
		r.review, err = p.store.MentorReview(ctx, id, p.today)
		return r, err
	}, func(r mentorRecord) {
		if p.closed || p.id() != id {
			return
		}
		p.year = r.set.SchoolYear(p.today)
		p.checks, p.contracts = r.checks, r.contracts
		p.fill(r.mentor)
		p.comp.refresh()
		p.history.show(r)
	})
}

// unsaved names what has unsaved edits, or returns "".
func (p *mentorPage) unsaved() string {
	if !p.dirty {
		return ""
	}
	if p.id() == 0 {
		if m, _ := p.formMentor(); m.Name() != "" {
			return "the new mentor " + m.Name()
		}
		return "the new mentor"
	}
	return "the mentor " + p.loaded.Name()
}

// discardEdits (Revert) shows the mentor as saved again.
func (p *mentorPage) discardEdits() {
	p.forget()
	if p.id() != 0 {
		p.load()
	}
}

// forget drops the edits; a saved mentor's widgets keep them until the next load.
func (p *mentorPage) forget() {
	p.dirty = false
	if p.id() == 0 {
		p.checks, p.contracts = nil, nil
		p.fill(data.Mentor{Status: data.MentorApplicant})
		p.comp.refresh()
	}
	p.refreshHead()
}

func (p *mentorPage) showPhoto() {
	if len(p.photo) == 0 {
		icon := widget.NewIcon(theme.AccountIcon())
		p.thumb.Objects = []fyne.CanvasObject{icon}
	} else {
		img := canvas.NewImageFromResource(fyne.NewStaticResource(fmt.Sprintf("mentor-%d-%d.jpg", p.id(), len(p.photo)), p.photo))
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		p.thumb.Objects = []fyne.CanvasObject{img}
	}
	p.thumb.Refresh()
}

// onChoosePhoto opens a JPEG or PNG; it is checked and scaled off the UI goroutine and
// refused with its reason when it is too large, damaged or not an image.
func (p *mentorPage) onChoosePhoto() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, p.d.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		p.usePhoto(r.URI().Name(), r)
	}, p.d.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png"}))
	fd.SetConfirmText("Use photo")
	fd.SetTitleText("Choose a photo (JPEG or PNG)")
	showFileDialog(fd, p.d.win)
}

// usePhoto reads, checks and scales a photo file off the UI goroutine; a file refused keeps the
// photo as it was and says why.
func (p *mentorPage) usePhoto(name string, r io.ReadCloser) {
	p.busy.n.Add(1)
	go func() {
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, photo.MaxFileBytes+1))
		var prepared []byte
		if err == nil {
			prepared, err = photo.Prepare(b)
		}
		fyne.Do(func() {
			defer p.busy.n.Add(-1)
			if err != nil {
				dialog.ShowError(fmt.Errorf("the file %q was not used as the photo: %s.", name, strings.TrimSuffix(err.Error(), ".")), p.d.win)
				return
			}
			p.setPhoto(prepared)
		})
	}()
}

func (p *mentorPage) setPhoto(b []byte) {
	p.photo = b
	p.showPhoto()
	p.changed()
}

func (p *mentorPage) onRemovePhoto() { p.setPhoto(nil) }

// onDelete deletes the mentor after a confirmation naming what goes with them; a mentor with
// sessions or statements is refused with the store's reason.
func (p *mentorPage) onDelete() {
	id, name := p.id(), p.loaded.Name()
	track(p.busy, p.d, func(ctx context.Context) (mentorDeletion, error) {
		var c mentorDeletion
		var err error
		if c.deps, err = p.store.Dependents(ctx, id); err != nil {
			return c, err
		}
		if c.deps.Sessions+c.deps.Enrollments+c.deps.Statements > 0 {
			c.refusal = p.store.DeleteMentor(ctx, id) // refuses, saying why
		}
		return c, nil
	}, func(c mentorDeletion) {
		if c.refusal != nil {
			dialog.ShowInformation("Cannot delete "+name, sentence(c.refusal.Error()), p.d.win)
			return
		}
		msg := fmt.Sprintf("Delete %s?\n%s\nThis cannot be undone.", name, dependentsText(c.deps, len(p.loaded.Photo) > 0))
		cd := dialog.NewConfirm("Delete mentor", msg, func(ok bool) {
			if ok {
				p.deleteNow(id, name)
			}
		}, p.d.win)
		cd.SetConfirmText("Delete")
		cd.SetDismissText("Cancel")
		cd.SetConfirmImportance(widget.DangerImportance)
		cd.Show()
	})
}

type mentorDeletion struct {
	deps    data.MentorDependents
	refusal error
}

func (p *mentorPage) deleteNow(id int64, name string) {
	track(p.busy, p.d, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, p.store.DeleteMentor(ctx, id)
	}, func(struct{}) {
		p.dirty = false
		p.close()
		if p.events.deleted != nil {
			p.events.deleted(name)
		}
	})
}

// dependentsText says what goes with a deleted mentor: "Their 2 background checks, 1 contract
// and photo are deleted with them."
func dependentsText(d data.MentorDependents, hasPhoto bool) string {
	var parts []string
	if d.Checks > 0 {
		parts = append(parts, plural(d.Checks, "background check", "background checks"))
	}
	if d.Contracts > 0 {
		parts = append(parts, plural(d.Contracts, "contract", "contracts"))
	}
	if hasPhoto {
		parts = append(parts, "photo")
	}
	switch len(parts) {
	case 0:
		return "Nothing else is recorded for them."
	case 1:
		return "Their " + parts[0] + " is deleted with them."
	}
	return "Their " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + " are deleted with them."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// sentence capitalises a message for a dialog and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
