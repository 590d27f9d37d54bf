package app

import "slices"

// profileValues are the mentor form's fields as shown now, for Undo.
type profileValues struct {
	texts       map[string]string
	instruments []string
	status      string
	resident    string
}

func (p *mentorPage) profileValues() any {
	v := profileValues{texts: map[string]string{}, instruments: p.instruments.Tags(),
		status: p.status.Selected, resident: p.resident.Text}
	for name, f := range p.fields {
		if f.entry != nil {
			v.texts[name] = f.entry.Text
		}
	}
	return v
}

// restoreProfile puts earlier field values back; it counts as an edit until every change is
// taken back.
func (p *mentorPage) restoreProfile(x any) {
	v := x.(profileValues)
	for name, f := range p.fields {
		if f.entry != nil && f.entry.Text != v.texts[name] {
			f.entry.SetText(v.texts[name])
		}
	}
	if !slices.Equal(p.instruments.Tags(), v.instruments) {
		p.instruments.SetTags(v.instruments)
	}
	if p.status.Selected != v.status {
		p.status.SetSelected(v.status)
	}
	if p.resident.Text != v.resident {
		p.resident.SetText(v.resident)
	}
	p.markEdited()
}

// allUndone: with every field change taken back and nothing else edited, the mentor is as saved.
func (p *mentorPage) allUndone() {
	if p.sideEdits {
		return
	}
	p.dirty = false
	p.notice.Hide()
	p.refreshHead()
}
