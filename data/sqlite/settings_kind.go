package sqlite

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/jpeg" // logos are JPEG or PNG
	_ "image/png"
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
	return rows, nil
}

// settings imports settings rows: each value is checked as `settings set` checks it, and only
// the keys the file names change.
func (im *importer) settings(recs []csvio.Record[csvio.Setting]) error {
	stored, err := im.lookup("SELECT key, 1 FROM settings UNION ALL SELECT key, 1 FROM meta")
	if err != nil {
		return err
	}
	upsert := func(table, key string, value any) error {
		_, err := im.tx.ExecContext(im.ctx, "INSERT INTO "+table+"(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
		return err
	}
	thresholds := data.DefaultReviewThresholds()
	for _, r := range recs {
		x := r.Value
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
			for _, fe := range CheckReviewThresholds(thresholds) {
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
					im.fail(r.Line, "key", "%q is not a setting (keys: %s, %s, %s)", x.Key,
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
		_, existed := stored[x.Key]
		im.count(existed)
	}
	return nil
}

// checkLogo accepts a JPEG or PNG image, as the Settings screen does.
func checkLogo(b []byte) error {
	_, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "jpeg" && format != "png") {
		return errors.New("the logo is not a JPEG or PNG image")
	}
	return nil
}
