package custom

import (
	"errors"
	"strings"
	"testing"

	"calltally.app/drivers"
)

// feed passes records with the given line numbers to p and returns, for
// each, the calls' count or the error, as "1 call", "ignored: …" or
// "failed: …".
func feed(t *testing.T, p drivers.Parser, lines []int, texts []string) []string {
	t.Helper()
	out := make([]string, len(texts))
	for i, text := range texts {
		calls, err := p.Parse(drivers.Record{ID: int64(i + 1), Text: text, Line: lines[i], Received: berlinNow(t)})
		switch {
		case errors.Is(err, drivers.ErrNotCall):
			out[i] = "ignored"
		case err != nil:
			out[i] = "failed: " + err.Error()
		default:
			out[i] = strings.Repeat("call", len(calls))
		}
	}
	return out
}

// TestHeaderByName: a header is found by the names it holds wherever it
// stands, as the collector may resume in the middle of a file and replay
// the header (driver Preamble) before the records it had not read.
func TestHeaderByName(t *testing.T) {
	layout := withFields(`"header": true, `, `"start": {"name": "Start", "format": "YYYY-MM-DD hh:mm:ss"}, "duration": {"name": "Secs"}, "calling": {"name": "From"}, "called": {"name": "To"}`)
	p := openLayout(t, layout)
	got := feed(t, p, []int{500, 1, 501, 502, 3},
		[]string{
			"2026-03-02 09:00:00,60,201,0891234567", // resumed mid-file, no header yet
			"Start,Secs,From,To",                    // the header, replayed
			"2026-03-02 09:00:00,60,201,0891234567",
			"To,From,Secs,Start", // a file that changed its columns
			"0891234567,201,60,2026-03-02 09:05:00",
		})
	want := []string{"failed", "ignored", "call", "ignored", "call"}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("record %d: %s, want %s", i+1, got[i], want[i])
		}
	}
	if !strings.Contains(got[0], `column unknown: no header line naming "Start", "Secs", "From", "To" read yet`) {
		t.Errorf("record 1: %s", got[0])
	}
	if !hasNoDigit("Start,Secs,From,To") {
		t.Error("the header is not replayed")
	}
}

// TestHeaderByPosition: where fields are found by column, a header is
// the first line of a file that is no record; a file may lack one.
func TestHeaderByPosition(t *testing.T) {
	layout := withFields(`"header": true, "skip": ["#"], `, basics)
	const rec = "2026-03-02 09:00:00,60,201,0891234567"
	tests := []struct {
		name  string
		lines []int
		texts []string
		want  []string
	}{
		{"file with header", []int{1, 2}, []string{"Start,Secs,From,To", rec}, []string{"ignored", "call"}},
		{"comment first", []int{1, 2, 3}, []string{"# export", "Start,Secs,From,To", rec}, []string{"ignored", "ignored", "call"}},
		{"no header after all", []int{1, 2}, []string{rec, rec}, []string{"call", "call"}},
		{"header repeated", []int{1, 2, 3}, []string{"Start,Secs,From,To", rec, "Start,Secs,From,To"}, []string{"ignored", "call", "ignored"}},
		{"second file", []int{1, 2, 1, 2}, []string{"Start,Secs,From,To", rec, "Begin,Secs,From,To", rec}, []string{"ignored", "call", "ignored", "call"}},
		{"bad line inside", []int{1, 2, 3}, []string{"Start,Secs,From,To", rec, "Begin,Secs,From,To"}, []string{"ignored", "call", "failed"}},
		{"stream", []int{0, 0, 0}, []string{"Start,Secs,From,To", rec, "Begin,Secs,From,To"}, []string{"ignored", "call", "failed"}},
		{"resumed", []int{40, 41}, []string{rec, rec}, []string{"call", "call"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed(t, openLayout(t, layout), tt.lines, tt.texts)
			for i := range tt.want {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("record %d: %s, want %s", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestNoHeader: without "header", a line of names is a bad record.
func TestNoHeader(t *testing.T) {
	got := feed(t, openLayout(t, minimal), []int{1}, []string{"Start,Secs,From,To"})
	if !strings.HasPrefix(got[0], `failed: field 1 (start) "Start"`) {
		t.Errorf("got %s", got[0])
	}
}
