package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Honest descriptions of areas whose screens come in later versions; the scripting commands
// named here already work.
const (
	programsPending  = "Enrollments in Focused, Season and Bridge Mentorship with the session planner are not yet available on screen.\n\nThe planner already works from the command line:\n  mentordesk plan --school S --classroom C --program focused --mentor EMAIL --events DATE,DATE,DATE"
	calendarPending  = "The month and week calendar of sessions is not yet available.\n\nA mentor's sessions can be exported for any calendar program:\n  mentordesk calendar --mentor EMAIL --out sessions.ics"
	paymentsPending  = "The Payments area is not yet available on screen.\n\nStatements are issued and exported from the command line:\n  mentordesk statements issue --through DATE\n  mentordesk export payments payments.csv"
	documentsPending = "The Documents area is not yet available on screen.\n\nContracts, roster sheets and statements are printed from the command line:\n  mentordesk report contract --mentor EMAIL --year 2026-27 --out contract.pdf\n  mentordesk report roster --out roster.pdf"
	mutualPending    = "The Mutual Mentorship area is not yet available on screen.\n\nApplicants are imported and matched from the command line:\n  mentordesk import applicants applicants.csv\n  mentordesk match --cohort NAME"
)

// pending is the honest panel of an area that is not built yet.
type pending struct {
	title, text string
}

func newPending(_ deps, title, text string) *pending { return &pending{title: title, text: text} }

func (p *pending) buildUI() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(p.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(p.text)
	body.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(heading, widget.NewSeparator(), body))
}

func (p *pending) reload() {}
