-- Schema 4: what the Payments screen sums, kept as it changes.
--
-- The adjustments of a statement, which its page lists, are found by index rather than by
-- reading ten years' statements. Few statements are adjustments, so the index holds only them.
CREATE INDEX statements_by_adjusts ON statements(adjusts) WHERE adjusts IS NOT NULL;

-- Each mentor's statements per calendar year of issue: how many, how many are adjustments, and
-- the money owed (issued, not yet paid) and paid. The By mentor and Year-end views read these
-- few thousand rows instead of summing 60,000 statements. Issuing adds its statements to them in
-- its own transaction, once per batch (a trigger per statement doubled the time to issue ten
-- years); triggers move money from owed to paid as payments are recorded or taken back.
-- `check` reports totals that disagree with the statements.
-- mentor_id carries no foreign key: the statements it sums already hold their mentor fast.
CREATE TABLE statement_totals (
    mentor_id   INTEGER NOT NULL,
    year        INTEGER NOT NULL,
    statements  INTEGER NOT NULL DEFAULT 0,
    adjustments INTEGER NOT NULL DEFAULT 0,
    owed        INTEGER NOT NULL DEFAULT 0,
    paid        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (mentor_id, year)
) STRICT, WITHOUT ROWID;

INSERT INTO statement_totals(mentor_id, year, statements, adjustments, owed, paid)
SELECT st.mentor_id, CAST(substr(st.issued_on, 1, 4) AS INTEGER), count(*), count(st.adjusts),
       COALESCE(sum(CASE WHEN p.statement_id IS NULL THEN st.total END), 0),
       COALESCE(sum(CASE WHEN p.statement_id IS NOT NULL THEN st.total END), 0)
FROM statements st LEFT JOIN statement_payments p ON p.statement_id = st.id
GROUP BY 1, 2;

CREATE TRIGGER statement_totals_paid AFTER INSERT ON statement_payments
BEGIN
    UPDATE statement_totals SET owed = owed - st.total, paid = paid + st.total
    FROM (SELECT mentor_id, CAST(substr(issued_on, 1, 4) AS INTEGER) AS year, total FROM statements WHERE id = NEW.statement_id) st
    WHERE statement_totals.mentor_id = st.mentor_id AND statement_totals.year = st.year;
END;

CREATE TRIGGER statement_totals_unpaid AFTER DELETE ON statement_payments
BEGIN
    UPDATE statement_totals SET owed = owed + st.total, paid = paid - st.total
    FROM (SELECT mentor_id, CAST(substr(issued_on, 1, 4) AS INTEGER) AS year, total FROM statements WHERE id = OLD.statement_id) st
    WHERE statement_totals.mentor_id = st.mentor_id AND statement_totals.year = st.year;
END;

CREATE TRIGGER statement_payments_same_statement BEFORE UPDATE OF statement_id ON statement_payments
WHEN NEW.statement_id IS NOT OLD.statement_id
BEGIN SELECT RAISE(ABORT, 'a payment belongs to its statement: record the payment of the other statement instead'); END;
