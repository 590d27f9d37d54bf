package data

import (
	"fmt"
	"strings"
	"time"
)

// Settings are the organisation's settings, one value per key of §4.
type Settings struct {
	OrgName          string
	OrgAddress       string
	OrgDirector      string // the program director's name, signing the organisation's letters
	OrgTimezone      string
	OrgLogo          []byte // PNG or JPEG; nil for none
	RateFocused      Money
	RateSeason       Money
	RateBridge       Money
	RateContinuation Money
	SchoolYearStart  MonthDay
	Paper            string    // letter or a4
	NECThreshold     Money     // 1099-NEC reporting threshold for a calendar year's payments
	OrgCountry       string    // ISO 3166 code, like US; sets the usual date order
	DateOrder        DateOrder // how imported files write dates; "" follows OrgCountry
	Mail             MailSettings
}

// ImportDateOrder is the order imports read dates like 3/4/2026 in.
func (s Settings) ImportDateOrder() DateOrder {
	if s.DateOrder != "" {
		return s.DateOrder
	}
	return DateOrderOf(s.OrgCountry)
}

// DefaultSettings are the values of a new database.
func DefaultSettings() Settings {
	return Settings{
		OrgName:          "My Music Mentorship Organisation",
		OrgTimezone:      "America/Los_Angeles",
		RateFocused:      7500,
		RateSeason:       7500,
		RateBridge:       8500,
		RateContinuation: 5000,
		SchoolYearStart:  DefaultSchoolYearStart,
		Paper:            "letter",
		NECThreshold:     200000,
		OrgCountry:       "US",
		Mail:             DefaultMailSettings(),
	}
}

// SettingKeys lists the keys `settings set|get` accept, in the order of §4.
var SettingKeys = []string{"org.name", "org.address", "org.timezone", "rate.focused", "rate.season",
	"rate.bridge", "rate.continuation", "schoolyear.start", "paper", "nec.threshold",
	"org.country", "org.date_order", "org.director"}

// Rate is the session rate of a program (R4).
func (s Settings) Rate(p Program) Money {
	switch p {
	case Focused:
		return s.RateFocused
	case Season:
		return s.RateSeason
	case Bridge:
		return s.RateBridge
	}
	return 0
}

// Get returns the text form of one key.
func (s Settings) Get(key string) (string, error) {
	if strings.HasPrefix(key, "mail.") {
		return s.Mail.Get(key)
	}
	switch key {
	case "org.name":
		return s.OrgName, nil
	case "org.address":
		return s.OrgAddress, nil
	case "org.director":
		return s.OrgDirector, nil
	case "org.timezone":
		return s.OrgTimezone, nil
	case "rate.focused":
		return s.RateFocused.String(), nil
	case "rate.season":
		return s.RateSeason.String(), nil
	case "rate.bridge":
		return s.RateBridge.String(), nil
	case "rate.continuation":
		return s.RateContinuation.String(), nil
	case "schoolyear.start":
		return s.SchoolYearStart.String(), nil
	case "paper":
		return s.Paper, nil
	case "nec.threshold":
		return s.NECThreshold.String(), nil
	case "org.country":
		return s.OrgCountry, nil
	case "org.date_order":
		return string(s.DateOrder), nil
	}
	return "", fmt.Errorf("%q is not a setting (keys: %s)", key, strings.Join(SettingKeys, ", "))
}

// Set parses and stores the value of one key; a bad value leaves s unchanged.
func (s *Settings) Set(key, value string) error {
	money := func(dst *Money) error {
		m, err := ParseMoney(value)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		if m < 0 {
			return fmt.Errorf("%s: %q must not be negative", key, value)
		}
		*dst = m
		return nil
	}
	if strings.HasPrefix(key, "mail.") {
		return s.Mail.Set(key, value)
	}
	switch key {
	case "org.name":
		var p Problems
		p.text(key, value, true, 200)
		if err := p.err(); err != nil {
			return err
		}
		s.OrgName = strings.TrimSpace(value)
	case "org.address":
		var p Problems
		p.text(key, value, false, 500)
		if err := p.err(); err != nil {
			return err
		}
		s.OrgAddress = value
	case "org.director":
		var p Problems
		p.text(key, value, false, 200)
		if err := p.err(); err != nil {
			return err
		}
		s.OrgDirector = strings.TrimSpace(value)
	case "org.timezone":
		if _, err := time.LoadLocation(value); err != nil || value == "" || value == "Local" {
			return fmt.Errorf("%s: %q is not an IANA time zone (like America/Los_Angeles)", key, value)
		}
		s.OrgTimezone = value
	case "rate.focused":
		return money(&s.RateFocused)
	case "rate.season":
		return money(&s.RateSeason)
	case "rate.bridge":
		return money(&s.RateBridge)
	case "rate.continuation":
		return money(&s.RateContinuation)
	case "nec.threshold":
		return money(&s.NECThreshold)
	case "schoolyear.start":
		md, err := ParseMonthDay(value)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		s.SchoolYearStart = md
	case "paper":
		v := strings.ToLower(strings.TrimSpace(value))
		if v != "letter" && v != "a4" {
			return fmt.Errorf("%s: %q is not a paper size (letter, a4)", key, value)
		}
		s.Paper = v
	case "org.country":
		v := strings.ToUpper(strings.TrimSpace(value))
		if v != "" && (len(v) != 2 || strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
			return fmt.Errorf("%s: %q is not a two-letter country code (like US, GB, CA)", key, value)
		}
		s.OrgCountry = v
	case "org.date_order":
		v := DateOrder(strings.ToLower(strings.TrimSpace(value)))
		if v != "" && !oneOf(v, DateOrders) {
			return fmt.Errorf("%s: %q is not a date order (month-day-year, day-month-year, iso; empty follows org.country)", key, value)
		}
		s.DateOrder = v
	default:
		_, err := s.Get(key)
		return err
	}
	return nil
}

// SchoolYear is the school year holding d under these settings (R1).
func (s Settings) SchoolYear(d Date) SchoolYear { return SchoolYearOf(d, s.SchoolYearStart) }
