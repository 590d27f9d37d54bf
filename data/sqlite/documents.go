package sqlite

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// This file gathers what the printed documents need, in a few queries each, so that the command
// line and the Documents area print the same thing from the same data.

// Assignment is data.Assignment: the type moved to the domain, the name kept for the store's callers.
type Assignment = data.Assignment

// ContractInput is data.ContractInput: the type moved to the domain, the name kept for the store's callers.
type ContractInput = data.ContractInput

// ContractInput reads a mentor and the classrooms they take on in a school year.
func (s *Store) ContractInput(ctx context.Context, mentorID int64, year data.SchoolYear) (ContractInput, error) {
	m, err := s.Mentor(ctx, mentorID)
	if err != nil {
		return ContractInput{}, err
	}
	byMentor, err := s.assignments(ctx, mentorID, year)
	if err != nil {
		return ContractInput{}, err
	}
	return ContractInput{Mentor: m, Year: year, Assignments: byMentor[mentorID]}, nil
}

// ContractInputs reads the contracts of a school year: every active mentor and every mentor
// with an assignment that year, by last and first name.
func (s *Store) ContractInputs(ctx context.Context, year data.SchoolYear) ([]ContractInput, error) {
	mentors, err := s.Mentors(ctx, MentorFilter{})
	if err != nil {
		return nil, err
	}
	byMentor, err := s.assignments(ctx, 0, year)
	if err != nil {
		return nil, err
	}
	var out []ContractInput
	for _, m := range mentors {
		if a, ok := byMentor[m.ID]; ok || m.Status == data.Active {
			out = append(out, ContractInput{Mentor: m, Year: year, Assignments: a})
		}
	}
	return out, nil
}

