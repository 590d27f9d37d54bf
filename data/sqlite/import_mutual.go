package sqlite

import (
	"fmt"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// The applicants import: a cohort named only by its applicants is created with its term, and an
// applicant already paired keeps their career stage (the intake's rule).

func (im *importer) applicants() (func([]csvio.Record[data.Applicant]) error, error) {
	cohorts, err := im.lookup("SELECT name, id FROM cohorts")
	if err != nil {
		return nil, err
	}
	ids, err := im.lookup("SELECT cohort_id || '|' || lower(email), id FROM applicants")
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[data.Applicant]) error {
		for _, r := range recs {
			a := r.Value
			cid, ok := cohorts[a.Cohort]
			if !ok {
				// A cohort named only by its applicants starts today and runs its six-month term;
				// the director adjusts the dates on the Mutual Mentorship screen.
				c := data.Cohort{Name: a.Cohort, Start: data.Today()}
				c.End = c.TermEnd()
				if p := data.CheckCohort(c); len(p) > 0 {
					im.fail(r.Line, "cohort", "%v", p)
					continue
				}
				res, err := im.tx.Exec("INSERT INTO cohorts(name, start, end) VALUES (?,?,?)", c.Name, dv(c.Start), dv(c.End))
				if err != nil {
					return err
				}
				cid, _ = res.LastInsertId()
				cohorts[a.Cohort] = cid
			}
			a.CohortID = cid
			key := fmt.Sprintf("%d|%s", cid, data.NormalizeEmail(a.Email))
			a.ID = ids[key]
			if a.ID != 0 {
				// Keep what the director set on screen (exclusion, Hub, attendance).
				var ex, intro, wrap, paired int
				var before data.Applicant
				if err := im.tx.QueryRow(`SELECT excluded, hub_invite, intro_attended, wrap_attended, availability, career_stage,
					EXISTS(SELECT 1 FROM pairs p WHERE p.early_id = a.id OR p.experienced_id = a.id) FROM applicants a WHERE id = ?`, a.ID).
					Scan(&ex, &a.HubInvite, &intro, &wrap, &a.Availability, &before.CareerStage, &paired); err != nil {
					return err
				}
				a.Excluded, a.IntroAttended, a.WrapAttended = ex == 1, intro == 1, wrap == 1
				// The intake's rule is the window's: no change of career stage while in a pair.
				if p := data.CheckIntakeChange(before, a, paired == 1); len(p) > 0 {
					im.fail(r.Line, p[0].Field, "%s", p[0].Problem)
					continue
				}
			}
			id, err := saveApplicantTx(im.tx, a)
			if err != nil {
				im.fail(r.Line, "", "%v", err)
				continue
			}
			im.count(a.ID != 0)
			ids[key] = id
		}
		return nil
	}, nil
}
