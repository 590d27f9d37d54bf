package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// termSlot is one term of one enrollment.
type termSlot struct {
	enrollmentID int64
	term         int
}

// termSlots lists, for each (mentor, school, classroom, school year), the terms of its
// enrollments in enrollment order: a file's term n is the n-th slot.
func termSlots(ctx context.Context, q querier) (map[string][]termSlot, error) {
	rows, err := q.QueryContext(ctx, `SELECT lower(m.email), s.name, c.name, e.school_year, e.id, coalesce(t.term, 1)
		FROM enrollments e JOIN mentors m ON m.id = e.mentor_id JOIN classrooms c ON c.id = e.classroom_id
		JOIN schools s ON s.id = c.school_id LEFT JOIN enrollment_terms t ON t.enrollment_id = e.id
		ORDER BY e.id, t.term`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]termSlot{}
	for rows.Next() {
		var email, school, room string
		var year data.SchoolYear
		var sl termSlot
		if err := rows.Scan(&email, &school, &room, &year, &sl.enrollmentID, &sl.term); err != nil {
			return nil, err
		}
		k := placeKey(email, school, room, year)
		out[k] = append(out[k], sl)
	}
	return out, rows.Err()
}

func placeKey(email, school, classroom string, year data.SchoolYear) string {
	return fmt.Sprintf("%s\x00%s\x00%s\x00%d", data.NormalizeEmail(email), school, classroom, year)
}

// slotOf finds the enrollment term a row names, or reports why it cannot.
func (im *importer) slotOf(line int, p csvio.Place, term int, slots map[string][]termSlot, mentors, rooms map[string]int64) (termSlot, bool) {
	if im.mentorRef(mentors, line, p.MentorEmail) == 0 || im.classroomRef(rooms, line, p.School, p.Classroom) == 0 {
		return termSlot{}, false
	}
	list := slots[placeKey(p.MentorEmail, p.School, p.Classroom, p.SchoolYear)]
	switch {
	case len(list) == 0:
		im.fail(line, "school_year", "%s has no enrollment in %s at %s in %s (plan it in Programs first)",
			p.MentorEmail, p.Classroom, p.School, p.SchoolYear)
		return termSlot{}, false
	case term > len(list):
		im.fail(line, "term", "the mentor's enrollment in %s in %s has %s, so there is no term %d",
			p.Classroom, p.SchoolYear, plural(len(list), "term", "terms"), term)
		return termSlot{}, false
	}
	return list[term-1], true
}

func (im *importer) reviewRefs() (slots map[string][]termSlot, mentors, rooms map[string]int64, err error) {
	if slots, err = termSlots(im.ctx, im.tx); err != nil {
		return
	}
	if mentors, err = im.mentorIDs(); err != nil {
		return
	}
	rooms, err = im.classroomIDs()
	return
}

func (im *importer) feedback() (func([]csvio.Record[csvio.FeedbackRow]) error, error) {
	return importPerTerm(im, "feedback", func(v csvio.FeedbackRow) (csvio.Place, int) { return v.Place, v.Term },
		func(v csvio.FeedbackRow, at termSlot, id int64) error {
			f := v.Feedback
			f.EnrollmentID, f.Term, f.ID = at.enrollmentID, at.term, id
			_, err := saveFeedbackTx(im.tx, f)
			return err
		})
}

func (im *importer) surveys() (func([]csvio.Record[csvio.SurveyRow]) error, error) {
	return importPerTerm(im, "surveys", func(v csvio.SurveyRow) (csvio.Place, int) { return v.Place, v.Term },
		func(v csvio.SurveyRow, at termSlot, id int64) error {
			s := v.Survey
			s.EnrollmentID, s.Term, s.ID = at.enrollmentID, at.term, id
			_, err := saveSurveyTx(im.tx, s)
			return err
		})
}

