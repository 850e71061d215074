package mitelmivo400

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// pad lays out the tail of a PC5 record from ID1 on: ID1, ID2, DEST1,
// DEST2 right-justified, then TTA, SEQ.NO., SERIAL NO.
func pad(id1, id2, dest1, dest2, tail string) string {
	return rjust(id1, 20) + " " + rjust(id2, 20) + " " + rjust(dest1, 40) + " " + rjust(dest2, 40) + " " + tail
}

func rjust(s string, n int) string { return strings.Repeat(" ", n-len(s)) + s }

// TestEncodeRecords pins the exact bytes of each kind of call.
func TestEncodeRecords(t *testing.T) {
	start := dt.At(t, 11, 27, 10)
	direct := drivers.Call{Start: start, Direction: drivers.Inbound, External: "06912345678", Dialled: "12", Trunk: "2", CallID: "1000041",
		Legs: dt.Legs(drivers.Leg{Party: "212", Start: start, Ring: 8, Talk: 125, Outcome: drivers.Answered})}
	transfer := direct
	transfer.Dialled, transfer.Legs = "0", dt.Legs(
		drivers.Leg{Party: "200", Start: start, Ring: 3, Talk: 30, Outcome: drivers.Answered},
		drivers.Leg{Party: "208", Start: start.Add(33 * time.Second), Ring: 4, Talk: 135, Outcome: drivers.Answered})
	voicemail := direct
	voicemail.Legs = dt.Legs(
		drivers.Leg{Party: "212", Start: start, Ring: 20, Outcome: drivers.Unanswered},
		drivers.Leg{PartyName: "Voicemail", Start: start.Add(20 * time.Second), Talk: 45, Outcome: drivers.Voicemail})
	busy := direct
	busy.Legs = dt.Legs(drivers.Leg{Party: "212", Start: start, Outcome: drivers.Busy})
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", AccountCode: "4711", CallID: "1000042",
		Legs: dt.Legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 3725, Outcome: drivers.Answered})}
	unanswered := out
	unanswered.Legs = dt.Legs(drivers.Leg{Party: "206", Start: start, Ring: 30, Outcome: drivers.Unanswered})
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: dt.Legs(drivers.Leg{Party: "204", Start: start, Ring: 3, Talk: 75, Outcome: drivers.Answered})}
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
			want := ""
			for _, line := range tt.want {
				want += line + "\r\n"
			}
			dt.CheckEncode(t, Encode, &tt.call, want)
		})
	}
}

func TestEncodeRejects(t *testing.T) {
	dt.CheckEncodeRefuses(t, Encode, dt.OutboundCall(t), []dt.Refusal{
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
	})
}

// TestRoundTrip encodes three days of the simulated office and parses
// each call back: every call the PBX logs reads as what it was, to the
// minute the format gives.
func TestRoundTrip(t *testing.T) {
	calls := dt.SimulatedDays(t, 7, "2026-03-02", 3)
	p := drivers.NewJoiner(openParser(t, map[string]string{"voicemail": voicemailNumber}), drivers.FinalAnswerer)
	trips := dt.RoundTrips(t, ID, p, calls)
	for _, trip := range trips {
		checkRoundTrip(t, trip.Want, &trip.Got)
	}
	if len(trips) < len(calls)/2 { // an internal call, or an outgoing one never connected
		t.Errorf("only %d of %d calls written", len(trips), len(calls))
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
	p := drivers.NewJoiner(openParser(t, nil), drivers.FinalAnswerer)
	written, got := dt.EncodeFile(t, ID, p, dt.SimulatedDays(t, 3, "2026-03-02", 3))
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
