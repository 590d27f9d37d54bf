-- Schema 5: issued statements stay unchangeable under conflict resolution too.
--
-- INSERT OR REPLACE (and UPDATE OR REPLACE) deletes the row it conflicts with without firing
-- its delete triggers unless recursive_triggers is on, which a connection outside MentorDesk
-- (the sqlite3 shell) does not turn on. So every row an issued statement holds fast is guarded
-- on insert and on the updates that could displace it as well. (MentorDesk's own connections
-- turn recursive_triggers on in their DSN, so the delete triggers fire for them too.)

-- R6: one visit has one ordinary statement; whatever is paid for it later is an adjustment
-- statement naming that one. (A file that already holds two keeps them: `check` reports it.)
-- The visit is found by statements_by_visit (visit_date).
CREATE TRIGGER statements_one_per_visit BEFORE INSERT ON statements
WHEN NEW.adjusts IS NULL AND EXISTS (SELECT 1 FROM statements WHERE mentor_id = NEW.mentor_id
    AND school_id = NEW.school_id AND visit_date = NEW.visit_date AND adjusts IS NULL)
BEGIN SELECT RAISE(ABORT, 'the visit already has its statement: what is paid later is an adjustment statement naming it (R6)'); END;

CREATE TRIGGER statements_no_replace BEFORE INSERT ON statements
WHEN EXISTS (SELECT 1 FROM statements WHERE number = NEW.number)
  OR (NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM statements WHERE id = NEW.id))
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be replaced; issue an adjustment statement'); END;

CREATE TRIGGER statement_lines_no_replace BEFORE INSERT ON statement_lines
WHEN EXISTS (SELECT 1 FROM statement_lines WHERE statement_id = NEW.statement_id AND line = NEW.line)
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be changed'); END;

-- A new row that would take the place of a locked session (by id or by classroom, date and
-- start), or an update that would, is refused; so is renumbering a locked session.
-- (Two single-index probes: an OR of both in one query costs an import of 150,000 sessions
-- half as much time again.)
CREATE TRIGGER sessions_locked_replace BEFORE INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM sessions x WHERE x.classroom_id = NEW.classroom_id AND x.date = NEW.date
    AND x.start = NEW.start AND x.statement_id IS NOT NULL)
  OR (NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM sessions x WHERE x.id = NEW.id AND x.statement_id IS NOT NULL))
BEGIN SELECT RAISE(ABORT, 'the session is on an issued statement and is locked'); END;

CREATE TRIGGER sessions_locked_displaced BEFORE UPDATE OF id, classroom_id, date, start ON sessions
WHEN (OLD.statement_id IS NOT NULL AND NEW.id IS NOT OLD.id)
  OR EXISTS (SELECT 1 FROM sessions x WHERE x.classroom_id = NEW.classroom_id AND x.date = NEW.date
    AND x.start = NEW.start AND x.id <> OLD.id AND x.statement_id IS NOT NULL)
  OR (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM sessions x WHERE x.id = NEW.id AND x.statement_id IS NOT NULL))
BEGIN SELECT RAISE(ABORT, 'the session is on an issued statement and is locked'); END;

CREATE TRIGGER statement_payments_no_replace BEFORE INSERT ON statement_payments
WHEN EXISTS (SELECT 1 FROM statement_payments WHERE statement_id = NEW.statement_id)
BEGIN SELECT RAISE(ABORT, 'the statement is already marked paid'); END;

CREATE TRIGGER continuations_no_replace BEFORE INSERT ON continuations
WHEN EXISTS (SELECT 1 FROM continuations WHERE mentor_id = NEW.mentor_id AND school_id = NEW.school_id AND school_year = NEW.school_year)
BEGIN SELECT RAISE(ABORT, 'continuation compensation for that school and school year is already paid (R5)'); END;
CREATE TRIGGER continuations_no_update BEFORE UPDATE ON continuations
BEGIN SELECT RAISE(ABORT, 'a continuation paid on an issued statement cannot be changed'); END;
CREATE TRIGGER continuations_no_delete BEFORE DELETE ON continuations
BEGIN SELECT RAISE(ABORT, 'a continuation paid on an issued statement cannot be deleted'); END;
