package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// reviewListStore is what Home's review panel reads.
type reviewListStore interface {
	RosterReview(ctx context.Context, on data.Date) (map[int64]data.ReviewState, error)
	Mentors(ctx context.Context, f data.MentorFilter) ([]data.Mentor, error)
}

// maxReviewRows bounds the panel: Home is a summary, the Mentors area has every mentor.
const maxReviewRows = 8

// reviewListRow is one mentor under review.
type reviewListRow struct {
	mentor data.Mentor
	state  data.ReviewState
}

// reviewList is Home's panel of mentors whose roster place is under review.
type reviewList struct {
	d     deps
	store reviewListStore
	open  func(mentorID int64)
	busy  inflight

	rows  []reviewListRow
	title *widget.Label
	box   *fyne.Container
}

// reviewPanel lists the mentors needing a review decision; each opens the mentor's page.
func reviewPanel(d deps) fyne.CanvasObject {
	v := newReviewList(d, d.store, func(id int64) { showMentorPage(d, id) })
	obj := v.buildUI()
	v.reload()
	return obj
}

func newReviewList(d deps, st reviewListStore, open func(mentorID int64)) *reviewList {
	return &reviewList{d: d, store: st, open: open}
}

func (v *reviewList) buildUI() fyne.CanvasObject {
	v.title = boldLabel("Mentors needing review")
	v.box = container.NewVBox()
	return container.NewVBox(v.title, v.box)
}

func (v *reviewList) reload() {
	track(&v.busy, v.d, func(ctx context.Context) ([]reviewListRow, error) {
		states, err := v.store.RosterReview(ctx, v.d.today())
		if err != nil {
			return nil, err
		}
		ms, err := v.store.Mentors(ctx, data.MentorFilter{})
		if err != nil {
			return nil, err
		}
		var rows []reviewListRow
		for _, m := range ms { // by last and first name
			if s := states[m.ID]; s.UnderReview {
				rows = append(rows, reviewListRow{m, s})
			}
		}
		return rows, nil
	}, v.show)
}

func (v *reviewList) show(rows []reviewListRow) {
	v.rows = rows
	v.title.SetText(fmt.Sprintf("Mentors needing review (%d)", len(rows)))
	v.box.RemoveAll()
	if len(rows) == 0 {
		v.box.Add(wrapLabel("No mentor needs review: instructors' feedback, student surveys and punctuality are within the thresholds."))
		return
	}
	for i, r := range rows {
		if i == maxReviewRows {
			more := widget.NewButton(fmt.Sprintf("… and %d more in Mentors", len(rows)-maxReviewRows), func() { v.d.open("Mentors") })
			more.Importance = widget.LowImportance
			v.box.Add(container.NewHBox(more))
			break
		}
		id := r.mentor.ID
		name := widget.NewButtonWithIcon(r.mentor.Name(), theme.AccountIcon(), func() { v.open(id) })
		name.Importance = widget.LowImportance
		name.Alignment = widget.ButtonAlignLeading
		reason := widget.NewLabel(r.state.Reasons[0])
		reason.Truncation = fyne.TextTruncateEllipsis
		reason.Importance = widget.WarningImportance
		v.box.Add(border(nil, nil, name, nil, reason))
	}
}
