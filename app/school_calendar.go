package app

import (
	"context"
	"fmt"
	"image/color"
	"sort"
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

// calendarStore is what the school calendar editor reads and writes.
type calendarStore interface {
	Calendars(ctx context.Context) ([]data.Calendar, error)
	SaveCalendarDays(ctx context.Context, name string, days []data.CalendarDay) error
	CreateCalendar(ctx context.Context, name string) (int64, error)
	RenameCalendar(ctx context.Context, id int64, name string) error
	Settings(ctx context.Context) (data.Settings, error)
}

// dayKinds are the kinds a calendar day can carry, in the order a cell's colour is chosen.
var dayKinds = []data.DayKind{data.FirstDay, data.LastDay, data.TermEnd, data.NoSchool}

// dayKindLooks are each kind's name and colour in the grid and its legend.
var dayKindLooks = map[data.DayKind]widgets.DayMark{
	data.FirstDay: {Color: color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}, Label: "First day"},
	data.LastDay:  {Color: color.NRGBA{R: 0x6a, G: 0x1b, B: 0x9a, A: 0xff}, Label: "Last day"},
	data.TermEnd:  {Color: color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}, Label: "Term end"},
	data.NoSchool: {Color: color.NRGBA{R: 0xff, G: 0xcc, B: 0x80, A: 0xff}, Label: "No school"},
}

// dayKindExamples are the label entries' placeholders.
var dayKindExamples = map[data.DayKind]string{
	data.FirstDay: "like First day of school", data.LastDay: "like Last day of school",
	data.TermEnd: "like End of first trimester", data.NoSchool: "like Veterans Day",
}

type dayKey struct {
	date data.Date
	kind data.DayKind
}

// calendarEditor edits one school calendar at a time on a month grid; all its edits are saved
// together in one transaction.
type calendarEditor struct {
	d                  deps
	store              calendarStore
	work               *schoolsWork
	onCalendarsChanged func()
	loadedOnce         bool

	start          data.MonthDay
	cals           []data.Calendar
	cal            data.Calendar // the calendar being edited (ID 0: none yet)
	loaded, days   map[dayKey]string
	day            data.Date // the day shown in the day panel
	pending        string    // the calendar to open once the list is loaded
	note           string    // a status to show once it is open
	choosing, busy bool      // widgets are being set from code

	picker                     *widget.Select
	newBtn, renameBtn, saveBtn *widget.Button
	grid                       *widgets.MonthGrid
	jump                       *monthJump // the month and year to go to
	dayTitle                   *widget.Label
	checks                     [4]*widget.Check
	labels                     [4]*field
	labelFS                    *fieldSet
	monthHead, monthDays       *widget.Label
	summaryHead, summary       *widget.Label
	status                     *widget.Label
	body                       *fyne.Container
	right                      *container.Scroll
	editorUI                   fyne.CanvasObject
	copyFrom                   *widget.Select        // the calendar to copy no-school days from
	copyAsk                    *dialog.ConfirmDialog // the question before copying
}

func newCalendarEditor(d deps, st calendarStore, work *schoolsWork) *calendarEditor {
	return &calendarEditor{d: d, store: st, work: work, start: data.DefaultSchoolYearStart,
		loaded: map[dayKey]string{}, days: map[dayKey]string{}}
}

func (c *calendarEditor) buildUI() fyne.CanvasObject {
	c.picker = widget.NewSelect(nil, c.onPick)
	c.picker.PlaceHolder = "(choose a calendar)"
	c.newBtn = widget.NewButtonWithIcon("New calendar", theme.ContentAddIcon(), c.onNew)
	c.renameBtn = widget.NewButton("Rename", c.onRename)
	c.saveBtn = widget.NewButtonWithIcon("Save calendar", theme.DocumentSaveIcon(), func() { c.save(func(bool) {}) })
	c.saveBtn.Importance = widget.HighImportance
	revert := widget.NewButton("Revert", c.discard)
	copyFrom := widget.NewButton("Copy no-school days…", c.onCopyFrom)
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	top := border(nil, nil, widget.NewLabel("Calendar"), container.NewHBox(c.newBtn, c.renameBtn, copyFrom, revert, c.saveBtn), c.picker)

	today := c.d.today()
	c.day = today
	c.grid = widgets.NewMonthGrid(today)
	c.grid.SetToday(today)
	c.grid.OnDayTapped = c.showDay
	c.jump = newMonthJump(today, c.grid.SetMonth)
	c.grid.OnMonthChanged = func(first data.Date) { c.jump.set(first); c.refreshText() }
	legend := []widgets.DayMark{}
	for _, k := range dayKinds {
		legend = append(legend, dayKindLooks[k])
	}
	legend = append(legend, widgets.DayMark{Label: "Today"})
	left := border(container.NewHBox(layout.NewSpacer(), c.jump.ui()), container.NewCenter(widgets.Legend(legend...)), nil, nil, c.grid)

	c.dayTitle = sectionHeading("")
	c.labelFS = newFieldSet(c.labelProblems, nil)
	var rows []fyne.CanvasObject
	for i, k := range dayKinds {
		c.labels[i] = c.labelFS.entry("label:"+string(k), dayKindExamples[k])
		c.labels[i].entry.OnChanged = func(string) { c.labelFS.changed(c.labels[i]); c.onLabel(i) }
		c.checks[i] = widget.NewCheck(dayKindLooks[k].Label, func(on bool) { c.onCheck(i, on) })
		rows = append(rows, c.checks[i], container.NewVBox(c.labels[i].input, c.labels[i].problem))
	}
	c.monthHead, c.summaryHead = sectionHeading(""), sectionHeading("")
	c.monthDays, c.summary = widget.NewLabel(""), widget.NewLabel("")
	c.monthDays.Wrapping, c.summary.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	hint := hintLabel("Tap a day (or move with the arrow keys and press Enter), then tick what it is.")
	c.right = container.NewVScroll(container.NewVBox(c.dayTitle, hint, container.New(layout.NewFormLayout(), rows...),
		widget.NewSeparator(), c.summaryHead, c.summary, widget.NewSeparator(), c.monthHead, c.monthDays))
	split := container.NewHSplit(left, c.right)
	split.Offset = 0.6
	c.editorUI = border(nil, c.status, nil, nil, split)
	c.body = container.NewStack(schoolsEmpty("Loading the school calendars…", nil))
	return border(container.NewPadded(top), nil, nil, nil, c.body)
}

