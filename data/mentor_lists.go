package data

// The mentor list's filter and what a mentor's deletion would take with it.

// MentorFilter narrows the mentor list; empty fields match everything.
type MentorFilter struct {
	Search     string // any of name, e-mail, instrument
	Status     MentorStatus
	Instrument string
	WithPhotos bool
}

// MentorDependents counts what would go with a mentor, and what forbids deleting them.
type MentorDependents struct {
	Checks, Contracts, Sessions, Enrollments, Statements int
}
