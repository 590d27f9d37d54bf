package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// Beginnings of the R7/R8 flags, as data names them.
const (
	FlagNotCleared = data.FlagNotCleared
	FlagNoContract = data.FlagNoContract
)

// SessionFlags are the R7/R8 flags standing on each session (by id) on its date, read in three
// queries whatever the number of sessions; sessions without flags are left out.
func (s *Store) SessionFlags(ctx context.Context, sessions []data.Session) (map[int64][]string, error) {
	start, err := s.schoolYearStart(ctx, s.r)
	if err != nil {
		return nil, err
	}
	return sessionFlags(ctx, s.r, sessions, start)
}

func (s *Store) schoolYearStart(ctx context.Context, db querier) (data.MonthDay, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return data.MonthDay{}, err
	}
	if set.SchoolYearStart.Month == 0 {
		return data.DefaultSchoolYearStart, nil
	}
	return set.SchoolYearStart, nil
}

func sessionFlags(ctx context.Context, db querier, sessions []data.Session, start data.MonthDay) (map[int64][]string, error) {
	out := map[int64][]string{}
	var ids []int64
	for _, x := range sessions {
		if !slices.Contains(ids, x.MentorID) {
			ids = append(ids, x.MentorID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	in := "(" + strings.Repeat("?,", len(ids)-1) + "?)"
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	mentors := map[int64]data.Mentor{}
	checks := map[int64][]data.Check{}
	contracts := map[int64][]data.Contract{}
	if err := eachRow(ctx, db, "SELECT id, wa_resident_since FROM mentors WHERE id IN "+in, args, func(r *sql.Rows) error {
		var m data.Mentor
		if err := r.Scan(&m.ID, dt(&m.WAResidentSince)); err != nil {
			return err
		}
		mentors[m.ID] = m
		return nil
	}); err != nil {
		return nil, fmt.Errorf("mentors of the sessions: %w", err)
	}
	if err := eachRow(ctx, db, "SELECT mentor_id, kind, completed_on, result FROM checks WHERE mentor_id IN "+in, args, func(r *sql.Rows) error {
		var c data.Check
		if err := r.Scan(&c.MentorID, &c.Kind, dt(&c.CompletedOn), &c.Result); err != nil {
			return err
		}
		checks[c.MentorID] = append(checks[c.MentorID], c)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("checks of the sessions' mentors: %w", err)
	}
	if err := eachRow(ctx, db, "SELECT mentor_id, school_year, signed_on FROM contracts WHERE mentor_id IN "+in, args, func(r *sql.Rows) error {
		var c data.Contract
		if err := r.Scan(&c.MentorID, &c.SchoolYear, dt(&c.SignedOn)); err != nil {
			return err
		}
		contracts[c.MentorID] = append(contracts[c.MentorID], c)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("contracts of the sessions' mentors: %w", err)
	}
	for _, x := range sessions {
		if f := data.SessionFlags(mentors[x.MentorID], checks[x.MentorID], contracts[x.MentorID], x.Date, start); len(f) > 0 {
			out[x.ID] = f
		}
	}
	return out, nil
}

func eachRow(ctx context.Context, db querier, q string, args []any, row func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// FlaggedError names sessions that need the director's override before they are confirmed or
// paid; nothing was changed.
type FlaggedError struct {
	Doing    string // "confirmed", "paid"
	Sessions []string
}

func (e *FlaggedError) Error() string {
	return fmt.Sprintf("%s flagged and cannot be %s without an override with a reason: %s",
		map[bool]string{true: "this session is", false: "these sessions are"}[len(e.Sessions) == 1], e.Doing, strings.Join(e.Sessions, "; "))
}

// flaggedName is "Wed 9 Sep 2026 09:00 · Ana Mentor at Whitman · 7th Band (not cleared)".
func flaggedName(x data.Session, flags []string) string {
	return fmt.Sprintf("%s %s · %s at %s · %s (%s)", x.Date.Time().Format("Mon 2 Jan 2006"), x.Start, x.MentorName, x.School, x.Classroom, data.FlagsShort(flags))
}

// HeldVisit is a visit ready to pay by R3 whose flagged sessions have no override yet.
type HeldVisit struct {
	Visit   data.Visit
	Flagged []data.Session // the confirmed sessions without an override
	Flags   map[int64][]string
}

// holdFlagged splits visits into those payable now and those held for an override.
func holdFlagged(ctx context.Context, db querier, visits []data.Visit, start data.MonthDay) (pay []data.Visit, held []HeldVisit, err error) {
	var all []data.Session
	for _, v := range visits {
		all = append(all, v.Sessions...)
	}
	flags, err := sessionFlags(ctx, db, all, start)
	if err != nil {
		return nil, nil, err
	}
	for _, v := range visits {
		h := HeldVisit{Visit: v, Flags: flags}
		if v.Ready() {
			for _, x := range v.Sessions {
				if x.Status == data.Confirmed && x.StatementID == 0 && data.OverrideNeeded(flags[x.ID], x.OverrideReason) {
					h.Flagged = append(h.Flagged, x)
				}
			}
		}
		if len(h.Flagged) > 0 {
			held = append(held, h)
		} else {
			pay = append(pay, v)
		}
	}
	return pay, held, nil
}

// HeldVisits lists the visits through a date (zero: all) ready to pay but for flagged sessions
// without an override: IssueStatements leaves them out.
func (s *Store) HeldVisits(ctx context.Context, through data.Date) ([]HeldVisit, error) {
	start, err := s.schoolYearStart(ctx, s.r)
	if err != nil {
		return nil, err
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	visits, err := pendingVisits(ctx, tx, through)
	if err != nil {
		return nil, fmt.Errorf("list visits held for an override: %w", err)
	}
	_, held, err := holdFlagged(ctx, tx, visits, start)
	return held, err
}

// OverrideFlags records the director's reason on the flagged, unpaid sessions among ids, so they
// can be confirmed and paid; sessions without a flag are left as they are.
func (s *Store) OverrideFlags(ctx context.Context, ids []int64, reason string) error {
	if err := data.CheckOverrideReason(reason); err != nil {
		return err
	}
	start, err := s.schoolYearStart(ctx, s.r)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		sessions, err := sessionsByID(ctx, tx, ids)
		if err != nil {
			return err
		}
		flags, err := sessionFlags(ctx, tx, sessions, start)
		if err != nil {
			return err
		}
		for _, x := range sessions {
			if len(flags[x.ID]) == 0 || x.StatementID != 0 {
				continue
			}
			if _, err := tx.Exec("UPDATE sessions SET override_reason = ? WHERE id = ?", strings.TrimSpace(reason), x.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return friendlySessionErr(err)
}

func sessionsByID(ctx context.Context, db querier, ids []int64) ([]data.Session, error) {
	var out []data.Session
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT "+sessionCols+sessionFrom+" WHERE x.id = ?", id)
		if err != nil {
			return nil, err
		}
		found := false
		for rows.Next() {
			var x data.Session
			if err := scanSession(rows, &x); err != nil {
				rows.Close()
				return nil, err
			}
			out, found = append(out, x), true
		}
		rows.Close()
		if !found {
			return nil, fmt.Errorf("session %d: %w", id, data.ErrNotFound)
		}
	}
	return out, nil
}

// heldError names the flagged sessions of held visits.
func heldError(held []HeldVisit) error {
	e := &FlaggedError{Doing: "paid"}
	for _, h := range held {
		for _, x := range h.Flagged {
			e.Sessions = append(e.Sessions, flaggedName(x, h.Flags[x.ID]))
		}
	}
	return e
}

// MarkFlags sets Flags on every calendar session whose mentor was not cleared (R7) or held no
// contract (R8) on its date, so the calendar shows it flagged.
func (s *Store) MarkFlags(ctx context.Context, xs []CalendarSession) error {
	sessions := make([]data.Session, len(xs))
	for i, x := range xs {
		sessions[i] = data.Session{ID: x.ID, MentorID: x.MentorID, Date: x.Date}
	}
	flags, err := s.SessionFlags(ctx, sessions)
	if err != nil {
		return err
	}
	for i := range xs {
		xs[i].Flags = flags[xs[i].ID]
	}
	return nil
}
