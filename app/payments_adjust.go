package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// payProblem is the red line under a field. A kept one holds its line while empty, so a dialog
// the user types in does not move; the others are hidden while there is nothing to say.
func payProblem(keep bool) *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	if !keep {
		l.Hide()
	}
	return l
}

// setPayProblem shows text under a field, hiding the line when it is empty.
func setPayProblem(l *widget.Label, text string) {
	l.SetText(text)
	l.Hidden = text == ""
	l.Refresh()
}

// payForm records that statements were paid: the date and a reference such as a cheque number.
type payForm struct {
	t       *statementsTab
	targets []data.StatementSummary
	paidOn  *widgets.DateEntry
	ref     *widget.Entry
	general *widget.Label
	dateErr *widget.Label
	refErr  *widget.Label
	ok      *widget.Button
	dlg     dialog.Dialog
	open    bool
	touched bool
}

func newPayForm(t *statementsTab, targets []data.StatementSummary) *payForm {
	return &payForm{t: t, targets: targets}
}

func (f *payForm) what() string {
	if len(f.targets) == 1 {
		return fmt.Sprintf("statement No. %d", f.targets[0].Number)
	}
	return plural(len(f.targets), "statement", "statements")
}

func (f *payForm) show() {
	var sum data.Money
	nums := make([]string, 0, len(f.targets))
	for _, x := range f.targets {
		sum += x.Total
		nums = append(nums, fmt.Sprintf("%d", x.Number))
	}
	list := "No. " + payList(nums)
	if len(nums) > 12 {
		list = fmt.Sprintf("No. %s … %s", strings.Join(nums[:6], ", "), nums[len(nums)-1])
	}
	text := fmt.Sprintf("%s totalling %s: %s.", f.what(), sum.Dollars(), list)
	if len(f.targets) == 1 {
		x := f.targets[0]
		text = fmt.Sprintf("Statement No. %d: %s, %s, %s.", x.Number, x.MentorName, x.School, x.Total.Dollars())
	}
	head := wrapLabel(text)
	f.paidOn = widgets.NewDateEntry(false)
	f.paidOn.SetDate(f.t.p.d.today())
	f.ref = widget.NewEntry()
	f.ref.SetPlaceHolder("Cheque number or transfer reference")
	f.general, f.dateErr, f.refErr = payProblem(false), payProblem(false), payProblem(false)
	changed := func(string) { f.touched = true; f.check() }
	f.paidOn.OnChanged = changed
	f.ref.OnChanged = changed
	form := widget.NewForm(
		widget.NewFormItem("Paid on", container.NewVBox(f.paidOn, f.dateErr)),
		widget.NewFormItem("Reference", container.NewVBox(f.ref, f.refErr)),
	)
	cancel := widget.NewButton("Cancel", f.close)
	f.ok = widget.NewButtonWithIcon("Mark paid", theme.ConfirmIcon(), func() { f.submit(func(bool) {}) })
	f.ok.Importance = widget.HighImportance
	content := container.NewVBox(head, form, f.general, container.NewHBox(layout.NewSpacer(), cancel, f.ok))
	f.dlg = dialog.NewCustomWithoutButtons("Mark paid", content, f.t.p.d.win)
	f.dlg.SetOnClosed(func() { f.open = false })
	f.dlg.Resize(fyne.NewSize(520, 0))
	f.open = true
	f.check()
	f.dlg.Show()
}

func (f *payForm) isOpen() bool { return f.open }
func (f *payForm) dirty() bool  { return f.touched }

func (f *payForm) close() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	f.open = false
}

// problems checks the form with data.MarkPaid and the statements' own dates.
func (f *payForm) problems() (paidOn data.Date, ref string, p data.Problems, general string) {
	ref = strings.TrimSpace(f.ref.Text)
	paidOn, err := f.paidOn.Date()
	if err != nil {
		p = append(p, data.FieldError{Field: "paid_on", Problem: err.Error()})
	} else if err := (data.MarkPaid{PaidOn: paidOn, Ref: ref}).Validate(); err != nil {
		errors.As(err, &p)
	}
	for _, x := range f.targets {
		switch {
		case x.Status == data.Paid:
			general = fmt.Sprintf("Statement No. %d was already marked paid on %s; a statement is paid once.", x.Number, x.PaidOn)
		case paidOn != 0 && paidOn < x.IssuedOn && p.For("paid_on") == "":
			p = append(p, data.FieldError{Field: "paid_on", Problem: fmt.Sprintf("statement No. %d was issued on %s; it cannot be paid before", x.Number, x.IssuedOn)})
		}
	}
	return paidOn, ref, p, general
}

