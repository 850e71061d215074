// Package openscape4000 reads the central call detail recording (CDRC) of
// Unify / Mitel OpenScape 4000 (formerly HiPath 4000, Hicom 300): records
// whose layout the PBX administrator composes from named elements with
// AMO FTBL, one per connection, stamped with the time the connection
// ended. The site tells CallTally its layout; the default is the example
// layout of Unify's documentation.
//
// README.md in this folder is the technician's guide; this package follows it.
package openscape4000

import (
	"fmt"

	"calltally.app/drivers"
)

func init() {
	drivers.Register(&drivers.Driver{
		ID:   "openscape-4000",
		Name: "Unify OpenScape 4000 / HiPath 4000 (CDRC)",
		// Files (FTFILE, collected by SFTP or dropped in a folder) are what
		// Unify recommends; tcp-listen is the DPS immediate output, where
		// the PBX connects to us.
		Transports: []drivers.Transport{drivers.SFTP, drivers.Folder, drivers.TCPListen},
		Settings:   settings,
		New:        New,
		Session:    Session,
		Encode:     Encode,
		// The full layout the README recommends.
		Variants: []map[string]string{{"layout": fullLayout}},
	})
}

// The values of the separator setting, named once for the parser and the docs.
const (
	sepNone      = "none"
	sepSemicolon = "semicolon"
	sepComma     = "comma"
	sepPipe      = "pipe"
	sepTab       = "tab"
)

var separators = map[string]byte{sepNone: 0, sepSemicolon: ';', sepComma: ',', sepPipe: '|', sepTab: '\t'}

var settings = []drivers.Setting{
	{
		Name: "layout", Default: defaultLayout,
		Help: `The record layout as defined with AMO FTBL: its elements in order, comma-separated, each NAME:LENGTH (LENGTH may be left out for elements of known length, and with a separator). FILL:LENGTH steps over literal text or an element CallTally does not read.`,
	},
	{
		Name: "separator", Default: sepNone, Values: []string{sepNone, sepSemicolon, sepComma, sepPipe, sepTab},
		Help: `"none" for fixed-width records (the lengths in layout give the columns), or the character the FTBL format puts between its elements.`,
	},
	{
		Name: "call-directions", Default: defaultDirections,
		Help: `How the values of the CALLDIR element (the text AMO TEXT gives the connection type) map to directions: CODE=inbound|outbound|internal|tandem, comma-separated. Used only when the layout has CALLDIR.`,
	},
}

// defaultLayout is the example data record of Unify's "CDR information
// block" description (README.md, "The default layout"): 90 characters,
// the length element saying 84 follow it.
const defaultLayout = "RID:2,L:4,SWP:2,STNID:1,CHRGEE:6,PIN:12,TKNOLIST:6,ROUTCN:2,DESTPTY:22," +
	"NETTYPE:1,SERVICE:1,SPEED:1,CHRGUNIT:4," +
	"ENDYEAR:2,ENDMONTH:2,ENDDAY:2,ENDHOUR:2,ENDMIN:2,ENDSEC:2,END10:1," +
	"DURHOUR:2,DURMIN:2,DURSEC:2,DUR10:1,MSGNO:5,SIGDATA:1"

// defaultDirections is CallTally's suggestion for the texts of CALLDIR.
const defaultDirections = "I=inbound,O=outbound,N=internal,T=tandem"

// options are the settings read once, when the parser opens.
type options struct {
	layout     *layout
	directions map[string]drivers.Direction
}

// New opens a parser; drivers.Open calls it with every setting filled in.
func New(cfg drivers.Config) (drivers.Parser, error) {
	opts, err := drivers.ReadSettings(cfg, readOptions)
	if err != nil {
		return nil, err
	}
	return &parser{loc: cfg.Location, attr: cfg.Attribution, opts: opts}, nil
}

// readOptions checks what drivers.Resolve cannot: the layout and the
// direction codes.
func readOptions(s map[string]string) (options, error) {
	sep, ok := separators[s["separator"]]
	if !ok {
		return options{}, fmt.Errorf("setting separator=%q: want none, semicolon, comma, pipe or tab", s["separator"])
	}
	l, err := parseLayout(s["layout"], sep)
	if err != nil {
		return options{}, fmt.Errorf("setting layout: %w", err)
	}
	dirs, err := parseDirections(s["call-directions"])
	if err != nil {
		return options{}, fmt.Errorf("setting call-directions: %w", err)
	}
	return options{layout: l, directions: dirs}, nil
}

// fullLayout is the layout README.md recommends, as in testdata/full-layout.
const fullLayout = "RID:2,L:4,CHRGEE:6,CALLDIR:1,NOANSWER:1,CALLEPTY:22,DESTPTY:22,TKNOLIST:6,ROUTCN:2,ACCTCODE:12," +
	"CHRGUNIT:4,ENDYEAR:2,ENDMONTH:2,ENDDAY:2,ENDHOUR:2,ENDMIN:2,ENDSEC:2,RINGDUR:4,DURHOUR:2,DURMIN:2,DURSEC:2,CALLID:8"
