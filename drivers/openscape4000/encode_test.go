package openscape4000

import (
	"strings"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func legs(l ...drivers.Leg) []drivers.Leg { return l }

// at is a moment on 2 March 2026 in Berlin.
func at(t testing.TB, hour, minute, sec int) time.Time {
	return time.Date(2026, 3, 2, hour, minute, sec, 0, berlin(t))
}

// TestEncodeRecords pins the exact bytes of each kind of call.
func TestEncodeRecords(t *testing.T) {
	start := at(t, 11, 27, 10)
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", AccountCode: "4711",
		Legs: legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 3725, Outcome: drivers.Answered})}
	busy := out
	busy.Legs = legs(drivers.Leg{Party: "206", Start: start, Outcome: drivers.Busy})
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: legs(drivers.Leg{Party: "204", Start: start, Ring: 20, Outcome: drivers.Unanswered},
			drivers.Leg{PartyName: "Voicemail", Start: start.Add(20 * time.Second), Talk: 31, Outcome: drivers.Voicemail})}
	in := drivers.Call{Start: start, Direction: drivers.Inbound, External: "0301112223", Trunk: "1",
		Legs: legs(drivers.Leg{Party: "205", Start: start, Ring: 5, Talk: 60, Outcome: drivers.Answered})}
	tests := []struct {
		name string
		call drivers.Call
		want string
	}{
		{"outbound", out,
			"AI0084   206               1       00441632960123           000026030212292100102050      \n"},
		{"outbound, busy", busy,
			"AI0084   206               1       00441632960123           000026030211271000000000      \n"},
		{"internal to voicemail", internal,
			"AI0084   203                       204                      000026030211280100000310      \n"},
		{"inbound: not in this layout", in, ""},
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
		return drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "201", External: "0891234567", Trunk: "1",
			Legs: legs(drivers.Leg{Party: "201", Start: start, Talk: 60, Outcome: drivers.Answered})}
	}
	tests := []struct {
		name   string
		change func(c *drivers.Call)
		want   string
	}{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"no extension", func(c *drivers.Call) { c.Extension = "" }, "no extension"},
		{"extension too long", func(c *drivers.Call) { c.Extension = "1234567" }, "field 10 (CHRGEE)"},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 23) }, "field 36 (DESTPTY)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"100 hours", func(c *drivers.Call) { c.Legs[0].Talk = 100 * 3600 }, "field 78 (DURHOUR)"},
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

// TestRoundTrip encodes three days of the simulated office and parses
// them back: every call the default layout records (outbound and
// internal) reads as what it was, as far as one record can tell.
func TestRoundTrip(t *testing.T) {
	loc := berlin(t)
	calls := simulator.NewGenerator(simulator.NewOffice(), 7, loc).Days(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), 3)
	p := openParser(t, nil)
	written, kinds := 0, map[drivers.Direction]int{}
	for i := range calls {
		c := &calls[i]
		var b strings.Builder
		if err := Encode(&b, c); err != nil {
			t.Fatalf("call %s: %v", c.CallID, err)
		}
		if b.Len() == 0 {
			continue
		}
		written++
		kinds[c.Direction]++
		got := dt.ParseText(t, p, strings.TrimSuffix(b.String(), "\n"))
		if len(got.Calls) != 1 || len(got.Errs) > 0 {
			t.Fatalf("call %s: parsed %d calls, errors %q from %q", c.CallID, len(got.Calls), got.Errs, b.String())
		}
		checkRoundTrip(t, c, &got.Calls[0])
	}
	if kinds[drivers.Outbound] < 100 || kinds[drivers.Internal] < 100 || written != kinds[drivers.Outbound]+kinds[drivers.Internal] {
		t.Errorf("written %d calls: %v", written, kinds)
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
