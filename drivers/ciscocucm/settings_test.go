package ciscocucm

import (
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// oneCall parses lines that make exactly one call (joined) and returns it.
func oneCall(t *testing.T, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	got := dt.ParseText(t, drivers.NewJoiner(p, drivers.FinalAnswerer), lines...)
	if len(got.Errs) > 0 || len(got.Calls) != 1 {
		t.Fatalf("got %d calls and errors %q, want one call", len(got.Calls), got.Errs)
	}
	return got.Calls[0]
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, id, []dt.SettingsRefusal{
		{map[string]string{"account-code": "auth"}, "want one of"},
		{map[string]string{"external": "final"}, "want one of"},
		{map[string]string{"layout": "94"}, "want one of"},
		{map[string]string{"trunk": "CUBE*"}, `no setting "trunk"`},
	})
}

// TestNewChecksSettings calls New as a caller that skipped drivers.Open.
func TestNewChecksSettings(t *testing.T) {
	valid := map[string]string{"account-code": "cmc", "external": "called", "layout": "auto"}
	tests := []struct {
		key, value, want string
	}{
		{"account-code", "", `account-code=""`},
		{"external", "dialled", `external="dialled"`},
		{"layout", "130", `layout="130"`},
	}
	for _, tt := range tests {
		s := map[string]string{}
		for k, v := range valid {
			s[k] = v
		}
		s[tt.key] = tt.value
		_, err := New(drivers.Config{Location: dt.Location(t, dt.Zone), Settings: s})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New with %s=%q: error %v, want one containing %q", tt.key, tt.value, err, tt.want)
		}
	}
}

func TestTrunksSetting(t *testing.T) {
	tests := []struct {
		trunks, device string
		want           bool
	}{
		{"", "CUBE-PSTN-01", true},
		{"", "10.20.30.40", true}, // SIP trunks named after the provider's address
		{"", "S0/SU0/DS1-0@gw1", true},
		{"", "SEP00AABB002001", false},
		{"", "CSFAMEIER", false},
		{"", "ATA00AABB002099", false},
		{"", "CiscoUM1-VI3", false},
		{"", "CFB_2", false},
		{"", "", false},
		{"CUBE*, 10.20.*", "CUBE-PSTN-01", true},
		{"CUBE*, 10.20.*", "10.20.30.40", true},
		{"CUBE*, 10.20.*", "ICT-TO-BRANCH", false}, // an intercluster trunk left out: internal
		{"ATAGW*", "ATAGW01", true},                // a gateway named like an ATA
	}
	for _, tt := range tests {
		opts, err := readOptions(map[string]string{"trunks": tt.trunks, "voicemail-devices": "CiscoUM*",
			"account-code": accountCMCThenFAC, "external": externalCalled, "layout": layoutAuto})
		if err != nil {
			t.Fatal(err)
		}
		if got := opts.isTrunk(tt.device); got != tt.want {
			t.Errorf("trunks=%q: isTrunk(%q) = %v, want %v", tt.trunks, tt.device, got, tt.want)
		}
	}
}

func TestAccountCodeSetting(t *testing.T) {
	both := map[string]string{"clientMatterCode": "4711", "authCodeDescription": "Sales"}
	facOnly := map[string]string{"authCodeDescription": "Sales"}
	tests := []struct {
		setting string
		v       map[string]string
		want    string
	}{
		{"cmc-fac", both, "4711"},
		{"cmc-fac", facOnly, "Sales"},
		{"cmc", facOnly, ""},
		{"fac", both, "Sales"},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, map[string]string{"account-code": tt.setting}), cdrLine(t, tt.v))
		if c.AccountCode != tt.want {
			t.Errorf("account-code=%s with %v: %q, want %q", tt.setting, tt.v, c.AccountCode, tt.want)
		}
	}
}

func TestExternalSetting(t *testing.T) {
	tests := []struct {
		setting, outpulsed, want string
	}{
		{"called", "+4930123456", "004930123456"},
		{"outpulsed", "+4930123456", "+4930123456"},
		{"outpulsed", "", "004930123456"}, // CUCM left it empty: no transformation
	}
	for _, tt := range tests {
		line := cdrLine(t, map[string]string{"outpulsedCalledPartyNumber": tt.outpulsed})
		c := oneCall(t, openParser(t, map[string]string{"external": tt.setting}), line)
		if c.External != tt.want || c.Dialled != "004930123456" {
			t.Errorf("external=%s: External %q Dialled %q, want %q and the number dialled", tt.setting, c.External, c.Dialled, tt.want)
		}
	}
}

