package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// The matching screen's edits by hand: lock or unlock a pair, exclude or include an applicant,
// pair someone with a partner of the director's choice.

// showDetail shows what can be done by hand with the selected pair or applicant.
func (m *matching) showDetail() {
	m.lockBtn, m.exclude, m.swap, m.swapWith = nil, nil, nil, nil
	var body fyne.CanvasObject
	switch {
	case m.pair >= 0:
		body = m.pairDetail(m.res.Pairs[m.pair])
	case m.other >= 0:
		body = m.otherDetail(m.others[m.other])
	default:
		body = emptyState("Select a pair to lock it, swap a partner or exclude someone.", nil)
	}
	m.detail.Objects = []fyne.CanvasObject{container.NewPadded(body)}
	m.detail.Refresh()
}

func (m *matching) pairDetail(p data.SuggestedPair) fyne.CanvasObject {
	title := boldLabel(pairName(p.Early, p.Experienced))
	title.Wrapping = fyne.TextWrapWord
	lock := "not locked: a re-run may change it"
	if p.Locked {
		lock = "locked: a re-run keeps it"
	}
	info := widget.NewLabel(fmt.Sprintf("Score %s · %s", scoreText(p.Score), lock))
	if p.Locked {
		m.lockBtn = widget.NewButtonWithIcon("Unlock pair", theme.RadioButtonIcon(), func() { m.setLock(p.Early.ID, false) })
	} else {
		m.lockBtn = widget.NewButtonWithIcon("Lock pair", theme.ConfirmIcon(), func() { m.setLock(p.Early.ID, true) })
	}
	m.exclude = []*widget.Button{m.excludeButton(p.Early), m.excludeButton(p.Experienced)}
	swap := m.swapSelect(p.Early, "Choose another experienced partner")
	m.swap = swap
	box := container.NewVBox(title, info, container.NewHBox(m.lockBtn, m.exclude[0], m.exclude[1]),
		widget.NewLabel("Swap "+p.Early.FirstName+"'s partner:"), swap, widget.NewSeparator(), wrapLabel(p.Reasons))
	m.disableWhileRunning(m.lockBtn, m.exclude[0], m.exclude[1], swap)
	return box
}

func (m *matching) otherDetail(a data.Applicant) fyne.CanvasObject {
	title := boldLabel(a.Name())
	state := "unmatched"
	if a.Excluded {
		state = "excluded from matching"
	}
	info := wrapLabel(fmt.Sprintf("%s · %s\nStrengths: %s\nPassions: %s\nGrowth: %s", stageWords(a.CareerStage), state,
		orNone(strings.Join(a.Strengths, ", ")), orNone(strings.Join(a.Passions, ", ")), orNone(strings.Join(a.Growth, ", "))))
	m.exclude = []*widget.Button{m.excludeButton(a)}
	box := container.NewVBox(title, info, container.NewHBox(m.exclude[0]))
	m.disableWhileRunning(m.exclude[0])
	if !a.Excluded {
		other := "an experienced partner"
		if a.CareerStage == data.Experienced {
			other = "an early-career partner"
		}
		swap := m.swapSelect(a, "Choose "+other)
		m.swap = swap
		m.disableWhileRunning(swap)
		box.Add(widget.NewLabel("Pair " + a.FirstName + " by hand:"))
		box.Add(swap)
	}
	return box
}

func (m *matching) disableWhileRunning(ws ...fyne.Disableable) {
	if m.running() {
		for _, w := range ws {
			w.Disable()
		}
	}
}

func (m *matching) excludeButton(a data.Applicant) *widget.Button {
	if a.Excluded {
		return widget.NewButtonWithIcon("Include "+a.FirstName+" again", theme.ContentAddIcon(), func() { m.setExcluded(a.ID, false) })
	}
	return widget.NewButtonWithIcon("Exclude "+a.FirstName, theme.ContentRemoveIcon(), func() { m.setExcluded(a.ID, true) })
}

