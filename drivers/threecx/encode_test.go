package threecx

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// simulated completes a call the way the simulator hands it to Encode:
// start, call ID, legs one after another and the totals they add up to.
func simulated(t *testing.T, c drivers.Call) drivers.Call {
	t.Helper()
	c.ExtensionName = "Ext " + c.Extension
	return dt.Totalled(dt.Timed(t, c))
}

// TestRoundTrip encodes calls and parses them back: what the simulator
// writes must read as the call it meant.
func TestRoundTrip(t *testing.T) {
	in, out, internal := drivers.Inbound, drivers.Outbound, drivers.Internal
	tests := []struct {
		name string
		call drivers.Call
	}{
		{"direct inbound", drivers.Call{Direction: in, Extension: "202", External: "08912345678", Dialled: "202", Trunk: "1",
			Legs: dt.Named(dt.Answered("202", 8, 340))}},
		{"transferred inbound", drivers.Call{Direction: in, Extension: "208", External: "06912345678", Dialled: "0", Trunk: "2", TransferredFrom: "200",
			Legs: dt.Named(dt.Answered("200", 4, 45), dt.Answered("208", 3, 135))}},
		{"transferred twice", drivers.Call{Direction: in, Extension: "209", External: "06912345678", Dialled: "0", Trunk: "2", TransferredFrom: "208",
			Legs: dt.Named(dt.Answered("200", 4, 45), dt.Answered("208", 3, 60), dt.Answered("209", 2, 135))}},
		{"transferred to voicemail", drivers.Call{Direction: in, Extension: "200", External: "06912345678", Dialled: "0", Trunk: "3",
			Legs: dt.Named(dt.Answered("200", 4, 25), dt.Rang("208", 20), dt.Voicemail(31))}},
		{"missed inbound", drivers.Call{Direction: in, Extension: "205", External: "03011122233", Dialled: "205", Trunk: "1",
			Legs: dt.Named(dt.Rang("205", 25))}},
		{"inbound to voicemail", drivers.Call{Direction: in, Extension: "202", External: "01719999999", Dialled: "202", Trunk: "4",
			Legs: dt.Named(dt.Rang("202", 20), dt.Voicemail(31))}},
		{"outbound answered", drivers.Call{Direction: out, Extension: "206", External: "00441632960123", Dialled: "00441632960123",
			Trunk: "2", AccountCode: "4711", Legs: dt.Named(dt.Answered("206", 6, 160))}},
		{"outbound unanswered", drivers.Call{Direction: out, Extension: "206", External: "0301234567", Dialled: "0301234567",
			Trunk: "1", Legs: dt.Named(dt.Rang("206", 30))}},
		{"outbound busy", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567",
			Trunk: "1", Legs: dt.Named(dt.Refused("201", drivers.Busy))}},
		{"outbound failed", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567",
			Legs: dt.Named(dt.Refused("201", drivers.Failed))}},
		{"internal", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Named(dt.Answered("204", 3, 75))}},
		{"internal busy", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Named(dt.Refused("204", drivers.Busy))}},
		{"internal to voicemail", drivers.Call{Direction: internal, Extension: "203", Dialled: "204",
			Legs: dt.Named(dt.Rang("204", 12), dt.Voicemail(22))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := simulated(t, tt.call)
			got := roundTrip(t, &want)
			checkSame(t, &got, &want)
		})
	}
}

// TestRoundTripSimulatedWeek reads back a week of the simulator's office,
// Easter and a clock change included.
func TestRoundTripSimulatedWeek(t *testing.T) {
	calls := dt.SimulatedDays(t, 5, "2026-03-26", 7)
	if len(calls) < 500 {
		t.Fatalf("only %d simulated calls", len(calls))
	}
	for i := range calls {
		got := roundTrip(t, &calls[i])
		checkSame(t, &got, &calls[i])
		if t.Failed() {
			t.Fatalf("call %d of %d: %+v", i+1, len(calls), calls[i])
		}
	}
}

// roundTrip encodes c and parses it back into one call, a record per leg.
func roundTrip(t *testing.T, c *drivers.Call) drivers.Call {
	t.Helper()
	trip := dt.RoundTrip(t, "3cx", drivers.NewJoiner(openParser(t, nil), drivers.FinalAnswerer), c)
	if n := strings.Count(trip.Text, "\r\n"); n != len(c.Legs) {
		t.Fatalf("%d records for %d legs:\n%s", n, len(c.Legs), trip.Text)
	}
	return trip.Got
}

