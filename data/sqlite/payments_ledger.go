package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// ReadyVisit is a visit ready to pay (R3) with the statement issuing it would write (R4, R5).
type ReadyVisit struct {
	Visit data.Visit
	Draft data.Statement // lines and amounts; not numbered until issued
}

// ReadyToPay is the Payments screen's list of visits to issue.
type ReadyToPay struct {
	Visits []ReadyVisit
	// Waiting counts visits through the date that hold a session marked completed: they wait for
	// the instructor's confirmation (R3).
	Waiting int
	// Unmarked counts visits through the date (none when it is zero) that hold a session still
	// planned: not yet marked completed, nor confirmed or cancelled.
	Unmarked int
	// Held are visits ready by R3 but for flagged sessions without an override: they are paid
	// once the director gives a reason.
	Held []HeldVisit
}

// VisitKey names one visit (R2).
type VisitKey struct {
	MentorID, SchoolID int64
	Date               data.Date
}

// Key is the visit's key.
func (r ReadyVisit) Key() VisitKey {
	return VisitKey{r.Visit.MentorID, r.Visit.SchoolID, r.Visit.Date}
}

// ReadyVisits lists the visits through a date (zero: all) that IssueStatements would pay, in
// R6 order, each with its drafted statement; nothing is written.
func (s *Store) ReadyVisits(ctx context.Context, through data.Date) (ReadyToPay, error) {
	var out ReadyToPay
	set, err := s.Settings(ctx)
	if err != nil {
		return out, err
	}
	// One read transaction, so the visits and the history they are drafted against agree.
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	visits, err := pendingVisits(ctx, tx, through)
	if err != nil {
		return out, fmt.Errorf("list visits ready to pay: %w", err)
	}
	if visits, out.Held, err = holdFlagged(ctx, tx, visits, set.SchoolYearStart); err != nil {
		return out, fmt.Errorf("list visits ready to pay: %w", err)
	}
	// Only the visits ready to issue are drafted, so only their mentors' history is read.
	var due []data.Visit
	for _, v := range visits {
		if v.Ready() && !v.Issued() {
			due = append(due, v)
		}
	}
	h, err := paymentHistory(ctx, tx, due, set.SchoolYearStart)
	if err != nil {
		return out, fmt.Errorf("list visits ready to pay: %w", err)
	}
	drafts := data.IssueAll(visits, set, h, 1, 0)
	if err := adjustLatePayments(ctx, tx, visits, drafts); err != nil {
		return out, fmt.Errorf("list visits ready to pay: %w", err)
	}
	byKey := make(map[VisitKey]data.Visit, len(visits))
	for _, v := range visits {
		byKey[VisitKey{v.MentorID, v.SchoolID, v.Date}] = v
	}
	for _, d := range drafts {
		d.Number, d.Status = 0, ""
		out.Visits = append(out.Visits, ReadyVisit{Visit: byKey[VisitKey{d.MentorID, d.SchoolID, d.VisitDate}], Draft: d})
	}
	count := func(status string, n *int) error {
		q := `SELECT count(*) FROM (SELECT DISTINCT x.mentor_id, c.school_id, x.date FROM sessions x
			JOIN classrooms c ON c.id = x.classroom_id WHERE x.status = ?`
		args := []any{status}
		if !through.IsZero() {
			q += " AND x.date <= ?"
			args = append(args, dv(through))
		}
		return tx.QueryRowContext(ctx, q+")", args...).Scan(n)
	}
	if err := count("completed", &out.Waiting); err != nil {
		return out, fmt.Errorf("count visits awaiting confirmation: %w", err)
	}
	if !through.IsZero() {
		if err := count("planned", &out.Unmarked); err != nil {
			return out, fmt.Errorf("count visits not marked completed: %w", err)
		}
	}
	return out, nil
}

// StatementSummary is data.StatementSummary: the type moved to the domain, the name kept for the store's callers.
type StatementSummary = data.StatementSummary

