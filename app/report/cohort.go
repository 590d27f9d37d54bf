package report

import (
	"fmt"
	"strings"

	"mentordesk/data"
)

// CohortDoc is the director's overview of a mutual-mentorship cohort: its dates, its pairs
// with what matched them, and the applicants left without a partner.
type CohortDoc struct {
	Org       Org
	On        data.Date
	Cohort    data.Cohort
	Pairs     []CohortPair
	Unmatched []data.Applicant
}

// CohortPair is one matched pair of a cohort.
type CohortPair struct {
	Early       data.Applicant
	Experienced data.Applicant
	Pair        data.Pair
}

func (d CohortDoc) letterhead() Org { return d.Org }

// FileName is "cohort-spring-2026.pdf".
func (d CohortDoc) FileName() string { return "cohort-" + slug(d.Cohort.Name) + ".pdf" }

func (d CohortDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	checkCohort(&p, d.Cohort)
	for i, pr := range d.Pairs {
		at := fmt.Sprintf("pairs[%d]", i+1)
		p.required(at+".early", pr.Early.Name())
		p.required(at+".experienced", pr.Experienced.Name())
	}
	for i, a := range d.Unmatched {
		p.required(fmt.Sprintf("unmatched[%d]", i+1), a.Name())
	}
	return p.err()
}

func (d CohortDoc) draw(p *page) {
	c := d.Cohort
	p.start(d.Org, "Mutual Mentorship cohort · "+c.Name, d.On)
	sub := "Cohort overview"
	if !d.On.IsZero() {
		sub += " as of " + d.On.Long()
	}
	p.heading("Mutual Mentorship cohort: "+c.Name, sub)
	people := 2*len(d.Pairs) + len(d.Unmatched)
	y := p.fields(p.left, p.y(), p.width, 34, []field{
		{"Term", cohortSpan(c)},
		{"Introduction", dateOr(c.IntroOn, "introductory virtual session", "not scheduled yet")},
		{"Wrap-up", dateOr(c.WrapUpOn, "town-hall wrap-up", "not scheduled yet")},
		{"Participants", fmt.Sprintf("%d teachers: %d %s, %d without a partner", people, len(d.Pairs),
			plural(len(d.Pairs), "pair", "pairs"), len(d.Unmatched))},
	})
	p.f.SetXY(p.left, y+3)

	p.section("Pairs")
	if len(d.Pairs) == 0 {
		p.font(regular, 10)
		p.para("No pairs have been matched yet.", p.width)
		p.space(3)
	} else {
		t := p.table([]column{
			{head: "#", w: 8},
			{head: "Early-career teacher", w: 42},
			{head: "Experienced teacher", w: 42},
			{head: "Score", w: 13, align: "R"},
			{head: "Matched on", w: 0},
		})
		for i, pr := range d.Pairs {
			t.row(plainRow, fmt.Sprint(i+1), person(pr.Early), person(pr.Experienced),
				fmt.Sprintf("%.1f", pr.Pair.Score), matchSummary(pr.Early, pr.Experienced, pr.Pair))
		}
		t.end()
	}
	if len(d.Unmatched) > 0 {
		p.section("Without a partner")
		t := p.table([]column{
			{head: "Teacher", w: 0},
			{head: "Career stage", w: 34},
			{head: "Years", w: 16, align: "R"},
			{head: "Wants to grow in", w: 0},
		})
		for _, a := range d.Unmatched {
			t.row(plainRow, person(a), data.Label(a.CareerStage), fmt.Sprint(a.YearsTeaching), strings.Join(a.Growth, ", "))
		}
		t.end()
	}
}

// person is a teacher's name with their school below it.
func person(a data.Applicant) string {
	if a.School == "" {
		return a.Name()
	}
	return a.Name() + "\n" + a.School
}
