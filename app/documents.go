package app

// newDocuments opens the Documents area.
func newDocuments(d deps) screen { return newPending(d, "Documents", documentsPending) }
