package main

import (
	"os"
	"syscall"
)

// attachConsole gives a command run from cmd.exe or PowerShell its messages. MentorDesk.exe is
// a window program (no console of its own, so double-clicking it opens no black window), and
// Windows gives such a program no standard output: without this, `MentorDesk.exe export
// mentors m.csv` would print nothing. It attaches to the console of the program that started
// it and writes there; output redirected to a file or a pipe is kept as it is.
func attachConsole() {
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := kernel32.NewProc("AttachConsole").Call(attachParentProcess); r == 0 {
		return // started from Explorer, or already a console program (mentordesk-cli.exe)
	}
	reopen := func(std **os.File, handle int, name string, mode int) {
		if h, err := syscall.GetStdHandle(handle); err == nil && h != 0 && h != syscall.InvalidHandle {
			if _, err := syscall.GetFileType(h); err == nil {
				return // redirected: keep it
			}
		}
		if f, err := os.OpenFile(name, mode, 0); err == nil {
			*std = f
		}
	}
	reopen(&os.Stdout, syscall.STD_OUTPUT_HANDLE, "CONOUT$", os.O_WRONLY)
	reopen(&os.Stderr, syscall.STD_ERROR_HANDLE, "CONOUT$", os.O_WRONLY)
	reopen(&os.Stdin, syscall.STD_INPUT_HANDLE, "CONIN$", os.O_RDONLY)
}