// swapSelect offers the partners a may be paired with by hand: the other side's applicants not
// excluded, not a's partner now and not held by a locked pair, each with the score they would make.
func (m *matching) swapSelect(a data.Applicant, placeholder string) *widget.Select {
	partner := int64(0)
	held := map[int64]string{}
	for _, p := range m.res.Pairs {
		if p.Early.ID == a.ID {
			partner = p.Experienced.ID
		}
		if p.Experienced.ID == a.ID {
			partner = p.Early.ID
		}
		held[p.Early.ID], held[p.Experienced.ID] = p.Experienced.Name(), p.Early.Name()
		if p.Locked {
			held[p.Early.ID], held[p.Experienced.ID] = "locked", "locked"
		}
	}
	type candidate struct {
		b     data.Applicant
		score float64
	}
	var cs []candidate
	for _, b := range m.people {
		if b.Excluded || b.CareerStage == a.CareerStage || b.ID == partner || held[b.ID] == "locked" {
			continue
		}
		e, x := a, b
		if a.CareerStage == data.Experienced {
			e, x = b, a
		}
		score, _ := data.MatchScore(e, x)
		cs = append(cs, candidate{b, score})
	}
	// The best partners first; the stable sort keeps name order among equal scores.
	slices.SortStableFunc(cs, func(x, y candidate) int { return cmp.Compare(y.score, x.score) })
	var labels []string
	m.swapWith = nil
	for _, c := range cs {
		now := "unmatched"
		if h := held[c.b.ID]; h != "" {
			now = "now with " + h
		}
		labels = append(labels, fmt.Sprintf("%s — score %s (%s)", c.b.Name(), scoreText(c.score), now))
		m.swapWith = append(m.swapWith, c.b)
	}
	s := widget.NewSelect(labels, nil)
	s.PlaceHolder = placeholder
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 && i < len(m.swapWith) {
			m.pairUp(a, m.swapWith[i])
		}
	}
	if len(labels) == 0 {
		s.PlaceHolder = "nobody free to pair with"
		s.Disable()
	}
	return s
}

func (m *matching) setLock(earlyID int64, on bool) {
	for i, p := range m.res.Pairs {
		if p.Early.ID == earlyID {
			m.res.Pairs[i].Locked = on
			if on {
				m.note.SetText(pairName(p.Early, p.Experienced) + " is locked: a re-run keeps them together.")
			} else {
				m.note.SetText(pairName(p.Early, p.Experienced) + " is unlocked: a re-run may pair them otherwise.")
			}
		}
	}
	m.refresh()
}

// setExcluded leaves an applicant out (their pair is undone) or brings them back, and re-runs.
func (m *matching) setExcluded(id int64, on bool) {
	for i := range m.people {
		if m.people[i].ID == id {
			m.people[i].Excluded = on
		}
	}
	m.res.Pairs = slices.DeleteFunc(m.res.Pairs, func(p data.SuggestedPair) bool { return p.Early.ID == id || p.Experienced.ID == id })
	m.pair, m.other = -1, -1
	m.pairList.UnselectAll()
	m.otherList.UnselectAll()
	m.onSuggest()
}

// pairUp pairs a with b by hand. Their former partners become unmatched; the new pair is
// locked, so that a re-run keeps the director's choice.
func (m *matching) pairUp(a, b data.Applicant) {
	e, x := a, b
	if a.CareerStage == data.Experienced {
		e, x = b, a
	}
	score, reasons := data.MatchScore(e, x)
	made := data.SuggestedPair{Early: e, Experienced: x, Score: score, Reasons: reasons, Locked: true}
	var res data.MatchResult
	at := -1
	var freed []string
	for _, p := range m.res.Pairs {
		switch {
		case p.Early.ID == e.ID:
			addUnmatched(&res, p.Experienced)
			freed = append(freed, p.Experienced.Name())
		case p.Experienced.ID == x.ID:
			addUnmatched(&res, p.Early)
			freed = append(freed, p.Early.Name())
		default:
			res.Pairs = append(res.Pairs, p)
			continue
		}
		if at < 0 {
			at = len(res.Pairs)
		}
	}
	if at < 0 {
		at = len(res.Pairs)
	}
	res.Pairs = slices.Insert(res.Pairs, at, made)
	for _, u := range append(m.res.UnmatchedEarly, m.res.UnmatchedExperienced...) {
		if u.ID != e.ID && u.ID != x.ID {
			addUnmatched(&res, u)
		}
	}
	for _, p := range res.Pairs {
		res.Total += p.Score
	}
	m.res = res
	note := fmt.Sprintf("%s is now with %s (score %s), locked so that a re-run keeps them.", e.Name(), x.Name(), scoreText(score))
	if len(freed) > 0 {
		note += " Unmatched now: " + strings.Join(freed, ", ") + "."
	}
	m.note.SetText(note)
	m.pair, m.other = at, -1
	m.otherList.UnselectAll()
	m.refresh()
	m.pairList.Select(at)
}

// addUnmatched adds a to the unmatched of its side, keeping each side in name order.
func addUnmatched(res *data.MatchResult, a data.Applicant) {
	side := &res.UnmatchedExperienced
	if a.CareerStage == data.Early {
		side = &res.UnmatchedEarly
	}
	i, _ := slices.BinarySearchFunc(*side, a, func(x, y data.Applicant) int {
		return strings.Compare(strings.ToLower(x.LastName+" "+x.FirstName), strings.ToLower(y.LastName+" "+y.FirstName))
	})
	*side = slices.Insert(*side, i, a)
}
