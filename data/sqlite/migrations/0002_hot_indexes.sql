-- Schema 2: indexes for the screens that read large tables (calendar month, payments, compliance).
CREATE INDEX sessions_by_classroom_date ON sessions(classroom_id, date);
CREATE INDEX checks_by_mentor ON checks(mentor_id, completed_on);
CREATE INDEX statements_by_school ON statements(school_id, visit_date);
CREATE INDEX applicants_by_cohort_stage ON applicants(cohort_id, career_stage);
