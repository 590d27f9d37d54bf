package widgets

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"mentordesk/data"
)

// The week view's rows: the school day.
const (
	firstHour = 7
	lastHour  = 17
)

// painter lays out the grid as plain canvas objects, with the tappable regions beside them.
type painter struct {
	at      fyne.Position
	objects []fyne.CanvasObject
	hits    []calendarHit

	fg, bg, muted, line, primary, alert color.Color
	caption, text                       float32
	captionH, textH                     float32
}

func newPainter(at fyne.Position) *painter {
	p := &painter{at: at,
		fg: theme.Color(theme.ColorNameForeground), bg: theme.Color(theme.ColorNameBackground),
		muted: theme.Color(theme.ColorNamePlaceHolder), line: theme.Color(theme.ColorNameSeparator),
		primary: theme.Color(theme.ColorNamePrimary), alert: theme.Color(theme.ColorNameError),
		caption: theme.CaptionTextSize(), text: theme.TextSize()}
	p.captionH = fyne.MeasureText("Hg", p.caption, fyne.TextStyle{}).Height
	p.textH = fyne.MeasureText("Hg", p.text, fyne.TextStyle{}).Height
	return p
}

func (p *painter) rect(x, y, w, h float32, fill color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(fill)
	r.Move(p.at.Add(fyne.NewPos(x, y)))
	r.Resize(fyne.NewSize(w, h))
	p.objects = append(p.objects, r)
	return r
}

func (p *painter) rule(x1, y1, x2, y2 float32, col color.Color) {
	l := canvas.NewLine(col)
	l.StrokeWidth = 1
	l.Position1 = p.at.Add(fyne.NewPos(x1, y1))
	l.Position2 = p.at.Add(fyne.NewPos(x2, y2))
	p.objects = append(p.objects, l)
}

// label draws s cut to width with an ellipsis; it returns the width used.
func (p *painter) label(s string, x, y, width float32, col color.Color, size float32, style fyne.TextStyle) float32 {
	s = ellipsize(s, size, style, width)
	if s == "" {
		return 0
	}
	t := canvas.NewText(s, col)
	t.TextSize, t.TextStyle = size, style
	t.Move(p.at.Add(fyne.NewPos(x, y)))
	p.objects = append(p.objects, t)
	return fyne.MeasureText(s, size, style).Width
}

func (p *painter) hit(kind hitKind, x, y, w, h float32, id int64, day data.Date) {
	p.hits = append(p.hits, calendarHit{kind: kind, pos: p.at.Add(fyne.NewPos(x, y)), size: fyne.NewSize(w, h), id: id, day: day})
}

// dayFill is the cell's background: today stands out, closed days are greyed, the rest quiet.
func (p *painter) dayFill(c *SessionCalendar, day data.Date, inPeriod bool) color.Color {
	switch {
	case day == c.today:
		return mix(p.bg, p.primary, 0.10)
	case hasNoSchool(c.marks[day]):
		return mix(p.bg, p.fg, 0.09)
	case !inPeriod || day.Weekday() == time.Saturday || day.Weekday() == time.Sunday:
		return mix(p.bg, p.fg, 0.035)
	}
	return nil
}

func hasNoSchool(ms []CalendarMark) bool {
	return slices.ContainsFunc(ms, func(m CalendarMark) bool { return m.Kind == NoSchoolMark })
}

// markText puts events first: they are what the sessions lead up to.
func (p *painter) markText(ms []CalendarMark) (string, color.Color, fyne.TextStyle) {
	if len(ms) == 0 {
		return "", nil, fyne.TextStyle{}
	}
	sorted := slices.Clone(ms)
	slices.SortStableFunc(sorted, func(a, b CalendarMark) int { return int(a.Kind) - int(b.Kind) })
	texts := make([]string, len(sorted))
	for i, m := range sorted {
		texts[i] = m.Text
	}
	if sorted[0].Kind == EventMark {
		return strings.Join(texts, " · "), p.primary, fyne.TextStyle{Bold: true}
	}
	return strings.Join(texts, " · "), p.muted, fyne.TextStyle{Italic: true}
}

var weekdayNames = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

func (p *painter) month(c *SessionCalendar, size fyne.Size) {
	from, through := c.Range()
	weeks := int(through-from+1) / 7
	headH := p.captionH + 8
	colW := size.Width / 7
	rowH := (size.Height - headH) / float32(weeks)
	for i, name := range weekdayNames {
		p.label(name, float32(i)*colW+8, 4, colW-10, p.muted, p.caption, fyne.TextStyle{Bold: true})
	}
	for w := range weeks {
		for i := range 7 {
			day := from.AddDays(w*7 + i)
			p.monthCell(c, day, float32(i)*colW, headH+float32(w)*rowH, colW, rowH, day.Month() == c.anchor.Month())
		}
	}
	for i := 0; i <= 7; i++ {
		x := min(float32(i)*colW, size.Width-1)
		p.rule(x, headH, x, size.Height, p.line)
	}
	for w := 0; w <= weeks; w++ {
		y := min(headH+float32(w)*rowH, size.Height-1)
		p.rule(0, y, size.Width, y, p.line)
	}
}

