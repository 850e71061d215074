// Package alcatel reads the accounting tickets of the Alcatel-Lucent (ALE)
// OmniPCX Enterprise call server: fixed-width ASCII records, one per call,
// read from the real-time ticket port (TCP 2533) or from the TAX ticket
// files the call server keeps. The OmniPCX 4400 before it and OpenTouch,
// whose telephony runs on an OXE call server, write the same tickets; the
// package registers one driver ID for each, differing only in the ticket
// edition assumed when a ticket does not say which it is.
//
// README.md in this folder is the technician's guide; this package follows it.
package alcatel

import (
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// The values of the settings, named once for the parser and the docs.
const (
	editionAuto = "auto"
	editionED52 = "ED5.2"
	editionED4  = "ED4"

	joinNone      = "none"
	joinReference = "call-reference"
)

// A variant is what sets the three driver IDs apart.
type variant struct {
	id, name string
	// fallback is the edition taken by edition=auto for a ticket whose
	// TicketVersion does not say: the edition the PBX most likely writes.
	fallback string
}

var variants = []variant{
	{"alcatel-oxe", "Alcatel-Lucent OmniPCX Enterprise (accounting tickets)", editionED52},
	{"alcatel-4400", "Alcatel OmniPCX 4400 (accounting tickets)", editionED4},
	{"alcatel-opentouch", "Alcatel-Lucent OpenTouch (OXE accounting tickets)", editionED52},
}

func init() {
	for _, v := range variants {
		drivers.Register(&drivers.Driver{
			ID:   v.id,
			Name: v.name,
			// The call server only serves its ticket port; TAX files are
			// fetched, decompressed, from a folder or an SFTP server.
			Transports: []drivers.Transport{drivers.TCPDial, drivers.Folder, drivers.SFTP},
			Settings:   settingsFor(v),
			New:        newFor(v),
			Session:    Session,
			Play:       Play,
			OneClient:  true,
			Variants:   []map[string]string{{"edition": otherEdition(v.fallback)}},
			Encode:     Encode,
			Preamble:   isDictionary,
			Header:     Header,
		})
	}
}

func otherEdition(e string) string {
	if e == editionED4 {
		return editionED52
	}
	return editionED4
}

func settingsFor(v variant) []drivers.Setting {
	return []drivers.Setting{
		{
			Name: "edition", Default: editionAuto, Values: []string{editionAuto, editionED52, editionED4},
			Help: `Ticket layout when the input has no "#" field dictionary (the real-time port never has one): ` +
				`"auto" picks ED5.2 or ED4 by each ticket's TicketVersion (one that does not say is taken as ` +
				v.fallback + `); "ED5.2" is the 525-character ED5.2 table; "ED4" its first 35 fields (395 characters), ` +
				`for older editions without InitialDialledNumber and the fields after it.`,
		},
		{
			Name: "account-field", Default: "",
			Help: `The ticket field, by its name in the field dictionary, that carries the business or account code on ` +
				`this site (the OXE documents none for it; e.g. ChargedCostCenter or AccessCode). Empty: no account codes.`,
		},
		{
			Name: "join", Default: joinNone, Values: []string{joinNone, joinReference},
			Help: `"call-reference" joins tickets with the same CallReference into one call, for sites whose call server ` +
				`writes a ticket per party of a transferred call and keeps call references unique for a day; "none" ` +
				`counts each ticket as a call.`,
		},
	}
}

// options are the settings read once, when a parser opens.
type options struct {
	edition  string // auto, ED5.2 or ED4
	fallback string // the edition auto takes when a ticket does not say
	account  string // the account code's field name; "" for none
	join     bool   // tickets sharing a CallReference are one call
}

func newFor(v variant) func(cfg drivers.Config) (drivers.Parser, error) {
	return func(cfg drivers.Config) (drivers.Parser, error) {
		if cfg.Location == nil {
			return nil, drivers.ErrNoZone
		}
		opts, err := readOptions(cfg.Settings, v.fallback)
		if err != nil {
			return nil, err
		}
		return newParser(cfg, opts), nil
	}
}

// readOptions checks what drivers.Resolve cannot: the account field's name.
func readOptions(s map[string]string, fallback string) (options, error) {
	opts := options{edition: s["edition"], fallback: fallback, account: strings.TrimSpace(s["account-field"]), join: s["join"] == joinReference}
	switch opts.edition {
	case editionAuto, editionED52, editionED4:
	default:
		return options{}, fmt.Errorf("setting edition=%q: want auto, ED5.2 or ED4", opts.edition)
	}
	if v := s["join"]; v != joinNone && v != joinReference {
		return options{}, fmt.Errorf("setting join=%q: want none or call-reference", v)
	}
	if opts.account != "" && !isName(opts.account) {
		return options{}, fmt.Errorf("setting account-field=%q: want a field name of the ticket, such as ChargedCostCenter", opts.account)
	}
	return opts, nil
}
