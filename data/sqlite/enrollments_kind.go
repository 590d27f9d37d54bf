package sqlite

import (
	"context"
	"fmt"
	"io"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// placeNames maps classroom ids to their school and classroom names, and mentor ids to e-mails.
func (s *Store) placeNames(ctx context.Context) (rooms map[int64][2]string, mentors map[int64]string, err error) {
	rooms, mentors = map[int64][2]string{}, map[int64]string{}
	rows, err := s.r.QueryContext(ctx, "SELECT c.id, s.name, c.name FROM classrooms c JOIN schools s ON s.id = c.school_id")
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id int64
		var school, room string
		if err := rows.Scan(&id, &school, &room); err != nil {
			rows.Close()
			return nil, nil, err
		}
		rooms[id] = [2]string{school, room}
	}
	rows.Close()
	rows, err = s.r.QueryContext(ctx, "SELECT id, email FROM mentors")
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return nil, nil, err
		}
		mentors[id] = email
	}
	return rooms, mentors, rows.Err()
}

// exportEnrollments writes every enrollment with one event date per term.
func (s *Store) exportEnrollments(ctx context.Context, w io.Writer) (int, error) {
	es, err := s.Enrollments(ctx, 0, 0)
	if err != nil {
		return 0, err
	}
	rooms, mentors, err := s.placeNames(ctx)
	if err != nil {
		return 0, fmt.Errorf("read enrollments' places: %w", err)
	}
	out := make([]csvio.EnrollmentRow, len(es))
	for i, e := range es {
		r := csvio.EnrollmentRow{MentorEmail: mentors[e.MentorID], School: rooms[e.ClassroomID][0], Classroom: rooms[e.ClassroomID][1],
			SchoolYear: e.SchoolYear, Program: e.Program, Evaluation: e.Evaluation, FallSessions: e.FallSessions,
			Status: e.Status, EndedOn: e.EndedOn, EndReason: e.EndReason}
		if e.ToClassroomID != 0 {
			r.ToSchool, r.ToClassroom = rooms[e.ToClassroomID][0], rooms[e.ToClassroomID][1]
		}
		for _, t := range e.Terms {
			r.Events = append(r.Events, t.EventDate)
		}
		out[i] = r
	}
	return len(out), csvio.WriteEnrollments(w, out)
}

// enrollments imports enrollments: a new one gets its terms (event names from the classroom's
// events, session counts from the program); an existing one takes the file's status, end and
// evaluation.
func (im *importer) enrollments(recs []csvio.Record[csvio.EnrollmentRow]) error {
	mentors, err := im.mentorIDs()
	if err != nil {
		return err
	}
	rooms, err := im.classroomIDs()
	if err != nil {
		return err
	}
	events, err := im.eventNames()
	if err != nil {
		return err
	}
	existing, err := im.lookup(`SELECT e.mentor_id || '|' || e.classroom_id || '|' || e.school_year || '|' || e.program || '|' ||
		COALESCE((SELECT group_concat(event_date, ';') FROM (SELECT event_date FROM enrollment_terms t WHERE t.enrollment_id = e.id ORDER BY term)), ''),
		e.id FROM enrollments e`)
	if err != nil {
		return err
	}
	for _, r := range recs {
		x := r.Value
		e := data.Enrollment{Program: x.Program, SchoolYear: x.SchoolYear, Evaluation: x.Evaluation, FallSessions: x.FallSessions,
			Status: x.Status, EndedOn: x.EndedOn, EndReason: x.EndReason}
		e.MentorID = im.mentorRef(mentors, r.Line, x.MentorEmail)
		e.ClassroomID = im.classroomRef(rooms, r.Line, x.School, x.Classroom)
		if x.ToClassroom != "" {
			if e.ToClassroomID = rooms[x.ToSchool+"\x00"+x.ToClassroom]; e.ToClassroomID == 0 {
				im.fail(r.Line, "to_classroom", "no classroom %q at school %q (import classrooms first)", x.ToClassroom, x.ToSchool)
				continue
			}
		}
		if e.MentorID == 0 || e.ClassroomID == 0 {
			continue
		}
		counts, _ := data.SessionsRequired(e.Program, e.Evaluation, e.FallSessions)
		dates := make([]string, len(x.Events))
		for i, d := range x.Events {
			room := e.ClassroomID
			if e.Program == data.Bridge && i == 1 {
				room = e.ToClassroomID // the fall term is at the receiving school
			}
			t := data.Term{Index: i + 1, ClassroomID: room, EventDate: d, EventName: events[fmt.Sprintf("%d|%s", room, d)]}
			if i < len(counts) {
				t.Required = counts[i]
			}
			e.Terms = append(e.Terms, t)
			dates[i] = d.String()
		}
		if err := e.Validate(); err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		k := fmt.Sprintf("%d|%d|%d|%s|%s", e.MentorID, e.ClassroomID, e.SchoolYear, e.Program, strings.Join(dates, ";"))
		if id, ok := existing[k]; ok {
			if _, err := im.tx.ExecContext(im.ctx, "UPDATE enrollments SET evaluation=?, status=?, ended_on=?, end_reason=? WHERE id=?",
				boolInt(e.Evaluation), e.Status, dv(e.EndedOn), e.EndReason, id); err != nil {
				return err
			}
			im.count(true)
			continue
		}
		id, err := createEnrollmentTx(im.tx, e)
		if err != nil {
			im.fail(r.Line, "", "%v", err)
			continue
		}
		existing[k] = id
		im.count(false)
	}
	return nil
}

// eventNames maps "classroom id|date" to the event's name.
func (im *importer) eventNames() (map[string]string, error) {
	rows, err := im.tx.QueryContext(im.ctx, "SELECT classroom_id, date, name FROM events")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id int64
		var date, name string
		if err := rows.Scan(&id, &date, &name); err != nil {
			return nil, err
		}
		out[fmt.Sprintf("%d|%s", id, date)] = name
	}
	return out, rows.Err()
}
