package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data/csvio"
)

// leaveOut is the choice that leaves a file's column out of the import.
const leaveOut = "(leave out)"

// columnMapping is the mapping step of the import: for a file made elsewhere (a Google or
// Microsoft Forms export, an old roster) the director says which MentorDesk column each of the
// file's columns is, what a choice column's answers mean, and what fills a column the file
// lacks. The step starts from the mapping remembered for files with the same headers, else
// from suggestions taken from the header's words.
type columnMapping struct {
	kind               csvio.Kind
	header             []string
	rows               [][]string
	columns            []*widget.Select // one per file column
	answers            map[string]map[string]*widget.Select
	fills              map[string]*widget.Entry
	answerBox, fillBox *fyne.Container
	start              csvio.Mapping
}

func newColumnMapping(kind csvio.Kind, header []string, rows [][]string, start csvio.Mapping) *columnMapping {
	return &columnMapping{kind: kind, header: header, rows: rows, start: start,
		answers: map[string]map[string]*widget.Select{}, fills: map[string]*widget.Entry{}}
}

func (im *importer) onMapColumns() {
	if im.kind.Selected == "" || im.header == nil {
		dialog.ShowInformation("Map columns", "Choose what you are importing and the file first.", im.sh.win)
		return
	}
	kind, header, current := csvio.Kind(im.kind.Selected), im.header, im.mapping
	background(im.sh.deps(), func(ctx context.Context) (csvio.Mapping, error) {
		if !current.Empty() {
			return current, nil
		}
		return im.sh.store.RememberedMapping(ctx, kind, header)
	}, func(start csvio.Mapping) { im.showMapping(kind, start) })
}

func (im *importer) showMapping(kind csvio.Kind, start csvio.Mapping) {
	cm := newColumnMapping(kind, im.header, im.rows, start)
	im.mappingStep = cm
	d := dialog.NewCustomConfirm("Map the file's columns to "+string(kind), "Use this mapping", "Cancel", cm.buildUI(), func(ok bool) {
		if ok {
			im.useMapping(cm)
		}
	}, im.sh.win)
	d.Resize(fyne.NewSize(860, 600))
	d.Show()
}

// useMapping checks the file again, read with the mapping the director chose.
func (im *importer) useMapping(cm *columnMapping) {
	im.mapping = cm.mapping()
	im.check()
}

