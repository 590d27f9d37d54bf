package csvio

import (
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"mentordesk/data"
)

// SurveyQuestions are the questions a student survey summary averages, as its columns name them.
var SurveyQuestions = []string{"preparation", "rapport", "musical_progress", "enjoyment"}

// PupilInformationNotice is the first line of every export that holds pupils' goals.
const PupilInformationNotice = "# Contains pupil information: keep within the organisation; never share with schools."

// Place names an enrollment as files do: by mentor, classroom and school year. A term counts
// on through a classroom's enrollments of one mentor in a year, so a second Season is term 2.
type Place struct {
	MentorEmail string
	School      string
	Classroom   string
	SchoolYear  data.SchoolYear
}

func (p Place) problems() data.Problems {
	var ps data.Problems
	for _, f := range []struct{ col, v string }{{"mentor_email", p.MentorEmail}, {"school", p.School}, {"classroom", p.Classroom}} {
		if strings.TrimSpace(f.v) == "" {
			ps = append(ps, data.FieldError{Field: f.col, Problem: "is required"})
		}
	}
	if p.SchoolYear == 0 {
		ps = append(ps, data.FieldError{Field: "school_year", Problem: "is required (like 2026-27)"})
	}
	return ps
}

func (p Place) key(term int) string {
	return key(p.MentorEmail, p.School, p.Classroom, p.SchoolYear.String(), strconv.Itoa(term))
}

var placeKey = []string{"mentor_email", "school", "classroom", "school_year", "term"}

func decodePlace(r *row) Place {
	return Place{MentorEmail: r.email("mentor_email"), School: r.text("school"), Classroom: r.text("classroom"),
		SchoolYear: r.schoolYear("school_year")}
}

// FeedbackRow is one instructor's feedback of a file; Term is the file's term.
type FeedbackRow struct {
	Place
	data.Feedback
}

func (f FeedbackRow) Validate() error {
	ps := f.Place.problems()
	var fp data.Problems
	if errors.As(f.Feedback.Validate(), &fp) {
		ps = append(ps, fp...)
	}
	return problemsErr(ps)
}

// FeedbackTable reads instructors' feedback, keyed by (mentor_email, school, classroom,
// school_year, term): one entry per term of an enrollment.
func FeedbackTable() Table[FeedbackRow] {
	return Table[FeedbackRow]{
		kind: Feedback,
		decode: func(r *row) FeedbackRow {
			f := data.Feedback{Term: r.integer("term", -1), GivenOn: r.date("given_on"), Ratings: map[string]int{},
				Comment: r.text("comment")}
			for _, q := range data.FeedbackQuestions {
				f.Ratings[q] = r.integer(q, -1)
			}
			return FeedbackRow{decodePlace(r), f}
		},
		keyCols: placeKey,
		key:     func(f FeedbackRow) string { return f.key(f.Term) },
	}
}

// ReadFeedback reads a whole CSV text (see FeedbackTable).
func ReadFeedback(in io.Reader, file string) ([]Record[FeedbackRow], error) {
	return readAll(FeedbackTable(), in, file)
}

// WriteFeedback writes instructors' feedback.
func WriteFeedback(w io.Writer, fs []FeedbackRow) error {
	return writeTable(w, Feedback, fs, func(f FeedbackRow) []string {
		cells := []string{f.MentorEmail, f.School, f.Classroom, f.SchoolYear.String(), itoa(f.Term), f.GivenOn.String()}
		for _, q := range data.FeedbackQuestions {
			cells = append(cells, itoa(f.Ratings[q]))
		}
		return append(cells, f.Comment)
	})
}

// CheckSurvey returns the problems of a survey summary, named by its columns: a date, a term,
// at least one response and at least one average, each from 1 to 5.
func CheckSurvey(v data.Survey) data.Problems {
	var ps data.Problems
	add := func(col, format string, args ...any) {
		ps = append(ps, data.FieldError{Field: col, Problem: fmt.Sprintf(format, args...)})
	}
	if v.TakenOn.IsZero() {
		add("taken_on", "is required")
	}
	if v.Term < 1 || v.Term > 3 {
		add("term", "%d is not a term (1 to 3)", v.Term)
	}
	if v.Responses < 1 || v.Responses > 10000 {
		add("responses", "%d is not a number of responses (1 to 10000)", v.Responses)
	}
	for _, q := range SurveyQuestions {
		if a, ok := v.Averages[q]; ok && (math.IsNaN(a) || a < 1 || a > 5) {
			add(q, "%s is not an average from 1 to 5", FormatAverage(a))
		}
	}
	var unknown []string
	for q := range v.Averages {
		if !contains(SurveyQuestions, q) {
			unknown = append(unknown, q)
		}
	}
	slices.Sort(unknown)
	for _, q := range unknown {
		add(q, "is not a survey question (%s)", strings.Join(SurveyQuestions, ", "))
	}
	if len(v.Averages) == 0 {
		add(SurveyQuestions[0], "at least one average is required (%s)", strings.Join(SurveyQuestions, ", "))
	}
	return ps
}

