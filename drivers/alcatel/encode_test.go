package alcatel

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// cells cuts an encoded ticket into its ED5.2 fields, trimmed.
func cells(t *testing.T, text string) map[string]string {
	t.Helper()
	if len(text) != 525+1 || !strings.HasSuffix(text, "\n") {
		t.Fatalf("ticket of %d bytes, want 525 and LF: %q", len(text), text)
	}
	m := map[string]string{}
	for _, f := range ed52 {
		m[f.name] = strings.TrimSpace(text[f.col : f.col+f.width])
	}
	return m
}

// TestEncodeTickets pins the fields of each kind of call.
func TestEncodeTickets(t *testing.T) {
	start := dt.At(t, 11, 27, 10)
	in := drivers.Call{Start: start, Direction: drivers.Inbound, Extension: "208", ExtensionName: "Anna Nowak",
		External: "06912345678", Dialled: "0", Trunk: "2", TransferredFrom: "200", CallID: "1000007", Ring: 8, Duration: 180,
		Legs: dt.Legs(
			drivers.Leg{Party: "200", Start: start, Ring: 8, Talk: 45, Outcome: drivers.Answered},
			drivers.Leg{Party: "208", Start: start.Add(53 * time.Second), Ring: 4, Talk: 135, Outcome: drivers.Answered})}
	out := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "206", External: "00441632960123",
		Dialled: "00441632960123", Trunk: "1", Ring: 6, Duration: 160, Answered: true,
		Legs: dt.Legs(drivers.Leg{Party: "206", Start: start, Ring: 6, Talk: 160, Outcome: drivers.Answered})}
	internal := drivers.Call{Start: start, Direction: drivers.Internal, Extension: "203", Dialled: "204", Ring: 3, Duration: 75,
		Legs: dt.Legs(drivers.Leg{Party: "204", Start: start, Ring: 3, Talk: 75, Outcome: drivers.Answered})}
	tests := []struct {
		name string
		call drivers.Call
		want map[string]string
	}{
		{"inbound, transferred", in, map[string]string{
			"TicketVersion": "ED5.2", "CallType": "4", "ChargedNumber": "208", "ChargedUserName": "Anna Nowak",
			"CalledNumber": "208", "CallingNumber": "06912345678", "TrunkGroupIdentity": "2",
			"StartDateTime": "20260302 11:27:10", "EndDateTime": "20260302 11:30:22", "Duration": "192",
			"WaitingDuration": "8", "EffectiveCallDuration": "180", "RedirectedCallIndicator": "1",
			"ActingExtensionNumber": "200", "InitialDialledNumber": "200", "CallReference": "1000007"}},
		{"outbound", out, map[string]string{
			"CallType": "0", "ChargedNumber": "206", "CalledNumber": "00441632960123", "CallingNumber": "206",
			"TrunkGroupIdentity": "1", "Duration": "166", "WaitingDuration": "6", "EffectiveCallDuration": "160",
			"RedirectedCallIndicator": "0", "ActingExtensionNumber": "206", "InitialDialledNumber": ""}},
		{"internal", internal, map[string]string{
			"CallType": "3", "ChargedNumber": "203", "CalledNumber": "204", "CallingNumber": "203",
			"TrunkGroupIdentity": "", "TrunkIdentity": "", "Duration": "78", "EffectiveCallDuration": "75"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cells(t, dt.EncodeText(t, Encode, &tt.call))
			for name, want := range tt.want {
				if got[name] != want {
					t.Errorf("%s = %q, want %q", name, got[name], want)
				}
			}
		})
	}
}

