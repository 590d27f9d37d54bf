// Package assets holds MentorDesk's bundled resources: the application icon.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (512×512 PNG), also named by FyneApp.toml for packaging.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
