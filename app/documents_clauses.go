package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/app/report"
	"mentordesk/data"
	"mentordesk/widgets"
)

// clauseEditor is the "Edit contract clauses…" dialog: the numbered terms every contract prints,
// each a heading and a text, with a way back to the defaults.
type clauseEditor struct {
	s *documents

	dlg      dialog.Dialog
	rows     []*clauseRow
	list     *fyne.Container
	problems *widget.Label
	changed  bool
	loading  bool
}

type clauseRow struct {
	box     *fyne.Container
	number  *widget.Label
	heading *widget.Entry
	text    *widgets.TextArea
	problem *widget.Label
}

// show reads the clauses (the defaults when never edited) and opens the dialog.
func (c *clauseEditor) show() {
	track(&c.s.busy, c.s.d, func(ctx context.Context) ([]data.ContractClause, error) {
		return c.s.st.ContractClauses(ctx)
	}, func(stored []data.ContractClause) {
		clauses := toReportClauses(stored)
		if len(clauses) == 0 {
			clauses = report.DefaultClauses()
		}
		c.open(clauses)
	})
}

func toReportClauses(in []data.ContractClause) []report.Clause {
	out := make([]report.Clause, len(in))
	for i, x := range in {
		out[i] = report.Clause(x)
	}
	return out
}

func (c *clauseEditor) open(clauses []report.Clause) {
	c.list = container.NewVBox()
	c.problems = wrapLabel("")
	c.setRows(clauses)
	c.changed = false
	hint := wrapLabel("Every contract prints these terms, numbered, under \"Terms\". A text may use " +
		"{{org}}, {{mentor}}, {{year}}, {{rates}}, {{continuation}} and {{sessions}}; they are filled in for each contract.")
	add := widget.NewButtonWithIcon("Add clause", theme.ContentAddIcon(), func() {
		c.setRows(append(c.clauses(), report.Clause{}))
		c.changed = true
	})
	reset := widget.NewButtonWithIcon("Reset to defaults", theme.HistoryIcon(), func() {
		c.setRows(report.DefaultClauses())
		c.changed = true
	})
	cancel := widget.NewButton("Cancel", c.close)
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { c.save(nil) })
	save.Importance = widget.HighImportance
	buttons := border(nil, nil, container.NewHBox(add, reset), container.NewHBox(cancel, save))
	body := border(hint, container.NewVBox(c.problems, buttons), nil, nil, container.NewVScroll(c.list))
	c.dlg = dialog.NewCustomWithoutButtons("Contract clauses", body, c.s.d.win)
	c.dlg.Resize(fyne.NewSize(860, 660))
	c.dlg.Show()
}

