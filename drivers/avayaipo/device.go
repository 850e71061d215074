package avayaipo

import "strings"

// Devices are written as a letter and a number: E201 an extension, T9001 a
// trunk channel, V9501 voicemail, a conference or another system port.

func isExtension(device string) bool { return len(device) > 1 && device[0] == 'E' }

func isTrunk(device string) bool { return len(device) > 1 && device[0] == 'T' }

func hasTrunk(r *record) bool { return isTrunk(r.party1) || isTrunk(r.party2) }

// stripExtension turns E201 into 201; other devices stay as written, so a
// voicemail port is never mistaken for an extension.
func stripExtension(device string) string {
	if isExtension(device) {
		return device[1:]
	}
	return device
}

// isVoicemail reports a voicemail port: a V device named "VM Channel 1" or
// after voicemail.
func isVoicemail(device, name string) bool {
	if len(device) < 2 || device[0] != 'V' {
		return false
	}
	if len(name) >= 2 && strings.EqualFold(name[:2], "VM") {
		return true
	}
	lower := strings.ToLower(name)
	return strings.Contains(lower, "voicemail") || strings.Contains(lower, "voice mail")
}

// reachesVoicemail reports a record of a call that went to voicemail:
// a voicemail port took part, or the caller dialled their own mailbox.
func reachesVoicemail(r *record) bool {
	return isVoicemail(r.party1, r.party1Name) || isVoicemail(r.party2, r.party2Name) ||
		strings.EqualFold(r.called, "Voice Mail")
}

// isNoRoute reports the placeholder an outbound call meets when it never
// got a trunk: V8000 "U1 0.0", an unknown device class and number.
func isNoRoute(device, name string) bool {
	return len(device) > 1 && device[0] == 'V' && len(name) > 1 && name[0] == 'U' && isDigit(name[1])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
