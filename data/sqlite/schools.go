package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"mentordesk/data"
)

// Schools lists schools by name with their district and calendar names.
func (s *Store) Schools(ctx context.Context) ([]data.School, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT s.id, s.name, s.district_id, d.name, s.level, s.address,
		COALESCE(s.calendar_id, 0), COALESCE(c.name, '')
		FROM schools s JOIN districts d ON d.id = s.district_id LEFT JOIN calendars c ON c.id = s.calendar_id
		ORDER BY s.name`)
	if err != nil {
		return nil, fmt.Errorf("list schools: %w", err)
	}
	defer rows.Close()
	var out []data.School
	for rows.Next() {
		var x data.School
		if err := rows.Scan(&x.ID, &x.Name, &x.DistrictID, &x.District, &x.Level, &x.Address, &x.CalendarID, &x.Calendar); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveSchool inserts or updates a school; its district and calendar are found or created by name.
func (s *Store) SaveSchool(ctx context.Context, x data.School) (int64, error) {
	if err := x.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := saveSchoolTx(tx, x)
		x.ID = id
		return err
	})
	return x.ID, err
}

func nameID(tx *sql.Tx, table, name string) (int64, error) {
	var id int64
	err := tx.QueryRow("SELECT id FROM "+table+" WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.Exec("INSERT INTO "+table+"(name) VALUES (?)", name)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return id, err
}

func saveSchoolTx(tx *sql.Tx, x data.School) (int64, error) {
	var err error
	if x.District != "" {
		if x.DistrictID, err = nameID(tx, "districts", x.District); err != nil {
			return 0, err
		}
	}
	if x.Calendar != "" {
		if x.CalendarID, err = nameID(tx, "calendars", x.Calendar); err != nil {
			return 0, err
		}
	} else {
		x.CalendarID = 0
	}
	if x.ID == 0 {
		res, err := tx.Exec(`INSERT INTO schools(name, district_id, level, address, calendar_id) VALUES (?,?,?,?,?)
			ON CONFLICT(name) DO UPDATE SET district_id=excluded.district_id, level=excluded.level,
			address=excluded.address, calendar_id=excluded.calendar_id`,
			x.Name, x.DistrictID, x.Level, x.Address, nullID(x.CalendarID))
		if err != nil {
			return 0, err
		}
		var id int64
		err = tx.QueryRow("SELECT id FROM schools WHERE name = ?", x.Name).Scan(&id)
		_ = res
		return id, err
	}
	_, err = tx.Exec("UPDATE schools SET name=?, district_id=?, level=?, address=?, calendar_id=? WHERE id=?",
		x.Name, x.DistrictID, x.Level, x.Address, nullID(x.CalendarID), x.ID)
	return x.ID, err
}

// Calendars lists the school calendars with their marked days.
func (s *Store) Calendars(ctx context.Context) ([]data.Calendar, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT c.id, c.name, COALESCE(d.id, 0), COALESCE(d.date, ''), COALESCE(d.kind, ''), COALESCE(d.label, '')
		FROM calendars c LEFT JOIN calendar_days d ON d.calendar_id = c.id ORDER BY c.name, d.date, d.kind`)
	if err != nil {
		return nil, fmt.Errorf("list calendars: %w", err)
	}
	defer rows.Close()
	var out []data.Calendar
	for rows.Next() {
		var id int64
		var name string
		var d data.CalendarDay
		if err := rows.Scan(&id, &name, &d.ID, dt(&d.Date), &d.Kind, &d.Label); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, data.Calendar{ID: id, Name: name})
		}
		if d.ID != 0 {
			d.CalendarID, d.Calendar = id, name
			c := &out[len(out)-1]
			c.Days = append(c.Days, d)
		}
	}
	return out, rows.Err()
}

// Calendar reads one calendar by ID.
func (s *Store) Calendar(ctx context.Context, id int64) (data.Calendar, error) {
	cals, err := s.Calendars(ctx)
	if err != nil {
		return data.Calendar{}, err
	}
	for _, c := range cals {
		if c.ID == id {
			return c, nil
		}
	}
	return data.Calendar{}, fmt.Errorf("calendar %d: %w", id, data.ErrNotFound)
}

