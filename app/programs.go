package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// programsStore is everything the Programs area reads and writes.
type programsStore interface {
	enrollmentSource
	enrollmentPageStore
	wizardStore
}

const (
	anyProgram = "All programs"
	anySchool  = "All schools"
	anyMentor  = "All mentors"
)

// programs is the Programs area: the school year's enrollments with their progress, the page
// of the one chosen, and the wizard that plans a new one.
type programs struct {
	d     deps
	store programsStore

	year    data.SchoolYear
	all     []enrollmentRow
	shown   []enrollmentRow
	current int64 // the enrollment whose page is open

	yearSel, programSel, schoolSel, mentorSel *widget.Select
	count                                     *widget.Label
	list                                      *widget.List
	detail                                    *fyne.Container
	body                                      *fyne.Container // the list and page, or the wizard
	main                                      fyne.CanvasObject
	newBtn                                    *widget.Button
	wizard                                    *enrollmentWizard
	page                                      *enrollmentPage
	reloads                                   int  // finished reloads, for tests waiting on one
	selecting                                 bool // the list selection is being set from code
}

var _ editor = (*programs)(nil)

func newPrograms(d deps) screen { return newProgramsArea(d) }

func newProgramsArea(d deps) *programs { return &programs{d: d, store: d.store} }

func (p *programs) buildUI() fyne.CanvasObject {
	p.yearSel = widget.NewSelect(nil, func(s string) {
		if y, err := data.ParseSchoolYear(strings.TrimPrefix(s, "School year ")); err == nil && y != p.year {
			p.year = y
			p.reload()
		}
	})
	p.programSel = widget.NewSelect(append([]string{anyProgram}, programTitles()...), func(string) { p.filter() })
	p.schoolSel = widget.NewSelect([]string{anySchool}, func(string) { p.filter() })
	p.mentorSel = widget.NewSelect([]string{anyMentor}, func(string) { p.filter() })
	for _, s := range []*widget.Select{p.programSel, p.schoolSel, p.mentorSel} {
		s.SetSelectedIndex(0)
	}
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.shown) }, newEnrollmentListRow, func(id widget.ListItemID, o fyne.CanvasObject) {
		updateEnrollmentListRow(p.shown[id], o)
	})
	p.list.OnSelected = func(id widget.ListItemID) {
		if !p.selecting {
			p.open(p.shown[id].e.ID)
		}
	}
	p.newBtn = widget.NewButtonWithIcon("New enrollment", theme.ContentAddIcon(), p.onNew)
	p.newBtn.Importance = widget.HighImportance

	filters := container.NewGridWithColumns(2, p.yearSel, p.programSel, p.schoolSel, p.mentorSel)
	top := container.NewVBox(border(nil, nil, nil, p.newBtn, widget.NewLabelWithStyle("Enrollments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		filters, p.count)
	left := border(top, nil, nil, nil, p.list)
	p.detail = container.NewStack(programsHint("Choose an enrollment to see its terms, sessions and progress,\nor plan a new one.", p.onNew))
	split := container.NewHSplit(left, p.detail)
	split.Offset = 0.42
	p.main = split
	p.body = container.NewStack(split)
	return p.body
}

func programTitles() []string {
	out := make([]string, len(data.Programs))
	for i, pr := range data.Programs {
		out[i] = pr.Title()
	}
	return out
}

func programsHint(text string, action func()) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(l)
	if action != nil {
		box.Add(container.NewCenter(widget.NewButtonWithIcon("New enrollment", theme.ContentAddIcon(), action)))
	}
	return container.NewCenter(container.NewPadded(box))
}

func newEnrollmentListRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Madrona Heights K-8 · 7th/8th Grade Band", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("Focused Mentorship · Rafael Oliveira")
	sub.Truncation = fyne.TextTruncateEllipsis
	risk := canvas.NewText("", theme.Color(theme.ColorNameError))
	risk.TextSize = theme.CaptionTextSize()
	return container.NewVBox(title, sub, container.NewPadded(newCommitmentBar()), container.NewPadded(risk))
}

func updateEnrollmentListRow(r enrollmentRow, o fyne.CanvasObject) {
	box := o.(*fyne.Container).Objects
	box[0].(*widget.Label).SetText(r.title())
	box[1].(*widget.Label).SetText(r.subtitle())
	box[2].(*fyne.Container).Objects[0].(*commitmentBar).SetProgress(r.progress)
	risk := box[3].(*fyne.Container).Objects[0].(*canvas.Text)
	switch n := len(r.progress.AtRisk); n {
	case 0:
		risk.Text = ""
	case 1:
		risk.Text = "At risk: " + r.progress.AtRisk[0]
	default:
		risk.Text = fmt.Sprintf("At risk (%d): %s", n, r.progress.AtRisk[0])
	}
	risk.Color = theme.Color(theme.ColorNameError)
	risk.Refresh()
}

