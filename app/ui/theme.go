package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"calltally.app/i18n"
	"calltally.app/i18n/fonts"
)

// Theme choices as stored in the settings.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

var (
	arabicRegular = fyne.NewStaticResource(fonts.ArabicRegularName, fonts.ArabicRegular)
	arabicBold    = fyne.NewStaticResource(fonts.ArabicBoldName, fonts.ArabicBold)
	latinRegular  = fyne.NewStaticResource(fonts.LatinRegularName, fonts.LatinRegular)
	latinBold     = fyne.NewStaticResource(fonts.LatinBoldName, fonts.LatinBold)
)

// Theme is Fyne's default theme with our fonts, and light or dark as the
// user chose rather than as the system says, unless they chose the system.
type Theme struct {
	Mode string // ThemeSystem, ThemeLight or ThemeDark
}

// Color picks the variant the user chose.
func (t Theme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.Mode {
	case ThemeLight:
		v = theme.VariantLight
	case ThemeDark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(name, v)
}

// Dark reports whether the theme draws dark, for charts that must match.
func (t Theme) Dark() bool {
	switch t.Mode {
	case ThemeLight:
		return false
	case ThemeDark:
		return true
	}
	return fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
}

// Font is Noto Sans Arabic in Arabic (it has Latin letters and digits
// too), Noto Sans otherwise: the same text on every platform.
func (Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if i18n.IsRTL() {
		if s.Bold {
			return arabicBold
		}
		return arabicRegular
	}
	if s.Bold {
		return latinBold
	}
	return latinRegular
}

func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (Theme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }

// Setting keys of the desktop app, in the master database's settings.
const (
	SettingLanguage = "ui.language"
	SettingTheme    = "ui.theme"
)

// ApplyTheme makes mode (ThemeSystem, ThemeLight, ThemeDark) the app's
// theme.
func ApplyTheme(mode string) {
	fyne.CurrentApp().Settings().SetTheme(Theme{Mode: mode})
}

// CurrentTheme returns the app's theme.
func CurrentTheme() Theme {
	if t, ok := fyne.CurrentApp().Settings().Theme().(Theme); ok {
		return t
	}
	return Theme{Mode: ThemeSystem}
}
