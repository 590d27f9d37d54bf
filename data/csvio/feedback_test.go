package csvio

import (
	"bytes"
	"strings"
	"testing"

	"mentordesk/data"
)

func TestFeedbackRoundTrip(t *testing.T) {
	place := Place{MentorEmail: "ana@example.org", School: "Whitman Middle School", Classroom: "7th Grade Band", SchoolYear: 2026}
	fs := []FeedbackRow{
		{place, data.Feedback{Term: 1, GivenOn: d("2026-12-12"), Comment: "=Well prepared, \"warm\"\nwith the students",
			Ratings: map[string]int{"preparation": 5, "rapport": 4, "musical_progress": 4, "punctuality": 5}}},
		{place, data.Feedback{Term: 2, GivenOn: d("2027-03-14"),
			Ratings: map[string]int{"preparation": 1, "rapport": 2, "musical_progress": 3, "punctuality": 1}}},
	}
	var buf bytes.Buffer
	if err := WriteFeedback(&buf, fs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `,"'=Well prepared`) {
		t.Errorf("the comment is not guarded against formulas:\n%s", buf.String())
	}
	recs, err := ReadFeedback(&buf, "feedback.csv")
	same(t, values(t, recs, err), fs)
}

func TestSurveysRoundTrip(t *testing.T) {
	place := Place{MentorEmail: "ana@example.org", School: "Whitman Middle School", Classroom: "Choir", SchoolYear: 2026}
	vs := []SurveyRow{
		{Place: place, Survey: data.Survey{Term: 1, TakenOn: d("2026-12-14"), Responses: 28,
			Averages: map[string]float64{"preparation": 4.25, "rapport": 4.5, "musical_progress": 3, "enjoyment": 4.9}}},
		{Place: place, Survey: data.Survey{Term: 2, TakenOn: d("2027-03-15"), Responses: 1, Averages: map[string]float64{"enjoyment": 1}}},
	}
	var buf bytes.Buffer
	if err := WriteSurveys(&buf, vs); err != nil {
		t.Fatal(err)
	}
	want := "mentor_email,school,classroom,school_year,term,taken_on,responses,preparation,rapport,musical_progress,enjoyment\n" +
		"ana@example.org,Whitman Middle School,Choir,2026-27,1,2026-12-14,28,4.25,4.5,3,4.9\n" +
		"ana@example.org,Whitman Middle School,Choir,2026-27,2,2027-03-15,1,,,,1\n"
	if buf.String() != want {
		t.Errorf("written:\n%s\nwant:\n%s", buf.String(), want)
	}
	recs, err := ReadSurveys(&buf, "surveys.csv")
	same(t, values(t, recs, err), vs)
}

func TestReviewFilesReportEachBadCell(t *testing.T) {
	cases := []struct {
		name, kind, row string
		want            []string
	}{
		{"rating out of range and missing", "feedback", "ana@example.org,Adams,Band,2026-27,1,2026-10-01,6,,3,3,", []string{
			"f.csv:2: preparation: 6 is not a rating from 1 to 5",
			"f.csv:2: rapport: is required (a whole number)",
		}},
		{"place and term", "feedback", "bob@,,Band,26,4,2026-10-01,3,3,3,3,", []string{
			`f.csv:2: mentor_email: "bob@" is not an e-mail address`,
			"f.csv:2: school_year: ",
			"f.csv:2: school: is required",
			"f.csv:2: term: 4 is not a term (1 to 3)",
		}},
		{"average with three decimals", "surveys", "ana@example.org,Adams,Band,2026-27,1,2026-10-01,20,4.125,,,", []string{
			`f.csv:2: preparation: "4.125" is not an average from 1 to 5 with at most 2 decimals (like 4.25)`,
		}},
		{"average above 5 and no responses", "surveys", "ana@example.org,Adams,Band,2026-27,1,2026-10-01,0,,5.5,,", []string{
			"f.csv:2: responses: 0 is not a number of responses (1 to 10000)",
			"f.csv:2: rapport: 5.5 is not an average from 1 to 5",
		}},
		{"no average at all", "surveys", "ana@example.org,Adams,Band,2026-27,1,,20,,,,", []string{
			"f.csv:2: taken_on: is required",
			"f.csv:2: preparation: at least one average is required (preparation, rapport, musical_progress, enjoyment)",
		}},
		{"duplicate term", "surveys", "ana@example.org,Adams,Band,2026-27,1,2026-10-01,20,4,,,\nANA@example.org,Adams,Band,2026-27,1,2026-10-02,20,4,,,", []string{
			"f.csv:3: mentor_email: duplicate of line 2 (same mentor_email, school, classroom, school_year and term)",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := strings.Join(Columns(Kind(c.kind)), ",") + "\n" + c.row + "\n"
			var err error
			if c.kind == "feedback" {
				_, err = ReadFeedback(strings.NewReader(in), "f.csv")
			} else {
				_, err = ReadSurveys(strings.NewReader(in), "f.csv")
			}
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("errors lack %q:\n%s", w, err)
				}
			}
			if got, want := strings.Count(err.Error(), "\n")+1, len(c.want); got != want {
				t.Errorf("%d problems, want %d:\n%s", got, want, err)
			}
		})
	}
}

