package data

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// MatchScore is R11's score of the early-career applicant a with the experienced applicant b:
// |strengths(a) ∩ growth(b)| + |strengths(b) ∩ growth(a)| + 0.5 × |passions(a) ∩ passions(b)|,
// tags compared trimmed and case-insensitively. reasons names the shared tags, for example
// "Ana's strengths meet Ben's growth: sight-reading; shared passions: composition".
func MatchScore(a, b Applicant) (score float64, reasons string) {
	halves, reasons := matchHalves(a, b)
	return float64(halves) / 2, reasons
}

// matchHalves scores in half-points so that sums and comparisons stay exact.
func matchHalves(a, b Applicant) (int, string) {
	aGives := sharedTags(a.Strengths, b.Growth)
	bGives := sharedTags(b.Strengths, a.Growth)
	passions := sharedTags(a.Passions, b.Passions)
	var parts []string
	if len(aGives) > 0 {
		parts = append(parts, fmt.Sprintf("%s's strengths meet %s's growth: %s",
			firstName(a, "early-career"), firstName(b, "experienced"), strings.Join(aGives, ", ")))
	}
	if len(bGives) > 0 {
		parts = append(parts, fmt.Sprintf("%s's strengths meet %s's growth: %s",
			firstName(b, "experienced"), firstName(a, "early-career"), strings.Join(bGives, ", ")))
	}
	if len(passions) > 0 {
		parts = append(parts, "shared passions: "+strings.Join(passions, ", "))
	}
	if len(parts) == 0 {
		return 0, "no shared tags"
	}
	return 2*(len(aGives)+len(bGives)) + len(passions), strings.Join(parts, "; ")
}

func firstName(a Applicant, otherwise string) string {
	if n := strings.TrimSpace(a.FirstName); n != "" {
		return n
	}
	return otherwise
}

// tagKey is the form in which R11 compares tags.
func tagKey(t string) string { return strings.ToLower(strings.TrimSpace(t)) }

// sharedTags lists the tags of from that also appear in to, each once, in from's spelling,
// sorted by their compared form.
func sharedTags(from, to []string) []string {
	in := make(map[string]bool, len(to))
	for _, t := range to {
		in[tagKey(t)] = true
	}
	type tag struct{ key, text string }
	var shared []tag
	for _, t := range from {
		k := tagKey(t)
		if k != "" && in[k] {
			shared = append(shared, tag{k, strings.TrimSpace(t)})
			delete(in, k) // a tag listed twice counts once
		}
	}
	slices.SortFunc(shared, func(x, y tag) int { return strings.Compare(x.key, y.key) })
	out := make([]string, len(shared))
	for i, t := range shared {
		out[i] = t.text
	}
	return out
}

// MatchInput is one cohort's applicants and the pairs the director has locked.
type MatchInput struct {
	Applicants []Applicant
	Locked     [][2]int64 // (early-career ID, experienced ID)
}

// SuggestedPair is one pair of a matching, with the score and shared tags that justify it.
type SuggestedPair struct {
	Early, Experienced Applicant
	Score              float64
	Reasons            string
	Locked             bool
}

// MatchResult is a cohort's matching: its pairs ordered by the early-career teacher's name,
// the applicants left over when the two sides differ in size, and the summed score.
type MatchResult struct {
	Pairs                                []SuggestedPair
	UnmatchedEarly, UnmatchedExperienced []Applicant
	Total                                float64
}

// Match is MatchContext without cancellation.
func Match(in MatchInput) (MatchResult, error) { return MatchContext(context.Background(), in) }

