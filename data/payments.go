package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visit is everything one mentor does at one school on one date (R2); it is paid once (R4).
type Visit struct {
	MentorID    int64
	MentorName  string
	MentorEmail string
	SchoolID    int64
	School      string
	Date        Date
	Sessions    []Session
}

// visitKey falls back to e-mail and school name so sessions not yet stored (imports) still group.
type visitKey struct {
	mentorID int64
	mentor   string
	schoolID int64
	school   string
	date     Date
}

func visitKeyOf(s Session) visitKey {
	k := visitKey{mentorID: s.MentorID, schoolID: s.SchoolID, date: s.Date}
	if k.mentorID == 0 {
		k.mentor = strings.ToLower(strings.TrimSpace(s.MentorEmail))
	}
	if k.schoolID == 0 {
		k.school = strings.TrimSpace(s.School)
	}
	return k
}

// Visits groups sessions by mentor, school and date (R2), in the order statements are issued
// (R6): date, mentor name, school name; each visit's sessions by start time, then classroom.
func Visits(sessions []Session) []Visit {
	index := make(map[visitKey]int)
	var visits []Visit
	for _, s := range sessions {
		k := visitKeyOf(s)
		i, ok := index[k]
		if !ok {
			i = len(visits)
			index[k] = i
			visits = append(visits, Visit{MentorID: s.MentorID, MentorName: s.MentorName, MentorEmail: s.MentorEmail,
				SchoolID: s.SchoolID, School: s.School, Date: s.Date})
		}
		visits[i].Sessions = append(visits[i].Sessions, s)
	}
	for i := range visits {
		slices.SortFunc(visits[i].Sessions, func(a, b Session) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), CompareNames(a.Classroom, b.Classroom), cmp.Compare(a.ID, b.ID))
		})
	}
	slices.SortFunc(visits, compareVisits)
	return visits
}

// compareVisits is the R6 order; ids and e-mail break ties so numbering never depends on input order.
func compareVisits(a, b Visit) int {
	return cmp.Or(cmp.Compare(a.Date, b.Date),
		CompareNames(a.MentorName, b.MentorName), cmp.Compare(a.MentorID, b.MentorID),
		strings.Compare(a.MentorEmail, b.MentorEmail),
		CompareNames(a.School, b.School), cmp.Compare(a.SchoolID, b.SchoolID))
}

// CompareNames orders names as a director reads a list (case-insensitively), exact text breaking ties.
func CompareNames(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		r, n := utf8.DecodeRuneInString(x)
		s, m := utf8.DecodeRuneInString(y)
		if c := cmp.Compare(unicode.ToLower(r), unicode.ToLower(s)); c != 0 {
			return c
		}
		x, y = x[n:], y[m:]
	}
	return cmp.Or(cmp.Compare(len(x), len(y)), strings.Compare(a, b))
}

// Ready reports whether the visit can be paid (R3): every session confirmed or cancelled, one confirmed.
func (v Visit) Ready() bool { return v.notReady() == nil }

func (v Visit) notReady() error {
	confirmed := false
	for _, s := range v.Sessions {
		switch s.Status {
		case Confirmed:
			confirmed = true
		case Cancelled:
		default:
			return fmt.Errorf("%s: %s at %s is %s, not yet confirmed or cancelled (R3)", v, s.Classroom, s.Start, s.Status)
		}
	}
	if !confirmed {
		return fmt.Errorf("%s: no session is confirmed, so nothing is payable (R3)", v)
	}
	return nil
}

// Issued reports whether every confirmed session is on a statement; a visit with none confirmed has none.
func (v Visit) Issued() bool {
	confirmed := false
	for _, s := range v.Sessions {
		if s.Status == Confirmed {
			if !s.Locked() {
				return false
			}
			confirmed = true
		}
	}
	return confirmed
}

func (v Visit) String() string {
	return fmt.Sprintf("visit of %s to %s on %s", v.MentorName, v.School, v.Date)
}

// ContinuationPaid records that a statement for the visit on VisitDate paid continuation (R5).
type ContinuationPaid struct {
	MentorID  int64
	SchoolID  int64
	VisitDate Date
}

type mentorSchool struct{ mentorID, schoolID int64 }

// PaymentHistory is what R5 looks back on: the dates of a mentor's confirmed sessions at each
// school and the visits that already paid continuation. It keeps dates, not school years, so
// the year boundary is always the one in the settings a statement is made with.
type PaymentHistory struct {
	confirmed    map[mentorSchool][]Date // sorted, each date once
	continuation map[mentorSchool][]Date // sorted visit dates
}

