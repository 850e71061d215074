package mitelmivo400

import (
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// line writes a PC5 record of an answered outgoing call, with the given
// fields changed, as the reader passes it on: no tab stripped, no CR LF,
// no trailing blanks.
func line(t testing.TB, change fields) string {
	t.Helper()
	f := fields{fieldNo: "201", fieldSC: "010", fieldDate: "260302", fieldTime: "09:14", fieldDuration: "00H02M05",
		fieldCharges: "0.40", fieldMetpul: "00004", fieldExch: "00201", fieldDest1: "0891234567", fieldDest2: "0891234567",
		fieldTTA: "000", fieldSeq: "000", fieldSerial: "0102"}
	for id, v := range change {
		if v != "" {
			f[id] = v
		}
	}
	var b strings.Builder
	if err := writeRecord(&b, encodeLayout, &f); err != nil {
		t.Fatal(err)
	}
	return strings.TrimRight(b.String(), "\r\n ")
}

// oneCall parses lines and wants exactly one call and no error.
func oneCall(t *testing.T, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	got := dt.ParseText(t, drivers.NewJoiner(p, drivers.FinalAnswerer), lines...)
	if len(got.Calls) != 1 || len(got.Errs) > 0 {
		t.Fatalf("calls %+v, errors %q; want one call", got.Calls, got.Errs)
	}
	return got.Calls[0]
}

// oneError parses one line and returns its error, "" if none.
func oneError(t *testing.T, p drivers.Parser, text string) string {
	t.Helper()
	got := dt.ParseText(t, p, text)
	if len(got.Errs) == 0 {
		return ""
	}
	return got.Errs[0]
}

func TestDuration(t *testing.T) {
	tests := []struct {
		value string
		want  int
		err   string
	}{
		{"00H02M05", 125, ""},
		{"00h02m05", 125, ""},
		{"00H01m12", 72, ""},
		{"99H59M59", 359999, ""},
		{"00H00M00", 0, ""},
		{"0", 0, ""},
		{"        ", 0, ""},
		{"00H60M00", 0, "want hhHmmMss"},
		{"00H00M60", 0, "want hhHmmMss"},
		{"00:02:05", 0, "want hhHmmMss"},
		{"0H2M5", 0, "want hhHmmMss"},
		{"00M02H05", 0, "want hhHmmMss"},
		{"-0H02M05", 0, "want hhHmmMss"},
	}
	for _, tt := range tests {
		got := dt.ParseText(t, openParser(t, nil), line(t, fields{fieldDuration: tt.value}))
		switch {
		case tt.err != "" && (len(got.Errs) != 1 || !strings.Contains(got.Errs[0], tt.err)):
			t.Errorf("%q: errors %q, want %q", tt.value, got.Errs, tt.err)
		case tt.err == "" && (len(got.Calls) != 1 || got.Calls[0].Duration != tt.want):
			t.Errorf("%q: calls %+v, errors %q; want duration %d", tt.value, got.Calls, got.Errs, tt.want)
		}
	}
}

func TestDateOrder(t *testing.T) {
	tests := []struct {
		order, value, want string
	}{
		{yearFirst, "260302", "2026-03-02T09:14:00"},
		{dayFirst, "020326", "2026-03-02T09:14:00"},
		{dayFirst, "180598", "1998-05-18T09:14:00"},
		{yearFirst, "691231", "2069-12-31T09:14:00"},
		{yearFirst, "700101", "1970-01-01T09:14:00"},
		{yearFirst, "240229", "2024-02-29T09:14:00"},
		{yearFirst, "250229", "field 29 (DATE)"},
		{dayFirst, "320126", "field 29 (DATE)"},
		{yearFirst, "26032", "field 29 (DATE)"},
	}
	for _, tt := range tests {
		got := dt.ParseText(t, openParser(t, map[string]string{"date-order": tt.order}), line(t, fields{fieldDate: tt.value}))
		switch {
		case len(got.Calls) == 1 && got.Calls[0].Start.Format(drivers.WallClock) == tt.want:
		case len(got.Errs) == 1 && strings.Contains(got.Errs[0], tt.want):
		default:
			t.Errorf("%s %q: calls %+v, errors %q; want %s", tt.order, tt.value, got.Calls, got.Errs, tt.want)
		}
	}
}

// TestDateOrderCheck: a date years before the record arrived, that the
// other order makes recent, says the date-order setting is wrong.
func TestDateOrderCheck(t *testing.T) {
	received := time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		order, value string
		received     time.Time
		want         string
	}{
		{yearFirst, "020326", received, "read as yymmdd it is 2002-03-26, read as ddmmyy 2026-03-02: check the date-order setting"},
		{dayFirst, "260302", received, "read as ddmmyy it is 2002-03-26, read as yymmdd 2026-03-02"},
		{yearFirst, "020326", time.Time{}, ""},                                              // arrival unknown
		{yearFirst, "230302", received, ""},                                                 // three years old, and ddmmyy is older still
		{dayFirst, "180598", received, ""},                                                  // as yymmdd no date
		{yearFirst, "260302", received, ""},                                                 // recent
		{yearFirst, "260304", received, ""},                                                 // a PBX clock a day ahead
		{yearFirst, "260325", received.AddDate(0, -3, 0), ""},                               // after the arrival: let be
		{yearFirst, "020327", received.AddDate(1, 0, 0), "read as yymmdd it is 2002-03-27"}, // a year later
	}
	for _, tt := range tests {
		p := openParser(t, map[string]string{"date-order": tt.order})
		_, err := p.Parse(drivers.Record{ID: 1, Text: line(t, fields{fieldDate: tt.value}), Received: tt.received})
		if got := errText(err); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s %q received %v: error %q, want %q", tt.order, tt.value, tt.received, got, tt.want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestSettle reads a start in the hour the clocks go back by when its
// record arrived.
func TestSettle(t *testing.T) {
	loc := berlin(t)
	wall := time.Date(2025, 10, 26, 2, 30, 0, 0, loc) // 00:30 or 01:30 UTC
	tests := []struct {
		name     string
		start    time.Time
		secs     int
		received time.Time
		want     string
	}{
		{"arrived before the second 02:30 ended", wall, 600, time.Date(2025, 10, 26, 0, 45, 0, 0, time.UTC), "2025-10-26T00:30:00Z"},
		{"arrived after it", wall, 600, time.Date(2025, 10, 26, 1, 45, 0, 0, time.UTC), "2025-10-26T01:30:00Z"},
		{"within the clock skew", wall, 600, time.Date(2025, 10, 26, 1, 30, 0, 0, time.UTC), "2025-10-26T01:30:00Z"},
		{"arrival unknown", wall, 600, time.Time{}, "2025-10-26T01:30:00Z"},
		{"02:00 exists twice too", time.Date(2025, 10, 26, 2, 0, 0, 0, loc), 60, time.Date(2025, 10, 26, 0, 5, 0, 0, time.UTC), "2025-10-26T00:00:00Z"},
		{"01:59 once", time.Date(2025, 10, 26, 1, 59, 0, 0, loc), 60, time.Date(2025, 10, 26, 0, 5, 0, 0, time.UTC), "2025-10-25T23:59:00Z"},
		{"03:00 once", time.Date(2025, 10, 26, 3, 0, 0, 0, loc), 60, time.Time{}, "2025-10-26T02:00:00Z"},
		{"an ordinary day", time.Date(2026, 3, 2, 9, 0, 0, 0, loc), 60, time.Time{}, "2026-03-02T08:00:00Z"},
	}
	for _, tt := range tests {
		if got := settle(tt.start, tt.secs, tt.received).UTC().Format(time.RFC3339); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestShape holds records to the layout's columns.
func TestShape(t *testing.T) {
	good := line(t, fields{})
	tests := []struct {
		name, text, want string
	}{
		{"as written", good, ""},
		{"without the tab", good[1:], ""},
		{"a blank more at the start", "\t " + good[1:], "field 210 (end of record)"},
		{"a column lost", good[:50] + good[51:], "field 62 (METPUL)"},
		{"one character more", good + "7", "the record goes on past column 209"},
		{"cut short", good[:204], "the record ends at column 204, before SERIAL NO. at 206"},
		{"a tab inside", strings.Replace(good, " 0891234567", "\t0891234567", 1), "control character"},
		{"one digit", "\t1", "the record ends at column 2, before SERIAL NO."},
	}
	for _, tt := range tests {
		if got := oneError(t, openParser(t, nil), tt.text); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: error %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestCounts checks METPUL, TTA, SEQ.NO. and SERIAL NO.
func TestCounts(t *testing.T) {
	tests := []struct {
		name   string
		change fields
		want   string
	}{
		{"charge units", fields{fieldMetpul: "00042"}, ""},
		{"blank counts", fields{fieldMetpul: " ", fieldTTA: " ", fieldSeq: " ", fieldSerial: "0"}, ""},
		{"bad METPUL", fields{fieldMetpul: "4 2"}, "field 62 (METPUL)"},
		{"bad TTA", fields{fieldTTA: "-1"}, "field 198 (TTA)"},
		{"bad SEQ.NO.", fields{fieldSeq: "0A1"}, "field 202 (SEQ.NO.)"},
		{"bad SERIAL NO.", fields{fieldSerial: "12.4"}, "field 206 (SERIAL NO.)"},
	}
	for _, tt := range tests {
		if got := oneError(t, openParser(t, nil), line(t, tt.change)); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: error %q, want %q", tt.name, got, tt.want)
		}
	}
	c := oneCall(t, openParser(t, nil), line(t, fields{fieldMetpul: "00042"}))
	if c.ChargeUnits != 42 {
		t.Errorf("charge units %d, want 42", c.ChargeUnits)
	}
}

// TestDataProtection reads numbers whose last digits the PBX hides.
func TestDataProtection(t *testing.T) {
	tests := []struct {
		protection, format, dest, want string
	}{
		{off, formatPC5, "0891234    ", "0891234"},
		{on, formatPC5, "0891234    ", "0891234XXXX"},
		{on, formatPC5, "0891234....", "0891234XXXX"},
		{off, formatPC5, "0891234....", "0891234...."},
		{on, formatPC5, "08912345678", "08912345678"},
		{on, formatPC4, "0891234....", "0891234XXXX"},
		{on, formatPC4, "0891234    ", "0891234"}, // left-justified: blanks are padding
	}
	for _, tt := range tests {
		p := openParser(t, map[string]string{"data-protection": tt.protection, "format": tt.format})
		text := line(t, fields{fieldDest1: tt.dest, fieldDest2: tt.dest})
		if tt.format == formatPC4 {
			text = "\t201   " + strings.Repeat(" ", 9) + " 10 260302 09:14 00H02M05 00201 33          00004 " +
				tt.dest + strings.Repeat(" ", 40-len(tt.dest)) + " " + strings.Repeat(" ", 20) + " 000 000 0102"
		}
		if c := oneCall(t, p, text); c.External != tt.want {
			t.Errorf("data-protection=%s %s %q: external %q, want %q", tt.protection, tt.format, tt.dest, c.External, tt.want)
		}
	}
}
