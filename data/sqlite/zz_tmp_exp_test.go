package sqlite

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mentordesk/data"
)

func TestZZIssueVariants(t *testing.T) {
	src := "/tmp/mentordesk-large-1-unissued.db"
	for _, v := range []struct{ name string; pre []string }{
		{"default", nil},
		{"cache64", []string{"PRAGMA cache_size=-65536"}},
		{"nostatusidx", []string{"DROP INDEX sessions_by_status"}},
		{"cache64-nostatus", []string{"PRAGMA cache_size=-65536", "DROP INDEX sessions_by_status"}},
	} {
		dst := filepath.Join(t.TempDir(), "x.db")
		in, _ := os.Open(src); out, _ := os.Create(dst); io.Copy(out, in); in.Close(); out.Close()
		s, err := Open(dst, Options{})
		if err != nil { t.Fatal(err) }
		for _, q := range v.pre { if _, err := s.w.Exec(q); err != nil { t.Fatal(err) } }
		t0 := time.Now()
		sts, err := s.IssueStatements(ctx, data.MustDate("2026-11-21"), data.MustDate("2026-11-22"))
		t.Logf("%s: %d in %v (%v)", v.name, len(sts), time.Since(t0), err)
		s.Close()
	}
}
