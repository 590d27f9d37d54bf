package report

// signer is one party's signature block; a known name is printed, an unknown one gets a line.
type signer struct {
	role string
	name string
	with string // label under the name line, e.g. "Name and title"
}

// Signature block geometry, mm.
const (
	signatureGap     = 14.0
	signatureLineGap = 13.0
	signaturesHeight = 5 + 3*(signatureLineGap+4) + 6
	signatureHeight  = 5 + 2*(signatureLineGap+4) + 6
)

// signatures draws the signature blocks of the parties side by side (two at most), kept on one
// page; a single party gets a shorter block with the signature and date on one line.
func (p *page) signatures(signers ...signer) {
	colW := (p.width - signatureGap) / 2
	height := signaturesHeight
	if len(signers) == 1 {
		height = signatureHeight
	}
	p.need(height)
	top := p.y() + 2
	line := func(x, y float64, value, label string) {
		if value != "" {
			p.font(regular, 10.5)
			p.ink(inkText)
			p.textAt(x, y-5.5, colW, 5, value, "L")
		}
		p.pen(inkText, 0.3)
		p.f.Line(x, y, x+colW-4, y)
		p.font(regular, 8)
		p.ink(inkMuted)
		p.textAt(x, y+0.8, colW, 4, label, "L")
	}
	for i, s := range signers[:min(len(signers), 2)] {
		x := p.left + float64(i)*(colW+signatureGap)
		p.font(bold, 9.5)
		p.ink(inkAccent)
		p.textAt(x, top, colW, 5, s.role, "L")
		nameLabel := s.with
		if nameLabel == "" {
			nameLabel = "Name"
		}
		y := top + 5 + signatureLineGap
		line(x, y, "", "Signature")
		if len(signers) == 1 {
			line(x+colW+signatureGap, y, "", "Date")
			line(x, y+signatureLineGap+4, s.name, nameLabel)
			continue
		}
		line(x, y+signatureLineGap+4, s.name, nameLabel)
		line(x, y+2*(signatureLineGap+4), "", "Date")
	}
	p.ink(inkText)
	p.f.SetXY(p.left, top+height-2)
}
