package widgets

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

var (
	_ fyne.Widget = (*BarChart)(nil)
	_ fyne.Widget = (*LineChart)(nil)
)

// BarGroup is one label on the category axis with one value per series; a value of 0 draws
// no bar (not yet rated).
type BarGroup struct {
	Label  string
	Values []float64
}

// BarChart draws groups of bars side by side (a goal's ratings before and after) on a value
// axis from 0 to Max, with a legend naming the series.
type BarChart struct {
	widget.BaseWidget

	Title  string   // over the value axis: "Self-rating (1–5)"
	Series []string // legend names, one per value of a group
	Max    float64
	Empty  string // shown when there are no groups
	Colors []fyne.ThemeColorName

	groups []BarGroup
}

// NewBarChart makes a bar chart of the named series on an axis from 0 to max.
func NewBarChart(title string, series []string, max float64) *BarChart {
	c := &BarChart{Title: title, Series: series, Max: max, Empty: "Nothing to chart yet.",
		Colors: []fyne.ThemeColorName{theme.ColorNamePlaceHolder, theme.ColorNamePrimary}}
	c.ExtendBaseWidget(c)
	return c
}

// SetGroups replaces the groups drawn.
func (c *BarChart) SetGroups(groups []BarGroup) {
	c.groups = append([]BarGroup(nil), groups...)
	c.Refresh()
}

// Groups returns the groups drawn.
func (c *BarChart) Groups() []BarGroup { return append([]BarGroup(nil), c.groups...) }

func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{owner: c, min: fyne.NewSize(260, 150), draw: c.draw}
}

func (c *BarChart) draw(size fyne.Size) []fyne.CanvasObject {
	f := newFrame(size, c.Title, c.Series, c.Colors, 0, c.Max, tickLabels(0, c.Max))
	if len(c.groups) == 0 {
		return append(f.objects, f.empty(c.Empty))
	}
	span := f.plot.Width / float32(len(c.groups))
	series := max(1, len(c.Series))
	bar := min(span*0.7/float32(series), 36)
	for i, g := range c.groups {
		left := f.plot.X + span*float32(i) + (span-bar*float32(series))/2
		for j, v := range g.Values {
			if v <= 0 || j >= series {
				continue
			}
			top := f.y(min(v, c.Max))
			r := canvas.NewRectangle(f.color(j))
			r.CornerRadius = 2
			r.Move(fyne.NewPos(left+bar*float32(j)+1, top))
			r.Resize(fyne.NewSize(bar-2, f.plot.Y+f.plot.Height-top))
			f.objects = append(f.objects, r)
			if bar >= 14 {
				f.text(strconv.FormatFloat(v, 'f', -1, 64), left+bar*float32(j)+bar/2, top-f.line, fyne.TextAlignCenter, f.fg)
			}
		}
		f.categoryLabel(g.Label, f.plot.X+span*float32(i)+span/2, span)
	}
	return f.objects
}

// LinePoint is one value on one day.
type LinePoint struct {
	Date  data.Date
	Value float64
}

// LineSeries is a named run of points, drawn joined in date order.
type LineSeries struct {
	Name   string
	Points []LinePoint
}

// Guide is a dashed level across the plot (a threshold), in the colour of a series.
type Guide struct {
	Value  float64
	Label  string
	Series int
}

// LineChart draws values over dates (feedback averages over the year) on a value axis from
// Min to Max, with optional guide levels.
type LineChart struct {
	widget.BaseWidget

	Title    string
	Min, Max float64
	Empty    string
	Colors   []fyne.ThemeColorName

	series []LineSeries
	guides []Guide
}

// NewLineChart makes a line chart on a value axis from min to max.
func NewLineChart(title string, min, max float64) *LineChart {
	c := &LineChart{Title: title, Min: min, Max: max, Empty: "Nothing to chart yet.",
		Colors: []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameSuccess, theme.ColorNameWarning}}
	c.ExtendBaseWidget(c)
	return c
}

// SetSeries replaces the series drawn; points are drawn in date order.
func (c *LineChart) SetSeries(series []LineSeries) {
	c.series = append([]LineSeries(nil), series...)
	c.Refresh()
}

// Series returns the series drawn.
func (c *LineChart) Series() []LineSeries { return append([]LineSeries(nil), c.series...) }

// SetGuides replaces the guide levels.
func (c *LineChart) SetGuides(guides []Guide) {
	c.guides = append([]Guide(nil), guides...)
	c.Refresh()
}

func (c *LineChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{owner: c, min: fyne.NewSize(300, 170), draw: c.draw}
}

