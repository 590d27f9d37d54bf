package sqlite

import (
	"cmp"
	"context"
	"database/sql"
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
	// Waiting counts visits through the date that hold a session still planned or completed:
	// they wait for the instructor's confirmation (R3).
	Waiting int
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
	h, err := paymentHistory(ctx, tx, visits, set.SchoolYearStart)
	if err != nil {
		return out, fmt.Errorf("list visits ready to pay: %w", err)
	}
	drafts := data.IssueAll(visits, set, h, 1, 0)
	byKey := make(map[VisitKey]data.Visit, len(visits))
	for _, v := range visits {
		byKey[VisitKey{v.MentorID, v.SchoolID, v.Date}] = v
	}
	for _, d := range drafts {
		d.Number, d.Status = 0, ""
		out.Visits = append(out.Visits, ReadyVisit{Visit: byKey[VisitKey{d.MentorID, d.SchoolID, d.VisitDate}], Draft: d})
	}
	q := `SELECT count(*) FROM (SELECT DISTINCT x.mentor_id, c.school_id, x.date FROM sessions x
		JOIN classrooms c ON c.id = x.classroom_id WHERE `
	var args []any
	if through.IsZero() {
		q += "x.status = 'completed')"
	} else {
		q += "x.status IN ('planned','completed') AND x.date <= ?)"
		args = append(args, dv(through))
	}
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&out.Waiting); err != nil {
		return out, fmt.Errorf("count visits awaiting confirmation: %w", err)
	}
	return out, nil
}

