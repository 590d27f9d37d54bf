//go:build !windows

package filemsg

import "syscall"

var errPermission, errDiskFull error = syscall.EACCES, syscall.ENOSPC
