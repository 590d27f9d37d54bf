package report

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/gofrs/flock"
)

// A document is written to a hidden ".NAME.pdf.DIGITS.partial" file beside its place and
// renamed when complete (writeTemp). A process killed half-way leaves those behind, so every
// write first takes the folder's lock and removes the partial files of earlier writes: while
// the lock is held, no other MentorDesk is writing there, so any partial file left is stale.
var partialName = regexp.MustCompile(`^\..+\.pdf\.[0-9]+\.partial$`)

// staleAfter is how old a partial file must be to be removed where folders cannot be locked.
const staleAfter = time.Hour

// holdFolders locks each folder documents are about to be written into and removes the
// partial files left there by writes that never finished; release unlocks them.
func holdFolders(dirs []string) (release func()) {
	var held []*flock.Flock
	seen := map[string]bool{}
	for _, dir := range dirs {
		dir = filepath.Clean(dir)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		fl := flock.New(dir, flock.SetFlag(os.O_RDONLY))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		ok, err := fl.TryLockContext(ctx, 50*time.Millisecond)
		cancel()
		locked := err == nil && ok
		if locked {
			held = append(held, fl)
		}
		removePartials(dir, locked)
	}
	return func() {
		for _, fl := range held {
			fl.Unlock()
		}
	}
}

// removePartials removes the partial document files in dir: all of them when the folder is
// locked, else only those untouched for staleAfter.
func removePartials(dir string, locked bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !partialName.MatchString(e.Name()) {
			continue
		}
		if !locked {
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleAfter {
				continue
			}
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}
