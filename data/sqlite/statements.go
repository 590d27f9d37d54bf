package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// IssueChoice says which visits IssueStatements pays: every ready visit through a date (zero:
// all), or exactly the visits chosen on the Payments screen.
type IssueChoice struct {
	Through data.Date
	Visits  []VisitKey // when set, these visits only; one no longer ready refuses them all
}

// IssueStatements is MentorDesk's one way of issuing statements, for the Payments screen and
// `statements issue` alike. It issues a statement for each chosen visit ready to pay (R3) whose
// flagged sessions (R7/R8) carry the director's override,
// numbered in one gap-free sequence in R6 order. Numbers, lines, locks on the paid sessions and
// the continuation record are written in one transaction: after a crash, all of it is there or
// none. A visit that already has its statement gets an adjustment statement naming that one for
// the sessions confirmed since (R6: one visit, one statement; an issued one never changes).
func (s *Store) IssueStatements(ctx context.Context, which IssueChoice, issuedOn data.Date) ([]data.Statement, error) {
	if issuedOn.IsZero() {
		return nil, fmt.Errorf("issue statements: the issue date is required")
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	through := which.Through
	want := make(map[VisitKey]bool, len(which.Visits))
	for _, k := range which.Visits {
		want[k] = true
		through = max(through, k.Date)
	}
	if len(which.Visits) > 0 && !which.Through.IsZero() {
		through = min(through, which.Through)
	}
	var issued []data.Statement
	err = s.tx(ctx, func(tx *sql.Tx) error {
		visits, err := pendingVisits(ctx, tx, through)
		if err != nil {
			return err
		}
		if len(which.Visits) > 0 {
			if visits, err = chosenVisits(visits, want); err != nil {
				return err
			}
		}
		// A visit holding a flagged session without an override waits for the director
		// (HeldVisits): left out of a batch, refused when chosen.
		pay, held, err := holdFlagged(ctx, tx, visits, set.SchoolYearStart)
		if err != nil {
			return err
		}
		if len(which.Visits) > 0 && len(held) > 0 {
			return heldError(held)
		}
		visits = pay
		if len(visits) == 0 {
			return nil
		}
		h, err := paymentHistory(ctx, tx, visits, set.SchoolYearStart)
		if err != nil {
			return err
		}
		var next int
		if err := tx.QueryRow("SELECT COALESCE(max(number), 0) + 1 FROM statements").Scan(&next); err != nil {
			return err
		}
		issued = data.IssueAll(visits, set, h, next, issuedOn)
		if len(which.Visits) > 0 && len(issued) != len(visits) {
			return fmt.Errorf("%d of %d chosen visits could not be drafted", len(visits)-len(issued), len(visits))
		}
		if err := adjustLatePayments(ctx, tx, visits, issued); err != nil {
			return err
		}
		return insertStatements(ctx, tx, issued, set)
	})
	if err != nil {
		return nil, fmt.Errorf("issue statements: %w", err)
	}
	return issued, nil
}

// chosenVisits keeps the visits chosen; one no longer ready, or no longer there to pay (issued
// meanwhile, or its sessions changed), refuses the whole choice.
func chosenVisits(visits []data.Visit, want map[VisitKey]bool) ([]data.Visit, error) {
	var chosen []data.Visit
	for _, v := range visits {
		k := VisitKey{v.MentorID, v.SchoolID, v.Date}
		if !want[k] {
			continue
		}
		delete(want, k)
		if !v.Ready() {
			return nil, fmt.Errorf("the %s is no longer ready to pay: a session waits for confirmation (R3)", v)
		}
		chosen = append(chosen, v)
	}
	if len(want) > 0 {
		var missing []string
		for k := range want {
			missing = append(missing, k.Date.String())
		}
		slices.Sort(missing)
		return nil, fmt.Errorf("%d chosen visit(s) (on %s) have nothing left to pay: already issued or no longer confirmed; reload the list",
			len(missing), strings.Join(missing, ", "))
	}
	return chosen, nil
}

// adjustLatePayments makes the drafts of visits that already have their statement (some of
// their sessions are locked on it) adjustment statements naming that statement (R6).
func adjustLatePayments(ctx context.Context, tx *sql.Tx, visits []data.Visit, drafts []data.Statement) error {
	late := map[VisitKey]int64{} // visit → a statement its sessions are locked on
	for _, v := range visits {
		for _, x := range v.Sessions {
			if x.Locked() {
				late[VisitKey{v.MentorID, v.SchoolID, v.Date}] = x.StatementID
				break
			}
		}
	}
	if len(late) == 0 {
		return nil
	}
	for i := range drafts {
		st := &drafts[i]
		locked, ok := late[VisitKey{st.MentorID, st.SchoolID, st.VisitDate}]
		if !ok {
			continue
		}
		var original int
		err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT min(number) FROM statements WHERE mentor_id = ? AND school_id = ?
			AND visit_date = ? AND adjusts IS NULL), (SELECT COALESCE(adjusts, number) FROM statements WHERE id = ?))`,
			st.MentorID, st.SchoolID, dv(st.VisitDate), locked).Scan(&original)
		if err != nil {
			return fmt.Errorf("find the statement of the visit on %s: %w", st.VisitDate, err)
		}
		st.Adjusts = original
		n := st.SessionsPaid()
		st.Reason = fmt.Sprintf("%d session(s) of this visit confirmed after statement No. %d was issued", n, original)
	}
	return nil
}

// pendingVisits are the visits holding a confirmed session not yet on a statement.
func pendingVisits(ctx context.Context, tx *sql.Tx, through data.Date) ([]data.Visit, error) {
	q := "SELECT " + sessionCols + sessionFrom + ` JOIN (SELECT DISTINCT y.mentor_id, c2.school_id, y.date FROM sessions y
		JOIN classrooms c2 ON c2.id = y.classroom_id WHERE y.status = 'confirmed' AND y.statement_id IS NULL`
	var args []any
	if !through.IsZero() {
		q += " AND y.date <= ?"
		args = append(args, dv(through))
	}
	q += ") v ON v.mentor_id = x.mentor_id AND v.school_id = c.school_id AND v.date = x.date"
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var sessions []data.Session
	for rows.Next() {
		var x data.Session
		if err := scanSession(rows, &x); err != nil {
			return nil, err
		}
		sessions = append(sessions, x)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return data.Visits(sessions), nil
}

// paymentHistory is what R5 needs to draft the visits' statements: the confirmed sessions and
// paid continuations of their mentors since the school year before the earliest visit, not the
// whole ten years of everyone.
func paymentHistory(ctx context.Context, tx *sql.Tx, visits []data.Visit, start data.MonthDay) (*data.PaymentHistory, error) {
	if len(visits) == 0 {
		return data.NewPaymentHistory(nil, nil), nil
	}
	earliest := visits[0].Date
	seen := map[int64]bool{}
	var args []any
	for _, v := range visits {
		earliest = min(earliest, v.Date)
		if !seen[v.MentorID] {
			seen[v.MentorID] = true
			args = append(args, v.MentorID)
		}
	}
	from, _ := (data.SchoolYearOf(earliest, start) - 1).Bounds(start)
	in := strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")
	args = append(args, dv(from))
	rows, err := tx.QueryContext(ctx, `SELECT x.mentor_id, c.school_id, x.date FROM sessions x JOIN classrooms c ON c.id = x.classroom_id
		WHERE x.status = 'confirmed' AND x.mentor_id IN (`+in+`) AND x.date >= ?`, args...)
	if err != nil {
		return nil, err
	}
	var confirmed []data.Session
	for rows.Next() {
		var x data.Session
		x.Status = data.Confirmed
		if err := rows.Scan(&x.MentorID, &x.SchoolID, dt(&x.Date)); err != nil {
			rows.Close()
			return nil, err
		}
		confirmed = append(confirmed, x)
	}
	rows.Close()
	crow, err := tx.QueryContext(ctx, `SELECT k.mentor_id, k.school_id, st.visit_date FROM continuations k JOIN statements st ON st.id = k.statement_id
		WHERE k.mentor_id IN (`+in+`) AND st.visit_date >= ?`, args...)
	if err != nil {
		return nil, err
	}
	defer crow.Close()
	var paid []data.ContinuationPaid
	for crow.Next() {
		var p data.ContinuationPaid
		if err := crow.Scan(&p.MentorID, &p.SchoolID, dt(&p.VisitDate)); err != nil {
			return nil, err
		}
		paid = append(paid, p)
	}
	return data.NewPaymentHistory(confirmed, paid), crow.Err()
}

func insertStatements(ctx context.Context, tx *sql.Tx, sts []data.Statement, set data.Settings) error {
	insSt, err := tx.PrepareContext(ctx, `INSERT INTO statements(number, issued_on, mentor_id, school_id, visit_date, adjusts, reason, total, line_count)
		VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer insSt.Close()
	insLine, err := tx.PrepareContext(ctx, `INSERT INTO statement_lines(statement_id, line, kind, session_id, description, classroom, program, start, minutes, amount)
		VALUES (?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer insLine.Close()
	lock, err := tx.PrepareContext(ctx, "UPDATE sessions SET statement_id = ? WHERE id = ? AND statement_id IS NULL AND status = 'confirmed'")
	if err != nil {
		return err
	}
	defer lock.Close()
	for _, st := range sts {
		var adjusts any
		if st.Adjusts != 0 {
			adjusts = st.Adjusts
		}
		res, err := insSt.Exec(st.Number, dv(st.IssuedOn), st.MentorID, st.SchoolID, dv(st.VisitDate), adjusts, st.Reason, st.Total(), len(st.Lines))
		if err != nil {
			return fmt.Errorf("statement %d: %w", st.Number, err)
		}
		id, _ := res.LastInsertId()
		for i, l := range st.Lines {
			if _, err := insLine.Exec(id, i+1, l.Kind, nullID(l.SessionID), l.Description, l.Classroom, l.Program, l.Start, l.Minutes, l.Amount); err != nil {
				return fmt.Errorf("statement %d line %d: %w", st.Number, i+1, err)
			}
			switch l.Kind {
			case data.SessionLine:
				r, err := lock.Exec(id, l.SessionID)
				if err != nil {
					return err
				}
				if n, _ := r.RowsAffected(); n != 1 {
					return fmt.Errorf("statement %d: session %d is no longer payable", st.Number, l.SessionID)
				}
			case data.ContinuationLine:
				if _, err := tx.Exec("INSERT INTO continuations(mentor_id, school_id, school_year, statement_id) VALUES (?,?,?,?)",
					st.MentorID, st.SchoolID, set.SchoolYear(st.VisitDate), id); err != nil {
					return fmt.Errorf("statement %d continuation: %w", st.Number, err)
				}
			}
		}
	}
	return addToTotals(ctx, tx, sts)
}

// addToTotals adds statements just inserted, numbered on without a gap, to the totals kept per
// mentor and calendar year of issue (statement_totals), as owed.
func addToTotals(ctx context.Context, tx *sql.Tx, sts []data.Statement) error {
	if len(sts) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO statement_totals(mentor_id, year, statements, adjustments, owed)
		SELECT mentor_id, CAST(substr(issued_on, 1, 4) AS INTEGER), count(*), count(adjusts), sum(total)
		FROM statements WHERE number BETWEEN ? AND ? GROUP BY 1, 2
		ON CONFLICT(mentor_id, year) DO UPDATE SET statements = statements + excluded.statements,
			adjustments = adjustments + excluded.adjustments, owed = owed + excluded.owed`,
		sts[0].Number, sts[len(sts)-1].Number)
	if err != nil {
		return fmt.Errorf("add statements No. %d–%d to the totals: %w", sts[0].Number, sts[len(sts)-1].Number, err)
	}
	return nil
}

// StatementFilter is data.StatementFilter: the type moved to the domain, the name kept for the store's callers.
type StatementFilter = data.StatementFilter

// conditions are the filter's WHERE terms over statements st and statement_payments p.
func statementConditions(f StatementFilter) (where []string, args []any) {
	add := func(c string, v any) { where = append(where, c); args = append(args, v) }
	if f.Number != 0 {
		add("st.number = ?", f.Number)
	}
	if f.Adjusts != 0 {
		add("st.adjusts = ?", f.Adjusts)
	}
	if f.MentorID != 0 {
		add("st.mentor_id = ?", f.MentorID)
	}
	if f.SchoolID != 0 {
		add("st.school_id = ?", f.SchoolID)
	}
	if !f.From.IsZero() {
		add("st.visit_date >= ?", dv(f.From))
	}
	if !f.Through.IsZero() {
		add("st.visit_date <= ?", dv(f.Through))
	}
	if !f.IssuedFrom.IsZero() {
		add("st.issued_on >= ?", dv(f.IssuedFrom))
	}
	if !f.IssuedThrough.IsZero() {
		add("st.issued_on <= ?", dv(f.IssuedThrough))
	}
	switch f.Status {
	case data.Paid:
		where = append(where, "p.statement_id IS NOT NULL")
	case data.Issued:
		where = append(where, "p.statement_id IS NULL")
	}
	return where, args
}

// Statements lists statements with their lines, by number.
func (s *Store) Statements(ctx context.Context, f StatementFilter) ([]data.Statement, error) {
	where, args := statementConditions(f)
	q := `SELECT st.id, st.number, st.issued_on, st.mentor_id, m.email, m.first_name || ' ' || m.last_name, st.school_id, sc.name,
		st.visit_date, COALESCE(st.adjusts, 0), st.reason, COALESCE(p.paid_on, ''), COALESCE(p.reference, '')
		FROM statements st JOIN mentors m ON m.id = st.mentor_id JOIN schools sc ON sc.id = st.school_id
		LEFT JOIN statement_payments p ON p.statement_id = st.id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY st.number", args...)
	if err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	var out []data.Statement
	byID := map[int64]int{}
	for rows.Next() {
		var st data.Statement
		if err := rows.Scan(&st.ID, &st.Number, dt(&st.IssuedOn), &st.MentorID, &st.MentorEmail, &st.MentorName, &st.SchoolID,
			&st.School, dt(&st.VisitDate), &st.Adjusts, &st.Reason, dt(&st.PaidOn), &st.PaidRef); err != nil {
			rows.Close()
			return nil, err
		}
		st.Status = data.Issued
		if !st.PaidOn.IsZero() {
			st.Status = data.Paid
		}
		byID[st.ID] = len(out)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	lq := "SELECT statement_id, kind, COALESCE(session_id, 0), description, classroom, program, start, minutes, amount FROM statement_lines"
	var largs []any
	if len(out) < 500 {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(out)), ",")
		lq += " WHERE statement_id IN (" + ph + ")"
		for _, st := range out {
			largs = append(largs, st.ID)
		}
	}
	lrows, err := s.r.QueryContext(ctx, lq+" ORDER BY statement_id, line", largs...)
	if err != nil {
		return nil, err
	}
	defer lrows.Close()
	for lrows.Next() {
		var id int64
		var l data.StatementLine
		if err := lrows.Scan(&id, &l.Kind, &l.SessionID, &l.Description, &l.Classroom, &l.Program, &l.Start, &l.Minutes, &l.Amount); err != nil {
			return nil, err
		}
		if i, ok := byID[id]; ok {
			out[i].Lines = append(out[i].Lines, l)
		}
	}
	return out, lrows.Err()
}

// Statement reads one statement by number.
func (s *Store) Statement(ctx context.Context, number int) (data.Statement, error) {
	sts, err := s.Statements(ctx, StatementFilter{Number: number})
	if err != nil {
		return data.Statement{}, err
	}
	if len(sts) == 0 {
		return data.Statement{}, fmt.Errorf("statement No. %d: %w", number, data.ErrNotFound)
	}
	return sts[0], nil
}

// IssueAdjustment records a correction of an issued statement as a new, numbered statement.
func (s *Store) IssueAdjustment(ctx context.Context, original int, lines []data.StatementLine, reason string, issuedOn data.Date) (data.Statement, error) {
	orig, err := s.Statement(ctx, original)
	if err != nil {
		return data.Statement{}, err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return data.Statement{}, err
	}
	var st data.Statement
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var next int
		if err := tx.QueryRow("SELECT COALESCE(max(number), 0) + 1 FROM statements").Scan(&next); err != nil {
			return err
		}
		st, err = data.Adjustment(orig, lines, reason, next, issuedOn)
		if err != nil {
			return err
		}
		return insertStatements(ctx, tx, []data.Statement{st}, set)
	})
	return st, err
}

// MarkPaid records that statements were paid; a statement already paid is refused.
func (s *Store) MarkPaid(ctx context.Context, numbers []int, paidOn data.Date, ref string) error {
	if err := (data.MarkPaid{PaidOn: paidOn, Ref: ref}).Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, n := range numbers {
			var id int64
			var issued data.Date
			if err := tx.QueryRow("SELECT id, issued_on FROM statements WHERE number = ?", n).Scan(&id, dt(&issued)); err != nil {
				return fmt.Errorf("statement No. %d: %w", n, data.ErrNotFound)
			}
			if paidOn < issued {
				return fmt.Errorf("statement No. %d was issued on %s; it cannot be paid on %s", n, issued, paidOn)
			}
			if _, err := tx.Exec("INSERT INTO statement_payments(statement_id, paid_on, reference) VALUES (?,?,?)", id, dv(paidOn), ref); err != nil {
				if isConstraint(err) {
					return fmt.Errorf("statement No. %d is already marked paid", n)
				}
				return err
			}
		}
		return nil
	})
}