// SaveCalendarDays replaces the marked days of the named calendar (created if new) in one step.
func (s *Store) SaveCalendarDays(ctx context.Context, name string, days []data.CalendarDay) error {
	for _, d := range days {
		d.Calendar = name
		if err := d.Validate(); err != nil {
			return fmt.Errorf("%s %s: %w", d.Date, d.Kind, err)
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		id, err := nameID(tx, "calendars", name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM calendar_days WHERE calendar_id = ?", id); err != nil {
			return err
		}
		for _, d := range days {
			d.CalendarID = id
			if err := saveCalendarDayTx(tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

func saveCalendarDayTx(tx *sql.Tx, d data.CalendarDay) error {
	_, err := tx.Exec(`INSERT INTO calendar_days(calendar_id, date, kind, label) VALUES (?,?,?,?)
		ON CONFLICT(calendar_id, date, kind) DO UPDATE SET label = excluded.label`, d.CalendarID, dv(d.Date), d.Kind, d.Label)
	return err
}

// Instructors lists instructors, of one school or (0) of all.
func (s *Store) Instructors(ctx context.Context, schoolID int64) ([]data.Instructor, error) {
	q := `SELECT i.id, i.first_name, i.last_name, i.email, i.phone, i.school_id, s.name FROM instructors i JOIN schools s ON s.id = i.school_id`
	var args []any
	if schoolID != 0 {
		q += " WHERE i.school_id = ?"
		args = append(args, schoolID)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY i.last_name, i.first_name", args...)
	if err != nil {
		return nil, fmt.Errorf("list instructors: %w", err)
	}
	defer rows.Close()
	var out []data.Instructor
	for rows.Next() {
		var x data.Instructor
		if err := rows.Scan(&x.ID, &x.FirstName, &x.LastName, &x.Email, &x.Phone, &x.SchoolID, &x.School); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SaveInstructor inserts or updates an instructor (SchoolID set).
func (s *Store) SaveInstructor(ctx context.Context, x data.Instructor) (int64, error) {
	x.Email = data.NormalizeEmail(x.Email)
	if err := x.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := saveInstructorTx(tx, x)
		x.ID = id
		return err
	})
	if err != nil && isConstraint(err) {
		return 0, data.Problems{{Field: "email", Problem: fmt.Sprintf("%q belongs to another instructor", x.Email)}}
	}
	return x.ID, err
}

func saveInstructorTx(tx *sql.Tx, x data.Instructor) (int64, error) {
	if x.ID == 0 {
		res, err := tx.Exec("INSERT INTO instructors(first_name, last_name, email, phone, school_id) VALUES (?,?,?,?,?)",
			x.FirstName, x.LastName, data.NormalizeEmail(x.Email), x.Phone, x.SchoolID)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	_, err := tx.Exec("UPDATE instructors SET first_name=?, last_name=?, email=?, phone=?, school_id=? WHERE id=?",
		x.FirstName, x.LastName, data.NormalizeEmail(x.Email), x.Phone, x.SchoolID, x.ID)
	return x.ID, err
}

const classroomCols = `c.id, c.school_id, s.name, c.name, c.ensemble, c.grade, COALESCE(c.instructor_id, 0),
	COALESCE(i.email, ''), c.meeting_days, c.period_start, c.period_minutes`

const classroomFrom = ` FROM classrooms c JOIN schools s ON s.id = c.school_id LEFT JOIN instructors i ON i.id = c.instructor_id`

func scanClassroom(sc interface{ Scan(...any) error }, c *data.Classroom) error {
	return sc.Scan(&c.ID, &c.SchoolID, &c.School, &c.Name, &c.Ensemble, &c.Grade, &c.InstructorID,
		&c.InstructorEmail, &c.MeetingDays, &c.PeriodStart, &c.PeriodMinutes)
}

// Classrooms lists classrooms, of one school or (0) of all, by school and name.
func (s *Store) Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error) {
	q := "SELECT " + classroomCols + classroomFrom
	var args []any
	if schoolID != 0 {
		q += " WHERE c.school_id = ?"
		args = append(args, schoolID)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY s.name, c.name", args...)
	if err != nil {
		return nil, fmt.Errorf("list classrooms: %w", err)
	}
	defer rows.Close()
	var out []data.Classroom
	for rows.Next() {
		var c data.Classroom
		if err := scanClassroom(rows, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Classroom reads one classroom.
func (s *Store) Classroom(ctx context.Context, id int64) (data.Classroom, error) {
	var c data.Classroom
	err := scanClassroom(s.r.QueryRowContext(ctx, "SELECT "+classroomCols+classroomFrom+" WHERE c.id = ?", id), &c)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("classroom %d: %w", id, data.ErrNotFound)
	}
	return c, err
}

// ClassroomByName finds a classroom by school and classroom name.
func (s *Store) ClassroomByName(ctx context.Context, school, name string) (data.Classroom, error) {
	var c data.Classroom
	err := scanClassroom(s.r.QueryRowContext(ctx, "SELECT "+classroomCols+classroomFrom+" WHERE s.name = ? AND c.name = ?", school, name), &c)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("no classroom %q at school %q: %w", name, school, data.ErrNotFound)
	}
	return c, err
}

// SaveClassroom inserts or updates a classroom (SchoolID set; InstructorID optional).
func (s *Store) SaveClassroom(ctx context.Context, c data.Classroom) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := saveClassroomTx(tx, c)
		c.ID = id
		return err
	})
	if err != nil && isConstraint(err) {
		return 0, data.Problems{{Field: "name", Problem: fmt.Sprintf("%q already exists at this school", c.Name)}}
	}
	return c.ID, err
}

func saveClassroomTx(tx *sql.Tx, c data.Classroom) (int64, error) {
	if c.ID == 0 {
		res, err := tx.Exec(`INSERT INTO classrooms(school_id, name, ensemble, grade, instructor_id, meeting_days, period_start, period_minutes)
			VALUES (?,?,?,?,?,?,?,?)`, c.SchoolID, c.Name, c.Ensemble, c.Grade, nullID(c.InstructorID), c.MeetingDays, c.PeriodStart, c.PeriodMinutes)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	_, err := tx.Exec(`UPDATE classrooms SET school_id=?, name=?, ensemble=?, grade=?, instructor_id=?, meeting_days=?,
		period_start=?, period_minutes=? WHERE id=?`, c.SchoolID, c.Name, c.Ensemble, c.Grade, nullID(c.InstructorID),
		c.MeetingDays, c.PeriodStart, c.PeriodMinutes, c.ID)
	return c.ID, err
}

// Events lists events between two dates (inclusive; zero = open), or of one classroom.
func (s *Store) Events(ctx context.Context, classroomID int64, from, through data.Date) ([]data.Event, error) {
	q := `SELECT e.id, e.classroom_id, s.name, c.name, e.date, e.name FROM events e
		JOIN classrooms c ON c.id = e.classroom_id JOIN schools s ON s.id = c.school_id WHERE 1=1`
	var args []any
	if classroomID != 0 {
		q += " AND e.classroom_id = ?"
		args = append(args, classroomID)
	}
	if !from.IsZero() {
		q += " AND e.date >= ?"
		args = append(args, dv(from))
	}
	if !through.IsZero() {
		q += " AND e.date <= ?"
		args = append(args, dv(through))
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY e.date, s.name, c.name", args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []data.Event
	for rows.Next() {
		var e data.Event
		if err := rows.Scan(&e.ID, &e.ClassroomID, &e.School, &e.Classroom, dt(&e.Date), &e.Name); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveEvent adds or updates an event (keyed by classroom and date).
func (s *Store) SaveEvent(ctx context.Context, e data.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return saveEventTx(tx, e) })
}

func saveEventTx(tx *sql.Tx, e data.Event) error {
	if e.ID != 0 {
		_, err := tx.Exec("UPDATE events SET date=?, name=? WHERE id=?", dv(e.Date), e.Name, e.ID)
		return err
	}
	_, err := tx.Exec(`INSERT INTO events(classroom_id, date, name) VALUES (?,?,?)
		ON CONFLICT(classroom_id, date) DO UPDATE SET name = excluded.name`, e.ClassroomID, dv(e.Date), e.Name)
	return err
}

// DeleteEvent removes one event.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { _, err := tx.Exec("DELETE FROM events WHERE id = ?", id); return err })
}
