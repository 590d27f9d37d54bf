package report

import (
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// StatementDoc is the payment statement of one visit, or an adjustment statement correcting an
// earlier one (R6). It goes to the mentor, so it carries the mentor's mailing address.
type StatementDoc struct {
	Org       Org
	Statement data.Statement
	Mentor    data.Mentor
}

func (d StatementDoc) letterhead() Org { return d.Org }

// FileName is StatementFile of the statement's number.
func (d StatementDoc) FileName() string { return StatementFile(d.Statement.Number) }

// StatementFile names a statement's PDF with five digits ("statement-00017.pdf"), so a folder of
// the 60,000 statements of ten years sorts by number; every statement file is named by it.
func StatementFile(number int) string { return fmt.Sprintf("statement-%05d.pdf", number) }

func (d StatementDoc) mentorName() string {
	if n := d.Mentor.Name(); n != "" {
		return n
	}
	return strings.TrimSpace(d.Statement.MentorName)
}

func (d StatementDoc) title() string {
	if d.Statement.Adjusts > 0 {
		return fmt.Sprintf("Adjustment statement No. %d", d.Statement.Number)
	}
	return fmt.Sprintf("Payment statement No. %d", d.Statement.Number)
}

func (d StatementDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	s := d.Statement
	if s.Number <= 0 {
		p.add("statement", "has no number (issue it first)")
	}
	p.date("issued_on", s.IssuedOn)
	p.required("mentor", d.mentorName())
	p.required("school", s.School)
	if s.Adjusts == 0 {
		p.date("visit_date", s.VisitDate)
	} else {
		if s.Adjusts >= s.Number && s.Number > 0 {
			p.add("adjusts", "statement No. %d can only correct an earlier statement, not No. %d", s.Number, s.Adjusts)
		}
		p.required("reason", s.Reason)
	}
	if len(s.Lines) == 0 {
		p.add("lines", "a statement pays at least one line")
	}
	for i, l := range s.Lines {
		at := fmt.Sprintf("lines[%d]", i+1)
		switch l.Kind {
		case data.SessionLine:
			p.required(at+".classroom", l.Classroom)
			if l.Minutes <= 0 {
				p.add(at+".minutes", "a session lasts some minutes")
			}
			if !slices.Contains(data.Programs, l.Program) {
				p.add(at+".program", "%q is not a program", l.Program)
			}
		case data.ContinuationLine, data.AdjustmentLine:
		default:
			p.add(at+".kind", "%q is not a statement line (session, continuation, adjustment)", l.Kind)
		}
		if l.Kind != data.AdjustmentLine {
			p.money(at+".amount", l.Amount)
		}
	}
	switch s.Status {
	case data.Issued, "":
	case data.Paid:
		p.date("paid_on", s.PaidOn)
	default:
		p.add("status", "%q is not issued or paid", s.Status)
	}
	return p.err()
}

func (d StatementDoc) draw(p *page) {
	s := d.Statement
	p.start(d.Org, d.title(), s.IssuedOn)
	kind := "Payment statement"
	if s.Adjusts > 0 {
		kind = "Adjustment statement"
	}
	p.heading(kind, fmt.Sprintf("Statement No. %d · issued %s", s.Number, s.IssuedOn.Long()))
	d.parties(p)
	if s.Adjusts > 0 {
		p.note(fmt.Sprintf("Adjustment to statement No. %d", s.Adjusts), []string{"Reason: " + s.Reason}, fillNote)
	}
	d.lines(p)
	p.note("", data.Notices, fillPanel)
}

// parties is the mentor's name and address beside the statement's facts.
func (d StatementDoc) parties(p *page) {
	s := d.Statement
	top := p.y()
	colW := p.width/2 - 6

	p.font(regular, 8.5)
	p.ink(inkMuted)
	p.textAt(p.left, top, colW, 5, "Paid to", "L")
	p.font(bold, 11)
	p.ink(inkText)
	y := p.linesAt(p.left, top+5, colW, 5.5, p.wrap(d.mentorName(), colW), "L")
	p.font(regular, 10)
	y = p.linesAt(p.left, y, colW, 5, p.wrap(d.Mentor.Address, colW), "L")

	visit := s.VisitDate.Long()
	if s.Adjusts > 0 && s.VisitDate.IsZero() {
		visit = ""
	}
	facts := []field{
		{"Statement No.", fmt.Sprint(s.Number)},
		{"Issued", s.IssuedOn.Long()},
		{"School", s.School},
		{"Visit date", visit},
		{"Status", d.status()},
	}
	y2 := p.fields(p.left+p.width/2+2, top, p.width/2-2, 28, facts)
	p.f.SetXY(p.left, max(y, y2)+5)
}

func (d StatementDoc) status() string {
	s := d.Statement
	if s.Status != data.Paid {
		return "Issued — payment pending"
	}
	status := "Paid on " + s.PaidOn.Long()
	if s.PaidRef != "" {
		status += " (reference " + s.PaidRef + ")"
	}
	return status
}

// lines is the table of what the statement pays, with its total.
func (d StatementDoc) lines(p *page) {
	s := d.Statement
	p.section("Details")
	cols := []column{{head: "Description", w: 0}, {head: "Amount", w: 28, align: "R"}}
	if s.SessionsPaid() > 0 {
		cols = []column{
			{head: "Classroom", w: 0},
			{head: "Program", w: 42},
			{head: "Time", w: 38},
			{head: "Amount", w: 28, align: "R"},
		}
	}
	t := p.table(cols)
	for _, l := range s.Lines {
		switch l.Kind {
		case data.SessionLine:
			what := l.Classroom
			if l.Description != "" {
				what += " — " + l.Description
			}
			t.row(plainRow, what, l.Program.Title(),
				fmt.Sprintf("%s (%d min)", timeRange(l.Start, l.Minutes), l.Minutes), money(l.Amount))
		case data.ContinuationLine:
			what := l.Description
			if what == "" {
				what = "Continuation compensation: returning to " + s.School
			}
			t.wide(plainRow, what, money(l.Amount))
		default:
			what := l.Description
			if what == "" {
				what = "Adjustment"
			}
			t.wide(plainRow, what, money(l.Amount))
		}
	}
	sessions := s.SessionsPaid()
	label := "Total"
	if sessions > 0 {
		label = fmt.Sprintf("Total (%d %s)", sessions, plural(sessions, "session", "sessions"))
	}
	t.wide(totalRow, label, money(s.Total()))
	t.end()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