var averageText = regexp.MustCompile(`^[0-9](\.[0-9]{1,2})?$`)

// ParseAverage reads an average rating such as 4 or 3.75 (at most 2 decimals).
func ParseAverage(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if !averageText.MatchString(s) {
		return 0, fmt.Errorf("%q is not an average from 1 to 5 with at most 2 decimals (like 4.25)", s)
	}
	v, _ := strconv.ParseFloat(s, 64)
	if v < 1 || v > 5 {
		return 0, fmt.Errorf("%s is not an average from 1 to 5", s)
	}
	return v, nil
}

// FormatAverage writes an average with at most 2 decimals: 4, 3.5, 3.75.
func FormatAverage(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// SurveyRow is one student survey summary of a file; Term is the file's term.
type SurveyRow struct {
	Place
	data.Survey
	badAverage bool // an average cell could not be read
}

func (v SurveyRow) Validate() error {
	ps := v.Place.problems()
	for _, p := range CheckSurvey(v.Survey) {
		if v.badAverage && len(v.Averages) == 0 && p.Field == SurveyQuestions[0] {
			continue
		}
		ps = append(ps, p)
	}
	return problemsErr(ps)
}

// SurveysTable reads student survey summaries, keyed like feedback. An empty average is a
// question the survey did not ask.
func SurveysTable() Table[SurveyRow] {
	return Table[SurveyRow]{
		kind: Surveys,
		decode: func(r *row) SurveyRow {
			v := data.Survey{Term: r.integer("term", -1), TakenOn: r.date("taken_on"), Responses: r.integer("responses", -1),
				Averages: map[string]float64{}}
			for _, q := range SurveyQuestions {
				if s := r.text(q); s != "" {
					a, err := ParseAverage(s)
					if err != nil {
						r.add(q, "%s", err.Error())
						continue
					}
					v.Averages[q] = a
				}
			}
			// A bad average says what is wrong already; "at least one is required" would repeat it.
			return SurveyRow{Place: decodePlace(r), Survey: v, badAverage: r.anyBad(SurveyQuestions)}
		},
		keyCols: placeKey,
		key:     func(v SurveyRow) string { return v.key(v.Term) },
	}
}

// ReadSurveys reads a whole CSV text (see SurveysTable).
func ReadSurveys(in io.Reader, file string) ([]Record[SurveyRow], error) {
	return readAll(SurveysTable(), in, file)
}

// WriteSurveys writes student survey summaries; a question not asked is an empty cell.
func WriteSurveys(w io.Writer, vs []SurveyRow) error {
	return writeTable(w, Surveys, vs, func(v SurveyRow) []string {
		cells := []string{v.MentorEmail, v.School, v.Classroom, v.SchoolYear.String(), itoa(v.Term), v.TakenOn.String(), itoa(v.Responses)}
		for _, q := range SurveyQuestions {
			a, ok := v.Averages[q]
			if !ok {
				cells = append(cells, "")
				continue
			}
			cells = append(cells, FormatAverage(a))
		}
		return cells
	})
}

// GoalRow is one goal with the enrollment it belongs to.
type GoalRow struct {
	School     string
	Classroom  string
	SchoolYear data.SchoolYear
	data.Goal
}

// WriteGoals writes goals for the organisation's own use. The first line says the file holds
// pupil information, so it is never handed on by mistake; goals are never imported.
func WriteGoals(w io.Writer, gs []GoalRow) error {
	if nw, ok := w.(interface{ WriteNotice(string) error }); ok {
		if err := nw.WriteNotice(PupilInformationNotice); err != nil {
			return err
		}
	} else if _, err := io.WriteString(w, PupilInformationNotice+"\n"); err != nil {
		return err
	}
	return writeTable(w, Goals, gs, func(g GoalRow) []string {
		return []string{g.School, g.Classroom, g.SchoolYear.String(), g.Group, g.Text, g.SetBy, g.TargetDate.String(),
			optionalInt(g.RatingBefore), optionalInt(g.RatingAfter), string(g.Status)}
	})
}

func problemsErr(ps data.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
