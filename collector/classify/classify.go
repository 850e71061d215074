package classify

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Type is what kind of line a number reaches.
type Type string

const (
	Fixed         Type = "fixed"
	Mobile        Type = "mobile"
	FixedOrMobile Type = "fixed-or-mobile" // the country's numbers do not tell (US, CA)
	TollFree      Type = "toll-free"
	Premium       Type = "premium"
	SharedCost    Type = "shared-cost"
	VoIP          Type = "voip"
	Personal      Type = "personal"
	Pager         Type = "pager"
	UAN           Type = "uan" // universal access number (company numbers)
	VoicemailBox  Type = "voicemail"
	EmergencyType Type = "emergency"
	ServiceType   Type = "service" // a short number: directory, helplines, carrier services
	InternalType  Type = "internal"
	UnknownType   Type = "unknown"
)

// Scope is how far a call goes, seen from the site.
type Scope string

const (
	InternalScope Scope = "internal"      // an extension of the site
	Local         Scope = "local"         // the site's area code, geographic number
	National      Scope = "national"      // the site's country
	International Scope = "international" // another country, or a non-geographic global service
	Emergency     Scope = "emergency"
	Service       Scope = "service"
	UnknownScope  Scope = "unknown"
)

// A Destination is where a number leads, as the plan and the library
// read it.
type Destination struct {
	E164    string // "" unless the number is a valid external number
	Country string // ISO 3166-1 alpha-2; "" for extensions, unknown and global numbers
	Type    Type
	Scope   Scope
}

var unknown = Destination{Type: UnknownType, Scope: UnknownScope}

var types = map[phonenumbers.PhoneNumberType]Type{
	phonenumbers.FIXED_LINE:           Fixed,
	phonenumbers.MOBILE:               Mobile,
	phonenumbers.FIXED_LINE_OR_MOBILE: FixedOrMobile,
	phonenumbers.TOLL_FREE:            TollFree,
	phonenumbers.PREMIUM_RATE:         Premium,
	phonenumbers.SHARED_COST:          SharedCost,
	phonenumbers.VOIP:                 VoIP,
	phonenumbers.PERSONAL_NUMBER:      Personal,
	phonenumbers.PAGER:                Pager,
	phonenumbers.UAN:                  UAN,
	phonenumbers.VOICEMAIL:            VoicemailBox,
}

// Classify tells where number leads. In order, it is
//   - emergency: the library's emergency numbers for the country, or an
//     Emergency pattern, dialled with or without an access code;
//   - internal: an Internal pattern (emergency numbers win, as PBXs
//     route them out whatever the extension plan);
//   - service: a valid short number of the country, or a Service pattern;
//   - an external number the library holds valid: its E.164 form, country,
//     type, and scope (local, national or international);
//   - unknown otherwise: empty, masked, mistyped or unknown numbers.
func (p DialPlan) Classify(number string) Destination {
	c := p.compiled()
	if c.region == nil {
		return unknown
	}
	if d, ok := c.memo.get(number); ok {
		return d
	}
	d := c.classify(number, &p)
	c.memo.put(number, d)
	return d
}

func (c *compiled) classify(number string, p *DialPlan) Destination {
	s, ok := clean(number)
	if !ok {
		if matchAny(c.internal, strings.TrimSpace(number)) { // extensions may hold * or #
			return Destination{Type: InternalType, Scope: InternalScope}
		}
		return unknown
	}
	cands := c.candidates(s)
	switch {
	case c.anyCandidate(cands, c.isEmergency):
		return Destination{Country: c.region.code, Type: EmergencyType, Scope: Emergency}
	case matchAny(c.internal, s):
		return Destination{Type: InternalType, Scope: InternalScope}
	case c.anyCandidate(cands, c.isService):
		return Destination{Country: c.region.code, Type: ServiceType, Scope: Service}
	}
	for _, cand := range cands {
		if e, ok := c.resolve(cand, p); ok {
			return c.destination(e, p)
		}
	}
	return unknown
}

func (c *compiled) anyCandidate(cands []string, f func(string) bool) bool {
	for _, s := range cands {
		if s[0] != '+' && f(s) {
			return true
		}
	}
	return false
}

func (c *compiled) isEmergency(s string) bool {
	return matchAny(c.emergency, s) || c.region.isEmergency(s)
}

func (c *compiled) isService(s string) bool {
	return matchAny(c.service, s) || c.region.isService(s)
}

func (c *compiled) destination(e external, p *DialPlan) Destination {
	d := Destination{E164: e.e164(), Country: e.region, Type: types[e.typ], Scope: National}
	switch {
	case e.region != c.region.code:
		d.Scope = International
	case c.isLocal(e, p):
		d.Scope = Local
	}
	if len(d.Country) != 2 { // "001": global services such as +800
		d.Country = ""
	}
	return d
}

// isLocal reports a geographic number of the site's area: its national
// significant number starts with the area code. Area codes are prefix
// free within a country, so the prefix is the area.
func (c *compiled) isLocal(e external, p *DialPlan) bool {
	if p.AreaCode == "" || (e.typ != phonenumbers.FIXED_LINE && e.typ != phonenumbers.FIXED_LINE_OR_MOBILE) {
		return false
	}
	return strings.HasPrefix(phonenumbers.GetNationalSignificantNumber(e.num), p.AreaCode)
}
