package csvio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"mentordesk/data"
)

// LogoKey is the settings row whose value names the organisation's logo file.
const LogoKey = "org.logo"

// Setting is one row of a settings file: a key of §4 (or a review threshold) and its value.
// For the logo the value is a path relative to the CSV file, and Logo holds the file's bytes.
type Setting struct {
	Key, Value string
	Logo       []byte
}

// Validate checks what a row can say about itself; the store checks the value for its key.
func (s Setting) Validate() error {
	var p data.Problems
	if s.Key == "" {
		p = append(p, data.FieldError{Field: "key", Problem: "is required"})
	}
	if len(p) > 0 {
		return p
	}
	return nil
}

// SettingsTable reads settings rows, keyed by key; the logo row's file is read from dir.
func SettingsTable(dir string) Table[Setting] {
	return Table[Setting]{
		kind: Settings,
		decode: func(r *row) Setting {
			return Setting{Key: strings.ToLower(r.text("key")), Value: r.text("value")}
		},
		keyCols: []string{"key"},
		key:     func(s Setting) string { return s.Key },
		afterBatch: func(recs []Record[Setting], at func(line int, column, problem string) *Error) Errors {
			var errs Errors
			for i, r := range recs {
				if r.Value.Key != LogoKey || r.Value.Value == "" {
					continue
				}
				b, err := readLogo(dir, r.Value.Value)
				if err != nil {
					errs = append(errs, at(r.Line, "value", err.Error()))
					continue
				}
				recs[i].Value.Logo = b
			}
			return errs
		},
	}
}

// ReadSettings reads a whole CSV text (see SettingsTable).
func ReadSettings(in io.Reader, file, dir string) ([]Record[Setting], error) {
	return readAll(SettingsTable(dir), in, file)
}

// readLogo reads the logo file a cell names, refusing anything but a regular file.
func readLogo(dir, cell string) ([]byte, error) {
	path := filepath.FromSlash(strings.ReplaceAll(cell, `\`, "/"))
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%q was not found (the logo is looked up from the CSV file's folder)", cell)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%q is %s, not an image file", cell, notRegular(st.Mode()))
	}
	if st.Size() > 5<<20 {
		return nil, fmt.Errorf("%q is larger than 5 MB; a letterhead logo needs far less", cell)
	}
	return os.ReadFile(path)
}

// WriteSettings writes settings rows; a row with a logo has its bytes written under dir as
// prefix + "logo.png" or "logo.jpg" and names that file.
func WriteSettings(w io.Writer, rows []Setting, dir, prefix string) error {
	for i, s := range rows {
		if s.Key != LogoKey || len(s.Logo) == 0 || dir == "" {
			continue
		}
		name := prefix + "logo.png"
		if len(s.Logo) > 2 && s.Logo[0] == 0xFF && s.Logo[1] == 0xD8 {
			name = prefix + "logo.jpg"
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("logo: %w", err)
		}
		if err := replaceFile(path, s.Logo); err != nil {
			return fmt.Errorf("logo: %w", err)
		}
		rows[i].Value = name
	}
	return writeTable(w, Settings, rows, func(s Setting) []string { return []string{s.Key, s.Value} })
}
