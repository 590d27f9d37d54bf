// Package pdfcheck lets the tests of every document check a PDF the way a strict reader does:
// `qpdf --check` must find nothing to warn about (a duplicated dictionary key, a broken cross-
// reference table…). qpdf is one of the Makefile's DEBS, so `make test` installs it.
package pdfcheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// File fails t unless qpdf --check accepts the PDF at path with exit 0 and no warning.
func File(t testing.TB, path string) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Fatalf("qpdf is not installed, so %s cannot be checked: `make deps` installs it (apt-get install qpdf)", filepath.Base(path))
	}
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(path), err, firstLines(out, 8))
	}
}

// Bytes checks a PDF held in memory.
func Bytes(t testing.TB, name string, pdf []byte) {
	t.Helper()
	p := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	File(t, p)
}

func firstLines(b []byte, n int) []byte {
	lines := bytes.SplitAfterN(b, []byte("\n"), n+1)
	if len(lines) > n {
		lines = append(lines[:n], []byte("…\n"))
	}
	return bytes.Join(lines, nil)
}
