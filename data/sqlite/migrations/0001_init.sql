-- MentorDesk schema 1: the whole domain of DESIGN §1.
-- Money is integer cents; dates are TEXT YYYY-MM-DD; times are minutes after midnight.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

CREATE TABLE mentors (
    id                     INTEGER PRIMARY KEY,
    first_name             TEXT NOT NULL,
    last_name              TEXT NOT NULL,
    email                  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    phone                  TEXT NOT NULL DEFAULT '',
    address                TEXT NOT NULL DEFAULT '',
    instruments            TEXT NOT NULL DEFAULT '',
    education              TEXT NOT NULL DEFAULT '',
    teaching_experience    TEXT NOT NULL DEFAULT '',
    performance_experience TEXT NOT NULL DEFAULT '',
    bio                    TEXT NOT NULL DEFAULT '',
    wa_resident_since      TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL CHECK (status IN ('applicant','active','inactive')),
    search                 TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX mentors_by_name ON mentors(last_name, first_name);

CREATE TABLE mentor_photos (
    mentor_id INTEGER PRIMARY KEY REFERENCES mentors(id) ON DELETE CASCADE,
    jpeg      BLOB NOT NULL
) STRICT;

CREATE TABLE checks (
    id           INTEGER PRIMARY KEY,
    mentor_id    INTEGER NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('wsp','fbi')),
    completed_on TEXT NOT NULL,
    result       TEXT NOT NULL CHECK (result IN ('clear','pending','not_clear')),
    UNIQUE (mentor_id, kind, completed_on)
) STRICT;

CREATE TABLE contracts (
    id          INTEGER PRIMARY KEY,
    mentor_id   INTEGER NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    school_year INTEGER NOT NULL,
    signed_on   TEXT NOT NULL,
    UNIQUE (mentor_id, school_year)
) STRICT;

CREATE TABLE districts (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE calendars (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE calendar_days (
    id          INTEGER PRIMARY KEY,
    calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('first_day','last_day','term_end','no_school')),
    label       TEXT NOT NULL DEFAULT '',
    UNIQUE (calendar_id, date, kind)
) STRICT;

CREATE TABLE schools (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    level       TEXT NOT NULL CHECK (level IN ('elementary','middle','high','k8','other')),
    address     TEXT NOT NULL DEFAULT '',
    calendar_id INTEGER REFERENCES calendars(id)
) STRICT;

CREATE TABLE instructors (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    phone      TEXT NOT NULL DEFAULT '',
    school_id  INTEGER NOT NULL REFERENCES schools(id)
) STRICT;
CREATE INDEX instructors_by_school ON instructors(school_id);

CREATE TABLE classrooms (
    id             INTEGER PRIMARY KEY,
    school_id      INTEGER NOT NULL REFERENCES schools(id),
    name           TEXT NOT NULL,
    ensemble       TEXT NOT NULL CHECK (ensemble IN ('band','orchestra','choir','jazz','general','other')),
    grade          TEXT NOT NULL DEFAULT '',
    instructor_id  INTEGER REFERENCES instructors(id),
    meeting_days   INTEGER NOT NULL,
    period_start   INTEGER NOT NULL,
    period_minutes INTEGER NOT NULL,
    UNIQUE (school_id, name)
) STRICT;

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    classroom_id INTEGER NOT NULL REFERENCES classrooms(id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    name         TEXT NOT NULL,
    UNIQUE (classroom_id, date)
) STRICT;
CREATE INDEX events_by_date ON events(date);

CREATE TABLE enrollments (
    id              INTEGER PRIMARY KEY,
    program         TEXT NOT NULL CHECK (program IN ('focused','season','bridge')),
    classroom_id    INTEGER NOT NULL REFERENCES classrooms(id),
    mentor_id       INTEGER NOT NULL REFERENCES mentors(id),
    school_year     INTEGER NOT NULL,
    evaluation      INTEGER NOT NULL DEFAULT 0,
    to_classroom_id INTEGER REFERENCES classrooms(id),
    fall_sessions   INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended','done')),
    ended_on        TEXT NOT NULL DEFAULT '',
    end_reason      TEXT NOT NULL DEFAULT '',
    extends_id      INTEGER REFERENCES enrollments(id)
) STRICT;
CREATE INDEX enrollments_by_mentor ON enrollments(mentor_id);
CREATE INDEX enrollments_by_classroom ON enrollments(classroom_id);

CREATE TABLE enrollment_terms (
    enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    term          INTEGER NOT NULL,
    classroom_id  INTEGER NOT NULL REFERENCES classrooms(id),
    event_date    TEXT NOT NULL,
    event_name    TEXT NOT NULL DEFAULT '',
    required      INTEGER NOT NULL,
    PRIMARY KEY (enrollment_id, term)
) STRICT;

CREATE TABLE season_requests (
    id            INTEGER PRIMARY KEY,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    requested_on  TEXT NOT NULL,
    decision      TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending','accepted','declined')),
    decided_on    TEXT NOT NULL DEFAULT '',
    new_id        INTEGER REFERENCES enrollments(id)
) STRICT;

CREATE TABLE statements (
    id           INTEGER PRIMARY KEY,
    number       INTEGER NOT NULL UNIQUE CHECK (number > 0),
    issued_on    TEXT NOT NULL,
    mentor_id    INTEGER NOT NULL REFERENCES mentors(id),
    school_id    INTEGER NOT NULL REFERENCES schools(id),
    visit_date   TEXT NOT NULL,
    adjusts      INTEGER REFERENCES statements(number),
    reason       TEXT NOT NULL DEFAULT '',
    total        INTEGER NOT NULL,
    line_count   INTEGER NOT NULL CHECK (line_count > 0)
) STRICT;
CREATE INDEX statements_by_mentor ON statements(mentor_id, issued_on);
CREATE INDEX statements_by_visit ON statements(visit_date);

CREATE TABLE statement_lines (
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    line         INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('session','continuation','adjustment')),
    session_id   INTEGER,
    description  TEXT NOT NULL,
    classroom    TEXT NOT NULL DEFAULT '',
    program      TEXT NOT NULL DEFAULT '',
    start        INTEGER NOT NULL DEFAULT 0,
    minutes      INTEGER NOT NULL DEFAULT 0,
    amount       INTEGER NOT NULL,
    PRIMARY KEY (statement_id, line)
) STRICT;

