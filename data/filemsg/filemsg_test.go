package filemsg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteExplainsWhyAFileCouldNotBeWritten(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "mentors.csv")
	readOnly := filepath.Join(dir, "payments.csv")
	if err := os.WriteFile(readOnly, []byte("x"), 0o400); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		path string
		err  error
		want string
	}{
		{"a read-only file", readOnly, &os.LinkError{Op: "rename", Old: readOnly + ".partial", New: readOnly, Err: errPermission},
			"cannot write " + readOnly + ": the file is read-only; choose another name or make it writable"},
		{"a folder that refuses new files", target, &fs.PathError{Op: "open", Path: filepath.Join(dir, ".export-1.csv"), Err: errPermission},
			"cannot write " + target + ": permission denied; choose a folder you can write to (not " + dir + ")"},
		{"a full disk", target, &fs.PathError{Op: "write", Path: target, Err: errDiskFull},
			"cannot write " + target + ": the disk is full; free some space on it"},
		{"a folder that is not there", filepath.Join(dir, "gone", "x.csv"), &fs.PathError{Op: "open", Path: filepath.Join(dir, "gone", "x.csv"), Err: fs.ErrNotExist},
			"cannot write " + filepath.Join(dir, "gone", "x.csv") + ": the folder " + filepath.Join(dir, "gone") + " does not exist"},
		{"anything else keeps the system's words", target, &fs.PathError{Op: "write", Path: target, Err: errors.New("input/output error")},
			"cannot write " + target + ": input/output error"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Write(c.path, c.err)
			if got == nil || !strings.HasPrefix(got.Error(), c.want) {
				t.Errorf("got %v\nwant %s…", got, c.want)
			}
			if !errors.Is(got, c.err) {
				t.Error("the operating system's error is no longer inside")
			}
			if again := Write(c.path, got); again != got {
				t.Errorf("explained twice: %v", again)
			}
		})
	}
	if Write(target, nil) != nil {
		t.Error("no error became one")
	}
}

// A real write into a folder that is not there, through the platform's own error.
func TestWriteExplainsARealMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no such folder", "roster.pdf")
	err := Write(path, os.WriteFile(path, []byte("x"), 0o600))
	if want := fmt.Sprintf("cannot write %s: the folder %s does not exist", path, filepath.Dir(path)); err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestPathInThePlatformsForm(t *testing.T) {
	if runtime.GOOS == "windows" {
		if got := Path("C:/Users/Ana Ruiz/Documents//mentors.csv"); got != `C:\Users\Ana Ruiz\Documents\mentors.csv` {
			t.Errorf("got %s", got)
		}
		return
	}
	if got := Path("/home/ana/./Documents//mentors.csv"); got != "/home/ana/Documents/mentors.csv" {
		t.Errorf("got %s", got)
	}
}
