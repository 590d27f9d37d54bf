package csvio

import (
	"io"

	"mentordesk/data"
)

// ApplicantsTable reads mutual-mentorship intakes, keyed by (cohort, email). An empty
// years_teaching counts as 0.
func ApplicantsTable() Table[data.Applicant] {
	return Table[data.Applicant]{
		kind: Applicants,
		decode: func(r *row) data.Applicant {
			return data.Applicant{
				Cohort:        r.text("cohort"),
				FirstName:     r.text("first_name"),
				LastName:      r.text("last_name"),
				Email:         r.email("email"),
				School:        r.text("school"),
				CareerStage:   data.CareerStage(r.enum("career_stage", "early, experienced")),
				YearsTeaching: r.integer("years_teaching", 0),
				Strengths:     r.list("strengths"),
				Passions:      r.list("passions"),
				Growth:        r.list("growth"),
			}
		},
		keyCols: []string{"cohort", "email"},
		key:     func(a data.Applicant) string { return key(a.Cohort, a.Email) },
	}
}

// ReadApplicants reads a whole CSV text (see ApplicantsTable).
func ReadApplicants(in io.Reader, file string) ([]Record[data.Applicant], error) {
	return readAll(ApplicantsTable(), in, file)
}

// WriteApplicants writes mutual-mentorship intakes.
func WriteApplicants(w io.Writer, as []data.Applicant) error {
	return writeTable(w, Applicants, as, func(a data.Applicant) []string {
		return []string{a.Cohort, a.FirstName, a.LastName, a.Email, a.School, string(a.CareerStage),
			itoa(a.YearsTeaching), data.JoinList(a.Strengths), data.JoinList(a.Passions), data.JoinList(a.Growth)}
	})
}