func (f *payForm) check() bool {
	_, _, p, general := f.problems()
	setPayProblem(f.dateErr, p.For("paid_on"))
	setPayProblem(f.refErr, p.For("reference"))
	setPayProblem(f.general, general)
	ok := len(p) == 0 && general == ""
	if ok {
		f.ok.Enable()
	} else {
		f.ok.Disable()
	}
	return ok
}

func (f *payForm) submit(done func(bool)) {
	if !f.check() {
		done(false)
		return
	}
	paidOn, ref, _, _ := f.problems()
	numbers := make([]int, len(f.targets))
	for i, x := range f.targets {
		numbers[i] = x.Number
	}
	payAttempt(f.t.p, func(ctx context.Context) error {
		return f.t.p.store.MarkPaid(ctx, numbers, paidOn, ref)
	}, f.ok, done, func() {
		f.touched = false
		f.close()
		f.t.changed(numbers[0])
	})
}

// adjustLine is one line of an adjustment being entered.
type adjustLine struct {
	desc, amount *widget.Entry
	row          *fyne.Container
}

// adjustForm records an adjustment statement correcting an issued one (R6): lines that may be
// negative and the reason, checked as they are typed by data.Adjustment.
type adjustForm struct {
	t        *statementsTab
	orig     data.Statement
	lines    []*adjustLine
	linesBox *fyne.Container
	reason   *widgets.TextArea
	linesErr *widget.Label
	whyErr   *widget.Label
	preview  *widget.Label
	ok       *widget.Button
	dlg      dialog.Dialog
	open     bool
	touched  bool
	tried    bool
}

func newAdjustForm(t *statementsTab, orig data.Statement) *adjustForm {
	return &adjustForm{t: t, orig: orig}
}

func (f *adjustForm) show() {
	o := f.orig
	head := wrapLabel(fmt.Sprintf("Statement No. %d: %s at %s on %s, %s. It stays as issued; the correction is a new, numbered statement referring to it.",
		o.Number, o.MentorName, o.School, o.VisitDate, o.Total().Dollars()))
	f.linesBox = container.NewVBox()
	f.linesErr, f.whyErr = payProblem(true), payProblem(true)
	f.preview = widget.NewLabel("")
	f.preview.Wrapping = fyne.TextWrapWord
	f.reason = widgets.NewTextArea()
	f.reason.SetPlaceHolder("What the adjustment corrects, e.g. the 8th Grade Band session was a Season session")
	f.reason.SetMinRowsVisible(2)
	f.reason.Wrapping = fyne.TextWrapWord
	f.reason.OnChanged = func(string) { f.touched = true; f.check() }
	f.addLine()
	add := widget.NewButtonWithIcon("Add line", theme.ContentAddIcon(), func() { f.addLine(); f.check() })
	cancel := widget.NewButton("Cancel", f.close)
	f.ok = widget.NewButtonWithIcon("Issue adjustment", theme.DocumentCreateIcon(), func() { f.submit(func(bool) {}) })
	f.ok.Importance = widget.HighImportance
	content := container.NewVBox(head,
		payTitle("Lines (negative amounts take money back)"), f.linesBox, container.NewHBox(add), f.linesErr,
		payTitle("Reason"), f.reason, f.whyErr, f.preview,
		container.NewHBox(layout.NewSpacer(), cancel, f.ok))
	f.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("Adjust statement No. %d", o.Number), content, f.t.p.d.win)
	f.dlg.SetOnClosed(func() { f.open = false })
	f.dlg.Resize(fyne.NewSize(640, 0))
	f.open = true
	f.check()
	f.dlg.Show()
}

func (f *adjustForm) addLine() {
	l := &adjustLine{desc: widget.NewEntry(), amount: widget.NewEntry()}
	l.desc.SetPlaceHolder("Description (the reason when empty)")
	l.amount.SetPlaceHolder("-75.00")
	l.amount.Validator = func(s string) error {
		_, err := data.ParseMoney(s)
		return err
	}
	changed := func(string) { f.touched = true; f.check() }
	l.desc.OnChanged = changed
	l.amount.OnChanged = changed
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeLine(l) })
	remove.Importance = widget.LowImportance
	amount := container.NewGridWrap(fyne.NewSize(130, l.amount.MinSize().Height), l.amount)
	l.row = border(nil, nil, nil, container.NewHBox(amount, remove), l.desc)
	f.lines = append(f.lines, l)
	f.linesBox.Add(l.row)
}

