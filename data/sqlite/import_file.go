package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"mentordesk/data/csvio"
	"mentordesk/data/xlsxio"
)

// ImportOptions are how a file is read: the sheet of a workbook, and the mapping of a file made
// elsewhere. A file whose header had a mapping before is read with that one unless Map is set.
type ImportOptions struct {
	Sheet string
	Map   csvio.Mapping
}

// ImportFile imports one file of a kind of §5, CSV or workbook (by its extension): all rows or none.
func (s *Store) ImportFile(ctx context.Context, kind csvio.Kind, path string) (ImportSummary, error) {
	return s.ImportFileWith(ctx, kind, path, ImportOptions{})
}

// ImportFileWith is ImportFile with a sheet or a mapping.
func (s *Store) ImportFileWith(ctx context.Context, kind csvio.Kind, path string, opts ImportOptions) (ImportSummary, error) {
	return s.importPath(ctx, kind, path, opts, true)
}

// CheckImportFile runs an import of a file to the end and rolls it back (the import preview).
func (s *Store) CheckImportFile(ctx context.Context, kind csvio.Kind, path string, opts ImportOptions) (ImportSummary, error) {
	return s.importPath(ctx, kind, path, opts, false)
}

func (s *Store) importPath(ctx context.Context, kind csvio.Kind, path string, opts ImportOptions, commit bool) (ImportSummary, error) {
	src, closeSrc, err := OpenSource(path, opts.Sheet)
	if err != nil {
		return ImportSummary{Kind: kind}, err
	}
	defer closeSrc()
	return s.importSource(ctx, kind, src, filepath.Dir(path), opts.Map, commit)
}

// OpenSource opens a file for reading records: a workbook when its name ends in .xlsx, else CSV
// text. sheet names a workbook's sheet ("" the first); a CSV file has none.
func OpenSource(path, sheet string) (csvio.Source, func(), error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %w", path, err)
	}
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s is not a regular file", path)
	}
	if xlsxio.IsWorkbookName(name) {
		st, _ := f.Stat()
		src, err := xlsxio.NewSource(f, st.Size(), name, sheet)
		if err != nil {
			f.Close()
			return nil, nil, err
		}
		return src, func() { f.Close() }, nil
	}
	if sheet != "" {
		f.Close()
		return nil, nil, fmt.Errorf("%s: --sheet is for workbooks (.xlsx); a CSV file has one table", name)
	}
	src, err := csvio.NewCSVSource(f, name)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return src, func() { f.Close() }, nil
}

// Import reads a CSV stream of a kind; every problem is reported as a csvio.Errors naming file,
// line and column, and nothing is written unless every row is good.
func (s *Store) Import(ctx context.Context, kind csvio.Kind, file string, r io.Reader, dir string) (ImportSummary, error) {
	src, err := csvio.NewCSVSource(r, file)
	if err != nil {
		return ImportSummary{Kind: kind}, err
	}
	return s.importSource(ctx, kind, src, dir, csvio.Mapping{}, true)
}

// CheckImport runs an import to the end and rolls it back: the summary says what it would add
// and update, and the errors are every problem, references to missing rows included.
func (s *Store) CheckImport(ctx context.Context, kind csvio.Kind, file string, r io.Reader, dir string) (ImportSummary, error) {
	src, err := csvio.NewCSVSource(r, file)
	if err != nil {
		return ImportSummary{Kind: kind}, err
	}
	return s.importSource(ctx, kind, src, dir, csvio.Mapping{}, false)
}

var errDryRun = errors.New("dry run")

// importSource streams the records of a source through the import in batches, inside one
// transaction: a million-row file never sits in memory, and a problem anywhere writes nothing.
func (s *Store) importSource(ctx context.Context, kind csvio.Kind, src csvio.Source, dir string, m csvio.Mapping, commit bool) (ImportSummary, error) {
	sum := ImportSummary{Kind: kind}
	set, err := s.Settings(ctx)
	if err != nil {
		return sum, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		im := &importer{ctx: ctx, tx: tx, sum: &sum, where: csvio.Locator{File: src.Name(), Sheet: src.Sheet()}}
		defer func() {
			for _, c := range im.closers {
				c.Close()
			}
		}()
		opts := csvio.Options{DateOrder: set.ImportDateOrder(), Map: m, Where: &im.where,
			Remembered: func(header []string) csvio.Mapping { return rememberedMapping(tx, kind, header) }}
		res, err := im.run(kind, src, dir, opts)
		sum.Rows, sum.Notes, sum.Header, sum.Mapping = res.Rows, res.Notes, res.Header, res.Map
		if m.Empty() && !res.Map.Empty() {
			sum.Notes = append(sum.Notes, "the columns were read with the mapping remembered for files with these headers")
		}
		if err != nil {
			return err
		}
		if len(im.errs) > 0 {
			return im.errs
		}
		if !commit {
			return errDryRun
		}
		return rememberMapping(tx, kind, res.Header, res.Map)
	})
	if errors.Is(err, errDryRun) {
		return sum, nil
	}
	if err != nil {
		sum.Added, sum.Updated = 0, 0
		return sum, err
	}
	return sum, nil
}

