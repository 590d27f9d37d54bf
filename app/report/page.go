package report

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"

	"mentordesk/data"
)

type rgb struct{ r, g, b int }

// The documents' palette: dark ink, a muted grey for labels, one blue accent, light rules.
var (
	inkText   = rgb{33, 37, 41}
	inkMuted  = rgb{98, 106, 115}
	inkAccent = rgb{26, 72, 118}
	inkRule   = rgb{200, 207, 214}
	fillPanel = rgb{243, 246, 249}
	fillHead  = rgb{228, 235, 243}
	fillNote  = rgb{252, 246, 229}
)

// defaultDate stands in for a document without a date of its own, so its PDF metadata is fixed.
var defaultDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// page draws one document: gofpdf plus the house layout (letterhead, running header, footer
// with "Page N of M", text that wraps and breaks across pages).
type page struct {
	f     *gofpdf.Fpdf
	fonts *fontSet
	added map[string]bool
	lent  []borrowed // font bytes to give back once the document is written
	logo  *picture

	org   Org
	title string // the document's name in the running header, footer and metadata
	paper paper

	left, right, top, bottom float64 // margins, mm
	width                    float64 // between the margins

	style string
	size  float64

	images int               // registered so far, see image
	byData map[string]string // image name by content: gofpdf names an image by its bytes

	// onBreak redraws what must repeat at the top of a new page, such as a table's header.
	onBreak func()
}

func newPage(fonts *fontSet, logo *picture) *page {
	return &page{fonts: fonts, logo: logo, added: map[string]bool{}}
}

// start opens the document with its letterhead; on is the document's date, which becomes the
// PDF's creation date so the same data always gives the same bytes.
func (p *page) start(org Org, title string, on data.Date) {
	p.org, p.title = org, title
	p.paper, _ = org.paper()
	p.left, p.right, p.top, p.bottom = 20, 20, 16, 22
	p.width = p.paper.w - p.left - p.right

	f := gofpdf.New("P", "mm", p.paper.name, "")
	p.f = f
	f.SetMargins(p.left, p.top, p.right)
	f.SetAutoPageBreak(false, p.bottom)
	f.AliasNbPages(pageTotal)
	f.SetCatalogSort(true)
	created := defaultDate
	if !on.IsZero() {
		created = on.Time().Add(12 * time.Hour)
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetTitle(p.clean(title), true)
	f.SetAuthor(p.clean(org.Name), true)
	f.SetCreator("MentorDesk", true)
	f.SetHeaderFunc(p.header)
	f.SetFooterFunc(p.footer)
	f.SetCellMargin(0)
	p.font(regular, 10)
	f.AddPage()
}

// release gives back the font bytes the document borrowed; p is finished.
func (p *page) release() {
	for _, b := range p.lent {
		p.fonts.release(b)
	}
	p.lent = nil
}

func (p *page) clean(s string) string { return p.fonts.cover.clean(s) }

// font selects a style and size, embedding the style the first time it is used.
func (p *page) font(style string, size float64) {
	if !p.added[style] {
		p.lent = append(p.lent, p.fonts.add(p.f, style))
		p.added[style] = true
	}
	p.style, p.size = style, size
	p.f.SetFont(family, style, size)
}

func (p *page) ink(c rgb)  { p.f.SetTextColor(c.r, c.g, c.b) }
func (p *page) fill(c rgb) { p.f.SetFillColor(c.r, c.g, c.b) }
func (p *page) pen(c rgb, width float64) {
	p.f.SetDrawColor(c.r, c.g, c.b)
	p.f.SetLineWidth(width)
}

func (p *page) x() float64 { return p.f.GetX() }
func (p *page) y() float64 { return p.f.GetY() }

// bottomY is the lowest line content may reach.
func (p *page) bottomY() float64 { return p.paper.h - p.bottom }

// contentTop is where text begins below the running header of the second and later pages.
func (p *page) contentTop() float64 { return p.top + 12 }

// need starts a new page unless h millimetres fit below the current line.
func (p *page) need(h float64) bool {
	if p.y()+h <= p.bottomY() {
		return false
	}
	p.newPage()
	return true
}

func (p *page) newPage() {
	x := p.x()
	style, size := p.style, p.size
	p.f.AddPage()
	p.font(style, size)
	p.f.SetX(x)
	if p.onBreak != nil {
		p.onBreak()
	}
}

// space moves down by h millimetres.
func (p *page) space(h float64) { p.f.SetY(p.y() + h) }

// lineHeight is a comfortable line pitch for the current font size.
func (p *page) lineHeight() float64 { return p.size * 0.3528 * 1.42 }

// textAt writes one line in a box at (x, y) and leaves the position after it.
func (p *page) textAt(x, y, w, h float64, s, align string) {
	p.f.SetXY(x, y)
	p.f.CellFormat(w, h, p.clean(oneLine(s)), "", 0, align, false, 0, "")
}

// textWidth is the printed width of s in the current font.
func (p *page) textWidth(s string) float64 { return p.f.GetStringWidth(p.clean(s)) }

// wrap breaks text into lines no wider than w in the current font; a word longer than a line is
// broken between characters. Blank lines between paragraphs are kept.
func (p *page) wrap(text string, w float64) []string {
	text = p.clean(strings.ReplaceAll(text, "\r", ""))
	var lines []string
	for _, para := range strings.Split(strings.TrimRight(text, "\n "), "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := ""
		for _, word := range words {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if p.f.GetStringWidth(try) <= w {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = word
			for p.f.GetStringWidth(line) > w {
				head, rest := p.breakWord(line, w)
				lines = append(lines, head)
				line = rest
			}
		}
		lines = append(lines, line)
	}
	return lines
}

func (p *page) breakWord(word string, w float64) (string, string) {
	runes := []rune(word)
	n := 1
	for n < len(runes) && p.f.GetStringWidth(string(runes[:n+1])) <= w {
		n++
	}
	return string(runes[:n]), string(runes[n:])
}

// linesAt writes lines from (x, y) down without page breaks and returns the y below them.
func (p *page) linesAt(x, y, w, lh float64, lines []string, align string) float64 {
	for _, l := range lines {
		p.f.SetXY(x, y)
		p.f.CellFormat(w, lh, l, "", 0, align, false, 0, "")
		y += lh
	}
	return y
}

// para writes text from the current position across as many pages as it needs.
func (p *page) para(text string, w float64) {
	x, lh := p.x(), p.lineHeight()
	for _, l := range p.wrap(text, w) {
		p.need(lh)
		p.f.SetX(x)
		p.f.CellFormat(w, lh, l, "", 2, "L", false, 0, "")
	}
}

// heading is the document's title and, below it, a subtitle in grey.
func (p *page) heading(title, subtitle string) {
	p.font(bold, 17)
	p.ink(inkText)
	for _, l := range p.wrap(title, p.width) {
		p.f.SetX(p.left)
		p.f.CellFormat(p.width, 8, l, "", 2, "L", false, 0, "")
	}
	if subtitle != "" {
		p.font(regular, 10.5)
		p.ink(inkMuted)
		p.space(0.5)
		p.f.SetX(p.left)
		p.para(subtitle, p.width)
	}
	p.ink(inkText)
	p.space(5)
}

// section starts a titled part, never as the last line of a page.
func (p *page) section(title string) {
	p.need(22)
	p.space(2)
	p.font(bold, 11.5)
	p.ink(inkAccent)
	p.textAt(p.left, p.y(), p.width, 6, title, "L")
	p.f.SetY(p.y() + 6.5)
	p.ink(inkText)
	p.font(regular, 10)
}

// rule draws a horizontal line across the text width at y.
func (p *page) rule(y float64, c rgb, width float64) {
	p.pen(c, width)
	p.f.Line(p.left, y, p.left+p.width, y)
}

// field is one label and its value in a block of facts.
type field struct{ label, value string }

// fields writes label–value rows at x within w, the labels in a column of labelW.
func (p *page) fields(x, y, w, labelW float64, rows []field) float64 {
	for _, r := range rows {
		if r.value == "" {
			continue
		}
		p.font(regular, 8.5)
		p.ink(inkMuted)
		p.textAt(x, y+0.35, labelW, 5, r.label, "L")
		p.font(regular, 10)
		p.ink(inkText)
		lines := p.wrap(r.value, w-labelW)
		y = p.linesAt(x+labelW, y, w-labelW, 5, lines, "L")
		y += 0.6
	}
	return y
}

// note is a shaded box of short sentences, kept on one page.
func (p *page) note(title string, lines []string, shade rgb) {
	p.font(regular, 9.5)
	lh := 4.9
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, p.wrap(l, p.width-10)...)
	}
	h := float64(len(wrapped))*lh + 7
	if title != "" {
		h += 5.5
	}
	p.need(h)
	top := p.y()
	p.fill(shade)
	p.f.RoundedRect(p.left, top, p.width, h, 1.6, "1234", "F")
	y := top + 3.5
	if title != "" {
		p.font(bold, 9.5)
		p.ink(inkText)
		p.textAt(p.left+5, y, p.width-10, lh, title, "L")
		y += 5.5
	}
	p.font(regular, 9.5)
	p.ink(inkText)
	p.linesAt(p.left+5, y, p.width-10, lh, wrapped, "L")
	p.f.SetXY(p.left, top+h+4)
}

