package ciscocme

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// simulatedSettings read what Encode writes: voicemail at its pilot.
var simulatedSettings = map[string]string{"voicemail": simulatedPilot}

// TestRoundTrip encodes every call of simulated days, among them the
// days summer time begins and ends, and parses each back: what the
// simulator writes must read as the call it meant.
func TestRoundTrip(t *testing.T) {
	calls := append(dt.SimulatedDays(t, 7, "2026-03-26", 5), dt.SimulatedDays(t, 7, "2026-10-22", 5)...)
	if len(calls) < 500 {
		t.Fatalf("only %d simulated calls", len(calls))
	}
	p := drivers.NewJoiner(openParser(t, simulatedSettings), drivers.FinalAnswerer)
	trips := dt.RoundTrips(t, "cisco-cme", p, calls)
	if len(trips) != len(calls) {
		t.Fatalf("%d of %d calls written", len(trips), len(calls))
	}
	kinds := map[string]int{}
	for _, trip := range trips {
		want := trip.Want
		if problems := compare(&trip.Got, want); problems != "" {
			t.Errorf("call %s (%s, %d legs):%s\n%s", want.CallID, want.Direction, len(want.Legs), problems, trip.Text)
		}
		kinds[sortOf(want)]++
	}
	t.Logf("%d calls: %v", len(calls), kinds)
	for _, k := range []string{"inbound", "inbound transferred", "inbound voicemail", "inbound missed", "outbound", "outbound busy", "outbound failed", "internal"} {
		if kinds[k] == 0 {
			t.Errorf("no %s call among the simulated ones: %v", k, kinds)
		}
	}
}

// sortOf sorts simulated calls, to check the round trip saw each sort.
func sortOf(c *drivers.Call) string {
	s := string(c.Direction)
	switch {
	case c.Voicemail:
		s += " voicemail"
	case len(c.Legs) > 1 && c.FirstAnswerer != c.FinalAnswerer:
		s += " transferred"
	case !c.Answered && c.Direction == drivers.Inbound:
		s += " missed"
	case !c.Answered:
		s += " " + string(c.Legs[0].Outcome)
	}
	return s
}

// compare lists how got differs from the simulated call want.
func compare(got, want *drivers.Call) string {
	var b strings.Builder
	check := func(ok bool, what string, g, w any) {
		if !ok {
			fmt.Fprintf(&b, "\n\t%s: got %v, want %v", what, g, w)
		}
	}
	check(got.Start.Equal(want.Start) && got.Start.Format(drivers.WallClock) == want.Start.Format(drivers.WallClock), "start", got.Start, want.Start)
	check(got.Direction == want.Direction, "direction", got.Direction, want.Direction)
	check(got.Extension == want.Extension, "extension", got.Extension, want.Extension)
	check(got.External == want.External, "external", got.External, want.External)
	check(got.Answered == want.Answered && got.Voicemail == want.Voicemail, "answered, voicemail",
		[]bool{got.Answered, got.Voicemail}, []bool{want.Answered, want.Voicemail})
	check(got.Duration == conversation(want), "duration", got.Duration, conversation(want))
	check(got.Ring == want.Ring, "ring", got.Ring, want.Ring)
	check(len(got.Legs) == len(want.Legs)+1, "legs", len(got.Legs), len(want.Legs)+1)
	if want.Direction != drivers.Outbound {
		check(got.FirstAnswerer == want.FirstAnswerer && got.FinalAnswerer == want.FinalAnswerer, "answerers",
			[]string{got.FirstAnswerer, got.FinalAnswerer}, []string{want.FirstAnswerer, want.FinalAnswerer})
	}
	if want.FirstAnswerer != want.FinalAnswerer {
		check(got.TransferredFrom == want.TransferredFrom, "transferred from", got.TransferredFrom, want.TransferredFrom)
	}
	return b.String()
}

