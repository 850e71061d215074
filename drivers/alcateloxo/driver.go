// Package alcateloxo reads the call metering statements of Alcatel-Lucent
// OmniPCX Office (OXO, OXO Connect): one line per external call, printed
// on the V.24 metering port (often bridged to TCP by a serial-to-Ethernet
// converter), its fields one blank apart in the order and selection the
// site chose on the PBX (OMC/MMC FIELD1, FIELD2, FIELD3).
//
// README.md in this folder is the technician's guide; this package follows it.
package alcateloxo

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// ID is the driver's name on the command line and in the database.
const ID = "alcatel-oxo"

func init() {
	drivers.Register(&drivers.Driver{
		ID:   ID,
		Name: "Alcatel-Lucent OmniPCX Office (V.24 metering statements)",
		// The converter either connects to CallTally or waits to be
		// connected to; captured printouts come as files.
		Transports: []drivers.Transport{drivers.TCPListen, drivers.TCPDial, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		// Every field selected (16, the most a statement holds), the
		// 8-digit numbering plan's fields, and month-first dates.
		Variants: []map[string]string{{"fields": allFields}, {"fields": eightDigitFields}, {"date-order": monthFirst}},
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	dayFirst   = "dd/mm/yy"
	monthFirst = "mm/dd/yy"
)

// defaultFields is the statement the PBX prints when no field is
// selected: the fields the manual marks with an asterisk, in its order.
const defaultFields = "SUB,TYP,TRK,DAT,TIM,DUR,TAX,SER,FAC,DNU"

// allFields is every field of FIELD1 and FIELD2 with the initial user:
// the 16 a statement holds at most.
const allFields = "IUS,SUB,TYP,TRK,DAT,TIM,DUR,TAX,SER,FAC,DNU,DMO,RIN,CST,ACC,SUN"

// eightDigitFields is the default statement with the 9-character user
// fields and LINE 4 of an 8-digit numbering plan, LINE beside it (read
// by words, a printout without LINE fits it too).
const eightDigitFields = "IU8,SU8,TYP,TRK,TR4,DAT,TIM,DUR,TAX,SER,FAC,DNU"

var settings = []drivers.Setting{
	{
		Name: "fields", Default: defaultFields,
		Help: `The statement's fields in printed order, comma-separated, each CODE or CODE:WIDTH with the PBX's codes ` +
			`(IUS, SUB, TYP, TRK, DAT, TIM, DUR, TAX, SER, FAC, DNU, DMO, RIN, CST, ACC, SUN, NOD, CAR, SU8, IU8, TR4; ` +
			`SKIP:WIDTH for anything else), one blank between fields. Default: the PBX's default statement.`,
	},
	{
		Name: "date-order", Default: dayFirst, Values: []string{dayFirst, monthFirst},
		Help: `How the DATE field is written: day first (dd/mm/yy) or, in printouts set to US English, month first (mm/dd/yy).`,
	},
	{
		Name: "voicemail", Default: "",
		Help: `Numbers of the voice mail unit and automated attendant as charged users (A500 or 500), comma-separated: calls they take count as voicemail.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	layout     *layout
	monthFirst bool
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

// readOptions checks what drivers.Resolve cannot: the field list and the
// voicemail numbers.
func readOptions(s map[string]string) (options, error) {
	if v := s["date-order"]; v != dayFirst && v != monthFirst {
		return options{}, fmt.Errorf("setting date-order=%q: want %s or %s", v, dayFirst, monthFirst)
	}
	l, err := parseLayout(s["fields"])
	if err != nil {
		return options{}, fmt.Errorf("setting fields: %w", err)
	}
	vm, err := readVoicemail(s["voicemail"])
	if err != nil {
		return options{}, fmt.Errorf("setting voicemail: %w", err)
	}
	return options{layout: l, monthFirst: s["date-order"] == monthFirst, voicemail: vm}, nil
}

// readVoicemail reads the voicemail numbers, with or without the A the
// statements put before a subscriber number.
func readVoicemail(list string) (map[string]bool, error) {
	vm := map[string]bool{}
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		ext := user(n)
		if _, ok := drivers.Atoi(ext); !ok {
			return nil, fmt.Errorf("%q: want a subscriber number such as 500 or A500", n)
		}
		vm[ext] = true
	}
	return vm, nil
}
