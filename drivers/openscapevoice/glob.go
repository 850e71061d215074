package openscapevoice

import (
	"strings"

	"calltally.app/drivers"
)

// globs reads a comma-separated list of endpoint patterns, each without
// the port that endpointName strips from the names it is matched with.
func globs(list string) []drivers.Glob {
	var out []drivers.Glob
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, drivers.NewGlob(endpointName(p)))
		}
	}
	return out
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
