package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"mentordesk/data"
	"mentordesk/data/photo"
	"mentordesk/data/sqlite"
)

// LargeCounts is the size of the large organisation of DESIGN §7 (ten years of a large program).
type LargeCounts struct {
	Mentors, Schools, ClassroomsPerSchool, Years, SessionsPerClassroomYear, Applicants int
	// SkipIssue leaves every ready visit unpaid, so issuing ten years of statements can be timed.
	SkipIssue bool
}

// DefaultLarge is DESIGN §7: 1,000 mentors, 300 schools, 1,500 classrooms, 150,000 sessions,
// about 60,000 statements and 2,000 applicants.
var DefaultLarge = LargeCounts{Mentors: 1000, Schools: 300, ClassroomsPerSchool: 5, Years: 10, SessionsPerClassroomYear: 10, Applicants: 2000}

// FillLarge writes a large organisation into an empty database, reproducible from seed: ten
// school years ending with the one holding today, each school visited by two mentors a year
// (most of whom return the next year, earning continuation), who coach two or three classrooms
// per visit; past sessions confirmed a few days later, a few cancelled; statements issued monthly
// and paid two weeks later (IssueAndPayLarge); and a 1,000 × 1,000 mutual-mentorship cohort.
func FillLarge(ctx context.Context, s *sqlite.Store, today data.Date, seed uint64, n LargeCounts) error {
	if empty, err := s.IsEmpty(ctx); err != nil || !empty {
		if err == nil {
			err = fmt.Errorf("the database %s already holds an organisation: %w", s.Path(), ErrNotEmpty)
		}
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x4c415247))
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	thisYear := set.SchoolYear(today)
	firstYear := thisYear - data.SchoolYear(n.Years-1)
	err = s.InBatch(ctx, func(b *sqlite.Batch) error {
		mentorIDs, err := largeMentors(b, rng, n, today)
		if err != nil {
			return err
		}
		rooms, err := largeSchools(b, rng, n, firstYear, thisYear)
		if err != nil {
			return err
		}
		if err := largeSessions(b, rng, n, mentorIDs, rooms, firstYear, today); err != nil {
			return err
		}
		return largeCohort(b, rng, n, today)
	})
	if err != nil || n.SkipIssue {
		return err
	}
	return IssueAndPayLarge(ctx, s, today)
}

// IssueAndPayLarge issues the statements of a large organisation as a director would have: once
// a month, on the 5th, for the visits of the month before, each month's paid by transfer two weeks
// later; the visits of this month up to yesterday are issued today and not yet paid.
func IssueAndPayLarge(ctx context.Context, s *sqlite.Store, today data.Date) error {
	first, err := s.EarliestSession(ctx)
	if err != nil || first.IsZero() {
		return err
	}
	for month := first.FirstOfMonth().AddMonths(1); month < today.FirstOfMonth(); month = month.AddMonths(1) {
		issuedOn := month.AddDays(4)
		if issuedOn >= today {
			break
		}
		sts, err := s.IssueStatements(ctx, sqlite.IssueChoice{Through: month.AddDays(-1)}, issuedOn)
		if err != nil {
			return err
		}
		paidOn := issuedOn.AddDays(14)
		if len(sts) == 0 || paidOn >= today {
			continue
		}
		numbers := make([]int, len(sts))
		for i, st := range sts {
			numbers[i] = st.Number
		}
		if err := s.MarkPaid(ctx, numbers, paidOn, "EFT "+month.AddMonths(-1).String()[:7]); err != nil {
			return err
		}
	}
	_, err = s.IssueStatements(ctx, sqlite.IssueChoice{Through: today.AddDays(-1)}, today)
	return err
}

