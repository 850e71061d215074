// Package custom reads the call records of PBXs CallTally has no driver
// for, by a layout the site describes in a small JSON document: delimited
// records (CSV and the like, fields by number or by header name) or
// fixed-width ones (fields by column and width), which field holds the
// start, the duration, the numbers, and how to tell the direction.
//
// README.md in this folder is the guide for the technician and the
// schema of the layout; this package follows it.
package custom

import (
	"fmt"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:   "custom",
		Name: "Custom layout (any PBX, described in JSON)",
		// The layout describes the record text whatever carries it.
		Transports: []drivers.Transport{
			drivers.TCPListen, drivers.TCPDial, drivers.Folder, drivers.SFTP, drivers.SFTPReceive, drivers.Syslog,
		},
		Settings: settings,
		New:      New,
		Preamble: hasNoDigit,
	})
}

var settings = []drivers.Setting{{
	Name: "layout", Default: "",
	Help: `The JSON document describing the records: delimited or fixed, where each field is, the formats of times and durations, how to tell the direction (drivers/custom/README.md). Required; calltally parse, import and pbx add/edit read it from a file with --layout FILE.`,
}}

// hasNoDigit reports the lines to pass to the parser again in every file,
// though they are stored once: header lines, which may name the columns
// the layout finds by name. The driver cannot see the layout here; a line
// without a digit is never a call record (every record has a date), so
// it is a header, a comment or a separator, all harmless to read again.
func hasNoDigit(text string) bool {
	for i := 0; i < len(text); i++ {
		if isDigit(text[i]) {
			return false
		}
	}
	return true
}

// New opens a parser; drivers.Open calls it with every setting filled in.
// The layout is checked here, so that a bad one is refused when the PBX
// is added, not when its first record arrives.
func New(cfg drivers.Config) (drivers.Parser, error) {
	if cfg.Location == nil {
		return nil, drivers.ErrNoZone
	}
	l, err := parseLayout(cfg.Settings["layout"])
	if err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	if cfg.Attribution == "" {
		cfg.Attribution = drivers.FinalAnswerer
	}
	return newParser(l, cfg), nil
}