-- Paying a statement is the one change an issued statement allows, so it lives beside it.
CREATE TABLE statement_payments (
    statement_id INTEGER PRIMARY KEY REFERENCES statements(id),
    paid_on      TEXT NOT NULL,
    reference    TEXT NOT NULL DEFAULT ''
) STRICT;

-- Continuation compensation paid (R5): at most once per mentor, school and school year.
CREATE TABLE continuations (
    mentor_id    INTEGER NOT NULL REFERENCES mentors(id),
    school_id    INTEGER NOT NULL REFERENCES schools(id),
    school_year  INTEGER NOT NULL,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    PRIMARY KEY (mentor_id, school_id, school_year)
) STRICT;

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    enrollment_id INTEGER REFERENCES enrollments(id) ON DELETE SET NULL,
    term          INTEGER NOT NULL DEFAULT 0,
    classroom_id  INTEGER NOT NULL REFERENCES classrooms(id),
    mentor_id     INTEGER NOT NULL REFERENCES mentors(id),
    date          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    minutes       INTEGER NOT NULL,
    program       TEXT NOT NULL CHECK (program IN ('focused','season','bridge')),
    status        TEXT NOT NULL CHECK (status IN ('planned','completed','confirmed','cancelled')),
    confirmed_on  TEXT NOT NULL DEFAULT '',
    confirmed_by  TEXT NOT NULL DEFAULT '',
    confirmed_how TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT '',
    cancelled_by  TEXT NOT NULL DEFAULT '',
    focus         TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    punctuality   TEXT NOT NULL DEFAULT '' CHECK (punctuality IN ('','on_time','late','absent')),
    statement_id  INTEGER REFERENCES statements(id),
    UNIQUE (classroom_id, date, start)
) STRICT;
CREATE INDEX sessions_by_date ON sessions(date);
CREATE INDEX sessions_by_mentor_date ON sessions(mentor_id, date);
CREATE INDEX sessions_by_enrollment ON sessions(enrollment_id);
CREATE INDEX sessions_unpaid ON sessions(date) WHERE status = 'confirmed' AND statement_id IS NULL;

