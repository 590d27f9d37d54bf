package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/mailing"
	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// outboxLimit bounds the messages the Outbox lists (the newest); the `outbox` command has all.
const outboxLimit = 2000

// outbox lists the messages MentorDesk sent, failed to send or still holds, newest first, with
// the server's reply or the reason, and retries those that did not go.
type outbox struct {
	d      deps
	msgs   []data.OutboxMessage
	table  *widget.Table
	detail *widget.Label
	retry  *widget.Button
	count  *widget.Label
}

func showOutbox(d deps) {
	o := &outbox{d: d}
	dlg := dialog.NewCustom("Outbox", "Close", o.buildUI(), d.win)
	dlg.Resize(fyne.NewSize(1040, 620))
	dlg.Show()
	o.load()
}

var outboxHeads = []string{"Status", "To", "Subject", "Kind", "Tries", "When"}

func (o *outbox) buildUI() fyne.CanvasObject {
	o.table = widget.NewTableWithHeaders(func() (int, int) { return len(o.msgs), len(outboxHeads) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Payment statement No. 000 — a school")
			l.Truncation = fyne.TextTruncateClip // as every table of the app: an ellipsis is shaped afresh on each refresh
			return l
		},
		func(id widget.TableCellID, c fyne.CanvasObject) { c.(*widget.Label).SetText(o.cell(id)) })
	o.table.ShowHeaderColumn = false
	o.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	o.table.UpdateHeader = func(id widget.TableCellID, c fyne.CanvasObject) {
		if id.Col >= 0 {
			c.(*widget.Label).SetText(outboxHeads[id.Col])
		}
	}
	for i, w := range []float32{90, 260, 380, 110, 50, 150} {
		o.table.SetColumnWidth(i, w)
	}
	o.detail = wrapLabel("Choose a message to see the server's reply or why it failed.")
	o.table.OnSelected = func(id widget.TableCellID) { o.show(id.Row) }
	o.retry = widget.NewButtonWithIcon("Retry those not sent", theme.ViewRefreshIcon(), o.onRetry)
	o.count = widget.NewLabel("")
	return border(container.NewHBox(o.retry, o.count), o.detail, nil, nil, o.table)
}

func (o *outbox) cell(id widget.TableCellID) string {
	m := o.msgs[id.Row]
	switch id.Col {
	case 0:
		return m.Status.Public()
	case 1:
		return m.Recipient()
	case 2:
		return m.Subject
	case 3:
		return string(m.Kind)
	case 4:
		return fmt.Sprint(m.Attempts)
	}
	if !m.SentAt.IsZero() {
		return m.SentAt.Local().Format("2 Jan 2006 15:04")
	}
	return "queued " + m.QueuedAt.Local().Format("2 Jan 15:04")
}

func (o *outbox) show(i int) {
	if i < 0 || i >= len(o.msgs) {
		return
	}
	m := o.msgs[i]
	text := fmt.Sprintf("“%s” to %s (Message-ID %s)", m.Subject, m.Recipient(), m.MessageID)
	switch m.Status {
	case data.Sent:
		text += fmt.Sprintf("\nSent %s; the server replied: %s", m.SentAt.Local().Format("Monday 2 January 2006, 15:04"), m.Reply)
	case data.Failed:
		text += "\nNot sent: " + m.Error
	default:
		text += "\nWaiting to be sent (Retry sends it)."
	}
	if m.AttachmentName != "" {
		text += "\nAttached: " + m.AttachmentName
	}
	o.detail.SetText(text)
}

func (o *outbox) load() {
	background(o.d, func(ctx context.Context) ([]data.OutboxMessage, error) {
		return o.d.store.Outbox(ctx, sqlite.OutboxFilter{Limit: outboxLimit})
	}, func(msgs []data.OutboxMessage) {
		o.msgs = msgs
		unsent := 0
		for _, m := range msgs {
			if m.Status != data.Sent {
				unsent++
			}
		}
		o.count.SetText(fmt.Sprintf("%d message(s), %d not sent", len(msgs), unsent))
		if unsent == 0 {
			o.retry.Disable()
		} else {
			o.retry.Enable()
		}
		o.table.Refresh()
	})
}

func (o *outbox) onRetry() {
	runMailBatch(o.d, "Sending the outbox again", func(ctx context.Context) (mailing.Queued, []int64, error) {
		ids, err := o.d.store.UnsentMessages(ctx)
		return mailing.Queued{IDs: ids}, ids, err
	}, o.load)
}
