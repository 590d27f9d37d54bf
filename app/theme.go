package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's default theme with colours that keep WCAG AA contrast, optionally held to
// light or dark regardless of the system, and with everything drawn at a chosen size.
type appTheme struct {
	variant *fyne.ThemeVariant // nil follows the system
	scale   float32            // 0 is 1: the text size setting, on top of Fyne's own scale
}

var fyneTheme = theme.DefaultTheme()

func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if c, ok := readable[v][n]; ok {
		return c
	}
	return fyneTheme.Color(n, v)
}

func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	if t.scale == 0 {
		return fyneTheme.Size(n)
	}
	return fyneTheme.Size(n) * t.scale
}

func (t appTheme) Font(s fyne.TextStyle) fyne.Resource     { return fyneTheme.Font(s) }
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return fyneTheme.Icon(n) }

// readable are the colours that differ from Fyne's default theme, per variant, each chosen for
// WCAG AA contrast (TestReadableContrastInBothThemes): text 4.5:1 on the surfaces it sits on,
// the outlines of fields 3:1. Fyne's own light theme writes warnings in orange and successes in
// bright green on white (2.2:1 and 1.5:1); its dark theme's blue is too dark to read as text and
// too light under white, so dark-theme buttons in it carry dark text. Fyne writes low-importance
// labels (counts, hints) in the disabled colour, 1.3:1 on white, so that is darkened too.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNamePlaceHolder: rgb(0x6a6a6a),
		theme.ColorNamePrimary:     rgb(0x1c5fd4),
		theme.ColorNameHyperlink:   rgb(0x1c5fd4),
		theme.ColorNameSuccess:     rgb(0x1f7a32),
		theme.ColorNameWarning:     rgb(0xa35400),
		theme.ColorNameError:       rgb(0xc62828),
		theme.ColorNameInputBorder: rgb(0x8c8c8c),
		theme.ColorNameFocus:       color.NRGBA{0x1c, 0x5f, 0xd4, 0x48},
		theme.ColorNameDisabled:    rgb(0x767676),
	},
	theme.VariantDark: {
		theme.ColorNamePrimary:             rgb(0x5c9cff),
		theme.ColorNameHyperlink:           rgb(0x5c9cff),
		theme.ColorNameForegroundOnPrimary: rgb(0x171718),
		theme.ColorNameInputBorder:         rgb(0x6b6b6b),
		theme.ColorNameFocus:               color.NRGBA{0x5c, 0x9c, 0xff, 0x55},
		theme.ColorNameDisabled:            rgb(0x949494),
	},
}

func rgb(v uint32) color.NRGBA { return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff} }

// textSizes are the sizes Settings offers, as a factor on everything drawn, and their names.
var textSizes = []struct {
	scale float32
	name  string
}{{1, "Standard"}, {1.15, "Large"}, {1.3, "Larger"}, {1.5, "Largest"}}

// textSizeIndex is the position in textSizes of the size remembered in the preferences.
func textSizeIndex(p fyne.Preferences) int {
	want := float32(p.FloatWithFallback(prefTextScale, 1))
	for i, s := range textSizes {
		if s.scale == want {
			return i
		}
	}
	return 0
}

// applyTheme applies the appearance remembered in the preferences: light, dark or the system's
// ("system"), and the text size.
func applyTheme(a fyne.App) {
	p := a.Preferences()
	t := appTheme{scale: textSizes[textSizeIndex(p)].scale}
	switch p.StringWithFallback(prefTheme, "system") {
	case "light":
		v := theme.VariantLight
		t.variant = &v
	case "dark":
		v := theme.VariantDark
		t.variant = &v
	}
	a.Settings().SetTheme(t)
}

// setAppearance remembers a theme choice ("" keeps it) and a text size (-1 keeps it) and
// applies them at once.
func setAppearance(a fyne.App, choice string, size int) {
	p := a.Preferences()
	if choice != "" {
		p.SetString(prefTheme, choice)
	}
	if size >= 0 && size < len(textSizes) {
		p.SetFloat(prefTextScale, float64(textSizes[size].scale))
	}
	applyTheme(a)
}
