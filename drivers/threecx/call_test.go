package threecx

import (
	"strings"
	"testing"

	"calltally.app/drivers"
)

// typed is a field list with the type fields and the parties only.
const typed = "historyid,time-start,time-answered,time-end,reason-changed,from-no,to-no,final-number,from-dn,to-dn,final-dn," +
	"from-type,to-type,final-type,missed-queue-calls"

// TestClassify covers the rules no golden case shows, one call each:
// direction, the outcome of every leg, who the call counts against.
func TestClassify(t *testing.T) {
	const at = "Call 1,2026/03/02 08:00:00,2026/03/02 08:00:00,2026/03/02 08:01:00," // picked up at once
	const slow = "Call 1,2026/03/02 08:00:00,2026/03/02 08:00:06,2026/03/02 08:01:00,"
	const none = "Call 1,2026/03/02 08:00:00,,2026/03/02 08:00:30,"
	tests := []struct {
		name     string
		line     string
		dir      drivers.Direction
		outcomes string // of the legs, in order
		ext      string
	}{
		{"types in lower case", slow + ",0891234567,202,,10000,202,,line,extension,,", drivers.Inbound, "answered", "202"},
		{"typed extension picks up at once", at + ",0891234567,202,,10000,202,,Line,Extension,,", drivers.Inbound, "answered", "202"},
		{"Internal unknown, by its numbers; External a line", slow + ",Ext.201,0891234567,,201,10000,,Internal,External,,", drivers.Outbound, "answered", "201"},
		{"Ring Group spelt with a blank", slow + ",0891234567,810,Ext.203,10000,810,203,Line,Ring Group,Extension,", drivers.Inbound, "unanswered answered", "203"},
		{"typed extension longer than internal numbers", slow + ",0891234567,12345,,10000,12345,,Line,Extension,,", drivers.Inbound, "answered", "12345"},
		{"picked up at once, untyped", at + ",0891234567,Ext.600,,10000,600,,,,,", drivers.Inbound, "voicemail", "600"},
		{"transfer completed at once", at + "ReplacedDst,0891234567,Ext.208,Ext.208,10000,208,208,,,,", drivers.Inbound, "answered", "208"},
		{"IVR hands on", at + "ReplacedDst,0891234567,700,Ext.203,10000,700,203,Line,IVR,Extension,", drivers.Inbound, "unanswered answered", "203"},
		{"nobody answers after a forward", none + ",0891234567,205,Ext.206,10000,205,206,Line,Extension,Extension,", drivers.Inbound, "unanswered unanswered", "205"},
		{"pickup", slow + "ReplacedDst,0891234567,Ext.205,PickupExt.206,10000,205,206,,,,", drivers.Inbound, "unanswered answered", "206"},
		{"queue agents polled in vain", none + ",0891234567,Ext.800,,10000,800,,Line,Queue,,Ext.201;Ext.202", drivers.Inbound, "unanswered unanswered unanswered", "800"},
		{"queue agent polled and answering", at + ",0891234567,Ext.800,Ext.202,10000,800,202,Line,Queue,Extension,201;202", drivers.Inbound, "unanswered unanswered answered", "202"},
		{"inbound end call", slow + ",0891234567,EndCall,,10000,EndCall,,Line,,,", drivers.Inbound, "failed", ""},
		{"line to line", slow + ",0891234567,01701234567,,10000,10001,,Line,Line,,", drivers.Tandem, "answered", ""},
		{"internal to a conference", slow + "ReplacedSrc,Ext.141,Ext.314,Ext.990,141,314,990,Extension,Extension,ConfPlace,", drivers.Internal, "answered answered", "141"},
		{"outbound nobody answers", "Call 1,2026/03/02 08:00:00,,2026/03/02 08:00:02,,Ext.201,0301234567,,201,10001,,,,,", drivers.Outbound, "unanswered", "201"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := oneCall(t, openParser(t, map[string]string{"fields": typed}), tt.line)
			var outcomes []string
			for _, l := range c.Legs {
				outcomes = append(outcomes, string(l.Outcome))
			}
			if c.Direction != tt.dir || strings.Join(outcomes, " ") != tt.outcomes || c.Extension != tt.ext {
				t.Errorf("got %s %q extension %q, want %s %q %q", c.Direction, outcomes, c.Extension, tt.dir, tt.outcomes, tt.ext)
			}
		})
	}
}

// TestFailure reads reason-terminated of calls nobody answered.
func TestFailure(t *testing.T) {
	tests := []struct {
		reason string
		want   drivers.Outcome
	}{
		{"TerminatedBySrc", drivers.Unanswered},
		{"Failed_Cancelled", drivers.Unanswered},
		{"Failed", drivers.Failed},
		{"failed_no_route", drivers.Failed},
		{"Failed_Busy", drivers.Busy},
		{"src_participant_terminated", drivers.Unanswered},
		{"", drivers.Unanswered},
	}
	for _, tt := range tests {
		if got := failure(tt.reason); got != tt.want {
			t.Errorf("failure(%q) = %s, want %s", tt.reason, got, tt.want)
		}
	}
}

// TestKey checks what joins records: historyid as real systems and
// exports write it, callid where there is none.
func TestKey(t *testing.T) {
	tests := []struct {
		fields, line, want string
	}{
		{"historyid,time-start,from-no,to-no", "Call 23193,2026/03/02 08:00:00,201,202", "h:23193"},
		{"historyid,time-start,from-no,to-no", "23193,2026/03/02 08:00:00,201,202", "h:23193"},
		{"historyid,time-start,from-no,to-no", "call23193,2026/03/02 08:00:00,201,202", "h:23193"},
		{"callid,time-start,from-no,to-no", "00000171DEE41BB3_2501,2026/03/02 08:00:00,201,202", "c:00000171DEE41BB3_2501"},
		{"historyid,callid,time-start,from-no,to-no", ",00000171DEE41BB3_2501,2026/03/02 08:00:00,201,202", "c:00000171DEE41BB3_2501"},
		{"time-start,from-no,to-no", "2026/03/02 08:00:00,201,202", ""},
	}
	for _, tt := range tests {
		calls, err := openParser(t, map[string]string{"fields": tt.fields}).Parse(drivers.Record{ID: 1, Text: tt.line})
		if err != nil || len(calls) != 1 || calls[0].Key != tt.want {
			t.Errorf("%s: %v, %v; want key %q", tt.line, calls, err, tt.want)
		}
	}
}
