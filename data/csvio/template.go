package csvio

import (
	"bytes"

	"mentordesk/data"
)

// Template returns the header of a kind and one realistic example row, as a file a director
// downloads, fills in a spreadsheet and imports; nil for an unknown kind. Each example row is
// valid for its reader.
func Template(k Kind) []byte {
	var buf bytes.Buffer
	var err error
	d := data.MustDate
	switch k {
	case Mentors:
		err = WriteMentors(&buf, []data.Mentor{{
			FirstName: "Maya", LastName: "Okafor", Email: "maya.okafor@example.org",
			Phone: "(206) 555-0142", Address: "1200 Pine St, Seattle, WA 98101",
			Instruments:           []string{"Trumpet", "Jazz improvisation"},
			Education:             "B.M. Jazz Studies, University of Washington",
			TeachingExperience:    "Eight years of private lessons and middle-school brass sectionals",
			PerformanceExperience: "Lead trumpet, Seattle Repertory Jazz Orchestra",
			Bio:                   "Maya helps young brass players find a big, relaxed sound.",
			WAResidentSince:       d("2019-08-15"), Status: data.Active,
		}}, "", "")
	case Checks:
		err = WriteChecks(&buf, []data.Check{{MentorEmail: "maya.okafor@example.org", Kind: data.WSP, CompletedOn: d("2026-02-10"), Result: data.Clear}})
	case Contracts:
		err = WriteContracts(&buf, []data.Contract{{MentorEmail: "maya.okafor@example.org", SchoolYear: 2026, SignedOn: d("2026-08-20")}})
	case Schools:
		err = WriteSchools(&buf, []data.School{{Name: "Whitman Middle School", District: "Seattle Public Schools", Level: data.Middle, Address: "9201 15th Ave NW, Seattle, WA 98117", Calendar: "Seattle Public Schools"}})
	case Calendars:
		err = WriteCalendarDays(&buf, []data.CalendarDay{{Calendar: "Seattle Public Schools", Date: d("2026-09-02"), Kind: data.FirstDay, Label: "First day of school"}})
	case Instructors:
		err = WriteInstructors(&buf, []data.Instructor{{FirstName: "Daniel", LastName: "Reyes", Email: "dreyes@example.org", Phone: "(206) 555-0178", School: "Whitman Middle School"}})
	case Classrooms:
		err = WriteClassrooms(&buf, []data.Classroom{{School: "Whitman Middle School", Name: "7th Grade Band", Ensemble: "band", Grade: "7", InstructorEmail: "dreyes@example.org", MeetingDays: mustWeekdays("Mon;Wed;Fri"), PeriodStart: data.ClockOf(9, 40), PeriodMinutes: 50}})
	case Events:
		err = WriteEvents(&buf, []data.Event{{School: "Whitman Middle School", Classroom: "7th Grade Band", Date: d("2026-12-10"), Name: "Winter Concert"}})
	case Sessions:
		err = WriteSessions(&buf, []data.Session{{Date: d("2026-10-14"), Start: data.ClockOf(9, 40), Minutes: 50, School: "Whitman Middle School", Classroom: "7th Grade Band", MentorEmail: "maya.okafor@example.org", Program: data.Focused, Status: data.Confirmed, ConfirmedOn: d("2026-10-15"), Focus: "Winter Concert repertoire", Notes: "Trumpet and trombone sectional in the practice room",
			Punctuality: data.OnTime, ConfirmedBy: "Daniel Reyes", ConfirmedHow: "e-mail"}})
	case Enrollments:
		err = WriteEnrollments(&buf, []EnrollmentRow{{MentorEmail: "maya.okafor@example.org", School: "Whitman Middle School", Classroom: "7th Grade Band",
			SchoolYear: 2026, Program: data.Focused, Events: []data.Date{d("2026-12-10"), d("2027-03-18"), d("2027-06-03")}, Status: data.EnrollmentActive}})
	case Decisions:
		err = WriteDecisions(&buf, []DecisionRow{{MentorEmail: "maya.okafor@example.org", ReviewDecision: data.ReviewDecision{DecidedOn: d("2027-01-15"), Decision: "coach", Reason: "Two late arrivals this term; talked through setting up on time."}}})
	case Settings:
		err = WriteSettings(&buf, []Setting{{Key: "org.name", Value: "Harmony Bridge Music Mentors"}}, "", "")
	case Applicants:
		err = WriteApplicants(&buf, []data.Applicant{{Cohort: "Spring 2027", FirstName: "Priya", LastName: "Natarajan", Email: "pnatarajan@example.org", School: "Eckstein Middle School", CareerStage: data.Early, YearsTeaching: 2, Strengths: []string{"choir", "sight-reading"}, Passions: []string{"world music"}, Growth: []string{"classroom management", "jazz band"}}})
	case Payments:
		err = WritePayments(&buf, []data.Statement{{Number: 1, IssuedOn: d("2026-11-02"), MentorEmail: "maya.okafor@example.org", School: "Whitman Middle School", VisitDate: d("2026-10-14"), Status: data.Issued,
			Lines: []data.StatementLine{{Kind: data.SessionLine, Amount: 12000}, {Kind: data.SessionLine, Amount: 12000}}}})
	case Feedback:
		err = WriteFeedback(&buf, []FeedbackRow{{
			Place: templatePlace,
			Feedback: data.Feedback{Term: 1, GivenOn: d("2026-12-18"), Comment: "Students are more confident in sectionals.",
				Ratings: map[string]int{"preparation": 5, "rapport": 4, "musical_progress": 4, "punctuality": 5}}}})
	case Surveys:
		err = WriteSurveys(&buf, []SurveyRow{{
			Place: templatePlace,
			Survey: data.Survey{Term: 1, TakenOn: d("2026-12-16"), Responses: 24,
				Averages: map[string]float64{"preparation": 4.5, "rapport": 4.25, "musical_progress": 4, "enjoyment": 4.75}}}})
	default:
		return nil
	}
	if err != nil {
		panic(err) // writing known values to memory cannot fail
	}
	return buf.Bytes()
}

// templatePlace is the enrollment the feedback and survey templates name.
var templatePlace = Place{MentorEmail: "maya.okafor@example.org", School: "Whitman Middle School", Classroom: "7th Grade Band", SchoolYear: 2026}

func mustWeekdays(s string) data.Weekdays {
	w, err := data.ParseWeekdays(s)
	if err != nil {
		panic(err)
	}
	return w
}
