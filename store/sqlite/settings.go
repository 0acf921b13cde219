package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/crosscheck/crosscheck"
)

// Setting returns a stored setting, or ErrNotFound.
func (s *Store) Setting(ctx context.Context, key string) (_ string, err error) {
	defer wrap(ctx, &err, "Setting(%s)", key)
	var v string
	err = s.reader.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", crosscheck.Errorf(crosscheck.ErrNotFound, "no setting %q", key)
	}
	return v, s.classify(err)
}

// PutSetting stores a setting, replacing its previous value.
func (s *Store) PutSetting(ctx context.Context, key, value string) (err error) {
	defer wrap(ctx, &err, "PutSetting(%s)", key)
	_, err = s.writer.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return s.classify(err)
}
