package ciscocme

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// oneCall parses lines that make exactly one call and returns it.
func oneCall(t *testing.T, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	return dt.OneCall(t, drivers.NewJoiner(p, drivers.FinalAnswerer), lines...)
}

// TestTrunkLegs reads calls of three kinds of site under each trunk-legs
// setting: which legs are trunks decides direction and numbers.
func TestTrunkLegs(t *testing.T) {
	// CME with SCCP phones (telephony) and a SIP trunk (VoIP).
	sccpInbound := []string{history(trunkIn), history(phone207)}
	// A SIP phone (VoIP leg, 510) called from an FXO line (telephony leg).
	sipInbound := []string{
		history(spec{legTelephony, "00000020", "06912345678", "10", "10:10:00.150", "10:10:07.300", "10:12:00.900", answer}),
		history(spec{legVoIP, "00000020", "510", "10", "10:10:00.214", "10:10:07.294", "10:12:00.894", originate}),
	}
	// An internal call between two SIP phones.
	sipInternal := []string{
		history(spec{legVoIP, "00000021", "510", "10", "10:20:00.100", "10:20:03.260", "10:21:00.300", answer}),
		history(spec{legVoIP, "00000021", "511", "10", "10:20:00.180", "10:20:03.250", "10:21:00.290", originate}),
	}
	tests := []struct {
		setting string
		lines   []string
		dir     drivers.Direction
		ext     string
	}{
		{"pattern", sccpInbound, drivers.Inbound, "207"},
		{"voip", sccpInbound, drivers.Inbound, "207"},
		{"telephony", sccpInbound, drivers.Outbound, "06912345678"}, // the wrong setting for this site
		{"pattern", sipInbound, drivers.Inbound, "510"},
		{"voip", sipInbound, drivers.Outbound, "06912345678"},
		{"telephony", sipInbound, drivers.Inbound, "510"},
		{"pattern", sipInternal, drivers.Internal, "510"},
		{"voip", sipInternal, drivers.Tandem, ""},
		{"telephony", sipInternal, drivers.Internal, "510"},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, map[string]string{"trunk-legs": tt.setting}), tt.lines...)
		if c.Direction != tt.dir || c.Extension != tt.ext {
			t.Errorf("trunk-legs=%s, %s: got %s extension %q, want %s %q", tt.setting, tt.lines[0][80:120], c.Direction, c.Extension, tt.dir, tt.ext)
		}
	}
}

func TestExtensionPattern(t *testing.T) {
	// 201 calls 112: an emergency number looks internal to the default pattern.
	emergency := []string{
		history(spec{legTelephony, "00000030", "201", "10", "09:00:00.100", "09:00:01.260", "09:01:00.300", answer}),
		history(spec{legVoIP, "00000030", "112", "10", "09:00:00.180", "09:00:01.250", "09:01:00.290", originate}),
	}
	// 20001 calls 20002 on a site with five-digit extensions.
	fiveDigits := []string{
		history(spec{legTelephony, "00000031", "20001", "10", "09:10:00.100", "09:10:01.260", "09:11:00.300", answer}),
		history(spec{legTelephony, "00000031", "20002", "10", "09:10:00.180", "09:10:01.250", "09:11:00.290", originate}),
	}
	tests := []struct {
		pattern string
		lines   []string
		dir     drivers.Direction
	}{
		{defaultExtensions, emergency, drivers.Internal},
		{`^2\d\d$`, emergency, drivers.Outbound},
		{defaultExtensions, fiveDigits, drivers.Internal},
		{`^2\d\d$`, fiveDigits, drivers.Tandem},
		{`^20\d{3}$`, fiveDigits, drivers.Internal},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, map[string]string{"extension-pattern": tt.pattern}), tt.lines...)
		if c.Direction != tt.dir {
			t.Errorf("extension-pattern=%s: got %s, want %s", tt.pattern, c.Direction, tt.dir)
		}
	}
}

// TestCSVColumns reads a file-accounting line of another layout, its
// columns named by csv-columns.
func TestCSVColumns(t *testing.T) {
	const columns = "h323-call-origin,leg-type,h323-conf-id,h323-setup-time,h323-connect-time,h323-disconnect-time,h323-disconnect-cause,clid,dnis,codec"
	lines := []string{
		`answer,2,"5C5C0000 16B111F1 8001A1B2 00000040","09:00:00.100 CET Tue Mar 3 2026","09:00:04.260 CET Tue Mar 3 2026","09:01:04.300 CET Tue Mar 3 2026",10,0301234567,4930555221,g711alaw`,
		`originate,1,"5C5C0000 16B111F1 8001A1B2 00000040","09:00:00.180 CET Tue Mar 3 2026","09:00:04.250 CET Tue Mar 3 2026","09:01:04.290 CET Tue Mar 3 2026",10,0301234567,221,g711alaw`,
	}
	c := oneCall(t, openParser(t, map[string]string{"csv-columns": columns}), lines...)
	if c.Direction != drivers.Inbound || c.Extension != "221" || c.External != "0301234567" || c.Dialled != "4930555221" || c.Duration != 60 {
		t.Errorf("got %s ext %q external %q dialled %q %d s", c.Direction, c.Extension, c.External, c.Dialled, c.Duration)
	}
	got := dt.ParseText(t, openParser(t, map[string]string{"csv-columns": columns + ",extra"}), lines[0])
	if len(got.Errs) != 1 || !strings.Contains(got.Errs[0], "10 fields, want at least 11") {
		t.Errorf("a line shorter than csv-columns: errors %q", got.Errs)
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "cisco-cme", []dt.SettingsRefusal{
		{map[string]string{"trunk-legs": "sip"}, "want one of"},
		{map[string]string{"extension-pattern": "^[2-3"}, "setting extension-pattern"},
		{map[string]string{"cdr-format": "custom"}, "want one of"},
		{map[string]string{"csv-columns": "leg-type,h323-conf-id"}, "no h323-setup-time column"},
		{map[string]string{"group-timeout": "a day"}, "setting group-timeout"},
		{map[string]string{"group-timeout": "0s"}, "above zero"},
		{map[string]string{"timezone": "CET"}, "has no setting"},
	})
}

// TestAttribution checks that the parser keeps both answerers of a
// transferred call and the site's answerer setting picks the extension,
// also when the legs are joined across parts.
func TestAttribution(t *testing.T) {
	tests := []struct {
		attribution drivers.Attribution
		ext         string
	}{
		{drivers.FinalAnswerer, "208"},
		{drivers.FirstAnswerer, "207"},
	}
	for _, tt := range tests {
		p := dt.OpenConfig(t, "cisco-cme", drivers.Config{Location: berlin(t), Attribution: tt.attribution})
		got := dt.ParseText(t, drivers.NewJoiner(p, tt.attribution), history(phone207), history(trunkIn), history(phone208))
		if len(got.Calls) != 1 {
			t.Fatalf("%s: got %s", tt.attribution, describe(got.Calls))
		}
		c := got.Calls[0]
		if c.Extension != tt.ext || c.FirstAnswerer != "207" || c.FinalAnswerer != "208" || c.TransferredFrom != "207" {
			t.Errorf("%s: extension %q, answerers %q %q, transferred from %q", tt.attribution, c.Extension, c.FirstAnswerer, c.FinalAnswerer, c.TransferredFrom)
		}
	}
}
