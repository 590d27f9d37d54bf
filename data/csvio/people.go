package csvio

import (
	"io"

	"mentordesk/data"
)

func decodeMentor(r *row) data.Mentor {
	return data.Mentor{
		FirstName:             r.text("first_name"),
		LastName:              r.text("last_name"),
		Email:                 r.email("email"),
		Phone:                 r.text("phone"),
		Address:               r.text("address"),
		Instruments:           r.list("instruments"),
		Education:             r.text("education"),
		TeachingExperience:    r.text("teaching_experience"),
		PerformanceExperience: r.text("performance_experience"),
		Bio:                   r.text("bio"),
		WAResidentSince:       r.date("wa_resident_since"),
		Status:                data.MentorStatus(r.enum("status", "applicant, active, inactive")),
	}
}

func mentorCells(m data.Mentor, photo string) []string {
	return []string{m.FirstName, m.LastName, m.Email, m.Phone, m.Address, data.JoinList(m.Instruments),
		m.Education, m.TeachingExperience, m.PerformanceExperience, m.Bio, m.WAResidentSince.String(),
		string(m.Status), photo}
}

// MentorsTable reads a mentors file. A photo cell is a path relative to photoDir, the folder of
// the file; the photo is read and prepared, and a missing or unusable one is a problem of its
// cell. Mentors are keyed by e-mail, compared case-insensitively.
func MentorsTable(photoDir string) Table[data.Mentor] {
	var photos []string // photo cell of each record of the batch, by index
	return Table[data.Mentor]{
		kind: Mentors,
		decode: func(r *row) data.Mentor {
			photos = append(photos, r.text("photo"))
			return decodeMentor(r)
		},
		keyCols: []string{"email"},
		key:     func(m data.Mentor) string { return m.Email },
		afterBatch: func(recs []Record[data.Mentor], at func(line int, column, problem string) *Error) Errors {
			defer func() { photos = photos[:0] }()
			return loadPhotos(recs, photos, at, photoDir)
		},
	}
}

// ReadMentors reads a whole CSV text (see MentorsTable).
func ReadMentors(in io.Reader, file string, photoDir string) ([]Record[data.Mentor], error) {
	return readAll(MentorsTable(photoDir), in, file)
}

// WriteMentors writes a mentors file. Each photo is saved as a JPEG named photoPrefix plus the
// mentor's name under photoDir, and its cell holds that relative path, so the export imports
// back with its photos. With photoDir "" (no folder to write to, as on standard output) the
// photo cells are left empty.
func WriteMentors(w io.Writer, ms []data.Mentor, photoDir string, photoPrefix string) error {
	names, err := savePhotos(ms, photoDir, photoPrefix)
	if err != nil {
		return err
	}
	i := -1
	return writeTable(w, Mentors, ms, func(m data.Mentor) []string {
		i++
		return mentorCells(m, names[i])
	})
}

// ChecksTable reads background checks, keyed by (mentor_email, kind, completed_on).
func ChecksTable() Table[data.Check] {
	return Table[data.Check]{
		kind: Checks,
		decode: func(r *row) data.Check {
			return data.Check{
				MentorEmail: r.email("mentor_email"),
				Kind:        data.CheckKind(r.enum("kind", "wsp, fbi")),
				CompletedOn: r.date("completed_on"),
				Result:      data.CheckResult(r.enum("result", "clear, pending, not_clear")),
			}
		},
		keyCols: []string{"mentor_email", "kind", "completed_on"},
		key: func(c data.Check) string {
			return key(c.MentorEmail, string(c.Kind), c.CompletedOn.String())
		},
	}
}

// ReadChecks reads a whole CSV text (see ChecksTable).
func ReadChecks(in io.Reader, file string) ([]Record[data.Check], error) {
	return readAll(ChecksTable(), in, file)
}

// WriteChecks writes background checks.
func WriteChecks(w io.Writer, cs []data.Check) error {
	return writeTable(w, Checks, cs, func(c data.Check) []string {
		return []string{c.MentorEmail, string(c.Kind), c.CompletedOn.String(), string(c.Result)}
	})
}

// ContractsTable reads signed contracts, keyed by (mentor_email, school_year).
func ContractsTable() Table[data.Contract] {
	return Table[data.Contract]{
		kind: Contracts,
		decode: func(r *row) data.Contract {
			return data.Contract{
				MentorEmail: r.email("mentor_email"),
				SchoolYear:  r.schoolYear("school_year"),
				SignedOn:    r.date("signed_on"),
			}
		},
		keyCols: []string{"mentor_email", "school_year"},
		key:     func(c data.Contract) string { return key(c.MentorEmail, c.SchoolYear.String()) },
	}
}

// ReadContracts reads a whole CSV text (see ContractsTable).
func ReadContracts(in io.Reader, file string) ([]Record[data.Contract], error) {
	return readAll(ContractsTable(), in, file)
}

// WriteContracts writes signed contracts.
func WriteContracts(w io.Writer, cs []data.Contract) error {
	return writeTable(w, Contracts, cs, func(c data.Contract) []string {
		return []string{c.MentorEmail, c.SchoolYear.String(), c.SignedOn.String()}
	})
}

// InstructorsTable reads schools' music teachers, keyed by e-mail.
func InstructorsTable() Table[data.Instructor] {
	return Table[data.Instructor]{
		kind: Instructors,
		decode: func(r *row) data.Instructor {
			return data.Instructor{
				FirstName: r.text("first_name"),
				LastName:  r.text("last_name"),
				Email:     r.email("email"),
				Phone:     r.text("phone"),
				School:    r.text("school"),
			}
		},
		keyCols: []string{"email"},
		key:     func(i data.Instructor) string { return i.Email },
	}
}

// ReadInstructors reads a whole CSV text (see InstructorsTable).
func ReadInstructors(in io.Reader, file string) ([]Record[data.Instructor], error) {
	return readAll(InstructorsTable(), in, file)
}

// WriteInstructors writes schools' music teachers.
func WriteInstructors(w io.Writer, is []data.Instructor) error {
	return writeTable(w, Instructors, is, func(i data.Instructor) []string {
		return []string{i.FirstName, i.LastName, i.Email, i.Phone, i.School}
	})
}
