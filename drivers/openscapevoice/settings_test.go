package openscapevoice

import (
	"errors"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestSequencePrefixSetting(t *testing.T) {
	plain := cdrLine(nil)
	tests := []struct {
		setting, line string
		field         int // of the FieldError; 0 for a call
	}{
		{"auto", "17," + plain, 0},
		{"auto", plain, 0},
		{"auto", "00000123," + plain, 0}, // a sequence number of 8 digits
		{"yes", "17," + plain, 0},
		{"yes", plain, 2},           // the record type taken for a sequence number…
		{"yes", "x17," + plain, 1},  // …nor are letters
		{"yes", "17", 2},            // nothing after it
		{"no", plain, 0},            //
		{"no", "17," + plain, 1},    // 17 is no record type
		{"auto", "17,0000000X", 2},  // the record type after a sequence number is wrong
		{"auto", "0000000X,17", 1},  // no sequence number: the first field is wrong
		{"auto", "1,2026-03-10", 2}, // a sequence number, the record type missing
	}
	for _, tt := range tests {
		t.Run(tt.setting+" "+tt.line[:min(len(tt.line), 12)], func(t *testing.T) {
			calls, err := openParser(t, map[string]string{"sequence-prefix": tt.setting}).Parse(drivers.Record{ID: 1, Text: tt.line})
			var fe *drivers.FieldError
			switch {
			case tt.field == 0 && (err != nil || len(calls) != 1):
				t.Errorf("got %d calls, error %v; want a call", len(calls), err)
			case tt.field != 0 && (!errors.As(err, &fe) || fe.Field != tt.field):
				t.Errorf("error %v, want a FieldError for field %d", err, tt.field)
			}
		})
	}
}

func TestTrunksSetting(t *testing.T) {
	const trunks = "sbc*.carrier.example, 10.20.0.5"
	tests := []struct {
		name     string
		trunks   string
		changes  map[int]string
		dir      drivers.Direction
		trunk    string
		external string
	}{
		{"parties decide without trunks", "", map[int]string{40: "901", 41: "902", 126: "10.9.9.9:5060", 127: ""}, drivers.Inbound, "10.9.9.9", "493055501201"},
		{"a listed ingress", trunks, map[int]string{40: "900", 41: "902", 126: "SBC7.carrier.example:5061", 127: ""}, drivers.Inbound, "SBC7.carrier.example", "493055501201"},
		{"an unlisted ingress", trunks, map[int]string{40: "901", 41: "902", 126: "10.9.9.9:5060", 127: ""}, drivers.Internal, "", ""},
		{"no ingress: the party decides", trunks, map[int]string{40: "901", 41: "902", 126: "", 127: ""}, drivers.Inbound, "", "493055501201"},
		{"a listed egress", trunks, map[int]string{41: "902", 127: "10.20.0.5:5060"}, drivers.Outbound, "10.20.0.5", "0301234567"},
		{"an unlisted egress", trunks, map[int]string{41: "903", 127: "10.20.0.50"}, drivers.Internal, "", ""},
		{"both listed", trunks, map[int]string{126: "sbc1.carrier.example", 127: "sbc2.carrier.example"}, drivers.Tandem, "sbc1.carrier.example", "493055501201"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := oneCall(t, openParser(t, map[string]string{"trunks": tt.trunks}), cdrLine(tt.changes))
			if c.Direction != tt.dir || c.Trunk != tt.trunk || c.External != tt.external {
				t.Errorf("got %s trunk %q external %q, want %s %q %q", c.Direction, c.Trunk, c.External, tt.dir, tt.trunk, tt.external)
			}
		})
	}
}

func TestVoicemailNumbersSetting(t *testing.T) {
	internal := map[int]string{41: "902", 127: "", 11: "8000", 128: "493055508000"}
	tests := []struct {
		name, numbers string
		changes       map[int]string
		voicemail     bool
	}{
		{"not without the setting", "", internal, false},
		{"by destination", "493055508000", internal, true},
		{"by called number", "8000", internal, true},
		{"by pattern", "4930555080*", internal, true},
		{"other numbers", "8001, 493055508001", internal, false},
		{"the forwarding bit without the setting", "", map[int]string{41: "902", 127: "", 106: "64"}, true},
		{"not when nobody answered", "8000", map[int]string{41: "902", 127: "", 11: "8000", 3: "0", 48: ""}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := oneCall(t, openParser(t, map[string]string{"voicemail-numbers": tt.numbers}), cdrLine(tt.changes))
			if c.Voicemail != tt.voicemail {
				t.Errorf("Voicemail = %v, want %v", c.Voicemail, tt.voicemail)
			}
		})
	}
}

