package main

import (
	"bytes"
	"os"
	"regexp"
	"testing"
	"unicode/utf16"

	"mentordesk/app"
)

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Every Windows build embeds rsrc_windows_amd64.syso: its version must be the one FyneApp.toml
// and the About box state (make winres remakes it), and it must carry the icon in the four
// sizes Windows shows (16 px in lists, 32 and 48 on the desktop, 256 in large views).
func TestWindowsResourcesMatchTheVersion(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	version := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(toml)
	build := regexp.MustCompile(`(?m)^Build = (\d+)`).FindSubmatch(toml)
	if version == nil || build == nil {
		t.Fatal("FyneApp.toml has no Version or Build")
	}
	if string(version[1]) != app.Version {
		t.Errorf("FyneApp.toml says %s, the program %s", version[1], app.Version)
	}
	syso, err := os.ReadFile("rsrc_windows_amd64.syso")
	if err != nil {
		t.Fatal(err)
	}
	full := string(version[1]) + "." + string(build[1])
	for _, want := range []string{full, "MentorDesk.exe", "Cascade Youth Music Mentors"} {
		if !bytes.Contains(syso, utf16le(want)) {
			t.Errorf("the Windows resources do not say %q: run make winres", want)
		}
	}
	// Each icon of a group icon resource is listed by width, height (256 as 0), colours,
	// reserved, planes (1) and bits per pixel (32).
	for _, size := range []byte{16, 32, 48, 0} {
		if !bytes.Contains(syso, []byte{size, size, 0, 0, 1, 0, 32, 0}) {
			t.Errorf("the Windows resources have no %d px icon", map[byte]int{0: 256}[size]+int(size))
		}
	}
}
