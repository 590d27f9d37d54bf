package report

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"mentordesk/data"
)

// ContractDoc is a mentor's independent-contractor agreement for one school year (DESIGN §6).
// It is made with the mentor, so it carries the mentor's address.
type ContractDoc struct {
	Org          Org
	Mentor       data.Mentor
	Year         data.SchoolYear
	Assignments  []ContractAssignment // may be empty early in the year
	Rates        map[data.Program]data.Money
	Continuation data.Money
	Clauses      []Clause // empty means DefaultClauses()
}

// ContractAssignment is one classroom the mentor takes on in the year.
type ContractAssignment struct {
	School    string
	Classroom string
	Program   data.Program
	Sessions  int
	Rate      data.Money // per session
}

// Clause is one numbered term of the contract. Its text may name {{org}}, {{mentor}},
// {{year}}, {{continuation}}, {{rates}} and {{sessions}}; they are filled in when printed.
type Clause struct {
	Heading string
	Text    string
}

// DefaultClauses are the terms a new organisation starts from; Settings lets the director edit
// them.
func DefaultClauses() []Clause {
	return []Clause{
		{"Independent contractor status",
			"{{mentor}} provides mentoring services to {{org}} as an independent contractor, not as an employee. " +
				"The Mentor decides how to prepare and deliver each session, supplies their own instrument and materials, " +
				"and is responsible for their own taxes, insurance and licences. Nothing in this agreement creates an " +
				"employment, partnership or agency relationship."},
		{"Programs and sessions",
			"For the school year {{year}} the Mentor coaches the classrooms listed under Assignments, {{sessions}} " +
				"sessions in all, on dates agreed with each classroom's instructor. Schools may add or end assignments " +
				"during the year; {{org}} confirms every change in writing."},
		{"Compensation",
			"{{org}} pays {{rates}} for each session the instructor confirms as delivered. One payment is made per " +
				"visit, with a payment statement listing its sessions. Cancelled sessions are not paid."},
		{"Continuation compensation",
			"A Mentor who returns to a school where they mentored in the previous school year receives " +
				"{{continuation}} once, with the payment for their first confirmed session at that school in {{year}}."},
		{"Travel expenses",
			"Travel to and from schools, parking and other expenses are not reimbursed."},
		{"Commitment and attendance",
			"The Mentor commits to every scheduled session for the full term of each assignment: 100 % attendance, " +
				"arriving early enough to be set up before the class period begins. When illness or an emergency " +
				"prevents a session, the Mentor tells the instructor and {{org}} as early as possible so that the " +
				"session can be moved."},
		{"Background checks",
			"Before working with pupils and every year after, the Mentor completes a Washington State Patrol (WSP) " +
				"background check. A Mentor who has lived in Washington State for less than three years also completes " +
				"an FBI fingerprint check. {{org}} keeps only the date, kind and result of each check."},
		{"Roster and feedback",
			"{{org}} shares the Mentor's professional profile (name, photo, instruments, education, experience and " +
				"biography) with schools on its mentor roster, never their contact details. Inclusion on the roster is " +
				"reviewed each year using instructors' feedback and student surveys."},
		{"Confidentiality and pupils' privacy",
			"Pupils are minors. The Mentor keeps confidential everything they learn about pupils, families and " +
				"school staff, records goals for the group and refers to pupils by first name or initials at most, and " +
				"never photographs, records or contacts pupils outside the session."},
		{"Term and termination",
			"This agreement covers the school year {{year}}. Either party may end it with fourteen days' written " +
				"notice, or at once for a serious breach such as a lapsed background check or conduct that puts pupils " +
				"at risk. Sessions confirmed before the end are paid."},
	}
}

// placeholder matches {{name}} in clause text.
var placeholder = regexp.MustCompile(`\{\{\s*([a-zA-Z_]+)\s*\}\}`)

var placeholders = []string{"org", "mentor", "year", "continuation", "rates", "sessions"}

func (d ContractDoc) letterhead() Org { return d.Org }

