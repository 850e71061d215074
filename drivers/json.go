package drivers

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// WallClock is the layout of site wall-clock times in JSON and on screen.
const WallClock = "2006-01-02T15:04:05"

// callJSON is the documented JSON form of a call, shared by
// `calltally parse --json` and `calltally calls --json`.
type callJSON struct {
	Start           string       `json:"start"`
	StartUTC        string       `json:"start_utc"`
	Duration        int          `json:"duration"`
	Ring            int          `json:"ring"`
	Hold            int          `json:"hold"`
	Direction       Direction    `json:"direction"`
	Extension       string       `json:"extension"`
	ExtensionName   string       `json:"extension_name,omitempty"`
	FirstAnswerer   string       `json:"first_answerer,omitempty"`
	FinalAnswerer   string       `json:"final_answerer,omitempty"`
	External        string       `json:"external"`
	ExternalName    string       `json:"external_name,omitempty"`
	Dialled         string       `json:"dialled"`
	Trunk           string       `json:"trunk"`
	Answered        bool         `json:"answered"`
	AccountCode     string       `json:"account_code"`
	Voicemail       bool         `json:"voicemail,omitempty"`
	TransferredFrom string       `json:"transferred_from,omitempty"`
	ForwardedFrom   string       `json:"forwarded_from,omitempty"`
	CallID          string       `json:"call_id,omitempty"`
	Driver          string       `json:"driver"`
	PBX             string       `json:"pbx,omitempty"`
	Partial         bool         `json:"partial,omitempty"`
	ChargeUnits     int          `json:"pbx_charge_units,omitempty"`
	ExternalE164    string       `json:"external_e164,omitempty"`
	Destination     *destJSON    `json:"destination,omitempty"`
	Department      string       `json:"department,omitempty"`
	CostCentre      string       `json:"cost_centre,omitempty"`
	Cost            *json.Number `json:"cost,omitempty"`
	Currency        string       `json:"currency,omitempty"`
	Rate            string       `json:"rate,omitempty"`
	Legs            []legJSON    `json:"legs"`
}

type destJSON struct {
	Country string `json:"country,omitempty"`
	Type    string `json:"type,omitempty"`
	Scope   string `json:"scope,omitempty"`
}

type legJSON struct {
	Party     string  `json:"party"`
	PartyName string  `json:"party_name,omitempty"`
	Peer      string  `json:"peer"`
	Start     string  `json:"start"`
	Ring      int     `json:"ring"`
	Talk      int     `json:"talk"`
	Hold      int     `json:"hold"`
	Outcome   Outcome `json:"outcome"`
	Record    int64   `json:"record"`
}

// MarshalJSON writes the call's documented JSON form: start as the site's
// wall clock, start_utc as the instant, legs in order.
func (c Call) MarshalJSON() ([]byte, error) {
	j := callJSON{
		Start: c.Start.Format(WallClock), StartUTC: c.Start.UTC().Format(time.RFC3339),
		Duration: c.Duration, Ring: c.Ring, Hold: c.Hold, Direction: c.Direction,
		Extension: c.Extension, ExtensionName: c.ExtensionName,
		FirstAnswerer: c.FirstAnswerer, FinalAnswerer: c.FinalAnswerer,
		External: c.External, ExternalName: c.ExternalName, Dialled: c.Dialled, Trunk: c.Trunk,
		Answered: c.Answered, AccountCode: c.AccountCode, Voicemail: c.Voicemail,
		TransferredFrom: c.TransferredFrom, ForwardedFrom: c.ForwardedFrom,
		CallID: c.CallID, Driver: c.Driver, PBX: c.PBX, Partial: c.Partial,
		ChargeUnits: c.ChargeUnits, Legs: make([]legJSON, len(c.Legs)),
		ExternalE164: c.ExternalE164, Department: c.Department, CostCentre: c.CostCentre,
	}
	if c.Destination != (Destination{}) {
		j.Destination = &destJSON{c.Destination.Country, c.Destination.Type, c.Destination.Scope}
	}
	if c.Rated {
		cost := json.Number(Micro(c.Cost))
		j.Cost, j.Currency, j.Rate = &cost, c.Currency, c.Rate
	}
	for i, l := range c.Legs {
		j.Legs[i] = legJSON{
			Party: l.Party, PartyName: l.PartyName, Peer: l.Peer, Start: l.Start.Format(WallClock),
			Ring: l.Ring, Talk: l.Talk, Hold: l.Hold, Outcome: l.Outcome, Record: l.Record,
		}
	}
	return json.Marshal(j)
}

// Micro writes an amount in millionths as a decimal number, without
// trailing zeros: 120000 is "0.12", 2000000 is "2".
func Micro(v int64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	whole, frac := v/1_000_000, v%1_000_000
	if frac == 0 {
		return sign + strconv.FormatInt(whole, 10)
	}
	f := strings.TrimRight(fmt.Sprintf("%06d", frac), "0")
	return sign + strconv.FormatInt(whole, 10) + "." + f
}
