package charts

import (
	"image/color"
	"math"
)

// Theme is the palette a chart is drawn in.
type Theme struct {
	Background color.NRGBA
	Text       color.NRGBA // title, legend, values
	Muted      color.NRGBA // axis labels
	Grid       color.NRGBA // grid lines and the zero line
	// Series colours series in order: inbound, outbound and internal
	// first, so that a direction has the same colour in every chart.
	Series []color.NRGBA
}

// LightTheme returns the light palette: Fyne's light background, text at
// least 4.5:1 against it and series colours at least 3:1 (WCAG 2.1 text
// and graphics contrast), from the Okabe–Ito colour-blind-safe set.
func LightTheme() Theme {
	return Theme{
		Background: rgb(0xffffff),
		Text:       rgb(0x1f2328),
		Muted:      rgb(0x59636e),
		Grid:       rgb(0xd8dee4),
		Series: []color.NRGBA{
			rgb(0x0072b2), rgb(0xc75300), rgb(0x008a64),
			rgb(0x9a4f86), rgb(0x6f6a00), rgb(0x5a5fc8),
		},
	}
}

// DarkTheme returns the dark palette on Fyne's dark background, with the
// same contrast as LightTheme.
func DarkTheme() Theme {
	return Theme{
		Background: rgb(0x171718),
		Text:       rgb(0xf3f3f3),
		Muted:      rgb(0xa8b1bb),
		Grid:       rgb(0x34383e),
		Series: []color.NRGBA{
			rgb(0x56b4e9), rgb(0xe69f00), rgb(0x2fc08f),
			rgb(0xe08fc0), rgb(0xd8cc4a), rgb(0x9ea3f5),
		},
	}
}

// series returns the colour of series i, cycling through the palette.
func (t Theme) series(i int) color.NRGBA {
	return t.Series[i%len(t.Series)]
}

// normalised fills what a partly set theme leaves out: a zero theme is
// LightTheme, and a theme without series colours gets those of the light
// or dark palette, whichever suits its background.
func (t Theme) normalised() Theme {
	if t.Background == (color.NRGBA{}) && t.Text == (color.NRGBA{}) {
		return LightTheme()
	}
	if len(t.Series) == 0 {
		if luminance(t.Background) < 0.2 {
			t.Series = DarkTheme().Series
		} else {
			t.Series = LightTheme().Series
		}
	}
	return t
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// luminance is the WCAG 2.1 relative luminance of c (0 black, 1 white).
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
