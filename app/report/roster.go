package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"mentordesk/data"
)

// RosterDoc is the roster handout for schools: one card per mentor with photo and professional
// profile. Choosing the mentors (active, cleared, in good standing, by school or instrument) is
// the caller's work; the roster sorts them by last name.
//
// A roster never prints a mentor's phone, address, e-mail, checks, contract or payments: the
// builder copies the public fields into a profile first and reads nothing else.
type RosterDoc struct {
	Org     Org
	Title   string // e.g. "Mentor roster — Lincoln Middle School"; empty gives "Mentor roster"
	On      data.Date
	Mentors []data.Mentor
}

// profile is all of a mentor that a roster may print.
type profile struct {
	first, last string
	instruments []string
	education   string
	teaching    string
	performance string
	bio         string
	photo       []byte
}

func publicProfile(m data.Mentor) profile {
	return profile{
		first:       m.FirstName,
		last:        m.LastName,
		instruments: slices.Clone(m.Instruments),
		education:   m.Education,
		teaching:    m.TeachingExperience,
		performance: m.PerformanceExperience,
		bio:         m.Bio,
		photo:       m.Photo,
	}
}

func (c profile) name() string { return strings.TrimSpace(c.first + " " + c.last) }

func (c profile) initials() string {
	var b strings.Builder
	for _, part := range []string{c.first, c.last} {
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(part)); r != utf8.RuneError {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// profiles are the roster's cards in print order: by last name, then first name, ignoring
// accents and case.
func (d RosterDoc) profiles() []profile {
	out := make([]profile, len(d.Mentors))
	for i, m := range d.Mentors {
		out[i] = publicProfile(m)
	}
	key := func(c profile) string { return strings.ToLower(fold(c.last + "\x00" + c.first)) }
	slices.SortStableFunc(out, func(a, b profile) int {
		if c := strings.Compare(key(a), key(b)); c != 0 {
			return c
		}
		return strings.Compare(a.last+"\x00"+a.first, b.last+"\x00"+b.first)
	})
	return out
}

func (d RosterDoc) title() string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	return "Mentor roster"
}

func (d RosterDoc) letterhead() Org { return d.Org }

// FileName is "mentor-roster-lincoln-middle-school-2026-02-10.pdf": "roster" once, whatever the title.
func (d RosterDoc) FileName() string {
	name := slug(d.title())
	if !strings.Contains(name, "roster") {
		name = "roster-" + name
	}
	if !d.On.IsZero() {
		name += "-" + d.On.String()
	}
	return name + ".pdf"
}

func (d RosterDoc) Validate() error {
	var p problems
	d.Org.check(&p)
	cards := d.profiles()
	if len(cards) == 0 {
		p.add("mentors", "the roster has no mentors (none matches the filter)")
	}
	for i, c := range cards {
		if c.name() == "" {
			p.add(fmt.Sprintf("mentors[%d]", i+1), "has no name")
		}
	}
	return p.err()
}

// Card geometry, mm.
const (
	cardPad   = 4.5
	photoSize = 30.0
	cardGap   = 4.0
	labelW    = 25.0
)

func (d RosterDoc) draw(p *page) {
	cards := d.profiles()
	p.start(d.Org, d.title(), d.On)
	sub := fmt.Sprintf("%d %s", len(cards), plural(len(cards), "mentor", "mentors"))
	if !d.On.IsZero() {
		sub = "As of " + d.On.Long() + " · " + sub
	}
	p.heading(d.title(), sub)
	p.font(regular, 9.5)
	p.ink(inkMuted)
	p.para("Our mentors are professional musicians and teachers who coach sectionals during class. "+
		"To arrange sessions with a mentor, please contact "+d.Org.Name+".", p.width)
	p.ink(inkText)
	p.space(4)
	for i, c := range cards {
		d.card(p, i, c)
	}
}

// cardText is a card's wrapped text, measured before anything is drawn so that a card can be
// kept on one page.
type cardText struct {
	name, instruments []string
	rows              []cardRow
	bio               []string
	height            float64
}

type cardRow struct {
	label string
	lines []string
}

const (
	nameLH = 6.0
	instLH = 4.8
	bodyLH = 4.5
)

func (d RosterDoc) measure(p *page, c profile) cardText {
	textW := p.width - 2*cardPad - photoSize - 6
	var t cardText
	p.font(bold, 13)
	t.name = p.wrap(c.name(), textW)
	p.font(regular, 9.5)
	t.instruments = p.wrap(instrumentList(c.instruments), textW)
	p.font(regular, 9.5)
	for _, r := range []struct{ label, text string }{
		{"Education", c.education},
		{"Teaching", c.teaching},
		{"Performance", c.performance},
	} {
		if strings.TrimSpace(r.text) != "" {
			t.rows = append(t.rows, cardRow{r.label, p.wrap(r.text, textW-labelW)})
		}
	}
	if strings.TrimSpace(c.bio) != "" {
		p.font(italic, 9.5)
		t.bio = p.wrap(c.bio, textW)
	}
	h := float64(len(t.name))*nameLH + float64(len(t.instruments))*instLH + 2
	for _, r := range t.rows {
		h += float64(len(r.lines))*bodyLH + 0.8
	}
	if len(t.bio) > 0 {
		h += 1.5 + float64(len(t.bio))*bodyLH
	}
	t.height = max(h, photoSize) + 2*cardPad
	return t
}

// card draws one mentor. A card that fits on a page is never split; one taller than a page
// (a very long biography) starts on a new page and flows on without its panel.
func (d RosterDoc) card(p *page, i int, c profile) {
	t := d.measure(p, c)
	fits := t.height <= p.bottomY()-p.contentTop()
	if fits {
		p.need(t.height)
	} else if p.y() > p.contentTop()+1 {
		p.newPage()
	}
	top := p.y()
	if fits {
		p.fill(fillPanel)
		p.f.RoundedRect(p.left, top, p.width, t.height, 2, "1234", "F")
	}
	d.photo(p, i, c, p.left+cardPad, top+cardPad)

	x := p.left + cardPad + photoSize + 6
	textW := p.width - 2*cardPad - photoSize - 6
	y := top + cardPad - 0.5
	room := func(lh float64) {
		if !fits && y+lh > p.bottomY() {
			p.newPage()
			y = p.y()
		}
	}
	emit := func(x, w, lh float64, line, align string) {
		room(lh)
		p.f.SetXY(x, y)
		p.f.CellFormat(w, lh, line, "", 0, align, false, 0, "")
		y += lh
	}
	p.font(bold, 13)
	p.ink(inkText)
	for _, l := range t.name {
		emit(x, textW, nameLH, l, "L")
	}
	p.font(regular, 9.5)
	p.ink(inkAccent)
	for _, l := range t.instruments {
		emit(x, textW, instLH, l, "L")
	}
	y += 2
	for _, r := range t.rows {
		room(bodyLH)
		p.font(regular, 8)
		p.ink(inkMuted)
		p.textAt(x, y+0.3, labelW, bodyLH, r.label, "L")
		p.font(regular, 9.5)
		p.ink(inkText)
		for _, l := range r.lines {
			emit(x+labelW, textW-labelW, bodyLH, l, "L")
		}
		y += 0.8
	}
	if len(t.bio) > 0 {
		y += 1.5
		p.font(italic, 9.5)
		p.ink(inkText)
		for _, l := range t.bio {
			emit(x, textW, bodyLH, l, "L")
		}
	}
	end := y + cardPad
	if fits {
		end = top + t.height
	}
	p.ink(inkText)
	p.f.SetXY(p.left, end+cardGap)
}

// photo draws the mentor's photo cropped to a square, or their initials in a circle.
func (d RosterDoc) photo(p *page, i int, c profile, x, y float64) {
	pic := preparePhoto(c.photo)
	if pic == nil {
		p.fill(rgb{214, 226, 240})
		p.f.Circle(x+photoSize/2, y+photoSize/2, photoSize/2, "F")
		p.font(bold, 20)
		p.ink(inkAccent)
		p.textAt(x, y+photoSize/2-5, photoSize, 10, c.initials(), "C")
		p.ink(inkText)
		return
	}
	name := fmt.Sprintf("photo-%d", i)
	opt := p.image(name, pic)
	w, h := photoSize, photoSize
	if a := pic.aspect(); a > 1 {
		w = photoSize * a
	} else {
		h = photoSize / a
	}
	p.f.ClipRoundedRect(x, y, photoSize, photoSize, 1.5, false)
	p.f.ImageOptions(name, x-(w-photoSize)/2, y-(h-photoSize)/2, w, h, false, opt, 0, "")
	p.f.ClipEnd()
}

// instrumentList is "Violin · Viola".
func instrumentList(tags []string) string {
	var out []string
	for _, t := range tags {
		if t = strings.TrimSpace(t); t != "" {
			r, n := utf8.DecodeRuneInString(t)
			out = append(out, string(unicode.ToUpper(r))+t[n:])
		}
	}
	return strings.Join(out, " · ")
}
