package mitelmivb

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestPresetLayouts holds the layouts the options build to the columns
// of README.md's tables (1-based first columns), which come from Mitel's
// Summary of Fields tables and, for extended reporting, MiSMDR's offsets.
func TestPresetLayouts(t *testing.T) {
	std := map[itemID]int{itemDate: 2, itemTime: 8, itemPM: 13, itemDuration: 15, itemCalling: 24, itemAttendant: 29,
		itemTTA: 30, itemDigits: 34, itemStatus: 60, itemSpeed: 61, itemCalled: 62, itemTransfer: 66, itemThird: 68,
		itemAccount: 73, itemSystem: 86}
	ext := map[itemID]int{itemDate: 2, itemTime: 8, itemPM: 13, itemDuration: 15, itemCalling: 26, itemAttendant: 34,
		itemTTA: 35, itemDigits: 39, itemStatus: 65, itemSpeed: 66, itemCalled: 67, itemTransfer: 74, itemThird: 76,
		itemAccount: 84, itemSystem: 97}
	tests := []struct {
		name     string
		preset   preset
		extended bool
		width    int
		open     bool
		cols     map[itemID]int
	}{
		{"standard", preset{aniDNIS: true, networkOLI: true, reporting: reportingOff}, false, 131, false,
			with(std, map[itemID]int{itemANI: 92, itemDNIS: 103, itemCallID: 114, itemAssocID: 124})},
		{"extended", preset{aniDNIS: true, networkOLI: true, reporting: reportingOff}, true, 139, false,
			with(ext, map[itemID]int{itemANI: 103, itemDNIS: 114, itemCallID: 122, itemAssocID: 132})},
		{"standard, options off", preset{reporting: reportingOff}, false, 90, false, std},
		{"extended, options off", preset{reporting: reportingOff}, true, 101, false, ext},
		{"OLI without ANI/DNIS", preset{networkOLI: true, reporting: reportingOff}, false, 131, false,
			with(std, map[itemID]int{itemCallID: 114, itemAssocID: 124})},
		{"ANI/DNIS without OLI", preset{aniDNIS: true, reporting: reportingOff}, true, 120, false,
			with(ext, map[itemID]int{itemANI: 103, itemDNIS: 114})},
		{"extended TTA, meter pulses", preset{extendedTTA: true, meterPulses: true, reporting: reportingOff}, false, 90, false,
			with(std, map[itemID]int{itemAttendant: 28, itemTTA: 29, itemMeter: 55})},
		{"extended reporting level 1", preset{aniDNIS: true, networkOLI: true, reporting: level1}, true, 141, true,
			with(ext, map[itemID]int{itemLDN: 74, itemTransfer: 82, itemThird: 84, itemAccount: 92, itemSystem: 105,
				itemANI: 111, itemDNIS: 132})},
		{"extended reporting level 2", preset{aniDNIS: true, reporting: level2}, true, 144, true,
			map[itemID]int{itemDate: 2, itemTime: 8, itemPM: 16, itemDuration: 18, itemCalling: 29, itemAttendant: 37,
				itemTTA: 38, itemDigits: 42, itemStatus: 68, itemSpeed: 69, itemCalled: 70, itemLDN: 77, itemTransfer: 85,
				itemThird: 87, itemAccount: 95, itemSystem: 108, itemANI: 114, itemDNIS: 135}},
	}
	for _, tt := range tests {
		l := presetLayout(tt.preset, tt.extended)
		if l.width != tt.width || l.open != tt.open {
			t.Errorf("%s: width %d, open %v; want %d, %v", tt.name, l.width, l.open, tt.width, tt.open)
		}
		for id := itemID(1); id < numItems; id++ {
			if got := l.at[id].col + 1; l.has(id) != (tt.cols[id] > 0) || l.has(id) && got != tt.cols[id] {
				t.Errorf("%s: %s at column %d (present %v), want %d", tt.name, itemName(id), got, l.has(id), tt.cols[id])
			}
		}
	}
}

