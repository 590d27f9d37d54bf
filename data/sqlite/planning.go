package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"mentordesk/data"
)

// DefaultEventName names a term's event when the classroom has none on the date given.
const DefaultEventName = "Concert"

// PlanInput is data.PlanInput: the type moved to the domain, the name kept for the store's callers.
type PlanInput = data.PlanInput

// PlanRequest gathers what R9 needs for an enrollment: the classroom(s) and their school
// calendars, the term events, the mentor's other sessions, and R7/R8 flags in words.
func (s *Store) PlanRequest(ctx context.Context, in PlanInput) (data.PlanRequest, error) {
	var r data.PlanRequest
	set, err := s.Settings(ctx)
	if err != nil {
		return r, err
	}
	mentor, err := s.Mentor(ctx, in.MentorID)
	if err != nil {
		return r, err
	}
	mentor.Photo = nil
	from, err := s.termPlace(ctx, in.ClassroomID)
	if err != nil {
		return r, err
	}
	var to data.TermPlace
	if in.Program == data.Bridge && in.ToClassroomID != 0 {
		if to, err = s.termPlace(ctx, in.ToClassroomID); err != nil {
			return r, err
		}
	}
	events := make([]data.Event, len(in.Events))
	for i, d := range in.Events {
		room := from.Classroom
		if in.Program == data.Bridge && i == 1 {
			room = to.Classroom
		}
		name := ""
		if i < len(in.EventNames) {
			name = strings.TrimSpace(in.EventNames[i])
		}
		if name == "" && !d.IsZero() {
			if name, err = s.eventName(ctx, room.ID, d); err != nil {
				return r, err
			}
		}
		events[i] = data.Event{ClassroomID: room.ID, School: room.School, Classroom: room.Name, Date: d, Name: name}
	}
	terms, err := data.BuildPlanTerms(in.Program, in.Evaluation, in.FallSessions, from, to, events)
	if err != nil {
		return r, err
	}
	r = data.PlanRequest{Program: in.Program, Evaluation: in.Evaluation, Mentor: mentor, Terms: terms, Start: set.SchoolYearStart}
	if r.Zone, err = time.LoadLocation(set.OrgTimezone); err != nil {
		return r, fmt.Errorf("org.timezone: %q is not an IANA time zone: %w", set.OrgTimezone, err)
	}
	first, _ := set.SchoolYear(terms[0].EventDate).Bounds(set.SchoolYearStart)
	if r.Existing, err = s.Sessions(ctx, SessionFilter{MentorID: mentor.ID, From: first, Through: terms[len(terms)-1].EventDate}); err != nil {
		return r, err
	}
	if r.Eligible, err = s.eligibility(ctx, mentor, set.SchoolYearStart); err != nil {
		return r, err
	}
	return r, nil
}

// termPlace reads a classroom with its school's calendar.
func (s *Store) termPlace(ctx context.Context, classroomID int64) (data.TermPlace, error) {
	c, err := s.Classroom(ctx, classroomID)
	if err != nil {
		return data.TermPlace{}, err
	}
	var calendarID int64
	if err := s.r.QueryRowContext(ctx, "SELECT COALESCE(calendar_id, 0) FROM schools WHERE id = ?", c.SchoolID).Scan(&calendarID); err != nil {
		return data.TermPlace{}, fmt.Errorf("school of classroom %q: %w", c.Name, err)
	}
	if calendarID == 0 {
		return data.TermPlace{}, fmt.Errorf("%s has no school calendar: give it one under Schools before planning sessions there", c.School)
	}
	cal, err := s.Calendar(ctx, calendarID)
	if err != nil {
		return data.TermPlace{}, err
	}
	return data.TermPlace{Classroom: c, Calendar: cal}, nil
}

