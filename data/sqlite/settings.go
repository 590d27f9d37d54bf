package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"mentordesk/data"
)

// Settings reads the organisation's settings; keys never set keep their defaults.
func (s *Store) Settings(ctx context.Context) (data.Settings, error) {
	set := data.DefaultSettings()
	rows, err := s.r.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return set, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return set, err
		}
		if k == "org.logo" {
			set.OrgLogo = v
			continue
		}
		if strings.HasPrefix(k, mappingKeyPrefix) {
			continue // a remembered column mapping of imports, not a setting
		}
		if err := set.Set(k, string(v)); err != nil {
			return set, fmt.Errorf("stored setting %w", err)
		}
	}
	return set, rows.Err()
}

// SetSetting validates and stores one key; a bad value changes nothing.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	set := data.DefaultSettings()
	if err := set.Set(key, value); err != nil {
		return err
	}
	norm, _ := set.Get(key)
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, []byte(norm))
		return err
	})
}

// SaveSettings stores every setting at once (the Settings screen), logo included.
func (s *Store) SaveSettings(ctx context.Context, set data.Settings) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range data.SettingKeys {
			v, _ := set.Get(k)
			check := data.DefaultSettings()
			if err := check.Set(k, v); err != nil {
				return err
			}
			if _, err := tx.Exec("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", k, []byte(v)); err != nil {
				return err
			}
		}
		if set.OrgLogo == nil {
			_, err := tx.Exec("DELETE FROM settings WHERE key = 'org.logo'")
			return err
		}
		_, err := tx.Exec("INSERT INTO settings(key, value) VALUES ('org.logo', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", set.OrgLogo)
		return err
	})
}

// orgZoneTx is the organisation's time zone (org.timezone), in which sessions' clocks are read.
func orgZoneTx(ctx context.Context, tx *sql.Tx) (*time.Location, error) {
	set := data.DefaultSettings()
	var v string
	err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'org.timezone'").Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("read org.timezone: %w", err)
	default:
		if err := set.Set("org.timezone", v); err != nil {
			return nil, fmt.Errorf("stored setting %w", err)
		}
	}
	return time.LoadLocation(set.OrgTimezone)
}
