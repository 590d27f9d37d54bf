package script

import (
	"os"
	"path/filepath"
	"testing"
)

// A killed `report statements --out DIR` leaves hidden partial files; the next run removes
// them, and only them.
func TestReportStatementsRemovesPartialFilesOfAKilledRun(t *testing.T) {
	db := demoDB(t)
	if code, _, stderr := run(t, db, "statements", "issue", "--through", "2026-11-30"); code != 0 {
		t.Fatal(stderr)
	}
	dir := t.TempDir()
	ours := []string{".statement-00001.pdf.123456789.partial", ".statement-00042.pdf.7.partial", ".Contract 2026-27 - Ana Reyes.pdf.99.partial"}
	theirs := []string{".notes.txt.12.partial", "statement-00001.pdf.123.partial", ".statement-00001.pdf.abc.partial", "report.partial"}
	for _, n := range append(append([]string(nil), ours...), theirs...) {
		os.WriteFile(filepath.Join(dir, n), []byte("%PDF-1.4 half"), 0o600)
	}
	if code, _, stderr := run(t, db, "report", "statements", "--out", dir); code != 0 {
		t.Fatalf("report statements: %s", stderr)
	}
	for _, n := range ours {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			t.Errorf("the partial file %s of a killed run is still there", n)
		}
	}
	for _, n := range theirs {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s, not a partial file of ours, was removed", n)
		}
	}
}