// eventName is the name of the classroom's event on d, or DefaultEventName.
func (s *Store) eventName(ctx context.Context, classroomID int64, d data.Date) (string, error) {
	var name string
	err := s.r.QueryRowContext(ctx, "SELECT name FROM events WHERE classroom_id = ? AND date = ?", classroomID, dv(d)).Scan(&name)
	switch {
	case errors.Is(err, sql.ErrNoRows) || (err == nil && strings.TrimSpace(name) == ""):
		return DefaultEventName, nil
	case err != nil:
		return "", fmt.Errorf("event of %s: %w", d, err)
	}
	return name, nil
}

// eligibility returns the R7/R8 flags of a mentor on a day, in words: not cleared, no contract.
func (s *Store) eligibility(ctx context.Context, m data.Mentor, start data.MonthDay) (func(data.Date) []string, error) {
	checks, err := s.Checks(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	contracts, err := s.Contracts(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	return func(d data.Date) []string { return data.SessionFlags(m, checks, contracts, d, start) }, nil
}

// PlanConflictError is a plan that no longer fits what the database holds; nothing was saved.
type PlanConflictError struct{ Problems []string }

func (e *PlanConflictError) Error() string {
	return "the plan no longer fits and was not saved:\n" + strings.Join(e.Problems, "\n")
}

// SavePlan saves a planned enrollment with its sessions in one transaction. Inside it, the plan
// is checked again (R9) against the mentor's sessions as they are now, and against other
// sessions of the same classrooms, so two plans saved at once can never double-book.
func (s *Store) SavePlan(ctx context.Context, r data.PlanRequest, planned []data.PlannedSession) (int64, error) {
	if len(planned) == 0 {
		return 0, errors.New("the plan has no sessions")
	}
	e, sessions := data.PlannedEnrollment(r, planned)
	if err := e.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if problems, err := s.recheckPlan(ctx, tx, r, planned); err != nil {
			return err
		} else if len(problems) > 0 {
			return &PlanConflictError{problems}
		}
		var err error
		if id, err = createEnrollmentTx(tx, e); err != nil {
			return fmt.Errorf("save enrollment: %w", err)
		}
		if err := saveTermEventsTx(tx, r.Terms); err != nil {
			return err
		}
		for _, x := range sessions {
			x.EnrollmentID = id
			if err := x.Validate(); err != nil {
				return fmt.Errorf("session of %s: %w", x.Date, err)
			}
			if _, err := saveSessionTx(tx, x); err != nil {
				return fmt.Errorf("session of %s: %w", x.Date, friendlySessionErr(err))
			}
		}
		return nil
	})
	return id, err
}

// saveTermEventsTx keeps each term's event among its classroom's events, so the concert typed
// in a new enrollment shows on the classroom, the calendars and in the events export. An event
// already on that date keeps its name unless the director typed another.
func saveTermEventsTx(tx *sql.Tx, terms []data.PlanTerm) error {
	for _, t := range terms {
		if t.EventDate.IsZero() {
			continue
		}
		name := strings.TrimSpace(t.EventName)
		if name == "" {
			name = DefaultEventName
		}
		e := data.Event{ClassroomID: t.Classroom.ID, Date: t.EventDate, Name: name}
		if err := e.Validate(); err != nil {
			return fmt.Errorf("term %d event: %w", t.Index, err)
		}
		if _, err := tx.Exec(`INSERT INTO events(classroom_id, date, name) VALUES (?,?,?)
			ON CONFLICT(classroom_id, date) DO UPDATE SET name = excluded.name WHERE excluded.name != ?`,
			e.ClassroomID, dv(e.Date), e.Name, DefaultEventName); err != nil {
			return fmt.Errorf("term %d event: %w", t.Index, err)
		}
	}
	return nil
}

// TakenSlots is data.TakenSlots: the type moved to the domain, the name kept for the store's callers.
type TakenSlots = data.TakenSlots

// TakenSlots reads the sessions (not cancelled) of the request's classrooms from the first day
// of the first term's school year through the last event.
func (s *Store) TakenSlots(ctx context.Context, r data.PlanRequest) (TakenSlots, error) {
	return takenSlots(ctx, s.r, r)
}

