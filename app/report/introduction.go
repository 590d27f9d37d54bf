package report

import (
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// IntroductionDoc is the letter that introduces a mutual-mentorship pair to each other: both
// teachers, what each brings and wants to grow in, why they were matched and the cohort's dates.
type IntroductionDoc struct {
	Org         Org
	On          data.Date // date of the letter
	Cohort      data.Cohort
	Early       data.Applicant
	Experienced data.Applicant
	Pair        data.Pair
}

func (d IntroductionDoc) letterhead() Org { return d.Org }

// FileName is "introduction-spring-2026-minh-oberg.pdf".
func (d IntroductionDoc) FileName() string {
	return fmt.Sprintf("introduction-%s-%s-%s.pdf", slug(d.Cohort.Name), slug(d.Early.LastName), slug(d.Experienced.LastName))
}

func (d IntroductionDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	checkCohort(&p, d.Cohort)
	p.required("early.name", d.Early.Name())
	p.required("experienced.name", d.Experienced.Name())
	if d.Early.CareerStage != data.Early {
		p.add("early.career_stage", "%s is not an early-career teacher", d.Early.Name())
	}
	if d.Experienced.CareerStage != data.Experienced {
		p.add("experienced.career_stage", "%s is not an experienced teacher", d.Experienced.Name())
	}
	p.date("date", d.On)
	return p.err()
}

func checkCohort(p *problems, c data.Cohort) {
	p.required("cohort", c.Name)
	p.date("cohort.start", c.Start)
	if !c.End.IsZero() && c.End <= c.Start {
		p.add("cohort.end", "%s must come after the start %s", c.End, c.Start)
	}
}

// cohortEnd is the cohort's last day: the term's (data.Cohort.TermEnd).
func cohortEnd(c data.Cohort) data.Date { return c.TermEnd() }

func cohortSpan(c data.Cohort) string {
	return c.Start.Short() + " – " + cohortEnd(c).Short()
}

func (d IntroductionDoc) draw(p *page) {
	e, x := d.Early, d.Experienced
	p.start(d.Org, "Mutual Mentorship introduction · "+e.Name()+" and "+x.Name(), d.On)
	top := p.y()
	p.font(regular, 10)
	p.ink(inkMuted)
	p.textAt(p.left, top+2, p.width, 5, d.On.Long(), "R")
	p.f.SetXY(p.left, top)
	p.heading("Welcome to Mutual Mentorship", cohortTitle(d.Cohort.Name)+" · "+cohortSpan(d.Cohort))

	p.font(regular, 10.5)
	p.ink(inkText)
	p.para(fmt.Sprintf("Dear %s and %s,", e.FirstName, x.FirstName), p.width)
	p.space(2)
	p.para(fmt.Sprintf("Thank you for joining %s of the Mutual Mentorship program at %s. We are delighted "+
		"to introduce you to each other: for the next six months you will meet as a pair, an early-career and an "+
		"experienced music teacher learning from one another.", theCohort(d.Cohort.Name), d.Org.Name), p.width)
	p.space(3)

	d.profiles(p)
	p.section("Why we matched you")
	p.bullets(matchReasons(e, x, d.Pair))
	p.section("Your term")
	rows := []field{
		{"Introduction", dateOr(d.Cohort.IntroOn, "introductory virtual session", "date to follow")},
		{"Wrap-up", dateOr(d.Cohort.WrapUpOn, "town-hall wrap-up", "date to follow")},
	}
	if len(d.Pair.Topics) > 0 {
		rows = append(rows, field{"Priorities", strings.Join(d.Pair.Topics, ", ")})
	}
	p.need(float64(len(rows)) * 5.6)
	y := p.fields(p.left, p.y(), p.width, 30, rows)
	p.f.SetXY(p.left, y+2)

	first := "At your first meeting, agree how often you will meet and two or three priority topics."
	if d.Pair.Frequency != "" {
		first = "You plan to meet " + strings.TrimSuffix(d.Pair.Frequency, ".") +
			"; at your first meeting, agree two or three priority topics."
	}
	p.section("Getting started")
	p.bullets([]string{
		first,
		"After each meeting, send the program office its date and topics in a line or two, so that we can support you.",
		"You are both invited to the Hub, the program’s closed online community for participating teachers.",
		"At the end of the term, each of you tells us whether you would like to continue.",
	})
	d.signature(p)
}

// signature closes the letter with a line to sign on, the director's name (settings:
// org.director) and the organisation's name below it.
func (d IntroductionDoc) signature(p *page) {
	const signHere = 7.0 // room to sign above the line
	p.font(regular, 10)
	p.ink(inkText)
	p.need(3*p.lineHeight() + signHere + 1.5)
	p.para("With warm regards,", p.width)
	p.space(signHere)
	y := p.y()
	p.pen(inkText, 0.3)
	p.f.Line(p.left, y, p.left+70, y)
	p.f.SetXY(p.left, y+1.5)
	if dir := strings.TrimSpace(d.Org.Director); dir != "" {
		p.font(bold, 10)
		p.para(dir+", Program Director", p.width)
	}
	p.font(regular, 10)
	p.para(d.Org.Name, p.width)
}

func dateOr(d data.Date, what, missing string) string {
	if d.IsZero() {
		return missing
	}
	return d.Long() + ", " + what
}

// profiles shows the two teachers side by side in equal panels, each with how the other can
// reach them: name, school and e-mail.
func (d IntroductionDoc) profiles(p *page) {
	const gap = 6.0
	colW := (p.width - gap) / 2
	inner := colW - 10
	type block struct {
		name, about []string
		rows        []cardRow
		h           float64
	}
	measure := func(a data.Applicant) block {
		var b block
		p.font(bold, 12)
		b.name = p.wrap(a.Name(), inner)
		p.font(regular, 9)
		b.about = p.wrap(stageLine(a), inner)
		p.font(regular, 9.5)
		for _, r := range []struct {
			label string
			tags  []string
		}{{"Strengths", a.Strengths}, {"Passions", a.Passions}, {"Growing in", a.Growth}, {"E-mail", nonEmpty(a.Email)}} {
			if len(r.tags) > 0 {
				b.rows = append(b.rows, cardRow{r.label, p.wrap(strings.Join(r.tags, ", "), inner-22)})
			}
		}
		b.h = float64(len(b.name))*5.8 + float64(len(b.about))*4.4 + 2.5
		for _, r := range b.rows {
			b.h += float64(len(r.lines))*4.5 + 0.8
		}
		return b
	}
	blocks := []block{measure(d.Early), measure(d.Experienced)}
	h := max(blocks[0].h, blocks[1].h) + 8
	p.need(h)
	top := p.y()
	for i, b := range blocks {
		x := p.left + float64(i)*(colW+gap)
		p.fill(fillPanel)
		p.f.RoundedRect(x, top, colW, h, 2, "1234", "F")
		y := top + 4.5
		p.font(bold, 12)
		p.ink(inkText)
		y = p.linesAt(x+5, y, inner, 5.8, b.name, "L")
		p.font(regular, 9)
		p.ink(inkAccent)
		y = p.linesAt(x+5, y, inner, 4.4, b.about, "L") + 2.5
		for _, r := range b.rows {
			p.font(regular, 8)
			p.ink(inkMuted)
			p.textAt(x+5, y+0.3, 22, 4.5, r.label, "L")
			p.font(regular, 9.5)
			p.ink(inkText)
			y = p.linesAt(x+27, y, inner-22, 4.5, r.lines, "L") + 0.8
		}
	}
	p.ink(inkText)
	p.f.SetXY(p.left, top+h+3)
}

// nonEmpty is v as a list of one, or none when v is empty.
func nonEmpty(v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	return []string{strings.TrimSpace(v)}
}

// stageLine is "Early-career teacher · 2 years · Rainier Beach High School".
func stageLine(a data.Applicant) string {
	stage := "Early-career teacher"
	if a.CareerStage == data.Experienced {
		stage = "Experienced teacher"
	}
	parts := []string{stage}
	if a.YearsTeaching > 0 {
		parts = append(parts, fmt.Sprintf("%d %s teaching", a.YearsTeaching, plural(a.YearsTeaching, "year", "years")))
	}
	if a.School != "" {
		parts = append(parts, a.School)
	}
	return strings.Join(parts, " · ")
}

// matchReasons names the tags behind a pair's score (R11): what each can offer where the other
// wants to grow, and the passions they share; the matching's own words when no tag overlaps.
func matchReasons(e, x data.Applicant, pair data.Pair) []string {
	var out []string
	if t := common(x.Strengths, e.Growth); len(t) > 0 {
		out = append(out, fmt.Sprintf("%s brings strength in %s, where %s wants to grow.", x.FirstName, list(t), e.FirstName))
	}
	if t := common(e.Strengths, x.Growth); len(t) > 0 {
		out = append(out, fmt.Sprintf("%s brings strength in %s, where %s wants to grow.", e.FirstName, list(t), x.FirstName))
	}
	if t := common(e.Passions, x.Passions); len(t) > 0 {
		out = append(out, fmt.Sprintf("You share a passion for %s.", list(t)))
	}
	if len(out) == 0 && strings.TrimSpace(pair.Reasons) != "" {
		out = append(out, strings.TrimSpace(pair.Reasons))
	}
	if len(out) == 0 {
		out = append(out, "Your availability and teaching settings fit well together.")
	}
	return out
}

// matchSummary is the short form of matchReasons for the director's cohort overview.
func matchSummary(e, x data.Applicant, pair data.Pair) string {
	var parts []string
	if t := common(x.Strengths, e.Growth); len(t) > 0 {
		parts = append(parts, fmt.Sprintf("%s can help %s with %s", x.FirstName, e.FirstName, strings.Join(t, ", ")))
	}
	if t := common(e.Strengths, x.Growth); len(t) > 0 {
		parts = append(parts, fmt.Sprintf("%s can help %s with %s", e.FirstName, x.FirstName, strings.Join(t, ", ")))
	}
	if t := common(e.Passions, x.Passions); len(t) > 0 {
		parts = append(parts, "both love "+strings.Join(t, ", "))
	}
	if len(parts) == 0 {
		return strings.TrimSpace(pair.Reasons)
	}
	return strings.Join(parts, "; ")
}

// common is the tags of a also in b, compared as R11 compares them, in a's spelling.
func common(a, b []string) []string {
	in := map[string]bool{}
	for _, t := range b {
		in[strings.ToLower(strings.TrimSpace(t))] = true
	}
	var out []string
	for _, t := range a {
		k := strings.ToLower(strings.TrimSpace(t))
		if in[k] && !slices.Contains(out, strings.TrimSpace(t)) {
			out = append(out, strings.TrimSpace(t))
		}
	}
	return out
}

// list is "a, b and c".
func list(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// bullets writes a list whose items wrap under their own text.
func (p *page) bullets(items []string) {
	p.font(regular, 10)
	p.ink(inkText)
	lh := p.lineHeight()
	for _, it := range items {
		lines := p.wrap(it, p.width-6)
		p.need(lh * float64(min(len(lines), 2)))
		p.ink(inkAccent)
		p.textAt(p.left+1, p.y(), 5, lh, "•", "L")
		p.ink(inkText)
		for _, l := range lines {
			p.need(lh)
			p.f.SetX(p.left + 6)
			p.f.CellFormat(p.width-6, lh, l, "", 2, "L", false, 0, "")
		}
		p.space(0.8)
	}
	p.space(1.5)
}

// cohortTitle is "Cohort 2026-27", or the name alone when it says cohort already ("Winter 2027 Cohort").
func cohortTitle(name string) string {
	if strings.Contains(strings.ToLower(name), "cohort") {
		return name
	}
	return "Cohort " + name
}

// theCohort is "the 2026-27 cohort", or "the Winter 2027 Cohort".
func theCohort(name string) string {
	if strings.Contains(strings.ToLower(name), "cohort") {
		return "the " + name
	}
	return "the " + name + " cohort"
}
