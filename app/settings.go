package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/widgets"
)

// settingsStore is what the Settings area reads and writes.
type settingsStore interface {
	Settings(ctx context.Context) (data.Settings, error)
	SaveSettings(ctx context.Context, s data.Settings) error
}

// settings edits the organisation's settings; each entry is checked as it is typed with the
// same parser the store uses.
type settings struct {
	d     deps
	store settingsStore

	loaded     data.Settings
	entries    map[string]*widget.Entry
	paper      *widget.Select
	form       *widget.Form
	saved      *widget.Label
	saveBtn    *widget.Button
	textSize   *widget.Select
	thresholds *thresholdsView
	backups    *backupSettings
	mail       *mailSettings
}

func newSettings(d deps) *settings { return &settings{d: d, store: d.store} }

var settingLabels = map[string]string{
	"org.name": "Organisation name", "org.director": "Program director (signs letters)", "org.address": "Address", "org.timezone": "Time zone",
	"rate.focused": "Focused session rate", "rate.season": "Season session rate", "rate.bridge": "Bridge session rate",
	"rate.continuation": "Continuation compensation", "schoolyear.start": "School year starts (MM-DD)",
	"nec.threshold": "1099-NEC threshold",
	"org.country":   "Country (two letters, like US)", "org.date_order": "Dates in imported files (empty: the country's order)",
}

func (s *settings) buildUI() fyne.CanvasObject {
	s.entries = map[string]*widget.Entry{}
	s.form = widget.NewForm()
	for _, k := range settingsPageOrder() {
		if k == "paper" {
			s.paper = widget.NewSelect([]string{"letter", "a4"}, nil)
			s.form.Append("Paper size", s.paper)
			continue
		}
		key := k
		e := widget.NewEntry()
		var placed fyne.CanvasObject = e
		if k == "org.address" {
			area := widgets.NewTextArea()
			area.SetMinRowsVisible(3)
			e, placed = &area.Entry, area
		}
		e.Validator = settingValidator(key)
		s.entries[k] = e
		s.form.Append(settingLabels[k], placed)
	}
	s.saved = widget.NewLabel("")
	s.saveBtn = widget.NewButtonWithIcon("Save settings", theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	heading := widget.NewLabelWithStyle("Settings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// One Save for the whole page, always in sight above it.
	s.mail = newMailSettings(s.d)
	bar := border(nil, nil, heading, container.NewHBox(s.saved, s.saveBtn))
	page := container.NewVScroll(container.NewPadded(container.NewVBox(s.form,
		widget.NewSeparator(), s.displayUI(), widget.NewSeparator(), s.mail.buildUI(),
		widget.NewSeparator(), s.reviewUI(), widget.NewSeparator(), s.backupUI())))
	return border(container.NewPadded(bar), nil, nil, nil, container.NewStack(page, widgets.NewWheelToPage(page)))
}

// settingsPageOrder is data.SettingKeys with the director's name beside the organisation's.
func settingsPageOrder() []string {
	var keys []string
	for _, k := range data.SettingKeys {
		switch k {
		case "org.director":
		case "org.name":
			keys = append(keys, k, "org.director")
		default:
			keys = append(keys, k)
		}
	}
	return keys
}

func (s *settings) reload() {
	background(s.d, s.store.Settings, func(set data.Settings) {
		s.loaded = set
		for k, e := range s.entries {
			v, _ := set.Get(k)
			e.SetText(v)
		}
		s.paper.SetSelected(set.Paper)
		s.saved.SetText("")
	})
}

// onSave checks every part of the page and saves it all, or says what keeps it from saving.
func (s *settings) onSave() {
	next := s.loaded
	for _, k := range data.SettingKeys {
		if e := s.entries[k]; e != nil {
			if err := next.Set(k, e.Text); err != nil {
				s.notSaved(fmt.Sprintf("%s: %s", settingLabels[k], strings.TrimPrefix(err.Error(), k+": ")))
				return
			}
		}
	}
	next.Paper = s.paper.Selected
	if _, ok := s.thresholds.check(); !ok {
		s.notSaved("a roster review threshold needs attention below")
		return
	}
	if s.backups != nil {
		if err := s.backups.check(); err != nil {
			s.notSaved(err.Error())
			return
		}
	}
	if s.mail != nil {
		if _, err := s.mail.read(); err != nil {
			s.notSaved("e-mail: " + err.Error())
			return
		}
	}
	s.saveBtn.Disable()
	background(s.d, func(ctx context.Context) (data.Settings, error) {
		return next, s.store.SaveSettings(ctx, next)
	}, func(set data.Settings) {
		s.loaded = set
		s.thresholds.saveEdits(func(ok bool) {
			s.saveBtn.Enable()
			if !ok {
				s.notSaved("the roster review thresholds were not saved")
				return
			}
			if s.backups != nil {
				if err := s.backups.save(); err != nil {
					s.notSaved(err.Error())
					return
				}
			}
			if s.mail != nil {
				s.mail.onSave(nil)
			}
			s.saved.Importance = widget.SuccessImportance
			s.saved.SetText("Saved.")
		})
	})
}

func (s *settings) notSaved(why string) {
	s.saved.Importance = widget.DangerImportance
	s.saved.SetText("Not saved: " + why)
}

// settingValidator checks a field as the setting key would take it; the message names the
// problem only, as the form's label already names the field.
func settingValidator(key string) fyne.StringValidator {
	return func(v string) error {
		probe := data.DefaultSettings()
		if err := probe.Set(key, v); err != nil {
			return errors.New(strings.TrimPrefix(err.Error(), key+": "))
		}
		return nil
	}
}

// displayUI chooses light, dark or the system's theme, and the text size; both apply at once and
// are remembered.
func (s *settings) displayUI() fyne.CanvasObject {
	labels := map[string]string{"system": "Follow the system", "light": "Light", "dark": "Dark"}
	choice := widget.NewRadioGroup([]string{labels["system"], labels["light"], labels["dark"]}, func(v string) {
		for k, l := range labels {
			if l == v && s.d.app != nil {
				setAppearance(s.d.app, k, -1)
			}
		}
	})
	choice.Horizontal = true
	var names []string
	for _, t := range textSizes {
		names = append(names, fmt.Sprintf("%s (%.0f %%)", t.name, t.scale*100))
	}
	size := widget.NewSelect(names, nil)
	if s.d.app != nil {
		choice.Selected = labels[s.d.app.Preferences().StringWithFallback(prefTheme, "system")]
		size.SetSelectedIndex(textSizeIndex(s.d.app.Preferences()))
		size.OnChanged = func(string) { setAppearance(s.d.app, "", size.SelectedIndex()) }
	}
	s.textSize = size
	hint := widget.NewLabel("Also View › Larger text (Ctrl+=) and Smaller text (Ctrl+-). The system's display scaling applies on top.")
	hint.Wrapping = fyne.TextWrapWord
	return widget.NewForm(widget.NewFormItem("Appearance", choice), widget.NewFormItem("Text size", size),
		widget.NewFormItem("", hint))
}

// reviewUI holds the roster-review thresholds (instructor feedback, student surveys, punctuality).
func (s *settings) reviewUI() fyne.CanvasObject {
	s.thresholds = newThresholdsView(s.d, s.d.store)
	panel := s.thresholds.buildUI()
	s.thresholds.saveBtn.Hide() // the page's one Save saves them
	s.thresholds.reload()
	return container.NewVBox(widget.NewLabelWithStyle("Roster review", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), panel)
}
