package avayacm

import (
	"fmt"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestDefaultLayout holds the default fields setting to the recommended
// layout's table in README.md (1-based columns).
func TestDefaultLayout(t *testing.T) {
	l, err := parseLayout(formatCustomized, defaultFields)
	if err != nil {
		t.Fatal(err)
	}
	want := map[itemID]int{
		itemDate: 1, itemTime: 8, itemSecDur: 13, itemDuration: 19, itemCond: 24, itemCodeDial: 26,
		itemCodeUsed: 31, itemInTrk: 36, itemDialed: 41, itemCalling: 65, itemAccount: 81,
	}
	for _, f := range l.fields {
		if want[f.id] != f.col+1 {
			t.Errorf("%s at column %d, want %d", f.name, f.col+1, want[f.id])
		}
		delete(want, f.id)
	}
	if len(want) > 0 || l.width != 100 || l.open {
		t.Errorf("missing %v, width %d, open %v; want none, 100, false", want, l.width, l.open)
	}
}

// TestStandardLayouts checks the formats against the positions the Admin
// Guides give (README.md, "Standard formats").
func TestStandardLayouts(t *testing.T) {
	tests := []struct {
		format    string
		width     int
		open      bool
		tacCaller bool
		cols      map[itemID]int
	}{
		{formatPrinter, 77, true, true, map[itemID]int{itemTime: 1, itemDuration: 6, itemCond: 11, itemCodeDial: 13,
			itemCodeUsed: 17, itemDialed: 21, itemCalling: 37, itemAccount: 43}},
		{formatTeleseer, 76, false, true, map[itemID]int{itemTime: 4, itemDuration: 8, itemCond: 12, itemCodeDial: 13,
			itemCodeUsed: 16, itemDialed: 19, itemCalling: 34, itemAccount: 39}},
		{formatExpanded, 64, true, false, map[itemID]int{itemTime: 1, itemDuration: 6, itemCond: 11, itemCodeDial: 13,
			itemCodeUsed: 18, itemDialed: 23, itemCalling: 39, itemAccount: 50}},
	}
	for _, tt := range tests {
		l := standardLayouts[tt.format]
		if l.width != tt.width || l.open != tt.open || l.tacCaller != tt.tacCaller || len(l.fields) != len(tt.cols) {
			t.Errorf("%s: width %d open %v tacCaller %v, %d items; want %d %v %v, %d", tt.format,
				l.width, l.open, l.tacCaller, len(l.fields), tt.width, tt.open, tt.tacCaller, len(tt.cols))
		}
		for _, f := range l.fields {
			if tt.cols[f.id] != f.col+1 {
				t.Errorf("%s: %s at column %d, want %d", tt.format, f.name, f.col+1, tt.cols[f.id])
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
		{" DATE , time:4,sec-dur:6, cond-code, vdn:7, return, line-feed, null:3", 6 + 4 + 6 + 1 + 7, ""},
		{"time,duration,cond-code", 9, ""},
		{"date:4,time,sec-dur,cond-code", 14, ""},
		{"time,sec-dur,cond-code,dialled-num:23", 0, `item 4: unknown data item "dialled-num"`},
		{"time,sec-dur,cond-code,vdn", 0, "vdn: give its length"},
		{"time,sec-dur,cond-code,space:0", 0, `length "0", want 1 to 99`},
		{"time,sec-dur,cond-code,space:x", 0, `length "x"`},
		{"date:5,time,sec-dur,cond-code", 0, "date: length 5, want 4 or 6"},
		{"time:6,sec-dur,cond-code", 0, "time: length 6, want 4"},
		{"time,sec-dur:10,cond-code", 0, "want at most 9"},
		{"time,sec-dur,cond-code,time", 0, "time appears twice"},
		{"time,sec-dur,cond-code,return,line-feed,frl", 0, "item 6 (frl): return, line-feed and null must end the record"},
		{"sec-dur,cond-code", 0, "no time item"},
		{"time,sec-dur", 0, "no cond-code item"},
		{"time,cond-code,calling-num", 0, "no sec-dur or duration item"},
		{"", 0, `unknown data item ""`},
	}
	for _, tt := range tests {
		l, err := parseLayout(formatCustomized, tt.spec)
		if dt.CheckError(t, fmt.Sprintf("parseLayout(%q)", tt.spec), err, tt.want) && l.width != tt.width {
			t.Errorf("parseLayout(%q): width %d, want %d", tt.spec, l.width, tt.width)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "avaya-cm", []dt.SettingsRefusal{
		{map[string]string{"format": "unformatted"}, "want one of"},
		{map[string]string{"date-format": "year/month"}, "want one of"},
		{map[string]string{"ineffective": "busy"}, "want one of"},
		{map[string]string{"fields": "time,sec-dur"}, "setting fields: no cond-code item"},
	})
}

// TestFieldsIgnoredByStandardFormats: a broken fields setting does not
// matter where the format is not customized.
func TestFieldsIgnoredByStandardFormats(t *testing.T) {
	p := openParser(t, map[string]string{"format": "printer", "fields": "nonsense"})
	got := dt.ParseText(t, p, "0302", "0914 0020 7   9 101 004930123456    4201")
	if len(got.Calls) != 1 || got.Calls[0].Duration != 120 {
		t.Errorf("calls %+v, errors %q", got.Calls, got.Errs)
	}
}

// TestDateFormat reads the same record with each CDR Date Format.
func TestDateFormat(t *testing.T) {
	const line = "050326 0916 00060 0010 0                4123                    4122"
	tests := []struct{ setting, want string }{
		{"month/day", "2026-05-03T09:15:00"},
		{"day/month", "2026-03-05T09:15:00"},
	}
	for _, tt := range tests {
		got := dt.ParseText(t, openParser(t, map[string]string{"date-format": tt.setting}), line)
		if len(got.Calls) != 1 || got.Calls[0].Start.Format(drivers.WallClock) != tt.want {
			t.Errorf("date-format=%s: calls %+v, errors %q; want start %s", tt.setting, got.Calls, got.Errs, tt.want)
		}
	}
}
