package script

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"mentordesk/data"
	"mentordesk/data/service"
	"mentordesk/data/sqlite"
)

func init() { commands["match"] = matchCmd }

// matchCmd is `match --cohort NAME [--apply]`: R11 over the cohort's applicants, keeping the
// stored locked pairs and leaving the excluded out; the pairs go to stdout as CSV, the
// unmatched to stderr, and --apply stores the pairs.
func matchCmd(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var name string
	var apply bool
	rest, err := flags("match", args, func(fs *flag.FlagSet) {
		fs.StringVar(&name, "cohort", "", "cohort name")
		fs.BoolVar(&apply, "apply", false, "store the pairs")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("match: unexpected %q", rest[0])
	}
	if strings.TrimSpace(name) == "" {
		return usagef("match needs --cohort NAME")
	}
	cohort, err := s.CohortByName(ctx, name)
	if errors.Is(err, data.ErrNotFound) {
		return unknownCohort(ctx, s, name)
	}
	if err != nil {
		return err
	}
	applicants, err := s.Applicants(ctx, cohort.ID)
	if err != nil {
		return err
	}
	stored, err := s.Pairs(ctx, cohort.ID)
	if err != nil {
		return err
	}
	in := data.MatchInput{Applicants: applicants, Locked: lockedPairs(applicants, stored, env)}
	res, err := data.MatchContext(ctx, in)
	if err != nil {
		return fmt.Errorf("match cohort %q: %w", cohort.Name, err)
	}
	if err := writePairs(env, res); err != nil {
		return err
	}
	for _, a := range res.UnmatchedEarly {
		fmt.Fprintf(env.Stderr, "unmatched early-career: %s <%s>\n", a.Name(), a.Email)
	}
	for _, a := range res.UnmatchedExperienced {
		fmt.Fprintf(env.Stderr, "unmatched experienced: %s <%s>\n", a.Name(), a.Email)
	}
	fmt.Fprintf(env.Stderr, "%s: %d pair(s), total score %s\n", cohort.Name, len(res.Pairs), formatScore(res.Total))
	if !apply {
		return nil
	}
	pairs := make([]data.Pair, len(res.Pairs))
	for i, p := range res.Pairs {
		pairs[i] = data.Pair{CohortID: cohort.ID, EarlyID: p.Early.ID, ExperiencedID: p.Experienced.ID,
			Score: p.Score, Reasons: p.Reasons, Locked: p.Locked}
	}
	// The window's Apply runs the same operation: pairs kept keep their agreed terms, and the
	// exclusions stay as they are.
	if err := service.New(s).ApplyMatching(ctx, cohort.ID, pairs, service.Excluded(applicants)); err != nil {
		return fmt.Errorf("match cohort %q: %w", cohort.Name, err)
	}
	fmt.Fprintf(env.Stderr, "%d pair(s) saved for %s\n", len(pairs), cohort.Name)
	return nil
}

// lockedPairs are the stored pairs the director locked; a lock on an applicant since excluded
// (or moved to the other career stage) is set aside with a note, as exclusion is the later word.
func lockedPairs(applicants []data.Applicant, stored []data.Pair, env Env) [][2]int64 {
	byID := make(map[int64]data.Applicant, len(applicants))
	for _, a := range applicants {
		byID[a.ID] = a
	}
	var locked [][2]int64
	for _, p := range stored {
		if !p.Locked {
			continue
		}
		e, x := byID[p.EarlyID], byID[p.ExperiencedID]
		switch {
		case e.Excluded || x.Excluded:
			fmt.Fprintf(env.Stderr, "locked pair %s – %s set aside: excluded from matching\n", e.Name(), x.Name())
		case e.CareerStage != data.Early || x.CareerStage != data.Experienced:
			fmt.Fprintf(env.Stderr, "locked pair %s – %s set aside: career stages changed\n", e.Name(), x.Name())
		default:
			locked = append(locked, [2]int64{p.EarlyID, p.ExperiencedID})
		}
	}
	return locked
}

func writePairs(env Env, res data.MatchResult) error {
	w := csv.NewWriter(env.Stdout)
	w.Write([]string{"early_email", "experienced_email", "score", "reasons"})
	for _, p := range res.Pairs {
		w.Write([]string{guardCell(p.Early.Email), guardCell(p.Experienced.Email), formatScore(p.Score), guardCell(p.Reasons)})
	}
	w.Flush()
	return w.Error()
}

// formatScore writes a score in half-points as 2.5, 3 or 0.
func formatScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// guardCell keeps a spreadsheet from running a cell as a formula (DESIGN §5).
func guardCell(s string) string {
	if t := strings.TrimLeft(s, "'"); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}

func unknownCohort(ctx context.Context, s *sqlite.Store, name string) error {
	cs, err := s.Cohorts(ctx)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		return fmt.Errorf("match: no cohort named %q (there are no cohorts yet; import applicants first)", name)
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = strconv.Quote(c.Name)
	}
	return fmt.Errorf("match: no cohort named %q (cohorts: %s)", name, strings.Join(names, ", "))
}
