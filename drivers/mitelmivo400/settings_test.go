package mitelmivo400

import (
	"fmt"
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// TestPresets holds the format layouts to the offsets of the manuals'
// tables (0-based, the tab at 0; README.md, "Record layouts").
func TestPresets(t *testing.T) {
	tests := []struct {
		format     string
		width      int
		twoDigitSC bool
		offsets    map[fieldID]int
	}{
		{formatPC5, 209, false, map[fieldID]int{fieldNo: 1, fieldCC: 14, fieldSC: 24, fieldDate: 28, fieldTime: 35,
			fieldDuration: 41, fieldCharges: 50, fieldMetpul: 61, fieldExch: 67, fieldID1: 73, fieldID2: 94,
			fieldDest1: 115, fieldDest2: 156, fieldTTA: 197, fieldSeq: 201, fieldSerial: 205}},
		{formatPC4, 140, true, map[fieldID]int{fieldNo: 1, fieldCC: 7, fieldSC: 17, fieldDate: 20, fieldTime: 27,
			fieldDuration: 33, fieldExch: 42, fieldDDI: 48, fieldMetpul: 60, fieldDest1: 66, fieldDest2: 107,
			fieldTTA: 128, fieldSeq: 132, fieldSerial: 136}},
		{formatPC3, 99, true, map[fieldID]int{fieldNo: 1, fieldCC: 7, fieldSC: 17, fieldDate: 20, fieldTime: 27,
			fieldDuration: 33, fieldExch: 42, fieldDDI: 48, fieldMetpul: 60, fieldDest1: 66, fieldTTA: 87,
			fieldSeq: 91, fieldSerial: 95}},
		{formatPC2, 91, true, map[fieldID]int{fieldNo: 1, fieldCC: 7, fieldSC: 17, fieldDate: 20, fieldTime: 27,
			fieldDuration: 33, fieldExch: 42, fieldDDI: 48, fieldMetpul: 60, fieldDest1: 66, fieldSerial: 87}},
		{formatPC1, 69, true, map[fieldID]int{fieldNo: 1, fieldSC: 7, fieldDate: 10, fieldTime: 17,
			fieldDuration: 23, fieldExch: 32, fieldMetpul: 38, fieldDest1: 44, fieldSerial: 65}},
	}
	for _, tt := range tests {
		l := presets[tt.format]
		if l.width != tt.width || l.twoDigitSC != tt.twoDigitSC || len(l.fields) != len(tt.offsets) {
			t.Errorf("%s: width %d, two-digit SC %v, %d fields; want %d, %v, %d",
				tt.format, l.width, l.twoDigitSC, len(l.fields), tt.width, tt.twoDigitSC, len(tt.offsets))
		}
		for _, f := range l.fields {
			if want, ok := tt.offsets[f.id]; !ok || f.col != want {
				t.Errorf("%s: %s at %d, want %d", tt.format, f.label, f.col, want)
			}
		}
	}
}

func TestParseLayout(t *testing.T) {
	tests := []struct {
		spec  string
		width int
		want  string // in the error; "" for none
	}{
		{"sc:3,date:6,time:5,duration:8", 1 + 3 + 1 + 6 + 1 + 5 + 1 + 8, ""},
		{" NO:4 , SC:2,skip:7, Date:6,time:5,duration:8,skip:3", 1 + 4 + 1 + 2 + 1 + 7 + 1 + 6 + 1 + 5 + 1 + 8 + 1 + 3, ""},
		{"sc:3,date:6,time:5,duration:8,tta:4", 1 + 3 + 1 + 6 + 1 + 5 + 1 + 8 + 1 + 4, ""},
		{"sc:3,date:6,time:5,duration:8,user:5", 0, `field 5: unknown field "user" (known: cc, charges,`},
		{"sc:3,date:6,time:5,duration", 0, `field 4: duration: length "", want 1 to 99`},
		{"sc:3,date:6,time:5,duration:8,no:0", 0, `no: length "0", want 1 to 99`},
		{"sc:3,date:6,time:5,duration:8,no:100", 0, `no: length "100"`},
		{"sc:4,date:6,time:5,duration:8", 0, "sc: length 4, want 2 or 3"},
		{"sc:3,date:8,time:5,duration:8", 0, "date: length 8, want 6"},
		{"sc:3,date:6,time:8,duration:8", 0, "time: length 8, want 5"},
		{"sc:3,date:6,time:5,duration:6", 0, "duration: length 6, want 8"},
		{"sc:3,date:6,time:5,duration:8,sc:3", 0, "field 5: sc appears twice"},
		{"date:6,time:5,duration:8", 0, "no sc field"},
		{"sc:3,time:5,duration:8", 0, "no date field"},
		{"sc:3,date:6,duration:8", 0, "no time field"},
		{"sc:3,date:6,time:5", 0, "no duration field"},
		{"", 0, `unknown field ""`},
	}
	for _, tt := range tests {
		l, err := parseLayout("test", tt.spec, true)
		if dt.CheckError(t, fmt.Sprintf("parseLayout(%q)", tt.spec), err, tt.want) && l.width != tt.width {
			t.Errorf("parseLayout(%q): width %d, want %d", tt.spec, l.width, tt.width)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, ID, []dt.SettingsRefusal{
		{map[string]string{"format": "pc6"}, "want one of pc5, pc4, pc3, pc2, pc1"},
		{map[string]string{"format": "protocol"}, "want one of"},
		{map[string]string{"date-order": "mmddyy"}, "want one of yymmdd, ddmmyy"},
		{map[string]string{"caller-id": "clip"}, "want one of id2, id1"},
		{map[string]string{"outbound-number": "lcr"}, "want one of dest1, dest2"},
		{map[string]string{"data-protection": "yes"}, "want one of off, on"},
		{map[string]string{"fields": "sc:3,date:6"}, "setting fields: no time field"},
		{map[string]string{"voicemail": "899,VM"}, `setting voicemail: "VM": want user numbers`},
		{map[string]string{"trunk": "exch"}, `has no setting "trunk"`},
	})
}

// TestNumberSettings reads the same incoming and outgoing records with
// each caller-id and outbound-number.
func TestNumberSettings(t *testing.T) {
	in := line(t, fields{fieldSC: "321", fieldID1: "0301234000", fieldID2: "0301234567", fieldDest1: " ", fieldDest2: "22", fieldSeq: "017"})
	withheld := line(t, fields{fieldSC: "321", fieldID1: " ", fieldID2: "0301234567", fieldDest1: " ", fieldDest2: "22", fieldSeq: "018"})
	out := line(t, fields{fieldDest1: "107990326243354", fieldDest2: "0326243354"})
	outOne := line(t, fields{fieldDest1: " ", fieldDest2: "0326243354"})
	tests := []struct {
		settings          map[string]string
		text              string
		external, dialled string
	}{
		{nil, in, "0301234567", "22"},
		{map[string]string{"caller-id": "id1"}, in, "0301234000", "22"},
		{map[string]string{"caller-id": "id1"}, withheld, "0301234567", "22"},
		{nil, out, "107990326243354", "0326243354"},
		{map[string]string{"outbound-number": "dest2"}, out, "0326243354", "0326243354"},
		{nil, outOne, "0326243354", "0326243354"},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, tt.settings), tt.text)
		if c.External != tt.external || c.Dialled != tt.dialled {
			t.Errorf("%v: external %q, dialled %q; want %q, %q", tt.settings, c.External, c.Dialled, tt.external, tt.dialled)
		}
	}
}

