package mitelmxone

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, id, []dt.SettingsRefusal{
		{map[string]string{"columns": "start time local, duration"}, `setting columns: no column "condition code"`},
		{map[string]string{"columns": "duration, condition code"}, `setting columns: no column "start time local"`},
		{map[string]string{"columns": "start time local,, duration, condition code"}, "setting columns: \"start time local,, duration, condition code\": an empty column name"},
		{map[string]string{"columns": ""}, "setting columns: \"\": an empty column name"},
		{map[string]string{"calling-column": "a number|"}, "setting calling-column: \"a number|\": an empty column name"},
		{map[string]string{"answering-column": "c number, d number"}, "setting answering-column: \"c number, d number\": a column name holds no comma"},
		{map[string]string{"internal-digits": "four"}, `setting internal-digits="four"`},
		{map[string]string{"internal-digits": "0"}, "from 1 to 15"},
		{map[string]string{"internal-digits": "16"}, "from 1 to 15"},
		{map[string]string{"voicemail": "8000,,8001"}, `setting voicemail: "8000,,8001": want numbers separated by commas`},
		{map[string]string{"voicemail": "80 00"}, "setting voicemail"},
		{map[string]string{"subtype": "asb501"}, `has no setting "subtype"`},
	})
}

// TestDefaultSettings opens with every default, and the default columns
// are the layout Encode writes.
func TestDefaultSettings(t *testing.T) {
	d, err := drivers.Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := d.Setting("columns")
	if s.Default != strings.Join(defaultColumns, ", ") {
		t.Errorf("columns default %q is not the layout Encode writes", s.Default)
	}
	opts, err := readOptions(mustResolve(t, d, nil))
	if err != nil {
		t.Fatal(err)
	}
	for r := range numRoles {
		if !opts.columns.has(r) {
			t.Errorf("the default columns have no column for role %d", r)
		}
	}
}

func mustResolve(t *testing.T, d *drivers.Driver, values map[string]string) map[string]string {
	t.Helper()
	s, err := d.Resolve(values)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestColumnNameSettings reads the same record by column names given as
// a technician may write them: case, "-", "_" and blanks ignored; the
// first name of a list that the layout has wins.
func TestColumnNameSettings(t *testing.T) {
	const line = "2026-03-12 10:00:00 (CET),7,0d00:01:00,03012345678,2204,2205,4,P-77"
	const columns = "start time local, condition code, duration, A-Number, dialed number, Conn_Party, ROU, proj"
	tests := []struct {
		name     string
		settings map[string]string
		ext      string
		trunk    string
		account  string
	}{
		{"defaults know none", nil, "2204", "", ""},
		{"named", map[string]string{"answering-column": "conn party", "incoming-route-column": "rou", "account-column": "PROJ"}, "2205", "4", "P-77"},
		{"first of a list", map[string]string{"answering-column": "answering number|conn-party|dialed number"}, "2205", "", ""},
		{"a list's first present wins", map[string]string{"answering-column": "dialed number|conn party"}, "2204", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			settings := map[string]string{"columns": columns}
			for k, v := range tt.settings {
				settings[k] = v
			}
			c := oneCall(t, openParser(t, settings), line)
			if c.Extension != tt.ext || c.Trunk != tt.trunk || c.AccountCode != tt.account || c.External != "03012345678" {
				t.Errorf("extension %q, trunk %q, account %q, external %q; want %q, %q, %q, 03012345678",
					c.Extension, c.Trunk, c.AccountCode, c.External, tt.ext, tt.trunk, tt.account)
			}
		})
	}
}

// TestInternalDigits places busy and vacant-number records without routes
// by the length of their numbers.
func TestInternalDigits(t *testing.T) {
	const columns = "start time local, duration, condition code, calling number, dialed number"
	tests := []struct {
		digits  string
		calling string
		dialed  string
		want    drivers.Direction
	}{
		{"5", "2204", "2210", drivers.Internal},
		{"5", "2204", "0891234567", drivers.Outbound},
		{"5", "0891234567", "2204", drivers.Inbound},
		{"5", "", "2204", drivers.Inbound}, // a withheld caller
		{"5", "", "0891234567", drivers.Outbound},
		{"3", "2204", "2210", drivers.Inbound},
		{"3", "220", "2210", drivers.Outbound},
		{"6", "2204", "891234", drivers.Internal},
		{"5", "22#4", "2210", drivers.Inbound}, // not a number
	}
	for _, tt := range tests {
		line := "2026-03-12 10:00:00 (CET),0d00:00:00,29," + tt.calling + "," + tt.dialed
		c := oneCall(t, openParser(t, map[string]string{"columns": columns, "internal-digits": tt.digits}), line)
		if c.Direction != tt.want || c.Legs[0].Outcome != drivers.Busy {
			t.Errorf("internal-digits=%s, %q to %q: %s %s, want %s busy", tt.digits, tt.calling, tt.dialed, c.Direction, c.Legs[0].Outcome, tt.want)
		}
	}
}

