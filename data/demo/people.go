package demo

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"mentordesk/data"
	"mentordesk/data/photo"
)

// standing is the compliance situation a sample mentor is in on the demo's today (R7).
type standing int

const (
	cleared    standing = iota // a clear WSP check (and FBI where required) within the year
	expiring                   // cleared, but the clearance ends within 30 days
	expired                    // the last clear WSP check ended a few weeks ago
	fbiMissing                 // resident under 3 years, WSP clear, no FBI check at all
	fbiPending                 // resident under 3 years, the FBI check is still pending
	notClear                   // the WSP check came back not clear
	wspPending                 // the WSP check is still pending
	lapsed                     // an inactive mentor whose checks ran out months ago
)

// contracts says which school years a sample mentor has signed for (R8).
type contracts int

const (
	bothYears contracts = iota
	thisYearOnly
	lastYearOnly
	noContract
)

// person is one sample mentor; key is the handle the schedule refers to.
type person struct {
	key         string
	first, last string
	email       string
	phone       string
	address     string
	instruments []string
	education   string
	teaching    string
	performance string
	bio         string
	status      data.MentorStatus
	// residentMonths is how long ago the Washington residence began; 0 means unknown.
	residentMonths int
	standing       standing
	contracts      contracts
}

var people = []person{
	{key: "minh", first: "Thị Minh", last: "Nguyễn", email: "minh.nguyen@example.org", phone: "(206) 555-0112",
		address: "4127 Fremont Ave N, Seattle, WA 98103", instruments: []string{"violin", "viola"},
		education: "B.M. Music Education, University of Washington", teaching: "Eight years of private violin and viola studio teaching; string sectional coach for the Seattle Youth Symphony's Debut Orchestra.",
		performance: "Section violinist with the Northwest Chamber Players; regular substitute with Pacific Northwest Ballet orchestra.",
		bio:         "Minh grew up in Saigon and Seattle and started the violin in a public-school orchestra much like the ones she now visits. She focuses on healthy set-up and listening across the section, and loves getting a second-violin section to hear that the harmony is theirs.",
		status:      data.Active, residentMonths: 12 * 19},
	{key: "zoe", first: "Zoë", last: "Łukasiewicz", email: "zoe.lukasiewicz@example.org", phone: "(206) 555-0147",
		address: "2210 E Union St, Apt 3, Seattle, WA 98122", instruments: []string{"flute", "piccolo"},
		education: "M.M. Flute Performance, Chopin University of Music, Warsaw", teaching: "Five years as a woodwind tutor in Warsaw music schools; beginning flute classes at a community music centre.",
		performance: "Principal flute of a Warsaw chamber orchestra; contemporary-music ensemble work across Europe.",
		bio:         "Zoë moved to Seattle last year after a decade of performing in Poland. She brings a performer's ear for tone colour to young flute sections and a knack for turning breathing exercises into games.",
		status:      data.Active, residentMonths: 16, standing: fbiMissing, contracts: thisYearOnly},
	{key: "jose", first: "José", last: "Peña", email: "jose.pena@example.org", phone: "(206) 555-0133",
		address: "8815 14th Ave S, Seattle, WA 98108", instruments: []string{"trumpet", "jazz improvisation"},
		education: "B.M. Jazz Studies, Cornish College of the Arts", teaching: "Ten years leading middle-school jazz clinics; brass instructor at a summer jazz camp in Port Townsend.",
		performance: "Lead trumpet with the Seattle Latin Jazz Orchestra; salsa and big-band freelancing around Puget Sound.",
		bio:         "José plays lead trumpet in salsa and big bands around Puget Sound. In jazz band he gets students improvising in the first ten minutes and insists that the rhythm section is everyone's business.",
		status:      data.Active, residentMonths: 12 * 22},
	{key: "asa", first: "Åsa", last: "Öberg", email: "asa.oberg@example.org", phone: "(425) 555-0158",
		address: "1540 NE 65th St, Seattle, WA 98115", instruments: []string{"cello", "double bass"},
		education: "M.M. Cello, Royal College of Music, Stockholm", teaching: "Cello teacher at a municipal music school in Uppsala for six years; orchestra coach for youth string camps.",
		performance: "Cellist with the Uppsala Chamber Soloists; baroque cello with period ensembles in Sweden and Washington.",
		bio:         "Åsa came to Seattle from Uppsala and coaches lower strings with patience and precise bow technique. She is known for getting a cello section to play as one voice by the spring concert.",
		status:      data.Active, residentMonths: 28},
	{key: "aiyana", first: "Aiyana", last: "Sampson", email: "aiyana.sampson@example.org", phone: "(253) 555-0171",
		address: "3302 N Proctor St, Tacoma, WA 98407", instruments: []string{"voice", "choral conducting"},
		education: "B.A. Music, Western Washington University", teaching: "Choir director at a Tacoma church for seven years; vocal coach for middle-school musicals.",
		performance: "Alto with the Seattle Pro Musica chamber choir; soloist in regional oratorio performances.",
		bio:         "Aiyana sings with Seattle Pro Musica and has directed church and school choirs for a decade. Her sessions start with movement and warm-ups that get even the shyest singers breathing together.",
		status:      data.Active, residentMonths: 12 * 30},
	{key: "kwame", first: "Kwame", last: "Mensah", email: "kwame.mensah@example.org", phone: "(206) 555-0125",
		address: "5016 Rainier Ave S, Seattle, WA 98118", instruments: []string{"percussion", "drum set", "West African drumming"},
		education: "B.M. Percussion Performance, University of Washington", teaching: "Percussion instructor for three high-school marching programs; West African drumming residencies in elementary schools.",
		performance: "Percussionist with the Tacoma Symphony; drummer in the Afrobeat band Sankofa Sound.",
		bio:         "Kwame teaches the whole percussion section, from timpani tuning to drum-set time-keeping. He believes the back row sets the ensemble's groove and treats it that way.",
		status:      data.Active, residentMonths: 12 * 14, standing: expiring},
	{key: "priya", first: "Priya", last: "Raghunathan", email: "priya.raghunathan@example.org", phone: "(425) 555-0186",
		address: "16020 NE 85th St, Redmond, WA 98052", instruments: []string{"violin", "Carnatic violin"},
		education: "B.M. Music Education, University of Washington", teaching: "Suzuki violin teacher for nine years; beginning-strings teacher in an Eastside after-school program.",
		performance: "Violinist in the Eastside Symphony; Carnatic violin accompanist for South Indian classical concerts.",
		bio:         "Priya plays both Western classical and Carnatic violin and brings both traditions into the classroom. Beginning string players learn from her that good intonation starts with listening.",
		status:      data.Active, residentMonths: 32},
	{key: "hiroshi", first: "Hiroshi", last: "Tanaka", email: "hiroshi.tanaka@example.org", phone: "(206) 555-0164",
		address: "610 S Jackson St, Apt 5B, Seattle, WA 98104", instruments: []string{"clarinet", "saxophone"},
		education: "B.M. Clarinet Performance, Oberlin Conservatory", teaching: "Woodwind sectional coach for twelve years across Seattle middle schools; private clarinet studio.",
		performance: "Second clarinet with the Seattle Wind Symphony; saxophone in pit orchestras for the 5th Avenue Theatre.",
		bio:         "Hiroshi has coached woodwind sections in Seattle middle schools for over a decade. He is patient with squeaks and relentless about reeds, and his students can tell you why.",
		status:      data.Active, residentMonths: 12 * 17},
	{key: "olusegun", first: "Olusegun", last: "Adeyemi", email: "olusegun.adeyemi@example.org", phone: "(206) 555-0139",
		address: "11820 Greenwood Ave N, Seattle, WA 98133", instruments: []string{"tuba", "euphonium", "trombone"},
		education: "M.M. Tuba Performance, University of Michigan", teaching: "Low-brass instructor at two Shoreline schools; brass choir director for a community music school.",
		performance: "Tubist with the Seattle Philharmonic Orchestra and the Emerald City Brass Quintet.",
		bio:         "Olusegun grew up in Lagos and Detroit and fell for the tuba in a school band. He makes low brass sections feel like the foundation they are and drills long tones with a smile.",
		status:      data.Active, residentMonths: 12 * 11},
	{key: "fatima", first: "Fatima", last: "Haddad", email: "fatima.haddad@example.org", phone: "(425) 555-0192",
		address: "20410 Ballinger Way NE, Shoreline, WA 98155", instruments: []string{"voice", "piano"},
		education: "B.M. Vocal Performance, Cornish College of the Arts", teaching: "High-school choir accompanist for six years; voice teacher at a Shoreline community music school.",
		performance: "Soprano soloist with regional opera companies; Arabic art-song recitals.",
		bio:         "Fatima is a soprano and pianist who accompanies and coaches high-school choirs. She helps singers find a healthy, free sound and introduces repertoire in Arabic as well as English and Latin.",
		status:      data.Active, residentMonths: 12 * 9},
	{key: "siobhan", first: "Siobhán", last: "O'Sullivan", email: "siobhan.osullivan@example.org", phone: "(206) 555-0117",
		address: "7302 35th Ave NE, Seattle, WA 98115", instruments: []string{"oboe", "English horn"},
		education: "B.M. Oboe Performance, Royal Irish Academy of Music", teaching: "Double-reed clinician for Seattle and Bellevue middle schools; reed-making workshops for teens.",
		performance: "Principal oboe of the Bellevue Chamber Orchestra; Irish traditional music on the tin whistle.",
		bio:         "Siobhán studied in Dublin and plays oboe in chamber orchestras around Seattle. She demystifies double reeds and tends to leave each school with a few new oboists.",
		status:      data.Active, residentMonths: 12 * 8},
	{key: "mateo", first: "Mateo", last: "Herrera", email: "mateo.herrera@example.org", phone: "(206) 555-0149",
		address: "2815 NE 125th St, Seattle, WA 98125", instruments: []string{"guitar", "electric bass", "jazz improvisation"},
		education: "B.M. Jazz Studies, University of North Texas", teaching: "Guitar and bass instructor for jazz programs in Shoreline and Edmonds; summer rock-band camp director.",
		performance: "Bassist for touring Latin-jazz and funk groups; house-band bassist at a Seattle jazz club.",
		bio:         "Mateo plays bass in Seattle's Latin-jazz scene. He works with rhythm sections on time, groove and listening, and helps guitarists find their place in a big band.",
		status:      data.Active, residentMonths: 12 * 6, standing: expired},
	{key: "ingrid", first: "Ingrid", last: "Halvorsen", email: "ingrid.halvorsen@example.org", phone: "(425) 555-0103",
		address: "18210 8th Ave NE, Shoreline, WA 98155", instruments: []string{"French horn"},
		education: "B.M. Music Education, University of Washington", teaching: "Middle-school band director for eleven years before going freelance; horn clinician for honor bands.",
		performance: "Horn with the Everett Philharmonic and the Northwest Horn Orchestra.",
		bio:         "Ingrid taught middle-school band for eleven years before turning freelance. She knows the beginning band year from the inside and coaches brass sections with warmth and clear goals.",
		status:      data.Active, residentMonths: 12 * 25},
	{key: "dmitri", first: "Dmitri", last: "Volkov", email: "dmitri.volkov@example.org", phone: "(206) 555-0176",
		address: "500 Wall St, Apt 1204, Seattle, WA 98121", instruments: []string{"double bass"},
		education: "M.M. Double Bass, Moscow Conservatory", teaching: "Bass coach for youth orchestras in Seattle and Bellevue; private bass studio.",
		performance: "Section bass with the Seattle Symphony's extra list; jazz trio bassist.",
		bio:         "Dmitri trained in Moscow and plays orchestral and jazz bass. He helps string orchestras build a solid bass line and believes every bassist should be able to swing.",
		status:      data.Active, standing: cleared},
	{key: "meiling", first: "Mei-Ling", last: "Chen", email: "meiling.chen@example.org", phone: "(425) 555-0128",
		address: "13416 NE 20th St, Bellevue, WA 98005", instruments: []string{"piano", "voice"},
		education: "B.M. Piano Pedagogy, University of British Columbia", teaching: "Choir accompanist at two middle schools; piano and musicianship teacher for eight years.",
		performance: "Collaborative pianist for choirs and soloists around Seattle; member of the Seattle Chamber Singers.",
		bio:         "Mei-Ling accompanies choirs and teaches musicianship through the piano. She helps treble choirs read confidently and sing in tune without leaning on the accompaniment.",
		status:      data.Active, residentMonths: 12 * 12},
	{key: "rafael", first: "Rafael", last: "Oliveira", email: "rafael.oliveira@example.org", phone: "(206) 555-0151",
		address: "3014 NW 58th St, Seattle, WA 98107", instruments: []string{"saxophone", "flute", "jazz improvisation"},
		education: "B.M. Jazz Performance, Berklee College of Music", teaching: "Jazz band clinician for Seattle and Shoreline middle schools; saxophone studio of 20 students.",
		performance: "Saxophonist with a Brazilian jazz quartet; section player in the Seattle Repertory Jazz Orchestra.",
		bio:         "Rafael grew up in São Paulo with bossa nova at home and jazz at school. He teaches saxophone sections to blend and solos to tell a story.",
		status:      data.Active, residentMonths: 12 * 10},
	{key: "amara", first: "Amara", last: "Okafor", email: "amara.okafor@example.org", phone: "(253) 555-0144",
		address: "1905 S 312th St, Federal Way, WA 98003", instruments: []string{"voice", "gospel choir"},
		education: "B.M. Voice, Howard University", teaching: "Gospel choir director for a youth program in South King County; vocal coach for high-school musicals.",
		performance: "Soloist with Seattle gospel and jazz ensembles; session singer.",
		bio:         "Amara directs a youth gospel choir and sings jazz and gospel across the region. She builds choirs that listen to each other and sing from the whole body.",
		status:      data.Active, residentMonths: 12 * 7},
	{key: "lars", first: "Lars", last: "Johansson", email: "lars.johansson@example.org", phone: "(206) 555-0188",
		address: "6515 24th Ave NW, Seattle, WA 98117", instruments: []string{"trombone", "bass trombone"},
		education: "B.M. Trombone Performance, Eastman School of Music", teaching: "Brass sectional coach for Seattle middle schools for nine years.",
		performance: "Trombone with the Seattle Wind Symphony and several big bands.",
		bio:         "Lars coached brass sections across Seattle before moving to Portland this summer. He may return to the roster when his schedule allows.",
		status:      data.Inactive, residentMonths: 12 * 13, standing: lapsed, contracts: lastYearOnly},
	{key: "keanu", first: "Keanu", last: "Kahananui", email: "keanu.kahananui@example.org", phone: "(206) 555-0195",
		address: "4402 California Ave SW, Seattle, WA 98116", instruments: []string{"percussion", "ukulele"},
		education: "B.A. Music, University of Hawaiʻi at Mānoa", teaching: "Percussion and ukulele teacher in Honolulu elementary schools for five years.",
		performance: "Percussionist with island-music and jazz groups in Honolulu and Seattle.",
		bio:         "Keanu brings Hawaiian music and a drummer's sense of time to beginning bands. His sessions are loud, joyful and surprisingly precise.",
		status:      data.Active},
	{key: "yuki", first: "Yuki", last: "Sato", email: "yuki.sato@example.org", phone: "(425) 555-0161",
		address: "1120 112th Ave NE, Bellevue, WA 98004", instruments: []string{"flute"},
		education: "M.M. Flute, Tokyo University of the Arts", teaching: "Flute teacher and elementary band coach for six years.",
		performance: "Flutist with the Bellevue Symphony and a Japanese folk-music ensemble.",
		bio:         "Yuki coached beginning flutes for six years and is on leave this school year. She plans to rejoin the roster next fall.",
		status:      data.Inactive, residentMonths: 12 * 9, standing: lapsed, contracts: lastYearOnly},
	{key: "sofia", first: "Sofía", last: "Castillo", email: "sofia.castillo@example.org", phone: "(206) 555-0108",
		address: "9235 Roosevelt Way NE, Seattle, WA 98115", instruments: []string{"clarinet", "bass clarinet"},
		education: "B.M. Music Education, Central Washington University", teaching: "Two years as an elementary band teacher in Yakima; clarinet sectional coach for a youth wind ensemble.",
		performance: "Clarinet with the Yakima Symphony and a community wind ensemble.",
		bio:         "Sofía taught elementary band in Yakima before moving to Seattle this year. She is new to the roster and loves the first-year band moment when a class plays its first real piece.",
		status:      data.Active, residentMonths: 12 * 24, contracts: noContract},
	{key: "grace", first: "Grace", last: "Kim", email: "grace.kim@example.org", phone: "(425) 555-0135",
		address: "2301 Bothell Everett Hwy, Bothell, WA 98021", instruments: []string{"cello"},
		education: "B.M. Music Education, University of Washington", teaching: "Orchestra teacher at an Eastside middle school for seven years; string camp faculty.",
		performance: "Cellist with the Octave 9 string quartet and the Lake Washington Symphony.",
		bio:         "Grace taught middle-school orchestra for seven years. She is especially good at the jump from elementary strings to middle school and keeps track of how her former students are doing.",
		status:      data.Active, residentMonths: 12 * 20},
	{key: "emeka", first: "Emeka", last: "Nwosu", email: "emeka.nwosu@example.org", phone: "(206) 555-0122",
		address: "3820 S Ferdinand St, Seattle, WA 98118", instruments: []string{"trumpet", "cornet"},
		education: "B.M. Trumpet Performance, University of Washington", teaching: "Beginning-band brass coach in Seattle elementary schools for six years.",
		performance: "Trumpet with the Seattle Community Brass Band and a highlife band.",
		bio:         "Emeka coaches beginning brass with a focus on buzzing, breathing and confidence. He follows his fifth graders into sixth-grade band to keep their momentum.",
		status:      data.Active, residentMonths: 12 * 16},
	{key: "hana", first: "Hana", last: "Novotná", email: "hana.novotna@example.org", phone: "(206) 555-0181",
		address: "1416 E Olive Way, Seattle, WA 98122", instruments: []string{"viola", "violin"},
		education: "M.M. Viola, Prague Conservatory", teaching: "Chamber-music coach for youth orchestras; viola studio of twelve students.",
		performance: "Violist with the Seattle Chamber Music Society's festival ensemble and a string quartet.",
		bio:         "Hana studied in Prague and plays viola in chamber groups around Seattle. She coaches high-school string players in chamber-music habits: leading, listening and breathing together.",
		status:      data.Active},
	{key: "omar", first: "Omar", last: "Khalil", email: "omar.khalil@example.org", phone: "(425) 555-0174",
		address: "15230 Westminster Way N, Shoreline, WA 98133", instruments: []string{"violin", "oud"},
		education: "B.M. Violin, Cairo Conservatoire", teaching: "Violin teacher for elementary string programs in Shoreline for five years.",
		performance: "Violinist and oud player in Arabic music ensembles; violin in the Shoreline Symphony.",
		bio:         "Omar plays violin and oud and teaches beginning strings across Shoreline. He uses folk tunes from many traditions to teach scales and bowing.",
		status:      data.Active, residentMonths: 12 * 8, contracts: lastYearOnly},
	{key: "rachel", first: "Rachel", last: "Goldberg", email: "rachel.goldberg@example.org", phone: "(206) 555-0156",
		address: "5510 Phinney Ave N, Seattle, WA 98103", instruments: []string{"voice", "choral conducting", "piano"},
		education: "M.M. Choral Conducting, University of Washington", teaching: "High-school choir director for fourteen years; honor-choir clinician.",
		performance: "Soprano with the Seattle Symphony Chorale; conductor of a community chamber choir.",
		bio:         "Rachel directed high-school choirs for fourteen years before turning to mentoring. Her sessions build sight-reading habits and healthy singing that last beyond the concert.",
		status:      data.Active, residentMonths: 12 * 26},
	{key: "jamal", first: "Jamal", last: "Washington", email: "jamal.washington@example.org", phone: "(206) 555-0143",
		address: "2320 E Cherry St, Seattle, WA 98122", instruments: []string{"trumpet", "jazz improvisation"},
		education: "B.M. Jazz Studies, Cornish College of the Arts", teaching: "Jazz clinician for Seattle high schools; leader of a youth big band.",
		performance: "Trumpeter with Central District jazz groups and the Jackson Street Jazz Orchestra.",
		bio:         "Jamal carries the Jackson Street jazz tradition into Seattle classrooms. He teaches young players to listen to the recordings, learn solos by ear and swing hard.",
		status:      data.Active},
	{key: "camille", first: "Camille", last: "Dubois", email: "camille.dubois@example.org", phone: "(206) 555-0166",
		address: "1200 Dexter Ave N, Apt 804, Seattle, WA 98109", instruments: []string{"bassoon", "contrabassoon"},
		education: "M.M. Bassoon, Conservatoire de musique de Montréal", teaching: "Bassoon teacher in Montréal youth orchestras for four years.",
		performance: "Bassoonist with Montréal chamber ensembles; extra with the Orchestre Métropolitain.",
		bio:         "Camille moved from Montréal this spring and has applied to join the roster. She hopes to start a few young bassoonists in every band she visits.",
		status:      data.MentorApplicant, residentMonths: 7, standing: fbiPending, contracts: noContract},
	{key: "sione", first: "Sione", last: "Tuilagi", email: "sione.tuilagi@example.org", phone: "(253) 555-0119",
		address: "2814 S 56th St, Tacoma, WA 98409", instruments: []string{"voice", "euphonium"},
		education: "B.A. Music, Pacific Lutheran University", teaching: "Youth choir and brass band leader at a Tacoma community centre.",
		performance: "Baritone in Pacific Islander choral groups; euphonium in a Tacoma brass band.",
		bio:         "Sione leads youth choirs and a brass band in Tacoma and has applied to mentor school choirs. He is known for big harmonies and bigger warm-ups.",
		status:      data.MentorApplicant, residentMonths: 12 * 12, standing: wspPending, contracts: noContract},
	{key: "derek", first: "Derek", last: "Holloway", email: "derek.holloway@example.org", phone: "(425) 555-0109",
		address: "21510 Highway 99, Edmonds, WA 98026", instruments: []string{"trombone"},
		education: "B.A. Music, Seattle Pacific University", teaching: "Private trombone lessons for five years.",
		performance: "Trombone in Edmonds community bands.",
		bio:         "Derek plays trombone in community bands and teaches privately. He applied to mentor brass sections.",
		status:      data.MentorApplicant, residentMonths: 12 * 10, standing: notClear, contracts: noContract},
}

