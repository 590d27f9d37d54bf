package filemsg

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// What a director meets when a CSV is still open in Excel: Excel holds the file without sharing
// it, and replacing it with the new export is refused.
func TestWriteSaysTheFileIsOpenInAnotherProgram(t *testing.T) {
	// Not t.TempDir: its cleanup uses a call Wine 8 lacks, and this test is run under Wine.
	dir, err := os.MkdirTemp("", "filemsg-")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "mentors.csv")
	tmp := filepath.Join(dir, ".mentors.csv.partial")
	t.Cleanup(func() { os.Remove(tmp); os.Remove(path); os.Remove(dir) })
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	name, _ := syscall.UTF16PtrFromString(path)
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.CloseHandle(h)
	if err := os.WriteFile(tmp, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	for what, err := range map[string]error{
		"replacing it":  os.Rename(tmp, path),
		"writing to it": os.WriteFile(path, []byte("new"), 0o600),
	} {
		got := Write(path, err)
		if got == nil || !strings.Contains(got.Error(), "cannot write "+path+": the file is open in another program") {
			t.Errorf("%s: got %v (from %v)", what, got, err)
		}
	}
}
