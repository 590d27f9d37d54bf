package icsio

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// goZoneData reads one zone from Go's own zone database, the one Windows and macOS builds use
// (and Linux with ZONEINFO=$GOROOT/lib/time/zoneinfo.zip).
func goZoneData(t *testing.T, name string) []byte {
	t.Helper()
	root := runtime.GOROOT()
	if root == "" {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			t.Fatalf("finding GOROOT: %v", err)
		}
		root = strings.TrimSpace(string(out))
	}
	z, err := zip.OpenReader(filepath.Join(root, "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatalf("Go's zone database: %v", err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s in Go's zone database: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func vtimezone(t *testing.T, loc *time.Location, tzid string, fromYear, toYear int) string {
	t.Helper()
	var buf bytes.Buffer
	lw := &lineWriter{w: bufio.NewWriter(&buf)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		writeTimeZone(lw, tzid, loc, time.Date(fromYear, 1, 1, 0, 0, 0, 0, loc), time.Date(toYear+1, 1, 1, 0, 0, 0, 0, loc))
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // the test fails rather than hangs when the loop spins
		t.Fatalf("the VTIMEZONE of %s for %d–%d never finishes", tzid, fromYear, toYear)
	}
	if err := lw.w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// The VTIMEZONE is the same whichever zone database the program reads, for spans that cross
// leap years (2028, 2032) and the end of the zone tables (Go's reaches 2037).
func TestVTimeZoneSameUnderBothZoneDatabases(t *testing.T) {
	zones := []string{"America/Los_Angeles", "America/New_York", "America/Phoenix", "Europe/Berlin",
		"Europe/London", "Europe/Dublin", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Tokyo", "Asia/Kolkata", "UTC"}
	spans := [][2]int{{2026, 2027}, {2028, 2028}, {2027, 2033}, {2036, 2040}}
	system := false
	for _, name := range zones {
		goLoc, err := time.LoadLocationFromTZData(name, goZoneData(t, name))
		if err != nil {
			t.Fatal(err)
		}
		var sysLoc *time.Location
		if b, err := os.ReadFile(filepath.Join("/usr/share/zoneinfo", name)); err == nil {
			if sysLoc, err = time.LoadLocationFromTZData(name, b); err != nil {
				t.Fatal(err)
			}
			system = true
		}
		for _, span := range spans {
			goZone := vtimezone(t, goLoc, name, span[0], span[1])
			if !strings.Contains(goZone, "BEGIN:STANDARD") {
				t.Fatalf("%s %v: no STANDARD part:\n%s", name, span, goZone)
			}
			if sysLoc == nil {
				continue
			}
			if sysZone := vtimezone(t, sysLoc, name, span[0], span[1]); sysZone != goZone {
				t.Errorf("%s %d–%d: the system's zone database gives\n%s\nGo's gives\n%s", name, span[0], span[1], sysZone, goZone)
			}
		}
	}
	if !system {
		t.Log("no system zone database here: only Go's was checked")
	}
}
