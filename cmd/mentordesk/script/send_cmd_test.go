package script

import (
	"strconv"

	"bytes"
	"crypto/tls"
	"encoding/csv"
	"fmt"
	printed "mentordesk/app/report"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mentordesk/data/mail"
	"mentordesk/data/mail/mailtest"
)

// init keeps the tests' passwords out of the tester's own keyring, and makes the test binary
// run one `mentordesk` command line when started as a child (the kill -9 test runs a batch in a
// child it can kill). An init, so the package's TestMain stays another test's.
func init() {
	mail.UseMemoryCredentials()
	if args := os.Getenv("MENTORDESK_TEST_CHILD"); args != "" {
		os.Exit(Run(strings.Split(args, "\x1f"), Env{Stdout: os.Stdout, Stderr: os.Stderr, Today: today}))
	}
}

// september is a month of the sample's statements: a small batch (three); autumn has thirteen.
var (
	september = []string{"--from", "2025-09-01", "--through", "2025-09-30"}
	autumn    = []string{"--from", "2025-09-01", "--through", "2025-10-31"}
)

// mailDB is the sample organisation with its mail settings pointing at srv.
func mailDB(t *testing.T, srv *mailtest.Server, security string) string {
	t.Helper()
	db, err := mailSettingsOn(demoDB(t), srv, security)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func mailSettingsOn(db string, srv *mailtest.Server, security string) (string, error) {
	for _, kv := range [][2]string{{"mail.host", srv.Host}, {"mail.port", fmt.Sprint(srv.Port)}, {"mail.security", security},
		{"mail.from", "Dana Whitfield <dana@mentors.example.org>"}, {"mail.replyto", "office@mentors.example.org"}} {
		if code, _, stderr := runB(db, "settings", "set", kv[0], kv[1]); code != 0 {
			return db, fmt.Errorf("settings set %s: exit %d: %s", kv[0], code, stderr)
		}
	}
	return db, nil
}

// runB runs a command line, for benchmarks and helpers without a *testing.T.
func runB(db string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(append([]string{"--db", db}, args...), Env{Stdout: &out, Stderr: &errb, Today: today})
	return code, out.String(), errb.String()
}

func trust(t *testing.T, srv *mailtest.Server) {
	tuneServer = func(s *mail.Server) { s.TLS = &tls.Config{RootCAs: srv.Roots, ServerName: "localhost"} }
	t.Cleanup(func() { tuneServer = nil })
}

// outboxRows reads the outbox CSV as maps by column.
func outboxRows(t *testing.T, db string) []map[string]string {
	t.Helper()
	code, out, stderr := run(t, db, "outbox")
	if code != 0 {
		t.Fatalf("outbox: exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("outbox CSV %q: %v", out, err)
	}
	if got := strings.Join(rows[0], ","); got != "id,kind,to,subject,status,attempts,error,sent_at" {
		t.Fatalf("outbox columns %q", got)
	}
	var maps []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		maps = append(maps, m)
	}
	return maps
}

var statementSubject = regexp.MustCompile(`Payment statement No\. (\d+)`)

func TestSendStatementsDeliversTheReportsPDFOnce(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{StartTLS: true, User: "dana", Password: "s3cret"})
	trust(t, srv)
	db := mailDB(t, srv, "starttls")
	run(t, db, "settings", "set", "mail.username", "dana")
	t.Setenv(mail.PasswordVariable, "s3cret")

	code, stdout, stderr := run(t, db, append([]string{"send", "statements"}, september...)...)
	if code != 0 {
		t.Fatalf("send statements: exit %d: %s", code, stderr)
	}
	got := srv.Messages()
	if len(got) < 2 {
		t.Fatalf("%d message(s) received; want September's statements (stdout %q stderr %q)", len(got), stdout, stderr)
	}
	ids := map[string]bool{}
	for _, m := range got {
		if !m.TLS || m.User != "dana" {
			t.Errorf("message to %v went without STARTTLS or sign-in", m.To)
		}
		p, err := mailtest.Parse(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		n := statementSubject.FindStringSubmatch(p.Subject)
		if n == nil {
			t.Fatalf("subject %q names no statement", p.Subject)
		}
		pdf := filepath.Join(t.TempDir(), "s.pdf")
		if code, _, stderr := run(t, db, "report", "statement", "--number", n[1], "--out", pdf); code != 0 {
			t.Fatalf("report statement %s: %s", n[1], stderr)
		}
		want, _ := os.ReadFile(pdf)
		num, _ := strconv.Atoi(n[1])
		name := printed.StatementFile(num) // as the report names it
		if att, ok := p.Attachments[name]; !ok || !bytes.Equal(att, want) {
			t.Errorf("statement %s: attachment %s (%d bytes, present %v) differs from `report statement` (%d bytes); attachments %v",
				n[1], name, len(att), ok, len(want), keys(p.Attachments))
		}
		if !strings.Contains(p.Text, "Dear ") || !strings.Contains(p.Text, "travel expenses are not reimbursed") {
			t.Errorf("body %q is not the statement template's", p.Text)
		}
		ids[p.Header.Get("Message-ID")] = true
	}
	if len(ids) != len(got) {
		t.Errorf("%d Message-IDs for %d messages", len(ids), len(got))
	}
	rows := outboxRows(t, db)
	if len(rows) != len(got) {
		t.Fatalf("outbox has %d rows; %d were sent", len(rows), len(got))
	}
	for _, r := range rows {
		if r["status"] != "sent" || r["attempts"] != "1" || r["sent_at"] == "" || r["kind"] != "statement" || !strings.Contains(r["to"], "@") {
			t.Errorf("outbox row %v; want sent once with a time", r)
		}
	}

	t.Run("a second send skips what went", func(t *testing.T) {
		code, _, stderr := run(t, db, append([]string{"send", "statements"}, september...)...)
		if code != 0 || len(srv.Messages()) != len(got) || !strings.Contains(stderr, "already sent") {
			t.Fatalf("exit %d, %d messages now (was %d), stderr %q", code, len(srv.Messages()), len(got), stderr)
		}
	})
	t.Run("--resend sends again with new Message-IDs", func(t *testing.T) {
		code, _, stderr := run(t, db, append([]string{"send", "statements", "--resend"}, september...)...)
		again := srv.Messages()[len(got):]
		if code != 0 || len(again) != len(got) {
			t.Fatalf("exit %d, %d resent; want %d: %s", code, len(again), len(got), stderr)
		}
		for _, m := range again {
			p, _ := mailtest.Parse(m.Data)
			if ids[p.Header.Get("Message-ID")] {
				t.Errorf("a resend reused Message-ID %s", p.Header.Get("Message-ID"))
			}
		}
	})
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestSendDryRunSendsNothing(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	db := mailDB(t, srv, "none")
	code, stdout, stderr := run(t, db, append([]string{"send", "statements", "--dry-run"}, september...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, _ := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if len(rows) < 3 || strings.Join(rows[0], ",") != "kind,to,subject,attachment,action" || rows[1][4] != "send" ||
		!strings.HasPrefix(rows[1][3], "statement-") {
		t.Fatalf("dry run printed %q", stdout)
	}
	if len(srv.Messages()) != 0 || len(outboxRows(t, db)) != 0 {
		t.Fatalf("a dry run sent %d message(s) and queued %d", len(srv.Messages()), len(outboxRows(t, db)))
	}
}

func TestRefusedRecipientExitsOneAndRetries(t *testing.T) {
	refused := ""
	srv := mailtest.Start(t, mailtest.Options{Refuse: func(to string) error {
		if refused == "" {
			refused = to // the first recipient of the batch is refused
		}
		if to == refused {
			return mailtest.Refusal(to)
		}
		return nil
	}})
	db := mailDB(t, srv, "none")
	code, _, stderr := run(t, db, append([]string{"send", "statements"}, september...)...)
	if code != 1 || !strings.Contains(stderr, refused) || !strings.Contains(stderr, "550") || !strings.Contains(stderr, "User unknown") {
		t.Fatalf("exit %d, stderr %q; want 1 naming %s and the server's 550", code, stderr, refused)
	}
	var failed map[string]string
	for _, r := range outboxRows(t, db) {
		if r["status"] == "failed" {
			failed = r
		}
	}
	if failed == nil || failed["to"] != refused || !strings.Contains(failed["error"], "refused the recipient") || failed["sent_at"] != "" {
		t.Fatalf("failed row %v", failed)
	}
	delivered := len(srv.Messages())
	refused = "nobody@example.org" // the mailbox exists now
	code, _, stderr = run(t, db, "outbox", "--retry")
	if code != 0 || len(srv.Messages()) != delivered+1 {
		t.Fatalf("retry: exit %d, %d delivered (was %d): %s", code, len(srv.Messages()), delivered, stderr)
	}
	for _, r := range outboxRows(t, db) {
		if r["id"] == failed["id"] && (r["status"] != "sent" || r["attempts"] != "2" || r["error"] != "") {
			t.Errorf("after the retry: %v; want sent on the second attempt", r)
		}
	}
}

// deliveries counts the messages received per Message-ID, across servers.
func deliveries(t *testing.T, servers ...*mailtest.Server) map[string]int {
	n := map[string]int{}
	for _, s := range servers {
		for _, m := range s.Messages() {
			p, err := mailtest.Parse(m.Data)
			if err != nil {
				t.Fatal(err)
			}
			n[p.Header.Get("Message-ID")]++
		}
	}
	return n
}

func TestServerDisappearsMidBatch(t *testing.T) {
	var srv *mailtest.Server
	srv = mailtest.Start(t, mailtest.Options{OnMessage: func(n int) {
		if n == 2 {
			srv.Stop() // gone before it answers the second message
		}
	}})
	db := mailDB(t, srv, "none")
	code, _, stderr := run(t, db, append([]string{"send", "statements"}, autumn...)...)
	if code != 1 || !strings.Contains(stderr, "lost") || !strings.Contains(stderr, "could not connect") {
		t.Fatalf("exit %d, stderr %q; want 1, the lost connection and the failed reconnection", code, stderr)
	}
	rows := outboxRows(t, db)
	if len(rows) < 4 || rows[0]["status"] != "sent" || rows[1]["status"] != "failed" {
		t.Fatalf("outbox %v; want the first sent, the rest failed", rows)
	}
	// Once the server cannot be reached, the rest are not tried one by one.
	for _, r := range rows[3:] {
		if r["status"] != "failed" || r["attempts"] != "0" || !strings.HasPrefix(r["error"], "not sent: could not connect") {
			t.Errorf("after the server went: %v; want failed, never tried, with the reason", r)
		}
	}
	back := mailtest.Start(t, mailtest.Options{Addr: srv.Addr()})
	if code, _, stderr := run(t, db, "outbox", "--retry"); code != 0 {
		t.Fatalf("retry: exit %d: %s", code, stderr)
	}
	n := deliveries(t, srv, back)
	if len(n) != len(rows) {
		t.Fatalf("%d distinct messages delivered; want %d", len(n), len(rows))
	}
	twice := 0
	for id, c := range n {
		if c > 1 {
			twice++
			if c != 2 {
				t.Errorf("%s delivered %d times", id, c)
			}
		}
	}
	if twice != 1 {
		t.Errorf("%d message(s) delivered twice; want only the one in flight when the server went", twice)
	}
	for _, r := range outboxRows(t, db) {
		if r["status"] != "sent" {
			t.Errorf("after the retry: %v", r)
		}
	}
}

func TestSendUsageAndUserErrors(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	db := mailDB(t, srv, "none")
	for _, args := range [][]string{{"send"}, {"send", "postcards"}, {"send", "contracts"}, {"send", "schedules", "--year", "2026-27"},
		{"send", "introductions"}, {"send", "statements", "--from", "2025-13-01"}, {"send", "statements", "extra"},
		{"send", "statements", "--from", "2025-10-01", "--through", "2025-09-01"}, {"send", "rosters", "--year", "2026-27"},
		{"outbox", "--resend"}, {"outbox", "now"}} {
		if code, _, stderr := run(t, db, args...); code != 2 {
			t.Errorf("%v: exit %d; want 2 (%s)", args, code, stderr)
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"send", "contracts", "--year", "2026-27", "--mentor", "nobody@example.org"}, `no mentor has the e-mail "nobody@example.org"`},
		{[]string{"send", "rosters", "--school", "Hogwarts"}, `no school named "Hogwarts"`},
		{[]string{"send", "introductions", "--cohort", "Nope"}, `no cohort named "Nope"`},
	} {
		if code, _, stderr := run(t, db, c.args...); code != 1 || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d %q; want 1 and %q", c.args, code, stderr, c.msg)
		}
	}
	t.Run("mail not set up: nothing queued", func(t *testing.T) {
		db := demoDB(t)
		code, _, stderr := run(t, db, append([]string{"send", "statements"}, september...)...)
		if code != 1 || !strings.Contains(stderr, "mail.host") || len(outboxRows(t, db)) != 0 {
			t.Fatalf("exit %d %q", code, stderr)
		}
	})
	if len(srv.Messages()) != 0 {
		t.Errorf("refused command lines sent %d message(s)", len(srv.Messages()))
	}
}

func TestSettingsSetMail(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	for _, c := range []struct{ key, value, want string }{
		{"mail.host", "smtp.example.org", "smtp.example.org"},
		{"mail.port", "465", "465"},
		{"mail.security", "TLS", "tls"},
		{"mail.username", "dana@example.org", "dana@example.org"},
		{"mail.from", "Dana Whitfield <dana@example.org>", "Dana Whitfield <dana@example.org>"},
		{"mail.replyto", "office@example.org", "office@example.org"},
	} {
		if code, _, stderr := run(t, db, "settings", "set", c.key, c.value); code != 0 {
			t.Fatalf("set %s: exit %d: %s", c.key, code, stderr)
		}
		if _, out, _ := run(t, db, "settings", "get", c.key); strings.TrimSpace(out) != c.want {
			t.Errorf("get %s = %q; want %q", c.key, out, c.want)
		}
	}
	for _, c := range []struct{ key, value, msg string }{
		{"mail.port", "99999", "not a port number"},
		{"mail.security", "ssl", "not a kind of security"},
		{"mail.from", "Dana <dana@>", "not an e-mail address"},
		{"mail.host", "smtp example org", "not a host name"},
		{"mail.password", "x", "not a mail setting"},
	} {
		if code, _, stderr := run(t, db, "settings", "set", c.key, c.value); code != 1 || !strings.Contains(stderr, c.msg) {
			t.Errorf("set %s %q: exit %d %q; want 1 and %q", c.key, c.value, code, stderr, c.msg)
		}
	}
	if _, out, _ := run(t, db, "settings", "get", "mail.port"); strings.TrimSpace(out) != "465" {
		t.Errorf("a refused value changed mail.port: %q", out)
	}
}
