package data

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotFound is returned by stores when a row asked for does not exist.
var ErrNotFound = errors.New("not found")

// ErrLocked is returned when a change would alter a session or statement already issued (R6).
var ErrLocked = errors.New("on an issued statement")

// FieldError names the field (as the CSV column is named) and what is wrong with it.
type FieldError struct {
	Field   string
	Problem string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Problem }

// Problems is every field error of one record; Validate methods return it (or nil).
type Problems []FieldError

func (p Problems) Error() string {
	parts := make([]string, len(p))
	for i, e := range p {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// For returns the problem of one field, or "" — forms show it beside the entry.
func (p Problems) For(field string) string {
	for _, e := range p {
		if e.Field == field {
			return e.Problem
		}
	}
	return ""
}

func (p *Problems) add(field, format string, args ...any) {
	*p = append(*p, FieldError{field, fmt.Sprintf(format, args...)})
}

func (p Problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// maxText bounds free-text fields so a pasted document cannot bloat the database.
const maxText = 4000

func (p *Problems) text(field, v string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(v) == "":
		p.add(field, "is required")
	case !utf8.ValidString(v):
		p.add(field, "is not valid UTF-8 text")
	case utf8.RuneCountInString(v) > max:
		p.add(field, "is too long (%d characters, at most %d)", utf8.RuneCountInString(v), max)
	case strings.ContainsFunc(v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' }):
		p.add(field, "contains control characters")
	}
}

func (p *Problems) name(field, v string) { p.text(field, v, true, 100) }

func (p *Problems) email(field, v string, required bool) {
	if v == "" {
		if required {
			p.add(field, "is required")
		}
		return
	}
	if err := CheckEmail(v); err != nil {
		p.add(field, "%s", err.Error())
	}
}

// CheckEmail accepts a bare address such as ana@example.org.
func CheckEmail(v string) error {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" || !strings.Contains(v[strings.LastIndex(v, "@")+1:], ".") {
		return fmt.Errorf("%q is not an e-mail address", v)
	}
	return nil
}

// CheckPhone accepts digits with the usual separators: "+1 (206) 555-0100".
func CheckPhone(v string) error {
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-().x", r):
		default:
			return fmt.Errorf("%q is not a phone number", v)
		}
	}
	if digits < 7 || digits > 15 {
		return fmt.Errorf("%q is not a phone number (7 to 15 digits)", v)
	}
	return nil
}

func (p *Problems) phone(field, v string) {
	if v != "" {
		if err := CheckPhone(v); err != nil {
			p.add(field, "%s", err.Error())
		}
	}
}

func (p *Problems) date(field string, d Date, required bool) {
	if required && d.IsZero() {
		p.add(field, "is required")
	}
}

func (p *Problems) tags(field string, tags []string) {
	if len(tags) > 30 {
		p.add(field, "has too many entries (%d, at most 30)", len(tags))
	}
	for _, t := range tags {
		if strings.TrimSpace(t) == "" {
			p.add(field, "has an empty entry")
			return
		}
		if utf8.RuneCountInString(t) > 60 {
			p.add(field, "entry %q is too long (at most 60 characters)", t)
			return
		}
	}
}

// NormalizeEmail is the key form of an e-mail: trimmed and lower case (compared case-insensitively).
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// SplitList reads a ";"-separated cell into trimmed, non-empty items.
func SplitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ";") {
		if t := strings.TrimSpace(part); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// JoinList is the inverse of SplitList.
func JoinList(items []string) string { return strings.Join(items, ";") }
