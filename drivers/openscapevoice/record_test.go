package openscapevoice

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestParseStamp(t *testing.T) {
	loc := berlin(t)
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		in   string
		want time.Time
		err  error
	}{
		{"2026-03-10T09:14:05.3+0100", utc("2026-03-10T08:14:05.3Z"), nil},
		{"2026-03-10T09:14:05.3-0500", utc("2026-03-10T14:14:05.3Z"), nil},
		{"2026-03-10T09:14:05+01:00", utc("2026-03-10T08:14:05Z"), nil},
		{"2026-03-10T09:14:05.123456789+01", utc("2026-03-10T08:14:05.123456789Z"), nil},
		{"2026-03-10T08:14:05Z", utc("2026-03-10T08:14:05Z"), nil},
		{"2026-03-10 09:14:05.0+0100", utc("2026-03-10T08:14:05Z"), nil},
		{"2026-03-10T09:14:05", time.Date(2026, 3, 10, 9, 14, 5, 0, loc), nil}, // no offset: the site's clock
		{"2026-10-25T02:30:00.0+0200", utc("2026-10-25T00:30:00Z"), nil},       // the hour DST repeats, told apart
		{"2026-10-25T02:30:00.0+0100", utc("2026-10-25T01:30:00Z"), nil},
		{"2024-02-29T23:59:59.9+0100", utc("2024-02-29T22:59:59.9Z"), nil},
		{"2025-02-29T10:00:00.0+0100", time.Time{}, errStampRange},
		{"2026-13-01T10:00:00.0+0100", time.Time{}, errStampRange},
		{"2026-03-10T24:00:00.0+0100", time.Time{}, errStampRange},
		{"2026-03-10T09:14:60.0+0100", time.Time{}, errStampRange},
		{"2026/03/10T09:14:05.0+0100", time.Time{}, errStampLayout},
		{"10.03.2026 09:14:05", time.Time{}, errStampLayout},
		{"2026-03-10T09:14", time.Time{}, errStampLayout},
		{"2026-03-10T09:14:05.+0100", time.Time{}, errStampLayout},
		{"2026-03-10T09:14:05.1234567890+0100", time.Time{}, errStampLayout},
		{"2026-03-+0T09:14:05.0+0100", time.Time{}, errStampLayout},
		{"2026-03-10T09:14:05.0+1", time.Time{}, errStampZone},
		{"2026-03-10T09:14:05.0+0160", time.Time{}, errStampZone},
		{"2026-03-10T09:14:05.0+1500", time.Time{}, errStampZone},
		{"2026-03-10T09:14:05.0 CET", time.Time{}, errStampZone},
		{"2026-03-10T09:14:05.0+01:00:00", time.Time{}, errStampZone},
	}
	for _, tt := range tests {
		got, err := parseStamp(tt.in, loc)
		if !got.Equal(tt.want) || !errors.Is(err, tt.err) {
			t.Errorf("parseStamp(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil && got.Location() != loc {
			t.Errorf("parseStamp(%q) in %v, want %v", tt.in, got.Location(), loc)
		}
	}
}

