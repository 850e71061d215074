// Package shape prepares Arabic and mixed-direction text for renderers that
// lay glyphs out one after the other, left to right: go-chart and gofpdf
// (Visual), and Fyne, which shapes Arabic itself but places the runs of a
// mixed string in logical order (Bidi).
//
// Strings go in as people type them (logical order). Each line is a
// paragraph whose direction is that of its first strong letter; prefix RLM
// to make a line right to left whatever it starts with. Wrap a value that
// must stay one left-to-right unit inside Arabic text, such as a phone
// number with spaces, in Isolate.
package shape

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// Directional marks: invisible strong characters that set the direction
// of the neutral characters next to them.
const (
	LRM = "\u200E" // left-to-right mark
	RLM = "\u200F" // right-to-left mark
)

// Isolate wraps s so that it is ordered as one unit with its own direction
// (that of its first strong letter) inside text of either direction:
// without it, "+49 30 1234" inside Arabic shows as "1234 30 49+", which is
// what the bidi algorithm prescribes for numbers separated by spaces. Visual
// and Bidi remove the isolate controls.
func Isolate(s string) string {
	return string(rune(fsi)) + s + string(rune(pdi))
}

// Visual returns s in display order, left to right, with Arabic letters in
// their presentation forms (isolated, initial, medial, final; lam-alef
// ligatures), mirrored brackets in right-to-left runs, and directional
// controls removed: the form go-chart and gofpdf draw correctly with a font
// that has the presentation forms (fonts.ArabicRegular).
func Visual(s string) string {
	return eachLine(s, visualLine)
}

// Bidi returns s for a Fyne label: its runs in display order, each
// right-to-left run kept in logical order and bracketed by marks, because
// Fyne shapes and reverses each run itself but places runs in the order
// they come. Strings with no right-to-left letter, or nothing but
// right-to-left letters and neutral punctuation, need no change and come
// back without their isolate controls.
func Bidi(s string) string {
	return eachLine(s, bidiLine)
}

func eachLine(s string, f func([]rune) string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = f([]rune(l))
	}
	return strings.Join(lines, "\n")
}

func visualLine(line []rune) string {
	if !hasRTL(line) {
		return stripControls(line)
	}
	glyphs := order(shapeArabic(line), -1)
	var b strings.Builder
	for i := 0; i < len(glyphs); i++ {
		g := glyphs[i]
		if g.level%2 == 1 && isMark(g.r) {
			i = writeMarksAfterBase(&b, glyphs, i)
			continue
		}
		writeVisible(&b, g)
	}
	return b.String()
}

// writeMarksAfterBase writes the combining marks that start at glyphs[i],
// which reversing a right-to-left run put before their base, after it
// (rule L3), and returns the index of the last glyph written.
func writeMarksAfterBase(b *strings.Builder, glyphs []glyph, i int) int {
	j := i
	for j < len(glyphs) && glyphs[j].level%2 == 1 && isMark(glyphs[j].r) {
		j++
	}
	last := j - 1
	if j < len(glyphs) {
		writeVisible(b, glyphs[j])
		last = j
	}
	for k := j - 1; k >= i; k-- {
		writeVisible(b, glyphs[k])
	}
	return last
}

func writeVisible(b *strings.Builder, g glyph) {
	if unicode.Is(unicode.Cf, g.r) {
		return
	}
	if g.level%2 == 1 {
		g.r = mirror(g.r)
	}
	b.WriteRune(g.r)
}

func bidiLine(line []rune) string {
	if !hasRTL(line) || !hasLTR(line) {
		return stripControls(line)
	}
	glyphs := order(line, -1)
	var b strings.Builder
	for i := 0; i < len(glyphs); {
		rtl := glyphs[i].level%2 == 1
		j := i
		for j < len(glyphs) && (glyphs[j].level%2 == 1) == rtl {
			j++
		}
		run := make([]rune, 0, j-i)
		for _, g := range glyphs[i:j] {
			if !isControl(g.r) {
				run = append(run, g.r)
			}
		}
		mark := LRM
		if rtl {
			reverse(run) // back to logical order: Fyne reverses it again
			mark = RLM
		}
		b.WriteString(mark + string(run) + mark)
		i = j
	}
	return b.String()
}

// hasRTL reports whether line has a right-to-left letter.
func hasRTL(line []rune) bool {
	for _, r := range line {
		if c := classOf(item{r: r}); c == bidi.R || c == bidi.AL {
			return true
		}
	}
	return false
}

// hasLTR reports whether line has a left-to-right letter or a digit, which
// Fyne would place in logical order beside right-to-left text.
func hasLTR(line []rune) bool {
	for _, r := range line {
		if c := classOf(item{r: r}); c == bidi.L || c == bidi.EN || c == bidi.AN {
			return true
		}
	}
	return false
}

func stripControls(line []rune) string {
	out := make([]rune, 0, len(line))
	for _, r := range line {
		if !isControl(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// isControl reports whether r is a directional control that only steers
// ordering: marks, embeddings, overrides, isolates.
func isControl(r rune) bool {
	switch {
	case r == 0x200E || r == 0x200F || r == 0x061C: // LRM, RLM, ALM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= lri && r <= pdi:
		return true
	}
	return false
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }

// mirrored lists characters with a mirrored glyph that are not brackets.
var mirrored = map[rune]rune{
	'<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹', '≤': '≥', '≥': '≤',
}

// mirror returns the character that shows r mirrored, for right-to-left
// runs (rule L4): ')' for '(', and r itself if it has none.
func mirror(r rune) rune {
	if m, ok := mirrored[r]; ok {
		return m
	}
	if p, _ := bidi.LookupRune(r); p.IsBracket() {
		if m := []rune(bidi.ReverseString(string(r))); len(m) == 1 {
			return m[0]
		}
	}
	return r
}

// A Run is a stretch of display-order text that one font draws: Arabic
// runs need fonts.Arabic*, the others fonts.Latin* (the Arabic font has
// no Latin letters, the Latin font no Arabic). Renderers that take one font
// per string, such as gofpdf's Cell and go-chart's Text, draw the runs one
// after the other.
type Run struct {
	Text   string
	Arabic bool
}

// Runs splits a string returned by Visual into runs by font. Spaces stay
// in the run they follow.
func Runs(visual string) []Run {
	var runs []Run
	var cur []rune
	arabic := false
	for _, r := range visual {
		a := isArabicBlock(r)
		if len(cur) > 0 && a != arabic && !unicode.IsSpace(r) {
			runs = append(runs, Run{string(cur), arabic})
			cur = cur[:0]
		}
		if len(cur) == 0 || !unicode.IsSpace(r) {
			arabic = a
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 {
		runs = append(runs, Run{string(cur), arabic})
	}
	return runs
}

func isArabicBlock(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF:
		return true
	case r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return true
	}
	return false
}
