package app

// newPayments opens the Payments area.
func newPayments(d deps) screen { return newPending(d, "Payments", paymentsPending) }
