package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"sync"

	"mentordesk/data"
)

// Sample data: a realistic small organisation whose names need every accent the fonts must carry.

func sampleOrg() Org {
	return Org{
		Name:     "Harmony Bridge Music Mentors",
		Address:  "1420 Fifth Avenue, Suite 300\nSeattle, WA 98101\n(206) 555-0142 · office@harmonybridge.org",
		Logo:     sampleLogo(),
		Paper:    "letter",
		Director: "Dana Whitfield",
	}
}

// sampleLogo is a round blue mark with a white note, as a PNG with transparency.
var sampleLogo = sync.OnceValue(func() []byte {
	const s = 240
	img := image.NewNRGBA(image.Rect(0, 0, s, s))
	for y := 0; y < s; y++ {
		for x := 0; x < s; x++ {
			dx, dy := float64(x)-s/2, float64(y)-s/2
			d := math.Hypot(dx, dy)
			switch {
			case d > s/2-2:
			case math.Hypot(float64(x)-105, float64(y)-160) < 26,
				x >= 120 && x <= 131 && y >= 60 && y <= 160,
				x >= 120 && x <= 170 && y >= 60 && y <= 75:
				img.Set(x, y, color.White)
			default:
				img.Set(x, y, color.NRGBA{26, 72, 118, 255})
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
})

var photos sync.Map

// samplePhoto is a w×h portrait-like gradient with a face-coloured oval, as JPEG or PNG.
func samplePhoto(w, h int, seed int, asPNG bool) []byte {
	key := fmt.Sprint(w, h, seed, asPNG)
	if b, ok := photos.Load(key); ok {
		return b.([]byte)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	base := color.RGBA{uint8(60 + seed*37%150), uint8(90 + seed*53%120), uint8(120 + seed*71%100), 255}
	cx, cy := float64(w)/2, float64(h)/2
	r := math.Min(float64(w), float64(h)) * 0.32
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := base
			c.R = uint8(int(c.R) * (h - y/2) / h)
			if math.Hypot((float64(x)-cx)/0.8, float64(y)-cy*0.85) < r {
				c = color.RGBA{224, 186, 160, 255}
			}
			if float64(y) > cy*1.45 && math.Abs(float64(x)-cx) < r*1.4 {
				c = color.RGBA{40, 44, 52, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if asPNG {
		png.Encode(&b, img)
	} else {
		jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	}
	photos.Store(key, b.Bytes())
	return b.Bytes()
}

func minh() data.Mentor {
	return data.Mentor{
		ID: 1, FirstName: "Nguyễn Thị", LastName: "Minh",
		Email: "minh@example.org", Phone: "206-555-0101",
		Address:     "4127 Rainier Ave S, Apt 2\nSeattle, WA 98118",
		Instruments: []string{"violin", "viola"},
		Education:   "MM Violin Performance, University of Washington; BM, Hanoi Conservatory",
		TeachingExperience: "Eight years of private studio teaching; sectional coach for the " +
			"Seattle Youth Symphony string program since 2021.",
		PerformanceExperience: "Section violin, Northwest Chamber Orchestra; founding member of the Lotus String Quartet.",
		Bio: "Minh grew up in Hà Nội and came to Seattle for graduate school. She loves helping " +
			"young string players find a warm, confident sound, and brings Vietnamese folk melodies " +
			"into her sectionals as sight-reading warm-ups.",
		Status: data.Active,
		Photo:  samplePhoto(360, 360, 1, false),
	}
}

func zoe() data.Mentor {
	return data.Mentor{
		ID: 2, FirstName: "Zoë", LastName: "Łukasiewicz",
		Email: "zoe@example.org", Phone: "206-555-0102", Address: "88 Market St, Kirkland, WA 98033",
		Instruments:           []string{"trumpet", "jazz improvisation"},
		Education:             "BM Jazz Studies, Cornish College of the Arts",
		TeachingExperience:    "Brass sectionals at four Seattle middle schools; summer jazz camp faculty.",
		PerformanceExperience: "Lead trumpet, Emerald City Big Band.",
		Bio:                   "Zoë believes every band needs a brave trumpet section and teaches breathing before notes.",
		Status:                data.Active,
		Photo:                 samplePhoto(1200, 300, 2, true),
	}
}

func jose() data.Mentor {
	return data.Mentor{
		ID: 3, FirstName: "José", LastName: "Peña",
		Email: "jose@example.org", Phone: "206-555-0103", Address: "2200 NW Market St, Seattle, WA 98107",
		Instruments:           []string{"percussion", "marimba"},
		Education:             "BA Music Education, Western Washington University",
		TeachingExperience:    "Twelve years as a middle-school band director in Yakima.",
		PerformanceExperience: "Principal percussion, Yakima Symphony Orchestra.",
		Bio:                   "José coaches percussion sections to listen across the band, not just count rests.",
		Status:                data.Active,
	}
}

func asa() data.Mentor {
	return data.Mentor{
		ID: 4, FirstName: "Åsa", LastName: "Öberg",
		Email: "asa@example.org", Phone: "206-555-0104", Address: "15 Alder Lane, Bellevue, WA 98004",
		Instruments:           []string{"choir", "voice"},
		Education:             "MA Choral Conducting, Royal College of Music, Stockholm",
		TeachingExperience:    "Choir director for children's and youth choirs in Uppsala and Bellevue.",
		PerformanceExperience: "Soprano, Seattle Pro Musica.",
		Bio:                   "Åsa builds healthy young voices through Swedish folk songs and rounds.",
		Status:                data.Active,
		Photo:                 samplePhoto(300, 420, 4, false),
	}
}

func sampleStatement(number int) data.Statement {
	return data.Statement{
		ID: int64(number), Number: number, IssuedOn: data.MustDate("2026-02-13"),
		MentorID: 1, MentorName: "Nguyễn Thị Minh", School: "Lincoln Middle School",
		VisitDate: data.MustDate("2026-02-10"),
		Lines: []data.StatementLine{
			{Kind: data.SessionLine, Classroom: "7th Grade Band", Program: data.Focused, Start: data.ClockOf(9, 10), Minutes: 50, Amount: 7500},
			{Kind: data.SessionLine, Classroom: "8th Grade Orchestra", Program: data.Season, Start: data.ClockOf(10, 5), Minutes: 50, Amount: 7500},
			{Kind: data.SessionLine, Classroom: "Jazz Band", Program: data.Bridge, Start: data.ClockOf(13, 30), Minutes: 45, Amount: 8500},
			{Kind: data.ContinuationLine, Amount: 5000},
		},
		Status: data.Paid, PaidOn: data.MustDate("2026-03-02"), PaidRef: "CHK-1042",
	}
}

func sampleAdjustment() data.Statement {
	return data.Statement{
		ID: 31, Number: 31, IssuedOn: data.MustDate("2026-03-05"),
		MentorID: 1, MentorName: "Nguyễn Thị Minh", School: "Lincoln Middle School",
		VisitDate: data.MustDate("2026-02-10"), Adjusts: 17,
		Reason: "The Jazz Band session was paid at the Season rate; Bridge Mentorship pays $85.00.",
		Lines: []data.StatementLine{
			{Kind: data.AdjustmentLine, Description: "Jazz Band, 10 Feb 2026: Bridge rate instead of Season rate", Amount: 1000},
		},
		Status: data.Issued,
	}
}

func statementDoc(n int) StatementDoc {
	return StatementDoc{Org: sampleOrg(), Statement: sampleStatement(n), Mentor: minh()}
}

func contractDoc() ContractDoc {
	return ContractDoc{
		Org: sampleOrg(), Mentor: minh(), Year: 2026,
		Assignments: []ContractAssignment{
			{School: "Lincoln Middle School", Classroom: "7th Grade Band", Program: data.Focused, Sessions: 10, Rate: 7500},
			{School: "Lincoln Middle School", Classroom: "8th Grade Orchestra", Program: data.Season, Sessions: 3, Rate: 7500},
			{School: "Garfield High School", Classroom: "Concert Orchestra", Program: data.Bridge, Sessions: 2, Rate: 8500},
		},
		Rates:        map[data.Program]data.Money{data.Focused: 7500, data.Season: 7500, data.Bridge: 8500},
		Continuation: 5000,
	}
}

func rosterDoc() RosterDoc {
	return RosterDoc{
		Org: sampleOrg(), Title: "Mentor roster — Lincoln Middle School", On: data.MustDate("2026-02-10"),
		Mentors: []data.Mentor{zoe(), asa(), minh(), jose()},
	}
}

func visitSessions() []data.Session {
	day := data.MustDate("2026-02-10")
	return []data.Session{
		{Date: day, Start: data.ClockOf(10, 5), Minutes: 50, Classroom: "8th Grade Orchestra", School: "Lincoln Middle School",
			Program: data.Season, Status: data.Completed, Focus: "Spring concert repertoire: Holst, St Paul’s Suite"},
		{Date: day, Start: data.ClockOf(9, 10), Minutes: 50, Classroom: "7th Grade Band", School: "Lincoln Middle School",
			Program: data.Focused, Status: data.Completed, Focus: "Brass tone and breathing"},
		{Date: day, Start: data.ClockOf(13, 30), Minutes: 45, Classroom: "Jazz Band", School: "Lincoln Middle School",
			Program: data.Bridge, Status: data.Planned, Focus: "Bridge Q&A with next year’s high-school players"},
	}
}

func signoffDoc() SignoffDoc {
	return SignoffDoc{
		Org: sampleOrg(), School: "Lincoln Middle School", Date: data.MustDate("2026-02-10"),
		MentorName: "Nguyễn Thị Minh", Instructor: "José Peña", Sessions: visitSessions(),
	}
}

func scheduleDoc() ScheduleDoc {
	var sessions []data.Session
	dates := []string{"2026-09-15", "2026-10-01", "2026-10-20", "2026-11-05", "2027-01-12", "2027-01-27", "2027-02-10", "2027-04-06", "2027-04-21", "2027-05-06"}
	focus := []string{"Evaluation: where the section stands", "Winter concert repertoire", "Intonation in the low strings",
		"Winter concert run-through", "Festival piece: first read", "Shifting and vibrato", "Festival run-through",
		"Spring concert repertoire", "Ensemble listening", "Spring concert dress rehearsal"}
	for i, d := range dates {
		s := data.Session{Date: data.MustDate(d), Start: data.ClockOf(9, 10), Minutes: 50, Term: 1 + i/4,
			Classroom: "7th Grade Band", Program: data.Focused, Status: data.Planned, Focus: focus[i]}
		if i < 3 {
			s.Status = data.Confirmed
			s.ConfirmedOn = s.Date
		}
		if i == 5 {
			s.Status = data.Cancelled
			s.CancelReason = "snow day"
		}
		sessions = append(sessions, s)
	}
	return ScheduleDoc{
		Org: sampleOrg(), On: data.MustDate("2026-11-20"), Instructor: "José Peña", School: "Lincoln Middle School",
		Classroom: "7th Grade Band", Program: data.Focused, Year: 2026, MentorName: "Zoë Łukasiewicz",
		Sessions: sessions,
		Events: []data.Event{
			{Date: data.MustDate("2026-12-10"), Name: "Winter Concert", Classroom: "7th Grade Band"},
			{Date: data.MustDate("2027-03-04"), Name: "District Band Festival", Classroom: "7th Grade Band"},
			{Date: data.MustDate("2027-05-20"), Name: "Spring Concert", Classroom: "7th Grade Band"},
		},
	}
}

func yearEndDoc() YearEndDoc {
	var list []data.Statement
	for i, d := range []string{"2026-02-13", "2026-03-12", "2026-04-16", "2026-05-14", "2026-10-08", "2026-11-12"} {
		s := sampleStatement(17 + i*9)
		s.IssuedOn = data.MustDate(d)
		s.VisitDate = s.IssuedOn.AddDays(-3)
		if i >= 4 {
			s.School = "Garfield High School"
			s.Lines = s.Lines[:2]
		}
		if i == 5 {
			s.Status, s.PaidOn, s.PaidRef = data.Issued, 0, ""
		} else {
			s.PaidOn = s.IssuedOn.AddDays(14)
		}
		list = append(list, s)
	}
	adj := sampleAdjustment()
	list = append(list, adj)
	return YearEndDoc{Org: sampleOrg(), On: data.MustDate("2027-01-15"), Mentor: minh(), Year: 2026,
		Statements: list, Threshold: 200000}
}

func earlyTeacher() data.Applicant {
	return data.Applicant{FirstName: "Linh", LastName: "Trần", Email: "linh.tran@rbhs.example.org", School: "Rainier Beach High School",
		CareerStage: data.Early, YearsTeaching: 2,
		Strengths: []string{"technology in the classroom", "string pedagogy"},
		Passions:  []string{"folk music", "composition"},
		Growth:    []string{"classroom management", "choral warm-ups", "concert planning"}}
}

func experiencedTeacher() data.Applicant {
	return data.Applicant{FirstName: "Åsa", LastName: "Öberg", Email: "asa@bcca.example.org", School: "Bellevue Children’s Choir Academy",
		CareerStage: data.Experienced, YearsTeaching: 18,
		Strengths: []string{"classroom management", "choral warm-ups", "parent communication"},
		Passions:  []string{"Folk music", "singing games"},
		Growth:    []string{"technology in the classroom"}}
}

func sampleCohort() data.Cohort {
	return data.Cohort{Name: "Spring 2026", Start: data.MustDate("2026-03-01"),
		IntroOn: data.MustDate("2026-03-05"), WrapUpOn: data.MustDate("2026-08-27")}
}

func introductionDoc() IntroductionDoc {
	return IntroductionDoc{Org: sampleOrg(), On: data.MustDate("2026-02-20"), Cohort: sampleCohort(),
		Early: earlyTeacher(), Experienced: experiencedTeacher(),
		Pair: data.Pair{Score: 3.5, Frequency: "every other Thursday, 45 minutes online"}}
}

func cohortDoc() CohortDoc {
	pairs := []CohortPair{{Early: earlyTeacher(), Experienced: experiencedTeacher(), Pair: data.Pair{Score: 3.5}}}
	pairs = append(pairs, CohortPair{
		Early: data.Applicant{FirstName: "Zoë", LastName: "Łukasiewicz", School: "Aki Kurose Middle School", CareerStage: data.Early,
			YearsTeaching: 1, Strengths: []string{"jazz improvisation"}, Growth: []string{"assessment", "recruiting"}, Passions: []string{"big band"}},
		Experienced: data.Applicant{FirstName: "José", LastName: "Peña", School: "Eisenhower Middle School, Yakima", CareerStage: data.Experienced,
			YearsTeaching: 12, Strengths: []string{"assessment", "recruiting", "marching band"}, Growth: []string{"jazz improvisation"}, Passions: []string{"Big band", "percussion"}},
		Pair: data.Pair{Score: 3.5},
	})
	return CohortDoc{Org: sampleOrg(), On: data.MustDate("2026-02-20"), Cohort: sampleCohort(), Pairs: pairs,
		Unmatched: []data.Applicant{{FirstName: "Priya", LastName: "Raman", School: "Franklin High School",
			CareerStage: data.Early, YearsTeaching: 3, Growth: []string{"orchestra seating", "sight-reading"}}}}
}

// samples are one document of each kind, with the names the fonts must print.
func samples() map[string]Document {
	return map[string]Document{
		"contract":     contractDoc(),
		"roster":       rosterDoc(),
		"statement":    statementDoc(17),
		"adjustment":   StatementDoc{Org: sampleOrg(), Statement: sampleAdjustment(), Mentor: minh()},
		"signoff":      signoffDoc(),
		"schedule":     scheduleDoc(),
		"yearend":      yearEndDoc(),
		"introduction": introductionDoc(),
		"cohort":       cohortDoc(),
	}
}
