package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// guides are the short built-in guide of each area (Help › Guide to this area).
var guides = map[string]string{
	"Home": "Home is the director's morning page: this week's sessions, the sessions awaiting an instructor's " +
		"confirmation, and the compliance panel — checks expiring within 30 days, expired checks, FBI checks " +
		"missing where required, and mentors without a contract for this school year. Select an entry to open the mentor.",
	"Mentors": "Mentors lists every mentor with their clearance. Type in the search box to find a mentor by name, " +
		"e-mail or instrument; filter by status, instrument, clearance or contract. Select a mentor to edit their " +
		"profile, background checks (WSP every year; FBI as well when they have lived in Washington under 3 years) " +
		"and contracts. File › New (Ctrl+N) adds a mentor.",
	"Schools": "Schools holds each school with its district, level, calendar, instructors and classrooms " +
		"(ensemble, meeting days, class period) and their concerts. The calendar editor marks the first and last " +
		"day, term ends and no-school days: the planner only proposes school days.",
	"Programs": "Programs holds the enrollments in Focused (9 sessions, 10 with an evaluation), Season (3) and " +
		"Bridge Mentorship (2 in spring, 1 or 2 next fall). The wizard plans sessions backwards from each term's " +
		"concert; move a date and it is checked again at once.",
	"Calendar": "The calendar shows sessions by month or week, coloured by program, with concerts and no-school " +
		"days marked and conflicts highlighted. Alt+Left and Alt+Right move between periods. Select a session to " +
		"complete, confirm, cancel or move it.",
	"Payments": "A visit is ready to pay when each of its sessions is confirmed or cancelled. Issue statements for " +
		"ready visits; an issued statement never changes — record an adjustment to correct it. Mark statements " +
		"paid with the date and cheque number; Year-end shows each mentor's total against the 1099-NEC threshold.",
	"Documents": "Documents prints contracts, roster handouts for schools, payment statements, visit sign-off " +
		"sheets, schedules and year-end summaries as PDF. Open hands the file to your PDF viewer for printing.",
	"Mutual Mentorship": "Mutual Mentorship pairs early-career music teachers with experienced ones for six months. " +
		"Import or enter applicants, suggest pairs (the best total of shared strengths, growth areas and passions), " +
		"lock or swap pairs, then apply; log each pair's meetings.",
	"Settings": "Settings holds the organisation's name, address and logo for documents, the session rates, the " +
		"continuation compensation, the school-year start, the paper size and the 1099-NEC threshold.",
}

func (sh *shell) showGuide() {
	name := "Home"
	if sh.current != nil {
		name = sh.current.name
	}
	text := widget.NewLabel(guides[name])
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Guide — "+name, "Close", text, sh.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}
