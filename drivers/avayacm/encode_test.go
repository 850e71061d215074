package avayacm

import (
	"errors"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestEncodeRecords pins the exact bytes of each kind of call.
func TestEncodeRecords(t *testing.T) {
	start := dt.At(t, 11, 27, 10)
	in := drivers.Call{Start: start, Direction: drivers.Inbound, External: "06912345678", Dialled: "0", Trunk: "2",
		Legs: dt.Legs(
			drivers.Leg{Party: "200", Start: start, Ring: 8, Talk: 45, Outcome: drivers.Answered},
			drivers.Leg{Party: "208", Start: start.Add(53 * time.Second), Ring: 4, Talk: 135, Outcome: drivers.Answered})}
	missed := drivers.Call{Start: start, Direction: drivers.Inbound, External: "0301112223", Dialled: "205", Trunk: "1",
		Legs: dt.Legs(drivers.Leg{Party: "205", Start: start, Ring: 25, Outcome: drivers.Unanswered})}
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", AccountCode: "4711",
		Legs: dt.Legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 160, Outcome: drivers.Answered})}
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: dt.Legs(drivers.Leg{Party: "204", Start: start, Ring: 3, Talk: 75, Outcome: drivers.Answered})}
	busy := out
	busy.Legs = dt.Legs(drivers.Leg{Party: "206", Start: start, Outcome: drivers.Busy})
	dt.CheckEncodings(t, Encode, []dt.Encoding{
		{"inbound, transferred", in, "" +
			"030226 1127 00008 0001 G            102 200                     06912345678                         \r\n" +
			"030226 1130 00184 0030 9            102 200                     06912345678                         \r\n"},
		{"inbound, missed", missed,
			"030226 1127 00025 0004 H            101 205                     0301112223                          \r\n"},
		{"outbound", out,
			"030226 1129 00160 0026 7    9  101      00441632960123          206             4711                \r\n"},
		{"internal", internal,
			"030226 1128 00075 0012 0                204                     203                                 \r\n"},
		{"outbound, busy", busy, ""},
	})
}

func TestEncodeRejects(t *testing.T) {
	dt.CheckEncodeRefuses(t, Encode, dt.OutboundCall(t), []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 24) }, "field 41 (dialed-num)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"over 10 hours", func(c *drivers.Call) { c.Legs[0].Talk = 36000 }, "longer than 10 hours"},
	})
}

// TestRoundTrip encodes three days of the simulated office and parses
// them back: every call the CM would record reads as what it was, as far
// as a record without call splitting can tell.
func TestRoundTrip(t *testing.T) {
	calls := dt.SimulatedDays(t, 7, "2026-03-02", 3)
	trips := dt.RoundTrips(t, "avaya-cm", ringingIgnored{openParser(t, nil)}, calls)
	for _, trip := range trips {
		checkRoundTrip(t, trip.Want, &trip.Got)
	}
	if len(trips) < len(calls)*3/4 { // an unanswered outbound or internal call: the CM writes nothing
		t.Errorf("only %d of %d calls written", len(trips), len(calls))
	}
}

// ringingIgnored lets through a ringing-interval record (G) read as no
// call: the only record Encode writes that is no call.
type ringingIgnored struct{ drivers.Parser }

func (p ringingIgnored) Parse(rec drivers.Record) ([]drivers.Call, error) {
	calls, err := p.Parser.Parse(rec)
	if errors.Is(err, drivers.ErrNotCall) && strings.Contains(rec.Text, " G ") {
		err = nil
	}
	return calls, err
}

// checkRoundTrip compares what was parsed with the simulated call. The
// start is when the call was answered (when it rang, if nobody answered),
// moved back by the seconds of the minute the call ended in: the record
// gives the end to the minute and the duration to the second.
func checkRoundTrip(t *testing.T, want, got *drivers.Call) {
	t.Helper()
	answer, end, answered, _ := span(want)
	if !answered {
		answer = want.Start
	}
	truncated := time.Duration(end.Second()) * time.Second
	ext, external, trunk := want.Extension, want.External, "10"+want.Trunk
	switch want.Direction {
	case drivers.Inbound:
		ext = want.Legs[0].Party // the extension first reached
	case drivers.Internal:
		trunk = ""
	}
	if !got.Start.Equal(answer.Add(-truncated)) || got.Duration != seconds(end.Sub(answer))*boolInt(answered) ||
		got.Direction != want.Direction || got.Extension != ext || got.External != external ||
		got.Trunk != trunk || got.Answered != answered || got.AccountCode != want.AccountCode {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