// setRows shows clauses as editable rows.
func (c *clauseEditor) setRows(clauses []report.Clause) {
	c.loading = true
	defer func() { c.loading = false }()
	c.rows = nil
	c.list.Objects = nil
	for i, cl := range clauses {
		r := &clauseRow{number: widget.NewLabelWithStyle(fmt.Sprintf("%d.", i+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
		r.heading = widget.NewEntry()
		r.heading.SetPlaceHolder("Heading, like \"Travel expenses\"")
		r.heading.SetText(cl.Heading)
		r.text = widgets.NewTextArea()
		r.text.Wrapping = fyne.TextWrapWord
		r.text.SetMinRowsVisible(4)
		r.text.SetText(cl.Text)
		changed := func(string) {
			if !c.loading {
				c.changed = true
			}
		}
		r.heading.OnChanged, r.text.OnChanged = changed, changed
		r.problem = widget.NewLabel("")
		r.problem.Importance = widget.DangerImportance
		r.problem.Wrapping = fyne.TextWrapWord
		r.problem.Hide()
		at := i
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			list := c.clauses()
			c.setRows(slices.Delete(list, at, at+1))
			c.changed = true
		})
		remove.Importance = widget.LowImportance
		top := border(nil, nil, r.number, remove, r.heading)
		r.box = container.NewVBox(top, r.text, r.problem, widget.NewSeparator())
		c.rows = append(c.rows, r)
		c.list.Add(r.box)
	}
	c.list.Refresh()
}

func (c *clauseEditor) clauses() []report.Clause {
	out := make([]report.Clause, len(c.rows))
	for i, r := range c.rows {
		out[i] = report.Clause{Heading: strings.TrimSpace(r.heading.Text), Text: strings.TrimSpace(r.text.Text)}
	}
	return out
}

// checkClauses finds every problem of the clauses with the rules the store and the contract apply:
// required and bounded text, and only the placeholders a contract can fill.
func checkClauses(clauses []report.Clause) data.Problems {
	stored := make([]data.ContractClause, len(clauses))
	for i, cl := range clauses {
		stored[i] = data.ContractClause(cl)
	}
	ps := data.CheckContractClauses(stored)
	if len(clauses) == 0 {
		return append(ps, data.FieldError{Field: "clauses", Problem: "a contract needs at least one clause (Reset to defaults brings them back)"})
	}
	sample := report.ContractDoc{Org: report.Org{Name: "x"}, Mentor: data.Mentor{FirstName: "x"}, Year: 2026, Clauses: clauses}
	var all data.Problems
	if err := sample.Validate(); errors.As(err, &all) {
		for _, p := range all {
			// the store's check already covers the headings and texts; the contract adds placeholders
			if strings.HasPrefix(p.Field, "clauses[") && strings.HasSuffix(p.Field, "]") {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// save checks and stores the clauses; done (when not nil) learns whether they were saved.
func (c *clauseEditor) save(done func(ok bool)) {
	clauses := c.clauses()
	ps := checkClauses(clauses)
	for i, r := range c.rows {
		var lines []string
		for _, p := range ps {
			if p.Field == fmt.Sprintf("clauses[%d]", i+1) || strings.HasPrefix(p.Field, fmt.Sprintf("clauses[%d].", i+1)) {
				lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(p.Field, fmt.Sprintf("clauses[%d]", i+1)), ".")+" "+p.Problem)
			}
		}
		r.problem.SetText(strings.TrimSpace(strings.Join(lines, "; ")))
		r.problem.Hidden = len(lines) == 0
		r.box.Refresh()
	}
	if len(ps) > 0 {
		setLabel(c.problems, fmt.Sprintf("%d problem(s) keep the clauses from being saved: %s", len(ps), ps.Error()), widget.DangerImportance)
		if done != nil {
			done(false)
		}
		return
	}
	// Clauses left as the defaults are stored as none, so they follow future default wording.
	var stored []data.ContractClause
	if !slices.Equal(clauses, report.DefaultClauses()) {
		for _, cl := range clauses {
			stored = append(stored, data.ContractClause(cl))
		}
	}
	setLabel(c.problems, "Saving…", widget.LowImportance)
	track(&c.s.busy, c.s.d, func(ctx context.Context) (error, error) {
		return c.s.st.SaveContractClauses(ctx, stored), nil
	}, func(err error) {
		if err != nil {
			setLabel(c.problems, "The clauses were not saved: "+problemText(err), widget.DangerImportance)
			if done != nil {
				done(false)
			}
			return
		}
		c.changed = false
		c.close()
		c.s.say("The contract clauses are saved; every contract from now on prints them.", widget.SuccessImportance)
		if done != nil {
			done(true)
		}
	})
}

func (c *clauseEditor) close() {
	if c.dlg != nil {
		c.dlg.Hide()
		c.dlg = nil
	}
	c.changed = false
}

// The shell asks before edits to the clauses are lost.
func (s *documents) unsaved() string {
	if s.clauses.dlg != nil && s.clauses.changed {
		return "the contract clauses"
	}
	return ""
}

func (s *documents) saveEdits(done func(ok bool)) { s.clauses.save(done) }

func (s *documents) discardEdits() { s.clauses.close() }