// NewPaymentHistory starts from the confirmed sessions (issued or not: R5 counts them all; other
// statuses are ignored) and the continuations already paid.
func NewPaymentHistory(confirmed []Session, paid []ContinuationPaid) *PaymentHistory {
	h := &PaymentHistory{confirmed: map[mentorSchool][]Date{}, continuation: map[mentorSchool][]Date{}}
	h.AddConfirmed(confirmed...)
	for _, p := range paid {
		h.AddContinuation(p)
	}
	return h
}

// AddConfirmed notes confirmed sessions; sessions of any other status are skipped.
func (h *PaymentHistory) AddConfirmed(sessions ...Session) {
	for _, s := range sessions {
		if s.Status == Confirmed {
			insertDate(h.confirmed, mentorSchool{s.MentorID, s.SchoolID}, s.Date)
		}
	}
}

// AddContinuation notes a continuation already paid.
func (h *PaymentHistory) AddContinuation(p ContinuationPaid) {
	insertDate(h.continuation, mentorSchool{p.MentorID, p.SchoolID}, p.VisitDate)
}

// Record notes what an issued statement paid: its visit's confirmed date and any continuation.
func (h *PaymentHistory) Record(st Statement) {
	k := mentorSchool{st.MentorID, st.SchoolID}
	if st.SessionsPaid() > 0 {
		insertDate(h.confirmed, k, st.VisitDate)
	}
	if slices.ContainsFunc(st.Lines, func(l StatementLine) bool { return l.Kind == ContinuationLine }) {
		insertDate(h.continuation, k, st.VisitDate)
	}
}

// ContinuationDue reports whether R5 pays continuation on v's statement: v holds the mentor's
// first confirmed session at the school in its school year, none was paid for that year yet,
// and they had a confirmed session there the year before.
func (h *PaymentHistory) ContinuationDue(v Visit, start MonthDay) bool {
	if !slices.ContainsFunc(v.Sessions, func(s Session) bool { return s.Status == Confirmed }) {
		return false
	}
	y := SchoolYearOf(v.Date, start)
	first, last := y.Bounds(start)
	prev, _ := (y - 1).Bounds(start)
	k := mentorSchool{v.MentorID, v.SchoolID}
	// Same-day sessions at the school are this visit (R2), so "earlier" needs only the date.
	return !anyDate(h.continuation[k], first, last+1) &&
		!anyDate(h.confirmed[k], first, v.Date) &&
		anyDate(h.confirmed[k], prev, first)
}

func insertDate(m map[mentorSchool][]Date, k mentorSchool, d Date) {
	dates := m[k]
	if i, found := slices.BinarySearch(dates, d); !found {
		m[k] = slices.Insert(dates, i, d)
	}
}

// anyDate reports whether sorted dates hold one in [from, to).
func anyDate(dates []Date, from, to Date) bool {
	i, _ := slices.BinarySearch(dates, from)
	return i < len(dates) && dates[i] < to
}

// StatementFor drafts the statement of a ready visit (R4): one line per confirmed session not yet
// on a statement, at today's rate of its program, plus continuation where R5 applies. The number,
// issue date and status are set when it is issued.
func StatementFor(v Visit, s Settings, h *PaymentHistory) (Statement, error) {
	if h == nil {
		return Statement{}, errors.New("a payment history is needed to decide continuation (R5)")
	}
	if err := v.notReady(); err != nil {
		return Statement{}, err
	}
	st := Statement{MentorID: v.MentorID, MentorEmail: v.MentorEmail, MentorName: v.MentorName,
		SchoolID: v.SchoolID, School: v.School, VisitDate: v.Date}
	for _, se := range v.Sessions {
		if se.Status != Confirmed || se.Locked() {
			continue
		}
		st.Lines = append(st.Lines, StatementLine{
			Kind:        SessionLine,
			SessionID:   se.ID,
			Description: fmt.Sprintf("%s — %s, %s–%s", se.Classroom, se.Program.Title(), se.Start, se.End()),
			Classroom:   se.Classroom,
			Program:     se.Program,
			Start:       se.Start,
			Minutes:     se.Minutes,
			Amount:      s.Rate(se.Program),
		})
	}
	if len(st.Lines) == 0 {
		return Statement{}, fmt.Errorf("%s: every confirmed session is already on a statement (R6)", v)
	}
	if s.RateContinuation != 0 && h.ContinuationDue(v, s.SchoolYearStart) {
		st.Lines = append(st.Lines, StatementLine{
			Kind: ContinuationLine,
			Description: fmt.Sprintf("Continuation compensation — returning to %s in %s",
				v.School, s.SchoolYear(v.Date)),
			Amount: s.RateContinuation,
		})
	}
	return st, nil
}

