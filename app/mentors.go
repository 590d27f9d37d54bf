package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// mentorSource is what the Mentors area reads.
type mentorSource interface {
	Compliance(ctx context.Context, on data.Date) ([]data.ComplianceRow, error)
	Mentor(ctx context.Context, id int64) (data.Mentor, error)
}

// mentors is the Mentors area: a searchable list and the selected mentor's page.
type mentors struct {
	d     deps
	store mentorSource

	all     []data.ComplianceRow
	shown   []data.ComplianceRow
	search  *widget.Entry
	status  *widget.Select
	count   *widget.Label
	list    *widget.List
	detail  *fyne.Container
	current int64
}

func newMentors(d deps) *mentors { return &mentors{d: d, store: d.store} }

func (m *mentors) buildUI() fyne.CanvasObject {
	m.search = widget.NewEntry()
	m.search.SetPlaceHolder("Search by name, e-mail or instrument")
	m.search.OnChanged = func(string) { m.filter() }
	m.status = widget.NewSelect([]string{"All statuses", "Active", "Applicant", "Inactive"}, func(string) { m.filter() })
	m.status.SetSelectedIndex(0)
	m.count = widget.NewLabel("")
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Nguyễn Thị Minh", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			sub := widget.NewLabel("trumpet; trombone")
			sub.Truncation = fyne.TextTruncateEllipsis
			badge := widget.NewLabel("Cleared")
			return container.NewBorder(nil, nil, nil, badge, container.NewVBox(name, sub))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := m.shown[id]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(r.Mentor.SortName())
			texts[1].(*widget.Label).SetText(strings.Join(r.Mentor.Instruments, ", ") + " · " + data.Label(r.Mentor.Status))
			row.Objects[1].(*widget.Label).SetText(clearanceBadge(r))
		})
	m.list.OnSelected = func(id widget.ListItemID) { m.showMentor(m.shown[id]) }
	m.detail = container.NewStack(emptyState("Select a mentor to see their page.", nil))
	left := container.NewBorder(container.NewVBox(m.search, container.NewBorder(nil, nil, nil, m.count, m.status)), nil, nil, nil, m.list)
	split := container.NewHSplit(left, m.detail)
	split.Offset = 0.38
	return split
}

func clearanceBadge(r data.ComplianceRow) string {
	switch {
	case r.Mentor.Status == data.Inactive:
		return "Inactive"
	case r.Clearance.Cleared && r.Clearance.Expiring:
		return "Expiring"
	case r.Clearance.Cleared:
		return "Cleared"
	}
	return "Not cleared"
}

func (m *mentors) reload() {
	background(m.d, func(ctx context.Context) ([]data.ComplianceRow, error) {
		return m.store.Compliance(ctx, m.d.today())
	}, func(rows []data.ComplianceRow) {
		m.all = rows
		m.filter()
	})
}

// filter applies the search and status filter in memory: a thousand mentors filter in well
// under a frame, so typing never waits for the database.
func (m *mentors) filter() {
	q := strings.ToLower(strings.TrimSpace(m.search.Text))
	status := strings.ToLower(m.status.Selected)
	m.shown = m.shown[:0]
	for _, r := range m.all {
		if status != "" && status != "all statuses" && string(r.Mentor.Status) != status {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(r.Mentor.Name()+" "+r.Mentor.Email+" "+strings.Join(r.Mentor.Instruments, " ")), q) {
			continue
		}
		m.shown = append(m.shown, r)
	}
	m.count.SetText(fmt.Sprintf("%d of %d", len(m.shown), len(m.all)))
	m.list.UnselectAll()
	m.list.Refresh()
}

func (m *mentors) showMentor(r data.ComplianceRow) {
	m.current = r.Mentor.ID
	background(m.d, func(ctx context.Context) (data.Mentor, error) {
		return m.store.Mentor(ctx, r.Mentor.ID)
	}, func(full data.Mentor) {
		if m.current != full.ID {
			return
		}
		m.detail.Objects = []fyne.CanvasObject{mentorPage(full, r)}
		m.detail.Refresh()
	})
}

func mentorPage(mt data.Mentor, r data.ComplianceRow) fyne.CanvasObject {
	var photo fyne.CanvasObject
	if len(mt.Photo) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource(fmt.Sprintf("mentor-%d.jpg", mt.ID), mt.Photo))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(120, 120))
		photo = img
	} else {
		photo = widget.NewIcon(theme.AccountIcon())
	}
	title := widget.NewLabelWithStyle(mt.Name(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	clear := widget.NewLabel(clearanceText(r))
	clear.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Status", widget.NewLabel(data.Label(mt.Status))),
		widget.NewFormItem("E-mail", widget.NewLabel(mt.Email)),
		widget.NewFormItem("Phone", widget.NewLabel(mt.Phone)),
		widget.NewFormItem("Instruments", wrapLabel(strings.Join(mt.Instruments, ", "))),
		widget.NewFormItem("Education", wrapLabel(mt.Education)),
		widget.NewFormItem("Teaching", wrapLabel(mt.TeachingExperience)),
		widget.NewFormItem("Performance", wrapLabel(mt.PerformanceExperience)),
		widget.NewFormItem("Bio", wrapLabel(mt.Bio)),
		widget.NewFormItem("WA resident since", widget.NewLabel(orUnknown(mt.WAResidentSince.String()))),
	)
	head := container.NewBorder(nil, nil, photo, nil, container.NewVBox(title, clear))
	return container.NewVScroll(container.NewPadded(container.NewVBox(head, widget.NewSeparator(), form)))
}

func clearanceText(r data.ComplianceRow) string {
	var b strings.Builder
	if r.Clearance.Cleared {
		fmt.Fprintf(&b, "Cleared through %s.", r.Clearance.ClearedUntil)
	} else {
		b.WriteString("Not cleared.")
	}
	if r.Contract.Signed {
		fmt.Fprintf(&b, " Contract signed %s.", r.Contract.SignedOn)
	}
	if len(r.Problems) > 0 {
		b.WriteString("\n" + r.ProblemText())
	}
	return b.String()
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// emptyState says what an empty area is for and what to do next.
func emptyState(text string, action *widget.Button) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapWord
	if action == nil {
		return container.NewCenter(l)
	}
	return container.NewCenter(container.NewVBox(l, container.NewCenter(action)))
}