// importPerTerm saves each record on the enrollment and term its place names, updating the one
// a table already holds there (feedback and surveys are one per enrollment and term).
func importPerTerm[T any](im *importer, table string, place func(T) (csvio.Place, int),
	save func(v T, at termSlot, id int64) error) (func([]csvio.Record[T]) error, error) {
	slots, mentors, rooms, err := im.reviewRefs()
	if err != nil {
		return nil, err
	}
	existing, err := im.lookup("SELECT enrollment_id || '|' || term, id FROM " + table)
	if err != nil {
		return nil, err
	}
	return func(recs []csvio.Record[T]) error {
		for _, r := range recs {
			pl, term := place(r.Value)
			at, ok := im.slotOf(r.Line, pl, term, slots, mentors, rooms)
			if !ok {
				continue
			}
			id := existing[fmt.Sprintf("%d|%d", at.enrollmentID, at.term)]
			if err := save(r.Value, at, id); err != nil {
				im.fail(r.Line, "", "%v", err)
				continue
			}
			im.count(id != 0)
		}
		return nil
	}, nil
}

// exportReview writes feedback, surveys or goals. Goals stay within the organisation:
// their file opens with the pupil-information notice.
func (s *Store) exportReview(ctx context.Context, kind csvio.Kind, w io.Writer) (int, error) {
	slots, err := termSlots(ctx, s.r)
	if err != nil {
		return 0, err
	}
	// fileTerm numbers a term as files do: its place among the classroom's enrollments' terms.
	fileTerm := func(p EnrollmentPlace, term int) int {
		for i, sl := range slots[placeKey(p.MentorEmail, p.School, p.Classroom, p.SchoolYear)] {
			if sl.enrollmentID == p.EnrollmentID && sl.term == term {
				return i + 1
			}
		}
		return term
	}
	place := func(p EnrollmentPlace) csvio.Place {
		return csvio.Place{MentorEmail: p.MentorEmail, School: p.School, Classroom: p.Classroom, SchoolYear: p.SchoolYear}
	}
	switch kind {
	case csvio.Feedback:
		fs, err := s.Feedback(ctx, ReviewFilter{})
		if err != nil {
			return 0, err
		}
		rows := make([]csvio.FeedbackRow, len(fs))
		for i, f := range fs {
			rows[i] = csvio.FeedbackRow{Place: place(f.Place), Feedback: f.Feedback}
			rows[i].Term = fileTerm(f.Place, f.Term)
		}
		return len(rows), csvio.WriteFeedback(w, rows)
	case csvio.Surveys:
		vs, err := s.Surveys(ctx, ReviewFilter{})
		if err != nil {
			return 0, err
		}
		rows := make([]csvio.SurveyRow, len(vs))
		for i, v := range vs {
			rows[i] = csvio.SurveyRow{Place: place(v.Place), Survey: v.Survey}
			rows[i].Term = fileTerm(v.Place, v.Term)
		}
		return len(rows), csvio.WriteSurveys(w, rows)
	case csvio.Goals:
		places, err := s.EnrollmentPlaces(ctx, ReviewFilter{})
		if err != nil {
			return 0, err
		}
		byID := map[int64]EnrollmentPlace{}
		for _, p := range places {
			byID[p.EnrollmentID] = p
		}
		gs, err := s.goals(ctx, "")
		if err != nil {
			return 0, err
		}
		rows := make([]csvio.GoalRow, len(gs))
		for i, g := range gs {
			p := byID[g.EnrollmentID]
			rows[i] = csvio.GoalRow{School: p.School, Classroom: p.Classroom, SchoolYear: p.SchoolYear, Goal: g}
		}
		slices.SortStableFunc(rows, func(a, b csvio.GoalRow) int {
			return cmp.Or(cmp.Compare(a.SchoolYear, b.SchoolYear), cmp.Compare(a.School, b.School), cmp.Compare(a.Classroom, b.Classroom))
		})
		return len(rows), csvio.WriteGoals(w, rows)
	}
	return 0, fmt.Errorf("%q cannot be exported", kind)
}
