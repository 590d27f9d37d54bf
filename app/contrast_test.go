package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"mentordesk/widgets"
)

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 { return widgets.Luminance(c) }

// over is c painted over the opaque bg: many theme colours are translucent.
func over(c, bg color.Color) color.Color {
	r, g, b, a := c.RGBA() // premultiplied by a
	br, bgg, bb, _ := bg.RGBA()
	blend := func(f, k uint32) uint8 { return uint8((f + k*(0xffff-a)/0xffff) >> 8) }
	return color.NRGBA{blend(r, br), blend(g, bgg), blend(b, bb), 0xff}
}

// contrast is WCAG 2's contrast ratio of fg over bg.
func contrast(fg, bg color.Color) float64 {
	l1, l2 := luminance(over(fg, bg)), luminance(bg)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

// contrastPair is text or a control's mark in one colour over a surface of another, and the
// least contrast WCAG 2 AA asks of it: 4.5:1 for text, 3:1 for the parts of controls.
type contrastPair struct {
	fg, bg fyne.ThemeColorName
	least  float64
}

var contrastPairs = []contrastPair{
	{theme.ColorNameForeground, theme.ColorNameBackground, 4.5},
	{theme.ColorNameForeground, theme.ColorNameInputBackground, 4.5},
	{theme.ColorNameForeground, theme.ColorNameButton, 4.5},
	{theme.ColorNameForeground, theme.ColorNameMenuBackground, 4.5},
	{theme.ColorNameForeground, theme.ColorNameOverlayBackground, 4.5},
	{theme.ColorNameForeground, theme.ColorNameHeaderBackground, 4.5},
	{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, 4.5},
	{theme.ColorNamePrimary, theme.ColorNameBackground, 4.5}, // links and high-importance labels
	{theme.ColorNameSuccess, theme.ColorNameBackground, 4.5},
	{theme.ColorNameWarning, theme.ColorNameBackground, 4.5},
	{theme.ColorNameError, theme.ColorNameBackground, 4.5},
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, 4.5},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess, 4.5},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning, 4.5},
	{theme.ColorNameForegroundOnError, theme.ColorNameError, 4.5},
	{theme.ColorNameInputBorder, theme.ColorNameBackground, 3},
	{theme.ColorNameHyperlink, theme.ColorNameBackground, 4.5},
	{theme.ColorNameDisabled, theme.ColorNameBackground, 4.5},  // low-importance labels: counts and hints
	{theme.ColorNameForeground, theme.ColorNameSelection, 4.5}, // a selected row
	{theme.ColorNameForeground, theme.ColorNameHover, 4.5},
	{theme.ColorNameForeground, theme.ColorNameFocus, 4.5},
	// A focused control is tinted; a focused field's outline turns primary (checked above).
	{theme.ColorNameFocus, theme.ColorNameBackground, 1.4},
}

func TestReadableContrastInBothThemes(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := appTheme{variant: &v}
		for _, p := range contrastPairs {
			bg := th.Color(p.bg, v)
			if p.bg != theme.ColorNameBackground {
				bg = over(bg, th.Color(theme.ColorNameBackground, v))
			}
			if got := contrast(th.Color(p.fg, v), bg); got < p.least {
				t.Errorf("variant %d: %s on %s has contrast %.2f:1; want at least %.1f:1", v, p.fg, p.bg, got, p.least)
			}
		}
	}
}

// The calendars fill confirmed sessions with their program's or term's colour and write on it in
// the colour widgets.TextOn picks.
func TestSessionColoursCarryReadableText(t *testing.T) {
	var all []color.Color
	for _, c := range programColours {
		all = append(all, c)
	}
	all = append(append(all, termColours...), otherSessionColour)
	for _, c := range all {
		if got := contrast(widgets.TextOn(c), c); got < 4.5 {
			t.Errorf("text on %v has contrast %.2f:1; want at least 4.5:1", c, got)
		}
	}
}
