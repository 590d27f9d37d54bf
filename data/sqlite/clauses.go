package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"mentordesk/data"
)

// ContractClause is data.ContractClause: the type moved to the domain, the name kept for the store's callers.
type ContractClause = data.ContractClause

// The clauses live in the meta table: the settings table holds only data.Settings' keys, and
// its reader refuses any other.
const keyContractClauses = "contract.clauses"

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
	if ps := data.CheckContractClauses(clauses); len(ps) > 0 {
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
