package app

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// mentorStore is what the Mentors area and the mentor page read and write.
type mentorStore interface {
	Settings(ctx context.Context) (data.Settings, error)
	Compliance(ctx context.Context, on data.Date) ([]data.ComplianceRow, error)
	MentorInstruments(ctx context.Context) ([]string, error)
	Mentor(ctx context.Context, id int64) (data.Mentor, error)
	Checks(ctx context.Context, mentorID int64) ([]data.Check, error)
	Contracts(ctx context.Context, mentorID int64) ([]data.Contract, error)
	Sessions(ctx context.Context, f data.SessionFilter) ([]data.Session, error)
	Statements(ctx context.Context, f data.StatementFilter) ([]data.Statement, error)
	MentorReview(ctx context.Context, mentorID int64, on data.Date) (data.ReviewState, error)
	SaveMentor(ctx context.Context, r data.MentorRecords) (int64, error)
	Dependents(ctx context.Context, mentorID int64) (data.MentorDependents, error)
	DeleteMentor(ctx context.Context, id int64) error
}

// Filter choices; the first of each matches everything.
const (
	anyInstrument = "All instruments"
	anyStatus     = "All statuses"
	anyClearance  = "Any clearance"
	anyContract   = "Any contract"
)

// Clearance badges, as the list shows them and its filter offers them.
const (
	badgeCleared    = "Cleared"
	badgeExpiring   = "Expiring"
	badgeNotCleared = "Not cleared"
)

// mentors is the Mentors area: a searchable, filterable list and the selected mentor's page.
type mentors struct {
	d      deps
	store  mentorStore
	export *widget.Button // the mentors to CSV

	year        data.SchoolYear
	instruments []string
	all, shown  []data.ComplianceRow

	search     *widget.Entry
	instrument *widget.Select
	status     *widget.Select
	clearance  *widget.Select
	contract   *widget.Select
	count      *widget.Label
	list       *widget.List
	detail     *fyne.Container

	busy     inflight
	page     *mentorPage       // nil until a mentor is opened
	quiet    bool              // selecting a row from code, not the user
	selected widget.ListItemID // the highlighted row, -1 when none
}

func newMentors(d deps) *mentors { return &mentors{d: d, store: d.store, selected: -1} }

// mentorAreas lets another area of the same window open a mentor's page (Home's compliance
// panel): the Mentors area registers itself for its window when built.
var mentorAreas sync.Map // fyne.Window → *mentors

// showMentorPage switches the window to the Mentors area and opens the mentor's page.
func showMentorPage(d deps, id int64) {
	d.open("Mentors")
	if v, ok := mentorAreas.Load(d.win); ok {
		m := v.(*mentors)
		// Opened as the area's own load lands, so the two never build widgets at once.
		track(&m.busy, d, func(context.Context) (struct{}, error) { return struct{}{}, nil },
			func(struct{}) { m.openMentor(id) })
	}
}

func (m *mentors) buildUI() fyne.CanvasObject {
	mentorAreas.Store(m.d.win, m)
	m.search = widget.NewEntry()
	m.search.SetPlaceHolder("Search name, e-mail, instrument")
	m.search.OnChanged = func(string) { m.filter() }
	onFilter := func(string) { m.filter() }
	m.instrument = widget.NewSelect([]string{anyInstrument}, onFilter)
	m.status = widget.NewSelect([]string{anyStatus, "Applicant", "Active", "Inactive"}, onFilter)
	m.clearance = widget.NewSelect([]string{anyClearance, badgeCleared, badgeExpiring, badgeNotCleared}, onFilter)
	m.contract = widget.NewSelect([]string{anyContract}, onFilter)
	for _, s := range []*widget.Select{m.instrument, m.status, m.clearance, m.contract} {
		s.SetSelectedIndex(0)
	}
	m.count = widget.NewLabel("")
	m.list = widget.NewList(func() int { return len(m.shown) }, newMentorRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { m.updateRow(id, o) })
	m.list.OnSelected = m.onSelected
	m.list.OnUnselected = func(i widget.ListItemID) {
		if i == m.selected {
			m.selected = -1
		}
	}
	m.detail = container.NewStack(emptyState("Select a mentor to see their page, or add a new one.", nil))

	add := widget.NewButtonWithIcon("New mentor", theme.ContentAddIcon(), m.onNew)
	add.Importance = widget.HighImportance
	filters := container.NewGridWithColumns(2, m.instrument, m.status, m.clearance, m.contract)
	m.count.Importance = widget.LowImportance
	m.export = exportButton(m.d, csvio.Mentors)
	top := container.NewVBox(border(nil, nil, nil, add, m.search), filters, border(nil, nil, nil, m.export, m.count))
	split := container.NewHSplit(border(top, nil, nil, nil, m.list), m.detail)
	split.Offset = 0.37
	return split
}

func newMentorRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Nguyễn Thị Minh", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("trumpet, trombone · Active")
	sub.Truncation = fyne.TextTruncateEllipsis
	badge := widget.NewLabelWithStyle(badgeNotCleared, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	contract := widget.NewLabelWithStyle("No contract", fyne.TextAlignTrailing, fyne.TextStyle{})
	return container.NewBorder(nil, nil, nil, container.NewVBox(badge, contract), container.NewVBox(name, sub))
}