func (im *importer) run(kind csvio.Kind, src csvio.Source, dir string, opts csvio.Options) (csvio.Result, error) {
	switch kind {
	case csvio.Mentors:
		return stream(im, csvio.MentorsTable(dir), src, opts, (*importer).mentors)
	case csvio.Checks:
		return stream(im, csvio.ChecksTable(), src, opts, (*importer).checks)
	case csvio.Contracts:
		return stream(im, csvio.ContractsTable(), src, opts, (*importer).contracts)
	case csvio.Schools:
		return stream(im, csvio.SchoolsTable(), src, opts, (*importer).schools)
	case csvio.Calendars:
		return stream(im, csvio.CalendarDaysTable(), src, opts, (*importer).calendarDays)
	case csvio.Instructors:
		return stream(im, csvio.InstructorsTable(), src, opts, (*importer).instructors)
	case csvio.Classrooms:
		return stream(im, csvio.ClassroomsTable(), src, opts, (*importer).classrooms)
	case csvio.Events:
		return stream(im, csvio.EventsTable(), src, opts, (*importer).events)
	case csvio.Sessions:
		return stream(im, csvio.SessionsTable(), src, opts, (*importer).sessions)
	case csvio.Applicants:
		return stream(im, csvio.ApplicantsTable(), src, opts, (*importer).applicants)
	case csvio.Feedback:
		return stream(im, csvio.FeedbackTable(), src, opts, (*importer).feedback)
	case csvio.Surveys:
		return stream(im, csvio.SurveysTable(), src, opts, (*importer).surveys)
	}
	return csvio.Result{}, fmt.Errorf("%s cannot be imported", kind)
}

// stream prepares an importer step (its look-ups, loaded once) and hands it every batch.
func stream[T interface{ Validate() error }](im *importer, t csvio.Table[T], src csvio.Source, opts csvio.Options,
	step func(*importer) (func([]csvio.Record[T]) error, error)) (csvio.Result, error) {
	apply, err := step(im)
	if err != nil {
		return csvio.Result{}, err
	}
	return csvio.Stream(t, src, opts, func(b []csvio.Record[T]) error {
		if len(im.errs) >= maxImportErrors {
			return nil // enough said; the import will fail
		}
		return apply(b)
	})
}

const mappingKeyPrefix = "import.map."

func mappingKey(kind csvio.Kind, header []string) string {
	h := sha256.Sum256([]byte(csvio.HeaderKey(header)))
	return mappingKeyPrefix + string(kind) + "." + hex.EncodeToString(h[:12])
}

func rememberedMapping(tx *sql.Tx, kind csvio.Kind, header []string) csvio.Mapping {
	var v []byte
	if err := tx.QueryRow("SELECT value FROM settings WHERE key = ?", mappingKey(kind, header)).Scan(&v); err != nil {
		return csvio.Mapping{}
	}
	m, err := csvio.ParseRemembered(kind, string(v))
	if err != nil {
		return csvio.Mapping{}
	}
	return m
}

// rememberMapping keeps the mapping a file was imported with for the next file with its headers.
func rememberMapping(tx *sql.Tx, kind csvio.Kind, header []string, m csvio.Mapping) error {
	if m.Empty() {
		return nil
	}
	_, err := tx.Exec("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		mappingKey(kind, header), []byte(m.String()))
	return err
}

// RememberedMapping is the mapping remembered for a kind of file with this header (the import
// preview proposes it).
func (s *Store) RememberedMapping(ctx context.Context, kind csvio.Kind, header []string) (csvio.Mapping, error) {
	var v []byte
	err := s.r.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", mappingKey(kind, header)).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return csvio.Mapping{}, nil
	}
	if err != nil {
		return csvio.Mapping{}, err
	}
	return csvio.ParseRemembered(kind, string(v))
}

// notesText writes the notes of a summary, one a line.
func notesText(notes []string) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString("\n  note: " + n)
	}
	return b.String()
}
