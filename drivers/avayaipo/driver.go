// Package avayaipo reads the SMDR output of Avaya IP Office (IP500 V2,
// Server Edition): comma-separated records, one per call segment, that
// share a Call ID and Call Start when a call passes through several parties.
//
// README.md in this folder is the technician's guide; this package follows it.
package avayaipo

import (
	"fmt"
	"time"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:         "avaya-ipo",
		Name:       "Avaya IP Office (SMDR)",
		Transports: []drivers.Transport{drivers.TCPListen, drivers.TCPDial, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	trunkDevice  = "device"  // T9001, as the IP Office writes the trunk channel
	trunkLine    = "line"    // 1, from the party name "Line 1.2"
	trunkChannel = "channel" // 1.2, from the same name

	voicemailAnswered = "answered"
	voicemailMissed   = "missed"
)

var settings = []drivers.Setting{
	{
		Name: "trunk", Default: trunkDevice, Values: []string{trunkDevice, trunkLine, trunkChannel},
		Help: `How the trunk is named: "device" as written (T9001), "line" the line number (1 from "Line 1.2"), "channel" line and channel (1.2).`,
	},
	{
		Name: "voicemail", Default: voicemailAnswered, Values: []string{voicemailAnswered, voicemailMissed},
		Help: `A call taken only by voicemail or the auto-attendant counts as "answered" or as "missed"; either way it is marked as voicemail.`,
	},
	{
		Name: "group-timeout", Default: "24h",
		Help: `An unfinished call is reported as partial when calls starting this much later (a Go duration: 24h, 90m) have come since its latest record.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	trunk             string
	voicemailAnswered bool
	groupTimeout      time.Duration
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg.Location, opts), nil
}

// readOptions checks the settings drivers.Resolve cannot: it knows the
// allowed values but not what a duration is.
func readOptions(s map[string]string) (options, error) {
	opts := options{trunk: s["trunk"], voicemailAnswered: s["voicemail"] == voicemailAnswered}
	switch opts.trunk {
	case trunkDevice, trunkLine, trunkChannel:
	default:
		return options{}, fmt.Errorf("setting trunk=%q: want device, line or channel", opts.trunk)
	}
	if v := s["voicemail"]; v != voicemailAnswered && v != voicemailMissed {
		return options{}, fmt.Errorf("setting voicemail=%q: want answered or missed", v)
	}
	d, err := time.ParseDuration(s["group-timeout"])
	if err != nil {
		return options{}, fmt.Errorf("setting group-timeout: %w", err)
	}
	if d <= 0 {
		return options{}, fmt.Errorf("setting group-timeout=%s: want a duration above zero", d)
	}
	opts.groupTimeout = d
	return opts, nil
}
