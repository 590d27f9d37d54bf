package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// Organisation names the organisation a database (or a backup of one) holds, so a backup is
// offered to restore only over the organisation it was taken from.
type Organisation struct {
	ID     string // random, given to the database once; empty in files older than it
	Name   string // org.name in settings, as the director typed it
	Sample bool   // the sample organisation
}

// Label is "Cascade Youth Music Mentors (the sample organisation)".
func (o Organisation) Label() string {
	name := o.Name
	if name == "" {
		name = "an unnamed organisation"
	}
	if o.Sample {
		return name + " (the sample organisation)"
	}
	return name
}

// Holds says whether a backup of b is a backup of o: the same identity, or for files taken before
// databases had one, the same name and the same sample mark.
func (o Organisation) Holds(b Organisation) bool {
	if o.ID != "" && b.ID != "" {
		return o.ID == b.ID
	}
	return o.Name == b.Name && o.Sample == b.Sample
}

const orgIDKey = "org.id"

// Organisation reads whose organisation the database holds, giving it its identity the first
// time it is asked.
func (s *Store) Organisation(ctx context.Context) (Organisation, error) {
	var o Organisation
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRow("SELECT value FROM meta WHERE key = ?", orgIDKey).Scan(&o.ID)
		if errors.Is(err, sql.ErrNoRows) {
			b := make([]byte, 16)
			if _, err := rand.Read(b); err != nil {
				return err
			}
			o.ID = hex.EncodeToString(b)
			_, err = tx.Exec("INSERT INTO meta(key, value) VALUES (?, ?)", orgIDKey, o.ID)
		}
		return err
	})
	if err != nil {
		return o, fmt.Errorf("the organisation's identity: %w", err)
	}
	err = organisationFacts(ctx, s.r, &o)
	return o, err
}

// BackupOrganisation reads whose organisation a backup file holds, read-only.
func BackupOrganisation(path string) (Organisation, error) {
	var o Organisation
	db, err := sql.Open("sqlite3", dsn(path, true)+"&immutable=1")
	if err != nil {
		return o, err
	}
	defer db.Close()
	ctx := context.Background()
	err = db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", orgIDKey).Scan(&o.ID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("%s: %w", path, err)
	}
	if err := organisationFacts(ctx, db, &o); err != nil {
		return o, fmt.Errorf("%s: %w", path, err)
	}
	return o, nil
}

type rowQuerier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func organisationFacts(ctx context.Context, db rowQuerier, o *Organisation) error {
	var sample string
	err := db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'sample'").Scan(&sample)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	o.Sample = sample == "yes"
	var name []byte
	err = db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'org.name'").Scan(&name)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	o.Name = string(name)
	return nil
}
