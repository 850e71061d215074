package threecx

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// reduced is the field list many real sites send: the first 20, no types.
const reduced = reducedFields

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "3cx", []dt.SettingsRefusal{
		{map[string]string{"fields": "historyid,start,time-start"}, `setting fields: unknown field "start" (valid: historyid, callid, duration, time-start,`},
		{map[string]string{"fields": "historyid,,time-start,from-no,to-no"}, "setting fields: an empty field name (valid: historyid,"},
		{map[string]string{"fields": "time-start,from-no,to-no,from-no"}, "from-no is listed twice"},
		{map[string]string{"fields": "historyid,from-no,to-no"}, "time-start is required"},
		{map[string]string{"fields": "time-start,to-no"}, "from-no or from-dn is required"},
		{map[string]string{"fields": "time-start,from-dn,final-dn"}, "to-no or to-dn is required"},
		{map[string]string{"fields": ""}, "no fields"},
		{map[string]string{"times": "gmt"}, "want one of utc, local"},
		{map[string]string{"internal-digits": "three"}, `internal-digits="three"`},
		{map[string]string{"internal-digits": "0"}, "from 1 to 9"},
		{map[string]string{"internal-digits": "10"}, "from 1 to 9"},
		{map[string]string{"voicemail": "VM"}, `voicemail="VM"`},
		{map[string]string{"lines": "10000-"}, `setting lines: "10000-": want numbers or ranges`},
		{map[string]string{"lines": "10009-10000"}, `"10009-10000"`},
		{map[string]string{"queues": "800,8x1"}, `setting queues: "8x1"`},
		{map[string]string{"ivrs": "-700"}, `setting ivrs: "-700"`},
		{map[string]string{"trunk": "line"}, `has no setting "trunk"`},
	})
}

// TestFieldsSetting reads the same call by field lists written as the
// console, templates and integrators write them.
func TestFieldsSetting(t *testing.T) {
	const line = "Call 7,00:01:00,2026/03/02 08:00:00,Ext.201,Ext.202"
	for _, fields := range []string{
		"historyid,duration,time-start,from-no,to-no",
		" HISTORYID , Duration,Time_Start,from_no,to_no,",
		"%historyid%,%duration%,%time-start%,%from-no%,%to-no%",
	} {
		t.Run(fields, func(t *testing.T) {
			c := oneCall(t, openParser(t, map[string]string{"fields": fields}), line)
			if c.Key != "h:7" || c.Duration != 60 || c.Direction != drivers.Internal || c.Extension != "201" || c.FinalAnswerer != "202" {
				t.Errorf("got key %q, %d s, %s from %s to %s", c.Key, c.Duration, c.Direction, c.Extension, c.FinalAnswerer)
			}
		})
	}
}

// TestNumberSettings classifies calls without type fields by the numbers
// settings give.
func TestNumberSettings(t *testing.T) {
	const fields = "historyid,time-start,time-answered,time-end,from-no,to-no,from-dn,to-dn"
	const at = "2026/03/02 08:00:00,2026/03/02 08:00:00,2026/03/02 08:01:00"   // picked up at once
	const slow = "2026/03/02 08:00:00,2026/03/02 08:00:05,2026/03/02 08:01:00" // after 5 s
	const unanswered = "2026/03/02 08:00:00,,2026/03/02 08:00:30"              // nobody
	tests := []struct {
		name     string
		settings map[string]string
		line     string
		dir      drivers.Direction
		outcome  drivers.Outcome
		ext      string
		trunk    string
	}{
		{"short number", nil, "Call 1," + slow + ",0891234567,201,10000,201", drivers.Inbound, drivers.Answered, "201", "10000"},
		{"picked up at once", nil, "Call 2," + at + ",0891234567,800,10000,800", drivers.Inbound, drivers.Voicemail, "800", "10000"},
		{"queue", map[string]string{"queues": "800-809"}, "Call 3," + at + ",0891234567,801,10000,801", drivers.Inbound, drivers.Unanswered, "801", "10000"},
		{"ivr", map[string]string{"ivrs": "700"}, "Call 4," + slow + ",0891234567,Ext.700,10000,700", drivers.Inbound, drivers.Voicemail, "700", "10000"},
		{"voicemail number", map[string]string{"voicemail": "888"}, "Call 5," + slow + ",Ext.201,Ext.888,201,202", drivers.Internal, drivers.Voicemail, "201", ""},
		{"999 not voicemail", map[string]string{"voicemail": "888"}, "Call 6," + slow + ",Ext.201,Ext.999,201,999", drivers.Internal, drivers.Answered, "201", ""},
		{"five digits", map[string]string{"internal-digits": "5", "lines": "10000-10009"},
			"Call 7," + slow + ",12345,0301234567,12345,10001", drivers.Outbound, drivers.Answered, "12345", "10001"},
		{"five digits inbound", map[string]string{"internal-digits": "5", "lines": "10000-10009"},
			"Call 8," + unanswered + ",0301234567,12346,10000,12346", drivers.Inbound, drivers.Unanswered, "12346", "10000"},
		{"line too short by default", map[string]string{"internal-digits": "5"},
			"Call 9," + slow + ",Ext.12345,Ext.10001,12345,10001", drivers.Internal, drivers.Answered, "12345", ""},
		{"anonymous caller", nil, "Call 10," + unanswered + ",anonymous,Ext.201,10000,201", drivers.Inbound, drivers.Unanswered, "201", "10000"},
		{"caller without DN", nil, "Call 11," + slow + ",+4930123456,Ext.201,,201", drivers.Inbound, drivers.Answered, "201", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			settings := map[string]string{"fields": fields}
			for k, v := range tt.settings {
				settings[k] = v
			}
			c := oneCall(t, openParser(t, settings), tt.line)
			last := c.Legs[len(c.Legs)-1]
			if c.Direction != tt.dir || last.Outcome != tt.outcome || c.Extension != tt.ext || c.Trunk != tt.trunk {
				t.Errorf("got %s %s extension %q trunk %q, want %s %s %q %q",
					c.Direction, last.Outcome, c.Extension, c.Trunk, tt.dir, tt.outcome, tt.ext, tt.trunk)
			}
		})
	}
}