type programsData struct {
	set  data.Settings
	rows []enrollmentRow
}

func (p *programs) reload() {
	today := p.d.today()
	year := p.year
	background(p.d, func(ctx context.Context) (programsData, error) {
		var pd programsData
		var err error
		if pd.set, err = p.store.Settings(ctx); err != nil {
			return pd, err
		}
		if year == 0 {
			year = pd.set.SchoolYear(today)
		}
		pd.rows, err = loadEnrollments(ctx, p.store, year, today)
		return pd, err
	}, func(pd programsData) {
		this := pd.set.SchoolYear(today)
		if p.year == 0 {
			p.year = this
		}
		var years []string
		for y := this - 2; y <= this+1; y++ {
			years = append(years, "School year "+y.String())
		}
		p.yearSel.Options = years
		p.yearSel.Selected = "School year " + p.year.String()
		p.yearSel.Refresh()
		p.all = pd.rows
		p.fillFilters()
		p.filter()
		if p.current != 0 {
			p.open(p.current)
		}
		p.reloads++
	})
}

// fillFilters offers the schools and mentors that appear in the year's enrollments.
func (p *programs) fillFilters() {
	schools, mentors := map[string]bool{}, map[string]bool{}
	for _, r := range p.all {
		schools[r.room.School] = true
		if r.to.ID != 0 {
			schools[r.to.School] = true
		}
		mentors[r.mentor.Name()] = true
	}
	set := func(s *widget.Select, first string, names map[string]bool) {
		opts := make([]string, 0, len(names))
		for n := range names {
			opts = append(opts, n)
		}
		slices.Sort(opts)
		s.Options = append([]string{first}, opts...)
		if !names[s.Selected] {
			s.Selected = first
		}
		s.Refresh()
	}
	set(p.schoolSel, anySchool, schools)
	set(p.mentorSel, anyMentor, mentors)
}

// filter applies the program, school and mentor filters in memory.
func (p *programs) filter() {
	if p.list == nil {
		return
	}
	p.shown = p.shown[:0]
	risky := 0
	for _, r := range p.all {
		if sel := p.programSel.Selected; sel != anyProgram && sel != r.e.Program.Title() {
			continue
		}
		if sel := p.schoolSel.Selected; sel != anySchool && sel != r.room.School && sel != r.to.School {
			continue
		}
		if sel := p.mentorSel.Selected; sel != anyMentor && sel != r.mentor.Name() {
			continue
		}
		if len(r.progress.AtRisk) > 0 {
			risky++
		}
		p.shown = append(p.shown, r)
	}
	p.count.SetText(fmt.Sprintf("%d of %d enrollments · %d at risk", len(p.shown), len(p.all), risky))
	p.list.UnselectAll()
	p.list.Refresh()
	for i, r := range p.shown {
		if r.e.ID == p.current {
			p.selecting = true
			p.list.Select(i)
			p.selecting = false
		}
	}
}

// open shows an enrollment's page.
func (p *programs) open(id int64) {
	i := slices.IndexFunc(p.all, func(r enrollmentRow) bool { return r.e.ID == id })
	if i < 0 {
		return
	}
	p.current = id
	p.page = newEnrollmentPage(p.d, p.store, p.all[i], p.reload)
	p.detail.Objects = []fyne.CanvasObject{p.page.buildUI()}
	p.detail.Refresh()
	p.page.load()
}

// onNew opens the wizard in place of the list.
func (p *programs) onNew() {
	p.wizard = newEnrollmentWizard(p.d, p.store, func(saved int64, year data.SchoolYear) {
		p.wizard = nil
		p.body.Objects = []fyne.CanvasObject{p.main}
		p.body.Refresh()
		if saved != 0 {
			p.current, p.year = saved, year
		}
		p.reload()
	})
	p.body.Objects = []fyne.CanvasObject{p.wizard.buildUI()}
	p.body.Refresh()
	p.wizard.load()
}

func (p *programs) unsaved() string {
	if p.wizard != nil {
		return p.wizard.unsaved()
	}
	return ""
}

func (p *programs) saveEdits(done func(bool)) {
	if p.wizard == nil {
		done(true)
		return
	}
	p.wizard.onAccept(done)
}

func (p *programs) discardEdits() {
	if p.wizard != nil {
		p.wizard.close(0, 0)
	}
}
