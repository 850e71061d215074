package classify

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// The setting names of a dial plan, as stored with a PBX and typed in the
// CLI (README.md, "Settings").
const (
	keyCountry       = "country"
	keyArea          = "area"
	keyAccess        = "access"
	keyNational      = "national"
	keyInternational = "international"
	keyInternal      = "internal"
	keyEmergency     = "emergency"
	keyService       = "service"
)

// Settings describes the dial-plan settings, in the order the text form
// writes them, for the CLI and the desktop app to list and explain.
var Settings = []drivers.Setting{
	{Name: keyCountry, Help: "the site's country, ISO 3166 code: DE, GB, US"},
	{Name: keyArea, Help: "the site's area code without the national prefix (30 for Berlin); numbers dialled without one are local"},
	{Name: keyAccess, Help: "codes dialled for an outside line, comma-separated: 9 or 0"},
	{Name: keyNational, Help: "national prefix, if not the country's usual one (0 in most countries, 1 in North America)"},
	{Name: keyInternational, Help: "international prefix, if not the country's usual one (00, 011 in North America)"},
	{Name: keyInternal, Help: "extension numbers, comma-separated patterns: 2xx, 200-299, 4[0-5]xx"},
	{Name: keyEmergency, Help: "emergency numbers besides the country's (112, 110, 911 … are known), as patterns"},
	{Name: keyService, Help: "service numbers besides the country's short numbers, as patterns"},
}

// ParsePlan builds a plan from settings (name → value, lists
// comma-separated), as stored with a PBX. Empty values are unset; unknown
// names are errors, so a mistyped setting is not silently ignored.
func ParsePlan(settings map[string]string) (DialPlan, error) {
	for name := range settings {
		if !known(name) {
			return DialPlan{}, fmt.Errorf("classify: unknown setting %q (settings: %s)", name, settingNames())
		}
	}
	get := func(k string) string { return strings.TrimSpace(settings[k]) }
	p := DialPlan{
		Country:       get(keyCountry),
		AreaCode:      get(keyArea),
		TrunkAccess:   list(get(keyAccess)),
		National:      get(keyNational),
		International: get(keyInternational),
		Internal:      list(get(keyInternal)),
		Emergency:     list(get(keyEmergency)),
		Service:       list(get(keyService)),
	}
	return NewPlan(p)
}

// ParseText builds a plan from its text form: name=value pairs separated
// by blanks, lists comma-separated without blanks, as String writes it:
//
//	country=DE area=30 access=0 internal=200-299,4[0-5]xx
func ParseText(text string) (DialPlan, error) {
	settings := map[string]string{}
	for _, pair := range strings.Fields(text) {
		name, value, ok := strings.Cut(pair, "=")
		if !ok {
			return DialPlan{}, fmt.Errorf("classify: %q: a setting is name=value", pair)
		}
		if _, dup := settings[name]; dup {
			return DialPlan{}, fmt.Errorf("classify: setting %s given twice", name)
		}
		settings[name] = value
	}
	return ParsePlan(settings)
}

// Map returns the plan's settings as ParsePlan reads them, unset ones
// left out.
func (p DialPlan) Map() map[string]string {
	m := map[string]string{}
	for _, s := range Settings {
		if v := p.value(s.Name); v != "" {
			m[s.Name] = v
		}
	}
	return m
}

// String returns the plan's text form, which ParseText reads back.
func (p DialPlan) String() string {
	var pairs []string
	for _, s := range Settings {
		if v := p.value(s.Name); v != "" {
			pairs = append(pairs, s.Name+"="+v)
		}
	}
	return strings.Join(pairs, " ")
}

func (p DialPlan) value(name string) string {
	switch name {
	case keyCountry:
		return p.Country
	case keyArea:
		return p.AreaCode
	case keyAccess:
		return strings.Join(p.TrunkAccess, ",")
	case keyNational:
		return p.National
	case keyInternational:
		return p.International
	case keyInternal:
		return strings.Join(p.Internal, ",")
	case keyEmergency:
		return strings.Join(p.Emergency, ",")
	case keyService:
		return strings.Join(p.Service, ",")
	}
	return ""
}

func list(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func known(name string) bool {
	for _, s := range Settings {
		if s.Name == name {
			return true
		}
	}
	return false
}

func settingNames() string {
	names := make([]string, len(Settings))
	for i, s := range Settings {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// ParseOptional reads a dial plan in the text form, as stored with a PBX;
// nil, without error, for an empty one (a PBX with no dial plan).
func ParseOptional(text string) (*DialPlan, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	p, err := ParseText(text)
	if err != nil {
		return nil, fmt.Errorf("dial plan: %w", err)
	}
	return &p, nil
}
