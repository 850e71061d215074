package drivers

import "strings"

// A Glob is a name pattern in which * stands for any text, case ignored:
// the parts between the stars. Device and endpoint names hold / and dots
// (S0/SU0/DS1-0@gw, pstn-gw1.example.net), so path.Match, whose * stops
// at /, does not fit.
type Glob []string

// NewGlob reads one pattern.
func NewGlob(pattern string) Glob { return strings.Split(pattern, "*") }

// Globs reads a comma-separated list of patterns, the blanks around each
// trimmed; an empty list is no pattern.
func Globs(list string) []Glob {
	var out []Glob
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, NewGlob(p))
		}
	}
	return out
}

// MatchAny reports whether s matches any of globs.
func MatchAny(globs []Glob, s string) bool {
	for _, g := range globs {
		if g.Match(s) {
			return true
		}
	}
	return false
}

// Match anchors the first part at the start and the last at the end, and
// finds the parts between in order; taking the first place each fits
// leaves the most room for the rest.
func (g Glob) Match(s string) bool {
	first, last := g[0], g[len(g)-1]
	if !hasPrefixFold(s, first) {
		return false
	}
	if len(g) == 1 {
		return len(s) == len(first)
	}
	s = s[len(first):]
	for _, part := range g[1 : len(g)-1] {
		i := indexFold(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return len(s) >= len(last) && strings.EqualFold(s[len(s)-len(last):], last)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