// IssueVisits issues the statements of the chosen visits in one transaction, numbered in R6
// order. A visit no longer ready (or already issued) refuses the whole batch.
func (s *Store) IssueVisits(ctx context.Context, keys []VisitKey, issuedOn data.Date) ([]data.Statement, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	if issuedOn.IsZero() {
		return nil, fmt.Errorf("issue statements: the issue date is required")
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	var last data.Date
	want := make(map[VisitKey]bool, len(keys))
	for _, k := range keys {
		want[k] = true
		last = max(last, k.Date)
	}
	var issued []data.Statement
	err = s.tx(ctx, func(tx *sql.Tx) error {
		visits, err := pendingVisits(ctx, tx, last)
		if err != nil {
			return err
		}
		var chosen []data.Visit
		for _, v := range visits {
			k := VisitKey{v.MentorID, v.SchoolID, v.Date}
			if !want[k] {
				continue
			}
			delete(want, k)
			if !v.Ready() {
				return fmt.Errorf("the %s is no longer ready to pay: a session waits for confirmation (R3)", v)
			}
			chosen = append(chosen, v)
		}
		if len(want) > 0 {
			var missing []string
			for k := range want {
				missing = append(missing, k.Date.String())
			}
			slices.Sort(missing)
			return fmt.Errorf("%d chosen visit(s) (on %s) have nothing left to pay: already issued or no longer confirmed; reload the list",
				len(missing), strings.Join(missing, ", "))
		}
		h, err := paymentHistory(ctx, tx, chosen, set.SchoolYearStart)
		if err != nil {
			return err
		}
		var next int
		if err := tx.QueryRow("SELECT COALESCE(max(number), 0) + 1 FROM statements").Scan(&next); err != nil {
			return err
		}
		issued = data.IssueAll(chosen, set, h, next, issuedOn)
		if len(issued) != len(chosen) {
			return fmt.Errorf("%d of %d chosen visits could not be drafted", len(chosen)-len(issued), len(chosen))
		}
		return insertStatements(ctx, tx, issued, set)
	})
	if err != nil {
		return nil, fmt.Errorf("issue statements: %w", err)
	}
	return issued, nil
}

// StatementSummary is one statement without its lines, as lists show it.
type StatementSummary struct {
	Number      int
	IssuedOn    data.Date
	MentorID    int64
	MentorEmail string
	MentorName  string
	SchoolID    int64
	School      string
	VisitDate   data.Date
	Adjusts     int
	Reason      string
	Sessions    int // session lines
	Total       data.Money
	Status      data.StatementStatus
	PaidOn      data.Date
	PaidRef     string
}

// totalOnly is the statement as the rules that add up totals (YearTotals, Balances) need it.
func (x StatementSummary) totalOnly() data.Statement {
	return data.Statement{Number: x.Number, IssuedOn: x.IssuedOn, MentorID: x.MentorID, MentorEmail: x.MentorEmail,
		MentorName: x.MentorName, SchoolID: x.SchoolID, School: x.School, VisitDate: x.VisitDate, Adjusts: x.Adjusts,
		Status: x.Status, PaidOn: x.PaidOn, PaidRef: x.PaidRef,
		Lines: []data.StatementLine{{Kind: data.AdjustmentLine, Description: "total", Amount: x.Total}}}
}

// StatementSummaries lists statements by number without reading their lines: the stored total
// (written from the lines in the same transaction, and immutable) is enough for a list.
func (s *Store) StatementSummaries(ctx context.Context, f StatementFilter) ([]StatementSummary, error) {
	where, args := f.conditions()
	q := `SELECT st.number, st.issued_on, st.mentor_id, m.email, m.first_name || ' ' || m.last_name, st.school_id, sc.name,
		st.visit_date, COALESCE(st.adjusts, 0), st.reason, st.total,
		(SELECT count(*) FROM statement_lines l WHERE l.statement_id = st.id AND l.kind = 'session'),
		COALESCE(p.paid_on, ''), COALESCE(p.reference, '')
		FROM statements st JOIN mentors m ON m.id = st.mentor_id JOIN schools sc ON sc.id = st.school_id
		LEFT JOIN statement_payments p ON p.statement_id = st.id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM statements").Scan(&n); err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY st.number", args...)
	if err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	defer rows.Close()
	out := make([]StatementSummary, 0, n) // at most every statement; growing 60,000 rows costs more than the count
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

// YearEnd is what the year-end view shows: totals per mentor per calendar year (statements and
// adjustments by issue date) and the 1099-NEC threshold they were marked against.
type YearEnd struct {
	Threshold data.Money
	Totals    []data.YearTotal
}

// YearEnd sums every statement and adjustment per mentor per calendar year (data.YearTotals)
// against the nec.threshold setting.
func (s *Store) YearEnd(ctx context.Context) (YearEnd, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return YearEnd{}, err
	}
	sums, err := s.StatementSummaries(ctx, StatementFilter{})
	if err != nil {
		return YearEnd{}, err
	}
	return YearEndOf(sums, set.NECThreshold), nil
}

// YearEndOf is YearEnd over statements already read, so a screen reads them once.
func YearEndOf(sums []StatementSummary, threshold data.Money) YearEnd {
	sts := make([]data.Statement, len(sums))
	for i, x := range sums {
		sts[i] = x.totalOnly()
	}
	return YearEnd{Threshold: threshold, Totals: data.YearTotals(sts, threshold)}
}

// MentorBalance is everything one mentor is owed (issued, not yet paid) and has been paid.
type MentorBalance struct {
	MentorID    int64
	MentorName  string
	MentorEmail string
	Statements  int // including adjustments
	Adjustments int
	data.Balance
}

// Total is owed and paid together: the sum of every statement and adjustment.
func (b MentorBalance) Total() data.Money { return b.Owed + b.Paid }

// MentorBalances lists, per mentor with a statement, what is owed and paid (data.Balances), by name.
func (s *Store) MentorBalances(ctx context.Context) ([]MentorBalance, error) {
	sums, err := s.StatementSummaries(ctx, StatementFilter{})
	if err != nil {
		return nil, err
	}
	return BalancesOf(sums), nil
}

// BalancesOf is MentorBalances over statements already read.
func BalancesOf(sums []StatementSummary) []MentorBalance {
	sts := make([]data.Statement, len(sums))
	index := map[int64]int{}
	var out []MentorBalance
	for i, x := range sums {
		sts[i] = x.totalOnly()
		j, ok := index[x.MentorID]
		if !ok {
			j = len(out)
			index[x.MentorID] = j
			out = append(out, MentorBalance{MentorID: x.MentorID, MentorName: x.MentorName, MentorEmail: x.MentorEmail})
		}
		out[j].Statements++
		if x.Adjusts != 0 {
			out[j].Adjustments++
		}
	}
	bal := data.Balances(sts)
	for i := range out {
		out[i].Balance = bal[out[i].MentorID]
	}
	slices.SortFunc(out, func(a, b MentorBalance) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.MentorName), strings.ToLower(b.MentorName)), cmp.Compare(a.MentorID, b.MentorID))
	})
	return out
}
