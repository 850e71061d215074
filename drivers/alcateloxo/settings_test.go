package alcateloxo

import (
	"fmt"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestDefaultLayout pins the default statement's columns to the table in
// README.md (1-based).
func TestDefaultLayout(t *testing.T) {
	l, err := parseLayout(defaultFields)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		code       string
		col, width int
	}{{"SUB", 1, 5}, {"TYP", 7, 3}, {"TRK", 11, 3}, {"DAT", 15, 8}, {"TIM", 24, 5}, {"DUR", 30, 8},
		{"TAX", 39, 5}, {"SER", 45, 2}, {"FAC", 48, 5}, {"DNU", 54, 20}}
	if len(l.cols) != len(want) {
		t.Fatalf("%d columns, want %d", len(l.cols), len(want))
	}
	for i, w := range want {
		if c := l.cols[i]; c.code != w.code || c.col+1 != w.col || c.width != w.width {
			t.Errorf("column %d: %s at %d, width %d; want %s at %d, width %d", i+1, c.code, c.col+1, c.width, w.code, w.col, w.width)
		}
	}
}

func TestParseLayout(t *testing.T) {
	tests := []struct {
		spec  string
		cols  int
		width int // of the last column
		want  string
	}{
		{defaultFields, 10, 20, ""},
		{allFields, 16, 16, ""},
		{eightDigitFields, 12, 20, ""},
		{" sub , typ:3, TRK, dat:10, tim, dur, dnu:26 ", 7, 26, ""},
		{"SUB,TYP,TRK,TIM,DUR,SKIP:7,NOD:4", 7, 4, ""},
		{"IUS,SUB,TRK,DAT,TIM,DUR", 6, 8, ""}, // direction from the initial user
		{"SUB,TYP,TRK,DAT,TIM,DUR,DNO", 0, 0, `field 7: unknown field code "DNO"`},
		{"SUB,TYP,TRK,DAT,TIM,DUR,SKIP", 0, 0, "SKIP: give its width"},
		{"SUB,TYP:0,TIM,DUR", 0, 0, `TYP: width "0", want 1 to 99`},
		{"SUB,TYP:x,TIM,DUR", 0, 0, `TYP: width "x"`},
		{"SUB,TYP,TIM,DUR,SU8", 0, 0, "field 5: SU8 repeats the charged user (sub)"},
		{"SUB,TYP,TRK,TR4,TIM,DUR", 6, 8, ""},
		{"TYP,TRK,DAT,TIM,DUR", 0, 0, "no charged user"},
		{"SUB,TYP,DAT,DUR", 0, 0, "no time (TIM)"},
		{"SUB,TYP,DAT,TIM", 0, 0, "no duration (DUR)"},
		{"SUB,TRK,DAT,TIM,DUR", 0, 0, "no call type (TYP) nor initial user"},
		{"", 0, 0, `field 1: unknown field code ""`},
	}
	for _, tt := range tests {
		l, err := parseLayout(tt.spec)
		ok := dt.CheckError(t, fmt.Sprintf("parseLayout(%q)", tt.spec), err, tt.want)
		if ok && (len(l.cols) != tt.cols || l.cols[len(l.cols)-1].width != tt.width) {
			t.Errorf("parseLayout(%q): %d columns, the last %d wide; want %d, %d", tt.spec, len(l.cols), l.cols[len(l.cols)-1].width, tt.cols, tt.width)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, ID, []dt.SettingsRefusal{
		{map[string]string{"date-order": "yy/mm/dd"}, "want one of"},
		{map[string]string{"fields": "SUB,TYP,TIM"}, "setting fields: no duration"},
		{map[string]string{"voicemail": "500,VMU"}, `setting voicemail: "VMU"`},
		{map[string]string{"mode": "ticket"}, `no setting "mode"`},
	})
}

// TestVariantsOpen: every variant detection tries is a valid setting.
func TestVariantsOpen(t *testing.T) {
	d, err := drivers.Lookup(ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Variants) == 0 {
		t.Fatal("no variants")
	}
	for _, v := range d.Variants {
		if _, err := d.Open(drivers.Config{Settings: v}); err != nil {
			t.Errorf("variant %v: %v", v, err)
		}
	}
}

// TestVoicemailSetting: the voice mail unit's number, with or without
// its A, makes the calls it takes voicemail.
func TestVoicemailSetting(t *testing.T) {
	const line = "A207  A500  <-- N01 02/12/25 10:15 00:00:40     0 ST       0387654321"
	fields := "IUS,SUB,TYP,TRK,DAT,TIM,DUR,TAX,SER,FAC,DNU"
	tests := []struct {
		voicemail string
		wantExt   string
		wantVM    bool
	}{
		{"", "500", false},
		{"500", "207", true},
		{" A500 , 501", "207", true},
		{"501", "500", false},
	}
	for _, tt := range tests {
		got := parseLines(t, map[string]string{"fields": fields, "voicemail": tt.voicemail}, line)
		if len(got.Calls) != 1 || got.Calls[0].Extension != tt.wantExt || got.Calls[0].Voicemail != tt.wantVM || !got.Calls[0].Answered {
			t.Errorf("voicemail=%q: calls %+v, errors %q; want extension %s, voicemail %v", tt.voicemail, got.Calls, got.Errs, tt.wantExt, tt.wantVM)
		}
	}
}

// TestDateOrder reads the same statement with each date order.
func TestDateOrder(t *testing.T) {
	const line = "A101  --> N01 05/03/26 09:15 00:01:00     1 ST       0145678901"
	tests := []struct{ order, want string }{
		{dayFirst, "2026-03-05T09:15:00"},
		{monthFirst, "2026-05-03T09:15:00"},
	}
	for _, tt := range tests {
		got := parseLines(t, map[string]string{"date-order": tt.order}, line)
		if len(got.Calls) != 1 || got.Calls[0].Start.Format(drivers.WallClock) != tt.want {
			t.Errorf("date-order=%s: calls %+v, errors %q; want start %s", tt.order, got.Calls, got.Errs, tt.want)
		}
	}
}
