package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// Check kinds and results as the page names them, in the order the selects offer them.
var (
	checkKindChoices   = []string{"WSP background check", "FBI fingerprint check"}
	checkKinds         = []data.CheckKind{data.WSP, data.FBI}
	checkResultChoices = []string{"Clear", "Pending", "Not clear"}
	checkResults       = []data.CheckResult{data.Clear, data.Pending, data.NotClear}
)

// mentorCompliance is the page's background checks and contracts: it lists and edits them
// and shows the clearance (R7) and contract (R8) they give, recomputed on every edit.
type mentorCompliance struct {
	p *mentorPage

	summary   *widget.Label
	reasons   *widget.Label
	fbi       *widget.Label
	contract  *widget.Label
	checks    *fyne.Container
	contracts *fyne.Container

	kind        *widget.Select
	completed   *widgets.DateEntry
	result      *widget.Select
	checkIssue  *widget.Label
	year        *widget.Entry
	signed      *widgets.DateEntry
	contractBad *widget.Label
	pending     *widget.Label // whether the last check or contract added is saved
}

func newMentorCompliance(p *mentorPage) *mentorCompliance { return &mentorCompliance{p: p} }

func (c *mentorCompliance) buildUI() fyne.CanvasObject {
	c.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.reasons = wrapLabel("")
	c.fbi = wrapLabel("")
	c.contract = widget.NewLabel("")
	c.checks = container.NewVBox()
	c.contracts = container.NewVBox()

	c.kind = widget.NewSelect(checkKindChoices, nil)
	c.kind.SetSelectedIndex(0)
	c.completed = widgets.NewDateEntry(false)
	c.result = widget.NewSelect(checkResultChoices, nil)
	c.result.SetSelectedIndex(0)
	c.checkIssue = problemLabel()
	addCheck := widget.NewButtonWithIcon("Add check", theme.ContentAddIcon(), c.onAddCheck)

	c.year = widget.NewEntry()
	c.year.SetPlaceHolder("2026-27")
	c.year.Validator = func(s string) error { _, err := data.ParseSchoolYear(s); return err }
	c.signed = widgets.NewDateEntry(false)
	c.contractBad = problemLabel()
	addContract := widget.NewButtonWithIcon("Add contract", theme.ContentAddIcon(), c.onAddContract)

	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	addCheckForm := widget.NewForm(
		widget.NewFormItem("Kind", c.kind),
		widget.NewFormItem("Completed on", c.completed),
		widget.NewFormItem("Result", c.result))
	addContractForm := widget.NewForm(
		widget.NewFormItem("School year", c.year),
		widget.NewFormItem("Signed on", c.signed))
	c.pending = wrapLabel("")
	c.pending.Importance = widget.LowImportance
	c.pending.Hide()
	return container.NewVBox(
		c.summary, c.reasons, c.fbi, c.contract, c.pending,
		widget.NewSeparator(),
		heading("Background checks"), c.checks,
		widget.NewLabel("Add a background check:"), addCheckForm, container.NewHBox(addCheck), c.checkIssue,
		widget.NewSeparator(),
		heading("Contracts"), c.contracts,
		widget.NewLabel("Add a signed contract:"), addContractForm, container.NewHBox(addContract), c.contractBad,
	)
}

func problemLabel() *widget.Label {
	l := wrapLabel("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

func showIssue(l *widget.Label, text string) {
	l.SetText(text)
	l.Show()
	if text == "" {
		l.Hide()
	}
}

// refresh redraws the lists after the page loaded or the user edited them.
func (c *mentorCompliance) refresh() {
	if c.checks == nil {
		return
	}
	slices.SortFunc(c.p.checks, func(a, b data.Check) int {
		return cmp.Or(cmp.Compare(b.CompletedOn, a.CompletedOn), cmp.Compare(a.Kind, b.Kind))
	})
	c.checks.Objects = nil
	for i, k := range c.p.checks {
		c.checks.Objects = append(c.checks.Objects, c.checkRow(i, k))
	}
	if len(c.p.checks) == 0 {
		c.checks.Objects = []fyne.CanvasObject{widget.NewLabel("No background checks on file.")}
	}
	c.checks.Refresh()

	slices.SortFunc(c.p.contracts, func(a, b data.Contract) int { return cmp.Compare(b.SchoolYear, a.SchoolYear) })
	c.contracts.Objects = nil
	for i, k := range c.p.contracts {
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { c.deleteContract(i) })
		del.Importance = widget.LowImportance
		text := fmt.Sprintf("Contract for %s, signed on %s", k.SchoolYear, k.SignedOn)
		c.contracts.Objects = append(c.contracts.Objects, border(nil, nil, nil, del, widget.NewLabel(text)))
	}
	if len(c.p.contracts) == 0 {
		c.contracts.Objects = []fyne.CanvasObject{widget.NewLabel("No contracts on file.")}
	}
	c.contracts.Refresh()
	if c.year.Text == "" && c.p.year != 0 {
		c.year.SetText(c.p.year.String())
	}
	c.recompute()
}

func (c *mentorCompliance) checkRow(i int, k data.Check) fyne.CanvasObject {
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { c.deleteCheck(i) })
	del.Importance = widget.LowImportance
	kind := checkKindChoices[slices.Index(checkKinds, k.Kind)]
	result := widget.NewLabel(data.Label(k.Result))
	switch k.Result {
	case data.Clear:
		result.Importance = widget.SuccessImportance
	case data.NotClear:
		result.Importance = widget.DangerImportance
	default:
		result.Importance = widget.WarningImportance
	}
	text := fmt.Sprintf("%s of %s", kind, k.CompletedOn)
	if k.Result == data.Clear {
		text += ", covers through " + k.CoversThrough().String()
	}
	desc := widget.NewLabel(text)
	desc.Truncation = fyne.TextTruncateEllipsis
	result.TextStyle.Bold = true
	badge := container.NewGridWrap(fyne.NewSize(90, result.MinSize().Height), result)
	return border(nil, nil, badge, del, desc)
}

