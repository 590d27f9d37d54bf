-- The director's reason for confirming or paying a session flagged by R7 or R8.
--
-- A session whose mentor was not cleared on its date, or held no signed contract for its school
-- year, is confirmed and paid only with a reason (the override), kept with the session. It is the
-- director's record and never printed on documents for schools.
ALTER TABLE sessions ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
