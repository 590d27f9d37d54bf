package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// A million-row import streams through the transaction in batches: the whole process stays
// under the 300 MB memory budget of DESIGN §7 (it peaked at 1.2 GB when the file was read whole).
func TestMillionRowImportStaysUnder300MB(t *testing.T) {
	if path := os.Getenv("MENTORDESK_MILLION_IMPORT"); path != "" {
		s, err := Open(filepath.Join(filepath.Dir(path), "org.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		sum, err := s.ImportFile(context.Background(), csvio.Calendars, path)
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("imported %d rows\n", sum.Added)
		return
	}
	if testing.Short() {
		t.Skip("imports a million rows (about a minute)")
	}
	path := filepath.Join(t.TempDir(), "calendars.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("calendar,date,kind,label\n")
	first := data.MustDate("2000-01-01")
	for c := range 1000 {
		for d := range 1000 {
			fmt.Fprintf(w, "District %d,%s,no_school,Holiday\n", c, first.AddDays(d))
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestMillionRowImportStaysUnder300MB$")
	cmd.Env = append(os.Environ(), "MENTORDESK_MILLION_IMPORT="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "imported 1000000 rows") {
		t.Fatalf("the import did not add every row:\n%s", out)
	}
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KB on Linux
	t.Logf("a million rows imported with a peak of %d MB", peak/1024)
	if peak > 300*1024 {
		t.Errorf("importing a million rows peaked at %d MB; the budget is 300 MB", peak/1024)
	}
}
