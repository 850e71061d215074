package ciscocucm

import (
	"errors"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// simulated completes a call the way the simulator hands it to Encode:
// start, Call ID, legs that follow one another, the totals and answerers
// its legs add up to, and an inbound call counted against its final
// answerer or else the extension that rang first.
func simulated(t testing.TB, c drivers.Call) drivers.Call {
	t.Helper()
	c = dt.Timed(t, c)
	c.Derive(drivers.FinalAnswerer)
	if c.Direction == drivers.Inbound && c.Extension == "" {
		c.Extension, c.ExtensionName = c.Legs[0].Party, c.Legs[0].PartyName
	}
	return c
}

// encodeParse encodes calls after a header and parses them back, joined
// as `calltally parse` joins them; records that are no call are allowed.
func encodeParse(t *testing.T, calls []drivers.Call, settings map[string]string) []drivers.Call {
	t.Helper()
	p := drivers.NewJoiner(openParser(t, settings), drivers.FinalAnswerer)
	_, got := dt.EncodeFile(t, id, p, calls)
	if len(got.Failed) > 0 {
		t.Fatalf("failed records: %q", got.Failed)
	}
	return got.Calls
}

// TestRoundTrip encodes calls and parses them back: what the simulator
// writes must read as the call it meant.
func TestRoundTrip(t *testing.T) {
	in, out, internal := drivers.Inbound, drivers.Outbound, drivers.Internal
	tests := []struct {
		name string
		call drivers.Call
	}{
		{"direct inbound", drivers.Call{Direction: in, External: "08912345678", Dialled: "202", Trunk: "1", Legs: dt.Named(dt.Answered("202", 8, 340))}},
		{"transferred", drivers.Call{Direction: in, External: "06912345678", Dialled: "0", Trunk: "2",
			Legs: dt.Named(dt.Answered("200", 4, 45), dt.Answered("208", 6, 135))}},
		{"transferred twice", drivers.Call{Direction: in, External: "06912345678", Dialled: "0", Trunk: "2",
			Legs: dt.Named(dt.Answered("200", 4, 45), dt.Answered("208", 3, 60), dt.Answered("209", 2, 135))}},
		{"transferred to voicemail", drivers.Call{Direction: in, External: "06912345678", Dialled: "0", Trunk: "2",
			Legs: dt.Named(dt.Answered("200", 4, 20), dt.Rang("208", 20), dt.Voicemail(31))}},
		{"hunted", drivers.Call{Direction: in, External: "03011122233", Dialled: "0", Trunk: "1",
			Legs: dt.Named(dt.Rang("200", 10), dt.Rang("201", 10), dt.Answered("202", 5, 60))}},
		{"missed", drivers.Call{Direction: in, External: "03011122233", Dialled: "205", Trunk: "1", Legs: dt.Named(dt.Rang("205", 25))}},
		{"to voicemail", drivers.Call{Direction: in, External: "01719999999", Dialled: "202", Trunk: "3", Legs: dt.Named(dt.Rang("202", 20), dt.Voicemail(31))}},
		{"outbound", drivers.Call{Direction: out, Extension: "206", ExtensionName: "Ext 206", External: "00441632960123", Dialled: "00441632960123",
			Trunk: "2", AccountCode: "4711", Legs: dt.Named(dt.Answered("206", 6, 160))}},
		{"outbound busy", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567", Trunk: "1",
			Legs: dt.Named(dt.Refused("201", drivers.Busy))}},
		{"outbound failed", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567", Trunk: "1",
			Legs: dt.Named(dt.Refused("201", drivers.Failed))}},
		{"outbound unanswered", drivers.Call{Direction: out, Extension: "201", External: "0891234567", Dialled: "0891234567", Trunk: "4",
			Legs: dt.Named(dt.Rang("201", 30))}},
		{"internal", drivers.Call{Direction: internal, Extension: "203", ExtensionName: "Ext 203", Dialled: "204", Legs: dt.Named(dt.Answered("204", 3, 75))}},
		{"internal busy", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Named(dt.Refused("204", drivers.Busy))}},
		{"internal to voicemail", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Named(dt.Rang("204", 12), dt.Voicemail(22))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := simulated(t, tt.call)
			got := encodeParse(t, []drivers.Call{want}, nil)
			if len(got) != 1 {
				t.Fatalf("parsed %d calls, want 1", len(got))
			}
			checkSame(t, &got[0], &want)
		})
	}
}

