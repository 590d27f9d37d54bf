package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// pairStore is what the Pairs tab writes.
type pairStore interface {
	SavePairTerms(ctx context.Context, p data.Pair) error
	AddMeeting(ctx context.Context, m data.Meeting) error
	DeleteMeeting(ctx context.Context, id int64) error
}

// pairRow is one pair with what the tab shows of it.
type pairRow struct {
	pair       data.Pair
	early, exp data.Applicant
	meetings   []data.Meeting
	milestones []data.Milestone
}

var decisionChoices = []string{"Continue", "End"}

// pairView is the Pairs tab: each pair's agreement, meeting log, check-in milestones and
// end-of-term decisions.
type pairView struct {
	d       deps
	store   pairStore
	busy    *inflight
	changed func()

	cd      cohortData
	rows    []pairRow
	list    *widget.List
	pane    *fyne.Container
	scroll  *container.Scroll // the pair's page; kept so logging a meeting keeps the place
	current int64             // the pair being edited
	shown   int64             // the pair whose page is laid out
	loaded  string

	form             *checkedForm
	frequency        *widget.SelectEntry
	topics           *widgets.TagEntry
	earlyDec, expDec *widget.RadioGroup
	saved            *widget.Label

	meetForm *checkedForm
	mDate    *widgets.DateEntry
	mTopics  *widgets.TagEntry
	mNote    *widgets.TextArea
}

func newPairView(d deps, st pairStore, busy *inflight, changed func()) *pairView {
	return &pairView{d: d, store: st, busy: busy, changed: changed}
}

func (v *pairView) buildUI() fyne.CanvasObject {
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			names := boldLabel("Leilani Kekona – Bridget Kowalski")
			names.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("every two weeks · 2 meetings · one-month check-in missed")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(names, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := v.rows[id]
			box := o.(*fyne.Container).Objects
			box[0].(*widget.Label).SetText(pairName(r.early, r.exp))
			sub := box[1].(*widget.Label)
			sub.Importance = widget.MediumImportance
			freq := strings.ToLower(r.pair.Frequency)
			if freq == "" {
				freq = "no agreement yet"
			}
			text := freq + " · " + count(len(r.meetings), "meeting")
			if missed := data.MissedMilestones(r.milestones); missed != "" {
				text += " · " + missed
				sub.Importance = widget.DangerImportance
			}
			sub.SetText(text)
		})
	v.list.OnSelected = func(id widget.ListItemID) {
		r := v.rows[id]
		if r.pair.ID == v.current {
			return
		}
		whenSaved(v.d.win, v, func() { v.open(r) }, func() { v.selectCurrent() })
	}
	v.buildForms()
	v.pane = container.NewStack()
	v.scroll = container.NewVScroll(nil)
	split := container.NewHSplit(border(boldLabel("Pairs"), nil, nil, nil, v.list), v.pane)
	split.Offset = 0.34
	return split
}

func (v *pairView) buildForms() {
	v.form = newCheckedForm()
	v.frequency = widget.NewSelectEntry([]string{"Weekly", "Every two weeks", "Monthly"})
	v.frequency.SetPlaceHolder("How often they meet")
	v.frequency.OnChanged = func(string) { v.edited("frequency") }
	v.form.field("Meets", "frequency", v.frequency)
	v.topics = widgets.NewTagEntry("Add a priority topic")
	v.topics.OnChanged = func([]string) { v.edited("topics") }
	v.form.field("Priority topics", "topics", v.topics)
	v.earlyDec = widget.NewRadioGroup(decisionChoices, func(string) { v.edited("early_decision") })
	v.expDec = widget.NewRadioGroup(decisionChoices, func(string) { v.edited("exp_decision") })
	v.earlyDec.Horizontal, v.expDec.Horizontal = true, true
	v.form.field("Early-career", "early_decision", v.earlyDec)
	v.form.field("Experienced", "exp_decision", v.expDec)
	v.saved = widget.NewLabel("")

	v.meetForm = newCheckedForm()
	v.mDate = widgets.NewDateEntry(false)
	v.mDate.OnChanged = func(string) { v.meetForm.touch("date"); v.checkMeeting() }
	v.meetForm.field("Date", "date", v.mDate)
	v.mTopics = widgets.NewTagEntry("Add a topic they discussed")
	v.mTopics.OnChanged = func([]string) { v.meetForm.touch("topics"); v.checkMeeting() }
	v.meetForm.field("Topics", "topics", v.mTopics)
	v.mNote = widgets.NewTextArea()
	v.mNote.SetMinRowsVisible(2)
	v.mNote.SetPlaceHolder("A short note")
	v.mNote.OnChanged = func(string) { v.meetForm.touch("note"); v.checkMeeting() }
	v.meetForm.field("Note", "note", v.mNote)
}

