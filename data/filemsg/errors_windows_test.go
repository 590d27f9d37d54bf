package filemsg

import "syscall"

var errPermission, errDiskFull error = syscall.Errno(errorAccessDenied), syscall.Errno(errorDiskFull)
