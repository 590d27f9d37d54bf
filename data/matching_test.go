package data

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMatchScore(t *testing.T) {
	ana := func(strengths, passions, growth []string) Applicant {
		return Applicant{ID: 1, FirstName: "Ana", LastName: "Díaz", CareerStage: Early, Strengths: strengths, Passions: passions, Growth: growth}
	}
	ben := func(strengths, passions, growth []string) Applicant {
		return Applicant{ID: 2, FirstName: "Ben", LastName: "Ortiz", CareerStage: Experienced, Strengths: strengths, Passions: passions, Growth: growth}
	}
	tests := []struct {
		name    string
		a, b    Applicant
		score   float64
		reasons string
	}{
		{"nothing shared scores zero",
			ana([]string{"jazz"}, []string{"choir"}, []string{"strings"}),
			ben([]string{"percussion"}, []string{"opera"}, []string{"composition"}),
			0, "no shared tags"},
		{"a strength of a meeting a growth area of b counts one",
			ana([]string{"sight-reading"}, nil, nil),
			ben(nil, nil, []string{"sight-reading"}),
			1, "Ana's strengths meet Ben's growth: sight-reading"},
		{"both directions and passions add up",
			ana([]string{"sight-reading"}, []string{"composition", "jazz"}, []string{"classroom management", "Jazz"}),
			ben([]string{"jazz", "Classroom management"}, []string{"composition"}, []string{"sight-reading"}),
			3.5, "Ana's strengths meet Ben's growth: sight-reading; Ben's strengths meet Ana's growth: Classroom management, jazz; shared passions: composition"},
		{"a shared passion counts a half",
			ana(nil, []string{"Opera", "choir"}, nil),
			ben(nil, []string{"opera", "CHOIR", "jazz"}, nil),
			1, "shared passions: choir, Opera"},
		{"tags compare trimmed and ignoring case, in the spelling of the giving side",
			ana([]string{"  Sight-Reading "}, nil, nil),
			ben(nil, nil, []string{"SIGHT-READING"}),
			1, "Ana's strengths meet Ben's growth: Sight-Reading"},
		{"a tag listed twice counts once",
			ana([]string{"jazz", "Jazz", " jazz "}, []string{"choir", "Choir"}, nil),
			ben(nil, []string{"choir", "CHOIR"}, []string{"JAZZ", "jazz"}),
			1.5, "Ana's strengths meet Ben's growth: jazz; shared passions: choir"},
		{"blank tags never match",
			ana([]string{"", "  "}, []string{" "}, nil),
			ben(nil, []string{""}, []string{" ", ""}),
			0, "no shared tags"},
		{"shared tags are listed alphabetically",
			ana([]string{"Zither", "accordion", "Bass"}, nil, nil),
			ben(nil, nil, []string{"bass", "zither", "Accordion"}),
			3, "Ana's strengths meet Ben's growth: accordion, Bass, Zither"},
		{"a missing first name is replaced by the career stage",
			Applicant{Strengths: []string{"jazz"}, Growth: []string{"choir"}},
			Applicant{Strengths: []string{"choir"}, Growth: []string{"jazz"}},
			2, "early-career's strengths meet experienced's growth: jazz; experienced's strengths meet early-career's growth: choir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, reasons := MatchScore(tt.a, tt.b)
			if score != tt.score || reasons != tt.reasons {
				t.Errorf("MatchScore = %v, %q\nwant       %v, %q", score, reasons, tt.score, tt.reasons)
			}
		})
	}
}

func teacher(id int64, stage CareerStage, last string, strengths, growth []string) Applicant {
	return Applicant{ID: id, FirstName: "T" + fmt.Sprint(id), LastName: last, Email: fmt.Sprintf("t%d@example.org", id),
		CareerStage: stage, Strengths: strengths, Growth: growth}
}

func pairIDs(r MatchResult) [][3]int64 {
	var out [][3]int64
	for _, p := range r.Pairs {
		locked := int64(0)
		if p.Locked {
			locked = 1
		}
		out = append(out, [3]int64{p.Early.ID, p.Experienced.ID, locked})
	}
	return out
}

func applicantIDs(list []Applicant) []int64 {
	var out []int64
	for _, a := range list {
		out = append(out, a.ID)
	}
	return out
}

