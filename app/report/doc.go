// Package report draws MentorDesk's printed documents as PDF: contracts, roster sheets for
// schools, payment statements, visit sign-off sheets, schedule handouts, year-end summaries and
// the mutual-mentorship letters. Each document is a plain struct with Validate; a Renderer turns
// it into PDF bytes that are identical every time for the same data.
package report