func TestVoicemailSettings(t *testing.T) {
	toPort := map[string]string{"origDeviceName": "SEP00AABB002001", "destDeviceName": "UNITY-PORT-3", "finalCalledPartyNumber": "7999"}
	tests := []struct {
		settings map[string]string
		want     bool
	}{
		{nil, false}, // UNITY-PORT-3 is taken for a trunk: an outbound call
		{map[string]string{"voicemail-devices": "UNITY-PORT-*"}, true},
		{map[string]string{"voicemail-devices": "UNITY-PORT-*", "voicemail-numbers": "7999"}, true},
		{map[string]string{"trunks": "CUBE*", "voicemail-numbers": "7999"}, true},
		{map[string]string{"trunks": "CUBE*"}, false},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, tt.settings), cdrLine(t, toPort))
		if c.Voicemail != tt.want || (c.Direction == drivers.Internal) != (tt.settings != nil) {
			t.Errorf("%v: %s, voicemail %v; want voicemail %v", tt.settings, c.Direction, c.Voicemail, tt.want)
		}
	}
}

// TestLayoutSetting reads records of each width without a header.
func TestLayoutSetting(t *testing.T) {
	full := cdrLine(t, nil)
	widths := map[int]string{}
	for _, w := range []int{57, 58, 94, 129, 131, 133} {
		widths[w] = strings.Join(strings.Split(full, ",")[:w], ",")
	}
	widths[134] = full + ",0"
	tests := []struct {
		setting string
		width   int
		err     string
	}{
		{"auto", 129, ""}, {"auto", 131, ""}, {"auto", 133, ""},
		{"129", 129, ""},
		{"129", 133, `field 130 (beyond the last column) "": extra: the record has 133 fields, want 129 (no header line read)`},
		{"133", 129, `field 130 (origDeviceType) "": missing: the record has 129 fields, want 133 (no header line read)`},
		{"131", 131, ""},
		{"auto", 94, `field 95 (IncomingProtocolID) "": missing: the record has 94 fields, want 129, 131 or 133 (no header line read)`},
		{"any", 94, ""}, {"any", 58, ""}, {"any", 133, ""},
		{"any", 57, `field 58 (destDeviceName) "": missing: the record has 57 fields, want 58 to 133 (no header line read)`},
		{"any", 134, `field 134 (beyond the last column) "0": extra: the record has 134 fields, want 58 to 133 (no header line read)`},
	}
	for _, tt := range tests {
		calls, err := openParser(t, map[string]string{"layout": tt.setting}).Parse(drivers.Record{ID: 1, Text: widths[tt.width]})
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err || (err == nil && len(calls) != 1) {
			t.Errorf("layout=%s, %d fields: %d calls, error %q; want %q", tt.setting, tt.width, len(calls), got, tt.err)
		}
	}
}

// TestAttribution checks the split of work with drivers.Open and the
// Joiner: the legs keep both answerers, the attribution picks the
// extension.
func TestAttribution(t *testing.T) {
	first := cdrLine(t, map[string]string{"origDeviceName": "CUBE-PSTN-01", "destDeviceName": "SEP00AABB002001", "callingPartyNumber": "0301234567",
		"finalCalledPartyNumber": "2001", "finalCalledPartyUnicodeLoginUserID": "ameier", "origCallTerminationOnBehalfOf": "10", "destCallTerminationOnBehalfOf": "10"})
	final := cdrLine(t, map[string]string{"origDeviceName": "CUBE-PSTN-01", "destDeviceName": "SEP00AABB002002", "callingPartyNumber": "0301234567",
		"finalCalledPartyNumber": "2002", "finalCalledPartyUnicodeLoginUserID": "bkurz", "joinOnBehalfOf": "10", "lastRedirectDn": "2001",
		"dateTimeOrigination": "1772439400", "dateTimeConnect": "1772439402", "dateTimeDisconnect": "1772439500", "duration": "98"})
	tests := []struct {
		attribution drivers.Attribution
		ext, name   string
	}{
		{drivers.FinalAnswerer, "2002", "bkurz"},
		{drivers.FirstAnswerer, "2001", "ameier"},
	}
	for _, tt := range tests {
		t.Run(string(tt.attribution), func(t *testing.T) {
			p := dt.OpenConfig(t, id, drivers.Config{Location: dt.Location(t, dt.Zone), Attribution: tt.attribution})
			got := dt.ParseText(t, drivers.NewJoiner(p, tt.attribution), final, first) // the legs may come in any order
			if len(got.Calls) != 1 || len(got.Errs) > 0 {
				t.Fatalf("got %d calls, errors %q", len(got.Calls), got.Errs)
			}
			c := got.Calls[0]
			if c.Extension != tt.ext || c.ExtensionName != tt.name || c.Duration != 125+98 || c.Ring != 6 {
				t.Errorf("Extension %s %q, duration %d, ring %d; want %s %q, 223, 6", c.Extension, c.ExtensionName, c.Duration, c.Ring, tt.ext, tt.name)
			}
			if c.FirstAnswerer != "2001" || c.FinalAnswerer != "2002" || c.TransferredFrom != "2001" {
				t.Errorf("answerers first %q final %q transferred from %q, want 2001, 2002, 2001", c.FirstAnswerer, c.FinalAnswerer, c.TransferredFrom)
			}
		})
	}
}