// MatchContext applies R11 to a cohort: locked pairs are kept, excluded applicants are left
// out, and the other early-career applicants are paired one-to-one with the other experienced
// ones so that the total score is the largest possible. As many pairs are made as the smaller
// side allows, even where a pair shares no tag. Equal totals are settled by applicant order
// (last name, first name, e-mail, ID), never by the order of in.Applicants. Applicant IDs
// must be distinct. It stops with ctx.Err() when ctx is cancelled.
func MatchContext(ctx context.Context, in MatchInput) (MatchResult, error) {
	byID := make(map[int64]Applicant, len(in.Applicants))
	for _, a := range in.Applicants {
		if _, dup := byID[a.ID]; dup {
			return MatchResult{}, fmt.Errorf("applicant #%d appears twice", a.ID)
		}
		if !a.Excluded && a.CareerStage != Early && a.CareerStage != Experienced {
			return MatchResult{}, fmt.Errorf("%s has no career stage (early, experienced)", who(a))
		}
		byID[a.ID] = a
	}

	var res MatchResult
	total := 0
	locked := make(map[int64]bool, 2*len(in.Locked))
	for _, l := range in.Locked {
		early, exp, err := lockedPair(byID, l, locked)
		if err != nil {
			return MatchResult{}, err
		}
		halves, reasons := matchHalves(early, exp)
		total += halves
		res.Pairs = append(res.Pairs, SuggestedPair{early, exp, float64(halves) / 2, reasons, true})
	}

	var early, exp []Applicant
	for _, a := range in.Applicants {
		switch {
		case a.Excluded || locked[a.ID]:
		case a.CareerStage == Early:
			early = append(early, a)
		default:
			exp = append(exp, a)
		}
	}
	slices.SortFunc(early, compareApplicants)
	slices.SortFunc(exp, compareApplicants)

	expFor, err := bestAssignment(ctx, early, exp)
	if err != nil {
		return MatchResult{}, err
	}
	taken := make([]bool, len(exp))
	for i, a := range early {
		j := expFor[i]
		if j < 0 {
			res.UnmatchedEarly = append(res.UnmatchedEarly, a)
			continue
		}
		taken[j] = true
		halves, reasons := matchHalves(a, exp[j])
		total += halves
		res.Pairs = append(res.Pairs, SuggestedPair{a, exp[j], float64(halves) / 2, reasons, false})
	}
	for j, b := range exp {
		if !taken[j] {
			res.UnmatchedExperienced = append(res.UnmatchedExperienced, b)
		}
	}
	slices.SortFunc(res.Pairs, func(p, q SuggestedPair) int { return compareApplicants(p.Early, q.Early) })
	res.Total = float64(total) / 2
	return res, nil
}

// lockedPair checks one lock against the cohort and the locks before it, recorded in seen.
func lockedPair(byID map[int64]Applicant, l [2]int64, seen map[int64]bool) (Applicant, Applicant, error) {
	var pair [2]Applicant
	for k, want := range [2]CareerStage{Early, Experienced} {
		a, ok := byID[l[k]]
		switch {
		case !ok:
			return Applicant{}, Applicant{}, fmt.Errorf("locked pair #%d–#%d: applicant #%d is not in the cohort", l[0], l[1], l[k])
		case a.Excluded:
			return Applicant{}, Applicant{}, fmt.Errorf("locked pair #%d–#%d: %s is excluded from matching", l[0], l[1], who(a))
		case a.CareerStage != want:
			return Applicant{}, Applicant{}, fmt.Errorf("locked pair #%d–#%d: %s is not %s", l[0], l[1], who(a), stageWords(want))
		case seen[a.ID]:
			return Applicant{}, Applicant{}, fmt.Errorf("%s is in more than one locked pair", who(a))
		}
		pair[k] = a
	}
	seen[l[0]], seen[l[1]] = true, true
	return pair[0], pair[1], nil
}

func stageWords(s CareerStage) string {
	if s == Early {
		return "early-career"
	}
	return "experienced"
}

func who(a Applicant) string { return fmt.Sprintf("%s (#%d)", a.Name(), a.ID) }

