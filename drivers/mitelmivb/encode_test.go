package mitelmivb

import (
	"cmp"
	"strings"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// at is a moment on 2 March 2026 in Berlin.
func at(t testing.TB, hour, minute, sec int) time.Time {
	return time.Date(2026, 3, 2, hour, minute, sec, 0, dt.Location(t, dt.Zone))
}

// sealed returns a call with its totals derived from its legs, as the
// simulator hands calls to Encode.
func sealed(c drivers.Call) drivers.Call {
	c.Derive(drivers.FinalAnswerer)
	return c
}

// TestEncodeRecords pins the exact bytes of each kind of call; the
// expected records were laid out by column from README.md's table.
func TestEncodeRecords(t *testing.T) {
	start := at(t, 11, 27, 10)
	leg := func(party string, offset, ring, talk int, o drivers.Outcome) drivers.Leg {
		return drivers.Leg{Party: party, Start: start.Add(time.Duration(offset) * time.Second), Ring: ring, Talk: talk, Outcome: o}
	}
	out := func(talk int, o drivers.Outcome) drivers.Call {
		return sealed(drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
			Trunk: "1", AccountCode: "4711", Legs: []drivers.Leg{leg("206", 0, 6, talk, o)}})
	}
	tests := []struct {
		name string
		call drivers.Call
		want string
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Encode(&b, &tt.call); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
}

func TestEncodeRejects(t *testing.T) {
	base := func() drivers.Call {
		start := at(t, 9, 0, 0)
		return sealed(drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "201", External: "0891234567", Trunk: "1",
			Legs: []drivers.Leg{{Party: "201", Start: start, Talk: 60, Outcome: drivers.Answered}}})
	}
	tests := []struct {
		name   string
		change func(c *drivers.Call)
		want   string
	}{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"trunk too high", func(c *drivers.Call) { c.Trunk = "1000" }, `trunk "1000"`},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 27) }, "field 34 (digits)"},
		{"extension too long", func(c *drivers.Call) { c.Extension = "20001" }, "field 24 (calling)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.change(&c)
			var b strings.Builder
			err := Encode(&b, &c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %q despite the error", b.String())
			}
		})
	}
}

// TestRoundTrip encodes three December days of the simulated office and
// parses them back, arriving on 1 January as golden records do: every
// call Mitel would record reads as what it was, as far as one record can
// tell.
func TestRoundTrip(t *testing.T) {
	loc := dt.Location(t, dt.Zone)
	calls := simulator.NewGenerator(simulator.NewOffice(), 7, loc).Days(time.Date(2025, 12, 8, 0, 0, 0, 0, loc), 3)
	p := openParser(t, nil)
	written := 0
	for i := range calls {
		c := &calls[i]
		var b strings.Builder
		if err := Encode(&b, c); err != nil {
			t.Fatalf("call %s: %v", c.CallID, err)
		}
		if b.Len() == 0 {
			continue // failed outbound, unanswered internal: Mitel writes nothing
		}
		written++
		got := parseText(t, p, strings.TrimSuffix(b.String(), "\r\n"))
		if len(got.Calls) != 1 || len(got.Errs) > 0 {
			t.Fatalf("call %s: parsed %d calls (errors %q) from %q", c.CallID, len(got.Calls), got.Errs, b.String())
		}
		checkRoundTrip(t, c, &got.Calls[0])
	}
	if written < len(calls)*3/4 {
		t.Errorf("only %d of %d calls written", written, len(calls))
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
