package demo

import (
	"fmt"
	"time"

	"mentordesk/data"
)

// Tags come from one shared vocabulary, so matching (R11) finds overlaps.
const (
	management = "classroom management"
	reading    = "sight-reading"
	jazz       = "jazz improvisation"
	recruiting = "recruitment"
	composing  = "composition"
	assessment = "assessment"
	repair     = "instrument repair"
	parents    = "parent communication"
	warmups    = "choral warm-ups"
	advocacy   = "advocacy"
	technology = "technology"
	responsive = "culturally responsive teaching"
)

type teacher struct {
	first, last, email, school  string
	stage                       data.CareerStage
	years                       int
	strengths, passions, growth []string
	availability                string
}

func tags(t ...string) []string { return t }

var teachers = []teacher{
	{"Jordan", "Ellis", "jordan.ellis@example.org", "Cascade Middle School", data.Early, 1,
		tags(technology, composing), tags(jazz, technology), tags(management, parents), "Tuesday and Thursday after 4 pm"},
	{"Leilani", "Kekona", "leilani.kekona@example.org", "Innis Arden Elementary", data.Early, 2,
		tags(warmups, responsive), tags(composing, advocacy), tags(assessment, recruiting), "Weekday evenings"},
	{"Diego", "Fuentes", "diego.fuentes@example.org", "Beacon Ridge Elementary", data.Early, 1,
		tags(jazz, technology), tags(jazz, recruiting), tags(management, repair), "Monday and Wednesday after 3:30 pm"},
	{"Hannah", "Brooks", "hannah.brooks@example.org", "Kenmore Middle School", data.Early, 3,
		tags(reading, assessment), tags(warmups, composing), tags(advocacy, recruiting), "Friday afternoons"},
	{"Tuấn", "Phạm", "tuan.pham@example.org", "Hamlin Park Middle School", data.Early, 2,
		tags(technology, parents), tags(technology, responsive), tags(reading, management), "Weekends"},
	{"Aaliyah", "Carter", "aaliyah.carter@example.org", "Rainier View Elementary", data.Early, 1,
		tags(responsive, recruiting), tags(advocacy, warmups), tags(assessment, repair), "Tuesday evenings"},
	{"Noah", "Lindqvist", "noah.lindqvist@example.org", "Bothell High School", data.Early, 3,
		tags(composing, jazz), tags(composing, technology), tags(parents, management), "Thursday after 4 pm"},
	{"Rebecca", "Thornton", "rthornton@seattleschools.example.org", "Maple Leaf Elementary", data.Experienced, 18,
		tags(management, parents, recruiting), tags(advocacy, warmups), tags(technology), "Wednesday after 3 pm"},
	{"Andre", "Thompson", "athompson@shorelineschools.example.org", "Hamlin Park Middle School", data.Experienced, 15,
		tags(repair, recruiting, jazz), tags(jazz, advocacy), tags(composing, responsive), "Monday evenings"},
	{"Helen", "Park", "hpark@seattleschools.example.org", "Green Lake High School", data.Experienced, 22,
		tags(assessment, reading, management), tags(warmups, composing), tags(technology), "Tuesday and Thursday after 4 pm"},
	{"Gregory", "Ashby", "gashby@shorelineschools.example.org", "Shoreline Sound High School", data.Experienced, 26,
		tags(advocacy, repair, parents), tags(recruiting, jazz), tags(responsive), "Friday afternoons"},
	{"Yolanda", "Reyes", "yreyes@seattleschools.example.org", "Madrona Heights K-8", data.Experienced, 12,
		tags(responsive, management, assessment), tags(advocacy, composing), tags(jazz), "Weekday evenings"},
	{"Bridget", "Kowalski", "bkowalski@shorelineschools.example.org", "Innis Arden Elementary", data.Experienced, 19,
		tags(recruiting, warmups, management), tags(warmups, technology), tags(reading, composing), "Saturday mornings"},
}

// addCohort opens this school year's mutual-mentorship cohort on 1 October with its applicants,
// not yet matched, so the director can run the matching.
func (f *filler) addCohort() error {
	start := data.DateOf(int(f.this), time.October, 1)
	end := data.CohortTermEnd(start)
	c := data.Cohort{Name: fmt.Sprintf("%s Cohort", f.this), Start: start, End: end,
		IntroOn: start.AddDays(7), WrapUpOn: end.AddDays(-8)}
	id, err := f.ops.SaveCohort(f.ctx, c)
	if err != nil {
		return err
	}
	for i, t := range teachers {
		a := data.Applicant{CohortID: id, Cohort: c.Name, FirstName: t.first, LastName: t.last, Email: t.email,
			School: t.school, CareerStage: t.stage, YearsTeaching: t.years, Strengths: t.strengths,
			Passions: t.passions, Growth: t.growth, Availability: t.availability}
		if c.IntroOn < f.today {
			a.IntroAttended = i%6 != 4
			a.HubInvite = "joined"
			if i%4 == 3 {
				a.HubInvite = "invited"
			}
		}
		if _, err := f.ops.SaveApplicant(f.ctx, a); err != nil {
			return fmt.Errorf("applicant %s: %w", t.email, err)
		}
	}
	return nil
}