// StatementSummaries lists statements by number without reading their lines: the stored total
// (written from the lines in the same transaction, and immutable) is enough for a list.
func (s *Store) StatementSummaries(ctx context.Context, f StatementFilter) ([]StatementSummary, error) {
	where, args := statementConditions(f)
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	// Counting first (by the same indexes) costs less than growing a list of thousands.
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM statements st
		LEFT JOIN statement_payments p ON p.statement_id = st.id`+cond, args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT st.number, st.issued_on, st.mentor_id, m.email, m.first_name || ' ' || m.last_name, st.school_id, sc.name,
		st.visit_date, COALESCE(st.adjusts, 0), st.reason, st.total,
		(SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.id AND l.kind = 'session'),
		COALESCE(p.paid_on, ''), COALESCE(p.reference, '')
		FROM statements st JOIN mentors m ON m.id = st.mentor_id JOIN schools sc ON sc.id = st.school_id
		LEFT JOIN statement_payments p ON p.statement_id = st.id`+cond+" ORDER BY st.number", args...)
	if err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	defer rows.Close()
	out := make([]StatementSummary, 0, n)
	for rows.Next() {
		var x StatementSummary
		if err := rows.Scan(&x.Number, dt(&x.IssuedOn), &x.MentorID, &x.MentorEmail, &x.MentorName, &x.SchoolID, &x.School,
			dt(&x.VisitDate), &x.Adjusts, &x.Reason, &x.Total, &x.Sessions, dt(&x.PaidOn), &x.PaidRef); err != nil {
			return nil, fmt.Errorf("list statements: %w", err)
		}
		x.Status = data.Issued
		if !x.PaidOn.IsZero() {
			x.Status = data.Paid
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// YearEnd is data.YearEnd: the type moved to the domain, the name kept for the store's callers.
type YearEnd = data.YearEnd

// YearEnd sums every statement and adjustment per mentor per calendar year of its issue date
// against the nec.threshold setting, as data.YearTotals does, from the totals the schema keeps
// per mentor and year (statement_totals), so ten years' statements are never read.
func (s *Store) YearEnd(ctx context.Context) (YearEnd, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return YearEnd{}, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT t.mentor_id, m.first_name || ' ' || m.last_name, t.year, t.owed + t.paid, t.statements
		FROM statement_totals t JOIN mentors m ON m.id = t.mentor_id WHERE t.statements > 0`)
	if err != nil {
		return YearEnd{}, fmt.Errorf("year-end totals: %w", err)
	}
	defer rows.Close()
	var out []data.YearTotal
	for rows.Next() {
		var t data.YearTotal
		if err := rows.Scan(&t.MentorID, &t.MentorName, &t.Year, &t.Total, &t.Statements); err != nil {
			return YearEnd{}, fmt.Errorf("year-end totals: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return YearEnd{}, fmt.Errorf("year-end totals: %w", err)
	}
	data.MarkYearTotals(out, set.NECThreshold)
	return YearEnd{Threshold: set.NECThreshold, Totals: out}, nil
}

// MentorBalance is data.MentorBalance: the type moved to the domain, the name kept for the store's callers.
type MentorBalance = data.MentorBalance

// balanceQuery sums the totals kept per mentor and year (statement_totals) per mentor, which is
// data.Balances over their statements; %s is a WHERE clause on them (empty for all).
const balanceQuery = `SELECT t.mentor_id, m.first_name || ' ' || m.last_name, m.email,
		sum(t.statements), sum(t.adjustments), sum(t.owed), sum(t.paid)
	FROM statement_totals t JOIN mentors m ON m.id = t.mentor_id %s
	GROUP BY t.mentor_id HAVING sum(t.statements) > 0`

// MentorBalances lists, per mentor with a statement, what is owed and paid (data.Balances), by name.
func (s *Store) MentorBalances(ctx context.Context) ([]MentorBalance, error) {
	return s.balances(ctx, "")
}

// MentorBalance is one mentor's balance; zero when they have no statement.
func (s *Store) MentorBalance(ctx context.Context, mentorID int64) (MentorBalance, error) {
	bs, err := s.balances(ctx, "WHERE t.mentor_id = ?", mentorID)
	if err != nil || len(bs) == 0 {
		return MentorBalance{MentorID: mentorID}, err
	}
	return bs[0], nil
}

func (s *Store) balances(ctx context.Context, where string, args ...any) ([]MentorBalance, error) {
	rows, err := s.r.QueryContext(ctx, fmt.Sprintf(balanceQuery, where), args...)
	if err != nil {
		return nil, fmt.Errorf("balances: %w", err)
	}
	defer rows.Close()
	var out []MentorBalance
	for rows.Next() {
		var b MentorBalance
		if err := rows.Scan(&b.MentorID, &b.MentorName, &b.MentorEmail, &b.Statements, &b.Adjustments, &b.Owed, &b.Paid); err != nil {
			return nil, fmt.Errorf("balances: %w", err)
		}
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b MentorBalance) int {
		return cmp.Or(data.CompareNames(a.MentorName, b.MentorName), cmp.Compare(a.MentorID, b.MentorID))
	})
	return out, rows.Err()
}

// IDName is data.IDName: the type moved to the domain, the name kept for the store's callers.
type IDName = data.IDName

// StatementChoices is data.StatementChoices: the type moved to the domain, the name kept for the store's callers.
type StatementChoices = data.StatementChoices

// StatementChoices reads the filter choices by index, one probe per mentor and school.
func (s *Store) StatementChoices(ctx context.Context) (StatementChoices, error) {
	var c StatementChoices
	read := func(q string) ([]IDName, error) {
		rows, err := s.r.QueryContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("statement filters: %w", err)
		}
		defer rows.Close()
		var out []IDName
		for rows.Next() {
			var x IDName
			if err := rows.Scan(&x.ID, &x.Name); err != nil {
				return nil, fmt.Errorf("statement filters: %w", err)
			}
			out = append(out, x)
		}
		slices.SortFunc(out, func(a, b IDName) int {
			return cmp.Or(data.CompareNames(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
		})
		return out, rows.Err()
	}
	var err error
	if c.Mentors, err = read(`SELECT m.id, m.first_name || ' ' || m.last_name FROM mentors m
		WHERE EXISTS (SELECT 1 FROM statements st WHERE st.mentor_id = m.id)`); err != nil {
		return c, err
	}
	if c.Schools, err = read(`SELECT sc.id, sc.name FROM schools sc
		WHERE EXISTS (SELECT 1 FROM statements st WHERE st.school_id = sc.id)`); err != nil {
		return c, err
	}
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM statements").Scan(&c.Count); err != nil {
		return c, fmt.Errorf("statement filters: %w", err)
	}
	return c, nil
}
