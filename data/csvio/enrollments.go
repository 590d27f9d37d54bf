package csvio

import (
	"io"
	"strconv"
	"strings"

	"mentordesk/data"
)

// EnrollmentRow is an enrollment as a file names it: mentor by e-mail, classrooms by school and
// name, and one event date per term (the terms' names and session counts follow from the
// classroom's events and the program).
type EnrollmentRow struct {
	MentorEmail, School, Classroom string
	SchoolYear                     data.SchoolYear
	Program                        data.Program
	Events                         []data.Date
	Evaluation                     bool
	ToSchool, ToClassroom          string
	FallSessions                   int
	Status                         data.EnrollmentStatus
	EndedOn                        data.Date
	EndReason                      string
}

// Validate checks what a row says on its own; the store checks the enrollment once its names
// are resolved.
func (e EnrollmentRow) Validate() error {
	var ps data.Problems
	if e.Program == data.Bridge && (e.ToSchool == "" || e.ToClassroom == "") {
		ps = append(ps, data.FieldError{Field: "to_classroom", Problem: "is required for Bridge Mentorship (the receiving school and classroom)"})
	}
	if e.Status == data.EnrollmentEnded && e.EndedOn.IsZero() {
		ps = append(ps, data.FieldError{Field: "ended_on", Problem: "is required for an enrollment ended early"})
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// EnrollmentsTable reads enrollments, keyed by (mentor_email, school, classroom, school_year,
// program, events): a classroom may have a mentor for several seasons of one year.
func EnrollmentsTable() Table[EnrollmentRow] {
	return Table[EnrollmentRow]{
		kind: Enrollments,
		decode: func(r *row) EnrollmentRow {
			e := EnrollmentRow{
				MentorEmail: r.email("mentor_email"),
				School:      r.text("school"),
				Classroom:   r.text("classroom"),
				SchoolYear:  r.schoolYear("school_year"),
				Program:     data.Program(r.enum("program", "focused, season, bridge")),
				ToSchool:    r.text("to_school"),
				ToClassroom: r.text("to_classroom"),
				EndedOn:     r.date("ended_on"),
				EndReason:   r.text("end_reason"),
				Status:      data.EnrollmentStatus(strings.ToLower(r.text("status"))),
			}
			for _, d := range data.SplitList(r.text("events")) {
				day, err := data.ParseDate(d)
				if err != nil {
					r.add("events", "%s", err.Error())
					break
				}
				e.Events = append(e.Events, day)
			}
			if len(e.Events) == 0 && !r.isBad("events") {
				r.add("events", "is required: one event date per term (Focused 3, Season 1, Bridge 2)")
			}
			switch v := strings.ToLower(r.text("evaluation")); v {
			case "", "no":
			case "yes":
				e.Evaluation = true
			default:
				r.add("evaluation", "%q is not yes or no", v)
			}
			if v := r.text("fall_sessions"); v != "" {
				e.FallSessions = r.integer("fall_sessions", 0)
			}
			switch e.Status {
			case "":
				e.Status = data.EnrollmentActive
			case data.EnrollmentActive, data.EnrollmentEnded, data.EnrollmentDone:
			default:
				r.add("status", "%q is not an enrollment status (active, ended, done)", e.Status)
			}
			return e
		},
		keyCols: []string{"mentor_email", "school", "classroom", "school_year", "program", "events"},
		key: func(e EnrollmentRow) string {
			parts := []string{e.MentorEmail, e.School, e.Classroom, strconv.Itoa(int(e.SchoolYear)), string(e.Program)}
			for _, d := range e.Events {
				parts = append(parts, d.String())
			}
			return key(parts...)
		},
	}
}

// ReadEnrollments reads a whole CSV text (see EnrollmentsTable).
func ReadEnrollments(in io.Reader, file string) ([]Record[EnrollmentRow], error) {
	return readAll(EnrollmentsTable(), in, file)
}

// WriteEnrollments writes enrollments.
func WriteEnrollments(w io.Writer, es []EnrollmentRow) error {
	return writeTable(w, Enrollments, es, func(e EnrollmentRow) []string {
		events := make([]string, len(e.Events))
		for i, d := range e.Events {
			events[i] = d.String()
		}
		eval, fall := "no", ""
		if e.Evaluation {
			eval = "yes"
		}
		if e.FallSessions != 0 {
			fall = strconv.Itoa(e.FallSessions)
		}
		return []string{e.MentorEmail, e.School, e.Classroom, e.SchoolYear.String(), string(e.Program), strings.Join(events, ";"),
			eval, e.ToSchool, e.ToClassroom, fall, string(e.Status), e.EndedOn.String(), e.EndReason}
	})
}