func TestMatch(t *testing.T) {
	jazz, choir, strings_ := []string{"jazz"}, []string{"choir"}, []string{"strings"}

	t.Run("the largest total wins over the best single pair", func(t *testing.T) {
		// Ada scores 2 with either; giving her Bea leaves Cy with nothing, so Ada–Dan, Cy–Bea make 3.
		res, err := Match(MatchInput{Applicants: []Applicant{
			teacher(1, Early, "Ada", nil, []string{"jazz", "choir", "strings"}),
			teacher(2, Early, "Cy", nil, jazz),
			teacher(3, Experienced, "Bea", []string{"jazz", "choir"}, nil),
			teacher(4, Experienced, "Dan", []string{"choir", "strings"}, nil),
		}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pairIDs(res), [][3]int64{{1, 4, 0}, {2, 3, 0}}; !reflect.DeepEqual(got, want) {
			t.Errorf("pairs %v, want %v", got, want)
		}
		if res.Total != 3 {
			t.Errorf("total %v, want 3", res.Total)
		}
	})

	t.Run("a locked pair is kept even when another pairing would score more", func(t *testing.T) {
		res, err := Match(MatchInput{
			Applicants: []Applicant{
				teacher(1, Early, "Ada", nil, jazz),
				teacher(2, Early, "Cy", nil, choir),
				teacher(3, Experienced, "Bea", jazz, nil),
				teacher(4, Experienced, "Dan", choir, nil),
			},
			Locked: [][2]int64{{1, 4}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pairIDs(res), [][3]int64{{1, 4, 1}, {2, 3, 0}}; !reflect.DeepEqual(got, want) {
			t.Errorf("pairs %v, want %v", got, want)
		}
		if res.Total != 0 {
			t.Errorf("total %v, want 0", res.Total)
		}
	})

	t.Run("excluded applicants are left out", func(t *testing.T) {
		bea := teacher(3, Experienced, "Bea", jazz, nil)
		bea.Excluded = true
		res, err := Match(MatchInput{Applicants: []Applicant{
			teacher(1, Early, "Ada", nil, jazz), bea, teacher(4, Experienced, "Dan", strings_, nil),
		}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pairIDs(res), [][3]int64{{1, 4, 0}}; !reflect.DeepEqual(got, want) {
			t.Errorf("pairs %v, want %v", got, want)
		}
		if len(res.UnmatchedEarly)+len(res.UnmatchedExperienced) != 0 {
			t.Errorf("unmatched %v %v, want none", res.UnmatchedEarly, res.UnmatchedExperienced)
		}
	})

	t.Run("the surplus of the larger side is listed in name order", func(t *testing.T) {
		res, err := Match(MatchInput{Applicants: []Applicant{
			teacher(1, Early, "Young", nil, nil),
			teacher(2, Early, "abbott", nil, jazz),
			teacher(3, Early, "Moss", nil, nil),
			teacher(4, Experienced, "Bea", jazz, nil),
		}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pairIDs(res), [][3]int64{{2, 4, 0}}; !reflect.DeepEqual(got, want) {
			t.Errorf("pairs %v, want %v", got, want)
		}
		if got, want := applicantIDs(res.UnmatchedEarly), []int64{3, 1}; !reflect.DeepEqual(got, want) {
			t.Errorf("unmatched early %v, want %v", got, want)
		}
	})

	t.Run("pairs sharing nothing are still made", func(t *testing.T) {
		res, err := Match(MatchInput{Applicants: []Applicant{
			teacher(1, Early, "Ada", nil, nil),
			teacher(2, Experienced, "Bea", nil, nil),
		}})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Pairs) != 1 || res.Pairs[0].Score != 0 || res.Pairs[0].Reasons != "no shared tags" {
			t.Errorf("pairs %+v, want one pair scoring 0", res.Pairs)
		}
	})

	t.Run("an empty cohort matches nobody", func(t *testing.T) {
		res, err := Match(MatchInput{})
		if err != nil || len(res.Pairs) != 0 || res.Total != 0 {
			t.Errorf("Match = %+v, %v; want nothing", res, err)
		}
	})
}

func TestMatchRejects(t *testing.T) {
	cohort := func() []Applicant {
		out := []Applicant{
			teacher(1, Early, "Ada", nil, nil),
			teacher(2, Early, "Cy", nil, nil),
			teacher(3, Experienced, "Bea", nil, nil),
			teacher(4, Experienced, "Dan", nil, nil),
			teacher(5, Experienced, "Eve", nil, nil),
		}
		out[4].Excluded = true
		return out
	}
	tests := []struct {
		name   string
		edit   func([]Applicant) []Applicant
		locked [][2]int64
		want   string
	}{
		{"a lock naming an unknown applicant", nil, [][2]int64{{1, 9}}, "applicant #9 is not in the cohort"},
		{"a lock naming an excluded applicant", nil, [][2]int64{{1, 5}}, "T5 Eve (#5) is excluded from matching"},
		{"a lock with the sides swapped", nil, [][2]int64{{3, 1}}, "T3 Bea (#3) is not early-career"},
		{"a lock of two early-career teachers", nil, [][2]int64{{1, 2}}, "T2 Cy (#2) is not experienced"},
		{"an applicant in two locks", nil, [][2]int64{{1, 3}, {2, 3}}, "T3 Bea (#3) is in more than one locked pair"},
		{"the same lock twice", nil, [][2]int64{{1, 3}, {1, 3}}, "T1 Ada (#1) is in more than one locked pair"},
		{"two applicants with one ID",
			func(a []Applicant) []Applicant { return append(a, teacher(2, Experienced, "Fay", nil, nil)) },
			nil, "applicant #2 appears twice"},
		{"an applicant without a career stage",
			func(a []Applicant) []Applicant { a[1].CareerStage = ""; return a },
			nil, "T2 Cy (#2) has no career stage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			applicants := cohort()
			if tt.edit != nil {
				applicants = tt.edit(applicants)
			}
			_, err := Match(MatchInput{Applicants: applicants, Locked: tt.locked})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// randomCohort draws a small cohort with a tiny vocabulary, so that ties and overlaps abound,
// spelt in varying case and spacing, with some exclusions and locks.
func randomCohort(r *rand.Rand) MatchInput {
	vocab := []string{"jazz", "sight-reading", "classroom management", "composition", "choir", "strings"}
	tags := func() []string {
		var out []string
		for range r.IntN(5) {
			t := vocab[r.IntN(len(vocab))]
			if r.IntN(3) == 0 {
				t = strings.ToUpper(t[:1]) + t[1:]
			}
			if r.IntN(4) == 0 {
				t = " " + t + "  "
			}
			out = append(out, t)
		}
		return out
	}
	blank := r.IntN(8) == 0 // a cohort where every score is zero
	var in MatchInput
	var early, exp []int64
	ids := r.Perm(100)
	for k, stage := range []CareerStage{Early, Experienced} {
		for range r.IntN(9) {
			id := int64(ids[0] + 1)
			ids = ids[1:]
			a := Applicant{ID: id, FirstName: fmt.Sprint("F", r.IntN(3)), LastName: fmt.Sprint("L", r.IntN(3)),
				Email: fmt.Sprintf("t%d@example.org", id), CareerStage: stage, Excluded: r.IntN(7) == 0}
			if !blank {
				a.Strengths, a.Passions, a.Growth = tags(), tags(), tags()
			}
			in.Applicants = append(in.Applicants, a)
			if !a.Excluded {
				if k == 0 {
					early = append(early, id)
				} else {
					exp = append(exp, id)
				}
			}
		}
	}
	for range r.IntN(3) {
		if len(early) == 0 || len(exp) == 0 {
			break
		}
		i, j := r.IntN(len(early)), r.IntN(len(exp))
		in.Locked = append(in.Locked, [2]int64{early[i], exp[j]})
		early = slices.Delete(early, i, i+1)
		exp = slices.Delete(exp, j, j+1)
	}
	r.Shuffle(len(in.Applicants), func(i, j int) { in.Applicants[i], in.Applicants[j] = in.Applicants[j], in.Applicants[i] })
	return in
}

// bestTotal is the largest total score over every one-to-one pairing of early with exp, by
// trying them all (memoised on the set of experienced applicants already paired).
func bestTotal(early, exp []Applicant) float64 {
	memo := map[[2]int]float64{}
	var best func(i, used int) float64
	best = func(i, used int) float64 {
		if i == len(early) {
			return 0
		}
		if v, ok := memo[[2]int{i, used}]; ok {
			return v
		}
		v := best(i+1, used) // scores are never negative, so leaving one out never gains
		for j := range exp {
			if used&(1<<j) == 0 {
				s, _ := MatchScore(early[i], exp[j])
				v = max(v, s+best(i+1, used|1<<j))
			}
		}
		memo[[2]int{i, used}] = v
		return v
	}
	return best(0, 0)
}

func TestMatchIsOptimalOnRandomCohorts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2026))
	for n := range 600 {
		in := randomCohort(r)
		t.Run(fmt.Sprint("cohort ", n), func(t *testing.T) {
			res, err := Match(in)
			if err != nil {
				t.Fatal(err)
			}
			lockOf := map[int64]int64{}
			for _, l := range in.Locked {
				lockOf[l[0]] = l[1]
			}
			seen := map[int64]int{}
			var freeEarly, freeExp []Applicant
			sum, lockedSum, locked := 0.0, 0.0, 0
			for _, p := range res.Pairs {
				seen[p.Early.ID]++
				seen[p.Experienced.ID]++
				if p.Early.CareerStage != Early || p.Experienced.CareerStage != Experienced {
					t.Errorf("pair %d–%d has the wrong career stages", p.Early.ID, p.Experienced.ID)
				}
				if want, ok := lockOf[p.Early.ID]; ok != p.Locked || (ok && want != p.Experienced.ID) {
					t.Errorf("pair %d–%d locked=%v does not follow the locks %v", p.Early.ID, p.Experienced.ID, p.Locked, in.Locked)
				}
				score, reasons := MatchScore(p.Early, p.Experienced)
				if p.Score != score || p.Reasons != reasons {
					t.Errorf("pair %d–%d shows %v %q, MatchScore says %v %q", p.Early.ID, p.Experienced.ID, p.Score, p.Reasons, score, reasons)
				}
				sum += p.Score
				if p.Locked {
					locked++
					lockedSum += p.Score
				} else {
					freeEarly = append(freeEarly, p.Early)
					freeExp = append(freeExp, p.Experienced)
				}
			}
			for _, a := range res.UnmatchedEarly {
				seen[a.ID]++
				freeEarly = append(freeEarly, a)
			}
			for _, a := range res.UnmatchedExperienced {
				seen[a.ID]++
				freeExp = append(freeExp, a)
			}
			for _, a := range in.Applicants {
				if want := map[bool]int{true: 0, false: 1}[a.Excluded]; seen[a.ID] != want {
					t.Errorf("applicant %d (excluded %v) appears %d times, want %d", a.ID, a.Excluded, seen[a.ID], want)
				}
			}
			if locked != len(in.Locked) {
				t.Errorf("%d locked pairs, want %d", locked, len(in.Locked))
			}
			if len(res.UnmatchedEarly) > 0 && len(res.UnmatchedExperienced) > 0 {
				t.Errorf("both sides left unmatched applicants: %d early, %d experienced", len(res.UnmatchedEarly), len(res.UnmatchedExperienced))
			}
			if res.Total != sum {
				t.Errorf("total %v, but the pairs add up to %v", res.Total, sum)
			}
			if want := lockedSum + bestTotal(freeEarly, freeExp); res.Total != want {
				t.Errorf("total %v, want the best possible %v", res.Total, want)
			}
			if !slices.IsSortedFunc(res.Pairs, func(p, q SuggestedPair) int { return compareApplicants(p.Early, q.Early) }) {
				t.Errorf("pairs are not in name order")
			}

			shuffled := in
			shuffled.Applicants = slices.Clone(in.Applicants)
			rs := rand.New(rand.NewPCG(uint64(n), 7))
			rs.Shuffle(len(shuffled.Applicants), func(i, j int) {
				shuffled.Applicants[i], shuffled.Applicants[j] = shuffled.Applicants[j], shuffled.Applicants[i]
			})
			if again, _ := Match(shuffled); !reflect.DeepEqual(again, res) {
				t.Errorf("the applicants' order changed the matching:\n%v\n%v", pairIDs(res), pairIDs(again))
			}
		})
	}
}

// largeCohort is n early-career and n experienced applicants over a 30-tag vocabulary, each
// listing 3 to 6 strengths, passions and growth areas.
func largeCohort(n int) MatchInput {
	r := rand.New(rand.NewPCG(2026, 1000))
	vocab := make([]string, 30)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("Topic %02d", i)
	}
	tags := func() []string {
		out := make([]string, 3+r.IntN(4))
		for i := range out {
			out[i] = vocab[r.IntN(len(vocab))]
		}
		return out
	}
	var in MatchInput
	for i := range 2 * n {
		stage := Early
		if i >= n {
			stage = Experienced
		}
		in.Applicants = append(in.Applicants, Applicant{ID: int64(i + 1), FirstName: fmt.Sprint("F", r.IntN(50)),
			LastName: fmt.Sprint("L", r.IntN(200)), Email: fmt.Sprintf("t%d@example.org", i+1), CareerStage: stage,
			Strengths: tags(), Passions: tags(), Growth: tags()})
	}
	return in
}

func TestMatch1000x1000(t *testing.T) {
	if testing.Short() {
		t.Skip("a thousand by a thousand takes a while under -short")
	}
	in := largeCohort(1000)
	start := time.Now()
	res, err := Match(in)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("1000 × 1000 matched in %v, total %v", time.Since(start), res.Total)
	if len(res.Pairs) != 1000 || len(res.UnmatchedEarly)+len(res.UnmatchedExperienced) != 0 {
		t.Errorf("%d pairs and %d+%d unmatched, want 1000 pairs", len(res.Pairs), len(res.UnmatchedEarly), len(res.UnmatchedExperienced))
	}
	partner := map[int64]bool{}
	for _, p := range res.Pairs {
		partner[p.Experienced.ID] = true
	}
	if len(partner) != 1000 {
		t.Errorf("%d distinct experienced partners, want 1000", len(partner))
	}
}

func TestMatchStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MatchContext(ctx, largeCohort(200)); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func BenchmarkMatch1000x1000(b *testing.B) {
	in := largeCohort(1000)
	for b.Loop() {
		if _, err := Match(in); err != nil {
			b.Fatal(err)
		}
	}
}
