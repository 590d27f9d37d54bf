package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
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

	loaded  data.Settings
	entries map[string]*widget.Entry
	paper   *widget.Select
	form    *widget.Form
	saved   *widget.Label
}

func newSettings(d deps) *settings { return &settings{d: d, store: d.store} }

var settingLabels = map[string]string{
	"org.name": "Organisation name", "org.address": "Address", "org.timezone": "Time zone",
	"rate.focused": "Focused session rate", "rate.season": "Season session rate", "rate.bridge": "Bridge session rate",
	"rate.continuation": "Continuation compensation", "schoolyear.start": "School year starts (MM-DD)",
	"nec.threshold": "1099-NEC threshold",
}

func (s *settings) buildUI() fyne.CanvasObject {
	s.entries = map[string]*widget.Entry{}
	s.form = widget.NewForm()
	for _, k := range data.SettingKeys {
		if k == "paper" {
			s.paper = widget.NewSelect([]string{"letter", "a4"}, nil)
			s.form.Append("Paper size", s.paper)
			continue
		}
		key := k
		e := widget.NewEntry()
		if k == "org.address" {
			e.MultiLine = true
			e.SetMinRowsVisible(3)
		}
		e.Validator = func(v string) error {
			probe := data.DefaultSettings()
			return probe.Set(key, v)
		}
		s.entries[k] = e
		s.form.Append(settingLabels[k], e)
	}
	s.form.SubmitText = "Save settings"
	s.form.OnSubmit = s.onSave
	s.saved = widget.NewLabel("")
	heading := widget.NewLabelWithStyle("Settings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewPadded(container.NewVBox(heading, s.form, s.saved)))
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

func (s *settings) onSave() {
	next := s.loaded
	for k, e := range s.entries {
		if err := next.Set(k, e.Text); err != nil {
			dialog.ShowError(err, s.d.win)
			return
		}
	}
	next.Paper = s.paper.Selected
	background(s.d, func(ctx context.Context) (data.Settings, error) {
		return next, s.store.SaveSettings(ctx, next)
	}, func(set data.Settings) {
		s.loaded = set
		s.saved.SetText("Saved.")
	})
}
