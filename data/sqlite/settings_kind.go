package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos are JPEG or PNG
	_ "image/png"
	"regexp"
	"strconv"
	"strings"

	"mentordesk/data"
	"mentordesk/data/csvio"
)

// settingRows are the organisation's settings as the settings kind writes them: the keys of
// §4, the roster review's thresholds, and the logo when there is one.
func (s *Store) settingRows(ctx context.Context) ([]csvio.Setting, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	var rows []csvio.Setting
	for _, k := range data.SettingKeys {
		v, _ := set.Get(k)
		rows = append(rows, csvio.Setting{Key: k, Value: v})
	}
	t, err := s.ReviewThresholds(ctx)
	if err != nil {
		return nil, err
	}
	rows = append(rows,
		csvio.Setting{Key: keyMinFeedback, Value: strconv.FormatFloat(t.MinFeedback, 'f', -1, 64)},
		csvio.Setting{Key: keyMinSurvey, Value: strconv.FormatFloat(t.MinSurvey, 'f', -1, 64)},
		csvio.Setting{Key: keyMaxPunctuality, Value: strconv.Itoa(t.MaxPunctualityProblems)})
	if len(set.OrgLogo) > 0 {
		rows = append(rows, csvio.Setting{Key: csvio.LogoKey, Logo: set.OrgLogo})
	}
	clauses, err := s.ContractClauses(ctx)
	if err != nil {
		return nil, err
	}
	for i, c := range clauses {
		rows = append(rows, csvio.Setting{Key: clauseKey(i+1, "heading"), Value: c.Heading},
			csvio.Setting{Key: clauseKey(i+1, "text"), Value: c.Text})
	}
	return rows, nil
}

// The director's contract clauses travel as two rows each: contract.clause.N.heading and
// contract.clause.N.text, N from 1.
var clauseRow = regexp.MustCompile(`^contract\.clause\.([0-9]+)\.(heading|text)$`)

func clauseKey(n int, part string) string { return fmt.Sprintf("contract.clause.%d.%s", n, part) }

// clauseRows gathers the clause rows of a settings file.
type clauseRows struct {
	byNumber map[int]*ContractClause
	lines    map[int]int // clause number → the line of its last row
	last     int
}

func (c *clauseRows) add(line int, key, value string) bool {
	m := clauseRow.FindStringSubmatch(key)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	if c.byNumber == nil {
		c.byNumber, c.lines = map[int]*ContractClause{}, map[int]int{}
	}
	if c.byNumber[n] == nil {
		c.byNumber[n] = &ContractClause{}
	}
	if m[2] == "heading" {
		c.byNumber[n].Heading = value
	} else {
		c.byNumber[n].Text = value
	}
	c.lines[n], c.last = line, max(c.last, line)
	return true
}

// store checks the clauses as the contract screen does and saves them in place of the old ones.
func (c *clauseRows) store(im *importer) error {
	if c.byNumber == nil {
		return nil
	}
	n := 0
	for k := range c.byNumber {
		n = max(n, k)
	}
	list := make([]ContractClause, n)
	for i := range list {
		x, ok := c.byNumber[i+1]
		if !ok {
			im.fail(c.last, "key", "%s and %s are missing: clauses are numbered from 1 without gaps", clauseKey(i+1, "heading"), clauseKey(i+1, "text"))
			return nil
		}
		list[i] = *x
	}
	if ps := data.CheckContractClauses(list); len(ps) > 0 {
		for _, p := range ps {
			line := c.last
			var k int
			if _, err := fmt.Sscanf(p.Field, "clauses[%d]", &k); err == nil && c.lines[k] != 0 {
				line = c.lines[k]
			}
			im.fail(line, "value", "%s: %s", p.Field, p.Problem)
		}
		return nil
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	_, err = im.tx.ExecContext(im.ctx, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", keyContractClauses, string(b))
	return err
}

// settings imports settings rows: each value is checked as `settings set` checks it, and only
// the keys the file names change.
func (im *importer) settings(recs []csvio.Record[csvio.Setting]) error {
	upsert := func(table, key string, value any) error {
		_, err := im.tx.ExecContext(im.ctx, "INSERT INTO "+table+"(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
		return err
	}
	thresholds := data.DefaultReviewThresholds()
	var clauses clauseRows
	for _, r := range recs {
		x := r.Value
		if clauses.add(r.Line, x.Key, x.Value) {
			im.count(true) // every setting has a value, its default if never set: an import updates it
			continue
		}
		var werr error
		switch {
		case x.Key == csvio.LogoKey && x.Value == "":
			_, werr = im.tx.ExecContext(im.ctx, "DELETE FROM settings WHERE key = ?", csvio.LogoKey)
		case x.Key == csvio.LogoKey:
			if err := checkLogo(x.Logo); err != nil {
				im.fail(r.Line, "value", "%q: %v", x.Value, err)
				continue
			}
			werr = upsert("settings", x.Key, x.Logo)
		case x.Key == keyMinFeedback || x.Key == keyMinSurvey || x.Key == keyMaxPunctuality:
			var perr error
			switch x.Key {
			case keyMinFeedback:
				thresholds.MinFeedback, perr = strconv.ParseFloat(x.Value, 64)
			case keyMinSurvey:
				thresholds.MinSurvey, perr = strconv.ParseFloat(x.Value, 64)
			default:
				thresholds.MaxPunctualityProblems, perr = strconv.Atoi(x.Value)
			}
			if perr != nil {
				im.fail(r.Line, "value", "%q is not a number", x.Value)
				continue
			}
			bad := false
			for _, fe := range data.CheckReviewThresholds(thresholds) {
				if fe.Field == x.Key {
					im.fail(r.Line, "value", "%s", fe.Problem)
					bad = true
				}
			}
			if bad {
				continue
			}
			werr = upsert("meta", x.Key, x.Value) // meta holds text
		default:
			check := data.DefaultSettings()
			if err := check.Set(x.Key, x.Value); err != nil {
				if strings.Contains(err.Error(), "is not a setting") {
					im.fail(r.Line, "key", "%q is not a setting (keys: %s, %s, %s, contract.clause.N.heading, contract.clause.N.text)", x.Key,
						strings.Join(data.SettingKeys, ", "), strings.Join(ReviewThresholdKeys, ", "), csvio.LogoKey)
				} else {
					im.fail(r.Line, "value", "%v", err)
				}
				continue
			}
			norm, _ := check.Get(x.Key)
			werr = upsert("settings", x.Key, []byte(norm))
		}
		if werr != nil {
			return werr
		}
		im.count(true)
	}
	return clauses.store(im)
}

// checkLogo accepts a JPEG or PNG image, as the Settings screen does.
func checkLogo(b []byte) error {
	_, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "jpeg" && format != "png") {
		return errors.New("the logo is not a JPEG or PNG image")
	}
	return nil
}
