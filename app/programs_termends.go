package app

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"mentordesk/data"
)

// termEndsMissing says when a program of several terms is planned on a school calendar that marks
// no term end in the school year of its first event: the events alone then divide the year, which
// is seldom what the school means. "" when the calendar has its term ends, or for one term.
func termEndsMissing(r data.PlanRequest) string {
	if len(r.Terms) < 3 {
		return ""
	}
	t := r.Terms[0]
	start := r.Start
	if start.Month == 0 {
		start = data.DefaultSchoolYearStart
	}
	year := data.SchoolYearOf(t.EventDate, start)
	if span := t.Calendar.Years(start)[year]; span != nil && len(span.TermEnds) > 0 {
		return ""
	}
	return fmt.Sprintf("The calendar %q of %s marks no term ends for %s, so the terms of %s are divided only by the events chosen. "+
		"Add the term ends under Schools › Calendars first, or plan anyway.", t.Calendar.Name, t.Classroom.School, year, r.Program.Title())
}

// askTermEnds shows the proposal at once, or after the director agrees to plan without term ends.
func (w *enrollmentWizard) askTermEnds(p proposal) {
	why := termEndsMissing(p.req)
	if why == "" {
		w.showProposal(p)
		return
	}
	w.termEndsAsk = dialog.NewConfirm("No term ends on the calendar", why, func(ok bool) {
		if ok {
			w.showProposal(p)
		}
	}, w.d.win)
	w.termEndsAsk.SetConfirmText("Plan anyway")
	w.termEndsAsk.SetDismissText("Back")
	w.termEndsAsk.Show()
}
