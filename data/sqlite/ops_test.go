package sqlite

import "mentordesk/data/service"

// ops is the service over s: the operations with their rules, as the window and the commands
// run them.
func ops(s *Store) *service.Service { return service.New(s) }
