// Package openscapevoice reads the billing files of Unify (now Mitel)
// OpenScape Voice, formerly HiPath 8000: comma-separated CDR files, one
// standard CDR per call leg, well over 100 fields each, that the
// switch's CDR handler closes and pushes (or lets the billing server
// fetch) by SFTP. The legs of one call (forwards, transfers, hunt groups,
// pick-ups) share a global thread ID, which the parser turns into
// Call.Key so that they are joined wherever they meet.
//
// README.md in this folder is the technician's guide; this package follows it.
package openscapevoice

import (
	"fmt"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:         "openscape-voice",
		Name:       "Unify OpenScape Voice (CDR billing files)",
		Transports: []drivers.Transport{drivers.SFTPReceive, drivers.SFTP, drivers.Folder},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		Header:     Header,
	})
}

// The values of the sequence-prefix setting.
const (
	prefixAuto = "auto" // told apart line by line
	prefixYes  = "yes"  // raw .BF files: every record starts with its sequence number
	prefixNo   = "no"   // plain CSV exports
)

var settings = []drivers.Setting{
	{
		Name: "sequence-prefix", Default: prefixAuto, Values: []string{prefixAuto, prefixYes, prefixNo},
		Help: `Whether records start with the billing file's sequence number ("12,00000000,…" as in raw .BF files) or with the record type ("00000000,…" as in plain CSV exports): "auto" tells them apart line by line.`,
	},
	{
		Name: "trunks", Default: "",
		Help: `SIP endpoints (CDR fields 126/127) that are PSTN gateways or trunks, comma-separated names or addresses, * matches any text, case ignored, port ignored ("sbc*.example.net,10.0.1.5"). Empty: the originating/terminating party identifiers (fields 40/41) alone decide the direction. When set, list every PSTN endpoint: any other endpoint counts as on the switch.`,
	},
	{
		Name: "voicemail-numbers", Default: "",
		Help: `Numbers of the voicemail system (the Xpressions or UC pilot), comma-separated, * matches any text. A leg answered there counts as voicemail; legs forwarded to voicemail (field 106, bit 64) count so without it.`,
	},
	{
		Name: "field-numbers", Default: "",
		Help: `Field numbers that differ from the documented layout, for releases that moved them: NAME=NUMBER pairs, comma-separated, numbered from 1 = record type ("destination=130,ingress=128"). Names: ` + fieldKeys() + `. Empty: the documented numbers (README.md).`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	prefix    string
	trunks    []drivers.Glob // empty: party identifiers decide
	voicemail []drivers.Glob
	layout    layout
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg.Location, cfg.Attribution, opts), nil
}

// readOptions reads the settings once. It checks the values again, as
// New may be called without drivers.Open and its checks.
func readOptions(s map[string]string) (options, error) {
	opts := options{prefix: s["sequence-prefix"], trunks: globs(s["trunks"]), voicemail: globs(s["voicemail-numbers"])}
	switch opts.prefix {
	case prefixAuto, prefixYes, prefixNo:
	default:
		return options{}, fmt.Errorf("setting sequence-prefix=%q: want auto, yes or no", opts.prefix)
	}
	l, err := readLayout(s["field-numbers"])
	if err != nil {
		return options{}, fmt.Errorf("setting field-numbers: %w", err)
	}
	opts.layout = l
	return opts, nil
}
