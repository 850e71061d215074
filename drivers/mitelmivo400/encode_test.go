package mitelmivo400

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

// pad lays out the tail of a PC5 record from ID1 on: ID1, ID2, DEST1,
// DEST2 right-justified, then TTA, SEQ.NO., SERIAL NO.
func pad(id1, id2, dest1, dest2, tail string) string {
	return rjust(id1, 20) + " " + rjust(id2, 20) + " " + rjust(dest1, 40) + " " + rjust(dest2, 40) + " " + tail
}

func rjust(s string, n int) string { return strings.Repeat(" ", n-len(s)) + s }

// TestEncodeRecords pins the exact bytes of each kind of call.
func TestEncodeRecords(t *testing.T) {
	start := at(t, 11, 27, 10)
	direct := drivers.Call{Start: start, Direction: drivers.Inbound, External: "06912345678", Dialled: "12", Trunk: "2", CallID: "1000041",
		Legs: legs(drivers.Leg{Party: "212", Start: start, Ring: 8, Talk: 125, Outcome: drivers.Answered})}
	transfer := direct
	transfer.Dialled, transfer.Legs = "0", legs(
		drivers.Leg{Party: "200", Start: start, Ring: 3, Talk: 30, Outcome: drivers.Answered},
		drivers.Leg{Party: "208", Start: start.Add(33 * time.Second), Ring: 4, Talk: 135, Outcome: drivers.Answered})
	voicemail := direct
	voicemail.Legs = legs(
		drivers.Leg{Party: "212", Start: start, Ring: 20, Outcome: drivers.Unanswered},
		drivers.Leg{PartyName: "Voicemail", Start: start.Add(20 * time.Second), Talk: 45, Outcome: drivers.Voicemail})
	busy := direct
	busy.Legs = legs(drivers.Leg{Party: "212", Start: start, Outcome: drivers.Busy})
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", AccountCode: "4711", CallID: "1000042",
		Legs: legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 3725, Outcome: drivers.Answered})}
	unanswered := out
	unanswered.Legs = legs(drivers.Leg{Party: "206", Start: start, Ring: 30, Outcome: drivers.Unanswered})
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: legs(drivers.Leg{Party: "204", Start: start, Ring: 3, Talk: 75, Outcome: drivers.Answered})}
	tests := []struct {
		name string
		call drivers.Call
		want []string
	}{
		{"inbound, answered", direct, []string{
			"\t         212           321 260302 11:27 00H02M05            00000 00102 " +
				pad("06912345678", "06912345678", "", "12", "008 043 0164")}},
		{"inbound, transferred", transfer, []string{
			"\t         200           321 260302 11:27 00H00M30            00000 00102 " +
				pad("06912345678", "06912345678", "", "0", "003 043 0164"),
			"\t         208           320 260302 11:27 00H02M15            00000 00102 " +
				pad("06912345678", "06912345678", "", "0", "004 043 0165")}},
		{"inbound, voicemail", voicemail, []string{
			"\t         212           322 260302 11:27 00H00M00            00000 00102 " +
				pad("06912345678", "06912345678", "", "12", "020 043 0164"),
			"\t         899           323 260302 11:27 00H00M45            00000 00102 " +
				pad("06912345678", "06912345678", "", "12", "000 043 0165")}},
		{"inbound, busy", busy, []string{
			"\t         212           322 260302 11:27 00H00M00            00000 00102 " +
				pad("06912345678", "06912345678", "", "12", "000 043 0164")}},
		{"outbound, cost centre", out, []string{
			"\t         206      4711 070 260302 11:27 01H02M05       0.00 00000 00101 " +
				pad("", "", "00441632960123", "00441632960123", "000 000 0168")}},
		{"outbound, unanswered", unanswered, nil},
		{"internal", internal, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Encode(&b, &tt.call); err != nil {
				t.Fatal(err)
			}
			want := ""
			for _, line := range tt.want {
				want += line + "\r\n"
			}
			if b.String() != want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), want)
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
		{"line 100", func(c *drivers.Call) { c.Trunk = "100" }, `trunk "100"`},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 41) }, "field 116 (DEST1)"},
		{"extension too long", func(c *drivers.Call) { c.Extension = "1234567890123" }, "field 2 (NO)"},
		{"control character", func(c *drivers.Call) { c.AccountCode = "47\n11" }, "field 15 (CC)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"over 99 hours", func(c *drivers.Call) { c.Legs[0].Talk = 100 * 3600 }, "longer than 99 hours"},
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
// each call back: every call the PBX logs reads as what it was, to the
// minute the format gives.
func TestRoundTrip(t *testing.T) {
	loc := berlin(t)
	calls := simulator.NewGenerator(simulator.NewOffice(), 7, loc).Days(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), 3)
	d, err := drivers.Lookup(ID)
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	for i := range calls {
		c := &calls[i]
		var b strings.Builder
		if err := Encode(&b, c); err != nil {
			t.Fatalf("call %s: %v", c.CallID, err)
		}
		if b.Len() == 0 {
			continue // an internal call, or an outgoing one never connected
		}
		written++
		p := drivers.NewJoiner(openParser(t, map[string]string{"voicemail": voicemailNumber}), drivers.FinalAnswerer)
		got := dt.ParseReader(t, d, p, c.CallID, strings.NewReader(b.String()))
		if len(got.Errs) > 0 || len(got.Calls) != 1 {
			t.Fatalf("call %s: parsed %d calls, errors %q from\n%s", c.CallID, len(got.Calls), got.Errs, b.String())
		}
		checkRoundTrip(t, c, &got.Calls[0])
	}
	if written < len(calls)/2 {
		t.Errorf("only %d of %d calls written", written, len(calls))
	}
}