func TestSplitFields(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  string
	}{
		{"a,b,,c", []string{"a", "b", "", "c"}, ""},
		{"", []string{""}, ""},
		{`a,"b,c",d`, []string{"a", "b,c", "d"}, ""},
		{`"say ""hi""",x`, []string{`say "hi"`, "x"}, ""},
		{`a,""`, []string{"a", ""}, ""},
		{`a,"b`, nil, `field 2 (quoted field) "\"b": no closing quote`},
		{`a,"b"c,d`, nil, `field 2 (quoted field) "\"b\"c": text after the closing quote`},
	}
	for _, tt := range tests {
		got, err := splitFields(nil, tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("splitFields(%q): error %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("splitFields(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// cdrLine returns a standard CDR of an outbound call, without sequence
// number, with the given CDR fields (1-based) replaced.
func cdrLine(changes map[int]string) string {
	f := make([]string, encodedWidth)
	f[0], f[1], f[2], f[4] = typeStandard, "2026-03-10T09:00:00.0+0100", "30", "2026-03-10T09:00:00.0+0100:FF01"
	f[10], f[11], f[17], f[18], f[39], f[40] = "0301234567", "493055501201", "0", "16", "900", "903"
	f[47], f[48], f[49] = "2026-03-10T09:00:05.0+0100", "2026-03-10T09:00:35.0+0100", "2026-03-10T09:00:00.0+0100"
	f[123], f[124], f[126], f[127] = "1-1", "77", "sbc1.example.net:5060", "0301234567"
	for n, v := range changes {
		f[n-1] = v
	}
	return strings.Join(f, ",")
}

// TestParseErrors checks the error of each kind of bad record: a
// FieldError naming the column in the line, or a record of no call.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, line string
		field      int // 0: not a FieldError
		want       string
	}{
		{"header", "FILENAME: osv1-20260310T091000+0100000042.BF", 0, "billing file header or trailer line: not a call record"},
		{"trailer", "close: 2026-03-10T09:50:00.0+0100", 0, "billing file header or trailer line: not a call record"},
		{"queue", "3,00000004,2026-03-10T09:25:00.0+0100,osv1,,,", 0, "hunt group or queue record (the legs are in standard CDRs): not a call record"},
		{"intermediate", "00000001,2026-03-10T09:25:00.0+0100", 0, "record type 00000001, not a standard CDR: not a call record"},
		{"record type", "4,CDR,2026-03-10T09:25:00.0+0100", 2, `field 2 (Record Type (CDR field 1)) "CDR": want an 8-digit record type such as 00000000`},
		{"stamp", "9," + cdrLine(map[int]string{2: "2026-03-10"}), 3, `field 3 (Time Stamp (CDR field 2)) "2026-03-10": want YYYY-MM-DDThh:mm:ss.s±hhmm`},
		{"no stamp", cdrLine(map[int]string{2: ""}), 2, `field 2 (Time Stamp (CDR field 2)) "": want YYYY-MM-DDThh:mm:ss.s±hhmm`},
		{"answer", cdrLine(map[int]string{48: "09:00:05"}), 48, `field 48 (Call Answer Time (CDR field 48)) "09:00:05": want YYYY-MM-DDThh:mm:ss.s±hhmm`},
		{"duration", cdrLine(map[int]string{3: "-1"}), 3, `field 3 (Call Duration (CDR field 3)) "-1": want whole seconds`},
		{"cause", cdrLine(map[int]string{19: "16a"}), 19, `field 19 (Release Cause (CDR field 19)) "16a": want a whole number`},
		{"bit mask", cdrLine(map[int]string{106: "0x40"}), 106, `field 106 (Per Call Feature Extension (CDR field 106)) "0x40": want a whole number`},
		{"short", strings.Join(strings.Split(cdrLine(nil), ",")[:49], ","), 50,
			`field 50 (In-Leg Connect Time (CDR field 50)) "": missing: the record has 49 fields, want at least 50`},
		{"feature code", cdrLine(map[int]string{11: "*44", 101: "*44"}), 0, "feature code dialled (call forwarding, pick-up, …), no call: not a call record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openParser(t, nil).Parse(drivers.Record{ID: 1, Text: tt.line})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v, want %s", err, tt.want)
			}
			dt.CheckField(t, err, tt.field)
			if tt.field == 0 && !errors.Is(err, drivers.ErrNotCall) {
				t.Errorf("error %v does not wrap ErrNotCall", err)
			}
		})
	}
}

