package app

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// mentorSchoolFilter is the pair of choices the Payments lists filter by: "All mentors" or one
// mentor, "All schools" or one school.
type mentorSchoolFilter struct {
	mentor, school   *widget.Select
	mentors, schools []data.IDName
	quiet            bool // choices are being set from code
}

func newMentorSchoolFilter(changed func()) *mentorSchoolFilter {
	f := &mentorSchoolFilter{}
	onChange := func(string) {
		if !f.quiet {
			changed()
		}
	}
	f.mentor = widget.NewSelect(nil, onChange)
	f.school = widget.NewSelect(nil, onChange)
	return f
}

// set offers the mentors and schools given, selecting the mentor and school of the IDs (0: all).
func (f *mentorSchoolFilter) set(mentors, schools []data.IDName, mentorID, schoolID int64) {
	pick := func(sel *widget.Select, names []data.IDName, all string, want int64) {
		opts := []string{all}
		at := 0
		for i, x := range names {
			opts = append(opts, x.Name)
			if x.ID == want {
				at = i + 1
			}
		}
		sel.SetOptions(opts)
		sel.SetSelectedIndex(at)
	}
	f.quiet = true
	defer func() { f.quiet = false }()
	f.mentors, f.schools = mentors, schools
	pick(f.mentor, mentors, anyPayMentor, mentorID)
	pick(f.school, schools, anyPaySchool, schoolID)
}

// mentorID is the mentor chosen, 0 for all.
func (f *mentorSchoolFilter) mentorID() int64 { return chosenID(f.mentor, f.mentors) }

// schoolID is the school chosen, 0 for all.
func (f *mentorSchoolFilter) schoolID() int64 { return chosenID(f.school, f.schools) }

// any says whether a mentor or a school is chosen.
func (f *mentorSchoolFilter) any() bool { return f.mentorID() != 0 || f.schoolID() != 0 }

func chosenID(sel *widget.Select, names []data.IDName) int64 {
	if i := sel.SelectedIndex(); i > 0 && i <= len(names) {
		return names[i-1].ID
	}
	return 0
}

// sortedNames lists names by ID once each, in alphabetical order.
func sortedNames(byID map[int64]string) []data.IDName {
	var out []data.IDName
	for id, name := range byID {
		out = append(out, data.IDName{ID: id, Name: name})
	}
	slices.SortFunc(out, func(a, b data.IDName) int {
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}
