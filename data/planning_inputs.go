package data

import "fmt"

// What the director chooses for a new enrollment, what a plan saves, and the classroom times
// other sessions hold: the planner's inputs and outcomes beside R9.

// PlanInput is what the director chooses for a new enrollment; PlanRequest fills in the rest.
type PlanInput struct {
	Program       Program
	ClassroomID   int64
	MentorID      int64
	Evaluation    bool     // Focused
	ToClassroomID int64    // Bridge: the receiving classroom of the fall term
	FallSessions  int      // Bridge: 1 or 2
	Events        []Date   // one per term, in date order
	EventNames    []string // optional, per term; empty ones are looked up, else the store's default event name
}

// PlannedEnrollment turns a request and its (possibly edited) sessions into the enrollment and
// planned sessions to save. The enrollment's school year is that of the first term's event.
func PlannedEnrollment(r PlanRequest, planned []PlannedSession) (Enrollment, []Session) {
	start := r.Start
	if start.Month == 0 {
		start = DefaultSchoolYearStart
	}
	e := Enrollment{Program: r.Program, MentorID: r.Mentor.ID, Evaluation: r.Evaluation, Status: EnrollmentActive}
	if len(r.Terms) > 0 {
		e.ClassroomID = r.Terms[0].Classroom.ID
		e.SchoolYear = SchoolYearOf(r.Terms[0].EventDate, start)
	}
	if r.Program == Bridge && len(r.Terms) == 2 {
		e.ToClassroomID, e.FallSessions = r.Terms[1].Classroom.ID, r.Terms[1].Required
	}
	for _, t := range r.Terms {
		e.Terms = append(e.Terms, Term{Index: t.Index, ClassroomID: t.Classroom.ID, EventDate: t.EventDate,
			EventName: t.EventName, Required: t.Required})
	}
	sessions := make([]Session, len(planned))
	for i, p := range planned {
		sessions[i] = Session{Term: p.Term, ClassroomID: p.ClassroomID, MentorID: r.Mentor.ID, Date: p.Date,
			Start: p.Start, Minutes: p.Minutes, Program: r.Program, Status: Planned, Focus: p.Focus}
	}
	return e, sessions
}

// TakenSlots are the classroom times of a plan's classrooms that other sessions already hold:
// R9 keeps the mentor's own diary, and this keeps a classroom from holding two sessions at once.
type TakenSlots map[takenKey]string

type takenKey struct {
	classroom int64
	date      Date
	start     Clock
}

// Problem says why p cannot take its classroom time, or "".
func (t TakenSlots) Problem(p PlannedSession) string {
	if who, ok := t[takenKey{p.ClassroomID, p.Date, p.Start}]; ok {
		return fmt.Sprintf("the classroom already has a session with %s at %s on %s", who, p.Start, p.Date)
	}
	return ""
}

// Take records that who holds a classroom's time on a day.
func (t TakenSlots) Take(classroomID int64, d Date, start Clock, who string) {
	t[takenKey{classroomID, d, start}] = who
}
