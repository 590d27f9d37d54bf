package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The contract's clauses the director edits, and their rule.

// ContractClause is one editable term of the contract; its text may name the placeholders the
// contract fills in ({{org}}, {{mentor}}, …).
type ContractClause struct {
	Heading string `json:"heading"`
	Text    string `json:"text"`
}

// CheckContractClauses returns the problems of clauses, field names like "clauses[2].text".
func CheckContractClauses(clauses []ContractClause) Problems {
	var ps Problems
	if len(clauses) > maxClauses {
		ps = append(ps, FieldError{Field: "clauses", Problem: fmt.Sprintf("%d clauses are too many (at most %d)", len(clauses), maxClauses)})
	}
	for i, c := range clauses {
		at := "clauses[" + strconv.Itoa(i+1) + "]"
		for _, f := range []struct {
			name, v string
			max     int
		}{{".heading", c.Heading, 200}, {".text", c.Text, 4000}} {
			switch n := utf8.RuneCountInString(f.v); {
			case strings.TrimSpace(f.v) == "":
				ps = append(ps, FieldError{Field: at + f.name, Problem: "is required"})
			case !utf8.ValidString(f.v):
				ps = append(ps, FieldError{Field: at + f.name, Problem: "is not valid UTF-8 text"})
			case n > f.max:
				ps = append(ps, FieldError{Field: at + f.name, Problem: fmt.Sprintf("is too long (%d characters, at most %d)", n, f.max)})
			}
		}
	}
	return ps
}

// maxClauses bounds the contract's terms, so that a paste gone wrong cannot make a 40-page contract.
const maxClauses = 40
