package report

import (
	"fmt"
	"strings"

	"mentordesk/data"
)

// problems collects a document's input errors in the domain's FieldError form, so the GUI and
// the command line show them like any other validation error.
type problems data.Problems

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, data.FieldError{Field: field, Problem: fmt.Sprintf(format, args...)})
}

func (p *problems) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		p.add(field, "is required")
	}
}

func (p *problems) date(field string, d data.Date) {
	if d.IsZero() {
		p.add(field, "is required")
	}
}

func (p *problems) money(field string, m data.Money) {
	if m < 0 {
		p.add(field, "%s must not be negative", m.Dollars())
	}
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return data.Problems(p)
}
