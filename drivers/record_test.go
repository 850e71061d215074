package drivers

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func readAll(t *testing.T, rd *Reader) []Record {
	t.Helper()
	var recs []Record
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
}

func TestReaderFramesLines(t *testing.T) {
	in := "\x00\x00first,1\r\n\r\nsecond,2\n  \nlast,3"
	recs := readAll(t, NewReader(strings.NewReader(in), "f", nil, nil))
	want := []struct {
		text string
		line int
		end  int64
	}{{"first,1", 1, 11}, {"second,2", 3, 22}, {"last,3", 5, int64(len(in))}}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(recs), len(want), recs)
	}
	for i, w := range want {
		if r := recs[i]; r.Text != w.text || r.Line != w.line || r.End != w.end || r.Cut || r.Where() != "f:"+itoa(w.line) {
			t.Errorf("record %d = %+v, want %+v", i, r, w)
		}
	}
}

func TestStreamMarksCutRecord(t *testing.T) {
	rd := NewReader(strings.NewReader("whole,1\r\nhalf,2,"), "tcp", nil, nil)
	rd.Stream = true
	recs := readAll(t, rd)
	if len(recs) != 2 || recs[0].Cut || !recs[1].Cut {
		t.Fatalf("records %+v: want the last one cut off", recs)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
