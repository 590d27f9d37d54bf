package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// heldText says how many visits wait for an override, or "" when none does.
func heldText(held []sqlite.HeldVisit) string {
	if len(held) == 0 {
		return ""
	}
	return fmt.Sprintf("%s held: a flagged session (mentor not cleared, or no contract) was confirmed without your override.",
		plural(len(held), "visit is", "visits are"))
}

// heldDialog lists the held visits with their flagged sessions and records the override that
// lets each be paid: the director's reason, kept with the sessions, never printed for schools.
type heldDialog struct {
	r      *readyTab
	dlg    dialog.Dialog
	reason *widget.Entry
	pick   *widget.RadioGroup
	issue  *widget.Label
	ok     *widget.Button
}

func (r *readyTab) onReviewHeld() {
	held := r.list.Held
	if len(held) == 0 {
		return
	}
	h := &heldDialog{r: r}
	names := make([]string, len(held))
	box := container.NewVBox()
	for i, v := range held {
		names[i] = fmt.Sprintf("%s at %s on %s", v.Visit.MentorName, v.Visit.School, v.Visit.Date.Short())
		var lines []string
		for _, x := range v.Flagged {
			lines = append(lines, fmt.Sprintf("%s %s: %s", x.Start, x.Classroom, strings.Join(v.Flags[x.ID], "; ")))
		}
		l := wrapLabel(names[i] + "\n" + strings.Join(lines, "\n"))
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	h.pick = widget.NewRadioGroup(names, nil)
	h.pick.SetSelected(names[0])
	h.reason = widget.NewMultiLineEntry()
	h.reason.Wrapping = fyne.TextWrapWord
	h.reason.SetMinRowsVisible(2)
	h.reason.SetPlaceHolder("e.g. contract signed on paper on 2 Sep; the scan follows")
	h.issue = problemLabel()
	h.ok = widget.NewButton("Record the override", h.onRecord)
	h.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Close", func() { h.dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem("Visit", h.pick), widget.NewFormItem("Reason for the override", h.reason))
	body := container.NewVBox(
		hintLabel("These visits are ready by the instructor's confirmation, but a session of each was flagged. A flagged session is paid only with your reason, kept with the session and never printed on documents for schools."),
		box, widget.NewSeparator(), form, h.issue, container.NewHBox(layout.NewSpacer(), cancel, h.ok))
	h.dlg = dialog.NewCustomWithoutButtons("Visits held for an override", container.NewVScroll(body), r.p.d.win)
	h.dlg.Resize(fyne.NewSize(620, 520))
	h.dlg.Show()
	r.held = h
}

func (h *heldDialog) onRecord() {
	i := -1
	for j, o := range h.pick.Options {
		if o == h.pick.Selected {
			i = j
		}
	}
	if i < 0 || i >= len(h.r.list.Held) {
		showIssue(h.issue, "Choose the visit to pay.")
		return
	}
	if err := data.CheckOverrideReason(h.reason.Text); err != nil {
		showIssue(h.issue, "Reason for the override: say why the flagged session may be paid.")
		return
	}
	v := h.r.list.Held[i]
	ids := make([]int64, len(v.Flagged))
	for k, x := range v.Flagged {
		ids[k] = x.ID
	}
	reason := strings.TrimSpace(h.reason.Text)
	h.ok.Disable()
	payLoadOr(h.r.p, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, h.r.p.store.OverrideFlags(ctx, ids, reason)
	}, func(struct{}) {
		h.dlg.Hide()
		h.r.reload()
	}, func() { h.ok.Enable() })
}
