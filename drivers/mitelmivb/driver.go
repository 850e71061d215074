// Package mitelmivb reads the SMDR (Station Message Detail Recording)
// output of Mitel MiVoice Business (MCD, 3300 ICP): fixed-width records,
// one per trunk call (and per internal call with internal SMDR), each
// written when the call ends and stamped with the time it started.
//
// The record has no year and its columns move with the options of the
// PBX's SMDR Options form, which the settings mirror. README.md in this
// folder is the technician's guide; this package follows it.
package mitelmivb

import (
	"fmt"
	"slices"
	"strings"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:   "mitel-mivb",
		Name: "Mitel MiVoice Business / MCD / 3300 ICP (SMDR)",
		// The controller is the TCP server of its SMDR port (1752) and never
		// connects out: there is no tcp-listen.
		Transports: []drivers.Transport{drivers.TCPDial, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		// Extended reporting, which needs extended digit length.
		Variants: []map[string]string{{"extended-reporting": "level1", "extended-digits": "yes"},
			{"extended-reporting": "level2", "extended-digits": "yes"}},
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	yes  = "yes"
	no   = "no"
	auto = "auto"

	clock24 = "24"
	clock12 = "12"

	reportingOff = "off"
	level1       = "level1"
	level2       = "level2"
)

var settings = []drivers.Setting{
	{
		Name: "clock", Default: clock24, Values: []string{clock24, clock12},
		Help: `The PBX's SMDR time format: 24-hour, or 12-hour with P (PM) after the start time. ` +
			`A P is honoured with either setting; only 12:xx without P differs (noon on 24, midnight on 12).`,
	},
	{
		Name: "extended-digits", Default: auto, Values: []string{auto, yes, no},
		Help: `SMDR Options "Extended Digit Length" (101-column records, durations hhhh:mm:ss): ` +
			`"auto" tells each record by its duration; "yes" or "no" insists.`,
	},
	{
		Name: "extended-tta", Default: no, Values: []string{no, yes},
		Help: `SMDR Options "Extended Time To Answer": a 4-digit time to answer, the attendant flag moved one column left.`,
	},
	{
		Name: "meter-pulses", Default: no, Values: []string{no, yes},
		Help: `SMDR Options "Record Meter Pulses": the last 5 of the 26 digit columns hold meter pulses.`,
	},
	{
		Name: "ani-dnis", Default: yes, Values: []string{yes, no},
		Help: `SMDR Options "ANI/DNIS/ISDN/CLASS Number Delivery Reporting": "yes" reads the caller's number (ANI) and DNIS ` +
			`where a record has them (records without them read the same); "no" rejects records longer than the base record.`,
	},
	{
		Name: "network-oli", Default: yes, Values: []string{yes, no},
		Help: `SMDR Options "Standardized Network OLI": "yes" reads the call identifiers after ANI/DNIS where a record has them ` +
			`and joins records of one call by them; "no" rejects records that reach those columns.`,
	},
	{
		Name: "extended-reporting", Default: reportingOff, Values: []string{reportingOff, level1, level2},
		Help: `SMDR Options "Extended Reporting": level1 adds the LDN column and widens ANI/DNIS, level2 also gives ` +
			`the start time with seconds. Its columns are not fully published: check a record against README.md.`,
	},
	{
		Name: "network-format", Default: no, Values: []string{no, yes},
		Help: `SMDR Options "Network Format" (MSDN/DPNSS clusters): the digits of calls on non-CO (X) trunks carry node IDs, ` +
			`so they are kept as dialled digits, not taken for the outside number.`,
	},
	{
		Name: "voicemail",
		Help: `Numbers of voicemail or auto-attendant hunt groups and ports, comma-separated: a call they take counts as voicemail.`,
	},
	{
		Name: "fields",
		Help: `A layout of its own, for records the options above do not describe: items NAME:LENGTH in order, ` +
			`comma-separated (README.md lists the names). When set, the layout options are not read.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	twelveHour    bool
	networkFormat bool
	voicemail     map[string]bool
	// layouts are the layouts a record may be in: one, or with
	// extended-digits=auto the standard one and the extended-digit one.
	layouts []*layout
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return &parser{loc: cfg.Location, attr: cfg.Attribution, opts: opts}, nil
}

// readOptions checks what drivers.Resolve cannot (New may be called
// without it) and builds the layouts the settings describe.
func readOptions(s map[string]string) (options, error) {
	for _, set := range settings {
		if v := s[set.Name]; len(set.Values) > 0 && !slices.Contains(set.Values, v) {
			return options{}, fmt.Errorf("setting %s=%q: want one of %s", set.Name, v, strings.Join(set.Values, ", "))
		}
	}
	opts := options{
		twelveHour: s["clock"] == clock12, networkFormat: s["network-format"] == yes,
		voicemail: drivers.NumberSet(s["voicemail"]),
	}
	if spec := strings.TrimSpace(s["fields"]); spec != "" {
		l, err := parseLayout("custom fields", spec)
		if err != nil {
			return options{}, fmt.Errorf("setting fields: %w", err)
		}
		l.open = true // a site describes the columns it knows, not always the whole record
		opts.layouts = []*layout{l}
		return opts, nil
	}
	opts.layouts = presetLayouts(presetOf(s))
	return opts, nil
}

// presetOf reads the layout options of the SMDR Options form.
func presetOf(s map[string]string) preset {
	return preset{
		extendedDigits: s["extended-digits"], extendedTTA: s["extended-tta"] == yes,
		meterPulses: s["meter-pulses"] == yes, aniDNIS: s["ani-dnis"] == yes,
		networkOLI: s["network-oli"] == yes, reporting: s["extended-reporting"],
	}
}