func with(base, more map[itemID]int) map[itemID]int {
	out := map[itemID]int{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

func TestParseLayout(t *testing.T) {
	const minimal = "date,space:1,time:5,space:2,duration:8,space:1,calling:4,called:4"
	tests := []struct {
		spec  string
		width int
		want  string // in the error; "" for none
	}{
		{minimal, 30, ""},
		{" DATE , space : 1 ,time:8,duration:10,calling:7,called:7,tta:4,ani:20", 5 + 1 + 8 + 10 + 7 + 7 + 4 + 20, ""},
		{minimal + ",caller-id:10", 0, `item 9: unknown item "caller-id"`},
		{minimal + ",calling:4", 0, "item 9: calling appears twice"},
		{minimal + ",ani", 0, "ani: length missing, want 1 to 20"},
		{minimal + ",account:13", 0, "account: length 13, want 1 to 12"},
		{minimal + ",tta:x", 0, `tta: length "x" is no number`},
		{"date,time:6,duration:8,calling:4,called:4", 0, "time: length 6, want 5 or 8"},
		{"date,time:5,duration:9,calling:4,called:4", 0, "duration: length 9, want 8 or 10"},
		{"date,time:5,calling:4,called:4", 0, "no duration item"},
		{"date,time:5,duration:8,calling:4", 0, "no called item"},
		{"", 0, `unknown item ""`},
	}
	for _, tt := range tests {
		l, err := parseLayout("custom fields", tt.spec)
		if dt.CheckError(t, fmt.Sprintf("parseLayout(%q)", tt.spec), err, tt.want) && l.width != tt.width {
			t.Errorf("parseLayout(%q): width %d, want %d", tt.spec, l.width, tt.width)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "mitel-mivb", []dt.SettingsRefusal{
		{map[string]string{"clock": "13"}, "want one of 24, 12"},
		{map[string]string{"extended-digits": "maybe"}, "want one of auto, yes, no"},
		{map[string]string{"extended-reporting": "level3"}, "want one of off, level1, level2"},
		{map[string]string{"ani": "yes"}, `no setting "ani"`},
		{map[string]string{"fields": "date,time:5"}, "setting fields: no duration item"},
	})
	if _, err := New(drivers.Config{Settings: map[string]string{}}); err == nil {
		t.Error("New without a zone or settings: no error")
	}
}

// TestLayoutSettings reads records with the settings that choose their
// layout, and records of another layout, which must be rejected.
func TestLayoutSettings(t *testing.T) {
	const (
		standard = " 12/01 09:00  00:01:00 T101  003 2201                        2201                    000"
		extended = " 12/01 09:00  0000:01:00 T1001    003 2201                        2201                          001"
		withANI  = standard + "   6135550147 6135552201"
		withOLI  = withANI + " C0029410A C0029410"
	)
	tests := []struct {
		settings map[string]string
		line     string
		want     string // the call's extension/external/call ID, or the error
	}{
		{nil, standard, "2201//"},
		{nil, extended, "2201//"},
		{map[string]string{"extended-digits": "yes"}, extended, "2201//"},
		{map[string]string{"extended-digits": "no"}, extended, `field 15 (duration) "0000:01:": want hh:mm:ss`},
		{map[string]string{"extended-digits": "yes"}, standard, `field 15 (duration) "00:01:00 T": want hhhh:mm:ss`},
		{nil, withOLI, "2201/6135550147/C0029410A"},
		{map[string]string{"network-oli": "no"}, withANI, "2201/6135550147/"},
		{map[string]string{"network-oli": "no"}, withOLI, "field 113 (end of record)"},
		{map[string]string{"ani-dnis": "no"}, withOLI, "2201//C0029410A"},
		{map[string]string{"ani-dnis": "no", "network-oli": "no"}, withANI, "112 characters, but the standard layout has 90"},
		{map[string]string{"extended-tta": "yes"}, standard, "2201//"}, // a blank and " 003" read the same
	}
	for _, tt := range tests {
		got := dt.ParseText(t, openParser(t, tt.settings), tt.line)
		result := strings.Join(got.Errs, "; ")
		if len(got.Calls) == 1 {
			c := got.Calls[0]
			result = c.Extension + "/" + c.External + "/" + c.CallID
		}
		if !strings.Contains(result, tt.want) {
			t.Errorf("%v %q: got %q, want %q", tt.settings, tt.line[:20], result, tt.want)
		}
	}
}

// TestReadmeLayout holds README.md's standard layout, written as a
// fields setting, to the preset.
func TestReadmeLayout(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, _ := strings.Cut(string(b), "```\nlong-call:1")
	block, _, _ = strings.Cut("long-call:1"+block, "\n```")
	_, spec := presetSpec(preset{extendedDigits: no, reporting: reportingOff}, false)
	if got := strings.ReplaceAll(block, "\n", ""); got != spec {
		t.Errorf("README.md has\n%s\nthe preset is\n%s", got, spec)
	}
}
