package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWriteSamples renders the first page of each sample document into docs/documents/, for
// the README. Run with MENTORDESK_WRITE_SAMPLES=1; MENTORDESK_SAMPLES_PDF=DIR keeps the PDFs.
func TestWriteSamples(t *testing.T) {
	if os.Getenv("MENTORDESK_WRITE_SAMPLES") != "1" {
		t.Skip("set MENTORDESK_WRITE_SAMPLES=1 to write docs/documents/*.png")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	out := filepath.Join("..", "..", "docs", "documents")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := os.Getenv("MENTORDESK_SAMPLES_PDF")
	r := testRenderer(t)
	for name, d := range samples() {
		dir := t.TempDir()
		if keep != "" {
			dir = keep
		}
		pdf := filepath.Join(dir, name+".pdf")
		if err := r.WriteFile(pdf, d); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, filepath.Join(out, name))
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", name, err, msg)
		}
	}
}
