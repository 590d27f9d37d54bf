package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// homeSource is what Home reads.
type homeSource interface {
	Settings(ctx context.Context) (data.Settings, error)
	Compliance(ctx context.Context, on data.Date) ([]data.ComplianceRow, error)
	Sessions(ctx context.Context, f data.SessionFilter) ([]data.Session, error)
}

// alertKind is how the compliance panel names and colours one kind of alert.
type alertKind struct {
	kind  string
	badge string
	imp   widget.Importance
}

// alertKinds are the panel's kinds, most severe first as data.Alerts orders them.
var alertKinds = []alertKind{
	{data.AlertNotCleared, "Not cleared", widget.DangerImportance},
	{data.AlertExpired, "Expired", widget.DangerImportance},
	{data.AlertFBIMissing, "FBI missing", widget.DangerImportance},
	{data.AlertNoContract, "No contract", widget.WarningImportance},
	{data.AlertExpiring, "Expiring", widget.WarningImportance},
}

func alertKindOf(kind string) alertKind {
	for _, k := range alertKinds {
		if k.kind == kind {
			return k
		}
	}
	return alertKind{kind, data.Label(kind), widget.MediumImportance}
}

// home is the director's overview: the week's sessions and the compliance panel.
type home struct {
	d     deps
	store homeSource
	busy  inflight

	title   *widget.Label
	summary *widget.Label
	week    *widget.Label

	all      []data.ComplianceAlert
	alerts   []data.ComplianceAlert // those of the kind chosen
	heading  *widget.Label
	counts   *widget.Label
	kind     *widget.Select
	kindKeys []string // kind of each option; "" for all
	list     *widget.List

	weekList  *widget.List
	weekRows  []data.Session
	risks     []atRisk
	riskLabel *widget.Label
	review    *reviewList
}

func newHome(d deps) *home { return &home{d: d, store: d.store} }

func (h *home) buildUI() fyne.CanvasObject {
	h.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.summary = widget.NewLabel("")
	h.summary.Wrapping = fyne.TextWrapWord
	h.week = widget.NewLabel("")
	h.week.Wrapping = fyne.TextWrapWord
	h.heading = widget.NewLabelWithStyle("Compliance", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.heading.Truncation = fyne.TextTruncateEllipsis
	h.kind = widget.NewSelect(nil, func(string) { h.filter() })
	h.list = widget.NewList(
		func() int { return len(h.alerts) },
		func() fyne.CanvasObject {
			badge := widget.NewLabelWithStyle("FBI missing", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			text := widget.NewLabel("Nguyễn Thị Minh: FBI check required")
			text.Truncation = fyne.TextTruncateClip // an ellipsis is shaped afresh on every refresh
			return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, badge.MinSize().Height), badge), nil, text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			a := h.alerts[id]
			row := o.(*fyne.Container)
			k := alertKindOf(a.Kind)
			setLabel(row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label), k.badge, k.imp)
			row.Objects[0].(*widget.Label).SetText(a.Text)
		})
	h.list.OnSelected = func(id widget.ListItemID) {
		mentor := h.alerts[id].MentorID
		h.list.UnselectAll()
		showMentorPage(h.d, mentor)
	}
	h.counts = widget.NewLabel("")
	h.counts.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel("Select an entry to open the mentor's page.")
	hint.Importance = widget.LowImportance
	h.weekList = widget.NewList(func() int { return len(h.weekRows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Wed 25 Nov · 09:40 · Zoë Łukasiewicz · Cascade Middle School, 7th Grade Band · planned")
			l.Truncation = fyne.TextTruncateClip
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			x := h.weekRows[id]
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s · %s, %s · %s", x.Date.Time().Format("Mon 2 Jan"), x.Start,
				x.MentorName, x.School, x.Classroom, data.Label(x.Status)))
		})
	h.weekList.OnSelected = func(widget.ListItemID) { h.weekList.UnselectAll(); h.d.open("Calendar") }
	h.riskLabel = widget.NewLabel("")
	h.riskLabel.Wrapping = fyne.TextWrapWord
	h.review = newReviewList(h.d, h.d.store, func(id int64) { showMentorPage(h.d, id) })
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := border(container.NewVBox(bold("The coming week"), h.week), container.NewVBox(widget.NewSeparator(),
		bold("Enrollments at risk"), h.riskLabel), nil, nil, h.weekList)
	right := border(container.NewVBox(border(nil, nil, nil, h.kind, h.heading), h.counts, hint),
		container.NewVBox(widget.NewSeparator(), h.review.buildUI()), nil, nil, h.list)
	cols := container.NewHSplit(left, right)
	cols.Offset = 0.45
	top := container.NewVBox(h.title, h.summary, widget.NewSeparator())
	return container.NewPadded(border(top, nil, nil, nil, cols))
}

type homeData struct {
	set      data.Settings
	rows     []data.ComplianceRow
	week     []data.Session
	awaiting int
	risks    []atRisk
}

