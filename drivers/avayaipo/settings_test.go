package avayaipo

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// Records shared by the tests below: an inbound call answered by 207 and
// transferred to 208, then 209; a call only voicemail took; a call 201
// answered and then sent to voicemail.
var (
	transferred = []string{
		"2026/03/02 11:27:00,00:00:45,4,06912345678,I,200,200,,0,1000105,1,E207,Gina Wolf,T9002,Line 1.2,10,0,0,n/a,,,,,,,,,,,",
		"2026/03/02 11:27:00,00:01:00,0,06912345678,I,200,200,,0,1000105,1,E208,Hans Vogt,T9002,Line 1.2,0,0,0,n/a,,,,,,,,,,,",
		"2026/03/02 11:27:00,00:02:15,0,06912345678,I,200,200,,0,1000105,0,E209,Ida Klein,T9002,Line 1.2,0,0,0,n/a,,,,,,,,,,,",
	}
	voicemailOnly = []string{
		"2026/03/07 10:20:00,00:00:00,20,01719999999,I,202,202,,0,1000603,1,E202,Ben Kurz,T9002,Line 1.2,0,0,0,n/a,,,,,,,,,,,",
		"2026/03/07 10:20:00,00:00:31,0,01719999999,I,202,202,,0,1000603,0,V9502,VM Channel 2,T9002,Line 1.2,0,0,0,n/a,,,,,,,,,,,",
	}
	answeredThenVoicemail = []string{
		"2026/03/07 10:10:00,00:01:05,6,01711234567,I,200,200,,0,1000602,1,E201,Anna Meier,T9001,Line 1.1,0,0,0,n/a,,,,,,,,,,,",
		"2026/03/07 10:10:00,00:00:40,0,01711234567,I,200,200,,0,1000602,0,V9501,VM Channel 1,T9001,Line 1.1,0,0,0,n/a,,,,,,,,,,,",
	}
)

func TestTrunkSetting(t *testing.T) {
	const sip = "2026/03/02 09:00:00,00:00:10,1,301,O,0891234567,0891234567,,0,1000001,0,E301,Anna Meier,T9017,SIP Trunk,0,0"
	tests := []struct {
		setting string
		line    string
		want    string
	}{
		{"device", transferred[2], "T9002"},
		{"line", transferred[2], "1"},
		{"channel", transferred[2], "1.2"},
		{"line", sip, "T9017"}, // no "Line x.y" name: the device still names the trunk
		{"channel", "2008/06/28 09:28:41,00:00:00,9,8004206,I,4324,4324,,0,1000014155,0,E4324,Joe Bloggs,T9161,LINE 5.1,0,0", "5.1"},
	}
	for _, tt := range tests {
		t.Run(tt.setting, func(t *testing.T) {
			c := dt.OneCall(t, openParser(t, map[string]string{"trunk": tt.setting}), tt.line)
			if c.Trunk != tt.want {
				t.Errorf("trunk=%s: Trunk = %q, want %q", tt.setting, c.Trunk, tt.want)
			}
		})
	}
}

func TestVoicemailSetting(t *testing.T) {
	tests := []struct {
		name, setting string
		lines         []string
		answered      bool
		voicemail     bool
	}{
		{"only voicemail, answered", "answered", voicemailOnly, true, true},
		{"only voicemail, missed", "missed", voicemailOnly, false, true},
		{"a person first, answered", "answered", answeredThenVoicemail, true, false},
		{"a person first, missed", "missed", answeredThenVoicemail, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dt.OneCall(t, openParser(t, map[string]string{"voicemail": tt.setting}), tt.lines...)
			if c.Answered != tt.answered || c.Voicemail != tt.voicemail {
				t.Errorf("Answered, Voicemail = %v, %v; want %v, %v", c.Answered, c.Voicemail, tt.answered, tt.voicemail)
			}
		})
	}
}