// initials are the first letters of first and last name, for the placeholder portrait.
func (p person) initials() string {
	a, _ := utf8.DecodeRuneInString(p.first)
	b, _ := utf8.DecodeRuneInString(p.last)
	return string(unicode.ToUpper(a)) + string(unicode.ToUpper(b))
}

// addPeople saves the mentors with their background checks and contracts.
func (f *filler) addPeople() error {
	// Drawing the portraits is most of the work here; they are independent, so draw them at once.
	photos := make([][]byte, len(people))
	var wg sync.WaitGroup
	for i, p := range people {
		wg.Go(func() { photos[i] = photo.Placeholder(p.initials(), i) })
	}
	wg.Wait()
	for i, p := range people {
		m := data.Mentor{FirstName: p.first, LastName: p.last, Email: p.email, Phone: p.phone, Address: p.address,
			Instruments: p.instruments, Education: p.education, TeachingExperience: p.teaching,
			PerformanceExperience: p.performance, Bio: p.bio, Status: p.status, Photo: photos[i]}
		if p.residentMonths > 0 {
			m.WAResidentSince = f.today.AddMonths(-p.residentMonths).FirstOfMonth()
		}
		id, err := f.ops.SaveMentor(f.ctx, data.MentorRecords{Mentor: m})
		if err != nil {
			return fmt.Errorf("mentor %s: %w", p.email, err)
		}
		m.ID = id
		f.mentors[p.key] = &m
		for _, c := range f.checksFor(p, m) {
			if err := f.s.SaveCheck(f.ctx, c); err != nil {
				return fmt.Errorf("check of %s: %w", p.email, err)
			}
		}
		for _, c := range f.contractsFor(p, m) {
			if err := f.s.SaveContract(f.ctx, c); err != nil {
				return fmt.Errorf("contract of %s: %w", p.email, err)
			}
		}
	}
	return nil
}