func (f *adjustForm) removeLine(l *adjustLine) {
	if len(f.lines) == 1 {
		l.desc.SetText("")
		l.amount.SetText("")
		return
	}
	for i, x := range f.lines {
		if x == l {
			f.lines = append(f.lines[:i], f.lines[i+1:]...)
		}
	}
	f.linesBox.Remove(l.row)
	f.check()
}

func (f *adjustForm) isOpen() bool { return f.open }
func (f *adjustForm) dirty() bool  { return f.touched }

func (f *adjustForm) close() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	f.open = false
}

// draft is the adjustment as typed, or the problems that keep it from being issued.
func (f *adjustForm) draft() (data.Statement, data.Problems) {
	var p data.Problems
	lines := make([]data.StatementLine, 0, len(f.lines))
	for i, l := range f.lines {
		a, err := data.ParseMoney(l.amount.Text)
		if err != nil && strings.TrimSpace(l.amount.Text) != "" {
			p = append(p, data.FieldError{Field: "lines", Problem: fmt.Sprintf("line %d: %v", i+1, err)})
		}
		lines = append(lines, data.StatementLine{Description: strings.TrimSpace(l.desc.Text), Amount: a})
	}
	if len(p) > 0 {
		return data.Statement{}, p
	}
	// The number is assigned when it is issued; any positive one checks the rest.
	st, err := data.Adjustment(f.orig, lines, f.reason.Text, f.orig.Number+1, f.t.p.d.today())
	if err != nil && !errors.As(err, &p) {
		p = data.Problems{{Field: "lines", Problem: err.Error()}}
	}
	return st, p
}

func (f *adjustForm) check() bool {
	st, p := f.draft()
	// Problems show once the field has something in it, or after "Issue adjustment" was pressed:
	// an empty form is not scolded before anything is typed.
	amounts := false
	for _, l := range f.lines {
		amounts = amounts || strings.TrimSpace(l.amount.Text) != ""
	}
	lines, why := "", ""
	if f.tried || amounts {
		lines = p.For("lines")
		if d := p.For("issued_on"); d != "" {
			lines = strings.TrimSpace(lines + "\nissued on: " + d)
		}
	}
	if f.tried || strings.TrimSpace(f.reason.Text) != "" {
		if why = p.For("reason"); why != "" {
			why = "The reason " + why
		}
	}
	f.linesErr.SetText(lines)
	f.whyErr.SetText(why)
	if len(p) == 0 {
		o := f.orig
		before := f.t.openedBal.Total()
		f.preview.SetText(fmt.Sprintf("Adjustment total %s. %s's total becomes %s (now %s).",
			signedDollars(st.Total()), o.MentorName, (before + st.Total()).Dollars(), before.Dollars()))
	} else {
		f.preview.SetText("")
	}
	return len(p) == 0
}

func signedDollars(m data.Money) string {
	if m > 0 {
		return "+" + m.Dollars()
	}
	return m.Dollars()
}

func (f *adjustForm) submit(done func(bool)) {
	f.tried = true
	if !f.check() {
		done(false)
		return
	}
	st, _ := f.draft()
	today := f.t.p.d.today()
	var issued data.Statement
	payAttempt(f.t.p, func(ctx context.Context) (err error) {
		issued, err = f.t.p.store.IssueAdjustment(ctx, f.orig.Number, st.Lines, st.Reason, today)
		return err
	}, f.ok, done, func() {
		f.touched = false
		f.close()
		dialog.ShowInformation("Adjustment issued", fmt.Sprintf("Adjustment statement No. %d (%s) corrects statement No. %d.",
			issued.Number, signedDollars(issued.Total()), f.orig.Number), f.t.p.d.win)
		f.t.changed(issued.Number)
	})
}

// payAttempt runs a write off the UI goroutine; on failure the form stays open with the store's
// message, so nothing typed is lost.
func payAttempt(p *payments, work func(ctx context.Context) error, ok *widget.Button, done func(bool), saved func()) {
	ok.Disable()
	payLoadOr(p, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, work(ctx)
	}, func(struct{}) {
		saved()
		done(true)
	}, func() {
		ok.Enable()
		done(false)
	})
}
