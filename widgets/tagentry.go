package widgets

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*TagEntry)(nil)

// maxHints bounds the suggestions shown under the entry while typing.
const maxHints = 6

// TagEntry edits a short list of tags (a mentor's instruments): each tag is a button that
// removes it, and an entry adds one on Enter, on "," or ";", or from the suggestions that
// match what is typed. Tags are compared case-insensitively, so "Flute" and "flute" are one.
type TagEntry struct {
	widget.BaseWidget

	// OnChanged is called with the new tags after the user adds or removes one.
	OnChanged func(tags []string)

	tags        []string
	suggestions []string

	entry *widget.Entry
	chips *fyne.Container
	hints *fyne.Container
	box   *fyne.Container
}

// NewTagEntry makes an empty tag entry; placeholder prompts in the entry ("Add an instrument").
func NewTagEntry(placeholder string) *TagEntry {
	t := &TagEntry{}
	t.ExtendBaseWidget(t)
	t.entry = widget.NewEntry()
	t.entry.SetPlaceHolder(placeholder)
	t.entry.OnSubmitted = func(s string) { t.Commit() }
	t.entry.OnChanged = t.typed
	more := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), t.showAll)
	more.Importance = widget.LowImportance
	t.entry.ActionItem = more
	t.chips = container.New(layout.NewRowWrapLayout())
	t.hints = container.New(layout.NewRowWrapLayout())
	t.box = container.NewVBox(t.entry, t.hints)
	t.hints.Hide()
	t.refreshChips()
	return t
}

// CreateRenderer lays out the tags above the entry and the suggestions below it.
func (t *TagEntry) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(t.chips, t.box))
}

// Tags returns a copy of the tags, in the order they were added.
func (t *TagEntry) Tags() []string { return slices.Clone(t.tags) }

// SetTags replaces the tags without calling OnChanged and clears what was being typed.
func (t *TagEntry) SetTags(tags []string) {
	t.tags = nil
	for _, s := range tags {
		t.add(s)
	}
	t.entry.SetText("")
	t.refreshChips()
}

// SetSuggestions sets what the entry offers while typing.
func (t *TagEntry) SetSuggestions(s []string) { t.suggestions = slices.Clone(s) }

// Entry is the text entry, for focus and tests.
func (t *TagEntry) Entry() *widget.Entry { return t.entry }

// Add adds a tag as the user would and reports whether it was new.
func (t *TagEntry) Add(tag string) bool {
	if !t.add(tag) {
		return false
	}
	t.refreshChips()
	t.changed()
	return true
}

// Remove removes a tag (compared case-insensitively) as the user would.
func (t *TagEntry) Remove(tag string) {
	i := t.index(tag)
	if i < 0 {
		return
	}
	t.tags = slices.Delete(t.tags, i, i+1)
	t.refreshChips()
	t.changed()
}

// Commit adds what is typed but not yet added, so a form saving the tags does not lose it.
func (t *TagEntry) Commit() {
	text := t.entry.Text
	t.entry.SetText("")
	added := false
	for _, part := range strings.FieldsFunc(text, isSeparator) {
		added = t.add(part) || added
	}
	if added {
		t.refreshChips()
		t.changed()
	}
}

// Hints are the suggestions shown for the text typed now.
func (t *TagEntry) Hints() []string { return t.matches(t.entry.Text, maxHints) }

func isSeparator(r rune) bool { return r == ',' || r == ';' }

func (t *TagEntry) add(tag string) bool {
	tag = strings.Join(strings.Fields(tag), " ")
	if tag == "" || t.index(tag) >= 0 {
		return false
	}
	t.tags = append(t.tags, tag)
	return true
}

func (t *TagEntry) index(tag string) int {
	tag = strings.TrimSpace(tag)
	return slices.IndexFunc(t.tags, func(s string) bool { return strings.EqualFold(s, tag) })
}

func (t *TagEntry) changed() {
	if t.OnChanged != nil {
		t.OnChanged(t.Tags())
	}
}

// typed turns a typed separator into a tag and refreshes the suggestions.
func (t *TagEntry) typed(text string) {
	if strings.ContainsFunc(text, isSeparator) {
		t.Commit()
		return
	}
	t.showHints()
}

// matches lists suggestions containing text, those starting with it first, leaving out tags
// already added; an empty text matches every suggestion.
func (t *TagEntry) matches(text string, limit int) []string {
	q := strings.ToLower(strings.TrimSpace(text))
	var starts, contains []string
	for _, s := range t.suggestions {
		l := strings.ToLower(s)
		switch {
		case t.index(s) >= 0:
		case strings.HasPrefix(l, q):
			starts = append(starts, s)
		case strings.Contains(l, q):
			contains = append(contains, s)
		}
	}
	out := append(starts, contains...)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (t *TagEntry) showHints() {
	t.hints.Objects = nil
	if strings.TrimSpace(t.entry.Text) != "" {
		for _, s := range t.matches(t.entry.Text, maxHints) {
			b := widget.NewButtonWithIcon(s, theme.ContentAddIcon(), func() { t.pick(s) })
			b.Importance = widget.LowImportance
			t.hints.Objects = append(t.hints.Objects, b)
		}
	}
	if len(t.hints.Objects) == 0 {
		t.hints.Hide()
	} else {
		t.hints.Show()
	}
	t.hints.Refresh()
}

// showAll lists every suggestion left (those matching the text typed, if any) in a menu.
func (t *TagEntry) showAll() {
	c := fyne.CurrentApp().Driver().CanvasForObject(t)
	if c == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, s := range t.matches(t.entry.Text, 0) {
		items = append(items, fyne.NewMenuItem(s, func() { t.pick(s) }))
	}
	if len(items) == 0 {
		items = append(items, fyne.NewMenuItem("No more suggestions", nil))
		items[0].Disabled = true
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t.entry)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(0, t.entry.Size().Height)))
}

func (t *TagEntry) pick(s string) {
	t.entry.SetText("")
	t.Add(s)
	t.showHints()
}

func (t *TagEntry) refreshChips() {
	t.chips.Objects = make([]fyne.CanvasObject, len(t.tags))
	for i, tag := range t.tags {
		b := widget.NewButtonWithIcon(tag, theme.CancelIcon(), func() { t.Remove(tag) })
		b.IconPlacement = widget.ButtonIconTrailingText
		t.chips.Objects[i] = b
	}
	if len(t.tags) == 0 {
		t.chips.Hide()
	} else {
		t.chips.Show()
	}
	t.chips.Refresh()
}