// image registers a picture under name and returns the options to place it with.
//
// With catalog sort on, gofpdf still writes images in the order of a map sorted by pixel width
// only, so two photos of the same width would come out in random order and the bytes would
// differ from run to run. Each image's width is nudged by a millionth of a pixel per image
// registered before it: the order becomes the registration order, and the width written to the
// PDF (a whole number of pixels) does not change.
//
// gofpdf also keys the page resources by a hash of the image's bytes: two names for the same
// bytes (two mentors with one photo) wrote the key twice, a malformed PDF. The same bytes are
// therefore registered once and placed under the first name; the name to place is returned.
func (p *page) image(name string, pic *picture) (string, gofpdf.ImageOptions) {
	opt := gofpdf.ImageOptions{ImageType: pic.kind}
	sum := sha1.Sum(pic.data)
	key := pic.kind + string(sum[:])
	if first, ok := p.byData[key]; ok {
		return first, opt
	}
	if p.byData == nil {
		p.byData = map[string]string{}
	}
	p.byData[key] = name
	info := p.f.RegisterImageOptionsReader(name, opt, bytes.NewReader(pic.data))
	if info != nil && imageWidthKnown() {
		w := exported(reflect.ValueOf(info).Elem().FieldByName("w"))
		w.SetFloat(w.Float() + float64(p.images)*1e-6)
	}
	p.images++
	return name, opt
}

var imageWidthKnown = sync.OnceValue(func() bool {
	f, ok := reflect.TypeFor[gofpdf.ImageInfoType]().FieldByName("w")
	return ok && f.Type.Kind() == reflect.Float64
})

// money formats an amount for print.
func money(m data.Money) string { return m.Dollars() }

// timeRange is "09:10–10:00".
func timeRange(start data.Clock, minutes int) string {
	return fmt.Sprintf("%s–%s", start, start.Add(minutes))
}
