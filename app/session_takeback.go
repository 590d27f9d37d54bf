package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"mentordesk/data"
)

// onTakeBack undoes a mistaken step of a session not yet on a statement: a confirmation goes back
// to completed, a completion back to planned. It asks first, saying what is undone.
func (s *sessionDialog) onTakeBack() {
	x := s.rec.x
	what, back := "completion", "planned again"
	if x.Status == data.Confirmed {
		what, back = "confirmation", "completed again, awaiting the instructor's confirmation"
		if x.OverrideReason != "" {
			back += "; the reason for the override is dropped with it"
		}
	}
	msg := fmt.Sprintf("Take back the %s of %s with %s on %s? The session is %s.", what, x.Classroom, x.MentorName, x.Date.Long(), back)
	s.undo = dialog.NewConfirm("Take back the "+what, msg, func(ok bool) {
		if !ok {
			return
		}
		background(s.d, func(ctx context.Context) (struct{}, error) {
			if x.Status == data.Confirmed {
				return struct{}{}, s.st.TakeBackConfirmation(ctx, x.ID)
			}
			return struct{}{}, s.st.SetSessionStatus(ctx, x.ID, data.Planned, "")
		}, func(struct{}) { s.after() })
	}, s.d.win)
	s.undo.Show()
}
