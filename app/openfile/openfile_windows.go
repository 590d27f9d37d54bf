package openfile

import (
	"fmt"
	"syscall"
	"unsafe"
)

var shellExecute = syscall.NewLazyDLL("shell32.dll").NewProc("ShellExecuteW")

// ShellExecute's results of 32 and below are errors (Win32 SE_ERR_*).
var shellErrors = map[uintptr]string{
	0:  "Windows is out of memory",
	2:  "the file is not there",
	3:  "the folder is not there",
	5:  "Windows refused access to the file",
	8:  "Windows is out of memory",
	26: "the file is open in another program",
	27: "Windows does not know which program opens this kind of file",
	31: "no program is set up to open this kind of file",
	32: "the program that opens this kind of file could not start",
}

// open asks the Windows shell to open path with its program, as a double-click in Explorer does.
func open(path string) string {
	verb, err := syscall.UTF16PtrFromString("open")
	if err != nil {
		return err.Error()
	}
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err.Error()
	}
	const showNormal = 1
	r, _, _ := shellExecute.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, showNormal)
	if r > 32 {
		return ""
	}
	if why, ok := shellErrors[r]; ok {
		return why
	}
	return fmt.Sprintf("Windows could not open it (error %d)", r)
}
