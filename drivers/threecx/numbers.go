package threecx

import (
	"errors"
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// A kind is what a party of a record is: a person, a machine that routes
// calls, the voicemail or the outside world.
type kind uint8

const (
	kindNone      kind = iota // the record names no such party
	kindPerson                // an extension
	kindAuto                  // picked up at once: an IVR or queue the settings do not name
	kindQueue                 // a queue or ring group
	kindIVR                   // an IVR (digital receptionist)
	kindVoicemail             // the voicemail of the extension in the DN
	kindOutside               // an outside number, reached through a line
	kindEnd                   // EndCall: the PBX ended the call itself
	kindOther                 // conference, parking, fax and other system DNs
)

// A side is a party of a record, classified.
type side struct {
	kind   kind
	typed  bool   // the kind comes from a type field
	number string // the internal number (extension, group, mailbox), or the outside number
	line   string // the line DN an outside party was reached through
	name   string
}

// internal reports a party inside the PBX, one that can be counted against.
func (s side) internal() bool {
	switch s.kind {
	case kindPerson, kindAuto, kindQueue, kindIVR, kindVoicemail, kindOther:
		return true
	}
	return false
}

// classify reads a party: by its type field where the layout has one and
// it names a known type, else by its numbers (README.md, "Without the
// type fields").
func (o *options) classify(p party) side {
	s := side{name: p.name, number: o.internal(p.no, p.dn)}
	if k, ok := typeKind(p.typ); ok {
		s.kind, s.typed = k, true
	} else {
		s.kind = o.kindOf(p.no, p.dn, s.number)
	}
	switch {
	case s.kind == kindOutside:
		s.number, s.line = outsideNumber(p.no, p.dn), o.line(p.no, p.dn)
		if s.typed && s.line == "" && p.dn != p.no {
			s.line = p.dn // the type says it is a line, whatever its length
		}
	case s.kind == kindEnd:
		s.number = ""
	case s.typed && s.number == "":
		s.number = typedNumber(p.no, p.dn)
	}
	return s
}

// typedNumber is the number of an internal party the type field names but
// the numbers do not tell: an extension longer than internal-digits.
func typedNumber(no, dn string) string {
	if dn != "" {
		return dn
	}
	if n, ok := extNumber(no); ok {
		return n
	}
	return no
}

func (o *options) kindOf(no, dn, number string) kind {
	switch {
	case no == "" && dn == "":
		return kindNone
	case isEnd(no) || isEnd(dn):
		return kindEnd
	case o.isVoicemail(no):
		return kindVoicemail
	case o.line(no, dn) != "":
		return kindOutside
	case number != "":
		return o.internalKind(number)
	case dn != "" && !isNumber(dn):
		return kindOther // a system DN 3CX names in words
	}
	return kindOutside // bare long numbers, +E.164, "anonymous"
}

func (o *options) internalKind(number string) kind {
	switch {
	case number == o.voicemail:
		return kindVoicemail
	case o.queues.has(number):
		return kindQueue
	case o.ivrs.has(number):
		return kindIVR
	}
	return kindPerson
}

// internal returns a party's internal number: its DN when that is one,
// else its number written Ext.114 (PickupExt.125 for a pickup) or short
// enough; "" for outside parties.
func (o *options) internal(no, dn string) string {
	if o.isInternal(dn) {
		return dn
	}
	if n, ok := extNumber(no); ok {
		return n
	}
	if o.isInternal(no) {
		return no
	}
	return ""
}

func (o *options) isInternal(s string) bool {
	if _, ok := drivers.Digits(s, o.internalDigits); !ok {
		return false
	}
	return o.lines.empty() || !o.lines.has(s)
}

// line returns a party's DN when it is a line: one of the lines setting,
// or without it a DN longer than internal numbers that is not just the
// outside number again (3CX writes that for failed outbound attempts).
func (o *options) line(no, dn string) string {
	if dn == "" {
		return ""
	}
	if !o.lines.empty() {
		if o.lines.has(dn) {
			return dn
		}
		return ""
	}
	if _, ok := drivers.Digits(dn, 18); !ok || len(dn) <= o.internalDigits || dn == strings.TrimPrefix(no, "+") {
		return ""
	}
	return dn
}

// isVoicemail reports the number the voicemail writes itself as: Ext.999.
func (o *options) isVoicemail(no string) bool {
	n, ok := extNumber(no)
	if !ok {
		n = no
	}
	return n == o.voicemail
}

// outsideNumber is the outside party's number as written, the DN where
// the number field is empty.
func outsideNumber(no, dn string) string {
	if no != "" {
		return no
	}
	return dn
}

// extNumber reads the numbers 3CX writes for internal parties: Ext.114,
// and PickupExt.125 for a call picked up at another phone.
func extNumber(no string) (string, bool) {
	i := strings.Index(no, "Ext.")
	if i < 0 || (i > 0 && no[:i] != "Pickup") {
		return "", false
	}
	n := no[i+len("Ext."):]
	_, ok := drivers.Digits(n, 18)
	return n, ok
}

func isEnd(s string) bool { return strings.EqualFold(s, "EndCall") }

// isNumber reports digits, with a leading + for E.164.
func isNumber(s string) bool {
	_, ok := drivers.Digits(strings.TrimPrefix(s, "+"), 32)
	return ok
}

// typeKinds maps the type fields' values, compared without case: 3CX
// versions differ (Ivr, ivr).
var typeKinds = []struct {
	name string
	kind kind
}{
	{"Extension", kindPerson},
	{"Line", kindOutside}, {"ExternalLine", kindOutside}, {"Trunk", kindOutside}, {"Gateway", kindOutside}, {"External", kindOutside},
	{"Queue", kindQueue}, {"RingGroup", kindQueue}, {"RingGroupRingAll", kindQueue}, {"HuntGroup", kindQueue},
	{"IVR", kindIVR}, {"DigitalReceptionist", kindIVR},
	{"VoiceMail", kindVoicemail}, {"VMail", kindVoicemail}, {"VMailBox", kindVoicemail}, {"VoiceMailBox", kindVoicemail},
	{"EndCall", kindEnd},
	{"ConfPlace", kindOther}, {"Conference", kindOther}, {"Parking", kindOther}, {"ParkingPlace", kindOther},
	{"Fax", kindOther}, {"Special", kindOther},
}

var typeSpacing = strings.NewReplacer(" ", "", "_", "", "-", "")

// typeKind reads a type field; an unknown or empty type leaves the party
// to its numbers.
func typeKind(t string) (kind, bool) {
	if t == "" {
		return kindNone, false
	}
	if strings.ContainsAny(t, " _-") {
		t = typeSpacing.Replace(t) // Ring Group, ring_group
	}
	for _, tk := range typeKinds {
		if strings.EqualFold(t, tk.name) {
			return tk.kind, true
		}
	}
	return kindNone, false
}

// A numberSet is a list of numbers and ranges from a setting: 800-809, 850.
type numberSet []numberRange

type numberRange struct{ lo, hi int64 }

func parseNumberSet(s string) (numberSet, error) {
	var set numberSet
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		r, err := parseRange(item)
		if err != nil {
			return nil, err
		}
		set = append(set, r)
	}
	return set, nil
}

var errRange = errors.New("want numbers or ranges, e.g. 800-809,850")

func parseRange(item string) (numberRange, error) {
	lo, hi, isRange := strings.Cut(item, "-")
	a, ok1 := drivers.Digits(strings.TrimSpace(lo), 18)
	b, ok2 := a, true
	if isRange {
		b, ok2 = drivers.Digits(strings.TrimSpace(hi), 18)
	}
	if !ok1 || !ok2 || b < a {
		return numberRange{}, fmt.Errorf("%q: %w", item, errRange)
	}
	return numberRange{a, b}, nil
}

func (ns numberSet) empty() bool { return len(ns) == 0 }

func (ns numberSet) has(s string) bool {
	if len(ns) == 0 {
		return false
	}
	n, ok := drivers.Digits(s, 18)
	if !ok {
		return false
	}
	for _, r := range ns {
		if r.lo <= n && n <= r.hi {
			return true
		}
	}
	return false
}
