package openscape4000

import (
	"fmt"
	"os"
	"strings"
	"testing"

	dt "calltally.app/drivers/driverstest"
)

// TestDefaultLayout holds the default layout to the byte positions of
// Unify's example data record (README.md, "The default layout").
func TestDefaultLayout(t *testing.T) {
	l, err := parseLayout(defaultLayout, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"RID": 1, "L": 3, "SWP": 7, "STNID": 9, "CHRGEE": 10, "PIN": 16, "TKNOLIST": 28,
		"ROUTCN": 34, "DESTPTY": 36, "NETTYPE": 58, "SERVICE": 59, "SPEED": 60, "CHRGUNIT": 61, "ENDYEAR": 65,
		"DURHOUR": 78, "MSGNO": 85, "SIGDATA": 90}
	for _, f := range l.fields {
		if col, ok := want[f.name]; ok && col != f.col+1 {
			t.Errorf("%s at column %d, want %d", f.name, f.col+1, col)
		}
	}
	// The documentation's L is "0084": the bytes after it.
	if f := l.field(elemLength); l.width != 90 || l.width-f.col-f.width != 84 {
		t.Errorf("width %d, %d after L; want 90, 84", l.width, l.width-f.col-f.width)
	}
}

func TestParseLayout(t *testing.T) {
	base := ",CHRGEE,ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DURSEC"
	tests := []struct {
		spec  string
		sep   byte
		width int
		want  string // in the error; "" for none
	}{
		{" rid , chrgee:8, fill:3, endmonth,endday,endhour,endmin, dursec:5", 0, 2 + 8 + 3 + 8 + 5, ""},
		{"CHRGEE,ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DURMIN,ENDYEAR:4", 0, 6 + 8 + 2 + 4, ""},
		{"CHRGEE,CALLDIR,ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DURSEC", ';', 0, ""},
		{"CHRGEE,CALLDIR,ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DURSEC", 0, 0, "CALLDIR: give its length"},
		{"FILL" + base, 0, 0, "FILL: give its length"},
		{"DIALLED:20" + base, 0, 0, `element 1: unknown element "DIALLED"`},
		{"FILL:0" + base, 0, 0, `length "0", want 1 to 1020`},
		{"FILL:x" + base, 0, 0, `length "x"`},
		{"ENDYEAR:3" + base, 0, 0, "ENDYEAR: length 3, want 2 or 4"},
		{"RID:3" + base, 0, 0, "RID: length 3, want 2"},
		{"DURSEC" + base, 0, 0, "DURSEC appears twice"},
		{"L" + base + ",RID", 0, 0, "RID must be the first element"},
		{"ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DURSEC", 0, 0, "no CHRGEE element"},
		{"CHRGEE,ENDDAY,ENDHOUR,ENDMIN,DURSEC", 0, 0, "needs ENDMONTH, ENDDAY, ENDHOUR and ENDMIN"},
		{"CHRGEE,ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DUR10", 0, 0, "no call duration"},
		{"", 0, 0, `unknown element ""`},
	}
	for _, tt := range tests {
		l, err := parseLayout(tt.spec, tt.sep)
		if dt.CheckError(t, fmt.Sprintf("parseLayout(%q)", tt.spec), err, tt.want) && l.width != tt.width {
			t.Errorf("parseLayout(%q): width %d, want %d", tt.spec, l.width, tt.width)
		}
	}
}

func TestParseDirections(t *testing.T) {
	tests := []struct {
		spec string
		want string // the directions of codes A, B in order, or the error
	}{
		{"a=inbound, B = Outbound", "inbound outbound"},
		{"", " "},
		{"A=inbound,B", `entry 2 "B": want CODE=direction`},
		{"=inbound", "want CODE=direction"},
		{"A=incoming", `direction "incoming"`},
		{"A=inbound,a=outbound", "code A appears twice"},
	}
	for _, tt := range tests {
		dirs, err := parseDirections(tt.spec)
		got := string(dirs["A"]) + " " + string(dirs["B"])
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("parseDirections(%q) = %q, want %q", tt.spec, got, tt.want)
		}
	}
}

func TestOpenRejectsSettings(t *testing.T) {
	dt.CheckOpenRefuses(t, "openscape-4000", []dt.SettingsRefusal{
		{map[string]string{"separator": ";"}, "want one of"},
		{map[string]string{"layout": "CHRGEE:6"}, "setting layout: no end-of-connection"},
		{map[string]string{"call-directions": "I=in"}, "setting call-directions: entry 1"},
		{map[string]string{"fields": "RID"}, `no setting "fields"`},
	})
}

// TestSeparators reads one record written with each separator.
func TestSeparators(t *testing.T) {
	const layout = "CHRGEE,ENDMONTH,ENDDAY,ENDHOUR,ENDMIN,DURSEC,TKNOLIST"
	values := []string{"4711", "11", "20", "10", "00", "90", "101"}
	for name, sep := range separators {
		if sep == 0 {
			continue
		}
		p := openParser(t, map[string]string{"separator": name, "layout": layout})
		got := dt.ParseText(t, p, strings.Join(values, string(sep)))
		if len(got.Calls) != 1 || got.Calls[0].Duration != 90 || got.Calls[0].Trunk != "101" {
			t.Errorf("separator=%s: calls %+v, errors %q", name, got.Calls, got.Errs)
		}
	}
}

// TestRecommendedLayout holds README.md's recommended layout to its
// stated length, and to the one the tests and fuzzing use.
func TestRecommendedLayout(t *testing.T) {
	l, err := parseLayout(fullLayout, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f := l.field(elemLength); l.width != 112 || l.width-f.col-f.width != 106 {
		t.Errorf("width %d, %d after L; want 112, 106", l.width, l.width-f.col-f.width)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "`"+fullLayout+"`") {
		t.Error("README.md does not show the recommended layout")
	}
	if got := strings.Join(dt.ReadLines(t, "testdata/full-layout/settings"), "\n"); !strings.Contains(got, "layout="+fullLayout) {
		t.Error("testdata/full-layout/settings does not use the recommended layout")
	}
}
