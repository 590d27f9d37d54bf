-- Schema 3: indexes for queries that read a large table by a column no index led with.
-- Sessions by status: Home's count of sessions awaiting confirmation and the Payments screen's
-- visits still waiting read the few hundred such rows of ten years' 150,000 instead of all of
-- them. statement_id before date keeps the unpaid confirmed sessions (the visits to issue)
-- together, so the search for those is as narrow as sessions_unpaid's was; that index goes,
-- as issuing would otherwise update two indexes for every session it pays.
CREATE INDEX sessions_by_status ON sessions(status, statement_id, date);
DROP INDEX sessions_unpaid;
-- Enrollments by school year: the Programs screen's sessions of a year start from that year's
-- enrollments rather than walking every session by date.
CREATE INDEX enrollments_by_year ON enrollments(school_year);
