package csvio

import (
	"math"
	"strings"
)

// ValueType is what a column holds, as a workbook types its cells.
type ValueType uint8

const (
	TextValue   ValueType = iota
	DateValue             // YYYY-MM-DD
	ClockValue            // HH:MM
	NumberValue           // a count, minutes, a rating
	MoneyValue            // dollars and cents
)

var valueTypes = map[string]ValueType{
	"wa_resident_since": DateValue, "completed_on": DateValue, "signed_on": DateValue, "date": DateValue,
	"confirmed_on": DateValue, "given_on": DateValue, "taken_on": DateValue, "issued_on": DateValue,
	"visit_date": DateValue, "paid_on": DateValue, "target_date": DateValue,
	"start": ClockValue, "period_start": ClockValue,
	"minutes": NumberValue, "period_minutes": NumberValue, "statements": NumberValue, "year": NumberValue, "years_teaching": NumberValue, "term": NumberValue,
	"statement": NumberValue, "sessions": NumberValue, "adjusts": NumberValue, "responses": NumberValue,
	"preparation": NumberValue, "rapport": NumberValue, "musical_progress": NumberValue, "punctuality": NumberValue,
	"enjoyment": NumberValue, "rating_before": NumberValue, "rating_after": NumberValue,
	"session_amount": MoneyValue, "continuation_amount": MoneyValue, "total": MoneyValue,
}

// TypeOf is what a column holds; every column not listed is text.
func TypeOf(column string) ValueType { return valueTypes[column] }

// typed is the text a cell gives its column. A typed cell becomes its value: a date cell in a
// date column YYYY-MM-DD, a time cell HH:MM, a number its digits. A typed cell where text is
// expected — a date where a grade "1/2" was meant — and formulas are refused, said in words.
func (r *row) typed(col string, c Cell) (string, bool) {
	want := TypeOf(col)
	shown := c.Text
	switch c.Type {
	case TextCell:
		return c.Text, true
	case FormulaCell:
		r.add(col, "is a formula (%s): MentorDesk imports values — copy the column and paste it back as values only", shorten(c.Text))
		return "", false
	case ErrorCell:
		r.add(col, "holds the spreadsheet error %s", c.Text)
		return "", false
	case BoolCell:
		if want == TextValue {
			return c.Text, true
		}
	case DateCell:
		switch {
		case want == DateValue:
			return SerialDate(c.Number), true
		case want == ClockValue && c.Number < 1:
			return SerialClock(c.Number), true
		case want == TextValue:
			r.add(col, "is a date cell (%s) where text is expected: the spreadsheet turned what was typed into a date — format the column as Text and type the value again", shown)
			return "", false
		}
	case TimeCell:
		if want == ClockValue {
			return SerialClock(c.Number), true
		}
		if want == TextValue {
			r.add(col, "is a time cell (%s) where text is expected: format the column as Text and type the value again", shown)
			return "", false
		}
	case NumberCell:
		switch want {
		case TextValue, NumberValue:
			return numberText(c.Number), true
		case MoneyValue:
			if cents := c.Number * 100; math.Abs(cents-math.Round(cents)) > 1e-6 {
				r.add(col, "%s has more than two decimals", numberText(c.Number))
				return "", false
			}
			return numberText(c.Number), true
		}
	}
	r.add(col, "is a %s cell (%s) where %s is expected", cellWords[c.Type], shown, typeWords[want])
	return "", false
}

var cellWords = map[CellType]string{NumberCell: "number", DateCell: "date", TimeCell: "time", BoolCell: "TRUE/FALSE"}

var typeWords = map[ValueType]string{TextValue: "text", DateValue: "a date (a date cell, or YYYY-MM-DD)",
	ClockValue: "a time (a time cell, or HH:MM)", NumberValue: "a number", MoneyValue: "an amount"}

// isWholeNumberText reports a text like 7 or 50, for writers that type such cells as numbers.
func isWholeNumberText(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == "" && len(s) < 10
}

// choices are the values of the choice columns of each kind (§5).
var choices = map[Kind]map[string][]string{
	Mentors:    {"status": {"applicant", "active", "inactive"}},
	Checks:     {"kind": {"wsp", "fbi"}, "result": {"clear", "pending", "not_clear"}},
	Schools:    {"level": {"elementary", "middle", "high", "k8", "other"}},
	Calendars:  {"kind": {"first_day", "last_day", "term_end", "no_school"}},
	Classrooms: {"ensemble": {"band", "orchestra", "choir", "jazz", "general", "other"}},
	Sessions:   {"program": {"focused", "season", "bridge"}, "status": {"planned", "completed", "confirmed", "cancelled"}},
	Applicants: {"career_stage": {"early", "experienced"}},
}

// Choices are the values a choice column of a kind takes; nil for a column of free values.
func Choices(k Kind, column string) []string { return choices[k][column] }
