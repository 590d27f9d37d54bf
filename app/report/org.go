package report

import (
	"strings"

	"mentordesk/data"
)

// Org is the organisation as its documents show it.
type Org struct {
	Name    string
	Address string // one or more lines
	Logo    []byte // PNG or JPEG; nil for none
	Paper   string // "letter" (default) or "a4"
	// Director is the program director's name, signing letters (settings: org.director); "" for none.
	Director string
}

// OrgFromSettings takes the letterhead from the organisation's settings.
func OrgFromSettings(s data.Settings) Org {
	return Org{Name: s.OrgName, Address: s.OrgAddress, Logo: s.OrgLogo, Paper: s.Paper, Director: s.OrgDirector}
}

// paper is a page size in millimetres, named as gofpdf names it.
type paper struct {
	name string
	w, h float64
}

var (
	letter = paper{"Letter", 215.9, 279.4}
	a4     = paper{"A4", 210, 297}
)

func (o Org) paper() (paper, bool) {
	switch strings.ToLower(strings.TrimSpace(o.Paper)) {
	case "", "letter":
		return letter, true
	case "a4":
		return a4, true
	}
	return paper{}, false
}

// check adds the organisation's problems to a document's.
func (o Org) check(p *problems) {
	if strings.TrimSpace(o.Name) == "" {
		p.add("org.name", "is required on every document (settings: org.name)")
	}
	if _, ok := o.paper(); !ok {
		p.add("paper", "%q is not a paper size (letter, a4)", o.Paper)
	}
	if len(o.Logo) > 0 {
		if _, err := decodeConfig(o.Logo); err != nil {
			p.add("org.logo", "is not a PNG or JPEG image")
		}
	}
}
