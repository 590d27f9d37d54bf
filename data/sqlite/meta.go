package sqlite

import (
	"context"
	"database/sql"
	"errors"
)

// Meta reads a fact about the database itself (such as whether it holds the sample
// organisation); "" when unset.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetMeta records a fact about the database itself.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
		return err
	})
}

// IsEmpty reports whether the database holds no mentors and no schools yet.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM mentors) + (SELECT count(*) FROM schools)").Scan(&n)
	return n == 0, err
}
