package xlsxio

import (
	"strconv"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// YearEnd is the sheet of the accountant's workbook that totals each mentor's payments of a
// calendar year against the 1099-NEC threshold; it is written, never imported.
const YearEnd csvio.Kind = "year-end"

// yearEndColumns are its columns; total is typed as an amount, statements as a number.
var yearEndColumns = []string{"year", "mentor", "mentor_email", "statements", "total", "report_1099_nec"}

// WriteYearEnd writes the year-end totals sheet: one row per mentor, then the totals.
func (w *Writer) WriteYearEnd(totals []data.YearTotal, emails map[int64]string) error {
	if err := w.WriteHeader(YearEnd, yearEndColumns); err != nil {
		return err
	}
	for _, t := range totals {
		report := "no"
		if t.OverThreshold {
			report = "yes"
		}
		if err := w.WriteRow([]string{strconv.Itoa(t.Year), t.MentorName, emails[t.MentorID], strconv.Itoa(t.Statements), t.Total.String(), report}); err != nil {
			return err
		}
	}
	return nil
}
