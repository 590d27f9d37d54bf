package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"mentordesk/app/report"
)

// TestWindowAndReportCommandPrintTheSameDocuments gathers each document from the window's
// Documents area and from the `report` command over one file: the PDFs are the same bytes.
func TestWindowAndReportCommandPrintTheSameDocuments(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	d := newDesk(st)
	inputs, err := st.ContractInputs(ctx, 2026)
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no contract to print (%v)", err)
	}
	mentor := inputs[0].Mentor
	first, err := st.StatementPrint(ctx, 1)
	if err != nil {
		t.Fatalf("statement 1: %v", err)
	}
	payee, _ := st.Mentor(ctx, first.Statement.MentorID)
	cohorts, _ := st.Cohorts(ctx)
	if len(cohorts) == 0 {
		t.Fatal("no sample cohort")
	}
	cases := []struct {
		name   string
		window makeDoc
		args   []string
	}{
		{"contract", contractMaker(d, mentor.ID, 2026), []string{"contract", "--mentor", mentor.Email, "--year", "2026-27"}},
		{"roster", rosterMaker(d, testToday, 0, ""), []string{"roster", "--on", testToday.String()}},
		{"statement", statementMaker(d, 1), []string{"statement", "--number", "1"}},
		{"year-end summary", yearEndMaker(d, testToday, payee.ID, first.Statement.IssuedOn.Year()),
			[]string{"yearend", "--mentor", payee.Email, "--year", strconv.Itoa(first.Statement.IssuedOn.Year())}},
		{"cohort overview", cohortMaker(d, testToday, cohorts[0].ID), []string{"cohort", "--cohort", cohorts[0].Name}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := c.window(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var fromWindow bytes.Buffer
			if err := report.Render(&fromWindow, doc); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "doc.pdf")
			if code, msg := command(t, st, append(append([]string{"report"}, c.args...), "--out", out)...); code != 0 {
				t.Fatalf("report %s: exit %d: %s", c.args[0], code, msg)
			}
			fromCommand, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(fromWindow.Bytes(), fromCommand) {
				t.Errorf("the window's %s (%d bytes) differs from the command's (%d bytes)", c.name, fromWindow.Len(), len(fromCommand))
			}
		})
	}
}
