// Package threecx reads the CDR output of 3CX Phone System (v15.5 to v18,
// and v20 with the legacy field set): one comma-separated record per call
// or call segment, in a field list the administrator chooses. Records of
// one call share the historyid; they become calls with that Key, which
// storage (and `calltally parse`) join into one.
//
// README.md in this folder is the technician's guide; this package follows it.
package threecx

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:         "3cx",
		Name:       "3CX Phone System (CDR)",
		Transports: []drivers.Transport{drivers.TCPListen, drivers.TCPDial, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		// The field list most sites send: the default without the type fields.
		Variants: []map[string]string{{"fields": reducedFields}},
		Preamble: isHeader,
	})
}

// isHeader reports a line of field names: each file of a site that sends
// one repeats it, and the collector passes it to the parser again in
// every file though it stores it once.
func isHeader(text string) bool {
	first, _, _ := strings.Cut(text, ",")
	_, ok, _ := header([]string{first})
	return ok
}

// The values of the times setting.
const (
	timesUTC   = "utc"
	timesLocal = "local"
)

var settings = []drivers.Setting{
	{
		Name: "fields", Default: strings.Join(fieldNames[:], ","),
		Help: `The CDR fields in the order the 3CX console lists them, comma-separated (default: all 27 in 3CX's default order). A header line naming the fields overrides it.`,
	},
	{
		Name: "times", Default: timesUTC, Values: []string{timesUTC, timesLocal},
		Help: `How 3CX writes times: "utc" (v15.5 and later) or "local", the site's wall clock.`,
	},
	{
		Name: "internal-digits", Default: "4",
		Help: `Internal numbers (extensions, queues, ring groups, IVRs) have at most this many digits; longer bare numbers are outside numbers or line DNs. Numbers written Ext.123 are internal whatever their length.`,
	},
	{
		Name: "lines", Default: "",
		Help: `The DNs of the lines (trunks), comma-separated, ranges allowed: 10000-10009. Empty: any DN longer than internal-digits. Needed where extensions are as long as line DNs.`,
	},
	{
		Name: "voicemail", Default: "999",
		Help: `The voicemail number: a call to Ext.999 was taken by the voicemail of the extension in its DN.`,
	},
	{
		Name: "queues", Default: "",
		Help: `Numbers of queues and ring groups, comma-separated, ranges allowed (800-809): never counted as answering; a call that ends there was missed. Only needed without the type fields.`,
	},
	{
		Name: "ivrs", Default: "",
		Help: `Numbers of IVRs (digital receptionists), as queues: a call that ends there was taken by the auto-attendant. Only needed without the type fields.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	layout         layout
	utc            bool
	internalDigits int
	voicemail      string
	lines          numberSet
	queues         numberSet
	ivrs           numberSet
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg.Location, cfg.Attribution, opts), nil
}

// readOptions checks what drivers.Resolve cannot: field names, numbers
// and lists of numbers.
func readOptions(s map[string]string) (options, error) {
	var opts options
	var err error
	if opts.layout, err = parseLayout(s["fields"]); err != nil {
		return options{}, fmt.Errorf("setting fields: %w", err)
	}
	if opts.internalDigits, err = readDigits(s["internal-digits"]); err != nil {
		return options{}, err
	}
	opts.utc = s["times"] != timesLocal
	opts.voicemail = strings.TrimSpace(s["voicemail"])
	if _, ok := drivers.Digits(opts.voicemail, 9); !ok {
		return options{}, fmt.Errorf("setting voicemail=%q: want the voicemail number, e.g. 999", s["voicemail"])
	}
	for _, l := range []struct {
		name string
		dst  *numberSet
	}{{"lines", &opts.lines}, {"queues", &opts.queues}, {"ivrs", &opts.ivrs}} {
		if *l.dst, err = parseNumberSet(s[l.name]); err != nil {
			return options{}, fmt.Errorf("setting %s: %w", l.name, err)
		}
	}
	return opts, nil
}

func readDigits(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 9 {
		return 0, fmt.Errorf("setting internal-digits=%q: want a number of digits from 1 to 9", s)
	}
	return n, nil
}

// newParser opens a parser on settings already read.
func newParser(loc *time.Location, attr drivers.Attribution, opts options) *parser {
	if attr == "" {
		attr = drivers.FinalAnswerer
	}
	return &parser{loc: loc, attr: attr, opts: opts, layout: opts.layout, fields: make([]string, 0, numFields+4)}
}

// reducedFields is the field list real sites most often send: 3CX's
// default without the from-, to- and final-type fields.
const reducedFields = "historyid,callid,duration,time-start,time-answered,time-end,reason-terminated,from-no,to-no," +
	"from-dn,to-dn,dial-no,reason-changed,final-number,final-dn,bill-code,bill-rate,bill-cost,bill-name,chain"
