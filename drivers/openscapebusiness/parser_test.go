package openscapebusiness

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
)

// TestJoinSegments checks which records become one call: a segment that
// carries a call on (5 to 8) joins the call on its trunk that ended
// closest to when it began, within the transfer gap (30s by default).
func TestJoinSegments(t *testing.T) {
	const (
		first = "02.03.26|09:00:46|201|100|00:06|00:00:40|0891234567||1|" // 09:00:00 to 09:00:46
		other = "02.03.26|09:00:50|201|101|00:02|00:00:30|0891234999||1|" // 09:00:18 to 09:00:50, same trunk
	)
	tests := []struct {
		name  string
		lines []string
		want  string // each call's legs' parties, calls separated by blanks
	}{
		{"adjacent", []string{first, "02.03.26|09:03:09|201|211|00:08|00:02:15|0891234567||5|"}, "100,211"},
		{"overlapping by the gap", []string{first, "02.03.26|09:02:39|201|211|00:08|00:02:15|0891234567||5|"}, "100,211"},
		{"after the gap", []string{first, "02.03.26|09:03:40|201|211|00:08|00:02:15|0891234567||5|"}, "100 211"},
		{"other trunk", []string{first, "02.03.26|09:03:09|202|211|00:08|00:02:15|0891234567||5|"}, "100 211"},
		{"a new call on the trunk", []string{first, "02.03.26|09:03:09|201|211|00:08|00:02:15|0891234567||1|"}, "100 211"},
		{"outgoing transferred", []string{"02.03.26|09:02:30|202|212||00:01:30|0301234567|12|2|", "02.03.26|09:03:30|202|213||00:01:00|0301234567|5|6|"}, "212,213"},
		{"conference", []string{first, "02.03.26|09:01:46|201|102|00:00|00:01:00|0891234567||7|"}, "100,102"},
		{"the nearest of two", []string{first, other, "02.03.26|09:01:10|201|211|00:05|00:00:15|0891234567||5|"}, "100 101,211"},
		{"twice", []string{first, "02.03.26|09:03:09|201|211|00:08|00:02:15|0891234567||5|", "02.03.26|09:04:10|201|212|00:01|00:01:00|0891234567||5|"}, "100,211,212"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseJoined(t, nil, tt.lines...)
			if len(got.Errs) > 0 {
				t.Fatal(got.Errs)
			}
			if s := parties(got.Calls); s != tt.want {
				t.Errorf("calls %q, want %q", s, tt.want)
			}
		})
	}
}

func parties(calls []drivers.Call) string {
	var all []string
	for _, c := range calls {
		var legs []string
		for _, l := range c.Legs {
			legs = append(legs, l.Party)
		}
		all = append(all, strings.Join(legs, ","))
	}
	return strings.Join(all, " ")
}

// TestJoinedTotals checks a transferred call as storage shows it: from
// the first segment's start, the talk of all, the answerers in order.
func TestJoinedTotals(t *testing.T) {
	c := oneCall(t, nil,
		"02.03.26|09:00:46|201|100|00:06|00:00:40|0891234567|3|1|",
		"02.03.26|09:03:09|201|211|00:08|00:02:15|0891234567|4|5|",
	)
	if c.Start.Format(drivers.WallClock) != "2026-03-02T09:00:00" || c.Duration != 175 || c.Ring != 6 ||
		c.Extension != "211" || c.FirstAnswerer != "100" || c.TransferredFrom != "100" || c.ChargeUnits != 7 {
		t.Errorf("got %+v", c)
	}
}

// TestChainsExpire lets calls go once no segment can carry them on (the
// PBX stops a segment's duration at 23:59:59), when a trunk's list of
// calls doubles.
func TestChainsExpire(t *testing.T) {
	p := rawParser(t)
	day := time.Date(2026, 3, 2, 8, 0, 0, 0, berlin(t))
	parse := func(id int, end time.Time) {
		t.Helper()
		text := end.Format("02.01.06|15:04:05") + "|201|100|00:06|00:00:40|0891234567||1|"
		if _, err := p.Parse(drivers.Record{ID: int64(id), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 100 { // a busy day on trunk 201: a call every five minutes
		parse(i, day.Add(time.Duration(i)*5*time.Minute))
	}
	if n := len(p.chains["201"]); n != 100 {
		t.Fatalf("%d calls kept after a day, want all 100", n)
	}
	for i := range 30 { // the next day, 28 from the first day's start
		parse(100+i, day.Add(28*time.Hour+time.Duration(i)*time.Minute))
	}
	// With 128 calls kept the list is compacted, as the call ending at
	// 12:28 comes: the 54 calls of the first day that ended before 12:28
	// are let go.
	if n := len(p.chains["201"]); n != 130-54 {
		t.Errorf("%d calls kept, want %d", n, 130-54)
	}
}

// rawParser opens the package's parser with the default settings, for
// tests that look at its state.
func rawParser(t *testing.T) *parser {
	t.Helper()
	d, err := drivers.Lookup("openscape-business")
	if err != nil {
		t.Fatal(err)
	}
	settings, err := d.Resolve(nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(drivers.Config{Location: berlin(t), Attribution: drivers.FinalAnswerer, Settings: settings})
	if err != nil {
		t.Fatal(err)
	}
	return p.(*parser)
}