func TestGoalsFileOpensWithThePupilNotice(t *testing.T) {
	var buf bytes.Buffer
	err := WriteGoals(&buf, []GoalRow{{School: "Adams", Classroom: "Band", SchoolYear: 2026,
		Goal: data.Goal{Group: "trumpets", Text: "-Play softly", SetBy: "pupils with the mentor", TargetDate: d("2026-12-01"), RatingBefore: 2, RatingAfter: 4, Status: "achieved"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := PupilInformationNotice + "\n" + strings.Join(Columns(Goals), ",") + "\n" +
		"Adams,Band,2026-27,trumpets,'-Play softly,pupils with the mentor,2026-12-01,2,4,achieved\n"
	if buf.String() != want {
		t.Errorf("goals file:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestParseKindKnowsTheReviewKinds(t *testing.T) {
	for _, k := range []Kind{Feedback, Surveys, Goals} {
		if got, err := ParseKind(strings.ToUpper(string(k))); got != k || err != nil {
			t.Errorf("ParseKind(%s) = %q, %v", k, got, err)
		}
	}
	if _, err := ParseKind("survey"); err == nil || !strings.HasSuffix(err.Error(), "payments, feedback, surveys, decisions, goals)") {
		t.Errorf("ParseKind(survey) = %v", err)
	}
	for _, k := range Kinds {
		if k == Feedback || k == Surveys || k == Goals {
			t.Errorf("%s is in Kinds; the other importers would offer it", k)
		}
	}
}

func TestParseAverage(t *testing.T) {
	for in, want := range map[string]float64{"1": 1, "4.5": 4.5, " 3.75 ": 3.75, "5.00": 5} {
		if got, err := ParseAverage(in); got != want || err != nil {
			t.Errorf("ParseAverage(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "0.5", "5.01", "4.333", "4,5", "NaN", "1e0", "-3"} {
		if _, err := ParseAverage(in); err == nil {
			t.Errorf("ParseAverage(%q) accepted", in)
		}
	}
	if FormatAverage(4.125) != "4.13" || FormatAverage(3) != "3" {
		t.Errorf("FormatAverage: %s %s", FormatAverage(4.125), FormatAverage(3))
	}
}

func FuzzReadSurveys(f *testing.F) {
	f.Add([]byte(strings.Join(Columns(Surveys), ",") + "\nana@example.org,Adams,Band,2026-27,1,2026-10-01,20,4.25,,3,\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		recs, err := ReadSurveys(bytes.NewReader(in), "surveys.csv")
		if err != nil {
			checkRefusal(t, "surveys.csv", recs, err)
			return
		}
		vs := make([]SurveyRow, len(recs))
		for i, r := range recs {
			vs[i] = r.Value
			vs[i].badAverage = false
		}
		var buf bytes.Buffer
		if err := WriteSurveys(&buf, vs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadSurveys(&buf, "again.csv")
		same(t, values(t, again, err), vs)
	})
}

func FuzzReadFeedback(f *testing.F) {
	f.Add([]byte(strings.Join(Columns(Feedback), ",") + "\nana@example.org,Adams,Band,2026-27,1,2026-10-01,4,5,3,5,\"Fine, \"\"really\"\"\"\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		recs, err := ReadFeedback(bytes.NewReader(in), "feedback.csv")
		if err != nil {
			checkRefusal(t, "feedback.csv", recs, err)
			return
		}
		fs := make([]FeedbackRow, len(recs))
		for i, r := range recs {
			fs[i] = r.Value
		}
		var buf bytes.Buffer
		if err := WriteFeedback(&buf, fs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadFeedback(&buf, "again.csv")
		same(t, values(t, again, err), fs)
	})
}
