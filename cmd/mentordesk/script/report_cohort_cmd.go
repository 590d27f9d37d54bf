package script

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	pdf "mentordesk/app/report"
	"mentordesk/app/report/compose"
	"mentordesk/data"
	"mentordesk/data/sqlite"
)

// The Mutual Mentorship documents: a pair's introduction letter and a cohort's overview.

// cohortFlag finds a cohort by name; an unknown one is named with the cohorts there are.
func cohortFlag(ctx context.Context, s *sqlite.Store, kind, name string) (data.Cohort, error) {
	c, err := s.CohortByName(ctx, strings.TrimSpace(name))
	if !errors.Is(err, data.ErrNotFound) {
		return c, err
	}
	cs, err := s.Cohorts(ctx)
	if err != nil {
		return c, err
	}
	var names []string
	for _, x := range cs {
		names = append(names, strconv.Quote(x.Name))
	}
	if len(names) == 0 {
		return c, fmt.Errorf("report %s --cohort: no cohort named %q (there are no cohorts yet)", kind, name)
	}
	return c, fmt.Errorf("report %s --cohort: no cohort named %q (cohorts: %s)", kind, name, strings.Join(names, ", "))
}

func reportIntroduction(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var cohort, email, out string
	if err := reportFlags("introduction", args, func(fs *flag.FlagSet) {
		fs.StringVar(&cohort, "cohort", "", "cohort name")
		fs.StringVar(&email, "email", "", "e-mail of either teacher of the pair")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"cohort": &cohort, "email": &email, "out": &out}); err != nil {
		return err
	}
	c, err := cohortFlag(ctx, s, "introduction", cohort)
	if err != nil {
		return err
	}
	doc, ok, err := compose.GatherIntroduction(ctx, documents(s), reportToday(env), c.ID, func(p pdf.CohortPair) bool {
		return strings.EqualFold(p.Early.Email, strings.TrimSpace(email)) || strings.EqualFold(p.Experienced.Email, strings.TrimSpace(email))
	})
	if err != nil {
		return err
	}
	if ok {
		return writeReport(s, "introduction", out, doc, env)
	}
	return fmt.Errorf("report introduction --email: nobody with the e-mail %q has a partner in the cohort %q (match it first)", email, c.Name)
}

func reportCohort(ctx context.Context, s *sqlite.Store, args []string, env Env) error {
	var cohort, out string
	if err := reportFlags("cohort", args, func(fs *flag.FlagSet) {
		fs.StringVar(&cohort, "cohort", "", "cohort name")
		fs.StringVar(&out, "out", "", "the PDF to write")
	}, map[string]*string{"cohort": &cohort, "out": &out}); err != nil {
		return err
	}
	c, err := cohortFlag(ctx, s, "cohort", cohort)
	if err != nil {
		return err
	}
	doc, err := compose.GatherCohort(ctx, documents(s), reportToday(env), c.ID)
	if err != nil {
		return err
	}
	return writeReport(s, "cohort", out, doc, env)
}
