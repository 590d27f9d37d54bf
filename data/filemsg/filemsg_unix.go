//go:build !windows

package filemsg

import (
	"errors"
	"syscall"
)

// Unix refuses a permission problem only: an open file never blocks a write.
const deniedMeansInUse = false

func causeOf(err error) cause {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return otherCause
	}
	switch errno {
	case syscall.ETXTBSY:
		return inUse
	case syscall.EACCES, syscall.EPERM:
		return denied
	case syscall.ENOSPC, syscall.EDQUOT:
		return diskFull
	case syscall.EROFS:
		return readOnlyDisk
	}
	return otherCause
}