// TestGroupTimeout feeds records one by one to a parser with a one-hour
// timeout and checks which calls each returns.
func TestGroupTimeout(t *testing.T) {
	const tail = ",0,0,0,n/a,,,,,,,,,,,"
	steps := []struct {
		line string
		want []string // call IDs returned, "+partial" when partial
	}{
		{"2026/03/02 10:00:00,00:00:45,4,0691234,I,200,200,,0,1000001,1,E207,Gina Wolf,T9002,Line 1.2" + tail, nil},
		{"2026/03/02 10:30:00,00:00:45,4,0691234,I,200,200,,0,1000002,1,E207,Gina Wolf,T9002,Line 1.2" + tail, nil},
		{"2026/03/02 11:00:00,00:00:10,1,201,O,0891234,0891234,,0,1000003,0,E201,Anna Meier,T9001,Line 1.1" + tail, []string{"1000003"}},
		{"2026/03/02 11:00:01,00:00:10,1,201,O,0891234,0891234,,0,1000004,0,E201,Anna Meier,T9001,Line 1.1" + tail, []string{"1000001+partial", "1000004"}},
		// A call that starts long before the newest Call Start (its records
		// replayed late) is timed from when its records come…
		{"2026/03/02 09:00:00,00:00:20,3,0301234,I,200,200,,0,1000006,1,E207,Gina Wolf,T9002,Line 1.2" + tail, nil},
		{"2026/03/02 09:00:00,00:01:00,0,0301234,I,200,200,,0,1000006,0,E208,Hans Vogt,T9002,Line 1.2" + tail, []string{"1000006"}},
		{"2026/03/02 09:10:00,00:00:20,3,0301235,I,200,200,,0,1000007,1,E207,Gina Wolf,T9002,Line 1.2" + tail, nil},
		{"2026/03/02 11:31:00,00:00:10,1,201,O,0891234,0891234,,0,1000005,1,E201,Anna Meier,T9001,Line 1.1" + tail, []string{"1000002+partial"}},
		// …and closed when no record of it came for the timeout.
		{"2026/03/02 12:00:02,00:00:10,1,201,O,0891234,0891234,,0,1000008,0,E201,Anna Meier,T9001,Line 1.1" + tail, []string{"1000007+partial", "1000008"}},
	}
	p := openParser(t, map[string]string{"group-timeout": "1h"})
	for i, step := range steps {
		calls, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: step.line})
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if got := callIDs(calls); strings.Join(got, " ") != strings.Join(step.want, " ") {
			t.Errorf("step %d: got calls %q, want %q", i+1, got, step.want)
		}
	}
	if got := callIDs(p.Flush()); len(got) != 1 || got[0] != "1000005+partial" {
		t.Errorf("Flush: got %q, want [1000005+partial]", got)
	}
}

func callIDs(calls []drivers.Call) []string {
	var ids []string
	for _, c := range calls {
		id := c.CallID
		if c.Partial {
			id += "+partial"
		}
		ids = append(ids, id)
	}
	return ids
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "avaya-ipo", []dt.SettingsRefusal{
		{map[string]string{"group-timeout": "a day"}, "group-timeout"},
		{map[string]string{"group-timeout": "0s"}, "above zero"},
		{map[string]string{"group-timeout": "-1h"}, "above zero"},
		{map[string]string{"trunk": "route"}, "want one of"},
		{map[string]string{"voicemail": "ignored"}, "want one of"},
	})
}

// TestAttribution checks the split of work with drivers.Open: the parser
// keeps both answerers, Open picks the extension.
func TestAttribution(t *testing.T) {
	tests := []struct {
		attribution drivers.Attribution
		ext, name   string
	}{
		{drivers.FinalAnswerer, "209", "Ida Klein"},
		{drivers.FirstAnswerer, "207", "Gina Wolf"},
	}
	for _, tt := range tests {
		t.Run(string(tt.attribution), func(t *testing.T) {
			p := openConfig(t, drivers.Config{Location: berlin(t), Attribution: tt.attribution})
			c := dt.OneCall(t, p, transferred...)
			if c.Extension != tt.ext || c.ExtensionName != tt.name {
				t.Errorf("Extension = %s %q, want %s %q", c.Extension, c.ExtensionName, tt.ext, tt.name)
			}
			if c.FirstAnswerer != "207" || c.FinalAnswerer != "209" || c.TransferredFrom != "208" {
				t.Errorf("answerers first %q final %q transferred from %q, want 207, 209, 208",
					c.FirstAnswerer, c.FinalAnswerer, c.TransferredFrom)
			}
		})
	}
}