// TestRoundTripSimulator encodes a week of the simulated office, as
// `calltally simulate` does, and checks that every call reads back.
func TestRoundTripSimulator(t *testing.T) {
	want := dt.SimulatedDays(t, 7, "2026-03-23", 7) // spans the change to summer time
	got := encodeParse(t, want, nil)
	if len(got) != len(want) {
		t.Fatalf("parsed %d calls, want %d", len(got), len(want))
	}
	byID := map[string]*drivers.Call{}
	for i := range got {
		byID[got[i].CallID] = &got[i]
	}
	for i := range want {
		n, _ := drivers.Digits(want[i].CallID, 15)
		g := byID[itoa(2*n)]
		if g == nil {
			t.Fatalf("call %s not parsed back", want[i].CallID)
		}
		checkSame(t, g, &want[i])
	}
}

// checkSame compares what a call report shows. The name of an extension
// whose call only voicemail took is lost: CUCM writes the forwarding
// number (lastRedirectDn) but no user for it.
func checkSame(t *testing.T, got, want *drivers.Call) {
	t.Helper()
	trunk, name := "", want.ExtensionName
	if want.Trunk != "" {
		trunk = "CUBE-PSTN-0" + want.Trunk
	}
	if want.Direction == drivers.Inbound && want.Voicemail {
		name = ""
	}
	if !got.Start.Equal(want.Start) || got.Duration != want.Duration || got.Ring != want.Ring || got.Direction != want.Direction ||
		got.Extension != want.Extension || got.ExtensionName != name || got.External != want.External ||
		got.Dialled != want.Dialled || got.Trunk != trunk || got.AccountCode != want.AccountCode ||
		got.Answered != want.Answered || got.Voicemail != want.Voicemail || got.FirstAnswerer != want.FirstAnswerer ||
		got.FinalAnswerer != want.FinalAnswerer ||
		(want.FirstAnswerer != want.FinalAnswerer && got.TransferredFrom != want.TransferredFrom) {
		t.Errorf("call %s parsed back as\n%+v\nwant\n%+v", want.CallID, *got, *want)
	}
}

// TestEncodeRecords pins what Encode writes for a call answered by 200
// and transferred to 208: the original leg ended by the transfer, the
// consultation leg under its own (odd) call ID, the final leg joined by
// the transfer; epoch seconds, signed little-endian IP integers, quoted
// strings.
func TestEncodeRecords(t *testing.T) {
	c := simulated(t, drivers.Call{Direction: drivers.Inbound, External: "06912345678", Dialled: "0", Trunk: "2",
		Legs: dt.Named(dt.Answered("200", 4, 45), dt.Answered("208", 6, 135))})
	text := dt.EncodeText(t, Encode, &c)
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	want := []map[string]string{
		{"globalCallID_callId": "2000210", "dateTimeOrigination": "1772447220", "dateTimeConnect": "1772447224", "dateTimeDisconnect": "1772447269",
			"duration": "45", "callingPartyNumber": "06912345678", "originalCalledPartyNumber": "0", "finalCalledPartyNumber": "200",
			"finalCalledPartyUnicodeLoginUserID": "Ext 200", "origDeviceName": "CUBE-PSTN-02", "destDeviceName": "SEP00AABB000200",
			"origIpAddr": "100731402", "origIpv4v6Addr": "10.10.1.6", "origCause_value": "393216", "destCallTerminationOnBehalfOf": "10"},
		{"globalCallID_callId": "2000211", "dateTimeOrigination": "1772447269", "dateTimeConnect": "0", "duration": "0",
			"callingPartyNumber": "200", "finalCalledPartyNumber": "208", "origDeviceName": "SEP00AABB000200", "destDeviceName": "SEP00AABB000208",
			"origCallTerminationOnBehalfOf": "10"},
		{"globalCallID_callId": "2000210", "dateTimeOrigination": "1772447269", "dateTimeConnect": "1772447275", "duration": "135",
			"callingPartyNumber": "06912345678", "originalCalledPartyNumber": "208", "finalCalledPartyNumber": "208", "lastRedirectDn": "200",
			"joinOnBehalfOf": "10", "lastRedirectRedirectOnBehalfOf": "10", "origDeviceName": "CUBE-PSTN-02", "destDeviceName": "SEP00AABB000208"},
	}
	if len(lines) != len(want) {
		t.Fatalf("wrote %d records, want %d:\n%s", len(lines), len(want), text)
	}
	for i, line := range lines {
		f, err := splitFields(nil, line)
		if err != nil || len(f) != len(columns) {
			t.Fatalf("record %d: %d fields, %v", i+1, len(f), err)
		}
		for name, v := range want[i] {
			if got := f[columnIndex(t, name)]; got != v {
				t.Errorf("record %d: %s = %q, want %q", i+1, name, got, v)
			}
		}
	}
}

func columnIndex(t testing.TB, name string) int {
	t.Helper()
	for i, c := range columns {
		if c.name == name {
			return i
		}
	}
	t.Fatalf("no column %s", name)
	return -1
}

