package data

import "strings"

// Cohort is one six-month term of the teacher-to-teacher Mutual Mentorship program.
type Cohort struct {
	ID       int64
	Name     string
	Start    Date
	End      Date // default: six months after Start
	IntroOn  Date // the introductory virtual session
	WrapUpOn Date // the town-hall wrap-up
}

func (c Cohort) Validate() error {
	var p Problems
	p.text("cohort", c.Name, true, 100)
	p.date("start", c.Start, true)
	if !c.End.IsZero() && c.End <= c.Start {
		p.add("end", "%s must come after the start %s", c.End, c.Start)
	}
	return p.err()
}

// CareerStage separates the two sides of a mutual-mentorship pair.
type CareerStage string

const (
	Early       CareerStage = "early"
	Experienced CareerStage = "experienced"
)

// Applicant is a teacher's intake for a cohort.
type Applicant struct {
	ID            int64
	CohortID      int64
	Cohort        string
	FirstName     string
	LastName      string
	Email         string
	School        string
	CareerStage   CareerStage
	YearsTeaching int
	Strengths     []string
	Passions      []string
	Growth        []string
	Availability  string
	Excluded      bool   // left out of matching by the director
	HubInvite     string // "", invited, joined, declined
	IntroAttended bool
	WrapAttended  bool
}

func (a Applicant) Name() string { return strings.TrimSpace(a.FirstName + " " + a.LastName) }

func (a Applicant) Validate() error {
	var p Problems
	p.text("cohort", a.Cohort, a.CohortID == 0, 100)
	p.name("first_name", a.FirstName)
	p.name("last_name", a.LastName)
	p.email("email", a.Email, true)
	p.text("school", a.School, false, 200)
	if a.CareerStage != Early && a.CareerStage != Experienced {
		p.add("career_stage", "%q is not a career stage (early, experienced)", a.CareerStage)
	}
	if a.YearsTeaching < 0 || a.YearsTeaching > 60 {
		p.add("years_teaching", "%d is not a number of years (0 to 60)", a.YearsTeaching)
	}
	p.tags("strengths", a.Strengths)
	p.tags("passions", a.Passions)
	p.tags("growth", a.Growth)
	p.text("availability", a.Availability, false, 300)
	return p.err()
}

// Pair is a matched early-career and experienced teacher.
type Pair struct {
	ID            int64
	CohortID      int64
	EarlyID       int64
	ExperiencedID int64
	Score         float64
	Reasons       string
	Locked        bool
	Frequency     string // how often they agreed to meet
	Topics        []string
	EarlyDecision string // "", continue, end
	ExpDecision   string
}

// Meeting is one logged meeting of a pair.
type Meeting struct {
	ID     int64
	PairID int64
	Date   Date
	Topics []string
	Note   string
}

func (m Meeting) Validate() error {
	var p Problems
	p.date("date", m.Date, true)
	p.tags("topics", m.Topics)
	p.text("note", m.Note, false, 1000)
	return p.err()
}
