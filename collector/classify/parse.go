package classify

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// The library's Parse reads any text a person may type (letters,
// extensions, formatting), and half of its time goes to that. Numbers here
// are already clean digits, so where the country's national prefix is a
// plain one (no carrier codes, no transformations) they are split into
// country code and national number directly, as Parse would split them;
// elsewhere Parse does it. TestParseMatchesLibrary holds the two equal.

// prefixInfo is what splitting needs to know of a country calling code:
// its main region's national prefix for parsing (an expression: "0",
// "0|180020", carrier codes in BR) and whether it is plain digits to strip
// (no alternatives, no transform rule).
type prefixInfo struct {
	npp   string
	re    *regexp.Regexp // npp anchored; nil without one
	plain bool
}

// starts reports whether s starts with the national prefix: only then
// does Parse strip or transform anything.
func (pi prefixInfo) starts(s string) bool {
	return pi.re != nil && pi.re.MatchString(s)
}

var prefixes = sync.OnceValue(loadPrefixes)

func loadPrefixes() map[int]prefixInfo {
	m := map[int]prefixInfo{}
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return m
	}
	for _, meta := range coll.GetMetadata() {
		cc := int(meta.GetCountryCode())
		if phonenumbers.GetRegionCodeForCountryCode(cc) != meta.GetId() {
			continue // not the main region of its code: Parse uses the main one's
		}
		npp := meta.GetNationalPrefixForParsing()
		info := prefixInfo{npp: npp, plain: meta.GetNationalPrefixTransformRule() == "" && allDigits(npp)}
		if npp != "" {
			info.re = regexp.MustCompile(`^(?:` + npp + `)`)
		}
		m[cc] = info
	}
	return m
}

// countryCode splits the country code off digits in international form,
// 0 if they start with none the library knows. Codes are prefix-free.
func countryCode(digits string) (int, string) {
	for l := 1; l <= 3 && l < len(digits); l++ {
		cc, _ := strconv.Atoi(digits[:l])
		if len(phonenumbers.GetRegionCodesForCountryCode(cc)) > 0 {
			return cc, digits[l:]
		}
	}
	return 0, ""
}

// parseIntl reads digits (after + or an international prefix) as the
// library would; s is the number as dialled, for the library's own Parse.
func parseIntl(s, digits, region string) (*phonenumbers.PhoneNumber, bool) {
	cc, nsn := countryCode(digits)
	if cc == 0 {
		return nil, false
	}
	if info, ok := prefixes()[cc]; !ok || info.starts(nsn) {
		return libraryParse(s, region)
	}
	return number(cc, nsn)
}

// parseDialled reads s as dialled in region r (with +, an international
// prefix, the national prefix or none) and keeps it if valid: the number
// the library's Parse(s, r.code) reads, where that is valid.
func parseDialled(s string, r *region) (external, bool) {
	if s[0] == '+' {
		return valid(parseIntl(s, s[1:], r.code))
	}
	if n := r.intl.length(s); n > 0 {
		return valid(parseIntl(s, s[n:], r.code))
	}
	info, ok := prefixes()[r.callingCode]
	switch {
	case !ok || phonenumbers.GetRegionCodeForCountryCode(r.callingCode) != r.code:
		return valid(libraryParse(s, r.code)) // Parse reads it with the site's own metadata
	case info.plain && strings.HasPrefix(s, info.npp) && info.npp != "":
		if e, ok := valid(number(r.callingCode, s[len(info.npp):])); ok {
			return e, true
		}
		// Parse keeps the prefix where the rest is no number of the
		// country (RU 8 800…: a toll-free number without its 8)
		return valid(libraryParse(s, r.code))
	case info.starts(s) || strings.HasPrefix(s, r.callingCodeText):
		// carrier codes; or Parse may take the digits for the country code
		return valid(libraryParse(s, r.code))
	}
	return valid(number(r.callingCode, s))
}

// number builds the library's number from a country code and national
// significant number, leading zeros kept as Parse keeps them.
func number(cc int, nsn string) (*phonenumbers.PhoneNumber, bool) {
	if len(nsn) < 2 || len(nsn) > 17 {
		return nil, false
	}
	nn, err := strconv.ParseUint(nsn, 10, 64)
	if err != nil {
		return nil, false
	}
	cc32, leading := int32(cc), true
	n := &phonenumbers.PhoneNumber{CountryCode: &cc32, NationalNumber: &nn}
	if nsn[0] == '0' {
		n.ItalianLeadingZero = &leading
		zeros := 1
		for zeros < len(nsn)-1 && nsn[zeros] == '0' {
			zeros++
		}
		if zeros != 1 {
			z := int32(zeros)
			n.NumberOfLeadingZeros = &z
		}
	}
	return n, true
}

func libraryParse(s, region string) (*phonenumbers.PhoneNumber, bool) {
	n, err := phonenumbers.Parse(s, region)
	return n, err == nil
}
