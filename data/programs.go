package data

import (
	"fmt"
	"strings"
)

// Program is what an instructor signs a classroom up for.
type Program string

const (
	Focused Program = "focused"
	Season  Program = "season"
	Bridge  Program = "bridge"
)

var Programs = []Program{Focused, Season, Bridge}

// Title is the program's name as the organisation writes it.
func (p Program) Title() string {
	switch p {
	case Focused:
		return "Focused Mentorship"
	case Season:
		return "Season Mentorship"
	case Bridge:
		return "Bridge Mentorship"
	}
	return string(p)
}

// ParseProgram reads a program value of §5.
func ParseProgram(s string) (Program, error) {
	p := Program(strings.ToLower(strings.TrimSpace(s)))
	if !oneOf(p, Programs) {
		return "", fmt.Errorf("%q is not a program (focused, season, bridge)", s)
	}
	return p, nil
}

// EnrollmentStatus tells whether an enrollment still runs.
type EnrollmentStatus string

const (
	EnrollmentActive EnrollmentStatus = "active"
	EnrollmentEnded  EnrollmentStatus = "ended" // ended early by the instructor
	EnrollmentDone   EnrollmentStatus = "done"  // every term delivered
)

// Enrollment signs one classroom (and for Bridge, a receiving classroom) up for a program
// with a mentor for a school year.
type Enrollment struct {
	ID            int64
	Program       Program
	ClassroomID   int64
	MentorID      int64
	SchoolYear    SchoolYear
	Evaluation    bool  // Focused: an evaluation session opens the year
	ToClassroomID int64 // Bridge: the receiving classroom next fall
	FallSessions  int   // Bridge: 1 or 2
	Status        EnrollmentStatus
	EndedOn       Date
	EndReason     string
	ExtendsID     int64 // Season: the enrollment whose extra-season request created this one
	Terms         []Term
}

// Term is one stretch of an enrollment leading up to an event.
type Term struct {
	Index       int // 1-based
	ClassroomID int64
	EventDate   Date
	EventName   string
	Required    int // sessions the program requires in this term
}

// SessionsRequired returns the sessions each term needs, by program (R9 and §1):
// Focused 3+3+3 (4+3+3 with evaluation), Season 3, Bridge 2 in spring then 1 or 2 in fall.
func SessionsRequired(p Program, evaluation bool, fallSessions int) ([]int, error) {
	switch p {
	case Focused:
		if evaluation {
			return []int{4, 3, 3}, nil
		}
		return []int{3, 3, 3}, nil
	case Season:
		if evaluation {
			return nil, fmt.Errorf("an evaluation session belongs to Focused Mentorship only")
		}
		return []int{3}, nil
	case Bridge:
		if fallSessions != 1 && fallSessions != 2 {
			return nil, fmt.Errorf("Bridge Mentorship has 1 or 2 fall sessions, not %d", fallSessions)
		}
		return []int{2, fallSessions}, nil
	}
	return nil, fmt.Errorf("%q is not a program", p)
}

// Total is the number of sessions the enrollment commits to.
func (e Enrollment) Total() int {
	n := 0
	for _, t := range e.Terms {
		n += t.Required
	}
	return n
}

func (e Enrollment) Validate() error {
	var p Problems
	counts, err := SessionsRequired(e.Program, e.Evaluation, e.FallSessions)
	if err != nil {
		p.add("program", "%s", err.Error())
	}
	if e.ClassroomID == 0 {
		p.add("classroom", "is required")
	}
	if e.MentorID == 0 {
		p.add("mentor_email", "is required")
	}
	if e.SchoolYear == 0 {
		p.add("school_year", "is required")
	}
	if e.Program == Bridge && e.ToClassroomID == 0 {
		p.add("to_classroom", "is required for Bridge Mentorship (the receiving classroom)")
	}
	if err == nil && len(e.Terms) != len(counts) {
		p.add("events", "%s needs %d term event(s), got %d", e.Program.Title(), len(counts), len(e.Terms))
	}
	for i := 1; i < len(e.Terms); i++ {
		if e.Terms[i].EventDate <= e.Terms[i-1].EventDate {
			p.add("events", "term %d's event (%s) must come after term %d's (%s)", i+1, e.Terms[i].EventDate, i, e.Terms[i-1].EventDate)
		}
	}
	return p.err()
}

