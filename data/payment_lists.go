package data

// Payments' read models and filters: what the store lists and the screens and commands show.

// StatementSummary is one statement without its lines, as lists show it.
type StatementSummary struct {
	Number      int
	IssuedOn    Date
	MentorID    int64
	MentorEmail string
	MentorName  string
	SchoolID    int64
	School      string
	VisitDate   Date
	Adjusts     int
	Reason      string
	Sessions    int // session lines
	Total       Money
	Status      StatementStatus
	PaidOn      Date
	PaidRef     string
}

// MentorBalance is everything one mentor is owed (issued, not yet paid) and has been paid.
type MentorBalance struct {
	MentorID    int64
	MentorName  string
	MentorEmail string
	Statements  int // including adjustments
	Adjustments int
	Balance
}

// Total is owed and paid together: the sum of every statement and adjustment.
func (b MentorBalance) Total() Money { return b.Owed + b.Paid }

// YearEnd is what the year-end view shows: totals per mentor per calendar year (statements and
// adjustments by issue date) and the 1099-NEC threshold they were marked against.
type YearEnd struct {
	Threshold Money
	Totals    []YearTotal
}

// StatementChoices are what the statement list can be filtered by: the mentors and schools
// with at least one statement, by name, and how many statements there are in all.
type StatementChoices struct {
	Mentors, Schools []IDName
	Count            int
}

// IDName is a person or place a list can be filtered by.
type IDName struct {
	ID   int64
	Name string
}

// StatementFilter selects statements; zero fields match everything.
type StatementFilter struct {
	Number        int
	MentorID      int64
	SchoolID      int64
	Status        StatementStatus
	From, Through Date // visit date
	IssuedFrom    Date
	IssuedThrough Date
	Adjusts       int // the adjustments of this statement number
}
