package avayacm

import (
	"errors"
	"strings"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
)

func legs(l ...drivers.Leg) []drivers.Leg { return l }

// at is a moment on 2 March 2026 in Berlin.
func at(t testing.TB, hour, minute, sec int) time.Time {
	return time.Date(2026, 3, 2, hour, minute, sec, 0, berlin(t))
}

// TestEncodeRecords pins the exact bytes of each kind of call.
func TestEncodeRecords(t *testing.T) {
	start := at(t, 11, 27, 10)
	in := drivers.Call{Start: start, Direction: drivers.Inbound, External: "06912345678", Dialled: "0", Trunk: "2",
		Legs: legs(
			drivers.Leg{Party: "200", Start: start, Ring: 8, Talk: 45, Outcome: drivers.Answered},
			drivers.Leg{Party: "208", Start: start.Add(53 * time.Second), Ring: 4, Talk: 135, Outcome: drivers.Answered})}
	missed := drivers.Call{Start: start, Direction: drivers.Inbound, External: "0301112223", Dialled: "205", Trunk: "1",
		Legs: legs(drivers.Leg{Party: "205", Start: start, Ring: 25, Outcome: drivers.Unanswered})}
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", AccountCode: "4711",
		Legs: legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 160, Outcome: drivers.Answered})}
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: legs(drivers.Leg{Party: "204", Start: start, Ring: 3, Talk: 75, Outcome: drivers.Answered})}
	busy := out
	busy.Legs = legs(drivers.Leg{Party: "206", Start: start, Outcome: drivers.Busy})
	tests := []struct {
		name string
		call drivers.Call
		want string
	}{
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
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 24) }, "field 41 (dialed-num)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"over 10 hours", func(c *drivers.Call) { c.Legs[0].Talk = 36000 }, "longer than 10 hours"},
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
// them back: every call the CM would record reads as what it was, as far
// as a record without call splitting can tell.
func TestRoundTrip(t *testing.T) {
	loc := berlin(t)
	calls := simulator.NewGenerator(simulator.NewOffice(), 7, loc).Days(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), 3)
	p := openParser(t, nil)
	written := 0
	for i := range calls {
		c := &calls[i]
		var b strings.Builder
		if err := Encode(&b, c); err != nil {
			t.Fatalf("call %s: %v", c.CallID, err)
		}
		if b.Len() == 0 {
			continue // an unanswered outbound or internal call: the CM writes nothing
		}
		written++
		got := parseEncoded(t, p, b.String())
		if len(got) != 1 {
			t.Fatalf("call %s: parsed %d calls from\n%s", c.CallID, len(got), b.String())
		}
		checkRoundTrip(t, c, &got[0])
	}
	if written < len(calls)*3/4 {
		t.Errorf("only %d of %d calls written", written, len(calls))
	}
}

// parseEncoded parses what Encode wrote; ringing-interval records (G)
// are the only ones allowed to be no call.
func parseEncoded(t *testing.T, p drivers.Parser, text string) []drivers.Call {
	t.Helper()
	var calls []drivers.Call
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		got, err := p.Parse(drivers.Record{Text: strings.TrimRight(line, " "), Received: at(t, 12, 0, 0)})
		if err != nil && !(errors.Is(err, drivers.ErrNotCall) && strings.Contains(line, " G ")) {
			t.Fatalf("%q: %v", line, err)
		}
		calls = append(calls, got...)
	}
	return calls
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
