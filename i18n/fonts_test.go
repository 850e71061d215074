package i18n

import (
	"testing"

	"calltally.app/i18n/fonts"
	"calltally.app/i18n/shape"
	"golang.org/x/image/font/sfnt"
)

// TestMessagesDrawable draws, in theory, every message of every language
// as go-chart and gofpdf will: through shape.Visual and shape.Runs, each
// run in its bundled font. It fails when a font has no glyph for a
// character, which those renderers would show as a box.
func TestMessagesDrawable(t *testing.T) {
	faces := map[bool][]*sfnt.Font{
		true:  {parseFont(t, fonts.ArabicRegular), parseFont(t, fonts.ArabicBold)},
		false: {parseFont(t, fonts.LatinRegular), parseFont(t, fonts.LatinBold)},
	}
	var buf sfnt.Buffer
	missing := make(map[rune]bool)
	en := readCatalogue(t, "en")
	for _, l := range languages {
		use(t, l.Tag)
		texts := []string{l.Name, Money(12_500_000, "EUR"), Money(7_000_000, "SAR"), Money(7_000_000, "TRY"), Percent(0.5)}
		for id := range en {
			for _, n := range []int{0, 1, 2, 5, 11, 100} {
				texts = append(texts, T(id, sampleArgs(n)...))
			}
		}
		for _, text := range texts {
			for _, run := range shape.Runs(shape.Visual(text)) {
				for _, r := range run.Text {
					for _, f := range faces[run.Arabic] {
						if i, err := f.GlyphIndex(&buf, r); (err != nil || i == 0) && !missing[r] {
							missing[r] = true
							t.Errorf("%s: no glyph for %q (U+%04X) in %q", l.Tag, r, r, text)
						}
					}
				}
			}
		}
	}
}

func parseFont(t *testing.T, data []byte) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
