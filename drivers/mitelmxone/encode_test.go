package mitelmxone

import (
	"errors"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestRoundTrip encodes a simulated day call by call and parses each
// record back: what the simulator writes must read as the call it meant,
// as far as one record per call can say it.
func TestRoundTrip(t *testing.T) {
	calls := dt.SimulatedDays(t, 3, "2026-03-10", 1)
	p := openParser(t, map[string]string{"voicemail": simulatedVoicemail})
	var header strings.Builder
	if err := Header(&header); err != nil {
		t.Fatal(err)
	}
	dt.ParseText(t, p, strings.Split(strings.TrimSuffix(header.String(), "\n"), "\n")...)
	written := map[*drivers.Call]bool{}
	for _, trip := range dt.RoundTrips(t, id, p, calls) {
		written[trip.Want] = true
		checkRoundTrip(t, trip.Want, &trip.Got)
	}
	for i, c := range calls {
		if !written[&calls[i]] && c.Direction != drivers.Internal {
			t.Errorf("call %s (%s) written as nothing", c.CallID, c.Direction)
		}
	}
	if len(written) < len(calls)/2 {
		t.Errorf("only %d of %d calls written", len(written), len(calls))
	}
}

// checkRoundTrip compares a parsed call with the simulated one. An
// inbound call is counted against who had the caller last, or the number
// dialled when nobody, or only voicemail, took it.
func checkRoundTrip(t *testing.T, want, got *drivers.Call) {
	t.Helper()
	ext, duration := want.Extension, 0
	if want.Direction == drivers.Inbound && (!want.Answered || want.Voicemail) {
		ext = want.Dialled
	}
	if want.Answered {
		duration = want.Duration
	}
	last := got.Legs[len(got.Legs)-1].Outcome
	if !got.Start.Equal(want.Start) || got.Direction != want.Direction || got.Answered != want.Answered ||
		got.Voicemail != want.Voicemail || got.Duration != duration || got.Extension != ext ||
		got.External != want.External || got.Trunk != want.Trunk || got.AccountCode != want.AccountCode ||
		last != want.Legs[len(want.Legs)-1].Outcome {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}

// TestEncode holds Encode to the records it must write.
func TestEncode(t *testing.T) {
	in, out := drivers.Inbound, drivers.Outbound
	tests := []struct {
		name string
		call drivers.Call
		want string
	}{
		{"answered", drivers.Call{Direction: in, External: "03012345678", Dialled: "204", Trunk: "1", Answered: true, Duration: 277,
			Legs: []drivers.Leg{answered("204", 277)}},
			"2026-03-10 08:02:11 (CET),0d00:04:37,7,03012345678,204,204,1,,"},
		{"transferred", drivers.Call{Direction: in, External: "03012345678", Dialled: "0", Trunk: "2", Answered: true, Duration: 400,
			Legs: []drivers.Leg{answered("200", 30), answered("231", 370)}},
			"2026-03-10 08:02:11 (CET),0d00:06:40,71,03012345678,0,231,2,,"},
		{"voicemail", drivers.Call{Direction: in, External: "03012345678", Dialled: "204", Trunk: "1", Answered: true, Voicemail: true, Duration: 31,
			Legs: []drivers.Leg{rang("204", drivers.Unanswered), {Talk: 31, Outcome: drivers.Voicemail}}},
			"2026-03-10 08:02:11 (CET),0d00:00:31,71,03012345678,204,8000,1,,"},
		{"missed", drivers.Call{Direction: in, External: "03012345678", Dialled: "204", Trunk: "1", Legs: []drivers.Leg{rang("204", drivers.Unanswered)}},
			"2026-03-10 08:02:11 (CET),0d00:00:00,23,03012345678,204,,1,,"},
		{"outbound", drivers.Call{Direction: out, Extension: "210", External: "0891234567", Dialled: "0891234567", Trunk: "3", AccountCode: "4711",
			Answered: true, Duration: 93784, Legs: []drivers.Leg{answered("210", 93784)}},
			"2026-03-10 08:02:11 (CET),1d02:03:04,10,210,0891234567,,,3,4711"},
		{"outbound unanswered", drivers.Call{Direction: out, Extension: "210", External: "0891234567", Dialled: "0891234567", Trunk: "1",
			Legs: []drivers.Leg{rang("210", drivers.Unanswered)}}, "2026-03-10 08:02:11 (CET),0d00:00:00,28,210,0891234567,,,1,"},
		{"outbound busy", drivers.Call{Direction: out, Extension: "210", External: "0891234567", Dialled: "0891234567", Trunk: "1",
			Legs: []drivers.Leg{rang("210", drivers.Busy)}}, "2026-03-10 08:02:11 (CET),0d00:00:00,29,210,0891234567,,,1,"},
		{"outbound failed", drivers.Call{Direction: out, Extension: "210", External: "0891234567", Dialled: "0891234567", Trunk: "1",
			Legs: []drivers.Leg{rang("210", drivers.Failed)}}, "2026-03-10 08:02:11 (CET),0d00:00:00,30,210,0891234567,,,1,"},
		{"tandem", drivers.Call{Direction: drivers.Tandem, External: "03012345678", Dialled: "01719876543", Trunk: "1", Answered: true, Duration: 60,
			Legs: []drivers.Leg{{Talk: 60, Outcome: drivers.Answered}}}, "2026-03-10 08:02:11 (CET),0d00:01:00,7,03012345678,01719876543,,1,1,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.call.Start = time.Date(2026, 3, 10, 8, 2, 11, 0, dt.Location(t, dt.Zone))
			dt.CheckEncode(t, Encode, &tt.call, tt.want+"\n")
		})
	}
}

func answered(party string, talk int) drivers.Leg {
	return drivers.Leg{Party: party, Talk: talk, Outcome: drivers.Answered}
}

func rang(party string, o drivers.Outcome) drivers.Leg {
	return drivers.Leg{Party: party, Ring: 20, Outcome: o}
}

// TestEncodeInternal writes nothing: a CIL output logs external calls
// unless internal logging is switched on.
func TestEncodeInternal(t *testing.T) {
	c := drivers.Call{Direction: drivers.Internal, Extension: "204", Dialled: "210", Answered: true, Legs: []drivers.Leg{answered("210", 30)}}
	var b strings.Builder
	if err := Encode(&b, &c); err != nil || b.Len() > 0 {
		t.Errorf("Encode wrote %q, error %v; want nothing", b.String(), err)
	}
}

// TestEncodeRejects refuses what no CIL field can hold.
func TestEncodeRejects(t *testing.T) {
	for _, account := range []string{"47,11", `4"7`, "47\n11"} {
		c := drivers.Call{Direction: drivers.Outbound, Extension: "210", External: "0891234567", AccountCode: account,
			Legs: []drivers.Leg{answered("210", 30)}}
		var fe *drivers.FieldError
		if err := Encode(&strings.Builder{}, &c); !errors.As(err, &fe) || fe.Name != "account code" {
			t.Errorf("account code %q: error %v, want a FieldError for account code", account, err)
		}
	}
}

// TestHeader writes the header block the parser reads as such: comment
// lines, then the column line of the default layout.
func TestHeader(t *testing.T) {
	var b strings.Builder
	if err := Header(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 7 || lines[6] != "# "+strings.Join(defaultColumns, ", ") {
		t.Fatalf("header:\n%s\nwant 7 lines, the last the columns", b.String())
	}
	got := dt.ParseText(t, openParser(t, nil), lines...)
	if len(got.Calls) > 0 || len(got.Failed) > 0 || len(got.Errs) != 7 {
		t.Errorf("header parsed into %d calls, errors %q; want 7 lines without a call", len(got.Calls), got.Errs)
	}
	for _, line := range lines {
		if !isPreamble(line) {
			t.Errorf("isPreamble(%q) = false", line)
		}
	}
}