// FileName is "contract-2026-27-minh-nguyen-thi.pdf".
func (d ContractDoc) FileName() string {
	return fmt.Sprintf("contract-%s-%s.pdf", d.Year, slug(d.Mentor.LastName+" "+d.Mentor.FirstName))
}

func (d ContractDoc) clauses() []Clause {
	if len(d.Clauses) == 0 {
		return DefaultClauses()
	}
	return d.Clauses
}

func (d ContractDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	p.required("mentor", d.Mentor.Name())
	if d.Year == 0 {
		p.add("school_year", "is required (like 2026-27)")
	}
	for i, a := range d.Assignments {
		at := fmt.Sprintf("assignments[%d]", i+1)
		p.required(at+".school", a.School)
		p.required(at+".classroom", a.Classroom)
		if !slices.Contains(data.Programs, a.Program) {
			p.add(at+".program", "%q is not a program (focused, season, bridge)", a.Program)
		}
		if a.Sessions <= 0 {
			p.add(at+".sessions", "%d is not a number of sessions", a.Sessions)
		}
		p.money(at+".rate", a.Rate)
	}
	for prog, m := range d.Rates {
		if !slices.Contains(data.Programs, prog) {
			p.add("rates", "%q is not a program", prog)
		}
		p.money("rate."+string(prog), m)
	}
	p.money("rate.continuation", d.Continuation)
	for i, c := range d.Clauses {
		at := fmt.Sprintf("clauses[%d]", i+1)
		p.required(at+".heading", c.Heading)
		p.required(at+".text", c.Text)
		for _, m := range placeholder.FindAllStringSubmatch(c.Heading+" "+c.Text, -1) {
			if !slices.Contains(placeholders, strings.ToLower(m[1])) {
				p.add(at, "{{%s}} is not a placeholder (%s)", m[1], strings.Join(placeholders, ", "))
			}
		}
	}
	return p.err()
}

func (d ContractDoc) draw(p *page) {
	p.start(d.Org, fmt.Sprintf("Independent contractor agreement %s · %s", d.Year, d.Mentor.Name()), 0)
	p.heading("Independent Contractor Agreement", "Music mentorship · school year "+d.Year.String())
	d.parties(p)
	d.assignments(p)
	d.rates(p)
	d.terms(p)
	d.signatures(p)
}

func (d ContractDoc) parties(p *page) {
	p.section("Parties")
	top := p.y()
	colW := p.width/2 - 6
	party := func(x float64, role, name, address string) float64 {
		p.font(regular, 8.5)
		p.ink(inkMuted)
		p.textAt(x, top, colW, 5, role, "L")
		p.font(bold, 11)
		p.ink(inkText)
		y := p.linesAt(x, top+5, colW, 5.5, p.wrap(name, colW), "L")
		p.font(regular, 10)
		return p.linesAt(x, y, colW, 5, p.wrap(address, colW), "L")
	}
	y1 := party(p.left, "The organisation (“the Organisation”)", d.Org.Name, d.Org.Address)
	y2 := party(p.left+p.width/2+2, "The mentor (“the Mentor”)", d.Mentor.Name(), d.Mentor.Address)
	p.f.SetXY(p.left, max(y1, y2)+3)
	p.font(regular, 10)
	p.para(d.fill(fmt.Sprintf("This agreement sets out the terms on which the Mentor coaches classrooms for "+
		"the Organisation during the school year %s.", d.Year)), p.width)
	p.space(2)
}

func (d ContractDoc) assignments(p *page) {
	p.section("Assignments")
	if len(d.Assignments) == 0 {
		p.font(regular, 10)
		p.para("No classroom is assigned yet. The Organisation confirms each assignment in writing, with its "+
			"program, number of sessions and rate, before the first session.", p.width)
		p.space(3)
		return
	}
	t := p.table([]column{
		{head: "School", w: 0},
		{head: "Classroom", w: 0},
		{head: "Program", w: 40},
		{head: "Sessions", w: 18, align: "R"},
		{head: "Rate", w: 20, align: "R"},
		{head: "Amount", w: 22, align: "R"},
	})
	var total data.Money
	sessions := 0
	for _, a := range d.Assignments {
		amount := a.Rate * data.Money(a.Sessions)
		total += amount
		sessions += a.Sessions
		t.row(plainRow, a.School, a.Classroom, a.Program.Title(), fmt.Sprint(a.Sessions), money(a.Rate), money(amount))
	}
	t.row(totalRow, "Total", "", "", fmt.Sprint(sessions), "", money(total))
	t.end()
}

