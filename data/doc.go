// Package data is MentorDesk's domain: the people, places, programs, sessions and payments of a
// music mentorship organisation, each type with Validate, and the rules R1–R11 of the design as
// plain functions. It imports nothing of the GUI, PDF or SQL, so every rule is tested on its own.
package data