// conversation is the duration the gateway's records give a simulated
// call: on inbound calls the trunk's connected time, from the first answer
// to the end, which counts the ringing of a transfer target too; else the
// talk time of the legs.
func conversation(c *drivers.Call) int {
	if c.Direction != drivers.Inbound {
		return c.Duration
	}
	for i, l := range c.Legs {
		if l.Outcome != drivers.Answered && l.Outcome != drivers.Voicemail {
			continue
		}
		last := c.Legs[len(c.Legs)-1]
		end := last.Start.Add(time.Duration(last.Ring+last.Talk) * time.Second)
		return int(end.Sub(c.Legs[i].Start.Add(time.Duration(l.Ring)*time.Second)) / time.Second)
	}
	return 0
}

// TestRoundTripStream encodes a simulated day as one syslog stream and
// parses it in one go: every call comes back once, none joined to another.
func TestRoundTripStream(t *testing.T) {
	calls := dt.SimulatedDays(t, 3, "2026-03-04", 1)
	talk := 0
	for i := range calls {
		talk += conversation(&calls[i])
	}
	p := drivers.NewJoiner(openParser(t, simulatedSettings), drivers.FinalAnswerer)
	written, got := dt.EncodeFile(t, "cisco-cme", p, calls)
	sum := 0
	for _, c := range got.Calls {
		sum += c.Duration
	}
	if len(got.Errs) > 0 || len(written) != len(calls) || len(got.Calls) != len(calls) || sum != talk {
		t.Errorf("parsed %d calls of %d s, errors %q; want %d calls of %d s", len(got.Calls), sum, got.Errs, len(calls), talk)
	}
}

// simulated is a call as the simulator hands it to Encode.
func simulated(t *testing.T, c drivers.Call) drivers.Call {
	t.Helper()
	return dt.Timed(t, c)
}

// TestEncodeRecords pins the exact bytes: the phone's leg, then the
// trunk's, LF terminated, times in the zone's own name.
func TestEncodeRecords(t *testing.T) {
	c := simulated(t, drivers.Call{Direction: drivers.Inbound, Extension: "208", External: "06912345678", Trunk: "2",
		Legs: []drivers.Leg{{Party: "208", Ring: 4, Talk: 45, Outcome: drivers.Answered}}})
	want := "000420: Mar  2 11:27:49.290: %VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1, ConnectionId 69A565F4 16B011F1 80000000 000F42A9, " +
		"SetupTime 11:27:00.180 CET Mon Mar 2 2026, PeerAddress 208, PeerSubAddress , DisconnectCause 10  , DisconnectText normal call clearing (16), " +
		"ConnectTime 11:27:04.250 CET Mon Mar 2 2026, DisconnectTime 11:27:49.290 CET Mon Mar 2 2026, CallOrigin 1, ChargedUnits 0, InfoType 2, " +
		"TransmitPackets 2250, TransmitBytes 360000, ReceivePackets 2250, ReceiveBytes 360000\n" +
		"000421: Mar  2 11:27:49.300: %VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 2, ConnectionId 69A565F4 16B011F1 80000000 000F42A9, " +
		"SetupTime 11:27:00.100 CET Mon Mar 2 2026, PeerAddress 06912345678, PeerSubAddress , DisconnectCause 10  , DisconnectText normal call clearing (16), " +
		"ConnectTime 11:27:04.260 CET Mon Mar 2 2026, DisconnectTime 11:27:49.300 CET Mon Mar 2 2026, CallOrigin 2, ChargedUnits 0, InfoType 2, " +
		"TransmitPackets 2250, TransmitBytes 360000, ReceivePackets 2250, ReceiveBytes 360000\n"
	dt.CheckEncode(t, Encode, &c, want)
}

func TestEncodeRejects(t *testing.T) {
	base := simulated(t, drivers.Call{Direction: drivers.Outbound, Extension: "202", External: "0891234", Trunk: "1",
		Legs: []drivers.Leg{{Party: "202", Ring: 8, Talk: 340, Outcome: drivers.Answered}}})
	dt.CheckEncodeRefuses(t, Encode, base, []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no caller", func(c *drivers.Call) { c.Extension = "" }, "no extension"},
		{"comma", func(c *drivers.Call) { c.External = "0891,234" }, `number "0891,234"`},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "leg 1: negative seconds"},
	})
}
