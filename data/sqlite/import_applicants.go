package sqlite

import (
	"fmt"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

func (im *importer) applicants(recs []csvio.Record[data.Applicant]) error {
	cohorts, err := im.lookup("SELECT name, id FROM cohorts")
	if err != nil {
		return err
	}
	ids, err := im.lookup("SELECT cohort_id || '|' || lower(email), id FROM applicants")
	if err != nil {
		return err
	}
	for _, r := range recs {
		a := r.Value
		cid, ok := cohorts[a.Cohort]
		if !ok {
			// A cohort named only by its applicants starts today and runs six months; the
			// director adjusts the dates on the Mutual Mentorship screen.
			today := data.Today()
			res, err := im.tx.Exec("INSERT INTO cohorts(name, start, end) VALUES (?,?,?)", a.Cohort, dv(today), dv(today.AddMonths(6)))
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
			var ex, intro, wrap int
			if err := im.tx.QueryRow("SELECT excluded, hub_invite, intro_attended, wrap_attended, availability FROM applicants WHERE id = ?", a.ID).
				Scan(&ex, &a.HubInvite, &intro, &wrap, &a.Availability); err != nil {
				return err
			}
			a.Excluded, a.IntroAttended, a.WrapAttended = ex == 1, intro == 1, wrap == 1
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
}
