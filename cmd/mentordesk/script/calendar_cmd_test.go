package script

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mentordesk/data"
)

func TestCalendarWritesTheMentorsSessions(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "kwame.ics")
	code, _, stderr := run(t, db, "calendar", "--mentor", "Kwame.Mensah@example.org", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if !strings.HasSuffix(text, "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Fatal("not every line ends with CRLF")
	}
	var stack []string
	events := 0
	for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		switch {
		case strings.HasPrefix(line, "BEGIN:"):
			stack = append(stack, strings.TrimPrefix(line, "BEGIN:"))
			if line == "BEGIN:VEVENT" {
				events++
			}
		case strings.HasPrefix(line, "END:"):
			if len(stack) == 0 || stack[len(stack)-1] != strings.TrimPrefix(line, "END:") {
				t.Fatalf("line %d: %s closes %v", i+1, line, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed components: %v", stack)
	}
	s := planStore(t, db)
	m, _ := s.MentorByEmail(context.Background(), "kwame.mensah@example.org")
	sessions, _ := s.Sessions(context.Background(), data.SessionFilter{MentorID: m.ID})
	s.Close()
	if events != len(sessions) || events == 0 {
		t.Errorf("%d VEVENTs for %d sessions", events, len(sessions))
	}
	for _, want := range []string{"TZID=America/Los_Angeles", "BEGIN:VTIMEZONE", "UID:session-", "DTSTAMP:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the file lacks %q", want)
		}
	}

	again := filepath.Join(t.TempDir(), "again.ics")
	if code, _, stderr := run(t, db, "calendar", "--mentor", "kwame.mensah@example.org", "--out", again); code != 0 {
		t.Fatalf("second export: exit %d: %s", code, stderr)
	}
	if raw2, _ := os.ReadFile(again); !bytes.Equal(raw, raw2) {
		t.Error("two exports of an unchanged schedule differ")
	}
}

func TestCalendarRefusals(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "x.ics")
	if code, _, stderr := run(t, db, "calendar", "--mentor", "nobody@example.org", "--out", out); code != 1 || !strings.Contains(stderr, `"nobody@example.org"`) {
		t.Errorf("unknown mentor: exit %d %q", code, stderr)
	}
	if code, _, _ := run(t, db, "calendar", "--mentor", "kwame.mensah@example.org"); code != 2 {
		t.Errorf("missing --out: exit %d; want 2", code)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export wrote a file")
	}
}
