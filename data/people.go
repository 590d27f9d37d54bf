package data

import (
	"fmt"
	"strings"
)

// MentorStatus is where a mentor stands with the organisation.
type MentorStatus string

const (
	MentorApplicant MentorStatus = "applicant"
	Active          MentorStatus = "active"
	Inactive        MentorStatus = "inactive"
)

// MentorStatuses lists the statuses in the order forms offer them.
var MentorStatuses = []MentorStatus{MentorApplicant, Active, Inactive}

// Mentor is an independent contractor who coaches sectionals. Phone, address and e-mail are
// private: they never reach a document handed to a school.
type Mentor struct {
	ID                    int64
	FirstName             string
	LastName              string
	Email                 string
	Phone                 string
	Address               string
	Instruments           []string
	Education             string
	TeachingExperience    string
	PerformanceExperience string
	Bio                   string
	WAResidentSince       Date // start of Washington residence; zero when unknown (R7)
	Status                MentorStatus
	Photo                 []byte // JPEG, scaled down; nil when none
}

// Name is "First Last".
func (m Mentor) Name() string { return strings.TrimSpace(m.FirstName + " " + m.LastName) }

// SortName is "Last, First", the order of lists.
func (m Mentor) SortName() string { return strings.TrimSpace(m.LastName + ", " + m.FirstName) }

// Validate checks every field; the field names are the CSV columns.
func (m Mentor) Validate() error {
	var p Problems
	p.name("first_name", m.FirstName)
	p.name("last_name", m.LastName)
	p.email("email", m.Email, true)
	p.phone("phone", m.Phone)
	p.text("address", m.Address, false, 300)
	p.tags("instruments", m.Instruments)
	p.text("education", m.Education, false, maxText)
	p.text("teaching_experience", m.TeachingExperience, false, maxText)
	p.text("performance_experience", m.PerformanceExperience, false, maxText)
	p.text("bio", m.Bio, false, maxText)
	if !oneOf(m.Status, MentorStatuses) {
		p.add("status", "%q is not a mentor status (applicant, active, inactive)", m.Status)
	}
	if len(m.Photo) > MaxPhotoBytes {
		p.add("photo", "is too large (%d KB, at most %d KB)", len(m.Photo)/1024, MaxPhotoBytes/1024)
	}
	return p.err()
}

// MaxPhotoBytes bounds a stored (already scaled) photo.
const MaxPhotoBytes = 512 * 1024

// CheckKind is the kind of background check.
type CheckKind string

const (
	WSP CheckKind = "wsp" // Washington State Patrol
	FBI CheckKind = "fbi" // FBI fingerprint check
)

// CheckResult is the outcome of a background check; nothing else of its report is kept.
type CheckResult string

const (
	Clear    CheckResult = "clear"
	Pending  CheckResult = "pending"
	NotClear CheckResult = "not_clear"
)

// Check is a background check: date, kind and result only (DESIGN §7 privacy).
type Check struct {
	ID          int64
	MentorID    int64
	MentorEmail string // natural key, filled by stores and imports
	Kind        CheckKind
	CompletedOn Date
	Result      CheckResult
}

func (c Check) Validate() error {
	var p Problems
	p.email("mentor_email", c.MentorEmail, c.MentorID == 0)
	if !oneOf(c.Kind, []CheckKind{WSP, FBI}) {
		p.add("kind", "%q is not a check kind (wsp, fbi)", c.Kind)
	}
	p.date("completed_on", c.CompletedOn, true)
	if !oneOf(c.Result, []CheckResult{Clear, Pending, NotClear}) {
		p.add("result", "%q is not a check result (clear, pending, not_clear)", c.Result)
	}
	return p.err()
}

// Contract is a mentor's signed contract for one school year (R8).
type Contract struct {
	ID          int64
	MentorID    int64
	MentorEmail string
	SchoolYear  SchoolYear
	SignedOn    Date
}

func (c Contract) Validate() error {
	var p Problems
	p.email("mentor_email", c.MentorEmail, c.MentorID == 0)
	if c.SchoolYear == 0 {
		p.add("school_year", "is required (like 2026-27)")
	}
	p.date("signed_on", c.SignedOn, true)
	return p.err()
}

// Instructor is a school's music teacher.
type Instructor struct {
	ID        int64
	FirstName string
	LastName  string
	Email     string
	Phone     string
	SchoolID  int64
	School    string
}

func (i Instructor) Name() string { return strings.TrimSpace(i.FirstName + " " + i.LastName) }

func (i Instructor) Validate() error {
	var p Problems
	p.name("first_name", i.FirstName)
	p.name("last_name", i.LastName)
	p.email("email", i.Email, true)
	p.phone("phone", i.Phone)
	if i.SchoolID == 0 {
		p.text("school", i.School, true, 200)
	}
	return p.err()
}

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// Label makes an enum value readable: "not_clear" → "Not clear".
func Label[T ~string](v T) string {
	s := strings.ReplaceAll(string(v), "_", " ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func quoteList[T ~string](set []T) string {
	parts := make([]string, len(set))
	for i, s := range set {
		parts[i] = string(s)
	}
	return fmt.Sprint(strings.Join(parts, ", "))
}
