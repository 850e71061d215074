// Package mitelmivo400 reads the Call Logging (CL) output of Mitel MiVoice
// Office 400 (formerly Aastra 400, Aastra/Ascotel IntelliGate): fixed-width
// PC5 records (or the older PC1 to PC4), one per internal user a call
// reached, incoming (ICL) and outgoing (OCL) alike, each started by a tab
// and stamped with the minute its part of the call began.
//
// README.md in this folder is the technician's guide; this package follows it.
package mitelmivo400

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// ID is the driver's name on the command line and in the database.
const ID = "mitel-mivo400"

func init() {
	drivers.Register(&drivers.Driver{
		ID:   ID,
		Name: "Mitel MiVoice Office 400 (Call Logging, PC5)",
		// The PBX is the TCP server of its CL output: CallTally dials it.
		Transports: []drivers.Transport{drivers.TCPDial, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		// The older formats, and the day-first dates every printed example shows.
		Variants: []map[string]string{{"format": formatPC4}, {"format": formatPC3}, {"format": formatPC2},
			{"format": formatPC1}, {"date-order": dayFirst}},
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	formatPC5 = "pc5"
	formatPC4 = "pc4"
	formatPC3 = "pc3"
	formatPC2 = "pc2"
	formatPC1 = "pc1"

	yearFirst = "yymmdd"
	dayFirst  = "ddmmyy"

	callerVerified  = "id2"
	callerPresented = "id1"

	numberSystem = "dest1"
	numberUser   = "dest2"

	off = "off"
	on  = "on"
)

var settings = []drivers.Setting{
	{
		Name: "format", Default: formatPC5, Values: []string{formatPC5, formatPC4, formatPC3, formatPC2, formatPC1},
		Help: `Output format of the PBX's call logging: "pc5" (recommended) or the older "pc4", "pc3", "pc2", "pc1".`,
	},
	{
		Name: "fields", Default: "",
		Help: `The record layout, when it differs from the format's documented one: fields in order, comma-separated, each NAME:LENGTH (no, cc, sc, date, time, duration, charges, metpul, exch, id1, id2, dest1, dest2, ddi, tta, seq, serial, skip), one blank between fields. Empty: the format's layout.`,
	},
	{
		Name: "date-order", Default: yearFirst, Values: []string{yearFirst, dayFirst},
		Help: `How the DATE field is written: "yymmdd" as the manuals' field tables give it, or "ddmmyy" as their printed examples show.`,
	},
	{
		Name: "caller-id", Default: callerVerified, Values: []string{callerVerified, callerPresented},
		Help: `The caller's number on incoming calls: "id2", the number the network verified (ID1 when it is blank), or "id1", the number the caller presents (ID2 when it is blank).`,
	},
	{
		Name: "outbound-number", Default: numberSystem, Values: []string{numberSystem, numberUser},
		Help: `The number called on outgoing calls: "dest1", as the PBX dialled it (with least-cost-routing prefixes), or "dest2", as the user dialled it. Either falls back to the other when blank.`,
	},
	{
		Name: "data-protection", Default: off, Values: []string{off, on},
		Help: `"on" where the PBX's data protection hides the last 4 digits of dialled numbers: they are kept as X. "off" keeps numbers as sent.`,
	},
	{
		Name: "voicemail", Default: "",
		Help: `User numbers of the voicemail system and auto attendants, comma-separated (899 in the default numbering plan): calls they answer count as voicemail.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	layout     *layout
	dayFirst   bool
	presented  bool // caller from ID1 first
	userNumber bool // outgoing number from DEST2 first
	markHidden bool // data protection: hidden digits as X
	voicemail  map[string]bool
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return &parser{loc: cfg.Location, attr: cfg.Attribution, opts: opts}, nil
}

// readOptions checks what drivers.Resolve cannot: the layout and the
// voicemail numbers.
func readOptions(s map[string]string) (options, error) {
	opts := options{
		dayFirst:   s["date-order"] == dayFirst,
		presented:  s["caller-id"] == callerPresented,
		userNumber: s["outbound-number"] == numberUser,
		markHidden: s["data-protection"] == on,
	}
	l, err := formatLayout(s["format"], s["fields"])
	if err != nil {
		return options{}, err
	}
	opts.layout = l
	opts.voicemail, err = readNumbers(s["voicemail"])
	if err != nil {
		return options{}, fmt.Errorf("setting voicemail: %w", err)
	}
	return opts, nil
}

// formatLayout is the layout of format, or the one fields describes.
func formatLayout(format, fields string) (*layout, error) {
	preset, ok := presets[format]
	if !ok {
		return nil, fmt.Errorf("setting format=%q: want pc5, pc4, pc3, pc2 or pc1", format)
	}
	if strings.TrimSpace(fields) == "" {
		return preset, nil
	}
	l, err := parseLayout(format+" with fields", fields, preset.rightNumbers)
	if err != nil {
		return nil, fmt.Errorf("setting fields: %w", err)
	}
	return l, nil
}

// readNumbers reads a comma-separated list of user numbers.
func readNumbers(list string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if strings.ContainsFunc(n, func(r rune) bool { return r < '0' || r > '9' }) {
			return nil, fmt.Errorf("%q: want user numbers (digits), comma-separated", n)
		}
		set[n] = true
	}
	return set, nil
}
