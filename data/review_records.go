package data

import (
	"regexp"
	"strings"
)

// GoalStatus is how far a group has come with a goal.
type GoalStatus string

var GoalStatuses = []GoalStatus{"open", "progressing", "achieved", "dropped"}

// Goal is set with the pupils of an enrollment's classroom, or a small group of it. Pupils are
// named at most by first name or initials.
type Goal struct {
	ID           int64
	EnrollmentID int64
	Group        string // "whole class", "trumpets", "A.B. and C."
	Text         string // the goal in the pupils' words
	SetBy        string // "pupils with the mentor"
	TargetDate   Date
	RatingBefore int // 1–5 self-rating, 0 when not yet rated
	RatingAfter  int
	Status       GoalStatus
}

var (
	dateOfBirth = regexp.MustCompile(`(?i)\b(born|dob|d\.o\.b\.|birthday)\b|\b\d{1,2}/\d{1,2}/(19|20)\d{2}\b`)
	fullName    = regexp.MustCompile(`\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}{2,}\b`)
)

// PupilPrivacyProblem returns a gentle message when text looks like it identifies a child:
// a date of birth, or a first name followed by a surname. Group words such as "Trumpet Section"
// are allowed.
func PupilPrivacyProblem(text string) string {
	if dateOfBirth.MatchString(text) {
		return "please leave out dates of birth: pupils are minors, so record only what the group needs"
	}
	for _, m := range fullName.FindAllString(text, -1) {
		second := strings.Fields(m)[1]
		if !groupWords[strings.ToLower(second)] && !groupWords[strings.ToLower(strings.Fields(m)[0])] {
			return "please name pupils by first name or initials only (\"" + m + "\" looks like a full name)"
		}
	}
	return ""
}

var groupWords = map[string]bool{"section": true, "sections": true, "band": true, "choir": true,
	"orchestra": true, "group": true, "class": true, "ensemble": true, "players": true, "winds": true,
	"brass": true, "strings": true, "percussion": true, "concert": true, "jazz": true, "grade": true,
	"the": true, "all": true, "whole": true, "our": true, "spring": true, "winter": true, "fall": true}

func (g Goal) Validate() error {
	var p Problems
	p.text("text", g.Text, true, 500)
	p.text("group", g.Group, false, 100)
	for _, f := range []struct{ name, v string }{{"text", g.Text}, {"group", g.Group}} {
		if msg := PupilPrivacyProblem(f.v); msg != "" {
			p.add(f.name, "%s", msg)
		}
	}
	for _, r := range []struct {
		name string
		v    int
	}{{"rating_before", g.RatingBefore}, {"rating_after", g.RatingAfter}} {
		if r.v < 0 || r.v > 5 {
			p.add(r.name, "%d is not a rating from 1 to 5", r.v)
		}
	}
	if !oneOf(g.Status, GoalStatuses) {
		p.add("status", "%q is not a goal status (open, progressing, achieved, dropped)", g.Status)
	}
	return p.err()
}

// SessionNote is a mentor's record of a session: the material covered and a short reflection.
// A concern records only that it was passed to the instructor and when, never its details.
type SessionNote struct {
	SessionID       int64
	Covered         string
	WhatWorked      string
	ToChange        string
	ConcernPassedOn Date
}

func (n SessionNote) Validate() error {
	var p Problems
	p.text("covered", n.Covered, false, 1000)
	p.text("what_worked", n.WhatWorked, false, 1000)
	p.text("to_change", n.ToChange, false, 1000)
	for _, f := range []struct{ name, v string }{{"covered", n.Covered}, {"what_worked", n.WhatWorked}, {"to_change", n.ToChange}} {
		if msg := PupilPrivacyProblem(f.v); msg != "" {
			p.add(f.name, "%s", msg)
		}
	}
	return p.err()
}

// FeedbackQuestions are the named questions an instructor rates 1–5.
var FeedbackQuestions = []string{"preparation", "rapport", "musical_progress", "punctuality"}

// Feedback is an instructor's rating of a mentor for one term of an enrollment.
type Feedback struct {
	ID           int64
	EnrollmentID int64
	Term         int
	GivenOn      Date
	Ratings      map[string]int // question → 1–5
	Comment      string
}

func (f Feedback) Validate() error {
	var p Problems
	p.date("given_on", f.GivenOn, true)
	if f.Term < 1 || f.Term > 3 {
		p.add("term", "%d is not a term (1 to 3)", f.Term)
	}
	for _, q := range FeedbackQuestions {
		if r := f.Ratings[q]; r < 1 || r > 5 {
			p.add(q, "%d is not a rating from 1 to 5", r)
		}
	}
	p.text("comment", f.Comment, false, 2000)
	return p.err()
}

// Survey summarises a student survey for one term of an enrollment.
type Survey struct {
	ID           int64
	EnrollmentID int64
	Term         int
	TakenOn      Date
	Responses    int
	Averages     map[string]float64 // question → average 1–5
}

// ReviewDecision is the director's decision on a mentor under review.
type ReviewDecision struct {
	ID        int64
	MentorID  int64
	DecidedOn Date
	Decision  string // keep, coach, remove
	Reason    string
}

func (d ReviewDecision) Validate() error {
	var p Problems
	p.date("decided_on", d.DecidedOn, true)
	if !oneOf(d.Decision, []string{"keep", "coach", "remove"}) {
		p.add("decision", "%q is not a decision (keep, coach, remove)", d.Decision)
	}
	p.text("reason", d.Reason, true, 1000)
	return p.err()
}