// TestDerive covers rules no golden case shows.
func TestDerive(t *testing.T) {
	tests := []struct {
		name    string
		changes map[int]string
		dir     drivers.Direction
		outcome drivers.Outcome
		ext     string
		ring    int
	}{
		{"outbound", nil, drivers.Outbound, drivers.Answered, "493055501201", 5},
		{"901 on the terminating side", map[int]string{41: "901"}, drivers.Outbound, drivers.Answered, "493055501201", 5},
		{"unknown parties", map[int]string{40: "999", 41: "999"}, drivers.Internal, drivers.Answered, "493055501201", 5},
		{"no in-leg connect time", map[int]string{50: "", 2: "2026-03-10T09:00:01.0+0100"}, drivers.Outbound, drivers.Answered, "493055501201", 4},
		{"answer before start", map[int]string{48: "2026-03-10T08:59:00.0+0100"}, drivers.Outbound, drivers.Answered, "493055501201", 0},
		{"no times but the stamp", map[int]string{48: "", 49: "", 50: "", 3: "0", 19: "19"}, drivers.Outbound, drivers.Unanswered, "493055501201", 0},
		{"tandem without forwarder", map[int]string{40: "901"}, drivers.Tandem, drivers.Answered, "", 5},
		{"incoming from 903", map[int]string{40: "903", 41: "902", 12: "0891234", 128: "493055501201"}, drivers.Inbound, drivers.Answered, "493055501201", 5},
		{"attempt beats answer", map[int]string{18: "5"}, drivers.Outbound, drivers.Unanswered, "493055501201", 5},
		{"a feature code from outside is a call", map[int]string{40: "901", 41: "902", 101: "#1"}, drivers.Inbound, drivers.Answered, "0301234567", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := oneCall(t, openParser(t, nil), cdrLine(tt.changes))
			if c.Direction != tt.dir || c.Legs[0].Outcome != tt.outcome || c.Extension != tt.ext || c.Ring != tt.ring {
				t.Errorf("got %s %s extension %q ring %d, want %s %s %q ring %d",
					c.Direction, c.Legs[0].Outcome, c.Extension, c.Ring, tt.dir, tt.outcome, tt.ext, tt.ring)
			}
		})
	}
}

func TestCauseOutcome(t *testing.T) {
	tests := []struct {
		cause int64
		want  drivers.Outcome
	}{
		{0, drivers.Unanswered}, {16, drivers.Unanswered}, {17, drivers.Busy}, {18, drivers.Unanswered},
		{19, drivers.Unanswered}, {21, drivers.Failed}, {23, drivers.Unanswered}, {1, drivers.Failed},
		{31, drivers.Unanswered}, {34, drivers.Failed}, {41, drivers.Failed}, {102, drivers.Unanswered},
		{127, drivers.Failed}, {128, drivers.Unanswered},
	}
	for _, tt := range tests {
		if got := causeOutcome(tt.cause); got != tt.want {
			t.Errorf("causeOutcome(%d) = %s, want %s", tt.cause, got, tt.want)
		}
	}
}

func TestEndpointName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sbc1.example.net:5060", "sbc1.example.net"},
		{" 10.0.1.5:5061 ", "10.0.1.5"},
		{"10.0.1.5", "10.0.1.5"},
		{"2001:db8::5", "2001:db8::5"},
		{"sbc1.example.net:sip", "sbc1.example.net:sip"},
		{"SIPTrunk-A", "SIPTrunk-A"},
	}
	for _, tt := range tests {
		if got := endpointName(tt.in); got != tt.want {
			t.Errorf("endpointName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"sbc*.carrier.example", "SBC2.Carrier.Example", true},
		{"sbc*.carrier.example", "sbc2.carrier.example.org", false},
		{"10.20.0.5", "10.20.0.5", true},
		{"10.20.0.5", "10.20.0.50", false},
		{"*gw*", "pstn-gw1.example.net", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "acb", false},
		{"*", "", true},
	}
	for _, tt := range tests {
		if got := drivers.MatchAny(globs(tt.pattern), tt.s); got != tt.want {
			t.Errorf("%q matches %q: %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}