func largeMentors(b *sqlite.Batch, rng *rand.Rand, n LargeCounts, today data.Date) ([]int64, error) {
	photos := make([][]byte, 40) // a few portraits shared, as generating one each would dominate
	for i := range photos {
		photos[i] = photo.Placeholder(string(rune('A'+i%26))+string(rune('A'+(i*7)%26)), i)
	}
	ids := make([]int64, n.Mentors)
	for i := range ids {
		first := firstNames[rng.IntN(len(firstNames))]
		last := lastNames[rng.IntN(len(lastNames))]
		m := data.Mentor{FirstName: first, LastName: last, Email: fmt.Sprintf("mentor%04d@example.org", i+1),
			Phone: fmt.Sprintf("206-555-%04d", i%10000), Address: fmt.Sprintf("%d Pine St, Seattle, WA 98101", 100+i),
			Instruments: []string{largeInstruments[rng.IntN(len(largeInstruments))], largeInstruments[rng.IntN(len(largeInstruments))]},
			Education:   "B.M. Music Education, University of Washington", TeachingExperience: "Private studio teaching since 2012.",
			PerformanceExperience: "Section player with regional orchestras.", Bio: "Loves helping young players find their sound.",
			WAResidentSince: today.AddDays(-365 * (n.Years + 3 + rng.IntN(10))), Status: data.Active, Photo: photos[i%len(photos)]}
		if m.Instruments[0] == m.Instruments[1] {
			m.Instruments = m.Instruments[:1]
		}
		id, err := b.SaveMentor(m)
		if err != nil {
			return nil, err
		}
		ids[i] = id
		// Checks renewed every year on the same day, so the history was cleared (R7) and is paid;
		// one in twenty has let this year's renewal lapse, so the compliance list has work.
		renewed := today.AddDays(-rng.IntN(330))
		lapsed := rng.IntN(20) == 0
		for y := 0; y <= n.Years; y++ {
			if y == 0 && lapsed {
				continue
			}
			done := renewed.AddDays(-365 * y)
			if err := b.SaveCheck(data.Check{MentorID: id, MentorEmail: m.Email, Kind: data.WSP, CompletedOn: done, Result: data.Clear}); err != nil {
				return nil, err
			}
		}
		// A signed contract for every school year (R8); one in ten has not signed this year's.
		for y := 0; y <= n.Years; y++ {
			sy := data.SchoolYearOf(today, data.DefaultSchoolYearStart) - data.SchoolYear(y)
			if y > 0 || rng.IntN(10) > 0 {
				first, _ := sy.Bounds(data.DefaultSchoolYearStart)
				if err := b.SaveContract(data.Contract{MentorID: id, MentorEmail: m.Email, SchoolYear: sy, SignedOn: first.AddDays(20)}); err != nil {
					return nil, err
				}
			}
		}
	}
	return ids, nil
}

type largeRoom struct {
	id, schoolID int64
	start        data.Clock
	calendar     int
}

