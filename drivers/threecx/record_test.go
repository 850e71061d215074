package threecx

import (
	"errors"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

func TestParseTime(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		in   string
		utc  bool
		want time.Time
		err  error
	}{
		{"2026/03/02 08:14:00", true, time.Date(2026, 3, 2, 9, 14, 0, 0, loc), nil},
		{"2026-03-02 08:14:00", true, time.Date(2026, 3, 2, 9, 14, 0, 0, loc), nil},
		{"2026/03/02 08:14:00", false, time.Date(2026, 3, 2, 8, 14, 0, 0, loc), nil},
		{"2026/03/29 01:30:00", true, time.Date(2026, 3, 29, 3, 30, 0, 0, loc), nil}, // the first hour of summer time
		{"2024/02/29 23:59:59", true, time.Date(2024, 3, 1, 0, 59, 59, 0, loc), nil},
		{"2025/02/29 10:00:00", true, time.Time{}, errTimeRange},
		{"2026/13/01 10:00:00", true, time.Time{}, errTimeRange},
		{"2026/03/02 24:00:00", true, time.Time{}, errTimeRange},
		{"2026/03-02 09:14:00", true, time.Time{}, errTimeLayout},
		{"02/03/2026 09:14:00", true, time.Time{}, errTimeLayout},
		{"2026/03/02T09:14:00", true, time.Time{}, errTimeLayout},
		{"2026/03/02 9:14:00", true, time.Time{}, errTimeLayout},
		{"2026/03/+2 09:14:00", true, time.Time{}, errTimeLayout},
	}
	for _, tt := range tests {
		got, err := parseTime(tt.in, tt.utc, loc)
		if !got.Equal(tt.want) || !errors.Is(err, tt.err) || (err == nil && got.Location() != loc) {
			t.Errorf("parseTime(%q, utc %v) = %v, %v; want %v, %v", tt.in, tt.utc, got, err, tt.want, tt.err)
		}
	}
}

// TestEarlier checks the autumn hour that local times name twice.
func TestEarlier(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		in, want time.Time
	}{
		{time.Date(2026, 10, 25, 2, 30, 0, 0, loc), time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC)},
		{time.Date(2026, 10, 25, 3, 30, 0, 0, loc), time.Date(2026, 10, 25, 2, 30, 0, 0, time.UTC)},  // after the change
		{time.Date(2026, 10, 25, 1, 30, 0, 0, loc), time.Date(2026, 10, 24, 23, 30, 0, 0, time.UTC)}, // before it
		{time.Date(2026, 3, 29, 3, 30, 0, 0, loc), time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC)},    // spring: nothing twice
	}
	for _, tt := range tests {
		if got := earlier(tt.in); !got.Equal(tt.want) {
			t.Errorf("earlier(%v) = %v, want %v", tt.in, got.UTC(), tt.want)
		}
	}
}

// good is a record in the default field list: 201 calls out on line 10000.
const good = "Call 101,00000C5A1B2C3D01_101,00:02:05,2026/03/02 08:14:00,2026/03/02 08:14:06,2026/03/02 08:16:11," +
	"TerminatedBySrc,201,004930123456,201,10000,004930123456,,004930123456,10000,,,,,Chain: 201;10000;," +
	"Extension,Line,Line,Anna Meier,,,"

// TestParseErrors checks the error of each kind of bad record: a
// FieldError naming the field and its column, or a header's error.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, line string
		settings   map[string]string
		field      int // 0: not a FieldError
		want       string
	}{
		{"short", "Call 1,x,00:00:01", nil, 4, `field 4 (time-start) "": missing: the record has 3 fields, the field list 27`},
		{"historyid", replaceField(good, fHistoryID, "Call"), nil, 1, `field 1 (historyid) "Call": want a number or Call and a number`},
		{"duration", replaceField(good, fDuration, "125"), nil, 3, `field 3 (duration) "125": want hh:mm:ss`},
		{"start", replaceField(good, fTimeStart, "2026/03/02 08:14"), nil, 4, `field 4 (time-start) "2026/03/02 08:14": want yyyy/mm/dd hh:mm:ss`},
		{"answered", replaceField(good, fTimeAnswered, "2026/03/02 08:13:59"), nil, 5, `field 5 (time-answered) "2026/03/02 08:13:59": before time-start`},
		{"end", replaceField(good, fTimeEnd, "2026/03/02 08:14:05"), nil, 6, `field 6 (time-end) "2026/03/02 08:14:05": before time-answered`},
		{"end before start", replaceField(replaceField(replaceField(good, fTimeAnswered, ""), fDuration, ""), fTimeEnd, "2026/03/02 08:13:05"), nil, 6, `field 6 (time-end) "2026/03/02 08:13:05": before time-start`},
		{"duration longer than the call", "Call 1,2026/03/02 08:00:00,2026/03/02 08:01:00,00:01:01,201,202,201,202,",
			map[string]string{"fields": minimal}, 4, `field 4 (duration) "00:01:01": longer than from time-start to time-end`},
		{"unknown header", "historyid,callid,start", nil, 0, `header line: unknown field "start" (valid: historyid,`},
		{"v20 header", "cdr_id,call_history_id", nil, 0, "header line: the v20 CDR field set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openParser(t, tt.settings).Parse(drivers.Record{ID: 1, Text: tt.line})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want %s", err, tt.want)
			}
			dt.CheckField(t, err, tt.field)
			if errors.Is(err, drivers.ErrNotCall) {
				t.Errorf("error %v: a header that cannot be read is no ordinary header", err)
			}
		})
	}
}

