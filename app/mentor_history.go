package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// mentorHistory is the read-only part of the mentor page: sessions, statements and the roster
// review, as the store had them when the page loaded.
type mentorHistory struct {
	p *mentorPage

	sessions   []data.Session
	statements []data.Statement

	sessionTable   *widget.Table
	statementTable *widget.Table
	sessionNote    *widget.Label
	statementNote  *widget.Label
	review         *widget.Label
	reviewDetail   *widget.Label
}

func newMentorHistory(p *mentorPage) *mentorHistory { return &mentorHistory{p: p} }

var (
	sessionColumns   = []string{"Date", "Time", "School", "Classroom", "Program", "Status"}
	sessionWidths    = []float32{100, 60, 165, 135, 80, 95}
	statementColumns = []string{"No.", "Visit date", "School", "Total", "Status"}
	statementWidths  = []float32{55, 100, 180, 90, 150}
)

// historyTable is a read-only table with a header row.
func historyTable(columns []string, widths []float32, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Roosevelt High School")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cell(id.Row, id.Col)) })
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("Classroom", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(columns[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

func (h *mentorHistory) sessionsUI() fyne.CanvasObject {
	h.sessionNote = widget.NewLabel("")
	h.sessionTable = historyTable(sessionColumns, sessionWidths, func() int { return len(h.sessions) }, func(r, c int) string {
		s := h.sessions[r]
		return [...]string{s.Date.String(), s.Start.String(), s.School, s.Classroom, data.Label(s.Program), data.Label(s.Status)}[c]
	})
	return border(h.sessionNote, nil, nil, nil, h.sessionTable)
}

func (h *mentorHistory) statementsUI() fyne.CanvasObject {
	h.statementNote = widget.NewLabel("")
	h.statementTable = historyTable(statementColumns, statementWidths, func() int { return len(h.statements) }, func(r, c int) string {
		st := h.statements[r]
		status := "Issued " + st.IssuedOn.String()
		if st.Status == data.Paid {
			status = "Paid " + st.PaidOn.String()
		}
		return [...]string{fmt.Sprint(st.Number), st.VisitDate.String(), st.School, st.Total().Dollars(), status}[c]
	})
	return border(h.statementNote, nil, nil, nil, h.statementTable)
}

func (h *mentorHistory) reviewUI() fyne.CanvasObject {
	h.review = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.reviewDetail = wrapLabel("")
	return container.NewVBox(h.review, h.reviewDetail)
}

// show puts a freshly loaded record on the tabs.
func (h *mentorHistory) show(r mentorRecord) {
	h.sessions, h.statements = r.sessions, r.statements
	saved := h.p.id() != 0
	switch {
	case !saved:
		h.sessionNote.SetText("A new mentor has no sessions yet.")
	case len(h.sessions) == 0:
		h.sessionNote.SetText("No sessions scheduled or held.")
	default:
		h.sessionNote.SetText(fmt.Sprintf("%s, oldest first (plan and confirm them in Programs and Calendar).",
			plural(len(h.sessions), "session", "sessions")))
	}
	switch {
	case !saved:
		h.statementNote.SetText("A new mentor has no payment statements yet.")
	case len(h.statements) == 0:
		h.statementNote.SetText("No payment statements issued.")
	default:
		var total data.Money
		for _, st := range h.statements {
			total += st.Total()
		}
		h.statementNote.SetText(fmt.Sprintf("%s issued, totalling %s.", plural(len(h.statements), "statement", "statements"), total.Dollars()))
	}
	h.sessionTable.Refresh()
	h.statementTable.Refresh()
	h.tabTitles()
	h.showReview(r.review, saved)
}

func (h *mentorHistory) tabTitles() {
	items := h.p.tabs.Items
	items[2].Text = fmt.Sprintf("Sessions (%d)", len(h.sessions))
	items[3].Text = fmt.Sprintf("Statements (%d)", len(h.statements))
	h.p.tabs.Refresh()
}

func (h *mentorHistory) showReview(s data.ReviewState, saved bool) {
	var lines []string
	switch {
	case !saved:
		setLabel(h.review, "Not reviewed: a new mentor has no feedback yet.", widget.MediumImportance)
	case !s.OnRoster() && s.Decision != nil && s.Decision.Decision == "remove":
		setLabel(h.review, "Off the roster", widget.DangerImportance)
	case s.UnderReview:
		setLabel(h.review, "Under review", widget.WarningImportance)
	default:
		setLabel(h.review, "On the roster", widget.SuccessImportance)
	}
	if saved {
		lines = append(lines, s.Reasons...)
		if s.FeedbackCount == 0 {
			lines = append(lines, "No feedback recorded from instructors in the last 12 months.")
		} else {
			lines = append(lines, fmt.Sprintf("Instructors' feedback averages %.2f over %s.", s.FeedbackAverage,
				plural(s.FeedbackCount, "entry", "entries")))
		}
		if s.SurveyResponses == 0 {
			lines = append(lines, "No student survey responses in the last 12 months.")
		} else {
			lines = append(lines, fmt.Sprintf("Student surveys average %.2f over %s.", s.SurveyAverage,
				plural(s.SurveyResponses, "response", "responses")))
		}
		if s.PunctualityProblems == 0 {
			lines = append(lines, "No late or absent sessions in the last 12 months.")
		} else {
			lines = append(lines, plural(s.PunctualityProblems, "late or absent session", "late or absent sessions")+" in the last 12 months.")
		}
		if d := s.Decision; d != nil {
			lines = append(lines, fmt.Sprintf("Latest decision: %s on %s — %s", d.Decision, d.DecidedOn, d.Reason))
		}
	}
	h.reviewDetail.SetText(strings.Join(lines, "\n"))
}
