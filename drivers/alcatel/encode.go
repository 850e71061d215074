package alcatel

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"calltally.app/drivers"
)

// What Encode writes in the fields the simulated call does not fill, as a
// stand-alone call server writes them: node 1, zero costs and flags.
var encodeConstant = map[string]string{
	"CostType": "0", "ChargedPartyNode": "1", "ChargeUnits": "0", "CostInfo": "0", "PersonalOrBusiness": "0",
	"SpecificChargeInfo": "0000000", "BearerCapability": "0", "HighLevelComp": "0", "DataVolume": "0",
	"UserToUserVolume": "0", "ExternalFacilities": strings.Repeat("0", 40), "InternalFacilities": strings.Repeat("0", 40),
	"SegmentsRate1": "0", "SegmentsRate2": "0", "SegmentsRate3": "0", "ComType": "1", "X25IncomingFlowRate": "0",
	"X25OutgoingFlowRate": "0", "Carrier": "0", "CalledNumberNode": "1", "CallingNumberNode": "1",
	"InitialDialledNumberNode": "1", "ActingExtensionNumberNode": "1", "TransitTrunkGroupIdentity": "0",
	"NodeTimeOffset": "0", "TimeDlt": "0",
}

// leftAligned are the text fields; numbers are right-aligned.
var leftAligned = map[string]bool{
	"TicketVersion": true, "CalledNumber": true, "ChargedNumber": true, "ChargedUserName": true,
	"ChargedCostCenter": true, "ChargedCompany": true, "Subaddress": true, "CallingNumber": true,
	"AccessCode": true, "InitialDialledNumber": true, "ActingExtensionNumber": true,
}

// The call types Encode writes.
const (
	encodeOutgoing = "0" // OC
	encodeLocal    = "3" // LN
	encodeIncoming = "4" // IC
)

// Encode writes c as an ED5.2 ticket, LF-terminated, as the call server
// writes it to its TAX file and (framed) to its ticket port once the call
// ends; README.md lists the filters it assumes. An outbound call nobody
// answered writes nothing: the call server tickets only connected outgoing
// calls. A transferred call is one ticket for the user who had the caller
// last, naming who transferred it. c.Trunk is a line number, written as
// the trunk group of the same number.
func Encode(w io.Writer, c *drivers.Call) error {
	if len(c.Legs) == 0 {
		return fmt.Errorf("encode call %s: no legs", c.CallID)
	}
	if c.Direction == drivers.Outbound && !c.Answered {
		return nil
	}
	cells, err := callCells(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	text, err := layTicket(cells)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	_, err = io.WriteString(w, text+"\n")
	return err
}

// callCells returns the text of the fields c fills, by field name.
func callCells(c *drivers.Call) (map[string]string, error) {
	end := c.Start
	for _, l := range c.Legs {
		if l.Ring < 0 || l.Talk < 0 || l.Hold < 0 {
			return nil, errors.New("negative seconds")
		}
		end = later(end, l.Start.Add(time.Duration(l.Ring+l.Talk+l.Hold)*time.Second))
	}
	cells := map[string]string{
		"TicketVersion": editionED52, "ChargedNumber": c.Extension, "ChargedUserName": c.ExtensionName,
		"StartDateTime": stamp(c.Start), "EndDateTime": stamp(end), "Duration": seconds(end.Sub(c.Start)),
		"WaitingDuration": strconv.Itoa(c.Ring), "EffectiveCallDuration": strconv.Itoa(c.Duration),
		"CallReference": c.CallID, "ActingExtensionNumber": c.Extension, "RedirectedCallIndicator": "0",
	}
	if c.Direction != drivers.Internal {
		if _, ok := drivers.Atoi(c.Trunk); !ok {
			return nil, fmt.Errorf("trunk %q: want a line number", c.Trunk)
		}
		cells["TrunkIdentity"], cells["TrunkGroupIdentity"], cells["TrunkNode"] = "0", c.Trunk, "1"
	}
	switch c.Direction {
	case drivers.Outbound:
		cells["CallType"], cells["CalledNumber"], cells["CallingNumber"] = encodeOutgoing, cmp.Or(c.Dialled, c.External), c.Extension
	case drivers.Inbound:
		cells["CallType"], cells["CalledNumber"], cells["CallingNumber"] = encodeIncoming, c.Extension, c.External
		if c.TransferredFrom != "" {
			cells["RedirectedCallIndicator"], cells["ActingExtensionNumber"] = "1", c.TransferredFrom
			cells["InitialDialledNumber"] = c.Legs[0].Party
		}
	case drivers.Internal:
		cells["CallType"], cells["CalledNumber"], cells["CallingNumber"] = encodeLocal, c.Dialled, c.Extension
	default:
		return nil, fmt.Errorf("direction %q: Encode writes inbound, outbound and internal calls", c.Direction)
	}
	return cells, nil
}

// layTicket lays cells out in the ED5.2 fields, counting characters: the
// user's name is cut to its field, as the call server does; any other
// value too long is an error.
func layTicket(cells map[string]string) (string, error) {
	var b strings.Builder
	for _, f := range ed52 {
		v, ok := cells[f.name]
		if !ok {
			v = encodeConstant[f.name]
		}
		n := utf8.RuneCountInString(v)
		if n > f.width && f.name == "ChargedUserName" {
			v, n = string([]rune(v)[:f.width]), f.width
		}
		if n > f.width || strings.ContainsAny(v, "\r\n") {
			return "", &drivers.FieldError{Field: f.col + 1, Name: f.name, Value: v, Reason: fmt.Sprintf("does not fit %d characters", f.width)}
		}
		pad := strings.Repeat(" ", f.width-n)
		if leftAligned[f.name] {
			b.WriteString(v + pad)
		} else {
			b.WriteString(pad + v)
		}
	}
	return b.String(), nil
}

func stamp(t time.Time) string { return t.Format("20060102 15:04:05") }

func seconds(d time.Duration) string { return strconv.Itoa(int(d / time.Second)) }

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
