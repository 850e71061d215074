package charts

import (
	"unicode"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"
)

// run is a stretch of a string that one font draws.
type run struct {
	text string
	font *truetype.Font
}

// runs splits s into stretches by the first font of fonts that has each
// rune, so that a Latin name inside an Arabic label, or "%", comes from
// the fallback font instead of being drawn as boxes. Spaces and other
// runes every font has stay in the current run.
func runs(fonts []*truetype.Font, s string) []run {
	var out []run
	start, cur := 0, fonts[0]
	for i, r := range s {
		f := pick(fonts, cur, r)
		if f != cur && i > start {
			out = append(out, run{s[start:i], cur})
			start = i
		}
		cur = f
	}
	if start < len(s) {
		out = append(out, run{s[start:], cur})
	}
	return out
}

// pick returns the font to draw r in: cur if it has r, else the first
// font that has it, else the first font (whose missing-glyph box shows).
func pick(fonts []*truetype.Font, cur *truetype.Font, r rune) *truetype.Font {
	if cur.Index(r) != 0 {
		return cur
	}
	for _, f := range fonts {
		if f.Index(r) != 0 {
			return f
		}
	}
	return fonts[0]
}

// advance returns the width in pixels of s drawn in f at size pixels: the
// sum of the glyphs' advances and kerning, as go-chart's raster renderer
// places them at 64 dpi (see newCanvas).
func advance(f *truetype.Font, s string, size float64) float64 {
	scale := fixed.Int26_6(size * 64)
	var w fixed.Int26_6
	var prev truetype.Index
	for i, r := range []rune(s) {
		g := f.Index(r)
		if i > 0 {
			w += f.Kern(scale, prev, g)
		}
		w += f.HMetric(scale, g).AdvanceWidth
		prev = g
	}
	return float64(w) / 64
}

// textWidth returns the width in pixels of s drawn with fonts at size.
func textWidth(fonts []*truetype.Font, s string, size float64) float64 {
	var w float64
	for _, r := range runs(fonts, s) {
		w += advance(r.font, r.text, size)
	}
	return w
}

// ellipsis ends a label shortened to fit.
const ellipsis = "…"

// fit returns s, shortened with an ellipsis to at most w pixels at size.
// A right-to-left label arrives in display order, so it is shortened at
// its left end, where it logically ends.
func fit(fonts []*truetype.Font, s string, size float64, w float64) string {
	if textWidth(fonts, s, size) <= w {
		return s
	}
	rs := []rune(s)
	rtl := isRTL(rs)
	cut := func(n int) string { // s keeping n runes
		if rtl {
			return ellipsis + string(rs[len(rs)-n:])
		}
		return string(rs[:n]) + ellipsis
	}
	lo, hi := 0, len(rs)-1 // the longest n that fits lies in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if textWidth(fonts, cut(mid), size) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return cut(lo)
}

// isRTL reports whether a label is mostly right-to-left letters (Hebrew,
// Arabic and their presentation forms).
func isRTL(rs []rune) bool {
	var rtl, ltr int
	for _, r := range rs {
		switch {
		case r >= 0x0590 && r <= 0x08ff, r >= 0xfb1d && r <= 0xfdff, r >= 0xfe70 && r <= 0xfeff:
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
	}
	return rtl > ltr
}
