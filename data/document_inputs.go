package data

// Document inputs: what the store gathers for a contract, a statement, a sign-off sheet or a schedule.

// Assignment is one classroom a mentor takes on in a school year, as the contract lists it.
type Assignment struct {
	EnrollmentID int64
	School       string
	Classroom    string
	Program      Program
	Sessions     int // the program's sessions at this classroom; those not cancelled once ended early
}

// ContractInput is a mentor and their assignments of one school year.
type ContractInput struct {
	Mentor      Mentor
	Year        SchoolYear
	Assignments []Assignment
}

// StatementPrint is a statement with the mentor it pays, as its PDF needs them.
type StatementPrint struct {
	Statement Statement
	Mentor    Mentor
}

// StatementRef names a statement in a list to choose from.
type StatementRef struct {
	Number     int
	Adjusts    int
	IssuedOn   Date
	VisitDate  Date
	MentorName string
	School     string
}

// VisitPlace is one visit of a mentor: a school and a date.
type VisitPlace struct {
	SchoolID int64
	School   string
	Date     Date
}

// VisitSheet is what a visit's sign-off sheet prints.
type VisitSheet struct {
	MentorName string
	School     string
	Date       Date
	Instructor string // the one instructor of the visit's classrooms; "" when none or several
	Sessions   []Session
}

// Schedule is one mentor's sessions with a classroom over a school year, for the instructor's
// handout: their enrollments there merged (an extra season continues the first), with the events
// the terms build up to.
type Schedule struct {
	MentorID    int64
	MentorName  string
	MentorEmail string
	Program     Program
	Instructor  string
	School      string
	Classroom   string
	Sessions    []Session
	Events      []Event
}
