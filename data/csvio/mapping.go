package csvio

import (
	"fmt"
	"slices"
	"strings"
)

// Mapping says how a file made elsewhere — a Google or Microsoft Forms export, an old roster —
// becomes a kind's columns: which column each file header is, what a choice column's answers
// mean, and what fills a column the file lacks.
type Mapping struct {
	Columns map[string]string            // file header (folded) → column; "" leaves the file's column out
	Answers map[string]map[string]string // column → answer (folded) → value
	Set     map[string]string            // column → the value of every row
}

// Empty reports whether the mapping changes nothing.
func (m Mapping) Empty() bool { return len(m.Columns) == 0 && len(m.Answers) == 0 && len(m.Set) == 0 }

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// ParseMapping reads the --map text of the scripting interface: items separated by ";", each
// `File header=column` (an empty column leaves that file column out) or `column:Answer=value`
// for an answer of a choice column ("career_stage:Early career (0–5 years)=early"). sets are
// the --set items, `column=value`.
func ParseMapping(kind Kind, mapText string, sets []string) (Mapping, error) {
	cols := columns[kind]
	m := Mapping{Columns: map[string]string{}, Answers: map[string]map[string]string{}, Set: map[string]string{}}
	for _, item := range strings.Split(mapText, ";") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		i := strings.LastIndex(item, "=")
		if i < 0 {
			return Mapping{}, fmt.Errorf("--map: %q has no \"=\" (write \"File header=column\")", item)
		}
		left, right := strings.TrimSpace(item[:i]), strings.ToLower(strings.TrimSpace(item[i+1:]))
		if col, answer, ok := strings.Cut(left, ":"); ok && contains(cols, fold(col)) && !contains(cols, right) && right != "" {
			if m.Answers[fold(col)] == nil {
				m.Answers[fold(col)] = map[string]string{}
			}
			m.Answers[fold(col)][fold(answer)] = right
			continue
		}
		if left == "" {
			return Mapping{}, fmt.Errorf("--map: %q names no file header", item)
		}
		if right != "" && !contains(cols, right) {
			return Mapping{}, fmt.Errorf("--map: %q is not a column of %s files (%s)", right, kind, strings.Join(cols, ", "))
		}
		m.Columns[fold(left)] = right
	}
	for _, s := range sets {
		col, v, ok := strings.Cut(s, "=")
		col = fold(col)
		if !ok || !contains(cols, col) {
			return Mapping{}, fmt.Errorf("--set: %q is not column=value with a column of %s files (%s)", s, kind, strings.Join(cols, ", "))
		}
		m.Set[col] = strings.TrimSpace(v)
	}
	return m, nil
}

// String writes the mapping back in --map and --set form, in a fixed order, so a mapping can
// be remembered and shown.
func (m Mapping) String() string {
	var items []string
	for _, h := range sortedKeys(m.Columns) {
		items = append(items, h+"="+m.Columns[h])
	}
	for _, c := range sortedKeys(m.Answers) {
		for _, a := range sortedKeys(m.Answers[c]) {
			items = append(items, c+":"+a+"="+m.Answers[c][a])
		}
	}
	s := strings.Join(items, ";")
	for _, c := range sortedKeys(m.Set) {
		s += "\n" + c + "=" + m.Set[c]
	}
	return s
}

// ParseRemembered reads what String wrote.
func ParseRemembered(kind Kind, s string) (Mapping, error) {
	lines := strings.Split(s, "\n")
	return ParseMapping(kind, lines[0], lines[1:])
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// HeaderKey identifies a file's header for remembering its mapping: the folded header cells.
func HeaderKey(header []string) string {
	out := make([]string, 0, len(header))
	for _, h := range header {
		out = append(out, fold(h))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\x1f")
}

// synonyms are the words forms use for a column.
var synonyms = map[string][]string{
	"email":          {"email address", "e-mail", "e-mail address", "your email"},
	"first_name":     {"first", "given name", "forename"},
	"last_name":      {"last", "surname", "family name"},
	"phone":          {"phone number", "telephone", "mobile", "cell"},
	"career_stage":   {"career stage", "stage of career", "experience level"},
	"years_teaching": {"years teaching", "years of teaching", "how many years"},
	"strengths":      {"strength"},
	"passions":       {"passion", "interests"},
	"growth":         {"grow", "growth areas", "areas to grow", "want to grow", "improve"},
	"school":         {"school name", "your school"},
	"instruments":    {"instrument", "areas of expertise"},
	"bio":            {"biography", "about you"},
}

// SuggestColumn proposes the column of a kind a file header means, from its words; "" when
// none fits.
func SuggestColumn(kind Kind, header string) string {
	h := fold(strings.NewReplacer("_", " ", "?", " ", ":", " ", "*", " ", "(", " ", ")", " ").Replace(header))
	h = strings.Join(strings.Fields(h), " ")
	cols := columns[kind]
	for _, c := range cols {
		if h == strings.ReplaceAll(c, "_", " ") || h == c {
			return c
		}
	}
	for _, c := range cols {
		for _, s := range synonyms[c] {
			if h == s {
				return c
			}
		}
	}
	best, bestLen := "", 0
	for _, c := range cols {
		for _, w := range append([]string{strings.ReplaceAll(c, "_", " ")}, synonyms[c]...) {
			if len(w) > bestLen && containsWords(h, w) {
				best, bestLen = c, len(w)
			}
		}
	}
	return best
}

func containsWords(h, w string) bool {
	return h == w || strings.HasPrefix(h, w+" ") || strings.HasSuffix(h, " "+w) || strings.Contains(h, " "+w+" ")
}
