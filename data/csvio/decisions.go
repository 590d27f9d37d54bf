package csvio

import (
	"io"

	"mentordesk/data"
)

// DecisionRow is one of the director's roster review decisions about a mentor, named by e-mail.
type DecisionRow struct {
	MentorEmail string
	data.ReviewDecision
}

// Validate checks the row: the e-mail and the decision itself.
func (d DecisionRow) Validate() error {
	var ps data.Problems
	if d.MentorEmail == "" {
		ps = append(ps, data.FieldError{Field: "mentor_email", Problem: "is required"})
	}
	if err := d.ReviewDecision.Validate(); err != nil {
		if more, ok := err.(data.Problems); ok {
			ps = append(ps, more...)
		} else {
			return err
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// DecisionsTable reads review decisions, keyed by (mentor_email, decided_on): the roster's
// inclusion depends on the newest of them.
func DecisionsTable() Table[DecisionRow] {
	return Table[DecisionRow]{
		kind: Decisions,
		decode: func(r *row) DecisionRow {
			return DecisionRow{MentorEmail: r.email("mentor_email"), ReviewDecision: data.ReviewDecision{
				DecidedOn: r.date("decided_on"),
				Decision:  r.enum("decision", "keep, coach, remove"),
				Reason:    r.text("reason"),
			}}
		},
		keyCols: []string{"mentor_email", "decided_on"},
		key:     func(d DecisionRow) string { return key(d.MentorEmail, d.DecidedOn.String()) },
	}
}

// ReadDecisions reads a whole CSV text (see DecisionsTable).
func ReadDecisions(in io.Reader, file string) ([]Record[DecisionRow], error) {
	return readAll(DecisionsTable(), in, file)
}

// WriteDecisions writes review decisions.
func WriteDecisions(w io.Writer, ds []DecisionRow) error {
	return writeTable(w, Decisions, ds, func(d DecisionRow) []string {
		return []string{d.MentorEmail, d.DecidedOn.String(), d.Decision, d.Reason}
	})
}
