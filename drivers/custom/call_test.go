package custom

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestDirection tells directions from the numbers, as README.md's table
// says, and from codes.
func TestDirection(t *testing.T) {
	const at = "2026-03-02 09:00:00,60,"
	withExt := withFields("", basics+`, "extension": {"column": 5}`)
	pattern := withFields(`"internal_pattern": "2[0-9]{2}|9[0-9]{3}", `, basics)
	codes := withFields("", basics+`, "direction": {"column": 5, "codes": {"I": "inbound", "O": "outbound", "": "internal"}}`)
	oneNumber := withFields("", startField+`, "duration": {"column": 2}, "extension": {"column": 3}, "called": {"column": 4}, "direction": {"column": 5, "codes": {"I": "inbound", "O": "outbound"}}`)
	tests := []struct {
		name, layout, line string
		dir                drivers.Direction
		ext, external      string
	}{
		{"internal", minimal, at + "201,202", drivers.Internal, "201", ""},
		{"outbound", minimal, at + "201,0891234567", drivers.Outbound, "201", "0891234567"},
		{"inbound", minimal, at + "0891234567,201", drivers.Inbound, "201", "0891234567"},
		{"withheld", minimal, at + ",201", drivers.Inbound, "201", ""},
		{"international caller", minimal, at + "+4989123456,201", drivers.Inbound, "201", "+4989123456"},
		{"tandem", minimal, at + "0891234567,004915112345", drivers.Tandem, "", "0891234567"},
		{"five digits are outside", minimal, at + "20100,201", drivers.Inbound, "201", "20100"},
		{"internal leg of another party", withExt, at + "203,204,208", drivers.Internal, "203", ""},
		{"internal from the extension", withExt, at + "203,204,203", drivers.Internal, "203", ""},
		{"DDI to an extension", withExt, at + "0891234567,030123456205,205", drivers.Inbound, "205", "0891234567"},
		{"caller is the extension", withExt, at + "030123456205,0891234567,030123456205", drivers.Outbound, "030123456205", "0891234567"},
		{"pattern inside", pattern, at + "9001,299", drivers.Internal, "9001", ""},
		{"pattern outside", pattern, at + "301,299", drivers.Inbound, "299", "301"},
		{"code", codes, at + "201,202,O", drivers.Outbound, "201", "202"},
		{"code in any case", codes, at + "0891234567,202,i", drivers.Inbound, "202", "0891234567"},
		{"empty code", codes, at + "0891234567,202,", drivers.Internal, "0891234567", ""},
		{"one number in", oneNumber, at + "205,0891234567,I", drivers.Inbound, "205", "0891234567"},
		{"one number out", oneNumber, at + "205,0891234567,O", drivers.Outbound, "205", "0891234567"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := oneCall(t, tt.layout, tt.line)
			if c.Direction != tt.dir || c.Extension != tt.ext || c.External != tt.external {
				t.Errorf("got %s extension %q external %q, want %s %q %q", c.Direction, c.Extension, c.External, tt.dir, tt.ext, tt.external)
			}
			if party, want := c.Legs[0].Party, answerer(tt.line); c.Direction == drivers.Internal && party != want {
				t.Errorf("answered by %q, want %q", party, want)
			}
		})
	}
}