// recompute shows R7 and R8 for the checks, contracts and residence start the page holds now.
func (c *mentorCompliance) recompute() {
	if c.summary == nil || c.p.fields == nil {
		return
	}
	m, _ := c.p.formMentor()
	row := data.Compliance(m, c.p.checks, c.p.contracts, c.p.today, c.p.year)
	cl := row.Clearance
	var text string
	var imp widget.Importance
	switch {
	case cl.Cleared && cl.Expiring:
		text, imp = fmt.Sprintf("Cleared through %s — expiring", cl.ClearedUntil), widget.WarningImportance
	case cl.Cleared:
		text, imp = fmt.Sprintf("Cleared through %s", cl.ClearedUntil), widget.SuccessImportance
	default:
		text, imp = fmt.Sprintf("Not cleared on %s", c.p.today), widget.DangerImportance
	}
	setLabel(c.summary, text, imp)
	setLabel(c.p.headline, text, imp)
	c.reasons.SetText(strings.Join(cl.Reasons, ".\n"))
	if len(cl.Reasons) == 0 {
		c.reasons.Hide()
	} else {
		c.reasons.SetText(c.reasons.Text + ".")
		c.reasons.Show()
	}
	fbiNote := ""
	if cl.FBIRequired && cl.Cleared {
		fbiNote = "An FBI fingerprint check is required as well (Washington residence under 3 years or unknown), and one covers today."
	} else if !cl.FBIRequired && cl.Cleared {
		fbiNote = "No FBI check needed: Washington resident 3 years or more before the WSP check."
	}
	c.fbi.SetText(fbiNote)
	if fbiNote == "" {
		c.fbi.Hide()
	} else {
		c.fbi.Show()
	}
	var ctext string
	if row.Contract.Signed {
		ctext = fmt.Sprintf("Contract for %s signed on %s", c.p.year, row.Contract.SignedOn)
		setLabel(c.contract, ctext, widget.MediumImportance)
		setLabel(c.p.contract, ctext, widget.MediumImportance)
	} else {
		setLabel(c.contract, row.Contract.Reason, widget.WarningImportance)
		setLabel(c.p.contract, row.Contract.Reason, widget.WarningImportance)
	}
}

func (c *mentorCompliance) onAddCheck() {
	day, err := c.completed.Date()
	if err != nil {
		showIssue(c.checkIssue, "Date completed: "+err.Error())
		return
	}
	k := data.Check{MentorID: c.p.id(), Kind: checkKinds[c.kind.SelectedIndex()], CompletedOn: day,
		Result: checkResults[c.result.SelectedIndex()]}
	for _, x := range c.p.checks {
		if x.Kind == k.Kind && x.CompletedOn == k.CompletedOn {
			showIssue(c.checkIssue, fmt.Sprintf("There is already a %s of %s; delete it first to change its result.",
				c.kind.Selected, day))
			return
		}
	}
	if day > c.p.today {
		showIssue(c.checkIssue, fmt.Sprintf("%s is after today: enter the date the check was completed.", day))
		return
	}
	showIssue(c.checkIssue, "")
	c.p.checks = append(c.p.checks, k)
	c.completed.SetText("")
	c.completed.SetValidationError(nil) // emptied for the next check, not wrong
	c.edited()
}

func (c *mentorCompliance) deleteCheck(i int) {
	c.p.checks = slices.Delete(c.p.checks, i, i+1)
	c.edited()
}

func (c *mentorCompliance) onAddContract() {
	year, err := data.ParseSchoolYear(c.year.Text)
	if err != nil {
		showIssue(c.contractBad, "School year: "+err.Error())
		return
	}
	day, err := c.signed.Date()
	if err != nil {
		showIssue(c.contractBad, "Date signed: "+err.Error())
		return
	}
	for _, x := range c.p.contracts {
		if x.SchoolYear == year {
			showIssue(c.contractBad, fmt.Sprintf("There is already a contract for %s; delete it first to change it.", year))
			return
		}
	}
	showIssue(c.contractBad, "")
	c.p.contracts = append(c.p.contracts, data.Contract{MentorID: c.p.id(), SchoolYear: year, SignedOn: day})
	c.signed.SetText("")
	c.signed.SetValidationError(nil)
	c.edited()
}

func (c *mentorCompliance) deleteContract(i int) {
	c.p.contracts = slices.Delete(c.p.contracts, i, i+1)
	c.edited()
}

// edited counts a change to checks or contracts as an unsaved edit of the page.
// edited takes a check or contract added or deleted into effect: a saved mentor is saved at
// once (with the profile as it stands), so the clearance counts it everywhere; a new mentor, or
// one whose profile needs attention, keeps it on the page and says Save is still needed.
func (c *mentorCompliance) edited() {
	c.refresh()
	c.p.changed()
	switch {
	case c.p.id() == 0:
		c.setPending("Kept on this page: it is saved with the new mentor when you press Save.")
	case len(c.p.problems()) > 0:
		c.setPending("Not saved yet: the profile needs attention first (see Profile), then press Save.")
	default:
		c.setPending("Saving…")
		c.p.saveEdits(func(ok bool) {
			if ok {
				c.setPending("Saved: the clearance and contract shown are on record.")
			} else {
				c.setPending("Not saved yet: see the message above, then press Save.")
			}
		})
	}
}

func (c *mentorCompliance) setPending(text string) {
	if c.pending != nil {
		c.pending.SetText(text)
		c.pending.Show()
	}
}
