package ciscocucm

import (
	"strings"

	"calltally.app/drivers"
)

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
		return drivers.MatchAny(o.trunks, device)
	}
	return !hasPrefix(device, phonePrefixes) && !hasPrefix(device, mediaPrefixes) && !drivers.MatchAny(o.voicemailDevices, device)
}

// isVoicemail reports a leg that ended at voicemail: its destination is a
// voicemail port, or the number called last is the voicemail pilot.
func (o *options) isVoicemail(r *record) bool {
	return (r.destDevice != "" && drivers.MatchAny(o.voicemailDevices, r.destDevice)) ||
		(r.finalCalled != "" && drivers.MatchAny(o.voicemailNumbers, r.finalCalled))
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