func (m *mentors) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := m.shown[id]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	texts[0].(*widget.Label).SetText(r.Mentor.SortName())
	sub := data.Label(r.Mentor.Status)
	if len(r.Mentor.Instruments) > 0 {
		sub = strings.Join(r.Mentor.Instruments, ", ") + " · " + sub
	}
	texts[1].(*widget.Label).SetText(sub)
	badges := row.Objects[1].(*fyne.Container).Objects
	text, imp := clearanceBadge(r)
	setLabel(badges[0].(*widget.Label), text, imp)
	if r.Contract.Signed {
		setLabel(badges[1].(*widget.Label), "Contract", widget.LowImportance)
	} else {
		setLabel(badges[1].(*widget.Label), "No contract", widget.WarningImportance)
	}
}

func setLabel(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
}

// clearanceBadge is the word the list shows for R7 on the day, and its colour.
func clearanceBadge(r data.ComplianceRow) (string, widget.Importance) {
	switch {
	case r.Clearance.Cleared && r.Clearance.Expiring:
		return badgeExpiring, widget.WarningImportance
	case r.Clearance.Cleared:
		return badgeCleared, widget.SuccessImportance
	}
	return badgeNotCleared, widget.DangerImportance
}

// listData is what the list needs from the store.
type listData struct {
	set         data.Settings
	rows        []data.ComplianceRow
	instruments []string
}

func (m *mentors) reload() {
	today := m.d.today()
	track(&m.busy, m.d, func(ctx context.Context) (listData, error) {
		var ld listData
		var err error
		if ld.set, err = m.store.Settings(ctx); err != nil {
			return ld, err
		}
		if ld.rows, err = m.store.Compliance(ctx, today); err != nil {
			return ld, err
		}
		sortByName(ld.rows)
		ld.instruments, err = m.store.MentorInstruments(ctx)
		return ld, err
	}, func(ld listData) {
		m.year = ld.set.SchoolYear(today)
		m.instruments = ld.instruments
		m.instrument.SetOptions(append([]string{anyInstrument}, ld.instruments...))
		if !slices.Contains(m.instrument.Options, m.instrument.Selected) {
			m.instrument.SetSelectedIndex(0)
		}
		kept := m.contract.SelectedIndex()
		m.contract.SetOptions([]string{anyContract, "Contract for " + m.year.String(), "No contract for " + m.year.String()})
		m.contract.SetSelectedIndex(max(kept, 0))
		if m.page != nil && m.page.unsaved() == "" && m.page.id() != 0 {
			m.page.setSuggestions(m.instruments)
			m.page.load()
		}
		m.filterRows(ld.rows)
		m.all = ld.rows // last: whoever waits for the list sees it drawn
	})
}

// sortByName orders rows as a reader expects names ordered: Łukasiewicz among the L's and
// Öberg among the O's, where the store's byte order puts both after Z.
func sortByName(rows []data.ComplianceRow) {
	col := collate.New(language.English, collate.Loose)
	keys := make(map[int64][]byte, len(rows))
	var buf collate.Buffer
	for _, r := range rows {
		keys[r.Mentor.ID] = slices.Clone(col.KeyFromString(&buf, r.Mentor.SortName()))
		buf.Reset()
	}
	slices.SortStableFunc(rows, func(a, b data.ComplianceRow) int {
		return bytes.Compare(keys[a.Mentor.ID], keys[b.Mentor.ID])
	})
}

// filter applies the search and filters in memory: a thousand mentors filter in well under a
// frame, so typing never waits for the database.
func (m *mentors) filter() { m.filterRows(m.all) }

func (m *mentors) filterRows(all []data.ComplianceRow) {
	if m.count == nil {
		return // still building
	}
	q := strings.ToLower(strings.TrimSpace(m.search.Text))
	status := strings.ToLower(m.status.Selected)
	m.shown = m.shown[:0]
	for _, r := range all {
		if status != "" && m.status.SelectedIndex() > 0 && string(r.Mentor.Status) != status {
			continue
		}
		if m.instrument.SelectedIndex() > 0 && !slices.ContainsFunc(r.Mentor.Instruments, func(s string) bool {
			return strings.EqualFold(s, m.instrument.Selected)
		}) {
			continue
		}
		if badge, _ := clearanceBadge(r); m.clearance.SelectedIndex() > 0 && badge != m.clearance.Selected {
			continue
		}
		if c := m.contract.SelectedIndex(); (c == 1 && !r.Contract.Signed) || (c == 2 && r.Contract.Signed) {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(r.Mentor.Name()+" "+r.Mentor.Email+" "+strings.Join(r.Mentor.Instruments, " ")), q) {
			continue
		}
		m.shown = append(m.shown, r)
	}
	m.count.SetText(fmt.Sprintf("%d of %d mentors", len(m.shown), len(all)))
	m.list.Refresh()
	m.selectCurrent()
}