func takenSlots(ctx context.Context, db querier, r data.PlanRequest) (TakenSlots, error) {
	out := TakenSlots{}
	if len(r.Terms) == 0 {
		return out, nil
	}
	start := r.Start
	if start.Month == 0 {
		start = data.DefaultSchoolYearStart
	}
	first, _ := data.SchoolYearOf(r.Terms[0].EventDate, start).Bounds(start)
	last := r.Terms[len(r.Terms)-1].EventDate
	for _, t := range r.Terms {
		rows, err := db.QueryContext(ctx, `SELECT x.date, x.start, m.first_name || ' ' || m.last_name FROM sessions x
			JOIN mentors m ON m.id = x.mentor_id WHERE x.classroom_id = ? AND x.date >= ? AND x.date <= ? AND x.status != 'cancelled'`,
			t.Classroom.ID, dv(first), dv(last))
		if err != nil {
			return nil, fmt.Errorf("sessions of %s: %w", t.Classroom.Name, err)
		}
		for rows.Next() {
			var d data.Date
			var start data.Clock
			var who string
			if err := rows.Scan(dt(&d), &start, &who); err != nil {
				rows.Close()
				return nil, err
			}
			out.Take(t.Classroom.ID, d, start, who)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recheckPlan runs CheckPlan against the mentor's current sessions and names classroom slots
// another mentor took meanwhile.
func (s *Store) recheckPlan(ctx context.Context, tx *sql.Tx, r data.PlanRequest, planned []data.PlannedSession) ([]string, error) {
	low, high := planned[0].Date, planned[0].Date
	for _, p := range planned {
		low, high = min(low, p.Date), max(high, p.Date)
	}
	existing, err := s.querySessions(ctx, tx, SessionFilter{MentorID: r.Mentor.ID, From: low, Through: high})
	if err != nil {
		return nil, err
	}
	r.Existing = existing
	problems := r.CheckPlan(planned)
	taken, err := takenSlots(ctx, tx, r)
	if err != nil {
		return nil, err
	}
	for _, p := range planned {
		if why := taken.Problem(p); why != "" {
			problems = append(problems, fmt.Sprintf("term %d: %s", p.Term, why))
		}
	}
	return problems, nil
}

// EnrollmentSessions returns the sessions of every enrollment of a school year, by enrollment
// (Bridge fall sessions of the next school year included).
func (s *Store) EnrollmentSessions(ctx context.Context, year data.SchoolYear) (map[int64][]data.Session, error) {
	q := "SELECT " + sessionCols + sessionFrom + ` JOIN enrollments e ON e.id = x.enrollment_id
		WHERE e.school_year = ? ORDER BY x.date, x.start`
	rows, err := s.r.QueryContext(ctx, q, year)
	if err != nil {
		return nil, fmt.Errorf("sessions of %s's enrollments: %w", year, err)
	}
	defer rows.Close()
	out := map[int64][]data.Session{}
	for rows.Next() {
		var x data.Session
		if err := scanSession(rows, &x); err != nil {
			return nil, err
		}
		out[x.EnrollmentID] = append(out[x.EnrollmentID], x)
	}
	return out, rows.Err()
}

// SessionsChangedOn is the newest day any of the mentor's sessions was confirmed, moved or
// cancelled by an early end; zero when none was.
func (s *Store) SessionsChangedOn(ctx context.Context, mentorID int64) (data.Date, error) {
	var d data.Date
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(d), '') FROM (
			SELECT MAX(confirmed_on) AS d FROM sessions WHERE mentor_id = ?1
			UNION ALL SELECT MAX(v.moved_on) FROM session_moves v JOIN sessions x ON x.id = v.session_id WHERE x.mentor_id = ?1
			UNION ALL SELECT MAX(e.ended_on) FROM enrollments e WHERE e.mentor_id = ?1)`, mentorID).Scan(dt(&d))
	if err != nil {
		return 0, fmt.Errorf("latest change of the mentor's sessions: %w", err)
	}
	return d, nil
}
