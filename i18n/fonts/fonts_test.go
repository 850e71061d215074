package fonts

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestFonts checks that each font parses and has the glyphs it is
// bundled for: presentation forms and lam-alef in the Arabic fonts,
// Turkish letters and the euro sign in the Latin ones.
func TestFonts(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		runes string
	}{
		{ArabicRegularName, ArabicRegular, "ﺍﻟﻌﺮﺑﻴﺔ ﻻ 0123456789.,:"},
		{ArabicBoldName, ArabicBold, "ﺍﻟﻌﺮﺑﻴﺔ ﻻ 0123456789.,:"},
		{LatinRegularName, LatinRegular, "AZaz ğĞışŞçÇöÖüÜ €₺ «»’…·"},
		{LatinBoldName, LatinBold, "AZaz ğĞışŞçÇöÖüÜ €₺ «»’…·"},
	}
	var buf sfnt.Buffer
	for _, tt := range tests {
		f, err := sfnt.Parse(tt.data)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for _, r := range tt.runes {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				t.Errorf("%s: no glyph for %q (U+%04X)", tt.name, r, r)
			}
		}
	}
	if !strings.Contains(License, "SIL OPEN FONT LICENSE Version 1.1") {
		t.Error("License is not the SIL Open Font License")
	}
}
