package data

// StatementStatus is whether an issued statement has been paid.
type StatementStatus string

const (
	Issued StatementStatus = "issued"
	Paid   StatementStatus = "paid"
)

// LineKind is what a statement line pays for.
type LineKind string

const (
	SessionLine      LineKind = "session"
	ContinuationLine LineKind = "continuation"
	AdjustmentLine   LineKind = "adjustment"
)

// StatementLine is one amount on a statement.
type StatementLine struct {
	Kind        LineKind
	SessionID   int64 // session lines
	Description string
	Classroom   string
	Program     Program
	Start       Clock
	Minutes     int
	Amount      Money
}

// Statement pays one visit (R4) or, as an adjustment, corrects an earlier statement (R6).
// Once issued it never changes: its number, lines and total are fixed.
type Statement struct {
	ID          int64
	Number      int
	IssuedOn    Date
	MentorID    int64
	MentorEmail string
	MentorName  string
	SchoolID    int64
	School      string
	VisitDate   Date
	Adjusts     int    // number of the statement this adjustment corrects; zero for a visit's
	Reason      string // why an adjustment was made
	Lines       []StatementLine
	Status      StatementStatus
	PaidOn      Date
	PaidRef     string // cheque number or transfer reference
}

// SessionAmount is the sum of the session lines.
func (s Statement) SessionAmount() Money { return s.sum(SessionLine) }

// ContinuationAmount is the sum of the continuation lines.
func (s Statement) ContinuationAmount() Money { return s.sum(ContinuationLine) }

// SessionsPaid counts the session lines.
func (s Statement) SessionsPaid() int {
	n := 0
	for _, l := range s.Lines {
		if l.Kind == SessionLine {
			n++
		}
	}
	return n
}

// Total is the sum of every line.
func (s Statement) Total() Money {
	var t Money
	for _, l := range s.Lines {
		t += l.Amount
	}
	return t
}

func (s Statement) sum(k LineKind) Money {
	var t Money
	for _, l := range s.Lines {
		if l.Kind == k {
			t += l.Amount
		}
	}
	return t
}

// Notices are the two sentences every statement carries (R6).
var Notices = []string{
	"Travel expenses are not reimbursed.",
	"The mentor is an independent contractor, not an employee of the organisation.",
}

// MarkPaid is the record that a statement has been paid.
type MarkPaid struct {
	Number int
	PaidOn Date
	Ref    string
}

func (m MarkPaid) Validate() error {
	var p Problems
	p.date("paid_on", m.PaidOn, true)
	p.text("reference", m.Ref, false, 100)
	return p.err()
}