func (v *pairView) show(cd cohortData) {
	v.cd = cd
	v.rows = v.rows[:0]
	for _, p := range cd.pairs {
		ms := cd.meetings[p.ID]
		v.rows = append(v.rows, pairRow{pair: p, early: cd.applicant(p.EarlyID), exp: cd.applicant(p.ExperiencedID),
			meetings: ms, milestones: data.PairMilestones(cd.cohort.Start, ms, v.d.today())})
	}
	slices.SortFunc(v.rows, func(a, b pairRow) int {
		return strings.Compare(strings.ToLower(a.early.LastName+" "+a.early.FirstName), strings.ToLower(b.early.LastName+" "+b.early.FirstName))
	})
	v.list.Refresh()
	suggestions := cd.vocab.Suggest("", nil, cd.vocab.Len())
	v.topics.SetSuggestions(suggestions)
	v.mTopics.SetSuggestions(suggestions)
	i := slices.IndexFunc(v.rows, func(r pairRow) bool { return r.pair.ID == v.current })
	switch {
	case i >= 0:
		v.showPair(v.rows[i]) // the forms keep what is typed; the log and milestones are fresh
	case len(v.rows) > 0:
		v.open(v.rows[0])
	default:
		v.current, v.loaded = 0, ""
		text := "No pairs yet. Suggest pairs in the Matching tab and apply them; each pair's agreement and meetings are kept here."
		if cd.cohort.ID == 0 {
			text = "Save the new cohort first."
		}
		v.pane.Objects = []fyne.CanvasObject{emptyState(text, nil)}
		v.pane.Refresh()
	}
}

func (v *pairView) selectCurrent() {
	for i, r := range v.rows {
		if r.pair.ID == v.current {
			v.list.Select(i)
		}
	}
}

// open shows a pair with its agreement form filled from the store.
func (v *pairView) open(r pairRow) {
	if r.pair.ID != v.current {
		v.saved.SetText("")
	}
	v.current, v.loaded = r.pair.ID, ""
	v.frequency.SetText(r.pair.Frequency)
	v.topics.SetTags(r.pair.Topics)
	v.earlyDec.SetSelected(decisionLabel(r.pair.EarlyDecision))
	v.expDec.SetSelected(decisionLabel(r.pair.ExpDecision))
	v.form.reset()
	v.mDate.SetDate(v.d.today())
	v.mTopics.SetTags(nil)
	v.mNote.SetText("")
	v.meetForm.reset()
	v.loaded = v.snapshot()
	v.showPair(r)
	v.selectCurrent()
}

// showPair lays out the pair's page around the forms.
func (v *pairView) showPair(r pairRow) {
	title := boldLabel(pairName(r.early, r.exp))
	sub := wrapLabel(fmt.Sprintf("%s (%s) and %s (%s) · score %s · %s\n%s", r.early.Name(), orNone(r.early.School), r.exp.Name(),
		orNone(r.exp.School), scoreText(r.pair.Score), data.TermOutcome(r.pair), orNone(r.pair.Reasons)))
	v.form.Items[2].Text = r.early.FirstName + " (early-career)"
	v.form.Items[3].Text = r.exp.FirstName + " (experienced)"
	v.form.Refresh()
	save := widget.NewButtonWithIcon("Save agreement", theme.DocumentSaveIcon(), func() { v.saveAgreement(func(bool) {}) })
	save.Importance = widget.HighImportance
	logIt := widget.NewButtonWithIcon("Log meeting", theme.ContentAddIcon(), func() { v.logMeeting(func(bool) {}) })
	body := container.NewVBox(title, sub, widget.NewSeparator(),
		boldLabel("Check-in milestones"), milestoneBox(r.milestones), widget.NewSeparator(),
		boldLabel("Agreement and end-of-term decisions"), v.form, container.NewHBox(save, v.saved), widget.NewSeparator(),
		boldLabel(fmt.Sprintf("Meeting log (%d)", len(r.meetings))), v.meetingBox(r.meetings),
		widget.NewLabel("Log a meeting:"), v.meetForm, container.NewHBox(logIt))
	if v.shown != r.pair.ID {
		v.scroll.ScrollToTop()
	}
	v.shown = r.pair.ID
	v.scroll.Content = container.NewPadded(body)
	v.pane.Objects = []fyne.CanvasObject{v.scroll}
	v.pane.Refresh()
}

func milestoneBox(ms []data.Milestone) fyne.CanvasObject {
	box := container.NewVBox()
	for _, m := range ms {
		l := widget.NewLabel(m.Name + ": " + m.Status())
		icon := theme.HistoryIcon()
		switch {
		case m.Missed:
			l.Importance, icon = widget.DangerImportance, theme.WarningIcon()
		case !m.MetOn.IsZero():
			l.Importance, icon = widget.SuccessImportance, theme.ConfirmIcon()
		}
		box.Add(border(nil, nil, widget.NewIcon(icon), nil, l))
	}
	return box
}

// meetingBox lists a pair's meetings, newest first; a pair meets a few dozen times at most.
func (v *pairView) meetingBox(ms []data.Meeting) fyne.CanvasObject {
	box := container.NewVBox()
	if len(ms) == 0 {
		box.Add(widget.NewLabel("No meetings logged yet."))
	}
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		head := boldLabel(m.Date.Long() + " · " + orNone(strings.Join(m.Topics, ", ")))
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.onDeleteMeeting(m) })
		del.Importance = widget.LowImportance
		row := border(nil, nil, nil, del, container.NewVBox(head, wrapLabel(m.Note)))
		if m.Note == "" {
			row = border(nil, nil, nil, del, head)
		}
		box.Add(row)
	}
	return box
}