func (h *home) reload() {
	today := h.d.today()
	h.review.reload() // its own read, beside the one below
	track(&h.busy, h.d, func(ctx context.Context) (homeData, error) {
		// The reads are independent: side by side, the slowest sets the time.
		var hd homeData
		var done []data.Session
		err := concurrently(
			func() (err error) { hd.set, err = h.store.Settings(ctx); return },
			func() (err error) { hd.rows, err = h.store.Compliance(ctx, today); return },
			func() (err error) {
				hd.week, err = h.store.Sessions(ctx, data.SessionFilter{From: today, Through: today.AddDays(6)})
				return
			},
			func() (err error) {
				done, err = h.store.Sessions(ctx, data.SessionFilter{Status: data.Completed})
				return
			},
			func() (err error) { hd.risks, err = atRiskSummary(ctx, h.d.store, today); return },
		)
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
		year := hd.set.SchoolYear(today)
		h.summary.SetText(fmt.Sprintf("%s · school year %s · %s · %s awaiting the instructor's confirmation",
			today.Long(), year, plural(active, "active mentor", "active mentors"), plural(hd.awaiting, "session", "sessions")))
		planned := 0
		for _, s := range hd.week {
			if s.Status != data.Cancelled {
				planned++
			}
		}
		h.week.SetText(fmt.Sprintf("%s from today to %s; %d held and awaiting an instructor's confirmation.",
			plural(planned, "session", "sessions"), today.AddDays(6).Short(), hd.awaiting))
		if planned == 0 && hd.awaiting == 0 {
			h.week.SetText(fmt.Sprintf("No sessions from today to %s. Enrollments planned in Programs put their sessions here.", today.AddDays(6).Short()))
		}
		h.weekRows = hd.week
		h.weekList.Refresh()
		h.risks = hd.risks
		if len(hd.risks) == 0 {
			h.riskLabel.SetText("None: every enrollment is on track.")
		} else {
			var lines []string
			for i, r := range hd.risks {
				if i == 6 {
					lines = append(lines, fmt.Sprintf("… and %d more in Programs", len(hd.risks)-6))
					break
				}
				lines = append(lines, r.Title+": "+strings.Join(r.Flags, "; "))
			}
			h.riskLabel.SetText(strings.Join(lines, "\n"))
		}
		h.all = data.Alerts(hd.rows)
		h.heading.SetText(fmt.Sprintf("Compliance on %s", today))
		h.counts.SetText(alertCounts(h.all, year))
		if len(hd.rows) == 0 {
			h.counts.SetText("No mentors yet. Bring your lists in with File › Import from a spreadsheet (Ctrl+I) — " +
				"File › Download CSV templates gives a file for each list — or add mentors one by one in Mentors (Ctrl+N there).")
		}
		h.setKinds(year)
	})
}

// alertCounts is the panel's one-line summary: "2 expired · 1 FBI missing · 3 without a 2026-27 contract".
func alertCounts(alerts []data.ComplianceAlert, year data.SchoolYear) string {
	if len(alerts) == 0 {
		return "every active mentor and applicant is cleared and under contract"
	}
	var parts []string
	for _, k := range alertKinds {
		n := countKind(alerts, k.kind)
		switch {
		case n == 0:
		case k.kind == data.AlertNoContract:
			parts = append(parts, fmt.Sprintf("%d without a %s contract", n, year))
		case k.kind == data.AlertExpiring:
			parts = append(parts, fmt.Sprintf("%d expiring within %d days", n, data.ExpiringWithinDays))
		case k.kind == data.AlertFBIMissing:
			parts = append(parts, fmt.Sprintf("%d missing an FBI check", n))
		default:
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(k.badge)))
		}
	}
	return strings.Join(parts, " · ")
}

func countKind(alerts []data.ComplianceAlert, kind string) int {
	n := 0
	for _, a := range alerts {
		if a.Kind == kind {
			n++
		}
	}
	return n
}

// setKinds offers the kinds present, keeping the one chosen when it still has entries.
func (h *home) setKinds(year data.SchoolYear) {
	chosen := ""
	if i := h.kind.SelectedIndex(); i > 0 && i < len(h.kindKeys) {
		chosen = h.kindKeys[i]
	}
	h.kindKeys = []string{""}
	opts := []string{fmt.Sprintf("All alerts (%d)", len(h.all))}
	sel := 0
	for _, k := range alertKinds {
		if n := countKind(h.all, k.kind); n > 0 {
			if k.kind == chosen {
				sel = len(opts)
			}
			h.kindKeys = append(h.kindKeys, k.kind)
			opts = append(opts, fmt.Sprintf("%s (%d)", k.badge, n))
		}
	}
	h.kind.SetOptions(opts)
	h.kind.SetSelectedIndex(sel)
	h.filter() // SetSelectedIndex calls it only when the option's text changed
}

func (h *home) filter() {
	i := h.kind.SelectedIndex()
	h.alerts = h.alerts[:0]
	for _, a := range h.all {
		if i <= 0 || i >= len(h.kindKeys) || a.Kind == h.kindKeys[i] {
			h.alerts = append(h.alerts, a)
		}
	}
	h.list.Refresh()
}
