package driverstest

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"calltally.app/collector/simulator"
	"calltally.app/drivers"
)

// An Encoder writes a call in a PBX's wire format: a driver's Encode.
type Encoder func(w io.Writer, c *drivers.Call) error

// EncodeText returns what encode writes for c, failing the test on an
// error.
func EncodeText(t testing.TB, encode Encoder, c *drivers.Call) string {
	t.Helper()
	var b strings.Builder
	if err := encode(&b, c); err != nil {
		t.Fatalf("call %s: %v", c.CallID, err)
	}
	return b.String()
}

// CheckEncode holds what encode writes for c to want, byte for byte.
func CheckEncode(t testing.TB, encode Encoder, c *drivers.Call, want string) {
	t.Helper()
	if got := EncodeText(t, encode, c); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// An Encoding is a call and the records Encode must write for it, ""
// for none; an alias of an unnamed struct, as Refusal is.
type Encoding = struct {
	Name string
	Call drivers.Call
	Want string
}

// CheckEncodings holds encode to writing each call as its Encoding says,
// byte for byte.
func CheckEncodings(t *testing.T, encode Encoder, encodings []Encoding) {
	for _, e := range encodings {
		t.Run(e.Name, func(t *testing.T) { CheckEncode(t, encode, &e.Call, e.Want) })
	}
}

// A Refusal is a change to a call that Encode must refuse, and part of
// the error it must give. It is an alias of an unnamed struct so that
// tables may list refusals without field names: vet asks for them in
// literals of named struct types from other packages only.
type Refusal = struct {
	Name   string
	Change func(c *drivers.Call)
	Want   string
}

// CheckEncodeRefuses makes each refusal's change to a copy of base and
// expects encode to refuse the result with an error containing Want, and
// to write nothing: half a call would corrupt the stream.
func CheckEncodeRefuses(t *testing.T, encode Encoder, base drivers.Call, refusals []Refusal) {
	for _, r := range refusals {
		t.Run(r.Name, func(t *testing.T) {
			c := base
			c.Legs = slices.Clone(base.Legs)
			r.Change(&c)
			var b strings.Builder
			if err := encode(&b, &c); err == nil || !strings.Contains(err.Error(), r.Want) {
				t.Fatalf("error %v, want one containing %q", err, r.Want)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %q despite the error", b.String())
			}
		})
	}
}

// OutboundCall is 201 calling 0891234567 on line 1 at 9:00 on At's day,
// its one leg answered at once and a minute long, its totals unset: a
// call every format records, for tests to change into one it cannot.
func OutboundCall(t testing.TB) drivers.Call {
	start := At(t, 9, 0, 0)
	return drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "201", External: "0891234567", Trunk: "1",
		Legs: Legs(drivers.Leg{Party: "201", Start: start, Talk: 60, Outcome: drivers.Answered})}
}

// SimulatedDays returns the simulated office's calls of n days from
// first ("2026-03-02", in Zone), made with seed: the calls the simulator
// hands a driver's Encode.
func SimulatedDays(t testing.TB, seed int64, first string, n int) []drivers.Call {
	t.Helper()
	loc := Location(t, Zone)
	day, err := time.ParseInLocation(time.DateOnly, first, loc)
	if err != nil {
		t.Fatal(err)
	}
	return simulator.NewGenerator(simulator.NewOffice(), seed, loc).Days(day, n)
}

// A Trip is a simulated call and the call parsed back from what the
// driver's Encode wrote for it.
type Trip struct {
	Want *drivers.Call // the simulated call
	Got  drivers.Call
	Text string // Encode's records
}

// RoundTrip encodes c with driver id's Encode and parses the records back
// with p, then flushes p. The test fails on an error of Encode, when it
// writes nothing, on a record p rejects (even as no call), and unless the
// records make exactly one call.
func RoundTrip(t testing.TB, id string, p drivers.Parser, c *drivers.Call) Trip {
	t.Helper()
	trip, ok := roundTrip(t, lookup(t, id), p, c)
	if !ok {
		t.Fatalf("call %s: Encode wrote nothing", c.CallID)
	}
	return trip
}

// RoundTrips sends each of calls through RoundTrip with p, but for those
// Encode writes nothing for, as the PBX keeps no record of some calls.
// It returns the trips of the calls written, in order.
func RoundTrips(t testing.TB, id string, p drivers.Parser, calls []drivers.Call) []Trip {
	t.Helper()
	d := lookup(t, id)
	var trips []Trip
	for i := range calls {
		if trip, ok := roundTrip(t, d, p, &calls[i]); ok {
			trips = append(trips, trip)
		}
	}
	return trips
}

func roundTrip(t testing.TB, d *drivers.Driver, p drivers.Parser, c *drivers.Call) (Trip, bool) {
	t.Helper()
	text := EncodeText(t, d.Encode, c)
	if text == "" {
		return Trip{}, false
	}
	got := ParseReader(t, d, p, c.CallID, strings.NewReader(text))
	if len(got.Errs) > 0 || len(got.Calls) != 1 {
		t.Fatalf("call %s: parsed %d calls, errors %q, from\n%s", c.CallID, len(got.Calls), got.Errs, text)
	}
	return Trip{Want: c, Got: got.Calls[0], Text: text}, true
}

// EncodeFile writes calls as one file of driver id's PBX, its header
// first, and parses the file with p. It returns the calls the PBX writes
// records for and what p made of them.
func EncodeFile(t testing.TB, id string, p drivers.Parser, calls []drivers.Call) ([]drivers.Call, Parsed) {
	t.Helper()
	d := lookup(t, id)
	var b bytes.Buffer
	written, err := simulator.Encode(&b, d, calls)
	if err != nil {
		t.Fatal(err)
	}
	return written, ParseReader(t, d, p, id, &b)
}

func lookup(t testing.TB, id string) *drivers.Driver {
	t.Helper()
	d, err := drivers.Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// CheckSimilarCalls pairs each simulated call of want with a parsed one
// of got of the same direction and answer within two minutes of its
// start: formats that write the end to the minute, or durations in
// six-second steps, move a start by up to that much. It is the check
// every format can pass, however little of a call it records.
func CheckSimilarCalls(t testing.TB, got, want []drivers.Call) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("parsed %d calls, simulated %d", len(got), len(want))
	}
	used := make([]bool, len(got))
	unmatched := 0
	for _, w := range want {
		if i := similar(got, used, &w); i >= 0 {
			used[i] = true
			continue
		}
		if unmatched++; unmatched <= 5 {
			t.Errorf("no parsed call like the simulated %s %s answered=%v", w.Start.Format(drivers.WallClock), w.Direction, w.Answered)
		}
	}
}

func similar(got []drivers.Call, used []bool, w *drivers.Call) int {
	for i, g := range got {
		near := g.Start.Sub(w.Start).Abs() <= 2*time.Minute
		if !used[i] && near && g.Direction == w.Direction && g.Answered == w.Answered {
			return i
		}
	}
	return -1
}
