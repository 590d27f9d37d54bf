package data

import (
	"errors"
	"fmt"
	"strings"
)

// MentorRecords is what the mentor form saves at once: the profile, and the background checks
// and contracts the mentor is to have (those not listed are removed).
type MentorRecords struct {
	Mentor    Mentor
	Checks    []Check
	Contracts []Contract
}

// Validate checks the profile, each check and contract, and that no two share a key (a check
// by kind and date, a contract by school year).
func (r MentorRecords) Validate() error {
	var p Problems
	var vp Problems
	if err := r.Mentor.Validate(); errors.As(err, &vp) {
		p = append(p, vp...)
	} else if err != nil {
		return err
	}
	email := NormalizeEmail(r.Mentor.Email)
	seen := map[string]bool{}
	for _, c := range r.Checks {
		c.MentorEmail = email
		if err := c.Validate(); err != nil {
			p.add("checks", "%s", err.Error())
			continue
		}
		key := string(c.Kind) + c.CompletedOn.String()
		if seen[key] {
			p.add("checks", "the %s check of %s is listed twice", strings.ToUpper(string(c.Kind)), c.CompletedOn)
		}
		seen[key] = true
	}
	years := map[SchoolYear]bool{}
	for _, c := range r.Contracts {
		c.MentorEmail = email
		if err := c.Validate(); err != nil {
			p.add("contracts", "%s", err.Error())
			continue
		}
		if years[c.SchoolYear] {
			p.add("contracts", "%s", fmt.Sprintf("the contract for %s is listed twice", c.SchoolYear))
		}
		years[c.SchoolYear] = true
	}
	return p.err()
}
