package filemsg

import (
	"errors"
	"syscall"
)

// Windows answers "Access is denied" when a program that holds the file open (Excel keeps a
// workbook open, unshared, while it shows it) blocks replacing it.
const deniedMeansInUse = true

// Win32 error codes (winerror.h).
const (
	errorAccessDenied      = 5
	errorWriteProtect      = 19
	errorSharingViolation  = 32
	errorLockViolation     = 33
	errorHandleDiskFull    = 39
	errorDiskFull          = 112
	errorUserMappedFile    = 1224
	errorDiskQuotaExceeded = 1295
)

func causeOf(err error) cause {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return otherCause
	}
	switch errno {
	case errorSharingViolation, errorLockViolation, errorUserMappedFile:
		return inUse
	case errorAccessDenied:
		return denied
	case errorDiskFull, errorHandleDiskFull, errorDiskQuotaExceeded:
		return diskFull
	case errorWriteProtect:
		return readOnlyDisk
	}
	return otherCause
}