// TestTimesSetting reads the same line as UTC and as the site's clock.
func TestTimesSetting(t *testing.T) {
	const line = "Call 1,,00:00:30,2026/07/01 22:30:00,2026/07/01 22:30:04,2026/07/01 22:30:34,TerminatedBySrc,Ext.201,Ext.202,201,202,202"
	tests := []struct {
		times string
		want  time.Time
	}{
		{"utc", time.Date(2026, 7, 1, 22, 30, 0, 0, time.UTC)},
		{"local", time.Date(2026, 7, 1, 20, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, map[string]string{"times": tt.times, "fields": reduced[:strings.Index(reduced, ",reason-changed")]}), line)
		if !c.Start.Equal(tt.want) || c.Start.Location() != berlin(t) || c.Ring != 4 || c.Duration != 30 {
			t.Errorf("times=%s: start %v ring %d duration %d, want %v in Berlin, 4, 30", tt.times, c.Start, c.Ring, c.Duration, tt.want)
		}
	}
}

// TestAttribution checks the split of work with drivers.Open: the parser
// keeps both answerers, the site's setting picks the extension.
func TestAttribution(t *testing.T) {
	transfer := []string{
		"Call 9,,00:00:40,2026/03/03 09:00:00,2026/03/03 09:00:04,2026/03/03 09:00:44,TerminatedBySrc,0691234,Ext.200,10001,200,200,,,," +
			",,,,,Line,Extension,,,Gina Wolf,,",
		"Call 9,,00:02:15,2026/03/03 09:00:44,2026/03/03 09:00:49,2026/03/03 09:03:04,TerminatedBySrc,0691234,Ext.208,10001,208,208," +
			"ReplacedDst,Ext.208,208,,,,,,Line,Extension,Extension,,Hans Vogt,Hans Vogt,",
	}
	tests := []struct {
		attribution drivers.Attribution
		ext, name   string
	}{
		{drivers.FinalAnswerer, "208", "Hans Vogt"},
		{drivers.FirstAnswerer, "200", "Gina Wolf"},
	}
	for _, tt := range tests {
		t.Run(string(tt.attribution), func(t *testing.T) {
			p := openConfig(t, drivers.Config{Location: berlin(t), Attribution: tt.attribution})
			got := dt.ParseText(t, drivers.NewJoiner(p, tt.attribution), transfer...)
			if len(got.Calls) != 1 || len(got.Errs) > 0 {
				t.Fatalf("%d calls, errors %q", len(got.Calls), got.Errs)
			}
			c := got.Calls[0]
			if c.Extension != tt.ext || c.ExtensionName != tt.name || c.FirstAnswerer != "200" || c.FinalAnswerer != "208" || c.TransferredFrom != "200" {
				t.Errorf("extension %s %q, answerers %s %s, transferred from %q; want %s %q, 200 208, 200",
					c.Extension, c.ExtensionName, c.FirstAnswerer, c.FinalAnswerer, c.TransferredFrom, tt.ext, tt.name)
			}
		})
	}
}