// TestOutcome: the outcome code, or the duration, says whether a call
// was answered; a call nobody answered has no talk time.
func TestOutcome(t *testing.T) {
	outcome := `, "outcome": {"column": 5, "codes": {"A": "answered", "N": "unanswered", "B": "busy", "V": "voicemail", "F": "failed"}}`
	noRing := withFields("", basics+outcome)
	withRing := withFields("", basics+outcome+`, "ring": {"column": 6}`)
	tests := []struct {
		name, layout, line string
		outcome            drivers.Outcome
		answered, vm       bool
		duration, ring     int
	}{
		{"answered by duration", minimal, "2026-03-02 09:00:00,60,0891234567,201", drivers.Answered, true, false, 60, 0},
		{"unanswered by duration", minimal, "2026-03-02 09:00:00,0,0891234567,201", drivers.Unanswered, false, false, 0, 0},
		{"answered", noRing, "2026-03-02 09:00:00,60,0891234567,201,A", drivers.Answered, true, false, 60, 0},
		{"answered without talk", noRing, "2026-03-02 09:00:00,0,0891234567,201,A", drivers.Answered, true, false, 0, 0},
		{"voicemail", noRing, "2026-03-02 09:00:00,20,0891234567,201,v", drivers.Voicemail, true, true, 20, 0},
		{"unanswered: its duration rang", noRing, "2026-03-02 09:00:00,25,0891234567,201,N", drivers.Unanswered, false, false, 0, 25},
		{"unanswered with ring", withRing, "2026-03-02 09:00:00,25,0891234567,201,N,20", drivers.Unanswered, false, false, 0, 20},
		{"busy", noRing, "2026-03-02 09:00:00,3,201,0891234567,B", drivers.Busy, false, false, 0, 0},
		{"failed", withRing, "2026-03-02 09:00:00,0,201,0891234567,F,0", drivers.Failed, false, false, 0, 0},
		{"empty code", noRing, "2026-03-02 09:00:00,5,201,0891234567,", drivers.Answered, true, false, 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := oneCall(t, tt.layout, tt.line)
			if c.Legs[0].Outcome != tt.outcome || c.Answered != tt.answered || c.Voicemail != tt.vm || c.Duration != tt.duration || c.Ring != tt.ring {
				t.Errorf("got %s answered %v voicemail %v duration %d ring %d, want %s %v %v %d %d",
					c.Legs[0].Outcome, c.Answered, c.Voicemail, c.Duration, c.Ring, tt.outcome, tt.answered, tt.vm, tt.duration, tt.ring)
			}
		})
	}
}

// TestAttribution: legs joined by call ID are counted against the first
// or the final answerer as the site says.
func TestAttribution(t *testing.T) {
	layout := withFields("", basics+`, "extension": {"column": 5}, "call_id": {"column": 6, "join": true}`)
	transfer := []string{
		"2026-03-02 10:00:00,40,0301112223,200,200,5002",
		"2026-03-02 10:00:45,120,0301112223,200,208,5002",
	}
	for _, attr := range []drivers.Attribution{drivers.FinalAnswerer, drivers.FirstAnswerer} {
		p := dt.OpenConfig(t, "custom", drivers.Config{Location: berlin(t), Attribution: attr, Settings: map[string]string{"layout": layout}})
		got := dt.ParseText(t, drivers.NewJoiner(p, attr), transfer...)
		if len(got.Calls) != 1 || len(got.Errs) > 0 {
			t.Fatalf("%s: %d calls, errors %q", attr, len(got.Calls), got.Errs)
		}
		c := got.Calls[0]
		want := map[drivers.Attribution]string{drivers.FinalAnswerer: "208", drivers.FirstAnswerer: "200"}[attr]
		if c.Extension != want || c.Duration != 160 || c.Key != "5002" || c.TransferredFrom != "200" || len(c.Legs) != 2 {
			t.Errorf("%s: extension %s duration %d key %q from %q legs %d; want %s 160 5002 200 2",
				attr, c.Extension, c.Duration, c.Key, c.TransferredFrom, len(c.Legs), want)
		}
	}
}

// TestJoinNeedsFlag: a call ID without join is the call's ID, no Key.
func TestJoinNeedsFlag(t *testing.T) {
	layout := withFields("", basics+`, "call_id": {"column": 5}`)
	got := parse(t, layout, "2026-03-02 10:00:00,40,0301112223,200,5002", "2026-03-02 10:00:45,120,0301112223,208,5002")
	if len(got.Calls) != 2 || got.Calls[0].Key != "" || got.Calls[0].CallID != "5002" {
		t.Errorf("got %d calls, key %q", len(got.Calls), got.Calls[0].Key)
	}
}

// answerer is who takes an internal call in TestDirection's lines: the
// extension column where it is not the caller, else the called number.
func answerer(line string) string {
	f := strings.Split(line, ",")
	if len(f) > 4 && f[4] != "" && f[4] != f[2] {
		return f[4]
	}
	return f[3]
}