// TestEncodeLayout checks alignment: numbers right, numbers dialled left,
// names cut to their field by character.
func TestEncodeLayout(t *testing.T) {
	start := dt.At(t, 9, 0, 0)
	c := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "219", ExtensionName: "Burak Çelik-Şahinoğlu-Yıldız",
		External: "0301234567", Trunk: "12", Duration: 61, Answered: true, CallID: "42",
		Legs: dt.Legs(drivers.Leg{Party: "219", Start: start, Talk: 61, Outcome: drivers.Answered})}
	runes := []rune(strings.TrimSuffix(dt.EncodeText(t, Encode, &c), "\n"))
	field := func(name string) string {
		for _, f := range ed52 {
			if f.name == name {
				return string(runes[f.col : f.col+f.width])
			}
		}
		return "?"
	}
	tests := []struct{ name, want string }{
		{"TicketVersion", "ED5.2"},
		{"CalledNumber", "0301234567                    "},
		{"ChargedUserName", "Burak Çelik-Şahinoğl"},
		{"CallType", " 0"},
		{"Duration", "        61"},
		{"TrunkGroupIdentity", "   12"},
		{"CallReference", "        42"},
		{"InternalFacilities", strings.Repeat("0", 40)},
		{"TimeDlt", "     0"},
	}
	if len(runes) != 525 {
		t.Fatalf("%d characters, want 525", len(runes))
	}
	for _, tt := range tests {
		if got := field(tt.name); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestEncodeWritesNothing(t *testing.T) {
	start := dt.At(t, 9, 0, 0)
	busy := drivers.Call{Start: start, Direction: drivers.Outbound, Extension: "201", External: "0891234567", Trunk: "1",
		Legs: dt.Legs(drivers.Leg{Party: "201", Start: start, Outcome: drivers.Busy})}
	var b strings.Builder
	if err := Encode(&b, &busy); err != nil || b.Len() > 0 {
		t.Errorf("unanswered outbound call: wrote %q, error %v; want nothing", b.String(), err)
	}
}

func TestEncodeRejects(t *testing.T) {
	base := dt.OutboundCall(t)
	base.Answered = true
	dt.CheckEncodeRefuses(t, Encode, base, []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"trunk too long", func(c *drivers.Call) { c.Trunk = "123456" }, "field 217 (TrunkGroupIdentity)"},
		{"number too long", func(c *drivers.Call) { c.External = strings.Repeat("1", 31) }, "field 6 (CalledNumber)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	})
}

// TestRoundTrip encodes three days of the simulated office and parses
// them back, each ID with its defaults: every call the call server
// tickets reads as what it was, as far as one ticket per call can tell.
func TestRoundTrip(t *testing.T) {
	calls := dt.SimulatedDays(t, 7, "2026-03-02", 3)
	for id := range goldenPrefixes {
		t.Run(id, func(t *testing.T) {
			trips := dt.RoundTrips(t, id, openParser(t, id, nil), calls)
			for _, trip := range trips {
				checkRoundTrip(t, trip.Want, &trip.Got)
			}
			if len(trips) < len(calls)*3/4 { // an unanswered outbound call gets no ticket
				t.Errorf("only %d of %d calls written", len(trips), len(calls))
			}
		})
	}
}

// checkRoundTrip compares what was parsed with the simulated call. A
// ticket names the user the call was charged to, so an inbound call is
// the simulated call's extension's, and its first answerer is not known;
// nor is a transfer that ended where it began (in voicemail).
func checkRoundTrip(t *testing.T, want, got *drivers.Call) {
	t.Helper()
	trunk := want.Trunk
	if want.Direction == drivers.Internal {
		trunk = ""
	}
	external := want.External
	if want.Direction == drivers.Outbound {
		external = want.Dialled
	}
	from := want.TransferredFrom
	if from == want.Extension {
		from = "" // passed on to voicemail: the ticket names one user
	}
	if !got.Start.Equal(want.Start) || got.Duration != want.Duration || got.Ring != want.Ring ||
		got.Direction != want.Direction || got.Extension != want.Extension || got.ExtensionName != want.ExtensionName ||
		got.External != external || got.Trunk != trunk || got.Answered != want.Answered ||
		got.TransferredFrom != from || got.CallID != want.CallID {
		t.Errorf("call %s parsed back as\n%+v\nfrom\n%+v", want.CallID, *got, *want)
	}
}
