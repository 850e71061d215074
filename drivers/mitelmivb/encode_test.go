package mitelmivb

import (
	"cmp"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// sealed returns a call with its totals derived from its legs, as the
// simulator hands calls to Encode.
func sealed(c drivers.Call) drivers.Call {
	c.Derive(drivers.FinalAnswerer)
	return c
}

// TestEncodeRecords pins the exact bytes of each kind of call; the
// expected records were laid out by column from README.md's table.
func TestEncodeRecords(t *testing.T) {
	start := dt.At(t, 11, 27, 10)
	leg := func(party string, offset, ring, talk int, o drivers.Outcome) drivers.Leg {
		return drivers.Leg{Party: party, Start: start.Add(time.Duration(offset) * time.Second), Ring: ring, Talk: talk, Outcome: o}
	}
	out := func(talk int, o drivers.Outcome) drivers.Call {
		return sealed(drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
			Trunk: "1", AccountCode: "4711", Legs: []drivers.Leg{leg("206", 0, 6, talk, o)}})
	}
	dt.CheckEncodings(t, Encode, []dt.Encoding{
		{"inbound, transferred", sealed(drivers.Call{Start: start, Direction: drivers.Inbound, External: "06912345678", Dialled: "0", Trunk: "2",
			Legs: []drivers.Leg{leg("200", 0, 8, 45, drivers.Answered), leg("208", 53, 4, 135, drivers.Answered)}}),
			" 03/02 11:27  00:03:00 T002  008 0                           200 T 208               000  \r\n"},
		{"inbound, missed", sealed(drivers.Call{Start: start, Direction: drivers.Inbound, Dialled: "21", Trunk: "1",
			Legs: []drivers.Leg{leg("205", 0, 25, 0, drivers.Unanswered)}}),
			" 03/02 11:27  00:00:25 T001  *** 21                          205                     000  \r\n"},
		{"outbound", out(160, drivers.Answered),
			" 03/02 11:27  00:02:40 206       00441632960123            A T001       4711         000  \r\n"},
		{"outbound, long", out(1900, drivers.Answered),
			"+03/02 11:27  00:31:40 206       00441632960123            A T001       4711         000  \r\n"},
		{"outbound, busy", out(0, drivers.Busy),
			" 03/02 11:27  00:00:00 206       00441632960123            B T001       4711         000  \r\n"},
		{"outbound, not answered", out(0, drivers.Unanswered),
			" 03/02 11:27  00:00:00 206       00441632960123              T001       4711         000  \r\n"},
		{"outbound, failed", out(0, drivers.Failed), ""},
		{"internal", sealed(drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
			Legs: []drivers.Leg{leg("204", 0, 3, 75, drivers.Answered)}}),
			" 03/02 11:27  00:01:15 203       204                       I 204                     000  \r\n"},
		{"internal, not answered", sealed(drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
			Legs: []drivers.Leg{leg("204", 0, 20, 0, drivers.Unanswered)}}), ""},
	})
}

func TestEncodeRejects(t *testing.T) {
	dt.CheckEncodeRefuses(t, Encode, sealed(dt.OutboundCall(t)), []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"trunk too high", func(c *drivers.Call) { c.Trunk = "1000" }, `trunk "1000"`},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 27) }, "field 34 (digits)"},
		{"extension too long", func(c *drivers.Call) { c.Extension = "20001" }, "field 24 (calling)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	})
}

// TestRoundTrip encodes three December days of the simulated office and
// parses them back, arriving on 1 January as golden records do: every
// call Mitel would record reads as what it was, as far as one record can
// tell.
func TestRoundTrip(t *testing.T) {
	calls := dt.SimulatedDays(t, 7, "2025-12-08", 3)
	trips := dt.RoundTrips(t, "mitel-mivb", openParser(t, nil), calls)
	for _, trip := range trips {
		checkRoundTrip(t, trip.Want, &trip.Got)
	}
	if len(trips) < len(calls)*3/4 { // failed outbound, unanswered internal: Mitel writes nothing
		t.Errorf("only %d of %d calls written", len(trips), len(calls))
	}
}

// checkRoundTrip compares what was parsed with the simulated call. The
// record gives the start to the minute; its duration is the talk time,
// or for a missed inbound call the ringing.
func checkRoundTrip(t *testing.T, want, got *drivers.Call) {
	t.Helper()
	ext, duration, trunk := want.Extension, want.Duration, "T00"+want.Trunk
	switch want.Direction {
	case drivers.Inbound:
		ext = cmp.Or(lastAnswerer(want), firstParty(want))
	case drivers.Internal:
		trunk = ""
	}
	if !want.Answered {
		duration = 0
	}
	if !got.Start.Equal(want.Start.Truncate(time.Minute)) || got.Duration != duration || got.Direction != want.Direction ||
		got.Extension != ext || got.Trunk != trunk || got.Answered != want.Answered || got.AccountCode != want.AccountCode {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}
