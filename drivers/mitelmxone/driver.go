// Package mitelmxone reads the Call Information Logging (CIL) output of
// Mitel MX-ONE (MiVoice MX-ONE, of the Ericsson MD110 line) in its
// comma-separated subtype: one record per call, in a column layout the
// site chooses, which CIL files name in a commented header line.
//
// Only part of the record is documented publicly; README.md in this folder
// says what rests on inference, and is the technician's guide this package
// follows.
package mitelmxone

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// id is the driver's ID, as on the command line and in the database.
const id = "mitel-mxone"

func init() {
	drivers.Register(&drivers.Driver{
		ID:   id,
		Name: "Mitel MX-ONE (Call Information Logging)",
		// The MX-ONE is the TCP client of a CIL output: there is no tcp-dial.
		Transports: []drivers.Transport{drivers.TCPListen, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		Header:     Header,
		Preamble:   isPreamble,
	})
}

var settings = []drivers.Setting{
	{
		Name: "columns", Default: strings.Join(defaultColumns, ", "),
		Help: `The column names in the order the records hold them, comma-separated, as the MX-ONE writes them in the "# " column line of its CIL files. Read until a column line arrives (a TCP output, or a file read from its middle); every column line replaces it. Default: the layout CallTally's simulator writes.`,
	},
	{
		Name: "calling-column", Default: "calling number|calling party|a number",
		Help: `Names of the column with the calling party (the extension on outgoing calls, the caller's number on incoming ones), "|"-separated; the first one the layout has is read. Case, "-" and "_" are ignored.`,
	},
	{
		Name: "answering-column", Default: "answering number|answering party|connected number|c number",
		Help: `Names of the column with the party that answered (the extension on incoming calls, which differs from the dialed number on diverted and transferred calls), "|"-separated.`,
	},
	{
		Name: "incoming-route-column", Default: "incoming route|incoming trunk",
		Help: `Names of the column with the route (trunk group) an incoming or tandem call came in on, "|"-separated.`,
	},
	{
		Name: "outgoing-route-column", Default: "outgoing route|outgoing trunk",
		Help: `Names of the column with the route an outgoing or tandem call left on, "|"-separated.`,
	},
	{
		Name: "account-column", Default: "account code|account number",
		Help: `Names of the column with the account (project) code, "|"-separated.`,
	},
	{
		Name: "internal-digits", Default: "5",
		Help: `Internal numbers have at most this many digits: how busy (29) and vacant-number (30) records are told inbound, outbound or internal when no route column says.`,
	},
	{
		Name: "voicemail", Default: "",
		Help: `Numbers of the voicemail system (pilot numbers), comma-separated: a call these answered was taken by voicemail, not by a person.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	names          roleNames
	columns        *layout // the columns setting, for records before any column line
	internalDigits int
	voicemail      map[string]bool
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg.Location, cfg.Attribution, opts), nil
}

// readOptions checks what drivers.Resolve cannot: column names, the
// layout, numbers.
func readOptions(s map[string]string) (options, error) {
	var opts options
	var err error
	if opts.names, err = readRoleNames(s); err != nil {
		return options{}, err
	}
	names, err := splitNames(s["columns"], ",")
	if err == nil {
		opts.columns, err = newLayout(names, &opts.names)
	}
	if err != nil {
		return options{}, fmt.Errorf("setting columns: %w", err)
	}
	if opts.internalDigits, err = readDigits(s["internal-digits"]); err != nil {
		return options{}, err
	}
	opts.voicemail, err = readNumbers(s["voicemail"])
	if err != nil {
		return options{}, fmt.Errorf("setting voicemail: %w", err)
	}
	return opts, nil
}

func readDigits(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 15 {
		return 0, fmt.Errorf("setting internal-digits=%q: want a number of digits from 1 to 15", s)
	}
	return n, nil
}

// readNumbers reads a comma-separated list of numbers into a set.
func readNumbers(list string) (map[string]bool, error) {
	set := map[string]bool{}
	if strings.TrimSpace(list) == "" {
		return set, nil
	}
	for n := range strings.SplitSeq(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" || strings.ContainsAny(n, " \t\"") {
			return nil, fmt.Errorf("%q: want numbers separated by commas", list)
		}
		set[n] = true
	}
	return set, nil
}

// newParser opens a parser on settings already read.
func newParser(loc *time.Location, attr drivers.Attribution, opts options) *parser {
	if attr == "" {
		attr = drivers.FinalAnswerer
	}
	return &parser{loc: loc, attr: attr, opts: opts, layout: opts.columns, fields: make([]string, 0, 16)}
}