// compareApplicants orders by last name, first name and e-mail, ignoring case, then by ID.
func compareApplicants(a, b Applicant) int {
	return cmp.Or(
		strings.Compare(strings.ToLower(a.LastName), strings.ToLower(b.LastName)),
		strings.Compare(strings.ToLower(a.FirstName), strings.ToLower(b.FirstName)),
		strings.Compare(NormalizeEmail(a.Email), NormalizeEmail(b.Email)),
		cmp.Compare(a.ID, b.ID),
	)
}

// bestAssignment returns, for each early-career applicant, the index of its experienced
// partner in exp, or -1 when the early side is the larger and it is left over.
func bestAssignment(ctx context.Context, early, exp []Applicant) ([]int, error) {
	expFor := make([]int, len(early))
	for i := range expFor {
		expFor[i] = -1
	}
	if len(early) == 0 || len(exp) == 0 {
		return expFor, nil
	}
	tags := newTagSets(early, exp)
	// The assignment wants no more rows than columns, so the smaller side is the rows.
	rowsAreEarly := len(early) <= len(exp)
	rows, cols := len(exp), len(early)
	if rowsAreEarly {
		rows, cols = cols, rows
	}
	cost := make([]int32, rows*cols)
	best := int32(0)
	for r := range rows {
		if r%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for c := range cols {
			i, j := r, c
			if !rowsAreEarly {
				i, j = c, r
			}
			h := tags.halves(i, j)
			cost[r*cols+c] = h
			best = max(best, h)
		}
	}
	// Turning score into a non-negative cost: every row is assigned, so the least total cost
	// is the largest total score.
	for k, h := range cost {
		cost[k] = best - h
	}
	colFor, err := assign(ctx, cost, rows, cols)
	if err != nil {
		return nil, err
	}
	for r, c := range colFor {
		if rowsAreEarly {
			expFor[r] = c
		} else {
			expFor[c] = r
		}
	}
	return expFor, nil
}

// tagSets holds every applicant's strengths, passions and growth as bitsets over one
// vocabulary, so that scoring a million pairs is a few ANDs and popcounts.
type tagSets struct {
	words      int      // uint64 words per set
	early, exp []uint64 // per applicant: strengths, passions, growth, each `words` long
}

func newTagSets(early, exp []Applicant) tagSets {
	vocab := map[string]int{}
	for _, side := range [][]Applicant{early, exp} {
		for _, a := range side {
			for _, list := range [][]string{a.Strengths, a.Passions, a.Growth} {
				for _, t := range list {
					if k := tagKey(t); k != "" {
						if _, ok := vocab[k]; !ok {
							vocab[k] = len(vocab)
						}
					}
				}
			}
		}
	}
	words := max(1, (len(vocab)+63)/64)
	encode := func(side []Applicant) []uint64 {
		sets := make([]uint64, len(side)*3*words)
		for i, a := range side {
			for l, list := range [][]string{a.Strengths, a.Passions, a.Growth} {
				set := sets[(i*3+l)*words : (i*3+l+1)*words]
				for _, t := range list {
					if k := tagKey(t); k != "" {
						id := vocab[k]
						set[id/64] |= 1 << (id % 64)
					}
				}
			}
		}
		return sets
	}
	return tagSets{words: words, early: encode(early), exp: encode(exp)}
}

// halves is matchHalves of early applicant i with experienced applicant j, without reasons.
func (t tagSets) halves(i, j int) int32 {
	w := t.words
	a := t.early[i*3*w : (i+1)*3*w]
	b := t.exp[j*3*w : (j+1)*3*w]
	n := 0
	for k := range w {
		aStr, aPas, aGro := a[k], a[w+k], a[2*w+k]
		bStr, bPas, bGro := b[k], b[w+k], b[2*w+k]
		n += 2*(bits.OnesCount64(aStr&bGro)+bits.OnesCount64(bStr&aGro)) + bits.OnesCount64(aPas&bPas)
	}
	return int32(n)
}