func checkSame(t *testing.T, got, want *drivers.Call) {
	t.Helper()
	if !got.Start.Equal(want.Start) || got.Duration != want.Duration || got.Ring != want.Ring ||
		got.Direction != want.Direction || got.Extension != want.Extension || got.External != want.External ||
		got.Answered != want.Answered || got.Voicemail != want.Voicemail || got.AccountCode != want.AccountCode ||
		got.FirstAnswerer != want.FirstAnswerer || got.FinalAnswerer != want.FinalAnswerer ||
		len(got.Legs) != len(want.Legs) {
		t.Errorf("parsed back as\n%+v\nwant\n%+v", *got, *want)
		return
	}
	// The simulator names whoever put a call through, answered or not;
	// drivers.Derive only an answerer who handed it to another.
	if want.FirstAnswerer != want.FinalAnswerer && got.TransferredFrom != want.TransferredFrom {
		t.Errorf("transferred from %q, want %q", got.TransferredFrom, want.TransferredFrom)
	}
	if want.Trunk != "" && !dt.HasOutcome(want.Legs, drivers.Failed) && got.Trunk != lineDNOf(want.Trunk) {
		t.Errorf("trunk %q, want the DN of line %s", got.Trunk, want.Trunk)
	}
	for i := range got.Legs {
		if g, w := got.Legs[i], want.Legs[i]; g.Outcome != w.Outcome || g.Talk != w.Talk || !g.Start.Equal(w.Start) {
			t.Errorf("leg %d: %s from %v talk %d, want %s from %v talk %d", i+1, g.Outcome, g.Start, g.Talk, w.Outcome, w.Start, w.Talk)
		}
	}
}

func lineDNOf(trunk string) string {
	dn, _ := lineDN(trunk)
	return dn
}

// TestEncodeRecords pins the exact bytes: 27 fields, UTC, CR LF, the
// historyid on every segment, ReplacedDst on the transferred one.
func TestEncodeRecords(t *testing.T) {
	c := simulated(t, drivers.Call{Direction: drivers.Inbound, Extension: "208", External: "06912345678", Dialled: "0", Trunk: "2",
		Legs: dt.Named(dt.Answered("200", 4, 45), dt.Answered("208", 3, 135))})
	want := "Call 1000105,0000019CAE164120_1000105,00:00:45,2026/03/02 10:27:00,2026/03/02 10:27:04,2026/03/02 10:27:49," +
		"TerminatedBySrc,06912345678,Ext.200,10001,200,0,,,,,,,,Chain: 06912345678;Ext.200;,Line,Extension,,,Ext 200,,\r\n" +
		"Call 1000105,0000019CAE164120_1000105,00:02:15,2026/03/02 10:27:49,2026/03/02 10:27:52,2026/03/02 10:30:07," +
		"TerminatedBySrc,06912345678,Ext.208,10001,208,208,ReplacedDst,Ext.208,208,,,,,Chain: 06912345678;Ext.200;Ext.208;," +
		"Line,Extension,Extension,,Ext 208,Ext 208,\r\n"
	dt.CheckEncode(t, Encode, &c, want)
}

func TestEncodeRejects(t *testing.T) {
	base := simulated(t, drivers.Call{Direction: drivers.Inbound, Extension: "202", External: "0891234", Dialled: "202", Trunk: "1",
		Legs: dt.Named(dt.Answered("202", 8, 340))})
	dt.CheckEncodeRefuses(t, Encode, base, []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"call ID", func(c *drivers.Call) { c.CallID = "A17" }, `call ID "A17"`},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "10000" }, `trunk "10000"`},
		{"outbound without trunk", func(c *drivers.Call) { c.Direction, c.Trunk = drivers.Outbound, "" }, `trunk ""`},
		{"no party", func(c *drivers.Call) { c.Legs[0].Party = "" }, "without a party"},
		{"comma", func(c *drivers.Call) { c.Legs[0].PartyName = "Kurz, Ben" }, `field 25 (to-dispname) "Kurz, Ben"`},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	})
}
