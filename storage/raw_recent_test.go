package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"calltally.app/drivers"
)

// addRecords stores one block of records of pbx with the given statuses.
func addRecords(t *testing.T, ten *Tenant, pbx int64, statuses ...Status) []NewRecord {
	t.Helper()
	ctx := context.Background()
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	block := b.ReserveBlock()
	var recs []NewRecord
	for i, st := range statuses {
		r := drivers.Record{ID: RecordID(block, i), Text: fmt.Sprintf("line %d of %d", i, block), Source: "tcp", Line: i + 1, Received: time.Now()}
		recs = append(recs, NewRecord{Record: r, Key: fmt.Appendf(nil, "%d/%d/%d", pbx, block, i), Status: st, Error: string(st) + " reason"})
	}
	if err := b.AddBlock(ctx, pbx, block, recs); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestRecentRecords(t *testing.T) {
	_, ten := openTenant(t)
	ctx := context.Background()
	if _, err := ten.PBXID(ctx, "ipo"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("PBXID before any record: %v, want ErrNotFound", err)
	}
	ipo, _ := ten.PBX(ctx, "ipo", "avaya-ipo")
	other, _ := ten.PBX(ctx, "other", "avaya-ipo")
	first := addRecords(t, ten, ipo, StatusOK, StatusError, StatusOK)
	addRecords(t, ten, other, StatusError, StatusError)
	second := addRecords(t, ten, ipo, StatusPending, StatusOK)
	if id, err := ten.PBXID(ctx, "ipo"); err != nil || id != ipo {
		t.Fatalf("PBXID = %d, %v; want %d", id, err, ipo)
	}
	got, err := ten.RecentRecords(ctx, ipo, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := []NewRecord{second[1], second[0], first[2], first[1]}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i, w := range want {
		wantErr := ""
		if w.Status != StatusOK {
			wantErr = w.Error
		}
		if got[i].ID != w.ID || got[i].Text != w.Text || got[i].Status != w.Status || got[i].Error != wantErr {
			t.Errorf("record %d = %d %q %s %q; want %d %q %s %q", i, got[i].ID, got[i].Text, got[i].Status, got[i].Error, w.ID, w.Text, w.Status, wantErr)
		}
	}
	if none, err := ten.RecentRecords(ctx, 999, 10); err != nil || len(none) != 0 {
		t.Errorf("unknown PBX: %d records, %v", len(none), err)
	}
}
