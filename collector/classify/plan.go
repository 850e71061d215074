package classify

import (
	"fmt"
	"slices"
	"strings"
)

// A DialPlan is how one site dials: its country and area, the codes its
// users dial for an outside line, its extensions, and numbers that reach
// emergency and other services. Build it with NewPlan or ParsePlan: they
// check it and prepare it for the ingest path. A DialPlan is safe for
// concurrent use and cheap to copy; copies share their caches.
type DialPlan struct {
	// Country is the site's country, ISO 3166-1 alpha-2 ("DE", "GB", "US").
	Country string
	// AreaCode is the site's area code without the national prefix ("30"
	// for Berlin, "20" for London, "212" for Manhattan): numbers dialled
	// without one are local numbers of this area, in countries that have
	// a national prefix (the library knows which). Empty: local numbers
	// are not expanded and no call is local.
	AreaCode string
	// TrunkAccess are the codes dialled for an outside line ("9", "0"),
	// stripped from the front of external numbers where the number does
	// not read as valid with them.
	TrunkAccess []string
	// National and International override the country's national (trunk)
	// prefix and international (IDD) prefix; empty, the library's apply
	// ("0" and "00" in most of Europe, "1" and "011" in North America).
	// An override is tried before the library's prefixes.
	National      string
	International string
	// Internal are the site's extension numbers as patterns ("2xx",
	// "200-299", "4[0-5]xx"; see README.md, "Number patterns").
	Internal []string
	// Emergency and Service are numbers (patterns) that reach emergency
	// or other services on top of those the library knows for Country.
	Emergency []string
	Service   []string

	c *compiled
}

// compiled is a plan prepared for matching: patterns compiled, the
// country's metadata looked up once.
type compiled struct {
	region    *region
	access    []string // longest first, so "00" is tried before "0"
	internal  []pattern
	emergency []pattern
	service   []pattern
	memo      *memo
}

// NewPlan checks p, normalises its country to upper case and returns it
// ready for use. Errors name the setting that is wrong.
func NewPlan(p DialPlan) (DialPlan, error) {
	c, err := p.compile()
	if err != nil {
		return DialPlan{}, err
	}
	p.Country = strings.ToUpper(p.Country)
	p.c = c
	return p, nil
}

func (p DialPlan) compile() (*compiled, error) {
	r, err := checkCountry(p.Country)
	if err != nil {
		return nil, err
	}
	c := &compiled{region: r, memo: newMemo()}
	if err := checkArea(p.AreaCode, r); err != nil {
		return nil, fmt.Errorf("classify: setting %s: %w", keyArea, err)
	}
	if c.access, err = checkCodes(keyAccess, p.TrunkAccess); err != nil {
		return nil, err
	}
	for _, code := range []struct{ key, value string }{{keyNational, p.National}, {keyInternational, p.International}} {
		if code.value != "" && !allDigits(code.value) {
			return nil, fmt.Errorf("classify: setting %s: %q: digits only", code.key, code.value)
		}
	}
	slices.SortStableFunc(c.access, func(a, b string) int { return len(b) - len(a) })
	lists := []struct {
		key  string
		list []string
		dst  *[]pattern
	}{{keyInternal, p.Internal, &c.internal}, {keyEmergency, p.Emergency, &c.emergency}, {keyService, p.Service, &c.service}}
	for _, l := range lists {
		if *l.dst, err = compilePatterns(l.list); err != nil {
			return nil, fmt.Errorf("classify: setting %s: %w", l.key, err)
		}
	}
	return c, nil
}

func checkCountry(country string) (*region, error) {
	if country == "" {
		return nil, fmt.Errorf("classify: setting %s: missing: the site's country, like DE or US", keyCountry)
	}
	r := regionFor(strings.ToUpper(country))
	if r == nil {
		return nil, fmt.Errorf("classify: setting %s: %q is not an ISO 3166 country code the numbering library knows", keyCountry, country)
	}
	return r, nil
}

func checkArea(area string, r *region) error {
	switch {
	case area == "":
		return nil
	case !allDigits(area) || len(area) > 6:
		return fmt.Errorf("%q: an area code is 1 to 6 digits", area)
	case r.national == "0" && area[0] == '0':
		return fmt.Errorf("%q: give the area code without the national prefix 0 (%s)", area, strings.TrimLeft(area, "0"))
	}
	return nil
}

func checkCodes(key string, codes []string) ([]string, error) {
	out := make([]string, 0, len(codes))
	for _, code := range codes {
		if !allDigits(code) {
			return nil, fmt.Errorf("classify: setting %s: %q: digits only", key, code)
		}
		out = append(out, code)
	}
	return out, nil
}

// compiled returns the prepared plan. A DialPlan not built by NewPlan is
// prepared on each call (slowly); one that does not check out matches
// nothing, so its numbers classify as unknown.
func (p DialPlan) compiled() *compiled {
	if p.c != nil {
		return p.c
	}
	if c, err := p.compile(); err == nil {
		return c
	}
	return &compiled{memo: newMemo()}
}

// NationalPrefix is the national (trunk) prefix the plan recognises: the
// override, or the library's for the country ("" where there is none).
func (p DialPlan) NationalPrefix() string {
	if p.National != "" {
		return p.National
	}
	if r := p.compiled().region; r != nil {
		return r.national
	}
	return ""
}

// InternationalPrefix is the international prefix the plan recognises:
// the override, or the library's preferred one for the country. Some
// countries have several (AU 0011, 0014…): the library recognises all of
// them; where none is preferred (BR, KR: 00 and a carrier code) this is
// the library's expression for them.
func (p DialPlan) InternationalPrefix() string {
	if p.International != "" {
		return p.International
	}
	if r := p.compiled().region; r != nil {
		return r.intlShown
	}
	return ""
}

// IsInternal reports whether number is one of the site's extensions (an
// Internal pattern).
func (p DialPlan) IsInternal(number string) bool {
	return matchAny(p.compiled().internal, strings.TrimSpace(number))
}
