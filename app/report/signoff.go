package report

import (
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// SignoffDoc is the sheet a mentor brings to a visit: the instructor ticks each session that
// took place and signs, which confirms the sessions for payment (R3). It is handed to the
// school, so it names the mentor and nothing else about them.
type SignoffDoc struct {
	Org        Org
	School     string
	Date       data.Date
	MentorName string
	Instructor string // the instructor who confirms; empty leaves a line for the name
	Sessions   []data.Session
}

func (d SignoffDoc) letterhead() Org { return d.Org }

// FileName is "signoff-2026-02-10-lincoln-middle-school-nguyen-thi-minh.pdf".
func (d SignoffDoc) FileName() string {
	return fmt.Sprintf("signoff-%s-%s-%s.pdf", d.Date, slug(d.School), slug(d.MentorName))
}

func (d SignoffDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	p.required("school", d.School)
	p.date("date", d.Date)
	p.required("mentor", d.MentorName)
	if len(d.Sessions) == 0 {
		p.add("sessions", "a visit has at least one session")
	}
	for i, s := range d.Sessions {
		at := fmt.Sprintf("sessions[%d]", i+1)
		p.required(at+".classroom", s.Classroom)
		if s.Minutes <= 0 {
			p.add(at+".minutes", "a session lasts some minutes")
		}
		if !d.Date.IsZero() && s.Date != d.Date {
			p.add(at+".date", "%s is not the visit's date %s", s.Date, d.Date)
		}
		if s.School != "" && d.School != "" && !strings.EqualFold(s.School, d.School) {
			p.add(at+".school", "%q is not the visit's school %q", s.School, d.School)
		}
	}
	return p.err()
}

func (d SignoffDoc) draw(p *page) {
	p.start(d.Org, "Visit sign-off · "+d.School+" · "+d.Date.Short(), d.Date)
	p.heading("Visit sign-off sheet", d.School+" · "+d.Date.Long())
	instructor := d.Instructor
	if instructor == "" {
		instructor = "—"
	}
	y := p.fields(p.left, p.y(), p.width, 30, []field{
		{"Mentor", d.MentorName},
		{"School", d.School},
		{"Date", d.Date.Long()},
		{"Instructor", instructor},
	})
	p.f.SetXY(p.left, y+3)
	p.font(regular, 10)
	p.para("Please mark whether each session took place and initial it. Your signature below confirms the "+
		"sessions marked “Yes”; the mentor is paid only for confirmed sessions.", p.width)
	p.space(3)
	d.sessions(p)
	d.punctuality(p)
	d.notes(p)
	p.signatures(signer{role: "Instructor", name: d.Instructor})
}

func (d SignoffDoc) sessions(p *page) {
	sessions := slices.Clone(d.Sessions)
	slices.SortStableFunc(sessions, func(a, b data.Session) int { return int(a.Start) - int(b.Start) })
	t := p.table([]column{
		{head: "Time", w: 26},
		{head: "Classroom", w: 0},
		{head: "Program", w: 22},
		{head: "Focus", w: 0},
		{head: "Took place", w: 29},
		{head: "Initials", w: 19},
	})
	t.minH = 11
	for _, s := range sessions {
		kind := plainRow
		focus := s.Focus
		if s.Status == data.Cancelled {
			kind = mutedRow
			focus = strings.TrimSpace("Cancelled. " + s.CancelReason)
		}
		top, h := t.row(kind, timeRange(s.Start, s.Minutes), s.Classroom, shortProgram(s.Program), focus)
		if s.Status != data.Cancelled {
			yesNo(p, t.left(4)+cellPad, top+h/2)
		}
	}
	t.end()
}

// shortProgram is "Focused" for Focused Mentorship, where a narrow column needs it.
func shortProgram(p data.Program) string { return strings.TrimSuffix(p.Title(), " Mentorship") }

// yesNo draws two tick boxes, "Yes" and "No", centred on y; the writing position stays put.
func yesNo(p *page, x, y float64) {
	atX, atY := p.x(), p.y()
	defer p.f.SetXY(atX, atY)
	p.font(regular, 8.5)
	p.ink(inkText)
	p.pen(inkText, 0.3)
	for _, label := range []string{"Yes", "No"} {
		p.f.Rect(x, y-1.8, 3.6, 3.6, "D")
		p.textAt(x+4.6, y-2.2, 8, 4.4, label, "L")
		x += 13
	}
}

func (d SignoffDoc) punctuality(p *page) {
	p.need(10)
	p.font(regular, 10)
	p.ink(inkText)
	y := p.y() + 1
	label := "The mentor arrived and was set up on time"
	p.textAt(p.left, y, p.textWidth(label)+4, 5, label, "L")
	yesNo(p, p.left+p.textWidth(label)+8, y+2.5)
	p.f.SetXY(p.left, y+11)
}

func (d SignoffDoc) notes(p *page) {
	p.need(34)
	p.font(bold, 10)
	p.ink(inkText)
	p.textAt(p.left, p.y(), p.width, 5, "Notes for the program director (optional)", "L")
	y := p.y() + 5
	p.pen(inkRule, 0.3)
	for range 3 {
		y += 8
		p.f.Line(p.left, y, p.left+p.width, y)
	}
	p.f.SetXY(p.left, y+4)
}
