package script

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"mentordesk/data/mail/mailtest"
)

// A batch killed (kill -9) while a message is in flight resumes with the next send: every
// message arrives, and only the one in flight arrives twice, with the same Message-ID.
func TestKilledBatchResumes(t *testing.T) {
	child := make(chan *os.Process, 1)
	var srv *mailtest.Server
	srv = mailtest.Start(t, mailtest.Options{OnMessage: func(n int) {
		if n == 3 {
			p := <-child
			p.Kill() // before the server answers: the sender never learns the message went
			p.Wait()
		}
	}})
	db := mailDB(t, srv, "none")
	args := append([]string{"--db", db, "send", "statements"}, autumn...)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MENTORDESK_TEST_CHILD="+strings.Join(args, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	child <- cmd.Process
	cmd.Wait()
	if len(srv.Messages()) != 3 {
		t.Fatalf("%d message(s) before the kill; want 3", len(srv.Messages()))
	}
	rows := outboxRows(t, db)
	statuses := map[string]int{}
	for _, r := range rows {
		statuses[r["status"]]++
	}
	if statuses["sent"] != 2 || statuses["queued"] != len(rows)-2 {
		t.Fatalf("after the kill: %v; want 2 sent, the one in flight and the rest queued", statuses)
	}

	code, _, stderr := run(t, db, append([]string{"send", "statements"}, autumn...)...)
	if code != 0 {
		t.Fatalf("resume: exit %d: %s", code, stderr)
	}
	n := deliveries(t, srv)
	if len(n) != len(rows) {
		t.Fatalf("%d distinct messages delivered; want %d", len(n), len(rows))
	}
	var twice []string
	for id, c := range n {
		if c > 1 {
			twice = append(twice, id)
		}
	}
	third, _ := mailtest.Parse(srv.Messages()[2].Data)
	if len(twice) != 1 || twice[0] != third.Header.Get("Message-ID") || n[twice[0]] != 2 {
		t.Fatalf("delivered twice: %v; want only the message in flight (%s), twice", twice, third.Header.Get("Message-ID"))
	}
	for _, r := range outboxRows(t, db) {
		if r["status"] != "sent" {
			t.Errorf("after resuming: %v", r)
		}
	}
}
