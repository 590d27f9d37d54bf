package report

import (
	"fmt"
	"strings"
)

// header draws the letterhead on the first page and a slim running header on the others.
func (p *page) header() {
	style, size := p.style, p.size
	defer func() { p.style, p.size = style, size }()
	if p.f.PageNo() == 1 {
		p.letterhead()
		return
	}
	p.font(bold, 9)
	p.ink(inkText)
	nameW := p.width * 0.55
	p.textAt(p.left, p.top, nameW, 5, p.org.Name, "L")
	p.font(regular, 9)
	p.ink(inkMuted)
	p.textAt(p.left+nameW, p.top, p.width-nameW, 5, p.title, "R")
	p.rule(p.top+7, inkRule, 0.25)
	p.f.SetXY(p.left, p.contentTop())
}

// letterhead is the logo, the organisation's name and its address, over an accent rule.
func (p *page) letterhead() {
	x, y := p.left, p.top
	logoW, logoH := 0.0, 0.0
	if p.logo != nil {
		logoH = 17.0
		logoW = logoH * p.logo.aspect()
		if logoW > 48 {
			logoW, logoH = 48, 48/p.logo.aspect()
		}
		name, opt := p.image("logo", p.logo)
		p.f.ImageOptions(name, x, y, logoW, logoH, false, opt, 0, "")
		x += logoW + 5
	}

	p.font(regular, 8.5)
	var address []string
	for _, l := range strings.Split(strings.ReplaceAll(p.org.Address, "\r", ""), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			address = append(address, l)
		}
	}
	addrW := 0.0
	for _, l := range address {
		addrW = max(addrW, p.textWidth(l))
	}
	addrW = min(addrW, 72)
	var addrLines []string
	for _, l := range address {
		addrLines = append(addrLines, p.wrap(l, addrW)...)
	}

	nameW := p.left + p.width - x - addrW - 6
	p.font(bold, 15)
	nameLines := p.wrap(p.org.Name, nameW)
	nameH := float64(len(nameLines)) * 6.8
	textTop := y
	if logoH > nameH {
		textTop = y + (logoH-nameH)/2 // centre a short name on the logo
	}
	p.ink(inkText)
	p.linesAt(x, textTop, nameW, 6.8, nameLines, "L")

	p.font(regular, 8.5)
	p.ink(inkMuted)
	addrH := float64(len(addrLines)) * 4
	p.linesAt(p.left+p.width-addrW, y+0.5, addrW, 4, addrLines, "R")

	bottom := y + max(logoH, nameH, addrH+0.5) + 3.5
	p.pen(inkAccent, 0.6)
	p.f.Line(p.left, bottom, p.left+p.width, bottom)
	p.f.SetXY(p.left, bottom+7)
}

// footer carries the document's name and "Page N of M" above the bottom margin.
func (p *page) footer() {
	style, size := p.style, p.size
	defer func() { p.style, p.size = style, size }()
	y := p.paper.h - p.bottom + 7
	p.rule(y, inkRule, 0.25)
	p.font(regular, 8)
	p.ink(inkMuted)
	p.textAt(p.left, y+1.5, p.width*0.7, 4.5, p.title, "L")
	// raw CellFormat: the page total placeholder must reach gofpdf untouched
	p.f.SetXY(p.left+p.width*0.7, y+1.5)
	p.f.CellFormat(p.width*0.3, 4.5, fmt.Sprintf("Page %d of %s", p.f.PageNo(), pageTotal), "", 0, "R", false, 0, "")
}
