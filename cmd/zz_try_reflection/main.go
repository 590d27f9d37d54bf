package main

import (
	"context"
	"log"

	fyneapp "fyne.io/fyne/v2/app"

	"mentordesk/app"
	"mentordesk/data"
	"mentordesk/data/demo"
	"mentordesk/data/sqlite"
)

func main() {
	ctx := context.Background()
	today := data.MustDate("2026-11-22")
	st, err := sqlite.Open("/tmp/reflect-try.db", sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if empty, _ := st.IsEmpty(ctx); empty {
		if err := demo.Fill(ctx, st, today); err != nil {
			log.Fatal(err)
		}
	}
	places, _ := st.EnrollmentPlaces(ctx, sqlite.ReflectionFilter{})
	var p sqlite.EnrollmentPlace
	for _, x := range places {
		if x.SchoolYear == 2026 && x.Terms == 3 {
			p = x
			break
		}
	}
	ss, _ := st.Sessions(ctx, sqlite.SessionFilter{})
	a := fyneapp.NewWithID("org.mentordesk.try")
	w := app.TryReflection(a, st, func() data.Date { return today }, p.MentorID, p.EnrollmentID, ss[0].ID)
	w.ShowAndRun()
}
