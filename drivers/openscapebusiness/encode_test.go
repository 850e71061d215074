package openscapebusiness

import (
	"strconv"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// simulated completes a call the way the simulator hands it to Encode:
// a start, legs one after another from it.
func simulated(t *testing.T, c drivers.Call) drivers.Call {
	t.Helper()
	return dt.Timed(t, c)
}

// TestEncodeRecords pins the bytes Encode writes for each kind of call.
func TestEncodeRecords(t *testing.T) {
	in, out := drivers.Inbound, drivers.Outbound
	tests := []struct {
		name string
		call drivers.Call
		want string
	}{
		{"answered inbound", drivers.Call{Direction: in, External: "0891234567", Dialled: "23", Trunk: "1",
			Legs: dt.Legs(dt.Answered("202", 8, 340))},
			"02.03.26|11:32:48|1|202|00:08|00:05:40|0891234567||1||23|||\r\n"},
		{"missed inbound", drivers.Call{Direction: in, External: "0891234567", Trunk: "2", Legs: dt.Legs(dt.Rang("205", 25))},
			"02.03.26|11:27:25|2|205|00:25||0891234567||1|||||\r\n"},
		{"transferred to voicemail", drivers.Call{Direction: in, External: "069123", Trunk: "1",
			Legs: dt.Legs(dt.Answered("200", 4, 20), dt.Rang("208", 15), dt.Voicemail(30))},
			"02.03.26|11:27:24|1|200|00:04|00:00:20|069123||1|||||\r\n" +
				"02.03.26|11:28:09|1|351|00:15|00:00:30|069123||5|||||\r\n"},
		{"outbound with account code", drivers.Call{Direction: out, Extension: "206", External: "00441632960123", Trunk: "3",
			AccountCode: "4711", ChargeUnits: 9, Legs: dt.Legs(dt.Answered("206", 6, 160))},
			"02.03.26|11:29:46|3|206||00:02:40|00441632960123|9|2|4711||||\r\n"},
		{"outbound busy", drivers.Call{Direction: out, Extension: "206", External: "0891", Trunk: "1",
			Legs: dt.Legs(dt.Refused("206", drivers.Busy))}, ""},
		{"internal", drivers.Call{Direction: drivers.Internal, Extension: "203", Dialled: "204",
			Legs: dt.Legs(dt.Answered("204", 3, 75))}, ""},
		{"overflowing counters", drivers.Call{Direction: in, External: "0891", Trunk: "1",
			Legs: dt.Legs(dt.Answered("202", 3700, 90000))},
			"03.03.26|13:28:40|1|202|59:59|23:59:59|0891||1|||||\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := simulated(t, tt.call)
			dt.CheckEncode(t, Encode, &c, tt.want)
		})
	}
}

func TestEncodeRejects(t *testing.T) {
	base := simulated(t, drivers.Call{Direction: drivers.Inbound, External: "0891234", Trunk: "1",
		Legs: dt.Legs(dt.Answered("202", 8, 340))})
	dt.CheckEncodeRefuses(t, Encode, base, []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"separator", func(c *drivers.Call) { c.External = "089|1" }, `field 7 (External number) "089|1"`},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"year", func(c *drivers.Call) { c.Legs[0].Start = time.Date(1999, 12, 31, 8, 0, 0, 0, time.UTC) }, "two-digit year"},
	})
}

// TestRoundTripSimulated writes a week of the simulator's office and
// parses it back: every call the PBX writes is one call again, with its
// start, direction, answer, extension, number, trunk and talk time.
func TestRoundTripSimulated(t *testing.T) {
	p := drivers.NewJoiner(openParser(t, map[string]string{"voicemail": encodeVoicemail}), drivers.FinalAnswerer)
	written, got := dt.EncodeFile(t, "openscape-business", p, dt.SimulatedDays(t, 3, "2026-03-23", 7))
	if len(got.Errs) > 0 || len(got.Calls) != len(written) {
		t.Fatalf("parsed %d calls and %d errors (%q), simulated %d", len(got.Calls), len(got.Errs), got.Errs, len(written))
	}
	byKey := map[string]*drivers.Call{}
	for i := range got.Calls {
		byKey[got.Calls[i].Key] = &got.Calls[i]
	}
	for i := range written {
		w := &written[i]
		g, ok := byKey[simulatedKey(w)]
		if !ok {
			t.Fatalf("no call parsed for the simulated %s %s from %s", w.Direction, w.Start.Format(drivers.WallClock), w.Extension)
		}
		checkSame(t, g, w)
	}
}

// simulatedKey is the Key the parser gives the call: its trunk, the
// extension of its first record and when that began. An outgoing record
// begins when the call was answered, as it carries no ringing.
func simulatedKey(c *drivers.Call) string {
	first, start := c.Legs[0], c.Start
	if c.Direction == drivers.Outbound {
		start = start.Add(time.Duration(first.Ring) * time.Second)
	}
	party := first.Party
	if first.Outcome != drivers.Answered && len(c.Legs) > 1 && c.Legs[1].Outcome == drivers.Voicemail {
		party = encodeVoicemail
	}
	return c.Trunk + "/" + party + "@" + strconv.FormatInt(start.Unix(), 10)
}

func checkSame(t *testing.T, got, want *drivers.Call) {
	t.Helper()
	wantStart := want.Start
	if want.Direction == drivers.Outbound {
		wantStart = wantStart.Add(time.Duration(want.Legs[0].Ring) * time.Second)
	}
	if !got.Start.Equal(wantStart) || got.Direction != want.Direction || got.Answered != want.Answered ||
		got.Voicemail != want.Voicemail || got.Duration != want.Duration || got.External != want.External ||
		got.Trunk != want.Trunk || got.AccountCode != want.AccountCode || got.FinalAnswerer != want.FinalAnswerer {
		t.Errorf("parsed back as\n%+v\nwant\n%+v", *got, *want)
	}
	if want.Direction == drivers.Outbound && got.Extension != want.Extension {
		t.Errorf("outbound call of %s parsed as from %s", want.Extension, got.Extension)
	}
}