func largeSchools(b *sqlite.Batch, rng *rand.Rand, n LargeCounts, firstYear, lastYear data.SchoolYear) ([][]largeRoom, error) {
	const districts = 10
	noSchool := map[int]map[data.Date]bool{}
	for d := 0; d < districts; d++ {
		name := fmt.Sprintf("District %02d calendar", d+1)
		noSchool[d] = map[data.Date]bool{}
		for y := firstYear; y <= lastYear+1; y++ {
			first := data.DateOf(int(y), time.September, 3)
			last := data.DateOf(int(y)+1, time.June, 15)
			days := []data.CalendarDay{{Calendar: name, Date: first, Kind: data.FirstDay}, {Calendar: name, Date: last, Kind: data.LastDay},
				{Calendar: name, Date: data.DateOf(int(y), time.November, 26), Kind: data.NoSchool, Label: "Thanksgiving"},
				{Calendar: name, Date: data.DateOf(int(y)+1, time.January, 1), Kind: data.NoSchool, Label: "New Year's Day"}}
			for i := 0; i < 8; i++ {
				days = append(days, data.CalendarDay{Calendar: name, Date: data.DateOf(int(y), time.December, 22).AddDays(i), Kind: data.NoSchool, Label: "Winter break"})
			}
			for _, dd := range days {
				if err := b.SaveCalendarDay(dd); err != nil {
					return nil, err
				}
				if dd.Kind == data.NoSchool {
					noSchool[d][dd.Date] = true
				}
			}
		}
	}
	levels := []data.Level{data.Elementary, data.Middle, data.High, data.K8}
	ensembles := []data.Ensemble{"band", "orchestra", "choir", "jazz", "general"}
	rooms := make([][]largeRoom, n.Schools)
	for i := 0; i < n.Schools; i++ {
		d := i % districts
		sid, err := b.SaveSchool(data.School{Name: fmt.Sprintf("School %03d", i+1), District: fmt.Sprintf("District %02d", d+1),
			Level: levels[i%len(levels)], Address: fmt.Sprintf("%d School Rd, Seattle, WA", i+1), Calendar: fmt.Sprintf("District %02d calendar", d+1)})
		if err != nil {
			return nil, err
		}
		iid, err := b.SaveInstructor(data.Instructor{FirstName: "Pat", LastName: fmt.Sprintf("Teacher%03d", i+1),
			Email: fmt.Sprintf("teacher%03d@schools.example.org", i+1), SchoolID: sid})
		if err != nil {
			return nil, err
		}
		for c := 0; c < n.ClassroomsPerSchool; c++ {
			start := data.ClockOf(8, 0).Add(60 * c)
			cid, err := b.SaveClassroom(data.Classroom{SchoolID: sid, Name: fmt.Sprintf("%s %d", ensembles[c%len(ensembles)], c+1),
				Ensemble: ensembles[c%len(ensembles)], Grade: fmt.Sprint(6 + c%3), InstructorID: iid,
				MeetingDays: 0b0111110, PeriodStart: start, PeriodMinutes: 50})
			if err != nil {
				return nil, err
			}
			rooms[i] = append(rooms[i], largeRoom{id: cid, schoolID: sid, start: start, calendar: d})
			for y := firstYear; y <= lastYear; y++ {
				for k, ev := range []data.Date{data.DateOf(int(y), time.December, 12), data.DateOf(int(y)+1, time.March, 14), data.DateOf(int(y)+1, time.May, 28)} {
					if err := b.SaveEvent(data.Event{ClassroomID: cid, Date: ev, Name: []string{"Winter Concert", "Spring Concert", "Spring Festival"}[k]}); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	_ = rng
	largeNoSchool = noSchool
	return rooms, nil
}

// largeNoSchool holds each district's no-school days while the sessions are laid out.
var largeNoSchool map[int]map[data.Date]bool

func largeSessions(b *sqlite.Batch, rng *rand.Rand, n LargeCounts, mentors []int64, rooms [][]largeRoom, firstYear data.SchoolYear, today data.Date) error {
	programs := []data.Program{data.Focused, data.Focused, data.Season, data.Bridge}
	reasons := []string{"snow day", "school assembly", "instructor ill"}
	// Two mentors per school; each year a few schools change mentor, the rest return.
	pairs := make([][2]int64, len(rooms))
	for i := range pairs {
		pairs[i] = [2]int64{mentors[(2*i)%len(mentors)], mentors[(2*i+1)%len(mentors)]}
	}
	for y := 0; y < n.Years; y++ {
		year := firstYear + data.SchoolYear(y)
		first := data.DateOf(int(year), time.September, 10)
		for si, school := range rooms {
			if rng.IntN(10) == 0 {
				pairs[si][rng.IntN(2)] = mentors[rng.IntN(len(mentors))]
			}
			if pairs[si][0] == pairs[si][1] {
				pairs[si][1] = mentors[(si*7+y)%len(mentors)]
			}
			split := 2 + rng.IntN(2) // the first mentor takes 2 or 3 classrooms
			for part, group := range [][]largeRoom{school[:split], school[split:]} {
				mentor := pairs[si][part]
				program := programs[rng.IntN(len(programs))]
				date := first.AddDays(rng.IntN(10) + part)
				for k := 0; k < n.SessionsPerClassroomYear; k++ {
					date = nextSchoolDay(date, group[0].calendar)
					for _, room := range group {
						x := data.Session{ClassroomID: room.id, MentorID: mentor, Date: date, Start: room.start, Minutes: 50,
							Program: program, Status: data.Planned, Focus: "concert repertoire"}
						if date < today {
							switch r := rng.IntN(100); {
							case r < 3:
								x.Status, x.CancelReason, x.CancelledBy = data.Cancelled, reasons[r%len(reasons)], "instructor"
							case date > today.AddDays(-10) && r < 40:
								x.Status, x.Punctuality = data.Completed, data.OnTime
							default:
								x.Status, x.ConfirmedOn, x.ConfirmedBy, x.ConfirmedHow, x.Punctuality = data.Confirmed, date.AddDays(1+rng.IntN(9)), "Pat", "e-mail", data.OnTime
								if x.ConfirmedOn >= today {
									x.Status, x.ConfirmedOn, x.ConfirmedBy, x.ConfirmedHow = data.Completed, 0, "", ""
								}
							}
						}
						if err := b.AddSession(x); err != nil {
							return err
						}
					}
					date = date.AddDays(14 + rng.IntN(8))
				}
			}
		}
	}
	return nil
}

func nextSchoolDay(d data.Date, district int) data.Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || largeNoSchool[district][d] {
		d = d.AddDays(1)
	}
	return d
}

func largeCohort(b *sqlite.Batch, rng *rand.Rand, n LargeCounts, today data.Date) error {
	cid, err := b.SaveCohort(data.Cohort{Name: "Large cohort", Start: today.AddDays(-30)})
	if err != nil {
		return err
	}
	pick := func(k int) []string {
		var out []string
		for len(out) < k {
			t := largeTags[rng.IntN(len(largeTags))]
			dup := false
			for _, o := range out {
				dup = dup || o == t
			}
			if !dup {
				out = append(out, t)
			}
		}
		return out
	}
	for i := 0; i < n.Applicants; i++ {
		stage := data.Early
		if i%2 == 1 {
			stage = data.Experienced
		}
		a := data.Applicant{CohortID: cid, Cohort: "Large cohort", FirstName: firstNames[i%len(firstNames)], LastName: lastNames[(i/3)%len(lastNames)],
			Email: fmt.Sprintf("teacher%04d@example.org", i+1), School: fmt.Sprintf("School %03d", i%300+1), CareerStage: stage,
			YearsTeaching: 1 + rng.IntN(25), Strengths: pick(3 + rng.IntN(3)), Passions: pick(2 + rng.IntN(3)), Growth: pick(3 + rng.IntN(3))}
		if _, err := b.SaveApplicant(a); err != nil {
			return err
		}
	}
	return nil
}

var (
	firstNames = []string{"Ana", "Ben", "Chloé", "Dmitri", "Esi", "Farah", "Gustavo", "Hana", "Ines", "Jonah", "Kwame", "Lena",
		"Mateo", "Nguyễn", "Olu", "Priya", "Quinn", "Rosa", "Sione", "Tomás", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë"}
	lastNames = []string{"Abara", "Berg", "Castillo", "Dubois", "Eriksen", "Fujita", "García", "Haddad", "Ivanova", "Jensen",
		"Kowalski", "Lindqvist", "Mensah", "Novak", "Okafor", "Peña", "Quist", "Rahman", "Sato", "Tanaka", "Underwood", "Vega",
		"Wójcik", "Xu", "Yilmaz", "Łukasiewicz"}
	largeInstruments = []string{"trumpet", "trombone", "horn", "tuba", "flute", "clarinet", "oboe", "bassoon", "saxophone",
		"violin", "viola", "cello", "double bass", "percussion", "voice", "piano", "guitar"}
	largeTags = []string{"classroom management", "sight-reading", "jazz improvisation", "recruitment", "composition", "assessment",
		"instrument repair", "parent communication", "choral warm-ups", "advocacy", "technology", "culturally responsive teaching",
		"rehearsal pacing", "beginning band", "string pedagogy", "music theory", "arranging", "conducting", "fundraising",
		"festival preparation", "mariachi", "world drumming", "special education", "mental health", "budgeting", "scheduling",
		"marching band", "small ensembles", "vocal health", "ear training"}
)
