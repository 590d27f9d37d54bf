//go:build linux

package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// "Open" with no program for PDFs says so, with the saved file's path, instead of "Opened".
func TestDocumentsOpenSaysWhenNoViewerOpenedThePDF(t *testing.T) {
	bin := t.TempDir()
	// xdg-open's status when no program is set up for the kind of file.
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\nexit 4\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	tmp := filepath.Join(t.TempDir(), "with spaces")
	os.MkdirAll(tmp, 0o700)
	t.Setenv("TMPDIR", tmp)

	st := demoStore(t)
	_, s := openDocuments(t, st)
	choose(t, s.f.cMentor.sel, "Nguyễn, Thị Minh")
	fyne.DoAndWait(func() { s.onOpen() })
	eventually(t, "the outcome of Open", func() bool {
		return s.busy.idle() && s.status.Importance != widget.LowImportance && s.status.Text != ""
	})
	saved := filepath.Join(tmp, "MentorDesk documents")
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, "no program opened "+saved) ||
		!strings.Contains(s.status.Text, "no program is set up to open this kind of file") {
		t.Errorf("status %q (%v); want it to say that no program opened the PDF in %s", s.status.Text, s.status.Importance, saved)
	}
}