func TestFieldNumbersSetting(t *testing.T) {
	// The destination and the thread written five fields further on.
	line := cdrLine(map[int]string{128: "", 124: "", 125: "", 133: "0309999999", 129: "9-9", 130: "4711"})
	c := oneCall(t, openParser(t, map[string]string{"field-numbers": "destination=133, Thread-Node=129,thread-sequence=130"}), line)
	if c.External != "0309999999" || c.Key != "thread 9-9/4711" {
		t.Errorf("External %q, Key %q; want 0309999999, thread 9-9/4711", c.External, c.Key)
	}
	// Moving a required field on moves the width a record needs.
	_, err := openParser(t, map[string]string{"field-numbers": "in-connect=200"}).Parse(drivers.Record{ID: 1, Text: line})
	if err == nil || !strings.Contains(err.Error(), "want at least 200") {
		t.Errorf("error %v, want one for a record narrower than 200 fields", err)
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		changes map[int]string
		want    string
	}{
		{nil, "thread 1-1/77"},
		{map[int]string{124: ""}, "thread /77"},
		{map[int]string{125: ""}, "gid 2026-03-10T09:00:00.0+0100:FF01"},
		{map[int]string{125: "", 5: ""}, ""},
	}
	for _, tt := range tests {
		if c := oneCall(t, openParser(t, nil), cdrLine(tt.changes)); c.Key != tt.want {
			t.Errorf("%v: Key %q, want %q", tt.changes, c.Key, tt.want)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "openscape-voice", []dt.SettingsRefusal{
		{map[string]string{"sequence-prefix": "maybe"}, "want one of"},
		{map[string]string{"field-numbers": "destination"}, "want NAME=NUMBER"},
		{map[string]string{"field-numbers": "dest=128"}, `no field "dest"`},
		{map[string]string{"field-numbers": "destination=1"}, "from 2 to 1000"},
		{map[string]string{"field-numbers": "destination=x"}, "from 2 to 1000"},
		{map[string]string{"field-numbers": "destination=1001"}, "from 2 to 1000"},
		{map[string]string{"field-numbers": "destination=127"}, "egress and destination are both field 127"},
		{map[string]string{"colour": "red"}, `no setting "colour"`},
	})
	if _, err := New(drivers.Config{Settings: map[string]string{"sequence-prefix": "maybe"}, Location: berlin(t)}); err == nil {
		t.Error("New accepted sequence-prefix=maybe without drivers.Open's checks")
	}
}

// TestAttribution checks the split of work with drivers.Open: the parser
// keeps both answerers, Open picks the extension.
func TestAttribution(t *testing.T) {
	transferred := []string{
		cdrLine(map[int]string{40: "901", 41: "902", 12: "0891234", 128: "493055501201", 127: ""}),
		cdrLine(map[int]string{40: "901", 41: "902", 12: "0891234", 128: "493055501202", 127: "",
			50: "2026-03-10T09:00:40.0+0100", 48: "2026-03-10T09:00:42.0+0100", 49: "2026-03-10T09:01:12.0+0100"}),
	}
	tests := []struct {
		attribution drivers.Attribution
		ext         string
	}{
		{drivers.FinalAnswerer, "493055501202"},
		{drivers.FirstAnswerer, "493055501201"},
	}
	for _, tt := range tests {
		t.Run(string(tt.attribution), func(t *testing.T) {
			p := openConfig(t, drivers.Config{Location: berlin(t), Attribution: tt.attribution})
			got := parseJoined(t, p, tt.attribution, strings.Join(transferred, "\n"))
			if len(got.Calls) != 1 || len(got.Errs) > 0 {
				t.Fatalf("%d calls, errors %q; want one call", len(got.Calls), got.Errs)
			}
			c := got.Calls[0]
			if c.Extension != tt.ext || c.FirstAnswerer != "493055501201" || c.FinalAnswerer != "493055501202" || c.TransferredFrom != "493055501201" {
				t.Errorf("extension %q, answerers %q %q, transferred from %q", c.Extension, c.FirstAnswerer, c.FinalAnswerer, c.TransferredFrom)
			}
		})
	}
}
