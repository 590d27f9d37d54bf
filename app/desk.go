package app

import (
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

// desk is what the screens are given: the store's lists and queries, and the operations of
// the service (data/service), which the scripting commands run too. The store no longer has
// operations of its own, so every name a screen calls has one owner.
type desk struct {
	*sqlite.Store
	*service.Service
}

func newDesk(st *sqlite.Store) desk { return desk{Store: st, Service: service.New(st)} }