// selectCurrent highlights the row of the mentor whose page is open, if it is shown.
func (m *mentors) selectCurrent() {
	m.quiet = true
	defer func() { m.quiet = false }()
	if m.page != nil && m.page.id() != 0 {
		for i, r := range m.shown {
			if r.Mentor.ID == m.page.id() {
				m.list.Select(i)
				return
			}
		}
	}
	m.list.UnselectAll()
}

func (m *mentors) onSelected(i widget.ListItemID) {
	m.selected = i
	if m.quiet || i >= len(m.shown) {
		return
	}
	id := m.shown[i].Mentor.ID
	if m.page != nil && m.page.id() == id {
		return
	}
	m.leavePage(func() { m.showPage(id) }, m.selectCurrent)
}

func (m *mentors) onNew() { m.leavePage(func() { m.showPage(0) }, m.selectCurrent) }

// openMentor opens a mentor's page, asking first about unsaved edits on the page open now.
func (m *mentors) openMentor(id int64) {
	if m.page != nil && m.page.id() == id {
		return
	}
	m.leavePage(func() { m.showPage(id) }, m.selectCurrent)
}

// showPage replaces the page with mentor id's (0: a new mentor).
func (m *mentors) showPage(id int64) {
	if m.page != nil {
		m.page.close()
	}
	m.page = newMentorPage(m.d, m.store, &m.busy, id, m.instruments, mentorPageEvents{
		saved: func(id int64) {
			m.reload()
		},
		deleted: func(name string) {
			m.page = nil
			m.detail.Objects = []fyne.CanvasObject{emptyState(name+" was deleted. Select a mentor to see their page, or add a new one.", nil)}
			m.detail.Refresh()
			m.reload()
		},
	})
	m.detail.Objects = []fyne.CanvasObject{m.page.buildUI()}
	m.detail.Refresh()
	m.selectCurrent()
	if id == 0 {
		m.d.win.Canvas().Focus(m.page.fields["first_name"].entry)
	}
	m.page.load() // last: its result may land at once under the test driver
}

// leavePage runs proceed once the open page has no unsaved edits, asking to save, discard or
// cancel (stay) when it has.
func (m *mentors) leavePage(proceed, stay func()) {
	if m.page == nil || m.page.unsaved() == "" {
		proceed()
		return
	}
	askMentorUnsaved(m.d.win, leavingPage{m.page}, proceed, stay)
}

// leavingPage is the open page as an editor about to be replaced: discarding its edits need
// not read it again.
type leavingPage struct{ *mentorPage }

func (l leavingPage) discardEdits() { l.forget() }

// askMentorUnsaved is the save / discard / cancel question before edits to what ed edits are lost.
func askMentorUnsaved(win fyne.Window, ed editor, proceed, stay func()) {
	var d dialog.Dialog
	save := widget.NewButton("Save", func() {
		d.Hide()
		ed.saveEdits(func(saved bool) {
			if saved {
				proceed()
			} else {
				stay()
			}
		})
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", func() { d.Hide(); ed.discardEdits(); proceed() })
	cancel := widget.NewButton("Cancel", func() { d.Hide(); stay() })
	msg := widget.NewLabel("You have unsaved changes to " + ed.unsaved() + ".\nSave them before leaving?")
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewVBox(msg, container.NewHBox(cancel, discard, save)), win)
	d.Show()
}

// The Mentors area is an editor for the shell: its unsaved edits are the open page's.

func (m *mentors) unsaved() string {
	if m.page == nil {
		return ""
	}
	return m.page.unsaved()
}

// undoLastChange is Edit › Undo on the mentor form shown.
func (m *mentors) undoLastChange() {
	if m.page != nil && m.page.undo != nil {
		m.page.undo.undo()
	}
}

func (m *mentors) saveEdits(done func(ok bool)) {
	if m.page == nil {
		done(true)
		return
	}
	m.page.saveEdits(done)
}

// discardEdits drops the edits as the area is left; reload reads the mentor again on return.
func (m *mentors) discardEdits() {
	if m.page != nil {
		m.page.forget()
	}
}

// inflight counts a screen's loads and saves under way, so tests can wait for them to land.
type inflight struct{ n atomic.Int32 }

func (f *inflight) idle() bool { return f.n.Load() == 0 }

// track is background counted in f: done (or the error) lands before f is idle again.
func track[T any](f *inflight, d deps, work func(ctx context.Context) (T, error), done func(T)) {
	f.n.Add(1)
	background(d, func(ctx context.Context) (T, error) {
		v, err := work(ctx)
		if err != nil {
			f.n.Add(-1)
		}
		return v, err
	}, func(v T) {
		defer f.n.Add(-1)
		done(v)
	})
}

// emptyState says what an empty area is for and what to do next.
func emptyState(text string, action *widget.Button) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	// A full-width column, centred down the middle, lets the text wrap in a narrow pane rather
	// than run past it (a centred label keeps its one-line width).
	if action == nil {
		return container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer())
	}
	return container.NewVBox(layout.NewSpacer(), l, container.NewCenter(action), layout.NewSpacer())
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// focusSearch is Edit › Find: the cursor goes to the search.
func (m *mentors) focusSearch() { focusIn(m.d.win, m.search) }