// checkRoundTrip compares what was parsed with the simulated call.
func checkRoundTrip(t *testing.T, want, got *drivers.Call) {
	t.Helper()
	start := want.Start.Truncate(time.Minute)
	dialled, ring := want.Dialled, want.Ring
	if want.Direction == drivers.Outbound {
		ring = 0 // OCL has no time to answer
	}
	if len(want.Legs) > 1 {
		ring = got.Ring // later legs start to the minute only
	}
	if !got.Start.Equal(start) || got.Duration != want.Duration || got.Ring != ring ||
		got.Direction != want.Direction || got.Extension != want.Extension || got.External != want.External ||
		got.Dialled != dialled || got.Trunk != "0010"+want.Trunk || got.Answered != want.Answered ||
		got.Voicemail != want.Voicemail || got.AccountCode != want.AccountCode ||
		got.FinalAnswerer != want.FinalAnswerer || got.FirstAnswerer != want.FirstAnswerer {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}

// TestStreamRoundTrip reads the same days as one stream, as the PBX
// sends them: the legs of transferred calls are joined by their sequence
// number, whatever comes between them.
func TestStreamRoundTrip(t *testing.T) {
	loc := berlin(t)
	d, err := drivers.Lookup(ID)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	gen := simulator.NewGenerator(simulator.NewOffice(), 3, loc)
	written, err := gen.Write(&b, d, time.Date(2026, 3, 2, 0, 0, 0, 0, loc), 3, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := dt.ParseReader(t, d, drivers.NewJoiner(openParser(t, nil), drivers.FinalAnswerer), "stream", strings.NewReader(b.String()))
	if len(got.Errs) > 0 || len(got.Calls) != len(written) {
		t.Fatalf("parsed %d calls from %d written, errors %q", len(got.Calls), len(written), got.Errs)
	}
	legs := 0
	for _, c := range got.Calls {
		legs += len(c.Legs)
	}
	if legs <= len(written) {
		t.Errorf("%d legs in %d calls: no call was joined from several records", legs, len(written))
	}
}
