// Package fonts embeds the fonts CallTally draws text with where the
// platform's fonts cannot be relied on: Noto Sans Arabic for Arabic (its
// cmap also maps the Arabic presentation forms that shape.Visual produces,
// the digits and basic punctuation) and Noto Sans for Latin, Greek and
// Cyrillic (Turkish letters included, which gofpdf's core fonts lack). Both
// are under the SIL Open Font License; ship License with them.
//
// The Fyne theme, go-chart and gofpdf take the bytes:
//
//	fyne.NewStaticResource(fonts.ArabicRegularName, fonts.ArabicRegular)
//	truetype.Parse(fonts.ArabicRegular)
//	pdf.AddUTF8FontFromBytes("NotoSansArabic", "", fonts.ArabicRegular)
package fonts

import _ "embed"

// File names of the embedded fonts, for resources and PDF font names.
const (
	ArabicRegularName = "NotoSansArabic-Regular.ttf"
	ArabicBoldName    = "NotoSansArabic-Bold.ttf"
	LatinRegularName  = "NotoSans-Regular.ttf"
	LatinBoldName     = "NotoSans-Bold.ttf"
)

// The fonts' TrueType files. Callers must not modify them.
var (
	//go:embed NotoSansArabic-Regular.ttf
	ArabicRegular []byte
	//go:embed NotoSansArabic-Bold.ttf
	ArabicBold []byte
	//go:embed NotoSans-Regular.ttf
	LatinRegular []byte
	//go:embed NotoSans-Bold.ttf
	LatinBold []byte
)

// License is the fonts' licence, to show in the about box and to ship
// beside the program.
//
//go:embed OFL.txt
var License string
