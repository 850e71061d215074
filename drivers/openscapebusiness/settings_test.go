package openscapebusiness

import (
	"testing"

	dt "calltally.app/drivers/driverstest"
)

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "openscape-business", []dt.SettingsRefusal{
		{map[string]string{"layout": "long"}, "want one of auto, separated, fixed, printer"},
		{map[string]string{"charges": "euro"}, "want one of units, amount"},
		{map[string]string{"voicemail": "351,VM"}, `setting voicemail: "VM"`},
		{map[string]string{"voicemail": "123456789012"}, `"123456789012": want call numbers of 1 to 11 digits`},
		{map[string]string{"transfer-gap": "half a minute"}, "setting transfer-gap"},
		{map[string]string{"transfer-gap": "-1s"}, "want 0s to 1h0m0s"},
		{map[string]string{"transfer-gap": "2h"}, "want 0s to 1h0m0s"},
		{map[string]string{"trunk": "line"}, `has no setting "trunk"`},
	})
}

func TestChargesSetting(t *testing.T) {
	tests := []struct {
		setting, charges string
		want             int
	}{
		{"units", "12", 12},
		{"units", "", 0},
		{"units", "0,36", 0}, // an amount where units were expected: kept raw, the call is read
		{"amount", "12", 0},
		{"amount", "0,36", 0},
	}
	for _, tt := range tests {
		c := oneCall(t, map[string]string{"charges": tt.setting}, "02.03.26|09:02:30|202|212||00:01:30|0301234567|"+tt.charges+"|2|")
		if c.ChargeUnits != tt.want {
			t.Errorf("charges=%s, field %q: units %d, want %d", tt.setting, tt.charges, c.ChargeUnits, tt.want)
		}
	}
}

func TestVoicemailSetting(t *testing.T) {
	const (
		direct      = "02.03.26|13:01:02|203|351|00:20|00:00:42|01715554443||1|"
		transferred = "02.03.26|11:00:19|204|100|00:04|00:00:15|0891112223||1|"
		toMailbox   = "02.03.26|11:01:14|204|351|00:20|00:00:35|0891112223||5|"
	)
	tests := []struct {
		setting             string
		lines               []string
		answered, voicemail bool
		final               string
	}{
		{"351", []string{direct}, true, true, ""},
		{"350, 351", []string{direct}, true, true, ""},
		{"", []string{direct}, true, false, "351"},
		{"351", []string{transferred, toMailbox}, true, false, "100"},
		{"", []string{transferred, toMailbox}, true, false, "351"},
	}
	for _, tt := range tests {
		c := oneCall(t, map[string]string{"voicemail": tt.setting}, tt.lines...)
		if c.Answered != tt.answered || c.Voicemail != tt.voicemail || c.FinalAnswerer != tt.final {
			t.Errorf("voicemail=%q, %d records: answered %v, voicemail %v, final %q; want %v, %v, %q",
				tt.setting, len(tt.lines), c.Answered, c.Voicemail, c.FinalAnswerer, tt.answered, tt.voicemail, tt.final)
		}
	}
}

func TestTransferGapSetting(t *testing.T) {
	const first = "02.03.26|09:00:46|201|100|00:06|00:00:40|0891234567||1|" // ended 09:00:46
	tests := []struct {
		gap, next string
		calls     int
	}{
		{"0s", "02.03.26|09:03:09|201|211|00:08|00:02:15|0891234567||5|", 1}, // began 09:00:46
		{"0s", "02.03.26|09:03:10|201|211|00:08|00:02:15|0891234567||5|", 2}, // began 09:00:47
		{"30s", "02.03.26|09:03:39|201|211|00:08|00:02:15|0891234567||5|", 1},
		{"30s", "02.03.26|09:03:40|201|211|00:08|00:02:15|0891234567||5|", 2},
		{"2m", "02.03.26|09:04:40|201|211|00:08|00:02:15|0891234567||5|", 1},
		{"2m", "02.03.26|09:01:09|201|211|00:08|00:02:15|0891234567||5|", 1}, // began 90 s before the first ended
	}
	for _, tt := range tests {
		got := parseJoined(t, map[string]string{"transfer-gap": tt.gap}, first, tt.next)
		if len(got.Errs) > 0 || len(got.Calls) != tt.calls {
			t.Errorf("transfer-gap=%s, %q: %d calls (errors %q), want %d", tt.gap, tt.next, len(got.Calls), got.Errs, tt.calls)
		}
	}
}
