package shape

import (
	"strings"
	"testing"
)

// FuzzOrder checks that order shows every character once, whatever the
// mix of directions, brackets and isolates, and that Visual and Bidi leave
// no directional control behind.
func FuzzOrder(f *testing.F) {
	for _, s := range []string{"", "abc", "اتصل 123 مرة", "هاتف " + Isolate("+49 30 (1234)"), "\u2069(\u2068a", "لَا [x] 12,5%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := []rune(strings.ReplaceAll(s, "\n", " "))
		seen := make(map[int]bool)
		for _, g := range order(line, -1) {
			if g.pos < 0 || g.pos >= len(line) || seen[g.pos] || line[g.pos] != g.r {
				t.Fatalf("order(%q): glyph %+v out of place", s, g)
			}
			seen[g.pos] = true
		}
		for i, r := range line {
			if !seen[i] && (r < lri || r > pdi) {
				t.Fatalf("order(%q) lost %q at %d", s, r, i)
			}
		}
		for _, out := range []string{Visual(s), stripMarks(Bidi(s))} {
			if strings.ContainsFunc(out, isControl) {
				t.Fatalf("%q has directional controls left: %q", s, out)
			}
		}
	})
}

// stripMarks removes the marks Bidi adds around runs.
func stripMarks(s string) string {
	return strings.NewReplacer(LRM, "", RLM, "").Replace(s)
}