func (p *painter) monthCell(c *SessionCalendar, day data.Date, x, y, w, h float32, inMonth bool) {
	if fill := p.dayFill(c, day, inMonth); fill != nil {
		p.rect(x, y, w, h, fill)
	}
	p.hit(hitDay, x, y, w, h, 0, day)
	num := fmt.Sprint(day.Day())
	if day.Day() == 1 {
		num = day.Time().Format("2 Jan")
	}
	style := fyne.TextStyle{Bold: inMonth}
	col := p.fg
	if !inMonth {
		col = p.muted
	}
	numW := fyne.MeasureText(num, p.text, style).Width
	if day == c.today {
		d := max(numW+10, p.textH+2)
		pill := p.rect(x+3, y+3, d, p.textH+2, p.primary)
		pill.CornerRadius = (p.textH + 2) / 2
		col, numW = theme.Color(theme.ColorNameForegroundOnPrimary), d-8
	}
	p.label(num, x+8, y+4, w-10, col, p.text, style)
	if s, mc, ms := p.markText(c.marks[day]); s != "" {
		mx := x + 8 + numW + 8
		p.label(s, mx, y+4+(p.textH-p.captionH)/2, x+w-mx-4, mc, p.caption, ms)
	}
	items := c.items[day]
	top := y + p.textH + 8
	chipH := p.captionH + 6
	const gap = 2
	fit := int((y + h - 3 - top + gap) / (chipH + gap))
	shown := len(items)
	if shown > fit {
		shown = max(fit-1, 0)
	}
	for i, it := range items[:shown] {
		cy := top + float32(i)*(chipH+gap)
		text := it.Start.String() + " " + strings.ReplaceAll(it.Title, "\n", " · ")
		p.chip(c, it, x+3, cy, w-6, chipH, []string{text})
	}
	if rest := len(items) - shown; rest > 0 && fit > 0 {
		cy := top + float32(shown)*(chipH+gap)
		used := p.label(fmt.Sprintf("+%d more", rest), x+8, cy+3, w-12, p.primary, p.caption, fyne.TextStyle{Bold: true})
		p.hit(hitMore, x+3, cy, used+10, chipH, 0, day)
	}
}

// chip draws one session: planned is outlined, completed tinted, confirmed solid in its
// program's colour; cancelled is greyed and struck through; a conflict has a red border and dot.
func (p *painter) chip(c *SessionCalendar, it CalendarItem, x, y, w, h float32, lines []string) {
	col := it.Colour
	if col == nil {
		col = p.primary
	}
	fill, text, bar := mix(p.bg, col, 0.10), p.fg, col
	style := fyne.TextStyle{}
	switch data.SessionStatus(it.Status) {
	case data.Confirmed:
		fill, text, bar = col, contrastText(col), nil
	case data.Completed:
		fill = mix(p.bg, col, 0.30)
	case data.Cancelled:
		fill, text, bar = mix(p.bg, p.fg, 0.05), p.muted, mix(p.bg, col, 0.35)
		style.Strikethrough = true
	}
	r := p.rect(x, y, w, h, fill)
	r.CornerRadius = 3
	if data.SessionStatus(it.Status) == data.Planned {
		r.StrokeColor, r.StrokeWidth = mix(p.bg, col, 0.6), 1
	}
	if it.ID == c.hover {
		r.StrokeColor, r.StrokeWidth = p.fg, 1.5
	}
	if it.Conflict {
		r.StrokeColor, r.StrokeWidth = p.alert, 2
	}
	inset := float32(5)
	if bar != nil {
		b := p.rect(x, y, 4, h, bar)
		b.TopLeftCornerRadius, b.BottomLeftCornerRadius = 3, 3
		inset = 8
	}
	right := float32(4)
	if it.Conflict {
		dot := canvas.NewCircle(p.alert)
		dot.Move(p.at.Add(fyne.NewPos(x+w-10, y+4)))
		dot.Resize(fyne.NewSize(6, 6))
		p.objects = append(p.objects, dot)
		right = 12
	}
	ly := y + (min(h, p.captionH+6)-p.captionH)/2
	for i, s := range lines {
		// The last line may dip into the chip's padding: a caption's box has room below the glyphs.
		if ly+p.captionH*0.85 > y+h {
			break
		}
		ls := style
		if i == 0 && len(lines) > 1 {
			ls.Bold = true
		}
		p.label(s, x+inset, ly, w-inset-right, text, p.caption, ls)
		ly += p.captionH
	}
	p.hit(hitItem, x, y, w, h, it.ID, it.Date)
}

