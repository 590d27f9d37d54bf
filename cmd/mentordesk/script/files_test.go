package script

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every command that writes a file says why it could not, in words and with the path, through
// one explanation (data/filemsg): here a folder that is not there.
func TestWritersSayWhyAFileCouldNotBeWritten(t *testing.T) {
	db := demoDB(t)
	gone := filepath.Join(t.TempDir(), "no such folder")
	cases := [][]string{
		{"export", "mentors", filepath.Join(gone, "mentors.csv")},
		{"export", "payments", filepath.Join(gone, "payments.csv")},
		{"report", "roster", "--on", "2026-11-22", "--out", filepath.Join(gone, "roster.pdf")},
		{"report", "statement", "--number", "1", "--out", filepath.Join(gone, "statement-1.pdf")},
		{"calendar", "--mentor", "zoe.lukasiewicz@example.org", "--out", filepath.Join(gone, "zoe.ics")},
	}
	for _, args := range cases {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			out := args[len(args)-1]
			code, _, stderr := run(t, db, args...)
			want := "cannot write " + out + ": the folder " + gone + " does not exist"
			if code != 1 || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, %q; want exit 1 and %q", code, stderr, want)
			}
		})
	}
}
