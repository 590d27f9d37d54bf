package app

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// sentList is what MentorDesk e-mailed to one person, newest first: when, what, and whether it
// went. address is read when the list is shown, as a page loads its person after it is built.
func sentList(d deps, address func(ctx context.Context) (string, error)) fyne.CanvasObject {
	var msgs []data.OutboxMessage
	list := widget.NewList(func() int { return len(msgs) },
		func() fyne.CanvasObject {
			return widget.NewLabel("2 Jan 2006 15:04 · sent · Payment statement No. 000")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(sentLine(msgs[i])) })
	empty := wrapLabel("Nothing has been e-mailed to this person yet.")
	box := border(empty, nil, nil, nil, list)
	background(d, func(ctx context.Context) ([]data.OutboxMessage, error) {
		to, err := address(ctx)
		if err != nil || to == "" {
			return nil, err
		}
		return d.store.Outbox(ctx, sqlite.OutboxFilter{To: to, Limit: 500})
	}, func(got []data.OutboxMessage) {
		msgs = got
		if len(msgs) > 0 {
			empty.SetText(fmt.Sprintf("%d message(s) e-mailed to this person:", len(msgs)))
		}
		list.Refresh()
	})
	return box
}

func sentLine(m data.OutboxMessage) string {
	when := m.QueuedAt
	if !m.SentAt.IsZero() {
		when = m.SentAt
	}
	line := when.Local().Format("2 Jan 2006 15:04") + " · " + m.Status.Public() + " · " + m.Subject
	if m.AttachmentName != "" {
		line += " (" + m.AttachmentName + ")"
	}
	if m.Status == data.Failed {
		line += " — " + m.Error
	}
	return line
}

// sentStatus says whether a document was e-mailed, and when and to whom; it fills itself in.
func sentStatus(d deps, what, document string) *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.LowImportance
	background(d, func(ctx context.Context) (string, error) {
		at, to, err := d.store.DocumentSent(ctx, document)
		if err != nil || at.IsZero() {
			return what + ": not e-mailed yet", err
		}
		return fmt.Sprintf("%s: e-mailed to %s on %s", what, to, at.Local().Format("2 Jan 2006 at 15:04")), nil
	}, l.SetText)
	return l
}

// sentListSized is a sent list at least h tall, for a page that scrolls as a whole.
func sentListSized(d deps, h float32, address func(ctx context.Context) (string, error)) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(spacer, sentList(d, address))
}
