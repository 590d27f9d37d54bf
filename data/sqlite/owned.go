package sqlite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// ErrOwnFile means an output path names one of MentorDesk's own files.
var ErrOwnFile = errors.New("is one of MentorDesk's own files")

// RefuseOwnFile refuses an output path that is, or leads to, a file the database at s owns;
// backupDirs are backup folders chosen besides the default one.
func (s *Store) RefuseOwnFile(path string, backupDirs ...string) error {
	return RefuseOwnFile(s.path, path, backupDirs...)
}

// RefuseOwnFile refuses to let a command or a dialog write path when it is the database db,
// its -wal, -shm, -journal or lock file, a file kept beside it by a restore, its backups folder
// or a backup in it — after following symbolic links, ignoring case where the file system does
// (Windows, macOS), and through a hard link to the same file. Every command that writes a file
// asks here first.
func RefuseOwnFile(db, path string, backupDirs ...string) error {
	if db == "" || path == "" {
		return nil
	}
	dbAbs := resolvePath(absolute(db))
	out := resolvePath(absolute(path))
	base := filepath.Base(dbAbs)
	refuse := func(what string) error {
		return fmt.Errorf("%s %w (%s); choose another file", path, ErrOwnFile, what)
	}
	stem := strings.TrimSuffix(base, filepath.Ext(base)) + "."
	dirs := append([]string{DefaultBackupDir(dbAbs)}, backupDirs...)
	for i, d := range dirs {
		dirs[i] = resolvePath(absolute(d))
	}
	// By name: the database, its side files, and whatever a restore keeps beside it.
	if samePath(filepath.Dir(out), filepath.Dir(dbAbs)) {
		name := filepath.Base(out)
		if samePath(name, base) {
			return refuse("the database " + dbAbs)
		}
		for _, side := range []string{"-wal", "-shm", "-journal", ".lock", ".restoring"} {
			if samePath(name, base+side) {
				return refuse("the database's " + strings.TrimLeft(side, "-.") + " file")
			}
		}
		if hasPrefixFold(name, base+".replaced-") || hasPrefixFold(name, "."+base+".") {
			return refuse("a file kept beside the database")
		}
	}
	for i, d := range dirs {
		if samePath(out, d) {
			return refuse("the backups folder " + d)
		}
		inside := isUnder(out, d)
		if inside && (i == 0 || samePath(filepath.Dir(out), d) && hasPrefixFold(filepath.Base(out), stem)) {
			return refuse("a backup in " + d)
		}
	}
	// Through a hard link (or any other name of the same file).
	st, err := os.Stat(out)
	if err != nil {
		return nil
	}
	owned := []string{dbAbs}
	for _, side := range []string{"-wal", "-shm", "-journal", ".lock"} {
		owned = append(owned, dbAbs+side)
	}
	for i, d := range dirs {
		if entries, err := os.ReadDir(d); err == nil {
			for _, e := range entries {
				if i == 0 || hasPrefixFold(e.Name(), stem) {
					owned = append(owned, filepath.Join(d, e.Name()))
				}
			}
		}
	}
	for _, o := range owned {
		if ost, err := os.Stat(o); err == nil && os.SameFile(st, ost) {
			return refuse("the same file as " + o)
		}
	}
	return nil
}

func absolute(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// resolvePath follows the symbolic links of an absolute path, including a last link that
// points at a file not yet written (creating the output would create that file).
func resolvePath(p string) string {
	for range 40 {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		fi, err := os.Lstat(p)
		if err == nil && fi.Mode()&os.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return p
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(p), target)
			}
			p = filepath.Clean(target)
			continue
		}
		// The file does not exist yet: resolve the folder it would go into.
		dir := filepath.Dir(p)
		if dir == p {
			return p
		}
		return filepath.Join(resolvePath(dir), filepath.Base(p))
	}
	return p
}

// caseBlind reports whether file names are compared ignoring case, as on Windows and macOS.
var caseBlind = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

func samePath(a, b string) bool {
	if caseBlind {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// isUnder reports whether p lies inside the folder dir (at any depth).
func isUnder(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	if caseBlind {
		rel, err = filepath.Rel(strings.ToLower(dir), strings.ToLower(p))
	}
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func hasPrefixFold(s, prefix string) bool {
	if caseBlind {
		return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
	}
	return strings.HasPrefix(s, prefix)
}