type calendarLists struct {
	start data.MonthDay
	cals  []data.Calendar
}

func loadCalendarLists(ctx context.Context, st calendarStore) (calendarLists, error) {
	set, err := st.Settings(ctx)
	if err != nil {
		return calendarLists{}, err
	}
	cals, err := st.Calendars(ctx)
	return calendarLists{set.SchoolYearStart, cals}, err
}

func (c *calendarEditor) reload() {
	c.loadedOnce = true
	schoolsLoad(c.work, c.d, func(ctx context.Context) (calendarLists, error) {
		return loadCalendarLists(ctx, c.store)
	}, c.loadedLists)
}

func (c *calendarEditor) loadedLists(l calendarLists) {
	c.start, c.cals = l.start, l.cals
	names := make([]string, len(l.cals))
	for i, x := range l.cals {
		names[i] = x.Name
	}
	c.choosing = true
	c.picker.SetOptions(names)
	c.choosing = false
	target := c.pending
	c.pending = ""
	if target == "" {
		target = c.cal.Name
	}
	if c.find(target).ID == 0 && len(names) > 0 {
		target = names[0]
	}
	if len(names) == 0 {
		c.body.Objects = []fyne.CanvasObject{schoolsEmpty("No school calendars yet. A district's calendar marks its first and last day of school, term ends and no-school days.",
			widget.NewButtonWithIcon("New calendar", theme.ContentAddIcon(), c.onNew))}
		c.body.Refresh()
		c.renameBtn.Disable()
		c.saveBtn.Disable()
		return
	}
	c.renameBtn.Enable()
	c.saveBtn.Enable()
	c.body.Objects = []fyne.CanvasObject{c.editorUI}
	c.body.Refresh()
	if target == c.cal.Name && c.dirty() {
		c.cal.ID = c.find(target).ID // keep the edits in progress
		c.setPicker(target)
		return
	}
	c.open(target)
	if c.note != "" {
		c.status.SetText(c.note)
		c.note = ""
	}
}

func (c *calendarEditor) find(name string) data.Calendar {
	for _, x := range c.cals {
		if x.Name == name {
			return x
		}
	}
	return data.Calendar{}
}

func (c *calendarEditor) setPicker(name string) {
	c.choosing = true
	c.picker.SetSelected(name)
	c.choosing = false
}

// open shows the named calendar's stored days.
func (c *calendarEditor) open(name string) {
	c.cal = c.find(name)
	c.loaded = map[dayKey]string{}
	for _, d := range c.cal.Days {
		c.loaded[dayKey{d.Date, d.Kind}] = d.Label
	}
	c.days = copyDays(c.loaded)
	c.setPicker(name)
	c.status.SetText("")
	c.refreshAll()
}

// choose opens the named calendar, asking first about unsaved edits to another.
func (c *calendarEditor) choose(name string) {
	if !c.loadedOnce {
		c.pending = name
		c.reload()
		return
	}
	if name == "" || name == c.cal.Name {
		return
	}
	c.onPick(name)
}

func (c *calendarEditor) onPick(name string) {
	if c.choosing || name == c.cal.Name {
		return
	}
	if !c.dirty() {
		c.open(name)
		return
	}
	askUnsaved(c.d.win, c.what(), c.save, c.discard, func() { c.open(name) }, func() { c.setPicker(c.cal.Name) })
}

func (c *calendarEditor) what() string { return "the school calendar " + c.cal.Name }

func (c *calendarEditor) dirty() bool {
	if len(c.days) != len(c.loaded) {
		return true
	}
	for k, v := range c.days {
		if w, ok := c.loaded[k]; !ok || w != v {
			return true
		}
	}
	return false
}

