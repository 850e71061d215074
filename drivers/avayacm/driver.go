// Package avayacm reads the Call Detail Recording (CDR) output of Avaya Aura
// Communication Manager (formerly DEFINITY, MultiVantage): fixed-width
// records, one per call, each written when the call ends and stamped with
// the time it ended.
//
// README.md in this folder is the technician's guide; this package follows it.
package avayacm

import (
	"fmt"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:   "avaya-cm",
		Name: "Avaya Aura Communication Manager (CDR)",
		// CM is always the TCP client of its CDR link: there is no tcp-dial.
		Transports: []drivers.Transport{drivers.TCPListen, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Session:    Session,
		Encode:     Encode,
		// The standard formats a site may have kept instead of customized.
		Variants: []map[string]string{{"format": "printer"}, {"format": "teleseer"}, {"format": "expanded"}},
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	formatCustomized = "customized"
	formatPrinter    = "printer"
	formatTeleseer   = "teleseer"
	formatExpanded   = "expanded"

	monthDay = "month/day"
	dayMonth = "day/month"

	ineffectiveFailed = "failed"
	ineffectiveIgnore = "ignore"
)

var settings = []drivers.Setting{
	{
		Name: "format", Default: formatCustomized,
		Values: []string{formatCustomized, formatPrinter, formatTeleseer, formatExpanded},
		Help:   `Primary Output Format on the CM's system-parameters cdr form. "customized" reads the layout in the fields setting.`,
	},
	{
		Name: "fields", Default: defaultFields,
		Help: `The customized layout as on page 2 of system-parameters cdr: data items in order, comma-separated, each NAME:LENGTH (LENGTH may be left out for items of fixed length). Only for format=customized.`,
	},
	{
		Name: "date-format", Default: monthDay, Values: []string{monthDay, dayMonth},
		Help: `CDR Date Format on the CM's system-parameters cdr form: how the date item and date records are written.`,
	},
	{
		Name: "ineffective", Default: ineffectiveFailed, Values: []string{ineffectiveFailed, ineffectiveIgnore},
		Help: `Ineffective call attempts (condition codes E and F, sent when the CM does not suppress them): "failed" calls, or "ignore" them.`,
	},
}

// defaultFields is CallTally's recommended customized layout: 100
// characters and CR LF (README.md, "The recommended layout").
const defaultFields = "date:6,space:1,time:4,space:1,sec-dur:5,space:1,duration:4,space:1,cond-code:1,space:1," +
	"code-dial:4,space:1,code-used:4,space:1,in-trk-code:4,space:1,dialed-num:23,space:1," +
	"calling-num:15,space:1,acct-code:15,space:1,in-crt-id:3,frl:1,return:1,line-feed:1"

// options are the settings read once, when the parser opens.
type options struct {
	layout      *layout
	dayFirst    bool // day/month dates
	ineffective bool // E and F records are calls
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg, opts), nil
}

// readOptions checks what drivers.Resolve cannot: the customized layout.
func readOptions(s map[string]string) (options, error) {
	opts := options{dayFirst: s["date-format"] == dayMonth, ineffective: s["ineffective"] != ineffectiveIgnore}
	if v := s["date-format"]; v != monthDay && v != dayMonth {
		return options{}, fmt.Errorf("setting date-format=%q: want month/day or day/month", v)
	}
	if v := s["ineffective"]; v != ineffectiveFailed && v != ineffectiveIgnore {
		return options{}, fmt.Errorf("setting ineffective=%q: want failed or ignore", v)
	}
	format := s["format"]
	if format != formatCustomized {
		l, ok := standardLayouts[format]
		if !ok {
			return options{}, fmt.Errorf("setting format=%q: want customized, printer, teleseer or expanded", format)
		}
		opts.layout = l
		return opts, nil
	}
	l, err := parseLayout(format, s["fields"])
	if err != nil {
		return options{}, fmt.Errorf("setting fields: %w", err)
	}
	opts.layout = l
	return opts, nil
}
