// Package openscapebusiness reads the call charge data (central call
// detail recording, "Gesprächsdatenerfassung") of Unify / Mitel OpenScape
// Business and of the systems before it that write the same records:
// OpenScape Office, HiPath 3000 and Hicom 150 E Office. Every call segment
// on a trunk gives one record, written when the segment ends and stamped
// with that time; internal calls give none.
//
// README.md in this folder is the technician's guide; this package follows it.
package openscapebusiness

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:   "openscape-business",
		Name: "Unify OpenScape Business / Office, HiPath 3000 (call charge data)",
		// The PBX pushes records as a TCP client (HiPath "TCP client"), a
		// serial-to-LAN bridge serves them to a client, or files saved by
		// the Accounting Manager or a download script are polled.
		Transports: []drivers.Transport{drivers.TCPListen, drivers.TCPDial, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	layoutAuto      = "auto"      // decide per record
	layoutSeparated = "separated" // fields between | (OpenScape Business / Office)
	layoutFixed     = "fixed"     // HiPath 3000 / Hicom compressed: fixed columns, no separators
	layoutPrinter   = "printer"   // HiPath 3000 / Hicom long form: columns separated by blanks

	chargesUnits  = "units"
	chargesAmount = "amount"

	maxTransferGap = time.Hour
)

var settings = []drivers.Setting{
	{
		Name: "layout", Default: layoutAuto, Values: []string{layoutAuto, layoutSeparated, layoutFixed, layoutPrinter},
		Help: `How records are laid out: "separated" fields between | (OpenScape Business and Office, compressed or uncompressed), ` +
			`"fixed" the HiPath 3000 / Hicom compressed columns without separators, "printer" their long (printer) form; ` +
			`"auto" tells them apart record by record.`,
	},
	{
		Name: "charges", Default: chargesUnits, Values: []string{chargesUnits, chargesAmount},
		Help: `What the charges field holds: "units" (charge pulses, the compressed default) are counted; ` +
			`"amount" (the PBX's "display amounts instead of units" flag, and the printer form) stays in the raw record.`,
	},
	{
		Name: "voicemail", Default: "",
		Help: `Call numbers of the voicemail and auto attendant (comma-separated, e.g. 351,352): a segment they took counts as voicemail, not as answered by a person.`,
	},
	{
		Name: "transfer-gap", Default: "30s",
		Help: `A transferred or forwarded segment (information element 5 to 8) is joined to the call on the same trunk that ended this close (a Go duration, 0s to 1h) to when the segment began.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	layout      string
	units       bool // the charges field holds charge units
	voicemail   map[string]bool
	transferGap time.Duration
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg, opts), nil
}

// readOptions checks what drivers.Resolve cannot: numbers and durations.
func readOptions(s map[string]string) (options, error) {
	opts := options{layout: s["layout"], units: s["charges"] == chargesUnits}
	switch opts.layout {
	case layoutAuto, layoutSeparated, layoutFixed, layoutPrinter:
	default:
		return options{}, fmt.Errorf("setting layout=%q: want auto, separated, fixed or printer", opts.layout)
	}
	if v := s["charges"]; v != chargesUnits && v != chargesAmount {
		return options{}, fmt.Errorf("setting charges=%q: want units or amount", v)
	}
	vm, err := readNumbers(s["voicemail"])
	if err != nil {
		return options{}, fmt.Errorf("setting voicemail: %w", err)
	}
	opts.voicemail = vm
	gap, err := time.ParseDuration(s["transfer-gap"])
	if err != nil {
		return options{}, fmt.Errorf("setting transfer-gap: %w", err)
	}
	if gap < 0 || gap > maxTransferGap {
		return options{}, fmt.Errorf("setting transfer-gap=%s: want 0s to %s", gap, maxTransferGap)
	}
	opts.transferGap = gap
	return opts, nil
}

// readNumbers reads a comma-separated list of call numbers.
func readNumbers(list string) (map[string]bool, error) {
	numbers := map[string]bool{}
	for n := range strings.SplitSeq(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if _, ok := drivers.Digits(n, 11); !ok {
			return nil, fmt.Errorf("%q: want call numbers of 1 to 11 digits, comma-separated", n)
		}
		numbers[n] = true
	}
	return numbers, nil
}
