package alcateloxo

import (
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestEncodeStatements pins the exact bytes of each kind of call.
func TestEncodeStatements(t *testing.T) {
	start := dt.At(t, 11, 27, 10)
	in := drivers.Call{Start: start, Direction: drivers.Inbound, External: "06912345678", Dialled: "0", Trunk: "2",
		FinalAnswerer: "208", Extension: "208", Legs: dt.Legs(
			drivers.Leg{Party: "200", Start: start, Ring: 8, Talk: 45, Outcome: drivers.Answered},
			drivers.Leg{Party: "208", Start: start.Add(53 * time.Second), Ring: 4, Talk: 135, Outcome: drivers.Answered})}
	vm := drivers.Call{Start: start, Direction: drivers.Inbound, External: "0301112223", Trunk: "1", Extension: "205",
		Legs: dt.Legs(drivers.Leg{Party: "205", Start: start, Ring: 20, Outcome: drivers.Unanswered},
			drivers.Leg{PartyName: "Voicemail", Start: start.Add(20 * time.Second), Talk: 31, Outcome: drivers.Voicemail})}
	missed := vm
	missed.Legs = vm.Legs[:1]
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "12", AccountCode: "4711", ChargeUnits: 7,
		Legs: dt.Legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 3725, Outcome: drivers.Answered})}
	busy := out
	busy.Legs = dt.Legs(drivers.Leg{Party: "206", Start: start, Outcome: drivers.Busy})
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204",
		Legs: dt.Legs(drivers.Leg{Party: "204", Start: start, Ring: 3, Talk: 75, Outcome: drivers.Answered})}
	dt.CheckEncodings(t, Encode, []dt.Encoding{
		{"inbound, transferred", in, "A208  <-- N02 02/03/26 11:27 00:03:00     0 ST       06912345678\r\n"},
		{"inbound, voicemail", vm, "A205  <-- N01 02/03/26 11:27 00:00:31     0 ST       0301112223\r\n"},
		{"outbound", out, "A206  --> N12 02/03/26 11:27 01:02:05     7 ST       00441632960123\r\n"},
		{"inbound, missed", missed, ""},
		{"outbound, busy", busy, ""},
		{"internal", internal, ""},
	})
}

func TestEncodeRejects(t *testing.T) {
	dt.CheckEncodeRefuses(t, Encode, dt.OutboundCall(t), []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk 100", func(c *drivers.Call) { c.Trunk = "100" }, `trunk "100"`},
		{"extension too long", func(c *drivers.Call) { c.Extension = "20123" }, "field 1 (CHARGED USER (SUB))"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
		{"100 hours", func(c *drivers.Call) { c.Legs[0].Talk = 100 * 3600 }, "field 30 (DURATION (DUR))"},
	})
}

// TestRoundTrip writes three days of the simulated office, in the default
// statement and with every field selected, and parses them back: every
// call the PBX prints reads as what it was.
func TestRoundTrip(t *testing.T) {
	calls := dt.SimulatedDays(t, 7, "2026-03-02", 3)
	for _, fields := range []string{defaultFields, allFields} {
		t.Run(fields, func(t *testing.T) {
			l := mustLayout(fields)
			p := openParser(t, map[string]string{"fields": fields})
			written := 0
			for i := range calls {
				c := &calls[i]
				s, ok, err := encodeStatement(c)
				if err != nil {
					t.Fatalf("call %s: %v", c.CallID, err)
				}
				if !ok {
					continue
				}
				written++
				line, err := formatStatement(l, &s)
				if err != nil {
					t.Fatalf("call %s: %v", c.CallID, err)
				}
				got, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: line, Received: c.Start.Add(24 * time.Hour)})
				if err != nil || len(got) != 1 {
					t.Fatalf("call %s: %q parsed as %d calls, error %v", c.CallID, line, len(got), err)
				}
				checkRoundTrip(t, c, &got[0], fields == allFields)
			}
			if written < len(calls)/2 {
				t.Errorf("only %d of %d calls written", written, len(calls))
			}
		})
	}
}

// checkRoundTrip compares what was parsed with the simulated call: the
// statement gives the start to the minute and the duration to the
// second, counting time on hold. With every field selected, the number
// an incoming call was for and the business code come back too.
func checkRoundTrip(t *testing.T, want, got *drivers.Call, all bool) {
	t.Helper()
	talk := 0
	for _, l := range want.Legs {
		talk += l.Talk + l.Hold
	}
	dialled, account := want.Dialled, ""
	if all {
		account = want.AccountCode
	}
	if want.Direction == drivers.Inbound {
		dialled = ""
		if all {
			dialled = want.Legs[0].Party // the initial user
		}
	}
	if !got.Start.Equal(want.Start.Truncate(time.Minute)) || got.Duration != talk || got.Direction != want.Direction ||
		got.Extension != want.Extension || got.External != want.External || got.Dialled != dialled || !got.Answered ||
		got.Trunk != "N0"+want.Trunk || got.AccountCode != account {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Jan Kowalski", 16, "Jan Kowalski"},
		{"Katarzyna Nowakowska", 16, "Katarzyna Nowako"},
		{"Mehmet Öztürkoğlu", 16, "Mehmet Öztürko"}, // ğ would end past byte 16
		{"", 16, ""},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
