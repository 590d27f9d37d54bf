-- E-mail: the outbox of every message MentorDesk sends, and the director's templates.
--
-- A message is queued with its Message-ID and attachment, marked sending in its own transaction
-- before it goes to the server, then sent (with the server's reply) or failed (with the reason).
-- One found sending at start was in flight when the program stopped: it goes again, same ID.
-- document names what the message carries ("statement:17"); the same document goes to the same
-- address once unless the director resends it.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    document        TEXT NOT NULL,
    to_addr         TEXT NOT NULL,
    to_name         TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    attachment_name TEXT NOT NULL DEFAULT '',
    message_id      TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sending','sent','failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    error           TEXT NOT NULL DEFAULT '',
    reply           TEXT NOT NULL DEFAULT '',
    queued_at       TEXT NOT NULL,
    sent_at         TEXT NOT NULL DEFAULT ''
) STRICT;

-- Attachments apart, so lists of the outbox never read the PDFs.
CREATE TABLE outbox_attachments (
    message INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
    content BLOB NOT NULL
) STRICT;

CREATE INDEX outbox_by_document ON outbox(document, to_addr COLLATE NOCASE);
CREATE INDEX outbox_by_recipient ON outbox(to_addr COLLATE NOCASE, id);
CREATE INDEX outbox_unsent ON outbox(status) WHERE status <> 'sent';

CREATE TABLE mail_templates (
    kind    TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    body    TEXT NOT NULL
) STRICT;
