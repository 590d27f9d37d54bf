package xlsxio_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

func openStore(t *testing.T, name string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), name), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func csvOf(t *testing.T, s *sqlite.Store, k csvio.Kind) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.Export(context.Background(), k, &b, "", ""); err != nil {
		t.Fatalf("export %s: %v", k, err)
	}
	return b.String()
}

// An organisation moved through workbooks alone gets every row back as its CSV export shows it,
// and a workbook imported over the organisation it came from changes nothing.
func TestExportedWorkbooksImportBackUnchanged(t *testing.T) {
	ctx := context.Background()
	from := openStore(t, "from.db")
	if err := demo.Fill(ctx, from, data.MustDate("2026-10-01")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	to := openStore(t, "to.db")
	for _, k := range csvio.Kinds {
		path := filepath.Join(dir, string(k)+".xlsx")
		if _, err := from.ExportFile(ctx, k, path); err != nil {
			t.Fatalf("export %s: %v", k, err)
		}
		sum, err := from.ImportFile(ctx, k, path)
		if err != nil {
			t.Fatalf("import %s back: %v", k, err)
		}
		if sum.Added != 0 || sum.Rows == 0 {
			t.Errorf("%s imported over its own organisation: %s", k, sum)
		}
		if _, err := to.ImportFile(ctx, k, path); err != nil {
			t.Fatalf("import %s into a new file: %v", k, err)
		}
	}
	for _, k := range csvio.Kinds {
		if k == csvio.Mentors {
			continue // photos are compared below by their bytes, not their file names
		}
		if a, b := csvOf(t, from, k), csvOf(t, to, k); a != b {
			t.Errorf("%s differ after the workbook round trip:\n%s\nvs\n%s", k, firstDiff(a, b), "")
		}
	}
	a, b := strings.Split(csvOf(t, from, csvio.Mentors), "\n"), strings.Split(csvOf(t, to, csvio.Mentors), "\n")
	if len(a) != len(b) {
		t.Fatalf("mentors: %d lines, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("mentors line %d: %q became %q", i+1, a[i], b[i])
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return al[i] + "\n" + bl[i]
		}
	}
	return "(lengths differ)"
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
