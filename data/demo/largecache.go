package demo

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// LargeSeed is the seed of the cached large organisation, so every benchmark sees the same one.
const LargeSeed = 1

// LargeToday is the day the cached large organisation is dated around.
var LargeToday = data.MustDate("2026-11-22")

// largeSource is the generator itself: any change to it makes a cached database stale.
//
//go:embed large.go
var largeSource string

// largeCacheVersion is raised when the generator's helpers outside large.go, or the way the
// cache builds, change what it writes.
const largeCacheVersion = 3

// CachedLarge returns the path of the large organisation (DefaultLarge, LargeSeed, LargeToday),
// building it once into dir ("" is the system's temporary folder). Callers copy the file before
// writing to it. Concurrent callers, in this process or others, wait for one build.
func CachedLarge(dir string) (path string, err error) {
	return CachedLargeWith(dir, DefaultLarge)
}

// CachedLargeWith is CachedLarge for other counts, such as DefaultLarge with SkipIssue.
func CachedLargeWith(dir string, n LargeCounts) (string, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	key := largeCacheKey(n)
	name := fmt.Sprintf("mentordesk-large-%d", LargeSeed)
	if counts := n; counts.SkipIssue {
		counts.SkipIssue = false
		if counts != DefaultLarge {
			name += "-" + key[:8]
		}
		name += "-unissued"
	} else if n != DefaultLarge {
		name += "-" + key[:8]
	}
	path := filepath.Join(dir, name+".db")
	deadline := time.Now().Add(20 * time.Minute)
	for {
		cached, schema := cachedKey(path)
		if cached == key && schema == sqlite.Latest() {
			return path, nil
		}
		lock := path + ".building"
		f, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			if cached == key {
				err = migrateLarge(path, key)
			} else {
				err = buildLarge(path, key, lock, n)
			}
			os.Remove(lock)
			return path, err
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("build the large organisation in %s: %w", dir, err)
		}
		// A builder refreshes its lock every few seconds; one left by a killed build goes stale.
		if st, err := os.Stat(lock); err == nil && time.Since(st.ModTime()) > time.Minute {
			os.Remove(lock)
			continue
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("waited too long for another build of %s (remove %s if none runs)", path, lock)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func largeCacheKey(n LargeCounts) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d|%s|%+v|%d|", largeCacheVersion, LargeToday, n, LargeSeed)
	h.Write([]byte(largeSource))
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

// cachedKey reads the generator key and schema version a cached file was written with.
func cachedKey(path string) (key string, schema int) {
	if _, err := os.Stat(path); err != nil {
		return "", 0
	}
	b, err := os.ReadFile(path + ".key")
	if err != nil {
		return "", 0
	}
	fmt.Sscan(string(b), &key, &schema)
	return key, schema
}

func writeKey(path, key string) error {
	return os.WriteFile(path+".key", fmt.Appendf(nil, "%s %d\n", key, sqlite.Latest()), 0o600)
}

// migrateLarge brings a cached organisation written by an older schema up to date, which takes
// seconds where generating it again takes a minute; the backup Open takes first is dropped.
func migrateLarge(path, key string) error {
	backups, err := os.MkdirTemp(filepath.Dir(path), "mentordesk-large-backup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(backups)
	s, err := sqlite.Open(path, sqlite.Options{BackupDir: backups})
	if err != nil {
		return fmt.Errorf("migrate the large organisation: %w", err)
	}
	if err := s.Close(); err != nil {
		return err
	}
	return writeKey(path, key)
}

// withStore opens the database at path, runs write and closes it again.
func withStore(path string, write func(context.Context, *sqlite.Store) error) error {
	s, err := sqlite.Open(path, sqlite.Options{})
	if err != nil {
		return err
	}
	return errors.Join(write(context.Background(), s), s.Close())
}

// buildLarge fills a new file beside path and puts it in place only when complete.
func buildLarge(path, key, lock string, n LargeCounts) error {
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Second):
				now := time.Now()
				os.Chtimes(lock, now, now)
			}
		}
	}()
	tmp := fmt.Sprintf("%s.tmp-%d", path, os.Getpid())
	clean := func(p string) {
		for _, side := range []string{"", "-wal", "-shm"} {
			os.Remove(p + side)
		}
	}
	clean(tmp)
	os.Remove(path + ".key")
	// The rows are written first and the file closed, which moves them out of the write-ahead
	// log; issuing ten years' statements over a log holding them all takes minutes, not seconds.
	unissued := n
	unissued.SkipIssue = true
	err := withStore(tmp, func(ctx context.Context, s *sqlite.Store) error {
		return errors.Join(FillLarge(ctx, s, LargeToday, LargeSeed, unissued), s.SetMeta(ctx, "sample", "yes"))
	})
	if err == nil && !n.SkipIssue {
		err = withStore(tmp, func(ctx context.Context, s *sqlite.Store) error {
			return IssueAndPayLarge(ctx, s, LargeToday)
		})
	}
	if err != nil {
		clean(tmp)
		return fmt.Errorf("build the large organisation: %w", err)
	}
	clean(path)
	if err := os.Rename(tmp, path); err != nil {
		clean(tmp)
		return err
	}
	return writeKey(path, key)
}

// CopyLarge writes a private copy of the cached large organisation with counts n to dst (which
// must not exist), for a benchmark that changes it.
func CopyLarge(dst string, n LargeCounts) error {
	src, err := CachedLargeWith("", n)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
