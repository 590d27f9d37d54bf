// Package csvio reads, validates and writes the CSV files of DESIGN.md §5: one reader and one
// writer per kind of file, with every problem reported by file, line and column so the command
// line can print it and a screen can mark the bad cell.
package csvio

import (
	"fmt"
	"strings"
)

// Kind names a CSV format of §5, as the import and export commands spell it.
type Kind string

const (
	Mentors     Kind = "mentors"
	Checks      Kind = "checks"
	Contracts   Kind = "contracts"
	Schools     Kind = "schools"
	Calendars   Kind = "calendars"
	Instructors Kind = "instructors"
	Classrooms  Kind = "classrooms"
	Events      Kind = "events"
	Sessions    Kind = "sessions"
	// Enrollments are the programs instructors signed up for: the contract's classrooms, the
	// planner and feedback depend on them.
	Enrollments Kind = "enrollments"
	Applicants  Kind = "applicants"
	Payments    Kind = "payments" // export only

	// Settings are the organisation's settings as key and value rows (the logo as a file
	// beside the CSV), so a letterhead, the rates and the review thresholds travel too.
	Settings Kind = "settings"
	// Decisions are the director's roster review decisions (keep, coach, remove).
	Decisions Kind = "decisions"

	Feedback Kind = "feedback"
	Surveys  Kind = "surveys"
	Goals    Kind = "goals" // export only, for the organisation: it holds pupil information
)

// Kinds are the kinds that can be imported, in the order of §5 except that calendars come
// before the schools that name them: imported in this order, every row refers only to rows
// already there.
var Kinds = []Kind{Mentors, Checks, Contracts, Calendars, Schools, Instructors, Classrooms, Events, Enrollments, Sessions, Applicants, Settings}

// ReviewKinds are the importable kinds of goals and feedback (instructors' feedback and
// student surveys); goals themselves are exported only.
var ReviewKinds = []Kind{Feedback, Surveys, Decisions}

// Importable are all the kinds a file can bring in: Kinds, then ReviewKinds.
var Importable = append(append([]Kind(nil), Kinds...), ReviewKinds...)

// AllKinds are every kind a file can hold, as exports list them: Kinds, Payments,
// ReviewKinds, Goals.
var AllKinds = append(append(append(append([]Kind(nil), Kinds...), Payments), ReviewKinds...), Goals)

var columns = map[Kind][]string{
	Mentors:     {"first_name", "last_name", "email", "phone", "address", "instruments", "education", "teaching_experience", "performance_experience", "bio", "wa_resident_since", "status", "photo"},
	Checks:      {"mentor_email", "kind", "completed_on", "result"},
	Contracts:   {"mentor_email", "school_year", "signed_on"},
	Schools:     {"name", "district", "level", "address", "calendar"},
	Calendars:   {"calendar", "date", "kind", "label"},
	Instructors: {"first_name", "last_name", "email", "phone", "school"},
	Classrooms:  {"school", "name", "ensemble", "grade", "instructor_email", "meeting_days", "period_start", "period_minutes"},
	Events:      {"school", "classroom", "date", "name"},
	Sessions:    {"date", "start", "minutes", "school", "classroom", "mentor_email", "program", "status", "confirmed_on", "focus", "notes", "override_reason", "punctuality", "confirmed_by", "confirmed_how", "cancel_reason", "cancelled_by"},
	Applicants:  {"cohort", "first_name", "last_name", "email", "school", "career_stage", "years_teaching", "strengths", "passions", "growth"},
	Payments:    {"statement", "issued_on", "mentor_email", "school", "visit_date", "sessions", "session_amount", "continuation_amount", "total", "adjusts", "status", "paid_on"},
	Feedback:    {"mentor_email", "school", "classroom", "school_year", "term", "given_on", "preparation", "rapport", "musical_progress", "punctuality", "comment"},
	Surveys:     {"mentor_email", "school", "classroom", "school_year", "term", "taken_on", "responses", "preparation", "rapport", "musical_progress", "enjoyment"},
	Goals:       {"school", "classroom", "school_year", "group", "goal", "set_by", "target_date", "rating_before", "rating_after", "status"},
	Settings:    {"key", "value"},
	Enrollments: {"mentor_email", "school", "classroom", "school_year", "program", "events", "evaluation", "to_school", "to_classroom", "fall_sessions", "status", "ended_on", "end_reason"},
	Decisions:   {"mentor_email", "decided_on", "decision", "reason"},
}

// added are the columns a kind gained after files of it were first written: a file without
// them still imports, and an update from it keeps what the organisation has for the values the
// file does not carry (Record.Lacks).
var added = map[Kind][]string{
	Sessions: {"override_reason", "punctuality", "confirmed_by", "confirmed_how", "cancel_reason", "cancelled_by"},
}

// AddedLater reports whether col was added to kind after files of it were in use, so that a
// file may lack it.
func AddedLater(k Kind, col string) bool { return contains(added[k], col) }

// Columns returns the columns of a kind in the order files are written; nil for an unknown kind.
func Columns(k Kind) []string { return append([]string(nil), columns[k]...) }

// ParseKind reads a kind as a user types it on the command line.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := columns[k]; !ok {
		names := make([]string, 0, len(AllKinds))
		for _, k := range AllKinds {
			names = append(names, string(k))
		}
		return "", fmt.Errorf("%q is not a kind of CSV file (%s)", s, strings.Join(names, ", "))
	}
	return k, nil
}

// Record is one row read from a file, with the line it starts on.
type Record[T any] struct {
	Line  int
	Value T
	Lacks map[string]bool // columns added to the kind later that the file does not have
}

// Has reports whether the record's file has the column col.
func (r Record[T]) Has(col string) bool { return !r.Lacks[col] }

// Error is one problem of a file: where it is and what is wrong, in the director's words.
type Error struct {
	File    string
	Line    int    // physical line the row starts on, or the row of a sheet; 0 for the file as a whole
	Column  string // column name as §5 spells it; "" for the row as a whole
	Problem string
	Sheet   string // the sheet of a workbook; "" for a CSV file
	Cell    int    // the file's column (1-based) of the cell, in a workbook; 0 when not one cell
}

// Error reads like `mentors.csv:7: email: "bob@" is not an e-mail address`, and for a
// workbook like `mentors.xlsx: Roster!K7: wa_resident_since: …`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Sheet != "" && e.Line > 0 && e.Cell > 0:
		fmt.Fprintf(&b, ": %s!%s%d", quoteSheet(e.Sheet), ColumnLetters(e.Cell), e.Line)
	case e.Sheet != "" && e.Line > 0:
		fmt.Fprintf(&b, ": %s row %d", quoteSheet(e.Sheet), e.Line)
	case e.Sheet != "":
		fmt.Fprintf(&b, ": sheet %s", quoteSheet(e.Sheet))
	case e.Line > 0:
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Column != "" {
		b.WriteString(e.Column)
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	return b.String()
}

// Errors is every problem found in one file, in the order of the file.
type Errors []*Error

// maxShown bounds the lines of Errors.Error: a terminal shows the first ones, a screen all.
const maxShown = 20

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i == maxShown {
			fmt.Fprintf(&b, "\n… and %d more", len(es)-maxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find the first *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
