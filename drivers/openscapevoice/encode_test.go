package openscapevoice

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
			Legs: dt.Legs(dt.Answered("202", 8, 340))}},
		{"transferred inbound", drivers.Call{Direction: in, Extension: "208", External: "06912345678", Dialled: "0", Trunk: "2",
			TransferredFrom: "200", Legs: dt.Legs(dt.Answered("200", 4, 45), dt.Answered("208", 3, 135))}},
		{"transferred twice", drivers.Call{Direction: in, Extension: "209", External: "06912345678", Dialled: "0", Trunk: "2",
			TransferredFrom: "208", Legs: dt.Legs(dt.Answered("200", 4, 45), dt.Answered("208", 3, 60), dt.Answered("209", 2, 135))}},
		{"transferred to voicemail", drivers.Call{Direction: in, Extension: "200", External: "06912345678", Dialled: "0", Trunk: "3",
			Legs: dt.Legs(dt.Answered("200", 4, 25), dt.Rang("208", 20), dt.Voicemail(31))}},
		{"missed inbound", drivers.Call{Direction: in, Extension: "205", External: "03011122233", Dialled: "205", Trunk: "1",
			Legs: dt.Legs(dt.Rang("205", 25))}},
		{"inbound to voicemail", drivers.Call{Direction: in, Extension: "202", External: "01719999999", Dialled: "202", Trunk: "4",
			Legs: dt.Legs(dt.Rang("202", 20), dt.Voicemail(31))}},
		{"outbound answered", drivers.Call{Direction: out, Extension: "206", External: "00441632960123", Dialled: "00441632960123",
			Trunk: "2", Legs: dt.Legs(dt.Answered("206", 6, 160))}},
		{"outbound unanswered", drivers.Call{Direction: out, Extension: "206", External: "0301234567", Dialled: "0301234567",
			Trunk: "1", Legs: dt.Legs(dt.Rang("206", 30))}},
		{"outbound busy", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567",
			Trunk: "1", Legs: dt.Legs(dt.Refused("201", drivers.Busy))}},
		{"outbound failed", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567",
			Trunk: "1", Legs: dt.Legs(dt.Refused("201", drivers.Failed))}},
		{"internal", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Legs(dt.Answered("204", 3, 75))}},
		{"internal busy", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Legs(dt.Refused("204", drivers.Busy))}},
		{"internal to voicemail", drivers.Call{Direction: internal, Extension: "203", Dialled: "204",
			Legs: dt.Legs(dt.Rang("204", 12), dt.Voicemail(22))}},
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
// Easter and a clock change included, call by call.
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

// TestSimulatedFile reads a simulated day as one billing file, header
// included, as the collector does: every call comes back once.
func TestSimulatedFile(t *testing.T) {
	p := drivers.NewJoiner(openParser(t, nil), drivers.FinalAnswerer)
	written, got := dt.EncodeFile(t, "openscape-voice", p, dt.SimulatedDays(t, 7, "2026-03-10", 1))
	if len(written) < 100 || len(got.Failed) > 0 || len(got.Calls) != len(written) {
		t.Fatalf("%d calls from %d simulated, failures %q", len(got.Calls), len(written), got.Failed)
	}
	for i := range written {
		checkSame(t, &got.Calls[i], &written[i])
	}
}

// roundTrip encodes c and parses it back into one call, a record per leg.
func roundTrip(t *testing.T, c *drivers.Call) drivers.Call {
	t.Helper()
	trip := dt.RoundTrip(t, "openscape-voice", drivers.NewJoiner(openParser(t, nil), drivers.FinalAnswerer), c)
	if n := strings.Count(trip.Text, "\n"); n != len(c.Legs) {
		t.Fatalf("%d records for %d legs:\n%s", n, len(c.Legs), trip.Text)
	}
	return trip.Got
}

func checkSame(t *testing.T, got, want *drivers.Call) {
	t.Helper()
	if !got.Start.Equal(want.Start) || got.Duration != want.Duration || got.Ring != want.Ring ||
		got.Direction != want.Direction || got.Extension != want.Extension || got.External != want.External ||
		got.Dialled != want.Dialled || got.Answered != want.Answered || got.Voicemail != want.Voicemail ||
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
	if want.Trunk != "" && !dt.HasOutcome(want.Legs, drivers.Failed) && got.Trunk != "pstn-gw"+want.Trunk+".example.net" {
		t.Errorf("trunk %q, want the endpoint of line %s", got.Trunk, want.Trunk)
	}
	for i := range got.Legs {
		if g, w := got.Legs[i], want.Legs[i]; g.Outcome != w.Outcome || g.Talk != w.Talk || g.Ring != w.Ring || !g.Start.Equal(w.Start) {
			t.Errorf("leg %d: %s from %v ring %d talk %d, want %s from %v ring %d talk %d",
				i+1, g.Outcome, g.Start, g.Ring, g.Talk, w.Outcome, w.Start, w.Ring, w.Talk)
		}
	}
}

