package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// homeSource is what Home reads.
type homeSource interface {
	Settings(ctx context.Context) (data.Settings, error)
	Compliance(ctx context.Context, on data.Date) ([]data.ComplianceRow, error)
	Sessions(ctx context.Context, f sqlite.SessionFilter) ([]data.Session, error)
}

// home is the director's overview: the week's sessions and the compliance panel.
type home struct {
	d     deps
	store homeSource

	title   *widget.Label
	summary *widget.Label
	alerts  []data.ComplianceAlert
	list    *widget.List
	week    *widget.Label
}

func newHome(d deps) *home { return &home{d: d, store: d.store} }

func (h *home) buildUI() fyne.CanvasObject {
	h.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.summary = widget.NewLabel("")
	h.week = widget.NewLabel("")
	h.week.Wrapping = fyne.TextWrapWord
	h.list = widget.NewList(
		func() int { return len(h.alerts) },
		func() fyne.CanvasObject { return widget.NewLabel("FBI check required for someone") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.alerts[id].Text) })
	h.list.OnSelected = func(widget.ListItemID) { h.d.open("Mentors") }
	top := container.NewVBox(h.title, h.summary, widget.NewSeparator(),
		widget.NewLabelWithStyle("This week", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), h.week,
		widget.NewSeparator(), widget.NewLabelWithStyle("Compliance", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, h.list))
}

type homeData struct {
	set      data.Settings
	rows     []data.ComplianceRow
	week     []data.Session
	awaiting int
}

func (h *home) reload() {
	today := h.d.today()
	background(h.d, func(ctx context.Context) (homeData, error) {
		var hd homeData
		var err error
		if hd.set, err = h.store.Settings(ctx); err != nil {
			return hd, err
		}
		if hd.rows, err = h.store.Compliance(ctx, today); err != nil {
			return hd, err
		}
		monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
		if hd.week, err = h.store.Sessions(ctx, sqlite.SessionFilter{From: monday, Through: monday.AddDays(6)}); err != nil {
			return hd, err
		}
		done, err := h.store.Sessions(ctx, sqlite.SessionFilter{Status: data.Completed})
		hd.awaiting = len(done)
		return hd, err
	}, func(hd homeData) {
		h.title.SetText(hd.set.OrgName)
		active := 0
		for _, r := range hd.rows {
			if r.Mentor.Status == data.Active {
				active++
			}
		}
		h.summary.SetText(fmt.Sprintf("%s · school year %s · %d active mentors · %d sessions awaiting the instructor's confirmation",
			today.Long(), hd.set.SchoolYear(today), active, hd.awaiting))
		planned := 0
		for _, s := range hd.week {
			if s.Status != data.Cancelled {
				planned++
			}
		}
		h.week.SetText(fmt.Sprintf("%d session(s) this week.", planned))
		h.alerts = data.Alerts(hd.rows)
		h.list.Refresh()
	})
}