// checksFor dates a mentor's checks so that, on today, R7 gives the person's standing.
func (f *filler) checksFor(p person, m data.Mentor) []data.Check {
	t := f.today
	var out []data.Check
	// add records a WSP check and, where R7 asks for one, an FBI check of the same day.
	add := func(on data.Date, wsp data.CheckResult, withFBI bool) {
		out = append(out, data.Check{MentorID: m.ID, MentorEmail: m.Email, Kind: data.WSP, CompletedOn: on, Result: wsp})
		if withFBI && data.FBICheckRequired(m.WAResidentSince, on) {
			out = append(out, data.Check{MentorID: m.ID, MentorEmail: m.Email, Kind: data.FBI, CompletedOn: on, Result: data.Clear})
		}
	}
	// renewed is the check a year before latest, a little early so cover never lapses.
	renewed := func(latest data.Date) data.Date { return latest.AddYears(-1).AddDays(f.rng.IntN(12)) }
	newcomer := p.contracts == thisYearOnly || p.contracts == noContract
	switch p.standing {
	case cleared:
		latest := t.AddDays(-20 - f.rng.IntN(300))
		if !newcomer {
			add(renewed(latest), data.Clear, true)
		}
		add(latest, data.Clear, true)
	case expiring:
		latest := t.AddYears(-1).AddDays(8 + f.rng.IntN(15))
		add(renewed(latest), data.Clear, true)
		add(latest, data.Clear, true)
	case expired:
		latest := t.AddYears(-1).AddDays(-15 - f.rng.IntN(25))
		add(renewed(latest), data.Clear, true)
		add(latest, data.Clear, true)
	case lapsed:
		latest := t.AddYears(-1).AddDays(-60 - f.rng.IntN(120))
		add(renewed(latest), data.Clear, true)
		add(latest, data.Clear, true)
	case fbiMissing:
		add(t.AddDays(-40-f.rng.IntN(50)), data.Clear, false)
	case fbiPending:
		wsp := t.AddDays(-30 - f.rng.IntN(10))
		add(wsp, data.Clear, false)
		out = append(out, data.Check{MentorID: m.ID, MentorEmail: m.Email, Kind: data.FBI, CompletedOn: t.AddDays(-12), Result: data.Pending})
	case notClear:
		add(t.AddDays(-20), data.NotClear, false)
	case wspPending:
		add(t.AddDays(-6), data.Pending, false)
	}
	return out
}

// contractsFor signs contracts in the weeks before each school year starts.
func (f *filler) contractsFor(p person, m data.Mentor) []data.Contract {
	var years []data.SchoolYear
	switch p.contracts {
	case bothYears:
		years = []data.SchoolYear{f.last, f.this}
	case thisYearOnly:
		years = []data.SchoolYear{f.this}
	case lastYearOnly:
		years = []data.SchoolYear{f.last}
	}
	var out []data.Contract
	for _, y := range years {
		signed := data.DateOf(int(y), 8, 12).AddDays(f.rng.IntN(24))
		if signed > f.today {
			continue // not back yet: the year has only just begun
		}
		out = append(out, data.Contract{MentorID: m.ID, MentorEmail: m.Email, SchoolYear: y, SignedOn: signed})
	}
	return out
}