func (p *painter) week(c *SessionCalendar, size fyne.Size) {
	from, _ := c.Range()
	gutter := fyne.MeasureText("00:00", p.caption, fyne.TextStyle{}).Width + 14
	headH := p.textH + p.captionH + 14
	weights := [7]float32{1, 1, 1, 1, 1, 0.55, 0.55}
	unit := (size.Width - gutter) / 6.1
	hourH := (size.Height - headH) / (lastHour - firstHour)
	x := gutter
	for i, wt := range weights {
		day := from.AddDays(i)
		w := unit * wt
		if fill := p.dayFill(c, day, true); fill != nil {
			p.rect(x, 0, w, size.Height, fill)
		}
		p.hit(hitDay, x, 0, w, size.Height, 0, day)
		col := p.fg
		if day == c.today {
			col = p.primary
		}
		head := fmt.Sprintf("%s %d", weekdayNames[i], day.Day())
		if day.Day() == 1 {
			head += day.Time().Format(" Jan")
		}
		p.label(head, x+6, 4, w-10, col, p.text, fyne.TextStyle{Bold: true})
		if s, mc, ms := p.markText(c.marks[day]); s != "" {
			p.label(s, x+6, 6+p.textH, w-10, mc, p.caption, ms)
		}
		x += w
	}
	half := mix(p.bg, p.line, 0.45)
	for h := 0; h <= lastHour-firstHour; h++ {
		y := min(headH+float32(h)*hourH, size.Height-1)
		p.rule(gutter-6, y, size.Width, y, p.line)
		if h < lastHour-firstHour {
			p.rule(gutter, y+hourH/2, size.Width, y+hourH/2, half)
			p.label(data.ClockOf(firstHour+h, 0).String(), 4, y+2, gutter-8, p.muted, p.caption, fyne.TextStyle{})
		}
	}
	x = gutter
	for i, wt := range weights {
		p.rule(x, 0, x, size.Height, p.line)
		p.weekDay(c, from.AddDays(i), x, headH, unit*wt, hourH, size.Height)
		x += unit * wt
	}
}

// weekDay places a day's chips by time; overlapping sessions share the column side by side.
func (p *painter) weekDay(c *SessionCalendar, day data.Date, x, top, w, hourH, bottom float32) {
	items := c.items[day]
	lane := make([]int, len(items))
	lanes := make([]int, len(items))
	var ends []data.Clock
	var clusterEnd data.Clock
	start := 0
	closeCluster := func(end int) {
		for j := start; j < end; j++ {
			lanes[j] = len(ends)
		}
	}
	for i, it := range items {
		if i > 0 && it.Start >= clusterEnd {
			closeCluster(i)
			ends, start = ends[:0], i
		}
		end := it.Start.Add(max(it.Minutes, 15))
		l := slices.IndexFunc(ends, func(e data.Clock) bool { return e <= it.Start })
		if l < 0 {
			l = len(ends)
			ends = append(ends, end)
		} else {
			ends[l] = end
		}
		lane[i] = l
		clusterEnd = max(clusterEnd, end)
		if i == start {
			clusterEnd = end
		}
	}
	closeCluster(len(items))
	minH := p.captionH + 6
	for i, it := range items {
		y := top + float32(int(it.Start)-firstHour*60)/60*hourH
		h := max(float32(it.Minutes)/60*hourH, minH)
		y = min(max(y, top), bottom-h)
		lw := (w - 4) / float32(lanes[i])
		when := it.Start.String() + "–" + it.Start.Add(it.Minutes).String()
		if fyne.MeasureText(when, p.caption, fyne.TextStyle{Bold: true}).Width > lw-14 {
			when = it.Start.String()
		}
		lines := append([]string{when}, strings.Split(it.Title, "\n")...)
		if h < 2*p.captionH+6 {
			lines = []string{it.Start.String() + " " + strings.ReplaceAll(it.Title, "\n", " · ")}
		}
		p.chip(c, it, x+2+float32(lane[i])*lw, y+1, lw-2, h-2, lines)
	}
}

// ellipsize cuts s with an ellipsis so it fits width.
func ellipsize(s string, size float32, style fyne.TextStyle, width float32) string {
	if width <= 0 || s == "" {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " ·") + "…"
}

// mix blends b into a by t (0 = a, 1 = b), opaque, so tints look the same on any theme.
func mix(a, b color.Color, t float32) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float32(x)*(1-t) + float32(y)*t) / 257) }
	return color.NRGBA{R: f(ar, br), G: f(ag, bg), B: f(ab, bb), A: 0xff}
}

// contrastText is white on a dark fill and near-black on a light one.
func contrastText(c color.Color) color.Color { return TextOn(c) }

// TextOn is the text colour, near-black or white, that reads best on an opaque c: the one with
// the higher WCAG contrast ratio.
func TextOn(c color.Color) color.Color {
	dark := color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
	l := Luminance(c)
	if (l+0.05)/(Luminance(dark)+0.05) > 1.05/(l+0.05) {
		return dark
	}
	return color.White
}

// Luminance is WCAG 2's relative luminance of c, from 0 (black) to 1 (white).
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
