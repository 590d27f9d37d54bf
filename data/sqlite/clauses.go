package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"mentordesk/data"
)

// ContractClause is one editable term of the contract; its text may name the placeholders the
// contract fills in ({{org}}, {{mentor}}, …).
type ContractClause struct {
	Heading string `json:"heading"`
	Text    string `json:"text"`
}

// The clauses live in the meta table: the settings table holds only data.Settings' keys, and
// its reader refuses any other.
const keyContractClauses = "contract.clauses"

// maxClauses bounds the contract's terms, so that a paste gone wrong cannot make a 40-page contract.
const maxClauses = 40

// CheckContractClauses returns the problems of clauses, field names like "clauses[2].text".
func CheckContractClauses(clauses []ContractClause) data.Problems {
	var ps data.Problems
	if len(clauses) > maxClauses {
		ps = append(ps, data.FieldError{Field: "clauses", Problem: fmt.Sprintf("%d clauses are too many (at most %d)", len(clauses), maxClauses)})
	}
	for i, c := range clauses {
		at := "clauses[" + strconv.Itoa(i+1) + "]"
		for _, f := range []struct {
			name, v string
			max     int
		}{{".heading", c.Heading, 200}, {".text", c.Text, 4000}} {
			switch n := utf8.RuneCountInString(f.v); {
			case strings.TrimSpace(f.v) == "":
				ps = append(ps, data.FieldError{Field: at + f.name, Problem: "is required"})
			case !utf8.ValidString(f.v):
				ps = append(ps, data.FieldError{Field: at + f.name, Problem: "is not valid UTF-8 text"})
			case n > f.max:
				ps = append(ps, data.FieldError{Field: at + f.name, Problem: fmt.Sprintf("is too long (%d characters, at most %d)", n, f.max)})
			}
		}
	}
	return ps
}

// ContractClauses reads the director's contract clauses; nil when never edited (the defaults apply).
func (s *Store) ContractClauses(ctx context.Context) ([]ContractClause, error) {
	v, err := s.Meta(ctx, keyContractClauses)
	if err != nil || v == "" {
		return nil, err
	}
	var out []ContractClause
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		return nil, fmt.Errorf("stored %s: %w", keyContractClauses, err)
	}
	return out, nil
}

// SaveContractClauses stores the contract clauses; none puts the defaults back. Bad clauses
// change nothing.
func (s *Store) SaveContractClauses(ctx context.Context, clauses []ContractClause) error {
	if ps := CheckContractClauses(clauses); len(ps) > 0 {
		return ps
	}
	if len(clauses) == 0 {
		return s.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec("DELETE FROM meta WHERE key = ?", keyContractClauses)
			return err
		})
	}
	b, err := json.Marshal(clauses)
	if err != nil {
		return err
	}
	return s.SetMeta(ctx, keyContractClauses, string(b))
}
