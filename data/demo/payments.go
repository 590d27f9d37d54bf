package demo

import (
	"fmt"
	"time"

	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// addStatements issues last school year's statements month by month, as a director does, each
// batch some days after the month so every confirmation in it has arrived, and marks them paid
// about a week later, all but the last two. This year's confirmed visits are left to issue.
func (f *filler) addStatements() error {
	type batch struct {
		numbers []int
		issued  data.Date
	}
	var batches []batch
	first := septemberFirst(f.last)
	for m := 0; m < 10; m++ {
		month := first.AddMonths(m)
		issued := nextWeekday(month.AddMonths(1).AddDays(8))
		if issued > f.today {
			break
		}
		sts, err := f.s.IssueStatements(f.ctx, sqlite.IssueChoice{Through: month.AddMonths(1).AddDays(-1)}, issued)
		if err != nil {
			return err
		}
		b := batch{issued: issued}
		for _, st := range sts {
			b.numbers = append(b.numbers, st.Number)
		}
		if len(b.numbers) > 0 {
			batches = append(batches, b)
		}
	}
	if n := len(batches); n > 0 && len(batches[n-1].numbers) > 2 {
		batches[n-1].numbers = batches[n-1].numbers[:len(batches[n-1].numbers)-2]
	}
	cheque := 3100 + f.rng.IntN(400)
	for _, b := range batches {
		paid := nextWeekday(b.issued.AddDays(5 + f.rng.IntN(5)))
		if paid > f.today {
			continue
		}
		ref := fmt.Sprintf("ACH batch %s", paid)
		if paid.Month() == time.December || paid.Month() == time.June {
			// The bank's ACH cut-off falls in the holidays; those months went out by cheque.
			ref = fmt.Sprintf("Cheques %d–%d", cheque, cheque+len(b.numbers)-1)
			cheque += len(b.numbers)
		}
		if err := f.s.MarkPaid(f.ctx, b.numbers, paid, ref); err != nil {
			return err
		}
	}
	return nil
}
