package app

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens (and truncates) the chosen file before the program sees its name,
// so the database could be emptied from a dialog before any check ran. The window therefore
// replaces the file repository with one that asks the store first: no dialog, export or
// template save can write, delete or move over one of MentorDesk's own files, and no open
// dialog opens anything but a regular file.

var (
	ownFilesMu    sync.Mutex
	ownFilesCheck func(path string) error
)

// guardOwnFiles makes every write through Fyne's storage ask check first.
func guardOwnFiles(check func(path string) error) {
	ownFilesMu.Lock()
	ownFilesCheck = check
	ownFilesMu.Unlock()
	inner, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := inner.(*guardedFiles); done {
		return
	}
	repository.Register("file", &guardedFiles{inner: inner})
}

func refuseOwn(u fyne.URI) error {
	if u == nil || u.Scheme() != "file" {
		return nil
	}
	return refuseOwnPath(u.Path())
}

// refuseOwnPath refuses a path the window is about to write when it is one of the open
// database's own files.
func refuseOwnPath(path string) error {
	ownFilesMu.Lock()
	check := ownFilesCheck
	ownFilesMu.Unlock()
	if check == nil {
		return nil
	}
	return check(path)
}

var errCannot = errors.New("this storage cannot do that")

// guardedFiles is Fyne's file repository with writes checked against MentorDesk's own files.
type guardedFiles struct{ inner repository.Repository }

var (
	_ repository.WritableRepository     = (*guardedFiles)(nil)
	_ repository.AppendableRepository   = (*guardedFiles)(nil)
	_ repository.ListableRepository     = (*guardedFiles)(nil)
	_ repository.HierarchicalRepository = (*guardedFiles)(nil)
	_ repository.DeleteAllRepository    = (*guardedFiles)(nil)
	_ repository.CopyableRepository     = (*guardedFiles)(nil)
	_ repository.MovableRepository      = (*guardedFiles)(nil)
)

func (g *guardedFiles) Exists(u fyne.URI) (bool, error) { return g.inner.Exists(u) }
func (g *guardedFiles) Reader(u fyne.URI) (fyne.URIReadCloser, error) {
	// Opening a FIFO or a device to read blocks until something writes to it: an open dialog
	// pointed at one would freeze the window.
	if u != nil && u.Scheme() == "file" {
		if st, err := os.Stat(u.Path()); err == nil && !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file", u.Path())
		}
	}
	return g.inner.Reader(u)
}
func (g *guardedFiles) CanRead(u fyne.URI) (bool, error) { return g.inner.CanRead(u) }
func (g *guardedFiles) Destroy(scheme string)            { g.inner.Destroy(scheme) }

func (g *guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := refuseOwn(u); err != nil {
		return nil, err
	}
	if w, ok := g.inner.(repository.WritableRepository); ok {
		return w.Writer(u)
	}
	return nil, errCannot
}

func (g *guardedFiles) CanWrite(u fyne.URI) (bool, error) {
	if refuseOwn(u) != nil {
		return false, nil
	}
	if w, ok := g.inner.(repository.WritableRepository); ok {
		return w.CanWrite(u)
	}
	return false, nil
}

func (g *guardedFiles) Delete(u fyne.URI) error {
	if err := refuseOwn(u); err != nil {
		return err
	}
	if w, ok := g.inner.(repository.WritableRepository); ok {
		return w.Delete(u)
	}
	return errCannot
}

func (g *guardedFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := refuseOwn(u); err != nil {
		return nil, err
	}
	if a, ok := g.inner.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, errCannot
}

func (g *guardedFiles) CanList(u fyne.URI) (bool, error) {
	if l, ok := g.inner.(repository.ListableRepository); ok {
		return l.CanList(u)
	}
	return false, nil
}

func (g *guardedFiles) List(u fyne.URI) ([]fyne.URI, error) {
	if l, ok := g.inner.(repository.ListableRepository); ok {
		return l.List(u)
	}
	return nil, errCannot
}

func (g *guardedFiles) CreateListable(u fyne.URI) error {
	if err := refuseOwn(u); err != nil {
		return err
	}
	if l, ok := g.inner.(repository.ListableRepository); ok {
		return l.CreateListable(u)
	}
	return errCannot
}

func (g *guardedFiles) Parent(u fyne.URI) (fyne.URI, error) {
	if h, ok := g.inner.(repository.HierarchicalRepository); ok {
		return h.Parent(u)
	}
	return repository.GenericParent(u)
}

func (g *guardedFiles) Child(u fyne.URI, name string) (fyne.URI, error) {
	if h, ok := g.inner.(repository.HierarchicalRepository); ok {
		return h.Child(u, name)
	}
	return repository.GenericChild(u, name)
}

func (g *guardedFiles) DeleteAll(u fyne.URI) error {
	if err := refuseOwn(u); err != nil {
		return err
	}
	if d, ok := g.inner.(repository.DeleteAllRepository); ok {
		return d.DeleteAll(u)
	}
	return errCannot
}

func (g *guardedFiles) Copy(from, to fyne.URI) error {
	if err := refuseOwn(to); err != nil {
		return err
	}
	if c, ok := g.inner.(repository.CopyableRepository); ok {
		return c.Copy(from, to)
	}
	return repository.GenericCopy(from, to)
}

func (g *guardedFiles) Move(from, to fyne.URI) error {
	if err := errors.Join(refuseOwn(from), refuseOwn(to)); err != nil {
		return err
	}
	if m, ok := g.inner.(repository.MovableRepository); ok {
		return m.Move(from, to)
	}
	return repository.GenericMove(from, to)
}
