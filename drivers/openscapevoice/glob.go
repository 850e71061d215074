package openscapevoice

import "strings"

// A glob is a name pattern in which * stands for any text, case ignored:
// the parts between the stars. SIP endpoint names hold dots and slashes,
// which path.Match would treat specially.
type glob []string

// globs reads a comma-separated list of patterns.
func globs(list string) []glob {
	var out []glob
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Split(endpointName(p), "*"))
		}
	}
	return out
}

func matchAny(globs []glob, s string) bool {
	for _, g := range globs {
		if g.match(s) {
			return true
		}
	}
	return false
}

// match anchors the first part at the start and the last at the end, and
// finds the parts between in order; taking the first place each fits
// leaves the most room for the rest.
func (g glob) match(s string) bool {
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

// endpointName strips what varies between records of one SIP endpoint:
// the port of host:port (not of an IPv6 address, whose colons are its
// own), and surrounding blanks.
func endpointName(s string) string {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ':')
	if i < 0 || strings.Count(s, ":") != 1 || !isDigits(s[i+1:]) {
		return s
	}
	return s[:i]
}