func replaceField(line string, f field, value string) string {
	fields := drivers.SplitCommas(nil, line)
	fields[f] = value
	return strings.Join(fields, ",")
}

// TestFit checks what records longer than the field list become.
func TestFit(t *testing.T) {
	const names = "time-start,from-no,to-no,from-dispname,missed-queue-calls"
	tests := []struct {
		name, fields, line string
		want               []string // nil: an error
	}{
		{"exact", names, "a,b,c,d,e", []string{"a", "b", "c", "d", "e"}},
		{"trailing empty", names, "a,b,c,d,e,,", []string{"a", "b", "c", "d", "e"}},
		{"comma in the one name", names, "a,b,c,Meier, Anna,e", []string{"a", "b", "c", "Meier, Anna", "e"}},
		{"two commas", names, "a,b,c,d, e, f,g", []string{"a", "b", "c", "d, e, f", "g"}},
		{"names side by side", "time-start,from-dispname,to-dispname,from-no,to-no", "a,Meier, Anna,Kurz,d,e", []string{"a", "", "", "d", "e"}},
		{"no names", "time-start,from-no,to-no", "a,b,c,d", nil},
		{"names apart", "time-start,from-dispname,from-no,to-no,to-dispname", "a,b,c,d,e,f", nil},
		{"short", names, "a,b,c,d", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := parseLayout(tt.fields)
			if err != nil {
				t.Fatal(err)
			}
			got, err := l.fit(drivers.SplitCommas(nil, tt.line))
			if (err != nil) != (tt.want == nil) || strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("fit(%q) = %q, %v; want %q", tt.line, got, err, tt.want)
			}
			var fe *drivers.FieldError
			if err != nil && !errors.As(err, &fe) {
				t.Errorf("error %v is no FieldError", err)
			}
		})
	}
}

// TestHeader checks which lines are read as field names.
func TestHeader(t *testing.T) {
	tests := []struct {
		line     string
		isHeader bool
		cols     int
	}{
		{"historyid,callid,time-start,from-no,to-no", true, 5},
		{"TIME_START, FROM_NO, TO_NO,,", true, 3},
		{"%historyid%,%time-start%,%from-dn%,%to-dn%", true, 4},
		{"Call 23193,00000171DEE41BB3_2501", false, 0},
		{"23193,x", false, 0},
		{"Ext.201,Ext.202", false, 0}, // a record whose first field is from-no
		{"anonymous,Ext.202", false, 0},
		{",historyid", false, 0},
	}
	for _, tt := range tests {
		l, ok, err := header(drivers.SplitCommas(nil, tt.line))
		if ok != tt.isHeader || err != nil || len(l.cols) != tt.cols {
			t.Errorf("header(%q) = %d columns, %v, %v; want %d, %v", tt.line, len(l.cols), ok, err, tt.cols, tt.isHeader)
		}
	}
}

// TestHeaderReplacesFields reads records after a header by it, whatever
// the setting says, and keeps the layout when a header cannot be read.
func TestHeaderReplacesFields(t *testing.T) {
	p := openParser(t, map[string]string{"fields": reduced})
	got := dt.ParseText(t, p,
		"time-start,from-no,to-no,duration",
		"2026/03/02 08:00:00,Ext.201,Ext.202,00:00:10",
		"time-start,from-no,to-no,duration,when",
		"2026/03/02 08:01:00,Ext.203,Ext.204,00:00:20",
	)
	if len(got.Calls) != 2 || len(got.Errs) != 2 || !strings.Contains(got.Errs[1], `unknown field "when"`) {
		t.Fatalf("calls %d, errors %q", len(got.Calls), got.Errs)
	}
	if c := got.Calls[1]; c.Extension != "203" || c.Duration != 20 {
		t.Errorf("after an unreadable header: extension %s, %d s; want 203, 20 s", c.Extension, c.Duration)
	}
}
