// Package ciscocme reads the gateway accounting of Cisco IOS voice
// gateways: Cisco Unified CME, CUBE and plain IOS gateways. A gateway
// writes one record per call leg, either as a syslog message
// (%VOIPAAA-5-VOIP_CALL_HISTORY, `gw-accounting syslog`) or as a CSV line
// (`gw-accounting file`); both are read, one record at a time.
//
// The legs of one call share a ConnectionId. The parser holds a call's
// legs until both sides of it, the incoming (answer) and the outgoing
// (originate) leg, have come, since neither alone says which way the call
// went; legs that come later (the phone a call was transferred to) join it
// through Call.Key.
//
// README.md in this folder is the technician's guide; this package follows it.
package ciscocme

import (
	"fmt"
	"regexp"
	"time"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:         "cisco-cme",
		Name:       "Cisco Unified CME / CUBE (CDR)",
		Transports: []drivers.Transport{drivers.Syslog, drivers.Folder, drivers.SFTP, drivers.SFTPReceive},
		Settings:   settings,
		New:        New,
		Encode:     Encode,
	})
}

// The values of the settings, named once for the parser and the docs.
const (
	trunksByPattern   = "pattern"   // a leg whose number is no extension is a trunk
	trunksVoIP        = "voip"      // VoIP legs are trunks: SCCP or analog phones, a SIP trunk
	trunksTelephony   = "telephony" // telephony legs are trunks: ISDN or FXO ports, SIP phones or a SIP PBX
	formatDetailed    = "detailed"
	formatCompact     = "compact"
	defaultExtensions = `^[1-9][0-9]{1,4}$`
)

var settings = []drivers.Setting{
	{
		Name: "trunk-legs", Default: trunksByPattern, Values: []string{trunksByPattern, trunksVoIP, trunksTelephony},
		Help: `Which call legs are trunks: "pattern" those whose number does not match extension-pattern; ` +
			`"voip" the VoIP legs (CME with SCCP or analog phones and a SIP trunk); ` +
			`"telephony" the telephony legs (ISDN or FXO lines, SIP phones).`,
	},
	{
		Name: "extension-pattern", Default: defaultExtensions,
		Help: `Regular expression the site's internal numbers match (Go syntax), used with trunk-legs=pattern; ` +
			`the default takes 2 to 5 digits not starting with 0 for an extension.`,
	},
	{
		Name: "voicemail",
		Help: `Pilot numbers of voicemail or the auto-attendant (Cisco Unity Express), comma-separated: a leg to them counts as voicemail.`,
	},
	{
		Name: "cdr-format", Default: formatDetailed, Values: []string{formatDetailed, formatCompact},
		Help: `File accounting only: the router's gw-accounting file cdr-format (IOS default detailed).`,
	},
	{
		Name: "csv-columns",
		Help: `File accounting only: the names of the CSV columns in order, comma-separated, for other layouts ` +
			`(README.md lists the names); empty for the layout of cdr-format.`,
	},
	{
		Name: "group-timeout", Default: "24h",
		Help: `How long a call leg waits for the other side of its call (a Go duration: 24h, 90m) before it is reported alone, as partial.`,
	},
}

// options are the settings read once, when the parser opens.
type options struct {
	trunkLegs    string
	extension    *regexp.Regexp
	voicemail    map[string]bool
	columns      layout
	groupTimeout time.Duration
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return newParser(cfg.Location, cfg.Attribution, opts), nil
}

// readOptions checks the settings drivers.Resolve cannot: it knows the
// allowed values but not what a pattern, a column list or a duration is.
func readOptions(s map[string]string) (options, error) {
	opts := options{trunkLegs: s["trunk-legs"], voicemail: drivers.NumberSet(s["voicemail"])}
	switch opts.trunkLegs {
	case trunksByPattern, trunksVoIP, trunksTelephony:
	default:
		return options{}, fmt.Errorf("setting trunk-legs=%q: want pattern, voip or telephony", opts.trunkLegs)
	}
	var err error
	if opts.extension, err = regexp.Compile(s["extension-pattern"]); err != nil {
		return options{}, fmt.Errorf("setting extension-pattern: %w", err)
	}
	if opts.columns, err = readLayout(s["cdr-format"], s["csv-columns"]); err != nil {
		return options{}, err
	}
	if opts.groupTimeout, err = time.ParseDuration(s["group-timeout"]); err != nil {
		return options{}, fmt.Errorf("setting group-timeout: %w", err)
	}
	if opts.groupTimeout <= 0 {
		return options{}, fmt.Errorf("setting group-timeout=%s: want a duration above zero", opts.groupTimeout)
	}
	return opts, nil
}

// A kind is what is at the far end of a leg, as the settings tell.
type kind uint8

const (
	phone kind = iota
	trunk
	voicemail
)

// kindOf classifies a leg by its number and leg type.
func (o *options) kindOf(number string, legType int) kind {
	switch {
	case o.voicemail[number]:
		return voicemail
	case o.trunkLegs == trunksVoIP && legType != legTelephony:
		return trunk
	case o.trunkLegs == trunksTelephony && legType == legTelephony:
		return trunk
	case o.trunkLegs == trunksByPattern && !o.extension.MatchString(number):
		return trunk
	}
	return phone
}