// SessionStatus is a session's place in its lifecycle.
type SessionStatus string

const (
	Planned   SessionStatus = "planned"
	Completed SessionStatus = "completed"
	Confirmed SessionStatus = "confirmed"
	Cancelled SessionStatus = "cancelled"
)

var SessionStatuses = []SessionStatus{Planned, Completed, Confirmed, Cancelled}

// Punctuality records how the mentor turned up.
type Punctuality string

const (
	PunctualityUnknown Punctuality = ""
	OnTime             Punctuality = "on_time"
	Late               Punctuality = "late"
	Absent             Punctuality = "absent"
)

// Session is one mentor with one classroom on one date and time.
type Session struct {
	ID           int64
	EnrollmentID int64 // zero for a session imported without an enrollment
	Term         int
	ClassroomID  int64
	MentorID     int64
	Date         Date
	Start        Clock
	Minutes      int
	Program      Program
	Status       SessionStatus
	ConfirmedOn  Date
	ConfirmedBy  string // the instructor's name
	ConfirmedHow string // e-mail, phone, signed sheet
	CancelReason string
	CancelledBy  string
	Focus        string
	Notes        string
	Punctuality  Punctuality
	StatementID  int64 // set when an issued statement pays it: the session is locked
	// OverrideReason is why the director confirmed or paid the session though R7 or R8 flagged
	// it; the director's own record, never printed for schools.
	OverrideReason string

	// Natural keys and names, filled by stores and imports.
	School      string
	SchoolID    int64
	Classroom   string
	MentorEmail string
	MentorName  string
}

// End is the time the session ends.
func (s Session) End() Clock { return s.Start.Add(s.Minutes) }

// Locked reports whether an issued statement pays the session (R6).
func (s Session) Locked() bool { return s.StatementID != 0 }

func (s Session) Validate() error {
	var p Problems
	p.date("date", s.Date, true)
	if s.Start < 0 || s.Start >= 24*60 {
		p.add("start", "is not a time of day")
	}
	if s.Minutes < 5 || s.Minutes > 240 {
		p.add("minutes", "%d is not a session length (5 to 240 minutes)", s.Minutes)
	}
	if s.ClassroomID == 0 {
		p.text("school", s.School, true, 200)
		p.text("classroom", s.Classroom, true, 200)
	}
	if s.MentorID == 0 {
		p.email("mentor_email", s.MentorEmail, true)
	}
	if !oneOf(s.Program, Programs) {
		p.add("program", "%q is not a program (focused, season, bridge)", s.Program)
	}
	if !oneOf(s.Status, SessionStatuses) {
		p.add("status", "%q is not a session status (planned, completed, confirmed, cancelled)", s.Status)
	}
	switch {
	case s.Status == Confirmed && s.ConfirmedOn.IsZero():
		p.add("confirmed_on", "is required for a confirmed session")
	case s.Status != Confirmed && !s.ConfirmedOn.IsZero():
		p.add("confirmed_on", "is set but the session is %s, not confirmed", s.Status)
	case s.Status == Confirmed && s.ConfirmedOn < s.Date:
		p.add("confirmed_on", "%s is before the session's date %s", s.ConfirmedOn, s.Date)
	}
	if !oneOf(s.Punctuality, []Punctuality{PunctualityUnknown, OnTime, Late, Absent}) {
		p.add("punctuality", "%q is not on_time, late or absent", s.Punctuality)
	}
	p.text("focus", s.Focus, false, 300)
	p.text("notes", s.Notes, false, maxText)
	p.text("cancel_reason", s.CancelReason, false, 500)
	p.text("override_reason", s.OverrideReason, false, 500)
	return p.err()
}

// SessionMove records a reschedule, so a session keeps its history.
type SessionMove struct {
	SessionID int64
	FromDate  Date
	FromStart Clock
	ToDate    Date
	ToStart   Clock
	MovedOn   Date
	Reason    string
}

// SeasonRequest is an instructor's request for another season; the mentor accepts or declines.
type SeasonRequest struct {
	ID           int64
	EnrollmentID int64
	RequestedOn  Date
	Decision     string // pending, accepted, declined
	DecidedOn    Date
	NewID        int64 // the Season enrollment an acceptance created
}