func (c *calendarEditor) discard() {
	c.days = copyDays(c.loaded)
	c.status.SetText("")
	c.refreshAll()
}

// records are the edited days as the store takes them, by date and kind.
func (c *calendarEditor) records() []data.CalendarDay {
	out := make([]data.CalendarDay, 0, len(c.days))
	for k, label := range c.days {
		out = append(out, data.CalendarDay{CalendarID: c.cal.ID, Calendar: c.cal.Name, Date: k.date, Kind: k.kind, Label: label})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

func (c *calendarEditor) save(done func(bool)) {
	days := c.records()
	for _, d := range days {
		if err := d.Validate(); err != nil {
			c.grid.Select(d.Date)
			c.showDay(d.Date)
			c.labelFS.check()
			c.status.SetText(fmt.Sprintf("Not saved: %s (%s): %v", d.Date.Long(), dayKindLooks[d.Kind].Label, err))
			done(false)
			return
		}
	}
	name := c.cal.Name
	saveInBackground(c.work, c.d, nil, c.status, func(ctx context.Context) error {
		return c.store.SaveCalendarDays(ctx, name, days)
	}, func() {
		c.status.SetText(fmt.Sprintf("Saved %d marked days of %s.", len(days), name))
		if c.cal.Name == name {
			c.loaded = copyDays(c.days)
		}
		for i := range c.cals {
			if c.cals[i].Name == name {
				c.cals[i].Days = days
			}
		}
	}, done)
}

// showDay fills the day panel with what d is marked as.
func (c *calendarEditor) showDay(d data.Date) {
	c.day = d
	c.dayTitle.SetText(d.Long())
	c.busy = true
	c.labelFS.load(func() {
		for i, k := range dayKinds {
			label, on := c.days[dayKey{d, k}]
			c.checks[i].SetChecked(on)
			c.labels[i].entry.SetText(label)
		}
	})
	c.busy = false
}

func (c *calendarEditor) onCheck(i int, on bool) {
	if c.busy || c.day.IsZero() {
		return
	}
	k := dayKey{c.day, dayKinds[i]}
	if on {
		c.days[k] = strings.TrimSpace(c.labels[i].entry.Text)
	} else {
		delete(c.days, k)
	}
	c.edited()
}

// onLabel keeps the day's label as typed; typing a label ticks its kind.
func (c *calendarEditor) onLabel(i int) {
	if c.busy || c.labelFS.loading || c.day.IsZero() {
		return
	}
	if !c.checks[i].Checked {
		c.checks[i].SetChecked(true) // calls onCheck, which stores the label
		return
	}
	c.days[dayKey{c.day, dayKinds[i]}] = strings.TrimSpace(c.labels[i].entry.Text)
	c.edited()
}

func (c *calendarEditor) edited() {
	c.status.SetText("")
	c.refreshMarks()
	c.refreshText()
}

func (c *calendarEditor) labelProblems() data.Problems {
	var ps data.Problems
	for i, k := range dayKinds {
		d := data.CalendarDay{CalendarID: c.cal.ID, Calendar: c.cal.Name, Date: c.day, Kind: k, Label: c.labels[i].entry.Text}
		if p := errProblems(d.Validate()).For("label"); p != "" {
			ps = append(ps, data.FieldError{Field: "label:" + string(k), Problem: p})
		}
	}
	return ps
}

func (c *calendarEditor) refreshAll() {
	c.refreshMarks()
	c.showDay(c.day)
	c.refreshText()
}

// refreshMarks colours each marked day by its first kind in dayKinds order.
func (c *calendarEditor) refreshMarks() {
	marks := map[data.Date]widgets.DayMark{}
	for _, k := range dayKinds {
		for key, label := range c.days {
			if key.kind != k {
				continue
			}
			if _, done := marks[key.date]; done {
				continue
			}
			if label == "" {
				label = dayKindLooks[k].Label
			}
			marks[key.date] = widgets.DayMark{Color: dayKindLooks[k].Color, Label: label}
		}
	}
	c.grid.SetMarks(marks)
}

// refreshText writes the marked days of the month shown and the summary of its school year.
func (c *calendarEditor) refreshText() {
	month := c.grid.Month()
	c.monthHead.SetText("Marked days in " + month.Time().Format("January 2006"))
	var lines []string
	for _, d := range c.records() {
		if d.Date.FirstOfMonth() != month {
			continue
		}
		line := d.Date.Time().Format("Mon 2") + " — " + dayKindLooks[d.Kind].Label
		if d.Label != "" {
			line += ": " + d.Label
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = []string{"None."}
	}
	c.monthDays.SetText(strings.Join(lines, "\n"))
	y := data.SchoolYearOf(month, c.start)
	c.summaryHead.SetText("School year " + y.String())
	c.summary.SetText(yearSummary(data.Calendar{ID: c.cal.ID, Name: c.cal.Name, Days: c.records()}, y, c.start))
	c.right.Refresh() // the texts change the panel's height
}

func copyDays(m map[dayKey]string) map[dayKey]string {
	out := make(map[dayKey]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
