package avayaipo

import (
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// simulated completes a call the way the simulator hands it to Encode:
// start, Call ID, and the totals its legs add up to.
func simulated(t *testing.T, c drivers.Call) drivers.Call {
	t.Helper()
	c.Start = dt.At(t, 11, 27, 0)
	c.CallID = "1000105"
	c.ExtensionName = "Ext " + c.Extension
	for _, l := range c.Legs {
		c.Duration += l.Talk
		c.Answered = c.Answered || l.Outcome == drivers.Answered || l.Outcome == drivers.Voicemail
	}
	c.Voicemail = c.Answered && !dt.HasOutcome(c.Legs, drivers.Answered)
	return c
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
		{"transferred inbound", drivers.Call{Direction: in, Extension: "208", External: "06912345678", Dialled: "200", Trunk: "2",
			Legs: dt.Named(dt.Answered("207", 4, 45), dt.Answered("208", 0, 135))}},
		{"transferred twice", drivers.Call{Direction: in, Extension: "209", External: "06912345678", Dialled: "200", Trunk: "2",
			Legs: dt.Named(dt.Answered("207", 4, 45), dt.Answered("208", 0, 60), dt.Answered("209", 0, 135))}},
		{"missed inbound", drivers.Call{Direction: in, Extension: "205", External: "03011122233", Dialled: "205", Trunk: "1",
			Legs: dt.Named(dt.Rang("205", 25))}},
		{"inbound to voicemail", drivers.Call{Direction: in, Extension: "202", External: "01719999999", Dialled: "202", Trunk: "3",
			Legs: dt.Named(dt.Rang("202", 20), dt.Voicemail(31))}},
		{"outbound answered", drivers.Call{Direction: out, Extension: "206", External: "00441632960123", Dialled: "900441632960123",
			Trunk: "2", AccountCode: "4711", Legs: dt.Named(dt.Answered("206", 6, 160))}},
		{"outbound failed", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567",
			Legs: dt.Legs(dt.Refused("201", drivers.Failed))}},
		{"internal", drivers.Call{Direction: internal, Extension: "203", Dialled: "204",
			Legs: dt.Named(dt.Answered("204", 3, 75))}},
		{"internal to voicemail", drivers.Call{Direction: internal, Extension: "203", Dialled: "204",
			Legs: dt.Named(dt.Rang("204", 12), dt.Voicemail(22))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := simulated(t, tt.call)
			got := dt.RoundTrip(t, "avaya-ipo", openParser(t, nil), &want).Got
			checkSame(t, &got, &want)
		})
	}
}

func checkSame(t *testing.T, got, want *drivers.Call) {
	t.Helper()
	if !got.Start.Equal(want.Start) || got.Duration != want.Duration || got.Direction != want.Direction ||
		got.Extension != want.Extension || got.External != want.External || got.Answered != want.Answered ||
		got.AccountCode != want.AccountCode || len(got.Legs) != len(want.Legs) || got.Voicemail != want.Voicemail {
		t.Errorf("parsed back as\n%+v\nwant\n%+v", *got, *want)
	}
	for i := range min(len(got.Legs), len(want.Legs)) {
		if got.Legs[i].Outcome != want.Legs[i].Outcome {
			t.Errorf("leg %d: outcome %s, want %s", i+1, got.Legs[i].Outcome, want.Legs[i].Outcome)
		}
	}
}

// TestEncodeRecords pins the exact bytes: 30 fields, CR LF, continuation,
// ring only on the first record.
func TestEncodeRecords(t *testing.T) {
	c := simulated(t, drivers.Call{Direction: drivers.Inbound, Extension: "208", External: "06912345678", Dialled: "200", Trunk: "2",
		Legs: dt.Named(dt.Answered("207", 4, 45), dt.Answered("208", 0, 135))})
	c.Legs[0].Hold = 10
	want := "2026/03/02 11:27:00,00:00:45,4,06912345678,I,200,200,,0,1000105,1,E207,Ext 207,T9002,Line 2.1,10,0,0,n/a,,,,,,,,,,,\r\n" +
		"2026/03/02 11:27:00,00:02:15,0,06912345678,I,200,200,,0,1000105,0,E208,Ext 208,T9002,Line 2.1,0,0,0,n/a,,,,,,,,,,,\r\n"
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
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"outbound without trunk", func(c *drivers.Call) { c.Direction, c.Trunk = drivers.Outbound, "" }, "without a trunk"},
		{"comma", func(c *drivers.Call) { c.Legs[0].PartyName = "Meier, Anna" }, `field 13 (Party1Name) "Meier, Anna"`},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	})
}