CREATE TABLE session_moves (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    from_date  TEXT NOT NULL,
    from_start INTEGER NOT NULL,
    to_date    TEXT NOT NULL,
    to_start   INTEGER NOT NULL,
    moved_on   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX session_moves_by_session ON session_moves(session_id);

CREATE TABLE session_notes (
    session_id        INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    covered           TEXT NOT NULL DEFAULT '',
    what_worked       TEXT NOT NULL DEFAULT '',
    to_change         TEXT NOT NULL DEFAULT '',
    concern_passed_on TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE goals (
    id            INTEGER PRIMARY KEY,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    grp           TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    set_by        TEXT NOT NULL DEFAULT '',
    target_date   TEXT NOT NULL DEFAULT '',
    rating_before INTEGER NOT NULL DEFAULT 0,
    rating_after  INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL CHECK (status IN ('open','progressing','achieved','dropped'))
) STRICT;

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    term          INTEGER NOT NULL,
    given_on      TEXT NOT NULL,
    preparation   INTEGER NOT NULL,
    rapport       INTEGER NOT NULL,
    musical_progress INTEGER NOT NULL,
    punctuality   INTEGER NOT NULL,
    comment       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE surveys (
    id            INTEGER PRIMARY KEY,
    enrollment_id INTEGER NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    term          INTEGER NOT NULL,
    taken_on      TEXT NOT NULL,
    responses     INTEGER NOT NULL,
    averages      TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE review_decisions (
    id         INTEGER PRIMARY KEY,
    mentor_id  INTEGER NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('keep','coach','remove')),
    reason     TEXT NOT NULL
) STRICT;

CREATE TABLE cohorts (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    start      TEXT NOT NULL,
    end        TEXT NOT NULL,
    intro_on   TEXT NOT NULL DEFAULT '',
    wrap_up_on TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE applicants (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    email          TEXT NOT NULL COLLATE NOCASE,
    school         TEXT NOT NULL DEFAULT '',
    career_stage   TEXT NOT NULL CHECK (career_stage IN ('early','experienced')),
    years_teaching INTEGER NOT NULL DEFAULT 0,
    strengths      TEXT NOT NULL DEFAULT '',
    passions       TEXT NOT NULL DEFAULT '',
    growth         TEXT NOT NULL DEFAULT '',
    availability   TEXT NOT NULL DEFAULT '',
    excluded       INTEGER NOT NULL DEFAULT 0,
    hub_invite     TEXT NOT NULL DEFAULT '',
    intro_attended INTEGER NOT NULL DEFAULT 0,
    wrap_attended  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (cohort_id, email)
) STRICT;

CREATE TABLE pairs (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    early_id       INTEGER NOT NULL UNIQUE REFERENCES applicants(id) ON DELETE CASCADE,
    experienced_id INTEGER NOT NULL UNIQUE REFERENCES applicants(id) ON DELETE CASCADE,
    score          REAL NOT NULL DEFAULT 0,
    reasons        TEXT NOT NULL DEFAULT '',
    locked         INTEGER NOT NULL DEFAULT 0,
    frequency      TEXT NOT NULL DEFAULT '',
    topics         TEXT NOT NULL DEFAULT '',
    early_decision TEXT NOT NULL DEFAULT '',
    exp_decision   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE meetings (
    id      INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    date    TEXT NOT NULL,
    topics  TEXT NOT NULL DEFAULT '',
    note    TEXT NOT NULL DEFAULT ''
) STRICT;

-- R6: an issued statement never changes, not even through SQL.
CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be changed; issue an adjustment statement'); END;
CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be deleted; issue an adjustment statement'); END;
CREATE TRIGGER statement_lines_no_update BEFORE UPDATE ON statement_lines
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be changed'); END;
CREATE TRIGGER statement_lines_no_delete BEFORE DELETE ON statement_lines
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be changed'); END;
-- Lines are written with their statement, up to the count it declares; none can be added later.
CREATE TRIGGER statement_lines_only_new BEFORE INSERT ON statement_lines
WHEN (SELECT count(*) FROM statement_lines WHERE statement_id = NEW.statement_id)
  >= (SELECT line_count FROM statements WHERE id = NEW.statement_id)
BEGIN SELECT RAISE(ABORT, 'an issued statement cannot be changed'); END;
-- Numbers are gap-free: each new number is the next one.
CREATE TRIGGER statements_next_number BEFORE INSERT ON statements
WHEN NEW.number <> COALESCE((SELECT max(number) FROM statements), 0) + 1
BEGIN SELECT RAISE(ABORT, 'statement numbers must follow on without gaps'); END;
-- A session paid by a statement is locked: its paid facts cannot change, nor can it go.
CREATE TRIGGER sessions_locked_update BEFORE UPDATE ON sessions
WHEN OLD.statement_id IS NOT NULL AND (
     NEW.statement_id IS NOT OLD.statement_id OR NEW.date <> OLD.date OR NEW.start <> OLD.start
  OR NEW.minutes <> OLD.minutes OR NEW.classroom_id <> OLD.classroom_id OR NEW.mentor_id <> OLD.mentor_id
  OR NEW.program <> OLD.program OR NEW.status <> OLD.status OR NEW.confirmed_on <> OLD.confirmed_on)
BEGIN SELECT RAISE(ABORT, 'the session is on an issued statement and is locked'); END;
CREATE TRIGGER sessions_locked_delete BEFORE DELETE ON sessions
WHEN OLD.statement_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the session is on an issued statement and cannot be deleted'); END;
