package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"calltally.app/drivers"
)

func TestLegsRoundTrip(t *testing.T) {
	start := time.Date(2026, 3, 2, 11, 27, 0, 0, berlin)
	legs := []drivers.Leg{
		{Party: "207", PartyName: "Gina Wolf", Peer: "T9002", Start: start, Ring: 4, Talk: 45, Hold: 10, Outcome: drivers.Answered, Record: RecordID(3, 7)},
		{Party: "V9501", PartyName: "VM Channel 1", Peer: "T9002", Start: start.Add(49 * time.Second), Talk: 20, Outcome: drivers.Voicemail, Record: RecordID(4, 0)},
		{Party: "", PartyName: "Łukasz Wróbel, ü", Start: start.Add(-3 * time.Second), Outcome: drivers.Unanswered},
	}
	got, err := unpackLegs(packLegs(legs, start), start)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, legs) {
		t.Fatalf("got  %+v\nwant %+v", got, legs)
	}
}

func TestBlockRoundTrip(t *testing.T) {
	at := time.UnixMilli(1_772_444_040_123)
	recs := []drivers.Record{
		{ID: RecordID(9, 0), Text: "a,b,c", Source: "x", Line: 3, Received: at},
		{ID: RecordID(9, 1), Text: "line with\nnewline and \x00 NUL", Source: "x", Line: 4, Received: at.Add(-time.Second)},
		{ID: RecordID(9, 2), Text: "", Source: "x", Line: 9, Received: at.Add(time.Hour)},
	}
	meta, text := packBlock(recs, at)
	got, err := unpackBlock(meta, text, at, RecordID(9, 0), "x")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, recs) {
		t.Fatalf("got  %+v\nwant %+v", got, recs)
	}
}

func TestCorruptPackedData(t *testing.T) {
	start := time.Unix(0, 0)
	good := packLegs([]drivers.Leg{{Party: "201", Outcome: drivers.Answered}}, start)
	for _, b := range [][]byte{nil, {9}, good[:len(good)-3], append([]byte{1, 1, 0}, 0xff)} {
		if _, err := unpackLegs(b, start); !errors.Is(err, errCorrupt) {
			t.Errorf("unpackLegs(%x): err %v, want errCorrupt", b, err)
		}
	}
	meta, text := packBlock([]drivers.Record{{Text: "abcdef", Received: start}}, start)
	if _, err := unpackBlock(meta, text[:3], start, 0, "x"); !errors.Is(err, errCorrupt) {
		t.Errorf("unpackBlock of short text: err %v, want errCorrupt", err)
	}
}
