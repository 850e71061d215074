package charts

import (
	"image/color"
	"testing"
)

// contrast is the WCAG 2.1 contrast ratio of a and b, 1 to 21.
func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Both palettes meet WCAG 2.1 AA: text 4.5:1 (1.4.3), bars and lines 3:1
// against the background (1.4.11).
func TestThemeContrast(t *testing.T) {
	for _, th := range themes {
		bg := th.theme.Background
		for name, c := range map[string]color.NRGBA{"text": th.theme.Text, "muted": th.theme.Muted} {
			if r := contrast(c, bg); r < 4.5 {
				t.Errorf("%s %s: contrast %.2f, want 4.5", th.name, name, r)
			}
		}
		for i, c := range th.theme.Series {
			if r := contrast(c, bg); r < 3 {
				t.Errorf("%s series %d %v: contrast %.2f, want 3", th.name, i, c, r)
			}
		}
	}
}

func TestThemeDefaults(t *testing.T) {
	if got := (Theme{}).normalised(); got.Background != LightTheme().Background {
		t.Errorf("a zero theme is not the light one: %v", got.Background)
	}
	dark := Theme{Background: rgb(0x000000), Text: rgb(0xffffff)}.normalised()
	if dark.Series[0] != DarkTheme().Series[0] {
		t.Error("a dark theme without series colours did not get the dark ones")
	}
	// Changing a returned theme does not change the next one.
	l := LightTheme()
	l.Series[0] = rgb(0x123456)
	if LightTheme().Series[0] == l.Series[0] {
		t.Error("LightTheme shares its series slice")
	}
}
