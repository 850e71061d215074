package ciscocme

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"calltally.app/drivers"
)

// The message a gateway writes per call leg, and the one it writes per
// feature (forward, transfer) used; anything may come before the tag: a
// syslog header, a host name, a sequence number, a time stamp.
const (
	tagVOIPAAA  = "%VOIPAAA-"
	callHistory = "VOIP_CALL_HISTORY"
	featHistory = "VOIP_FEAT_HISTORY"
)

// iosTag finds the tag of any other IOS message (%SYS-5-CONFIG_I:).
var iosTag = regexp.MustCompile(`%[A-Z][A-Z0-9_]*-[0-7]-[A-Z0-9_]+:`)

// A column is a value the driver reads: its key in a VOIP_CALL_HISTORY
// message, its name in a file-accounting layout, and where it goes.
type column struct {
	key, name string
	required  bool
	slot      func(*fields) *field
}

var columns = []column{
	{"CallLegType", "leg-type", true, func(f *fields) *field { return &f.legType }},
	{"ConnectionId", "h323-conf-id", true, func(f *fields) *field { return &f.conn }},
	{"SetupTime", "h323-setup-time", true, func(f *fields) *field { return &f.setup }},
	{"PeerAddress", "peer-address", false, func(f *fields) *field { return &f.number }},
	{"DisconnectCause", "h323-disconnect-cause", false, func(f *fields) *field { return &f.cause }},
	{"ConnectTime", "h323-connect-time", false, func(f *fields) *field { return &f.connect }},
	{"DisconnectTime", "h323-disconnect-time", true, func(f *fields) *field { return &f.disconnect }},
	{"CallOrigin", "h323-call-origin", true, func(f *fields) *field { return &f.origin }},
	{"ChargedUnits", "charged-units", false, func(f *fields) *field { return &f.units }},
	{"", "clid", false, func(f *fields) *field { return &f.clid }},
	{"", "dnis", false, func(f *fields) *field { return &f.dnis }},
}

// historyKeys finds a column by its syslog key.
var historyKeys = func() map[string]*column {
	m := map[string]*column{}
	for i := range columns {
		if columns[i].key != "" {
			m[columns[i].key] = &columns[i]
		}
	}
	return m
}()

var errNoRecord = fmt.Errorf("neither call history nor file accounting: %w", drivers.ErrNotCall)

// read turns one record into a leg, whichever form it has: a syslog
// message or a CSV line of file accounting.
func (p *parser) read(text string) (leg, error) {
	if i := strings.Index(text, tagVOIPAAA); i >= 0 {
		return p.readVOIPAAA(text[i+len(tagVOIPAAA):])
	}
	if tag := iosTag.FindString(text); tag != "" {
		return leg{}, fmt.Errorf("syslog message %s not call history: %w", tag, drivers.ErrNotCall)
	}
	if isFragment(text) {
		return leg{}, errFragment
	}
	if looksLikeCSV(text) {
		return p.readCSV(text)
	}
	return leg{}, errNoRecord
}

// historyNames are all the keys of a VOIP_CALL_HISTORY message.
var historyNames = map[string]bool{
	"CallLegType": true, "ConnectionId": true, "SetupTime": true, "PeerAddress": true, "PeerSubAddress": true,
	"DisconnectCause": true, "DisconnectText": true, "ConnectTime": true, "DisconnectTime": true, "CallOrigin": true,
	"ChargedUnits": true, "InfoType": true, "TransmitPackets": true, "TransmitBytes": true, "ReceivePackets": true,
	"ReceiveBytes": true,
}

var errFragment = errors.New("the rest of a VOIP_CALL_HISTORY message, without its start: split by a syslog relay?")

// isFragment reports text that begins like the middle of a call history
// message: a key and its value.
func isFragment(text string) bool {
	first, _, _ := strings.Cut(text, ",")
	key, _, _ := strings.Cut(strings.TrimSpace(first), " ")
	return historyNames[key]
}

// readVOIPAAA reads what follows %VOIPAAA-: severity, name, message.
func (p *parser) readVOIPAAA(rest string) (leg, error) {
	name, body, _ := strings.Cut(rest, ":")
	if len(name) > 2 && name[1] == '-' {
		switch name[2:] {
		case callHistory:
			return p.readHistory(body)
		case featHistory:
			return leg{}, p.readFeature(body)
		}
	}
	return leg{}, fmt.Errorf("syslog message %s%s: not call history: %w", tagVOIPAAA, name, drivers.ErrNotCall)
}

// readHistory reads the comma-separated `Key Value` pairs of a
// VOIP_CALL_HISTORY message. Values hold no commas; keys the driver does
// not use stay in the raw record.
func (p *parser) readHistory(body string) (leg, error) {
	var f fields
	for pos := 1; body != ""; pos++ {
		var pair string
		pair, body, _ = strings.Cut(body, ",")
		key, value, _ := strings.Cut(strings.TrimSpace(pair), " ")
		c := historyKeys[key]
		if c == nil {
			continue
		}
		if s := c.slot(&f); !s.found {
			*s = field{pos: pos, name: key, value: strings.TrimSpace(value), found: true}
		}
	}
	for i := range columns {
		if c := &columns[i]; c.required && !c.slot(&f).found {
			return leg{}, fmt.Errorf("%s without %s: message cut short?", callHistory, c.key)
		}
	}
	return toLeg(&f, p.loc, &p.opts)
}

// readFeature reads a VOIP_FEAT_HISTORY message, FEAT_VSA=fn:CFA,ft:…,
// fcid:…,fwder:…: no call leg, but a forward whose fcid is the
// ConnectionId of a call still held names who forwarded that call.
func (p *parser) readFeature(body string) error {
	vsa, _ := strings.CutPrefix(strings.TrimSpace(body), "FEAT_VSA=")
	var fn, fcid, fwder string
	for item := range strings.SplitSeq(vsa, ",") {
		k, v, _ := strings.Cut(item, ":")
		switch strings.TrimSpace(k) {
		case "fn":
			fn = v
		case "fcid":
			fcid = v
		case "fwder":
			fwder = v
		}
	}
	if isForward(fn) && fwder != "" {
		p.forwarded(fcid, fwder)
	}
	return fmt.Errorf("feature record fn:%s: %w", fn, drivers.ErrNotCall)
}

// isForward reports the feature names of call forward all, busy and no answer.
func isForward(fn string) bool {
	switch fn {
	case "CFA", "CFBY", "CFNA":
		return true
	}
	return false
}
