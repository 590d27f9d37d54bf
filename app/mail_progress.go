package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/mailing"
)

// mailBatch is the progress of one batch of e-mail: it connects, queues, then sends one message
// at a time off the UI goroutine; Cancel stops before the next message (those left wait in the
// outbox for a retry).
type mailBatch struct {
	d      deps
	dlg    dialog.Dialog
	bar    *widget.ProgressBar
	now    *widget.Label
	cancel context.CancelFunc
	stop   *widget.Button
}

// runMailBatch sends what queue puts in the outbox; done runs on the UI goroutine at the end.
func runMailBatch(d deps, title string, queue func(ctx context.Context) (mailing.Queued, []int64, error), done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	b := &mailBatch{d: d, cancel: cancel, bar: widget.NewProgressBar(), now: wrapLabel("Connecting to the mail server…")}
	b.stop = widget.NewButton("Cancel", func() {
		b.stop.Disable()
		b.now.SetText("Stopping after the message going now…")
		cancel()
	})
	b.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(b.bar, b.now, container.NewCenter(b.stop)), d.win)
	b.dlg.Resize(fyne.NewSize(520, 180))
	b.dlg.Show()
	go func() {
		defer cancel()
		r, q, err := b.run(ctx, queue)
		fyne.Do(func() {
			b.dlg.Hide()
			if err != nil {
				dialog.ShowError(err, d.win)
			} else {
				showMailResult(d, title, q, r)
			}
			if done != nil {
				done()
			}
		})
	}()
}

func (b *mailBatch) run(ctx context.Context, queue func(ctx context.Context) (mailing.Queued, []int64, error)) (mailing.Result, mailing.Queued, error) {
	session, err := mailing.Connect(ctx, b.d.store.Store, nil)
	if err != nil {
		return mailing.Result{}, mailing.Queued{}, err
	}
	fyne.Do(func() { b.now.SetText("Writing the messages and their PDFs…") })
	q, ids, err := queue(ctx)
	if err != nil {
		session.Close()
		return mailing.Result{}, q, err
	}
	r, err := mailing.Send(ctx, b.d.store.Store, session, ids, time.Now, func(p mailing.Progress) {
		fyne.Do(func() {
			if p.Total > 0 {
				b.bar.SetValue(float64(p.Done) / float64(p.Total))
			}
			if p.Current != "" && b.stop.Disabled() == false {
				b.now.SetText(fmt.Sprintf("%d of %d: %s", p.Done+1, p.Total, p.Current))
			}
		})
	})
	return r, q, err
}

// showMailResult says what went, what was skipped and, for each failure, the recipient and why.
func showMailResult(d deps, title string, q mailing.Queued, r mailing.Result) {
	var lines []string
	lines = append(lines, fmt.Sprintf("%d message(s) sent.", r.Sent))
	if len(q.Skipped) > 0 {
		lines = append(lines, fmt.Sprintf("%d skipped: already sent to that person (tick “Send again” to resend).", len(q.Skipped)))
	}
	if r.Cancelled {
		lines = append(lines, fmt.Sprintf("Cancelled: %d message(s) wait in the outbox (Outbox… › Retry sends them).", r.Left))
	}
	if len(r.Failed) > 0 {
		lines = append(lines, fmt.Sprintf("%d failed (Outbox… › Retry sends them again):", len(r.Failed)))
		for _, f := range r.Failed {
			lines = append(lines, "• "+f.To+": "+f.Reason)
		}
	}
	text := wrapLabel(strings.Join(lines, "\n"))
	dlg := dialog.NewCustom(title, "Close", container.NewVScroll(text), d.win)
	dlg.Resize(fyne.NewSize(640, 320))
	dlg.Show()
}