// assignments lists the classrooms of one mentor (0: all) whose terms lead to an event in the
// school year, so a Bridge enrollment's fall term counts in the year it happens.
func (s *Store) assignments(ctx context.Context, mentorID int64, year data.SchoolYear) (map[int64][]Assignment, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	q := `SELECT e.id, e.mentor_id, e.program, e.status, e.school_year, t.classroom_id, t.event_date, t.required, c.name, sc.name
		FROM enrollments e JOIN enrollment_terms t ON t.enrollment_id = e.id
		JOIN classrooms c ON c.id = t.classroom_id JOIN schools sc ON sc.id = c.school_id
		WHERE e.school_year IN (?, ?)`
	args := []any{int(year) - 1, int(year)}
	if mentorID != 0 {
		q += " AND e.mentor_id = ?"
		args = append(args, mentorID)
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY e.id, t.term", args...)
	if err != nil {
		return nil, fmt.Errorf("read assignments of %s: %w", year, err)
	}
	type key struct{ enrollment, classroom int64 }
	type row struct {
		mentor int64
		ended  bool
		a      Assignment
	}
	var order []key
	found := map[key]*row{}
	ended := map[int64]bool{}
	for rows.Next() {
		var r row
		var status data.EnrollmentStatus
		var enrolled data.SchoolYear
		var classroom int64
		var event data.Date
		var required int
		if err := rows.Scan(&r.a.EnrollmentID, &r.mentor, &r.a.Program, &status, &enrolled, &classroom, dt(&event),
			&required, &r.a.Classroom, &r.a.School); err != nil {
			rows.Close()
			return nil, err
		}
		termYear := enrolled
		if !event.IsZero() {
			termYear = set.SchoolYear(event)
		}
		if termYear != year {
			continue
		}
		k := key{r.a.EnrollmentID, classroom}
		if have, ok := found[k]; ok {
			have.a.Sessions += required
			continue
		}
		r.a.Sessions = required
		r.ended = status == data.EnrollmentEnded
		if r.ended {
			ended[r.a.EnrollmentID] = true
		}
		found[k] = &r
		order = append(order, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// An enrollment the instructor ended early keeps only the sessions that were not cancelled.
	if len(ended) > 0 {
		live := map[key]int{}
		rows, err := s.r.QueryContext(ctx, `SELECT enrollment_id, classroom_id, count(*) FROM sessions
			WHERE status != 'cancelled' AND enrollment_id IN (SELECT id FROM enrollments WHERE status = 'ended' AND school_year IN (?, ?))
			GROUP BY enrollment_id, classroom_id`, int(year)-1, int(year))
		if err != nil {
			return nil, fmt.Errorf("count sessions of ended enrollments: %w", err)
		}
		for rows.Next() {
			var k key
			var n int
			if err := rows.Scan(&k.enrollment, &k.classroom, &n); err != nil {
				rows.Close()
				return nil, err
			}
			live[k] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, k := range order {
			if r := found[k]; r.ended {
				r.a.Sessions = min(r.a.Sessions, live[k])
			}
		}
	}
	out := map[int64][]Assignment{}
	for _, k := range order {
		if r := found[k]; r.a.Sessions > 0 {
			out[r.mentor] = append(out[r.mentor], r.a)
		}
	}
	for _, list := range out {
		slices.SortStableFunc(list, func(a, b Assignment) int {
			return cmp.Or(data.CompareNames(a.School, b.School),
				data.CompareNames(a.Classroom, b.Classroom),
				cmp.Compare(a.EnrollmentID, b.EnrollmentID))
		})
	}
	return out, nil
}

// RosterFilter chooses the mentors of a roster handout.
type RosterFilter = data.RosterFilter

// RosterCandidates lists the active mentors a roster handout chooses from: of the instrument and
// the school of the filter, by last and first name, with photos. The handout's rule
// (data.OnRosterHandout) is the service's RosterMentors.
func (s *Store) RosterCandidates(ctx context.Context, f data.RosterFilter) ([]data.Mentor, error) {
	if f.On.IsZero() {
		return nil, errors.New("roster: the day of eligibility is required")
	}
	mentors, err := s.Mentors(ctx, MentorFilter{Status: data.Active, Instrument: strings.TrimSpace(f.Instrument), WithPhotos: true})
	if err != nil || f.SchoolID == 0 {
		return mentors, err
	}
	atSchool, err := s.mentorsAtSchool(ctx, f.SchoolID, f.On)
	if err != nil {
		return nil, err
	}
	var out []data.Mentor
	for _, m := range mentors {
		if atSchool[m.ID] {
			out = append(out, m)
		}
	}
	return out, nil
}

// mentorsAtSchool is the set of mentors with an enrollment or a session at a school in the
// school year holding on.
func (s *Store) mentorsAtSchool(ctx context.Context, schoolID int64, on data.Date) (map[int64]bool, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	year := set.SchoolYear(on)
	first, last := year.Bounds(set.SchoolYearStart)
	// A Bridge enrollment reaches its receiving school in the fall of the next school year.
	rows, err := s.r.QueryContext(ctx, `SELECT e.mentor_id FROM enrollments e JOIN classrooms c ON c.id = e.classroom_id
			WHERE c.school_id = ? AND e.school_year = ?
		UNION SELECT e.mentor_id FROM enrollments e JOIN classrooms c ON c.id = e.to_classroom_id
			WHERE c.school_id = ? AND e.school_year = ?
		UNION SELECT x.mentor_id FROM sessions x JOIN classrooms c ON c.id = x.classroom_id
			WHERE c.school_id = ? AND x.date BETWEEN ? AND ?`,
		schoolID, int(year), schoolID, int(year)-1, schoolID, dv(first), dv(last))
	if err != nil {
		return nil, fmt.Errorf("read the mentors of school %d: %w", schoolID, err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// SchoolByName finds a school by name, compared case-insensitively.
func (s *Store) SchoolByName(ctx context.Context, name string) (data.School, error) {
	schools, err := s.Schools(ctx)
	if err != nil {
		return data.School{}, err
	}
	for _, x := range schools {
		if strings.EqualFold(strings.TrimSpace(x.Name), strings.TrimSpace(name)) {
			return x, nil
		}
	}
	return data.School{}, fmt.Errorf("no school named %q: %w", name, data.ErrNotFound)
}

// StatementPrint is data.StatementPrint: the type moved to the domain, the name kept for the store's callers.
type StatementPrint = data.StatementPrint

// StatementPrint reads one statement by number with its mentor.
func (s *Store) StatementPrint(ctx context.Context, number int) (StatementPrint, error) {
	st, err := s.Statement(ctx, number)
	if err != nil {
		return StatementPrint{}, err
	}
	m, err := s.Mentor(ctx, st.MentorID)
	if err != nil {
		return StatementPrint{}, err
	}
	m.Photo = nil
	return StatementPrint{Statement: printable(st), Mentor: m}, nil
}

// printable drops a session line's description where it only repeats the classroom, program
// and time that the statement's own columns print beside it.
func printable(st data.Statement) data.Statement {
	lines := slices.Clone(st.Lines)
	for i, l := range lines {
		summary := fmt.Sprintf("%s — %s, %s–%s", l.Classroom, l.Program.Title(), l.Start, l.Start.Add(l.Minutes))
		if l.Kind == data.SessionLine && l.Description == summary {
			lines[i].Description = ""
		}
	}
	st.Lines = lines
	return st
}

// StatementPrints reads the statements whose visit falls between two days (inclusive; zero is
// open), by number, each with its mentor.
func (s *Store) StatementPrints(ctx context.Context, from, through data.Date) ([]StatementPrint, error) {
	sts, err := s.Statements(ctx, StatementFilter{From: from, Through: through})
	if err != nil || len(sts) == 0 {
		return nil, err
	}
	mentors, err := s.Mentors(ctx, MentorFilter{})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]data.Mentor, len(mentors))
	for _, m := range mentors {
		byID[m.ID] = m
	}
	out := make([]StatementPrint, len(sts))
	for i, st := range sts {
		out[i] = StatementPrint{Statement: printable(st), Mentor: byID[st.MentorID]}
	}
	return out, nil
}

// StatementRef is data.StatementRef: the type moved to the domain, the name kept for the store's callers.
type StatementRef = data.StatementRef

// Adjustments lists the adjustment statements, newest first.
func (s *Store) Adjustments(ctx context.Context) ([]StatementRef, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT st.number, st.adjusts, st.issued_on, st.visit_date,
		m.first_name || ' ' || m.last_name, sc.name
		FROM statements st JOIN mentors m ON m.id = st.mentor_id JOIN schools sc ON sc.id = st.school_id
		WHERE st.adjusts IS NOT NULL ORDER BY st.number DESC`)
	if err != nil {
		return nil, fmt.Errorf("list adjustments: %w", err)
	}
	defer rows.Close()
	var out []StatementRef
	for rows.Next() {
		var r StatementRef
		if err := rows.Scan(&r.Number, &r.Adjusts, dt(&r.IssuedOn), dt(&r.VisitDate), &r.MentorName, &r.School); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// StatementMonths lists the first days of the months holding a statement's visit, newest first.
func (s *Store) StatementMonths(ctx context.Context) ([]data.Date, error) {
	return s.dates(ctx, "SELECT DISTINCT substr(visit_date, 1, 7) || '-01' FROM statements WHERE visit_date != '' ORDER BY 1 DESC")
}

// StatementYears lists the calendar years in which statements were issued, newest first.
func (s *Store) StatementYears(ctx context.Context) ([]int, error) {
	days, err := s.dates(ctx, "SELECT DISTINCT substr(issued_on, 1, 4) || '-01-01' FROM statements ORDER BY 1 DESC")
	years := make([]int, len(days))
	for i, d := range days {
		years[i] = d.Year()
	}
	return years, err
}

// SchoolYears lists the school years with an enrollment or a contract, newest first.
func (s *Store) SchoolYears(ctx context.Context) ([]data.SchoolYear, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT school_year FROM enrollments UNION SELECT school_year FROM contracts ORDER BY 1 DESC")
	if err != nil {
		return nil, fmt.Errorf("list school years: %w", err)
	}
	defer rows.Close()
	var out []data.SchoolYear
	for rows.Next() {
		var y data.SchoolYear
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

func (s *Store) dates(ctx context.Context, q string, args ...any) ([]data.Date, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Date
	for rows.Next() {
		var d data.Date
		if err := rows.Scan(dt(&d)); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// YearStatements lists a mentor's statements issued in a calendar year, by number.
func (s *Store) YearStatements(ctx context.Context, mentorID int64, year int) ([]data.Statement, error) {
	return s.Statements(ctx, StatementFilter{MentorID: mentorID,
		IssuedFrom: data.MustDate(fmt.Sprintf("%04d-01-01", year)), IssuedThrough: data.MustDate(fmt.Sprintf("%04d-12-31", year))})
}
