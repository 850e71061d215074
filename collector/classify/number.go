package classify

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// maxDigits bounds what is read as a number: 15 digits of E.164 behind
// the longest access and international prefixes (AU 14xx0011, BR 00xx).
const maxDigits = 24

// clean returns number's dialable form: digits with a leading +, without
// the separators people and PBXs write (blanks, - . / ( )) and without a
// trailing # (end of dialling). Anything else (letters, *, the ? or X of
// masked numbers) is not a number CallTally can place: ok is false.
func clean(number string) (string, bool) {
	number = strings.TrimSpace(number)
	number = strings.TrimSuffix(number, "#")
	var b strings.Builder
	for i := 0; i < len(number); i++ {
		switch c := number[i]; {
		case isDigit(c):
			b.WriteByte(c)
		case c == '+' && b.Len() == 0:
			b.WriteByte(c)
		case strings.IndexByte(" -./()", c) >= 0:
		default:
			return "", false
		}
	}
	s := b.String()
	digits := len(strings.TrimPrefix(s, "+"))
	return s, digits > 0 && digits <= maxDigits
}

// candidates are the readings of a cleaned number to try, in order: as
// written, then without each trunk access code it starts with. The
// number as written comes first because most drivers already drop the
// access code; one that reads as valid both ways is taken as written.
func (c *compiled) candidates(s string) []string {
	out := []string{s}
	for _, a := range c.access {
		if len(s) > len(a) && strings.HasPrefix(s, a) {
			out = append(out, s[len(a):])
		}
	}
	return out
}

// external is a valid external number: the library's number, its
// region and type.
type external struct {
	num    *phonenumbers.PhoneNumber
	region string
	typ    phonenumbers.PhoneNumberType
}

// resolve reads s (cleaned, one candidate) as an external number and
// reports whether it is a valid one.
func (c *compiled) resolve(s string, p *DialPlan) (external, bool) {
	r := c.region
	switch {
	case p.International != "" && strings.HasPrefix(s, p.International):
		rest := s[len(p.International):]
		return valid(parseIntl("+"+rest, rest, r.code))
	case p.National != "" && strings.HasPrefix(s, p.National):
		return parseDialled(s[len(p.National):], r)
	case s[0] == '+' || r.intl.length(s) > 0 || r.national != "" && strings.HasPrefix(s, r.national):
		return parseDialled(s, r)
	}
	// No prefix: a local number, else the country's own calling code
	// without + (caller IDs of SIP trunks), else a national number
	// without its prefix.
	if e, ok := c.local(s, p); ok {
		return e, true
	}
	if strings.HasPrefix(s, r.callingCodeText) {
		if e, ok := valid(parseIntl("+"+s, s, r.code)); ok {
			return e, true
		}
	}
	return parseDialled(s, r)
}

// minLocal is the fewest digits read as a local number. Shorter local
// numbers are all but gone (a few villages); digits that short in a call
// record are extensions of other sites, feature and service codes, which
// must not become a made-up number in the site's area.
const minLocal = 5

// local reads s as a number of the site's area dialled without the area
// code. Only countries with a national prefix allow that: where there is
// none (IT, ES), every number is dialled in full.
func (c *compiled) local(s string, p *DialPlan) (external, bool) {
	r := c.region
	if p.AreaCode == "" || r.national == "" || len(s) < minLocal {
		return external{}, false
	}
	e, ok := parseDialled(r.national+p.AreaCode+s, r)
	if !ok || e.region != r.code {
		return external{}, false
	}
	return e, true
}

// valid keeps a parsed number only if it is a valid one: it belongs to
// a region and has a type (the library's IsValidNumber is exactly that,
// so it is not asked a second time) and fits in E.164's 15 digits (the
// metadata of some countries, DE, allows more).
func valid(n *phonenumbers.PhoneNumber, ok bool) (external, bool) {
	if !ok {
		return external{}, false
	}
	e := external{num: n, region: phonenumbers.GetRegionCodeForNumber(n)}
	if e.region == "" || e.region == phonenumbers.UNKNOWN_REGION {
		return external{}, false
	}
	if len(phonenumbers.GetNationalSignificantNumber(n))+len(strconv.Itoa(int(n.GetCountryCode()))) > 15 {
		return external{}, false
	}
	e.typ = phonenumbers.GetNumberType(n)
	return e, e.typ != phonenumbers.UNKNOWN
}

func (e external) e164() string {
	return phonenumbers.Format(e.num, phonenumbers.E164)
}

// Normalise returns number in E.164 (+4930123456) as the plan reads it:
// trunk access codes stripped, national and international prefixes
// handled, local numbers given the site's area code, separators ignored.
// A number that does not read as a valid external number (an extension,
// a short number, a masked or mistyped one) is not normalised: ok is
// false and the caller keeps the digits as dialled.
func (p DialPlan) Normalise(number string) (string, bool) {
	d := p.Classify(number)
	return d.E164, d.E164 != ""
}
