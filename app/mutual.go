package app

// newMutual opens the Mutual Mentorship area.
func newMutual(d deps) screen { return newPending(d, "Mutual Mentorship", mutualPending) }