// IssueAll issues a statement for each ready visit not yet issued, numbered from nextNumber
// without gaps in R6 order. It adds the visits' confirmed sessions and the continuations it
// pays to h (nil starts an empty history), so a batch pays continuation once per school year.
func IssueAll(visits []Visit, s Settings, h *PaymentHistory, nextNumber int, issuedOn Date) []Statement {
	if h == nil {
		h = NewPaymentHistory(nil, nil)
	}
	var due []Visit
	for _, v := range visits {
		h.AddConfirmed(v.Sessions...)
		if v.Ready() && !v.Issued() {
			due = append(due, v)
		}
	}
	slices.SortFunc(due, compareVisits)
	out := make([]Statement, 0, len(due))
	for _, v := range due {
		st, err := StatementFor(v, s, h)
		if err != nil {
			continue // unreachable for a ready, unissued visit; the next number stays unused
		}
		st.Number = nextNumber + len(out)
		st.IssuedOn = issuedOn
		st.Status = Issued
		h.Record(st)
		out = append(out, st)
	}
	return out
}

// Adjustment is a new statement correcting an issued one (R6): the original never changes.
// Lines may be negative; each must move money and together they must too.
func Adjustment(original Statement, lines []StatementLine, reason string, number int, issuedOn Date) (Statement, error) {
	var p Problems
	reason = strings.TrimSpace(reason)
	if original.Number <= 0 {
		p.add("adjusts", "the statement to correct has not been issued")
	}
	if reason == "" {
		p.add("reason", "is required: say what the adjustment corrects")
	}
	if number <= 0 {
		p.add("statement", "%d is not a statement number", number)
	}
	p.date("issued_on", issuedOn, true)
	if !issuedOn.IsZero() && issuedOn < original.IssuedOn {
		p.add("issued_on", "%s is before statement %d was issued (%s)", issuedOn, original.Number, original.IssuedOn)
	}
	if len(lines) == 0 {
		p.add("lines", "an adjustment needs at least one line")
	}
	var total Money
	adjusted := make([]StatementLine, len(lines))
	for i, l := range lines {
		if l.Amount == 0 {
			p.add("lines", "line %d has no amount", i+1)
		}
		total += l.Amount
		l.Kind = AdjustmentLine
		if strings.TrimSpace(l.Description) == "" {
			l.Description = reason
		}
		adjusted[i] = l
	}
	if len(lines) > 0 && total == 0 && p.For("lines") == "" {
		p.add("lines", "the lines add up to zero, so nothing would be corrected")
	}
	if err := p.err(); err != nil {
		return Statement{}, fmt.Errorf("adjustment of statement %d: %w", original.Number, err)
	}
	return Statement{
		Number:      number,
		IssuedOn:    issuedOn,
		MentorID:    original.MentorID,
		MentorEmail: original.MentorEmail,
		MentorName:  original.MentorName,
		SchoolID:    original.SchoolID,
		School:      original.School,
		VisitDate:   original.VisitDate,
		Adjusts:     original.Number,
		Reason:      reason,
		Lines:       adjusted,
		Status:      Issued,
	}, nil
}

// YearTotal is what one mentor was paid in one calendar year, for 1099-NEC reporting.
type YearTotal struct {
	MentorID      int64
	MentorName    string
	Year          int
	Total         Money
	Statements    int
	OverThreshold bool // Total is the threshold or more: the payments must be reported
}

// YearTotals sums statements and adjustments per mentor per calendar year of the issue date,
// ordered by year, then mentor name. Drafts (no issue date) are left out.
func YearTotals(statements []Statement, threshold Money) []YearTotal {
	type key struct {
		mentor int64
		year   int
	}
	index := make(map[key]int)
	var out []YearTotal
	for _, st := range statements {
		if st.IssuedOn.IsZero() {
			continue
		}
		k := key{st.MentorID, st.IssuedOn.Year()}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, YearTotal{MentorID: st.MentorID, MentorName: st.MentorName, Year: k.year})
		}
		out[i].Total += st.Total()
		out[i].Statements++
	}
	MarkYearTotals(out, threshold)
	return out
}

// MarkYearTotals marks each total against the threshold and orders them as YearTotals does: by
// year, then mentor name. A store that sums in SQL finishes its totals with it.
func MarkYearTotals(totals []YearTotal, threshold Money) {
	for i := range totals {
		totals[i].OverThreshold = totals[i].Total >= threshold
	}
	slices.SortFunc(totals, func(a, b YearTotal) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), CompareNames(a.MentorName, b.MentorName), cmp.Compare(a.MentorID, b.MentorID))
	})
}

// Balance is what a mentor is owed on issued statements and has been paid on paid ones.
type Balance struct{ Owed, Paid Money }

// Balances sums statements and adjustments per mentor id by status.
func Balances(statements []Statement) map[int64]Balance {
	out := make(map[int64]Balance)
	for _, st := range statements {
		b := out[st.MentorID]
		switch st.Status {
		case Issued:
			b.Owed += st.Total()
		case Paid:
			b.Paid += st.Total()
		default:
			continue
		}
		out[st.MentorID] = b
	}
	return out
}
