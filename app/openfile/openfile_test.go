//go:build linux

package openfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeOpener puts an xdg-open on PATH that writes the arguments it got, one a line, into a
// file and exits with status.
func fakeOpener(t *testing.T, status string) (argsFile string) {
	t.Helper()
	bin := t.TempDir()
	argsFile = filepath.Join(t.TempDir(), "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + argsFile + "'\nexit " + status + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	return argsFile
}

func document(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Statements 2026-27", "Statement No. 12 – Zoë.pdf")
	os.MkdirAll(filepath.Dir(path), 0o700)
	if err := os.WriteFile(path, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenHandsThePathWithSpacesAsOneArgument(t *testing.T) {
	args := fakeOpener(t, "0")
	path := document(t)
	if err := Open(path); err != nil {
		t.Fatalf("Open: %v", err)
	}
	got, _ := os.ReadFile(args)
	if string(got) != path+"\n" {
		t.Errorf("the opener got %q, want the one argument %q", got, path)
	}
}

func TestOpenSaysWhenNothingOpenedTheFile(t *testing.T) {
	path := document(t)
	cases := []struct{ name, status, want string }{
		{"no program for PDFs", "4", "no program is set up to open this kind of file"},
		{"no opener tools", "3", "no program for opening files is installed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fakeOpener(t, c.status)
			err := Open(path)
			var oe *Error
			if !errors.As(err, &oe) || oe.Path != path || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open: %v; want an error naming %s and saying %q", err, path, c.want)
			}
		})
	}
	t.Run("no opener at all", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		if err := Open(path); err == nil || !strings.Contains(err.Error(), "xdg-open, the system's opener, is not installed") {
			t.Errorf("Open: %v", err)
		}
	})
	t.Run("the file is gone", func(t *testing.T) {
		fakeOpener(t, "0")
		gone := filepath.Join(filepath.Dir(path), "gone.pdf")
		if err := Open(gone); err == nil || !strings.Contains(err.Error(), gone+" (the file is not there)") {
			t.Errorf("Open: %v", err)
		}
	})
}
