package sqlite

import (
	"context"
	"fmt"
	"io"

	"mentordesk/data/csvio"
)

// exportDecisions writes every roster review decision, by mentor e-mail and date.
func (s *Store) exportDecisions(ctx context.Context, w io.Writer) (int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT m.email, d.decided_on, d.decision, d.reason FROM review_decisions d
		JOIN mentors m ON m.id = d.mentor_id ORDER BY lower(m.email), d.decided_on, d.id`)
	if err != nil {
		return 0, fmt.Errorf("read review decisions: %w", err)
	}
	defer rows.Close()
	var out []csvio.DecisionRow
	for rows.Next() {
		var d csvio.DecisionRow
		if err := rows.Scan(&d.MentorEmail, dt(&d.DecidedOn), &d.Decision, &d.Reason); err != nil {
			return 0, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return len(out), csvio.WriteDecisions(w, out)
}

// decisions imports review decisions: a row for a mentor and date already decided updates it.
func (im *importer) decisions(recs []csvio.Record[csvio.DecisionRow]) error {
	mentors, err := im.mentorIDs()
	if err != nil {
		return err
	}
	existing, err := im.lookup("SELECT mentor_id || '|' || decided_on, id FROM review_decisions")
	if err != nil {
		return err
	}
	for _, r := range recs {
		d := r.Value
		id := im.mentorRef(mentors, r.Line, d.MentorEmail)
		if id == 0 {
			continue
		}
		k := fmt.Sprintf("%d|%s", id, dv(d.DecidedOn))
		if old, ok := existing[k]; ok {
			if _, err := im.tx.ExecContext(im.ctx, "UPDATE review_decisions SET decision=?, reason=? WHERE id=?", d.Decision, d.Reason, old); err != nil {
				return err
			}
			im.count(true)
			continue
		}
		res, err := im.tx.ExecContext(im.ctx, "INSERT INTO review_decisions(mentor_id, decided_on, decision, reason) VALUES (?,?,?,?)",
			id, dv(d.DecidedOn), d.Decision, d.Reason)
		if err != nil {
			return err
		}
		nid, _ := res.LastInsertId()
		existing[k] = nid
		im.count(false)
	}
	return nil
}