// TestEncodeRecords pins the exact bytes of a transferred call: the
// sequence number, 135 fields, LF, the shared global call ID and thread.
func TestEncodeRecords(t *testing.T) {
	c := simulated(t, drivers.Call{Direction: drivers.Inbound, Extension: "208", External: "06912345678", Dialled: "0", Trunk: "2",
		Legs: dt.Legs(dt.Answered("200", 4, 45), dt.Answered("208", 3, 135))})
	gid := "2026-03-02T11:27:00.0+0100:FF0001000000000000000000000F42A9"
	text := dt.EncodeText(t, Encode, &c)
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), text)
	}
	checks := []struct {
		line, field int // field: 1-based in the line, the sequence number being 1
		want        string
	}{
		{0, 1, "100010500"}, {1, 1, "100010501"},
		{0, 2, typeStandard}, {0, 3, "2026-03-02T11:27:00.0+0100"}, {0, 4, "45"}, {0, 5, hostname},
		{0, 6, gid}, {1, 6, gid}, {0, 12, "200"}, {0, 13, "06912345678"}, {0, 19, "0"}, {0, 20, "16"},
		{0, 41, "901"}, {0, 42, "902"}, {0, 49, "2026-03-02T11:27:04.0+0100"}, {0, 50, "2026-03-02T11:27:49.0+0100"},
		{0, 51, "2026-03-02T11:27:00.0+0100"}, {0, 102, "0"}, {0, 125, threadNode}, {0, 126, "1000105"}, {1, 126, "1000105"},
		{0, 127, "pstn-gw2.example.net"}, {0, 128, ""}, {0, 129, "200"}, {1, 129, "208"},
		{1, 3, "2026-03-02T11:27:49.0+0100"}, {1, 49, "2026-03-02T11:27:52.0+0100"}, {1, 50, "2026-03-02T11:30:07.0+0100"},
	}
	for _, ck := range checks {
		f := strings.Split(lines[ck.line], ",")
		if len(f) != encodedWidth+1 {
			t.Fatalf("line %d has %d fields, want %d", ck.line+1, len(f), encodedWidth+1)
		}
		if f[ck.field-1] != ck.want {
			t.Errorf("line %d field %d = %q, want %q", ck.line+1, ck.field, f[ck.field-1], ck.want)
		}
	}
}

func TestEncodeRejects(t *testing.T) {
	base := simulated(t, drivers.Call{Direction: drivers.Inbound, Extension: "202", External: "0891234", Dialled: "202", Trunk: "1",
		Legs: dt.Legs(dt.Answered("202", 8, 340))})
	dt.CheckEncodeRefuses(t, Encode, base, []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"call ID", func(c *drivers.Call) { c.CallID = "A17" }, `call ID "A17"`},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "SBC1" }, `trunk "SBC1"`},
		{"outbound without trunk", func(c *drivers.Call) { c.Direction, c.Trunk = drivers.Outbound, "" }, `trunk ""`},
		{"line break", func(c *drivers.Call) { c.External = "0891234\n5" }, `field 13 (Calling Party Number (CDR field 12)) "0891234\n5"`},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	})
}

// TestEncodeQuotes writes a value holding a comma or a quote quoted, and
// reads it back as it was.
func TestEncodeQuotes(t *testing.T) {
	c := simulated(t, drivers.Call{Direction: drivers.Outbound, Extension: "206", External: `0301234567,"9"`, Dialled: "0301234567",
		Trunk: "1", Legs: dt.Legs(dt.Answered("206", 6, 160))})
	if text := dt.EncodeText(t, Encode, &c); !strings.Contains(text, `,"0301234567,""9""",`) {
		t.Errorf("not quoted: %s", text)
	}
	if got := roundTrip(t, &c); got.External != c.External {
		t.Errorf("External = %q, want %q", got.External, c.External)
	}
}
