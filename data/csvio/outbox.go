package csvio

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"mentordesk/data"
)

// OutboxColumns are the columns of the `outbox` command's CSV.
var OutboxColumns = []string{"id", "kind", "to", "subject", "status", "attempts", "error", "sent_at"}

// WriteOutbox writes the outbox, one row per message in the order given; sent_at is RFC 3339 in UTC.
func WriteOutbox(w io.Writer, msgs []data.OutboxMessage) error {
	cw := csv.NewWriter(w)
	cw.Write(OutboxColumns)
	for _, m := range msgs {
		sent := ""
		if !m.SentAt.IsZero() {
			sent = m.SentAt.UTC().Format(time.RFC3339)
		}
		cw.Write([]string{strconv.FormatInt(m.ID, 10), string(m.Kind), guard(m.To), guard(m.Subject),
			m.Status.Public(), strconv.Itoa(m.Attempts), guard(m.Error), sent})
	}
	cw.Flush()
	return cw.Error()
}