func TestHeader(t *testing.T) {
	var b strings.Builder
	if err := Header(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if len(lines) != 3 || lines[2] != "" {
		t.Fatalf("want two LF-terminated lines, got %q", b.String())
	}
	if !strings.HasPrefix(lines[0], `"cdrRecordType","globalCallID_callManagerId","globalCallID_callId",`) ||
		!strings.HasSuffix(lines[0], `,"origDeviceSessionID","destDeviceSessionID"`) {
		t.Errorf("names line %.80q…", lines[0])
	}
	if !strings.HasPrefix(lines[1], "INTEGER,INTEGER,INTEGER,INTEGER,INTEGER,INTEGER,INTEGER,INTEGER,VARCHAR(50),VARCHAR(128),") {
		t.Errorf("types line %.80q…", lines[1])
	}
	p := openParser(t, nil)
	for i, line := range lines[:2] {
		if _, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: line}); !errors.Is(err, drivers.ErrNotCall) {
			t.Errorf("line %d: error %v, want one wrapping ErrNotCall", i+1, err)
		}
	}
}

func TestEncodeRejects(t *testing.T) {
	base := simulated(t, drivers.Call{Direction: drivers.Inbound, External: "0891234", Dialled: "202", Trunk: "1",
		Legs: dt.Named(dt.Answered("202", 8, 340))})
	dt.CheckEncodeRefuses(t, Encode, base, []dt.Refusal{
		{"no legs", func(c *drivers.Call) { c.Legs = nil }, "no legs"},
		{"call ID", func(c *drivers.Call) { c.CallID = "A17" }, `call ID "A17"`},
		{"tandem", func(c *drivers.Call) { c.Direction = drivers.Tandem }, `direction "tandem"`},
		{"no trunk", func(c *drivers.Call) { c.Trunk = "" }, `trunk ""`},
		{"trunk name", func(c *drivers.Call) { c.Trunk = "T9001" }, `trunk "T9001"`},
		{"outbound without trunk", func(c *drivers.Call) { c.Direction, c.Extension, c.Trunk = drivers.Outbound, "202", "" }, `trunk ""`},
		{"extension", func(c *drivers.Call) { c.Legs[0].Party = "E202" }, `extension "E202"`},
		{"line break", func(c *drivers.Call) { c.Legs[0].PartyName = "Anna\nMeier" }, "field 32 (finalCalledPartyUnicodeLoginUserID)"},
		{"negative", func(c *drivers.Call) { c.Legs[0].Talk = -1 }, "negative seconds"},
	})
}

// TestEncodeCauses pins how Encode says why a leg ended, in its first
// record: Q.850 causes on the side that released it.
func TestEncodeCauses(t *testing.T) {
	in, out, internal := drivers.Inbound, drivers.Outbound, drivers.Internal
	tests := []struct {
		name                       string
		call                       drivers.Call
		origCause, destCause, dest string
	}{
		{"answered", drivers.Call{Direction: in, External: "0891", Dialled: "202", Trunk: "1", Legs: dt.Named(dt.Answered("202", 8, 340))}, "0", "16", "SEP00AABB000202"},
		{"caller gave up", drivers.Call{Direction: in, External: "0891", Dialled: "202", Trunk: "1", Legs: dt.Named(dt.Rang("202", 25))}, "16", "0", "SEP00AABB000202"},
		{"hunt moved on", drivers.Call{Direction: in, External: "0891", Dialled: "0", Trunk: "1",
			Legs: dt.Named(dt.Rang("200", 10), dt.Answered("201", 2, 30))}, "0", "19", "SEP00AABB000200"},
		{"busy", drivers.Call{Direction: internal, Extension: "203", Dialled: "204", Legs: dt.Named(dt.Refused("204", drivers.Busy))}, "16", "17", "SEP00AABB000204"},
		{"no line free", drivers.Call{Direction: out, Extension: "201", External: "0891", Trunk: "1", Legs: dt.Named(dt.Refused("201", drivers.Failed))}, "16", "34", "CUBE-PSTN-01"},
		{"no such extension", drivers.Call{Direction: internal, Extension: "203", Dialled: "299", Legs: dt.Named(dt.Refused("299", drivers.Failed))}, "16", "1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := simulated(t, tt.call)
			line, _, _ := strings.Cut(dt.EncodeText(t, Encode, &c), "\n")
			f, err := splitFields(nil, line)
			if err != nil {
				t.Fatal(err)
			}
			orig, dest, device := f[columnIndex(t, "origCause_value")], f[columnIndex(t, "destCause_value")], f[columnIndex(t, "destDeviceName")]
			if orig != tt.origCause || dest != tt.destCause || device != tt.dest {
				t.Errorf("causes %s/%s to %q, want %s/%s to %q", orig, dest, device, tt.origCause, tt.destCause, tt.dest)
			}
		})
	}
}