func (cm *columnMapping) buildUI() fyne.CanvasObject {
	options := append([]string{leaveOut}, csvio.Columns(cm.kind)...)
	grid := container.New(layout.NewFormLayout())
	for i, h := range cm.header {
		sel := widget.NewSelect(options, func(string) { cm.refresh() })
		sel.SetSelected(cm.suggest(h))
		cm.columns = append(cm.columns, sel)
		sample := ""
		for _, r := range cm.rows {
			if i < len(r) && strings.TrimSpace(r[i]) != "" {
				sample = "   e.g. " + shortText(r[i], 34)
				break
			}
		}
		name := widget.NewRichText(&widget.TextSegment{Text: shortText(h, 40), Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: sample, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
		grid.Add(name)
		grid.Add(sel)
	}
	cm.answerBox = container.NewVBox()
	cm.fillBox = container.NewVBox()
	cm.refresh()
	intro := widget.NewLabel("Each column of the file is matched to a MentorDesk column (suggested from its header; change any). " +
		"Columns MentorDesk does not keep — a form's Timestamp — are left out. The mapping is remembered for files with the same headers.")
	intro.Wrapping = fyne.TextWrapWord
	return border(intro, nil, nil, nil, container.NewVScroll(container.NewVBox(
		heading("The file’s columns, and the MentorDesk column each one is"), grid,
		heading("Answers of choice columns"), cm.answerBox,
		heading("Columns the file lacks"), cm.fillBox)))
}

func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	return l
}

// suggest is the column a header starts as: remembered, the same name, or from its words.
func (cm *columnMapping) suggest(h string) string {
	key := strings.ToLower(strings.Join(strings.Fields(h), " "))
	if to, ok := cm.start.Columns[key]; ok {
		if to == "" {
			return leaveOut
		}
		return to
	}
	if s := csvio.SuggestColumn(cm.kind, h); s != "" {
		return s
	}
	return leaveOut
}

// refresh lists the answers to map for each choice column, and the columns left to fill.
func (cm *columnMapping) refresh() {
	if cm.answerBox == nil {
		return
	}
	used := map[string]int{}
	for i, sel := range cm.columns {
		if sel.Selected != leaveOut && sel.Selected != "" {
			used[sel.Selected] = i
		}
	}
	cm.answerBox.Objects = nil
	for _, col := range csvio.Columns(cm.kind) {
		i, ok := used[col]
		values := csvio.Choices(cm.kind, col)
		if !ok || values == nil {
			continue
		}
		if cm.answers[col] == nil {
			cm.answers[col] = map[string]*widget.Select{}
		}
		for _, a := range cm.distinct(i) {
			if slices.Contains(values, strings.ToLower(a)) {
				continue
			}
			sel := cm.answers[col][a]
			if sel == nil {
				sel = widget.NewSelect(values, nil)
				sel.PlaceHolder = "means…"
				if v, ok := cm.start.Answers[col][strings.ToLower(strings.Join(strings.Fields(a), " "))]; ok {
					sel.SetSelected(v)
				}
				cm.answers[col][a] = sel
			}
			cm.answerBox.Add(container.NewGridWithColumns(2, widget.NewLabel(fmt.Sprintf("%s: “%s”", col, shortText(a, 50))), sel))
		}
	}
	if len(cm.answerBox.Objects) == 0 {
		cm.answerBox.Add(widget.NewLabel("Every answer is already a MentorDesk value."))
	}
	cm.fillBox.Objects = nil
	for _, col := range csvio.Columns(cm.kind) {
		if _, ok := used[col]; ok {
			continue
		}
		e := cm.fills[col]
		if e == nil {
			e = widget.NewEntry()
			e.SetPlaceHolder("fill every row with… (empty leaves it empty)")
			if v, ok := cm.start.Set[col]; ok {
				e.SetText(v)
			}
			cm.fills[col] = e
		}
		cm.fillBox.Add(container.NewGridWithColumns(2, widget.NewLabel(col), e))
	}
	if len(cm.fillBox.Objects) == 0 {
		cm.fillBox.Add(widget.NewLabel("The file has every column."))
	}
	cm.answerBox.Refresh()
	cm.fillBox.Refresh()
}

// distinct lists the different answers of a file column, in the order they first come.
func (cm *columnMapping) distinct(col int) []string {
	var out []string
	for _, r := range cm.rows {
		if col < len(r) {
			a := strings.TrimSpace(r[col])
			if a != "" && !slices.Contains(out, a) && len(out) < 30 {
				out = append(out, a)
			}
		}
	}
	return out
}

// mapping is what the director chose, in the form the import reads.
func (cm *columnMapping) mapping() csvio.Mapping {
	var items []string
	for i, sel := range cm.columns {
		to := sel.Selected
		if to == leaveOut {
			to = ""
		}
		if h := strings.TrimSpace(cm.header[i]); !strings.EqualFold(h, to) {
			items = append(items, strings.ReplaceAll(h, ";", ",")+"="+to)
		}
	}
	for col, as := range cm.answers {
		for a, sel := range as {
			if sel.Selected != "" {
				items = append(items, col+":"+strings.ReplaceAll(a, ";", ",")+"="+sel.Selected)
			}
		}
	}
	var sets []string
	for col, e := range cm.fills {
		if slices.ContainsFunc(cm.fillBox.Objects, func(o fyne.CanvasObject) bool { return labelOf(o) == col }) {
			sets = append(sets, col+"="+e.Text)
		}
	}
	m, _ := csvio.ParseMapping(cm.kind, strings.Join(items, ";"), sets)
	return m
}

func labelOf(o fyne.CanvasObject) string {
	if c, ok := o.(*fyne.Container); ok && len(c.Objects) > 0 {
		if l, ok := c.Objects[0].(*widget.Label); ok {
			return l.Text
		}
	}
	return ""
}

func shortText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