func decisionLabel(d string) string {
	switch d {
	case data.DecisionContinue:
		return decisionChoices[0]
	case data.DecisionEnd:
		return decisionChoices[1]
	}
	return ""
}

func decisionValue(label string) string {
	switch label {
	case decisionChoices[0]:
		return data.DecisionContinue
	case decisionChoices[1]:
		return data.DecisionEnd
	}
	return ""
}

func (v *pairView) row() (pairRow, bool) {
	i := slices.IndexFunc(v.rows, func(r pairRow) bool { return r.pair.ID == v.current })
	if i < 0 {
		return pairRow{}, false
	}
	return v.rows[i], true
}

// agreement reads the agreement form and checks it with data.CheckAgreement.
func (v *pairView) agreement() (data.Pair, data.Problems) {
	r, _ := v.row()
	p := r.pair
	p.Frequency = strings.TrimSpace(v.frequency.Text)
	p.Topics = withTyped(v.topics)
	p.EarlyDecision, p.ExpDecision = decisionValue(v.earlyDec.Selected), decisionValue(v.expDec.Selected)
	return p, data.CheckAgreement(p)
}

func (v *pairView) meeting() (data.Meeting, data.Problems) {
	m := data.Meeting{PairID: v.current, Topics: withTyped(v.mTopics), Note: strings.TrimSpace(v.mNote.Text)}
	d, err := v.mDate.Date()
	m.Date = d
	p := data.CheckMeeting(m, v.d.today())
	if err != nil {
		p = replaceProblem(p, "date", err.Error())
	}
	return m, p
}

func (v *pairView) edited(field string) {
	if v.loaded == "" {
		return
	}
	v.form.touch(field)
	_, p := v.agreement()
	v.form.show(p)
	v.saved.SetText("")
}

func (v *pairView) checkMeeting() {
	if v.loaded == "" {
		return
	}
	_, p := v.meeting()
	v.meetForm.show(p)
}

func (v *pairView) snapshot() string {
	p, _ := v.agreement()
	return fmt.Sprintf("%q", []string{p.Frequency, data.JoinList(p.Topics), p.EarlyDecision, p.ExpDecision,
		data.JoinList(withTyped(v.mTopics)), strings.TrimSpace(v.mNote.Text)})
}

func (v *pairView) unsaved() string {
	r, ok := v.row()
	if !ok || v.loaded == "" || v.snapshot() == v.loaded {
		return ""
	}
	return "the pair " + r.early.Name() + " and " + r.exp.Name()
}

// saveEdits saves the agreement and logs a meeting that was typed but not logged.
func (v *pairView) saveEdits(done func(bool)) {
	v.saveAgreement(func(ok bool) {
		m, _ := v.meeting()
		if !ok || len(m.Topics) == 0 && m.Note == "" {
			done(ok)
			return
		}
		v.logMeeting(done)
	})
}

func (v *pairView) discardEdits() {
	if r, ok := v.row(); ok {
		v.open(r)
	}
}

func (v *pairView) saveAgreement(done func(bool)) {
	p, problems := v.agreement()
	if len(problems) > 0 {
		v.form.all = true
		v.form.show(problems)
		done(false)
		return
	}
	attempt(v.busy, func(ctx context.Context) (struct{}, error) { return struct{}{}, v.store.SavePairTerms(ctx, p) }, func(_ struct{}, err error) {
		if err != nil {
			v.form.refused(err, v.d.win)
			done(false)
			return
		}
		v.topics.Commit()
		v.saved.SetText("Saved.")
		v.loaded = v.snapshot()
		v.changed()
		done(true)
	})
}

func (v *pairView) logMeeting(done func(bool)) {
	m, problems := v.meeting()
	if len(problems) > 0 {
		v.meetForm.all = true
		v.meetForm.show(problems)
		done(false)
		return
	}
	attempt(v.busy, func(ctx context.Context) (struct{}, error) { return struct{}{}, v.store.AddMeeting(ctx, m) }, func(_ struct{}, err error) {
		if err != nil {
			v.meetForm.refused(err, v.d.win)
			done(false)
			return
		}
		v.mTopics.SetTags(nil)
		v.mNote.SetText("")
		v.meetForm.reset()
		v.loaded = v.snapshot()
		v.changed()
		done(true)
	})
}

func (v *pairView) onDeleteMeeting(m data.Meeting) {
	dialog.ShowConfirm("Remove meeting", fmt.Sprintf("Remove the meeting of %s from the log?", m.Date.Long()), func(ok bool) {
		if !ok {
			return
		}
		track(v.busy, v.d, func(ctx context.Context) (struct{}, error) { return struct{}{}, v.store.DeleteMeeting(ctx, m.ID) },
			func(struct{}) { v.changed() })
	}, v.d.win)
}
