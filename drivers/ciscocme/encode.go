package ciscocme

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// simulatedPilot is the voicemail pilot number Encode writes for
// voicemail legs: parse simulated calls with voicemail=8000.
const simulatedPilot = "8000"

// Layouts of the time stamps Encode writes: the message's and the
// syslog header's.
const (
	historyTime = "15:04:05.000 MST Mon Jan 2 2006"
	headerTime  = "Jan _2 15:04:05.000"
)

// A gwLeg is one call leg as the gateway writes it.
type gwLeg struct {
	legType, origin, cause     int
	number                     string
	setup, connect, disconnect time.Time
}

// Encode writes c as a CME with SCCP phones and a SIP trunk reports it by
// syslog: one VOIP_CALL_HISTORY message per gateway leg, LF terminated,
// in the order the legs end, the caller's leg last. Each leg of c is an
// outgoing leg (the phone rung, the trunk called, voicemail at pilot
// 8000); the caller's side is one incoming leg. Phones are telephony
// legs, the trunk and voicemail VoIP legs. The message names no trunk, so
// c.Trunk is not written.
func Encode(w io.Writer, c *drivers.Call) error {
	legs, err := gatewayLegs(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	base := callNumber(c.CallID)
	conn := fmt.Sprintf("%08X %08X %08X %08X", uint32(c.Start.Unix()), 0x16B011F1, 0x80000000|uint32(base>>32), uint32(base))
	var b strings.Builder
	for i := range legs {
		writeHistory(&b, (base*4+uint64(i))%1_000_000, conn, &legs[i])
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// gatewayLegs lays out the gateway's legs of c: the outgoing ones in
// order, then the incoming one.
func gatewayLegs(c *drivers.Call) ([]gwLeg, error) {
	if len(c.Legs) == 0 {
		return nil, errors.New("no legs")
	}
	in, err := incomingLeg(c)
	if err != nil {
		return nil, err
	}
	legs := make([]gwLeg, 0, len(c.Legs)+1)
	for i := range c.Legs {
		out, err := outgoingLeg(c, &c.Legs[i])
		if err != nil {
			return nil, fmt.Errorf("leg %d: %w", i+1, err)
		}
		legs = append(legs, out)
	}
	settleIncoming(&in, legs)
	return append(legs, in), nil
}

// incomingLeg is the caller's side: the trunk of an inbound call, the
// calling phone of others. settleIncoming sets its times.
func incomingLeg(c *drivers.Call) (gwLeg, error) {
	in := gwLeg{origin: answer, setup: c.Start.Add(100 * time.Millisecond)}
	switch c.Direction {
	case drivers.Inbound:
		in.legType, in.number = legVoIP, c.External
	case drivers.Outbound, drivers.Internal:
		in.legType, in.number = legTelephony, c.Extension
		if c.Extension == "" {
			return in, errors.New("no extension placed the call")
		}
	default:
		return in, fmt.Errorf("direction %q: a gateway call is inbound, outbound or internal", c.Direction)
	}
	return in, checkNumber(in.number)
}

// outgoingLeg is the leg the gateway placed for l: to the trunk on
// outbound calls, else to the phone or voicemail.
func outgoingLeg(c *drivers.Call, l *drivers.Leg) (gwLeg, error) {
	if l.Ring < 0 || l.Talk < 0 {
		return gwLeg{}, errors.New("negative seconds")
	}
	out := gwLeg{origin: originate, legType: legTelephony, number: l.Party, cause: outcomeCause(l.Outcome)}
	switch {
	case c.Direction == drivers.Outbound:
		out.legType, out.number = legVoIP, c.External
	case l.Party == "" || l.Outcome == drivers.Voicemail:
		out.legType, out.number = legVoIP, simulatedPilot
	}
	start := l.Start.Add(180 * time.Millisecond)
	answered := time.Duration(l.Ring)*time.Second + 70*time.Millisecond
	out.setup = start
	out.disconnect = start.Add(answered + time.Duration(l.Talk)*time.Second + 40*time.Millisecond)
	out.connect = out.disconnect
	if l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail {
		out.connect = start.Add(answered)
	}
	return out, checkNumber(out.number)
}

// settleIncoming times the caller's leg: connected when the first
// outgoing leg was, released just after the last one.
func settleIncoming(in *gwLeg, out []gwLeg) {
	last := &out[len(out)-1]
	in.disconnect = last.disconnect.Add(10 * time.Millisecond)
	in.connect, in.cause = in.disconnect, last.cause
	for i := range out {
		if out[i].connect.Before(out[i].disconnect) {
			in.connect, in.cause = out[i].connect.Add(10*time.Millisecond), 0x10
			return
		}
	}
}

func checkNumber(n string) error {
	if strings.ContainsAny(n, ",\r\n") {
		return fmt.Errorf("number %q: a call history message cannot carry a comma or line break", n)
	}
	return nil
}

// outcomeCause is the Q.850 cause a leg that ended so is released with.
func outcomeCause(o drivers.Outcome) int {
	switch o {
	case drivers.Unanswered:
		return 0x13
	case drivers.Busy:
		return 0x11
	case drivers.Failed:
		return 0x22
	}
	return 0x10
}

var causeTexts = map[int]string{
	0x10: "normal call clearing", 0x11: "user busy", 0x13: "no answer from user (alerted)",
	0x22: "no circuit/channel available",
}

// writeHistory writes one message as IOS sends it, after a sequence
// number and the time it was logged: when the leg was released.
func writeHistory(b *strings.Builder, seq uint64, conn string, l *gwLeg) {
	packets := 50 * seconds(l.disconnect.Sub(l.connect))
	fmt.Fprintf(b, "%06d: %s: %%VOIPAAA-5-%s: CallLegType %d, ConnectionId %s, SetupTime %s, PeerAddress %s, "+
		"PeerSubAddress , DisconnectCause %X  , DisconnectText %s (%d), ConnectTime %s, DisconnectTime %s, "+
		"CallOrigin %d, ChargedUnits 0, InfoType 2, TransmitPackets %d, TransmitBytes %d, ReceivePackets %d, ReceiveBytes %d\n",
		seq, l.disconnect.Format(headerTime), callHistory, l.legType, conn, l.setup.Format(historyTime), l.number,
		l.cause, causeTexts[l.cause], l.cause, l.connect.Format(historyTime), l.disconnect.Format(historyTime),
		l.origin, packets, packets*160, packets, packets*160)
}

// callNumber turns a Call ID into the number the ConnectionId and the
// sequence numbers are made of: itself if it is one, else a hash.
func callNumber(id string) uint64 {
	if n, err := strconv.ParseUint(id, 10, 64); err == nil {
		return n
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}
