package custom

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// TestGolden parses every testdata/<case>/input.* by the layout in its
// settings file and compares the calls with want.jsonl and the rejected
// records with want.err.
func TestGolden(t *testing.T) { dt.Golden(t, "custom") }

func openLayout(t testing.TB, layout string) drivers.Parser {
	t.Helper()
	return dt.Open(t, "custom", map[string]string{"layout": layout})
}

// minimal is the smallest layout that reads calls: a start, a duration
// and the two numbers.
const minimal = `{"format": "delimited", "fields": {"start": {"column": 1, "format": "YYYY-MM-DD hh:mm:ss"},
	"duration": {"column": 2}, "calling": {"column": 3}, "called": {"column": 4}}}`

func berlin(t testing.TB) *time.Location { return dt.Location(t, dt.Zone) }

// berlinNow is the golden arrival time, for records made up in tests.
func berlinNow(t testing.TB) time.Time { return dt.FixedClock().In(berlin(t)) }

// parse feeds lines (one record each, numbered from 1) to a parser opened
// with layout.
func parse(t testing.TB, layout string, lines ...string) dt.Parsed {
	t.Helper()
	return dt.ParseText(t, openLayout(t, layout), lines...)
}

// oneCall parses lines that make exactly one call, legs joined by their
// Key as storage joins them, and returns it.
func oneCall(t *testing.T, layout string, lines ...string) drivers.Call {
	t.Helper()
	return dt.OneCall(t, drivers.NewJoiner(openLayout(t, layout), drivers.FinalAnswerer), lines...)
}

func TestRegistration(t *testing.T) {
	d, err := drivers.Lookup("custom")
	if err != nil {
		t.Fatal(err)
	}
	all := []drivers.Transport{drivers.TCPListen, drivers.TCPDial, drivers.Folder, drivers.SFTP, drivers.SFTPReceive, drivers.Syslog}
	for _, tr := range all {
		if !d.Supports(tr) {
			t.Errorf("does not support %s", tr)
		}
	}
	s, ok := d.Setting("layout")
	if !ok || s.Default != "" || len(s.Values) > 0 || len(d.Settings) != 1 {
		t.Errorf("settings %+v: want the one free-text setting layout, no default", d.Settings)
	}
	if d.Encode != nil || d.Split != nil || d.Session != nil {
		t.Error("want no Encode, Split or Session: records are lines in any layout")
	}
}

// TestNewRequiresLayout: without a layout there is nothing to read by.
func TestNewRequiresLayout(t *testing.T) {
	d, err := drivers.Lookup("custom")
	if err != nil {
		t.Fatal(err)
	}
	for _, settings := range []map[string]string{nil, {"layout": ""}, {"layout": " \n "}} {
		_, err := d.Open(drivers.Config{Location: berlin(t), Settings: settings})
		if err == nil || !strings.Contains(err.Error(), "layout: a layout is required") || !strings.Contains(err.Error(), "README") {
			t.Errorf("Open(%q): %v, want the layout-required message pointing to the README", settings, err)
		}
	}
	if _, err := New(drivers.Config{Settings: map[string]string{"layout": minimal}}); err == nil {
		t.Error("New without a time zone: no error")
	}
}

// TestPreamble: lines without a digit are passed again in every file,
// as they may be the header naming the columns; records never are.
func TestPreamble(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Start Time,Dir,From,To,Ext", true},
		{"\uFEFFcallid;start;talk", true},
		{"# exported by the PBX", true},
		{"2026-03-02 09:14:00,O,201,004930123456", false},
		{"Line1,Line2", false},
	}
	for _, tt := range tests {
		if got := hasNoDigit(tt.text); got != tt.want {
			t.Errorf("hasNoDigit(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// parseAll parses text, one record per line, arriving at the golden clock.
func parseAll(t testing.TB, p drivers.Parser, text string) dt.Parsed {
	t.Helper()
	return dt.ParseReader(t, nil, p, "test", strings.NewReader(text))
}
