package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// What the sign-off sheets and schedule handouts read: a mentor's visits, one visit's sheet and
// a classroom's schedules.

// VisitPlace is data.VisitPlace: the type moved to the domain, the name kept for the store's callers.
type VisitPlace = data.VisitPlace

// MentorVisits lists a mentor's visits (R2), newest first.
func (s *Store) MentorVisits(ctx context.Context, mentorID int64) ([]VisitPlace, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT sc.id, sc.name, x.date FROM sessions x
		JOIN classrooms c ON c.id = x.classroom_id JOIN schools sc ON sc.id = c.school_id
		WHERE x.mentor_id = ? ORDER BY x.date DESC, sc.name`, mentorID)
	if err != nil {
		return nil, fmt.Errorf("list visits of mentor %d: %w", mentorID, err)
	}
	defer rows.Close()
	var out []VisitPlace
	for rows.Next() {
		var v VisitPlace
		if err := rows.Scan(&v.SchoolID, &v.School, dt(&v.Date)); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// VisitSheet is data.VisitSheet: the type moved to the domain, the name kept for the store's callers.
type VisitSheet = data.VisitSheet

// VisitSheet reads the sessions of one visit (mentor, school, date) for its sign-off sheet.
func (s *Store) VisitSheet(ctx context.Context, mentorID, schoolID int64, date data.Date) (VisitSheet, error) {
	m, err := s.Mentor(ctx, mentorID)
	if err != nil {
		return VisitSheet{}, err
	}
	sessions, err := s.Sessions(ctx, SessionFilter{MentorID: mentorID, SchoolID: schoolID, From: date, Through: date})
	if err != nil {
		return VisitSheet{}, err
	}
	v := VisitSheet{MentorName: m.Name(), Date: date, Sessions: sessions}
	if len(sessions) == 0 {
		return v, fmt.Errorf("%s has no session at school %d on %s: %w", m.Name(), schoolID, date, data.ErrNotFound)
	}
	v.School = sessions[0].School
	names := map[string]bool{}
	for _, x := range sessions {
		name, err := s.classroomInstructor(ctx, x.ClassroomID)
		if err != nil {
			return v, err
		}
		names[name] = true
		v.Instructor = name
	}
	if len(names) != 1 {
		v.Instructor = ""
	}
	return v, nil
}

func (s *Store) classroomInstructor(ctx context.Context, classroomID int64) (string, error) {
	var name string
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(i.first_name || ' ' || i.last_name, '') FROM classrooms c
		LEFT JOIN instructors i ON i.id = c.instructor_id WHERE c.id = ?`, classroomID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return strings.TrimSpace(name), err
}

// Schedule is data.Schedule: the type moved to the domain, the name kept for the store's callers.
type Schedule = data.Schedule

// Schedules reads the schedules of a classroom in a school year, one per mentor, by mentor name.
// A Bridge enrollment belongs to its sending classroom's year and to the receiving classroom's
// next year, and its schedule holds both.
func (s *Store) Schedules(ctx context.Context, classroomID int64, year data.SchoolYear) ([]Schedule, error) {
	c, err := s.Classroom(ctx, classroomID)
	if err != nil {
		return nil, err
	}
	all, err := s.Enrollments(ctx, 0, 0)
	if err != nil {
		return nil, err
	}
	instructor, err := s.classroomInstructor(ctx, classroomID)
	if err != nil {
		return nil, err
	}
	rooms := map[int64]string{}
	room := func(id int64) (string, error) {
		if n, ok := rooms[id]; ok {
			return n, nil
		}
		x, err := s.Classroom(ctx, id)
		rooms[id] = x.Name
		return x.Name, err
	}
	var out []Schedule
	at := map[int64]int{}
	for _, e := range all {
		here := (e.ClassroomID == classroomID && e.SchoolYear == year) ||
			(e.Program == data.Bridge && e.ToClassroomID == classroomID && e.SchoolYear == year-1)
		if !here {
			continue
		}
		i, ok := at[e.MentorID]
		if !ok {
			m, err := s.Mentor(ctx, e.MentorID)
			if err != nil {
				return nil, err
			}
			i = len(out)
			at[e.MentorID] = i
			out = append(out, Schedule{MentorID: m.ID, MentorName: m.Name(), MentorEmail: m.Email, Program: e.Program,
				Instructor: instructor, School: c.School, Classroom: c.Name})
		}
		sessions, err := s.Sessions(ctx, SessionFilter{EnrollmentID: e.ID})
		if err != nil {
			return nil, err
		}
		out[i].Sessions = append(out[i].Sessions, sessions...)
		for _, t := range e.Terms {
			if t.EventDate.IsZero() {
				continue
			}
			name, err := room(t.ClassroomID)
			if err != nil {
				return nil, err
			}
			ev := data.Event{ClassroomID: t.ClassroomID, Classroom: name, Date: t.EventDate, Name: cmp.Or(strings.TrimSpace(t.EventName), "Concert")}
			if !slices.ContainsFunc(out[i].Events, func(x data.Event) bool { return x.Date == ev.Date && x.ClassroomID == ev.ClassroomID }) {
				out[i].Events = append(out[i].Events, ev)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Schedule) int {
		return data.CompareNames(a.MentorName, b.MentorName)
	})
	return out, nil
}