func (d ContractDoc) rates(p *page) {
	p.section("Rates")
	p.font(regular, 10)
	rows := []field{}
	for _, prog := range data.Programs {
		if m, ok := d.Rates[prog]; ok {
			rows = append(rows, field{prog.Title(), money(m) + " per confirmed session"})
		}
	}
	rows = append(rows, field{"Continuation", money(d.Continuation) + " once per school where the Mentor returns"})
	p.need(float64(len(rows))*5.6 + 2)
	y := p.fields(p.left, p.y(), p.width, 48, rows)
	p.f.SetXY(p.left, y+3)
}

func (d ContractDoc) terms(p *page) {
	p.section("Terms")
	clauses := d.clauses()
	for i, c := range clauses {
		p.font(regular, 10)
		lines := p.wrap(d.fill(c.Text), p.width-8)
		// a heading travels with at least two lines of its clause, and the last clause with the
		// signatures, so that the signature page is never a page of signatures alone
		keep := 6 + float64(min(len(lines), 2))*p.lineHeight()
		if i == len(clauses)-1 {
			keep = 6 + float64(len(lines))*p.lineHeight() + 2.5 + signaturesHeight + 22
		}
		p.need(keep)
		p.font(bold, 10)
		p.ink(inkText)
		p.textAt(p.left, p.y(), 8, 5.5, fmt.Sprintf("%d.", i+1), "L")
		p.textAt(p.left+8, p.y(), p.width-8, 5.5, d.fill(c.Heading), "L")
		p.f.SetXY(p.left+8, p.y()+5.8)
		p.font(regular, 10)
		for _, l := range lines {
			p.need(p.lineHeight())
			p.f.SetX(p.left + 8)
			p.f.CellFormat(p.width-8, p.lineHeight(), l, "", 2, "L", false, 0, "")
		}
		p.space(2.5)
	}
}

func (d ContractDoc) signatures(p *page) {
	p.need(signaturesHeight + 22) // the heading and its sentence stay with the lines
	p.section("Signatures")
	p.font(regular, 10)
	p.f.SetX(p.left)
	p.para("Signed by both parties; each keeps a copy.", p.width)
	p.space(1)
	p.signatures(
		signer{role: "For " + d.Org.Name, with: "Name and title"},
		signer{role: "The Mentor", name: d.Mentor.Name()},
	)
}

// fill replaces the placeholders of a clause with this contract's values.
func (d ContractDoc) fill(text string) string {
	values := map[string]string{
		"org":          d.Org.Name,
		"mentor":       d.Mentor.Name(),
		"year":         d.Year.String(),
		"continuation": money(d.Continuation),
		"rates":        d.rateWords(),
		"sessions":     fmt.Sprint(d.sessions()),
	}
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := strings.ToLower(placeholder.FindStringSubmatch(m)[1])
		if v, ok := values[name]; ok {
			return v
		}
		return m
	})
}

func (d ContractDoc) sessions() int {
	n := 0
	for _, a := range d.Assignments {
		n += a.Sessions
	}
	return n
}

// rateWords is "$75.00 (Focused Mentorship), $75.00 (Season Mentorship) and $85.00 (Bridge
// Mentorship)", or one amount when every program pays the same.
func (d ContractDoc) rateWords() string {
	progs := slices.Sorted(maps.Keys(d.Rates))
	if len(progs) == 0 {
		return "the session rate of each assignment"
	}
	same := true
	for _, prog := range progs {
		same = same && d.Rates[prog] == d.Rates[progs[0]]
	}
	if same {
		return money(d.Rates[progs[0]])
	}
	var parts []string
	for _, prog := range data.Programs {
		if m, ok := d.Rates[prog]; ok {
			parts = append(parts, fmt.Sprintf("%s (%s)", money(m), prog.Title()))
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
