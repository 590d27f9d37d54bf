package app

// newPrograms opens the Programs area.
func newPrograms(d deps) screen { return newPending(d, "Programs", programsPending) }