func (c *LineChart) draw(size fyne.Size) []fyne.CanvasObject {
	names := make([]string, len(c.series))
	var first, last data.Date
	for i, s := range c.series {
		names[i] = s.Name
		for _, p := range s.Points {
			if first == 0 || p.Date < first {
				first = p.Date
			}
			last = max(last, p.Date)
		}
	}
	f := newFrame(size, c.Title, names, c.Colors, c.Min, c.Max, tickLabels(c.Min, c.Max))
	if first == 0 {
		return append(f.objects, f.empty(c.Empty))
	}
	for _, g := range c.guides {
		if g.Value < c.Min || g.Value > c.Max {
			continue
		}
		f.dashed(f.y(g.Value), f.color(g.Series))
		if g.Label != "" {
			f.text(g.Label, f.plot.X+f.plot.Width-2, f.y(g.Value)-f.line, fyne.TextAlignTrailing, f.color(g.Series))
		}
	}
	// A single day still needs a span: centre it in a month.
	if first == last {
		first, last = first.AddDays(-15), last.AddDays(15)
	}
	x := func(d data.Date) float32 {
		return f.plot.X + 6 + (f.plot.Width-12)*float32(d-first)/float32(last-first)
	}
	for i, s := range c.series {
		col := f.color(i)
		pts := sortedPoints(s.Points)
		for k, p := range pts {
			px, py := x(p.Date), f.y(min(max(p.Value, c.Min), c.Max))
			if k > 0 {
				l := canvas.NewLine(col)
				l.StrokeWidth = 2
				prev := pts[k-1]
				l.Position1 = fyne.NewPos(x(prev.Date), f.y(min(max(prev.Value, c.Min), c.Max)))
				l.Position2 = fyne.NewPos(px, py)
				f.objects = append(f.objects, l)
			}
			dot := canvas.NewCircle(col)
			dot.Move(fyne.NewPos(px-3.5, py-3.5))
			dot.Resize(fyne.NewSize(7, 7))
			f.objects = append(f.objects, dot)
		}
	}
	// Date labels: the first and last day and, where they fit, two between; by month over a
	// long span, by day over a short one, never the same label twice.
	labels := 2
	if f.plot.Width > 360 {
		labels = 4
	}
	layout := "Jan 2006"
	if last-first <= 120 {
		layout = "2 Jan"
	}
	prev := ""
	for k := 0; k < labels; k++ {
		d := first + data.Date(math.Round(float64(last-first)*float64(k)/float64(labels-1)))
		text := d.Time().Format(layout)
		if text == prev {
			continue
		}
		prev = text
		align := fyne.TextAlignCenter
		switch k {
		case 0:
			align = fyne.TextAlignLeading
		case labels - 1:
			align = fyne.TextAlignTrailing
		}
		f.text(text, x(d), f.plot.Y+f.plot.Height+2, align, f.muted)
	}
	return f.objects
}

func sortedPoints(in []LinePoint) []LinePoint {
	out := append([]LinePoint(nil), in...)
	slices.SortStableFunc(out, func(a, b LinePoint) int { return cmp.Compare(a.Date, b.Date) })
	return out
}

// tickLabels puts a tick on every whole number of small ranges, on five steps otherwise.
func tickLabels(lo, hi float64) []float64 {
	step := 1.0
	if hi-lo > 10 {
		step = (hi - lo) / 5
	}
	var out []float64
	for v := lo; v <= hi+1e-9; v += step {
		out = append(out, v)
	}
	return out
}

// frame is the axes, ticks, title and legend shared by the charts, for one size.
type frame struct {
	objects        []fyne.CanvasObject
	plot           rect
	lo, hi         float64
	size, line     float32
	fg, muted, sep color.Color
	palette        []fyne.ThemeColorName
}

