package data

// The review records' read models: enrollments as the review screens name them, and filters.

// EnrollmentPlace names an enrollment as the review screens and files show it.
type EnrollmentPlace struct {
	EnrollmentID int64
	MentorID     int64
	MentorEmail  string
	MentorName   string
	Program      Program
	School       string
	Classroom    string
	SchoolYear   SchoolYear
	Terms        int // the enrollment's terms, at least 1
}

// Label reads like "2026-27 · Whitman Middle School · 7th Grade Band".
func (p EnrollmentPlace) Label() string {
	return p.SchoolYear.String() + " · " + p.School + " · " + p.Classroom
}

// ReviewFilter chooses the feedback, surveys or places of one enrollment or of one mentor;
// the zero filter chooses all.
type ReviewFilter struct {
	EnrollmentID int64
	MentorID     int64
}

// SurveyEntry is a student survey summary with the enrollment it is about.
type SurveyEntry struct {
	Survey
	Place EnrollmentPlace
}

// FeedbackEntry is an instructor's feedback with the enrollment it rates.
type FeedbackEntry struct {
	Feedback
	Place EnrollmentPlace
}
