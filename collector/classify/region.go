package classify

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// region is what the library's metadata says about dialling in one
// country, read once per country and kept: the ingest path must not walk
// the metadata or compile expressions per call.
type region struct {
	code            string
	callingCode     int
	callingCodeText string
	// national is the national (trunk) prefix, "" where numbers are always
	// dialled in full (IT, ES).
	national string
	// intl matches the international (IDD) prefix at the start of a
	// number; intlShown is the prefix as people dial it, for display.
	intl      prefixMatcher
	intlShown string
	// Short numbers (emergency and services) as dialled in the country.
	emergency *numberDesc
	shortCode *numberDesc
	shortAll  *numberDesc
}

// prefixMatcher finds a prefix given as digits or, where the metadata
// has alternatives (AU 0011/0014…, BR 00 + carrier), as an expression.
type prefixMatcher struct {
	literal string
	re      *regexp.Regexp
}

// length returns how long the prefix at the start of s is, 0 if none.
// As in the library, digits followed by 0 are no international prefix:
// no country code starts with 0 (IL 018… is national, 01[2-9] an IDD).
func (m prefixMatcher) length(s string) int {
	n := 0
	switch {
	case m.re != nil:
		if loc := m.re.FindStringIndex(s); loc != nil {
			n = loc[1]
		}
	case m.literal != "" && strings.HasPrefix(s, m.literal):
		n = len(m.literal)
	}
	if n == 0 || n >= len(s) || s[n] == '0' {
		return 0
	}
	return n
}

// numberDesc is a metadata number description compiled for whole-string
// matching, with its possible lengths.
type numberDesc struct {
	re      *regexp.Regexp
	lengths map[int]bool // empty: any length
}

func newNumberDesc(d *phonenumbers.PhoneNumberDesc) *numberDesc {
	if d == nil || d.GetNationalNumberPattern() == "" {
		return nil
	}
	nd := &numberDesc{re: regexp.MustCompile(`^(?:` + d.GetNationalNumberPattern() + `)$`), lengths: map[int]bool{}}
	for _, l := range d.GetPossibleLength() {
		nd.lengths[int(l)] = true
	}
	return nd
}

func (d *numberDesc) match(s string) bool {
	if d == nil {
		return false
	}
	if len(d.lengths) > 0 && !d.lengths[len(s)] {
		return false
	}
	return d.re.MatchString(s)
}

var regions = struct {
	sync.Mutex
	m map[string]*region
}{m: map[string]*region{}}

// regionFor returns the library's data for an ISO country code, nil for a
// country the library does not know.
func regionFor(code string) *region {
	regions.Lock()
	defer regions.Unlock()
	if r, ok := regions.m[code]; ok {
		return r
	}
	r := loadRegion(code)
	regions.m[code] = r
	return r
}

func loadRegion(code string) *region {
	if !phonenumbers.GetSupportedRegions()[code] {
		return nil
	}
	meta := metadataFor(code, phonenumbers.MetadataCollection)
	if meta == nil {
		return nil
	}
	r := &region{
		code:            code,
		callingCode:     int(meta.GetCountryCode()),
		callingCodeText: strconv.Itoa(int(meta.GetCountryCode())),
		national:        phonenumbers.GetNddPrefixForRegion(code, true),
	}
	r.intl, r.intlShown = intlPrefix(meta)
	if short := metadataFor(code, phonenumbers.ShortNumberMetadataCollection); short != nil {
		r.emergency = newNumberDesc(short.GetEmergency())
		r.shortCode = newNumberDesc(short.GetShortCode())
		r.shortAll = newNumberDesc(short.GetGeneralDesc())
	}
	return r
}

func metadataFor(code string, collection func() (*phonenumbers.PhoneMetadataCollection, error)) *phonenumbers.PhoneMetadata {
	coll, err := collection()
	if err != nil {
		return nil
	}
	for _, m := range coll.GetMetadata() {
		if m.GetId() == code {
			return m
		}
	}
	return nil
}

// intlPrefix reads the international prefix: a plain one ("00", "011")
// as digits, one with alternatives as an expression; the preferred form
// ("0011" in AU, "8~10" in RU, "~" meaning wait for the dial tone) is what
// the settings show.
func intlPrefix(meta *phonenumbers.PhoneMetadata) (prefixMatcher, string) {
	pat := meta.GetInternationalPrefix()
	shown := strings.ReplaceAll(meta.GetPreferredInternationalPrefix(), "~", "")
	if allDigits(pat) {
		return prefixMatcher{literal: pat}, pat
	}
	if pat == "" {
		return prefixMatcher{}, shown
	}
	if shown == "" { // BR, CO, KR: 00 and a carrier code, no one form
		shown = pat
	}
	return prefixMatcher{re: regexp.MustCompile(`^(?:` + pat + `)`)}, shown
}

// isEmergency reports whether digits exactly are an emergency number of the
// region, as the library's IsEmergencyNumber does. Where the library has no
// emergency numbers for the region, 112 and 911 count: GSM phones treat
// both as emergency numbers in every country.
func (r *region) isEmergency(digits string) bool {
	if r.emergency == nil {
		return digits == "112" || digits == "911"
	}
	return r.emergency.re.MatchString(digits)
}

// isService reports a valid short number of the region (directory,
// helplines, carrier services), as the library's IsValidShortNumberForRegion.
func (r *region) isService(digits string) bool {
	return r.shortAll.match(digits) && r.shortCode.match(digits)
}
