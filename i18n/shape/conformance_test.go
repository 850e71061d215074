package shape

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// TestBidiCharacterTest checks the display order against a sample of the
// Unicode conformance test (testdata/bidi-character-test.txt says which).
// Isolate controls and BN characters are left out of both orders: order
// folds the controls into their isolate and ignores BN.
func TestBidiCharacterTest(t *testing.T) {
	f, err := os.Open("testdata/bidi-character-test.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		n++
		fields := strings.Split(text, ";")
		runes := parseCodePoints(t, fields[0])
		base := map[string]int{"0": 0, "1": 1, "2": -1}[fields[1]]
		var want []int
		for _, f := range strings.Fields(fields[4]) {
			i, _ := strconv.Atoi(f)
			if shown(runes[i]) {
				want = append(want, i)
			}
		}
		var got []int
		for _, g := range order(runes, base) {
			if shown(g.r) {
				got = append(got, g.pos)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("line %d: %s\n got order %v\nwant order %v", line, text, got, want)
		}
	}
	if n < 1000 {
		t.Errorf("read %d test lines, want over 1000", n)
	}
}

func shown(r rune) bool {
	p, _ := bidi.LookupRune(r)
	return p.Class() != bidi.BN && (r < lri || r > pdi)
}

func parseCodePoints(t *testing.T, s string) []rune {
	t.Helper()
	var runes []rune
	for _, h := range strings.Fields(s) {
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		runes = append(runes, rune(v))
	}
	return runes
}
