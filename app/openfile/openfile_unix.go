//go:build !windows

package openfile

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"time"
)

// opener is the system's command that opens a file with its program: macOS's open, and the
// freedesktop xdg-open elsewhere.
func opener() string {
	if runtime.GOOS == "darwin" {
		return "open"
	}
	return "xdg-open"
}

// settle is how long the opener is given to say it failed. open and most xdg-open setups
// return at once; on some desktops xdg-open runs the viewer itself and returns only when it
// closes, and a viewer still running after this long has opened the file.
var settle = 10 * time.Second

// xdg-open's exit statuses, as its manual lists them.
var openerStatus = map[int]string{
	1: "the opener was called wrongly",
	2: "the file is not there",
	3: "no program for opening files is installed",
	4: "no program is set up to open this kind of file",
}

func open(path string) string {
	cmd := exec.Command(opener(), path)
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Sprintf("%s, the system's opener, is not installed", opener())
		}
		return err.Error()
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		switch {
		case err == nil:
			return ""
		case errors.As(err, &exit):
			if why, ok := openerStatus[exit.ExitCode()]; ok && runtime.GOOS != "darwin" {
				return why
			}
			return fmt.Sprintf("%s ended with status %d: no program is set up to open this kind of file", opener(), exit.ExitCode())
		default:
			return err.Error()
		}
	case <-time.After(settle):
		return "" // the viewer is running; Wait above reaps it when it closes
	}
}
