package openscape4000

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestEncodeRecords pins the exact bytes of each kind of call.
func TestEncodeRecords(t *testing.T) {
	start := dt.At(t, 11, 27, 10)
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", AccountCode: "4711",
		Legs: dt.Legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 3725, Outcome: drivers.Answered})}
	busy := out
	busy.Legs = dt.Legs(drivers.Leg{Party: "206", Start: start, Outcome: drivers.Busy})
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: dt.Legs(drivers.Leg{Party: "204", Start: start, Ring: 20, Outcome: drivers.Unanswered},
			drivers.Leg{PartyName: "Voicemail", Start: start.Add(20 * time.Second), Talk: 31, Outcome: drivers.Voicemail})}
	in := drivers.Call{Start: start, Direction: drivers.Inbound, External: "0301112223", Trunk: "1",
		Legs: dt.Legs(drivers.Leg{Party: "205", Start: start, Ring: 5, Talk: 60, Outcome: drivers.Answered})}
	dt.CheckEncodings(t, Encode, []dt.Encoding{
		{"outbound", out,
			"AI0084   206               1       00441632960123           000026030212292100102050      \n"},
		{"outbound, busy", busy,
			"AI0084   206               1       00441632960123           000026030211271000000000      \n"},
		{"internal to voicemail", internal,
			"AI0084   203                       204                      000026030211280100000310      \n"},
		{"inbound: not in this layout", in, ""},
	})
}

func TestEncodeRejects(t *testing.T) {
	dt.CheckEncodeRefuses(t, Encode, dt.OutboundCall(t), []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"no extension", func(c *drivers.Call) { c.Extension = "" }, "no extension"},
		{"extension too long", func(c *drivers.Call) { c.Extension = "1234567" }, "field 10 (CHRGEE)"},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 23) }, "field 36 (DESTPTY)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"100 hours", func(c *drivers.Call) { c.Legs[0].Talk = 100 * 3600 }, "field 78 (DURHOUR)"},
	})
}

// TestRoundTrip encodes three days of the simulated office and parses
// them back: every call the default layout records (outbound and
// internal) reads as what it was, as far as one record can tell.
func TestRoundTrip(t *testing.T) {
	trips := dt.RoundTrips(t, "openscape-4000", openParser(t, nil), dt.SimulatedDays(t, 7, "2026-03-02", 3))
	kinds := map[drivers.Direction]int{}
	for _, trip := range trips {
		kinds[trip.Want.Direction]++
		checkRoundTrip(t, trip.Want, &trip.Got)
	}
	if kinds[drivers.Outbound] < 100 || kinds[drivers.Internal] < 100 || len(trips) != kinds[drivers.Outbound]+kinds[drivers.Internal] {
		t.Errorf("written %d calls: %v", len(trips), kinds)
	}
}

// checkRoundTrip compares what was parsed with the simulated call: the
// record gives the end and the talk time, so the start is when the call
// was answered, or when it ended if nobody answered.
func checkRoundTrip(t *testing.T, want, got *drivers.Call) {
	t.Helper()
	end, talk, _ := span(want)
	trunk := want.Trunk
	if want.Direction == drivers.Internal {
		trunk = ""
	}
	if !got.Start.Equal(end.Add(-time.Duration(talk)*time.Second)) || got.Duration != talk ||
		got.Direction != want.Direction || got.Extension != want.Extension || got.External != want.External ||
		got.Dialled != want.Dialled || got.Trunk != trunk || got.Answered != want.Answered {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}
