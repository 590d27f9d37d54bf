package report

import (
	"cmp"
	"fmt"
	"slices"

	"mentordesk/data"
)

// YearEndDoc sums up a mentor's statements of one calendar year, for their tax records, with
// a note on the 1099-NEC reporting threshold. It goes to the mentor, with their address.
type YearEndDoc struct {
	Org        Org
	On         data.Date // the day the summary is printed
	Mentor     data.Mentor
	Year       int // calendar year
	Statements []data.Statement
	Threshold  data.Money // settings nec.threshold
}

func (d YearEndDoc) letterhead() Org { return d.Org }

// FileName is "payments-2026-minh-nguyen-thi.pdf".
func (d YearEndDoc) FileName() string {
	return fmt.Sprintf("payments-%d-%s.pdf", d.Year, slug(d.Mentor.LastName+" "+d.Mentor.FirstName))
}

func (d YearEndDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	p.required("mentor", d.Mentor.Name())
	if d.Year < 1900 || d.Year > 2200 {
		p.add("year", "%d is not a calendar year", d.Year)
	}
	p.money("nec.threshold", d.Threshold)
	numbers := map[int]bool{}
	for i, s := range d.Statements {
		at := fmt.Sprintf("statements[%d]", i+1)
		if s.IssuedOn.IsZero() || s.IssuedOn.Year() != d.Year {
			p.add(at, "statement No. %d was not issued in %d", s.Number, d.Year)
		}
		if s.MentorID != 0 && d.Mentor.ID != 0 && s.MentorID != d.Mentor.ID {
			p.add(at, "statement No. %d is another mentor's", s.Number)
		}
		if numbers[s.Number] {
			p.add(at, "statement No. %d is listed twice", s.Number)
		}
		numbers[s.Number] = true
	}
	return p.err()
}

func (d YearEndDoc) total() data.Money {
	var t data.Money
	for _, s := range d.Statements {
		t += s.Total()
	}
	return t
}

func (d YearEndDoc) draw(p *page) {
	p.start(d.Org, fmt.Sprintf("Payment summary %d · %s", d.Year, d.Mentor.Name()), d.On)
	p.heading(fmt.Sprintf("Payment summary %d", d.Year), "Statements issued from 1 January to 31 December "+fmt.Sprint(d.Year))

	top := p.y()
	colW := p.width/2 - 6
	p.font(regular, 8.5)
	p.ink(inkMuted)
	p.textAt(p.left, top, colW, 5, "Paid to", "L")
	p.font(bold, 11)
	p.ink(inkText)
	y := p.linesAt(p.left, top+5, colW, 5.5, p.wrap(d.Mentor.Name(), colW), "L")
	p.font(regular, 10)
	y = p.linesAt(p.left, y, colW, 5, p.wrap(d.Mentor.Address, colW), "L")
	y2 := p.fields(p.left+p.width/2+2, top, p.width/2-2, 30, []field{
		{"Year", fmt.Sprint(d.Year)},
		{"Statements", fmt.Sprint(len(d.Statements))},
		{"Total", money(d.total())},
	})
	p.f.SetXY(p.left, max(y, y2)+5)

	d.statements(p)
	d.taxNote(p)
}

func (d YearEndDoc) statements(p *page) {
	p.section("Statements")
	if len(d.Statements) == 0 {
		p.font(regular, 10)
		p.para(fmt.Sprintf("No statement was issued to you in %d.", d.Year), p.width)
		p.space(3)
		return
	}
	list := slices.Clone(d.Statements)
	slices.SortStableFunc(list, func(a, b data.Statement) int {
		return cmp.Or(cmp.Compare(a.IssuedOn, b.IssuedOn), cmp.Compare(a.Number, b.Number))
	})
	t := p.table([]column{
		{head: "No.", w: 14},
		{head: "Issued", w: 26},
		{head: "School", w: 0},
		{head: "Visit", w: 26},
		{head: "Sessions", w: 18, align: "R"},
		{head: "Amount", w: 24, align: "R"},
		{head: "Paid", w: 26},
	})
	sessions := 0
	for _, s := range list {
		school := s.School
		if s.Adjusts > 0 {
			school += fmt.Sprintf(" (adjusts No. %d)", s.Adjusts)
		}
		paid := "Pending"
		if s.Status == data.Paid {
			paid = s.PaidOn.Short()
		}
		sessions += s.SessionsPaid()
		t.row(plainRow, fmt.Sprint(s.Number), s.IssuedOn.Short(), school, s.VisitDate.Short(),
			fmt.Sprint(s.SessionsPaid()), money(s.Total()), paid)
	}
	t.row(totalRow, "Total", "", "", "", fmt.Sprint(sessions), money(d.total()), "")
	t.end()
}

func (d YearEndDoc) taxNote(p *page) {
	total := d.total()
	lines := []string{
		fmt.Sprintf("Payments to independent contractors of %s or more in a calendar year are reported to the "+
			"IRS on Form 1099-NEC.", money(d.Threshold)),
	}
	if total >= d.Threshold {
		lines = append(lines, fmt.Sprintf("Your statements for %d total %s, which reaches this threshold: "+
			"%s will send you a Form 1099-NEC by 31 January %d.", d.Year, money(total), d.Org.Name, d.Year+1))
	} else {
		lines = append(lines, fmt.Sprintf("Your statements for %d total %s, below this threshold: "+
			"no Form 1099-NEC will be filed for %d.", d.Year, money(total), d.Year))
	}
	lines = append(lines, "No tax is withheld from your payments. Please keep this summary with your tax records.")
	p.note("Tax reporting (1099-NEC)", lines, fillNote)
	p.note("", data.Notices, fillPanel)
}
