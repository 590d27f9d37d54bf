// Command mentordesk is MentorDesk: with no command it opens the window, with one it runs the
// scripting interface headless (DESIGN §4).
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // dates and time zones work on machines without a zone database (Windows)

	"mentordesk/app"
	"mentordesk/cmd/mentordesk/script"
	"mentordesk/data"
)

func main() {
	env := script.Env{Stdout: os.Stdout, Stderr: os.Stderr, Today: data.Today(), DefaultDB: script.DefaultDBPath()}
	db, rest, err := script.ParseGlobal(os.Args[1:], env)
	if err != nil || len(rest) > 0 {
		attachConsole()
		env.Stdout, env.Stderr = os.Stdout, os.Stderr
		os.Exit(script.Run(os.Args[1:], env))
	}
	if err := app.Run(db); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