// TestVoicemailSetting: a call the voicemail takes counts as voicemail
// only where its user number is set.
func TestVoicemailSetting(t *testing.T) {
	rang := line(t, fields{fieldNo: "214", fieldSC: "322", fieldDuration: "00H00M00", fieldTTA: "018", fieldID2: "040555666", fieldDest2: "14", fieldSeq: "104"})
	took := line(t, fields{fieldNo: "899", fieldSC: "323", fieldDuration: "00H00M12", fieldID2: "040555666", fieldDest2: "14", fieldSeq: "104"})
	tests := []struct {
		voicemail, extension string
		isVoicemail          bool
	}{
		{"", "899", false},
		{"899", "214", true},
		{" 898 , 899 ", "214", true},
		{"898", "899", false},
	}
	for _, tt := range tests {
		c := oneCall(t, openParser(t, map[string]string{"voicemail": tt.voicemail}), rang, took)
		if c.Extension != tt.extension || c.Voicemail != tt.isVoicemail || !c.Answered || len(c.Legs) != 2 {
			t.Errorf("voicemail=%q: extension %q, voicemail %v, answered %v, %d legs; want %q, %v, true, 2",
				tt.voicemail, c.Extension, c.Voicemail, c.Answered, len(c.Legs), tt.extension, tt.isVoicemail)
		}
	}
}

// TestFieldsOverridesFormat: the fields setting replaces the format's
// layout, keeping the format's justification.
func TestFieldsOverridesFormat(t *testing.T) {
	l, err := formatLayout(formatPC4, "no:5,sc:2,date:6,time:5,duration:8")
	if err != nil || l.rightNumbers || !l.twoDigitSC || l.width != 31 {
		t.Fatalf("layout %+v, error %v", l, err)
	}
	if l, err := formatLayout(formatPC5, "  "); err != nil || l != presets[formatPC5] {
		t.Errorf("blank fields: layout %v, error %v; want the pc5 preset", l, err)
	}
}
