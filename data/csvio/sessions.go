package csvio

import (
	"io"
	"strconv"

	"mentordesk/data"
)

// SessionsTable reads sessions, keyed by (school, classroom, date, start). minutes is required:
// the classroom's period is not known to a file on its own.
func SessionsTable() Table[data.Session] {
	return Table[data.Session]{
		kind: Sessions,
		decode: func(r *row) data.Session {
			return data.Session{
				Date:        r.date("date"),
				Start:       r.clock("start"),
				Minutes:     r.integer("minutes", -1),
				School:      r.text("school"),
				Classroom:   r.text("classroom"),
				MentorEmail: r.email("mentor_email"),
				Program:     data.Program(r.enum("program", "focused, season, bridge")),
				Status:      data.SessionStatus(r.enum("status", "planned, completed, confirmed, cancelled")),
				ConfirmedOn: r.date("confirmed_on"),
				Focus:       r.text("focus"),
				Notes:       r.text("notes"),
				// Why the director confirmed or paid it though R7/R8 flagged it.
				OverrideReason: r.text("override_reason"),
			}
		},
		keyCols: []string{"school", "classroom", "date", "start"},
		key: func(s data.Session) string {
			return key(s.School, s.Classroom, s.Date.String(), s.Start.String())
		},
	}
}

// ReadSessions reads a whole CSV text (see SessionsTable).
func ReadSessions(in io.Reader, file string) ([]Record[data.Session], error) {
	return readAll(SessionsTable(), in, file)
}

// WriteSessions writes sessions.
func WriteSessions(w io.Writer, ss []data.Session) error {
	return writeTable(w, Sessions, ss, func(s data.Session) []string {
		return []string{s.Date.String(), s.Start.String(), itoa(s.Minutes), s.School, s.Classroom,
			s.MentorEmail, string(s.Program), string(s.Status), s.ConfirmedOn.String(), s.Focus, s.Notes, s.OverrideReason}
	})
}

// WritePayments writes issued statements: statement is the number, adjusts the number of the
// statement an adjustment corrects (empty for a visit's own statement), status issued or paid.
func WritePayments(w io.Writer, ss []data.Statement) error {
	return writeTable(w, Payments, ss, func(s data.Statement) []string {
		return []string{strconv.Itoa(s.Number), s.IssuedOn.String(), s.MentorEmail, s.School,
			s.VisitDate.String(), itoa(s.SessionsPaid()), s.SessionAmount().String(),
			s.ContinuationAmount().String(), s.Total().String(), optionalInt(s.Adjusts),
			string(s.Status), s.PaidOn.String()}
	})
}
