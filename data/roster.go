package data

// RosterFilter chooses the mentors of a roster handout.
type RosterFilter struct {
	On         Date   // eligibility day; its school year scopes the school filter
	SchoolID   int64  // 0: every school; else mentors with an enrollment or session there that year
	Instrument string // "": every instrument
}

// OnRosterHandout is the rule of the roster handout: an active mentor, cleared (R7) on the day
// and in good standing in the roster review (not under review, not removed).
func OnRosterHandout(m Mentor, cleared bool, review ReviewState) bool {
	return m.Status == Active && cleared && review.OnRoster()
}

// ForRoster is the mentor as a roster handout may show them: without phone, address or e-mail.
func (m Mentor) ForRoster() Mentor {
	m.Email, m.Phone, m.Address = "", "", ""
	return m
}
