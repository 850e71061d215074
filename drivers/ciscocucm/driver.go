// Package ciscocucm reads the CDR flat files of Cisco Unified
// Communications Manager (CUCM, 10.x to 15): CSV files that start with a
// line of column names and a line of column types, then hold one call
// detail record per line. CUCM writes one record per leg of a
// conversation (each transfer, forward or hunt-group member that rang);
// the records of one conversation share a global call ID, which the
// parser turns into Call.Key so that they are joined wherever they meet.
//
// README.md in this folder is the technician's guide; this package follows it.
package ciscocucm

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:         "cisco-cucm",
		Name:       "Cisco Unified CM (CDR flat files)",
		Transports: []drivers.Transport{drivers.SFTPReceive, drivers.Folder, drivers.SFTP},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
		// Files read from the middle, and clusters older than 10.0.
		Variants: []map[string]string{{"layout": layoutAny}},
		Header:   Header,
		Preamble: isHeader,
	})
}

// isHeader reports the column-name line every file starts with: the
// collector passes it to the parser again in every file, though it
// stores it once.
func isHeader(text string) bool {
	text = strings.TrimPrefix(strings.TrimPrefix(text, "\ufeff"), `"`)
	return len(text) >= len("cdrRecordType") && strings.EqualFold(text[:len("cdrRecordType")], "cdrRecordType")
}

// The values of the settings, named once for the parser and the docs.
const (
	accountCMCThenFAC = "cmc-fac" // Client Matter Code, else the FAC's description
	accountCMC        = "cmc"
	accountFAC        = "fac"

	externalCalled    = "called"    // originalCalledPartyNumber
	externalOutpulsed = "outpulsed" // outpulsedCalledPartyNumber, as the carrier saw it

	layoutAuto = "auto" // the layouts of 10.0 and later, told apart by width
	layoutAny  = "any"  // any width: the first columns of the current layout
)

var settings = []drivers.Setting{
	{
		Name: "trunks", Default: "",
		Help: `Device names of gateways and SIP trunks, comma-separated, * matches any text, case ignored ("CUBE-*,10.1.1.20"). Empty: every device that is not a phone (SEP…, CSF…, BOT…, TCT…, TAB…, ATA…, AN…, CIPC…), a voicemail port or a media resource (CFB_…, MOH_…, ANN_…, MTP_…) is a trunk.`,
	},
	{
		Name: "voicemail-devices", Default: "CiscoUM*",
		Help: `Device names of voicemail ports, comma-separated, * matches any text. Unity Connection names them CiscoUM1-VI1, CiscoUM1-VI2, …`,
	},
	{
		Name: "voicemail-numbers", Default: "",
		Help: `Directory numbers of the voicemail pilot, comma-separated, * matches any text; for voicemail systems whose ports do not match voicemail-devices.`,
	},
	{
		Name: "account-code", Default: accountCMCThenFAC, Values: []string{accountCMCThenFAC, accountCMC, accountFAC},
		Help: `Where the account code comes from: "cmc-fac" the Client Matter Code, else the Forced Authorization Code's description; "cmc" or "fac" only that one.`,
	},
	{
		Name: "external", Default: externalCalled, Values: []string{externalCalled, externalOutpulsed},
		Help: `The outside number of outbound calls: "called" as dialled (originalCalledPartyNumber), "outpulsed" as sent to the carrier after transformations (outpulsedCalledPartyNumber, when CUCM wrote one).`,
	},
	{
		Name: "layout", Default: layoutAuto, Values: []string{layoutAuto, layoutAny, "129", "131", "133"},
		Help: `How records without a header line are read (the collector restarted mid-file, or skipped a header it had stored before): "auto" by their field count as 129 (CUCM 10.0–12.0), 131 (12.5) or 133 (12.5 SU1 and later) columns; "any" as the first columns of the current layout, whatever their count (CUCM 7.x–9.x); a number accepts only that layout.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	trunks           []drivers.Glob // empty: the phone-name heuristic
	voicemailDevices []drivers.Glob
	voicemailNumbers []drivers.Glob
	account          string
	outpulsed        bool
	headerless       headerless
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
	opts := options{
		trunks: drivers.Globs(s["trunks"]), voicemailDevices: drivers.Globs(s["voicemail-devices"]), voicemailNumbers: drivers.Globs(s["voicemail-numbers"]),
		account: s["account-code"], outpulsed: s["external"] == externalOutpulsed,
	}
	switch opts.account {
	case accountCMCThenFAC, accountCMC, accountFAC:
	default:
		return options{}, fmt.Errorf("setting account-code=%q: want cmc-fac, cmc or fac", opts.account)
	}
	if v := s["external"]; v != externalCalled && v != externalOutpulsed {
		return options{}, fmt.Errorf("setting external=%q: want called or outpulsed", v)
	}
	var err error
	opts.headerless, err = readHeaderless(s["layout"])
	return opts, err
}
