package ciscocucm

import "strings"

// Device names CUCM gives phones and soft clients by default; the technician
// names gateways and trunks freely, so by default anything else is a trunk.
var phonePrefixes = []string{"SEP", "CSF", "BOT", "TCT", "TAB", "ATA", "AN", "CIPC"}

// mediaPrefixes are CUCM's default names of media resources a call can
// reach without leaving the site: conference bridges, music on hold,
// annunciators, media termination points.
var mediaPrefixes = []string{"CFB_", "MOH_", "ANN_", "MTP_"}

// isTrunk reports whether device is a gateway or trunk: one matching the
// trunks setting, or, without one, any device that is not a phone, a
// voicemail port or a media resource. An empty name (a call CUCM could not
// route) is no trunk.
func (o *options) isTrunk(device string) bool {
	switch {
	case device == "":
		return false
	case len(o.trunks) > 0:
		return matchAny(o.trunks, device)
	}
	return !hasPrefix(device, phonePrefixes) && !hasPrefix(device, mediaPrefixes) && !matchAny(o.voicemailDevices, device)
}

// isVoicemail reports a leg that ended at voicemail: its destination is a
// voicemail port, or the number called last is the voicemail pilot.
func (o *options) isVoicemail(r *record) bool {
	return (r.destDevice != "" && matchAny(o.voicemailDevices, r.destDevice)) ||
		(r.finalCalled != "" && matchAny(o.voicemailNumbers, r.finalCalled))
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// A glob is a name pattern in which * stands for any text, case ignored:
// the parts between the stars. Device names hold / (S0/SU0/DS1-0@gw), so
// path.Match, whose * stops at /, does not fit.
type glob []string

// globs reads a comma-separated list of patterns.
func globs(list string) []glob {
	var out []glob
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Split(p, "*"))
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
