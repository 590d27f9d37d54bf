package data

// The sessions lists' filter and the instructors' confirmations: read models of the store.

// SessionFilter selects sessions; zero fields match everything. From/Through bound the date
// (inclusive), so a calendar asks only for the days it shows.
type SessionFilter struct {
	From, Through Date
	MentorID      int64
	SchoolID      int64
	ClassroomID   int64
	EnrollmentID  int64
	Program       Program
	Status        SessionStatus
	Limit         int
}

// Confirmation is the instructor's confirmation of sessions.
type Confirmation struct {
	On  Date
	By  string
	How string // e-mail, phone, signed sheet
	// Override is the director's reason for confirming sessions flagged by R7/R8; required when
	// one of them is flagged and has none recorded yet, kept with each flagged session.
	Override string
}