// newFrame lays out a chart of size: the title and legend on top, the value ticks on the left,
// a line of category or date labels at the bottom, and the plot area in between.
func newFrame(size fyne.Size, title string, legend []string, palette []fyne.ThemeColorName, lo, hi float64, ticks []float64) *frame {
	f := &frame{lo: lo, hi: hi, size: theme.CaptionTextSize(), palette: palette,
		fg: theme.Color(theme.ColorNameForeground), muted: theme.Color(theme.ColorNamePlaceHolder), sep: theme.Color(theme.ColorNameSeparator)}
	f.line = fyne.MeasureText("0", f.size, fyne.TextStyle{}).Height
	pad := theme.Padding()
	left := float32(0)
	for _, t := range ticks {
		left = max(left, fyne.MeasureText(tickText(t), f.size, fyne.TextStyle{}).Width)
	}
	left += pad * 2
	top := f.line + pad*2
	f.plot = rect{X: left, Y: top, Width: max(size.Width-left-pad, 1), Height: max(size.Height-top-f.line-pad*2, 1)}

	f.text(title, 0, 0, fyne.TextAlignLeading, f.fg)
	// The legend runs right to left from the top right corner.
	x := size.Width - pad
	for i := len(legend) - 1; i >= 0; i-- {
		w := fyne.MeasureText(legend[i], f.size, fyne.TextStyle{}).Width
		f.text(legend[i], x, 0, fyne.TextAlignTrailing, f.fg)
		sw := canvas.NewRectangle(f.color(i))
		sw.CornerRadius = 2
		sw.Move(fyne.NewPos(x-w-14, (f.line-10)/2))
		sw.Resize(fyne.NewSize(10, 10))
		f.objects = append(f.objects, sw)
		x -= w + 14 + pad*3
	}
	for _, t := range ticks {
		y := f.y(t)
		grid := canvas.NewLine(f.sep)
		grid.Position1, grid.Position2 = fyne.NewPos(f.plot.X, y), fyne.NewPos(f.plot.X+f.plot.Width, y)
		f.objects = append(f.objects, grid)
		f.text(tickText(t), left-pad, y-f.line/2, fyne.TextAlignTrailing, f.muted)
	}
	axis := canvas.NewLine(f.muted)
	axis.Position1 = fyne.NewPos(f.plot.X, f.plot.Y)
	axis.Position2 = fyne.NewPos(f.plot.X, f.plot.Y+f.plot.Height)
	base := canvas.NewLine(f.muted)
	base.Position1 = fyne.NewPos(f.plot.X, f.plot.Y+f.plot.Height)
	base.Position2 = fyne.NewPos(f.plot.X+f.plot.Width, f.plot.Y+f.plot.Height)
	f.objects = append(f.objects, axis, base)
	return f
}

// rect is the plot area.
type rect struct{ X, Y, Width, Height float32 }

func tickText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// y is the vertical position of a value.
func (f *frame) y(v float64) float32 {
	if f.hi <= f.lo {
		return f.plot.Y + f.plot.Height
	}
	return f.plot.Y + f.plot.Height*float32(1-(v-f.lo)/(f.hi-f.lo))
}

func (f *frame) color(series int) color.Color {
	if len(f.palette) == 0 {
		return theme.Color(theme.ColorNamePrimary)
	}
	return theme.Color(f.palette[series%len(f.palette)])
}

// text places a caption with its anchor at x: its left edge, centre or right edge by align.
func (f *frame) text(s string, x, y float32, align fyne.TextAlign, c color.Color) {
	if s == "" {
		return
	}
	t := canvas.NewText(s, c)
	t.TextSize = f.size
	w := t.MinSize().Width
	switch align {
	case fyne.TextAlignCenter:
		x -= w / 2
	case fyne.TextAlignTrailing:
		x -= w
	}
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	f.objects = append(f.objects, t)
}

// categoryLabel centres a label under its group, shortened with "…" to the group's width.
func (f *frame) categoryLabel(s string, centre, width float32) {
	runes := []rune(s)
	for len(runes) > 1 && fyne.MeasureText(string(runes), f.size, fyne.TextStyle{}).Width > width-4 {
		runes = append(runes[:len(runes)-2], '…')
	}
	f.text(string(runes), centre, f.plot.Y+f.plot.Height+2, fyne.TextAlignCenter, f.fg)
}

func (f *frame) dashed(y float32, c color.Color) {
	for x := f.plot.X; x < f.plot.X+f.plot.Width; x += 10 {
		l := canvas.NewLine(c)
		l.StrokeWidth = 1.5
		l.Position1, l.Position2 = fyne.NewPos(x, y), fyne.NewPos(min(x+6, f.plot.X+f.plot.Width), y)
		f.objects = append(f.objects, l)
	}
}

func (f *frame) empty(s string) fyne.CanvasObject {
	t := canvas.NewText(s, f.muted)
	t.TextSize = theme.TextSize()
	t.Move(fyne.NewPos(f.plot.X+(f.plot.Width-t.MinSize().Width)/2, f.plot.Y+(f.plot.Height-t.MinSize().Height)/2))
	t.Resize(t.MinSize())
	return t
}

// chartRenderer draws a chart again whenever its size or data change.
type chartRenderer struct {
	owner   fyne.CanvasObject
	min     fyne.Size
	draw    func(fyne.Size) []fyne.CanvasObject
	size    fyne.Size
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.objects = r.draw(size)
}

// Refresh draws the chart again, with the theme's current colours, and repaints it.
func (r *chartRenderer) Refresh() {
	r.Layout(r.size)
	canvas.Refresh(r.owner)
}

func (r *chartRenderer) MinSize() fyne.Size           { return r.min }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}