// TestRoutesPlaceCalls: the routes decide where the code does not, and
// make an incoming call that left again tandem.
func TestRoutesPlaceCalls(t *testing.T) {
	tests := []struct {
		code, in, out string
		want          drivers.Direction
	}{
		{"29", "1", "", drivers.Inbound},
		{"29", "", "2", drivers.Outbound},
		{"29", "1", "2", drivers.Tandem},
		{"30", "", "", drivers.Internal}, // by the numbers: 2204 to 2299
		{"30", "0", "000", drivers.Internal},
		{"7", "1", "2", drivers.Tandem},
		{"23", "1", "2", drivers.Tandem},
		{"7", "", "2", drivers.Inbound},
		{"10", "1", "2", drivers.Outbound},
	}
	for _, tt := range tests {
		line := "2026-03-12 10:00:00 (CET),0d00:00:00," + tt.code + ",2204,2299,," + tt.in + "," + tt.out + ","
		c := oneCall(t, openParser(t, nil), line)
		if c.Direction != tt.want {
			t.Errorf("code %s, routes %q and %q: %s, want %s", tt.code, tt.in, tt.out, c.Direction, tt.want)
		}
	}
}

// TestVoicemailSetting: a call the voicemail answered is taken by
// voicemail, counted against the number dialled.
func TestVoicemailSetting(t *testing.T) {
	const line = "2026-03-13 11:00:00 (CET),0d00:00:42,71,03012345678,2204,8000,1,,"
	tests := []struct {
		setting   string
		voicemail bool
		ext       string
	}{
		{"", false, "8000"},
		{"8000", true, "2204"},
		{"7999, 8000", true, "2204"},
		{"800", false, "8000"},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, map[string]string{"voicemail": tt.setting}), line)
		if c.Voicemail != tt.voicemail || !c.Answered || c.Extension != tt.ext {
			t.Errorf("voicemail=%q: Voicemail %v, Answered %v, extension %q; want %v, true, %q", tt.setting, c.Voicemail, c.Answered, c.Extension, tt.voicemail, tt.ext)
		}
	}
	notify := oneCall(t, openParser(t, map[string]string{"voicemail": "8000"}), "2026-03-13 11:00:00 (CET),0d00:00:30,10,8000,01711234567,,,2,")
	if notify.Voicemail || notify.Extension != "8000" || notify.Legs[0].Outcome != drivers.Answered {
		t.Errorf("a call the voicemail placed: Voicemail %v, extension %q, %s; want an answered outbound call", notify.Voicemail, notify.Extension, notify.Legs[0].Outcome)
	}
}

// TestColumnLineReplacesSetting: a column line read mid-stream is the
// layout from then on, and one without the needed columns is kept out.
func TestColumnLineReplacesSetting(t *testing.T) {
	got := dt.ParseText(t, openParser(t, nil),
		"# duration, condition code, start time local, dialed number",
		"0d00:01:00,7,2026-03-12 10:00:00 (CET),2204",
		"start time local, duration, dialed number",
		"0d00:02:00,10,2026-03-12 10:05:00 (CET),0891234567",
	)
	if len(got.Calls) != 2 || len(got.Failed) != 1 || !strings.Contains(got.Failed[0], `kept out, records are read as before it: no column "condition code"`) {
		t.Fatalf("%d calls, failures %q; want 2 calls and the second column line kept out", len(got.Calls), got.Failed)
	}
	if c := got.Calls[1]; c.Direction != drivers.Outbound || c.Duration != 120 || c.Dialled != "0891234567" {
		t.Errorf("second call: %s, %d s, dialled %q", c.Direction, c.Duration, c.Dialled)
	}
}

// TestPreambleReplay resumes a file in its middle as the collector does
// after a restart: only the lines isPreamble reports are passed again,
// and they set up the layout the records after them are read by.
func TestPreambleReplay(t *testing.T) {
	file := []string{
		"# MX-ONE Call Information Logging",
		"# dialed number, duration, start time local, condition code, calling number",
		"0891234567,0d00:01:00,2026-03-12 10:00:00 (CET),10,2204",
		"2204,0d00:02:00,2026-03-12 10:05:00 (CET),7,03012345678",
	}
	var replay []string
	for _, line := range file[:3] {
		if isPreamble(line) {
			replay = append(replay, line)
		}
	}
	if len(replay) != 2 {
		t.Fatalf("replayed %q, want the two header lines", replay)
	}
	c := oneCall(t, openParser(t, nil), append(replay, file[3])...)
	if c.Direction != drivers.Inbound || c.Extension != "2204" || c.External != "03012345678" || c.Duration != 120 {
		t.Errorf("resumed record read as %s, extension %q, external %q, %d s", c.Direction, c.Extension, c.External, c.Duration)
	}
}
