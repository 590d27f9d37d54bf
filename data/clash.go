package data

// Clash is how two sessions of one mentor on one date get in each other's way (R2, R9).
type Clash int

const (
	NoClash      Clash = iota
	OtherSchool        // a second school the same day: a second visit, which the planner avoids
	OverlapsTime       // the same school at overlapping times
)

// SessionsClash compares two sessions of the same mentor on the same date; a zero length
// counts as the default class period (R10).
func SessionsClash(aSchool int64, aStart Clock, aMinutes int, bSchool int64, bStart Clock, bMinutes int) Clash {
	if aMinutes <= 0 {
		aMinutes = DefaultPeriodMinutes
	}
	if bMinutes <= 0 {
		bMinutes = DefaultPeriodMinutes
	}
	switch {
	case aSchool != bSchool:
		return OtherSchool
	case aStart < bStart.Add(bMinutes) && bStart < aStart.Add(aMinutes):
		return OverlapsTime
	}
	return NoClash
}
