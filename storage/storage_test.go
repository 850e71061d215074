package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"calltally.app/drivers"
)

func openTenant(t *testing.T) (*Store, *Tenant) {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ten, err := st.Tenant(ctx, DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	return st, ten
}

func TestOpenCreatesDefaultTenantAndReopens(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for range 2 {
		st, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Tenant(ctx, DefaultTenant); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Tenant(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown tenant: got %v, want ErrNotFound", err)
		}
		st.Close()
	}
	for _, f := range []string{"master.db", "tenants/default.db"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestOpenUnwritableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := Open(context.Background(), filepath.Join(dir, "data")); err == nil {
		t.Fatal("want an error for an unwritable data directory")
	}
}

var berlin = mustZone("Europe/Berlin")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// testCall is a call made of one leg read from record rec.
func testCall(i int, rec int64) drivers.Call {
	start := time.Date(2026, 3, 29, 0, 0, 0, 0, berlin).Add(time.Duration(i) * time.Minute)
	dir := []drivers.Direction{drivers.Inbound, drivers.Outbound, drivers.Internal}[i%3]
	return drivers.Call{
		Start: start, Duration: i % 300, Direction: dir, Extension: fmt.Sprint(200 + i%10),
		External: fmt.Sprintf("0301234%04d", i), Answered: i%4 != 0, Driver: "test",
		Legs: []drivers.Leg{{Party: fmt.Sprint(200 + i%10), Start: start, Talk: i % 300, Outcome: drivers.Answered, Record: rec}},
	}
}

// store adds n one-record calls in one batch.
func store(t testing.TB, ten *Tenant, n int) {
	t.Helper()
	ctx := context.Background()
	pbx, err := ten.PBX(ctx, "pbx", "test")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	addCalls(t, b, pbx, 0, n)
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

// addCalls stores calls from to to, each read from one record, the records
// in blocks of up to 1000.
func addCalls(t testing.TB, b *Batch, pbx int64, from, to int) {
	ctx := context.Background()
	for from < to {
		block := b.ReserveBlock()
		var recs []NewRecord
		for i := from; i < min(to, from+1000); i++ {
			rec := drivers.Record{ID: RecordID(block, len(recs)), Text: fmt.Sprint("record ", i), Source: "f.txt", Line: i + 1, Received: time.Now()}
			c := testCall(i, rec.ID)
			if _, _, err := b.AddCall(ctx, pbx, &c, drivers.FinalAnswerer); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, NewRecord{Record: rec, Key: []byte(rec.Text), Status: StatusOK})
		}
		if err := b.AddBlock(ctx, pbx, block, recs); err != nil {
			t.Fatal(err)
		}
		from += len(recs)
	}
}

func TestCallsRoundTrip(t *testing.T) {
	_, ten := openTenant(t)
	store(t, ten, 5)
	var got []drivers.Call
	err := ten.EachCall(context.Background(), CallFilter{}, func(c *drivers.Call) error {
		got = append(got, *c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("got %d calls, want 5", len(got))
	}
	want := testCall(4, RecordID(1, 4))
	c := got[0] // newest first
	if !c.Start.Equal(want.Start) || c.Start.Format(drivers.WallClock) != want.Start.Format(drivers.WallClock) {
		t.Errorf("start = %v, want %v (same instant and wall clock)", c.Start, want.Start)
	}
	if c.Extension != want.Extension || c.External != want.External || c.Direction != want.Direction || c.PBX != "pbx" {
		t.Errorf("call = %+v, want %+v", c, want)
	}
	if len(c.Legs) != 1 || c.Legs[0].Record != RecordID(1, 4) || c.Legs[0].Party != want.Legs[0].Party || !c.Legs[0].Start.Equal(want.Start) {
		t.Errorf("legs = %+v", c.Legs)
	}
}

func TestCallFilters(t *testing.T) {
	_, ten := openTenant(t)
	store(t, ten, 300) // one call a minute from 2026-03-29 00:00 Berlin (the day DST starts)
	day := time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    CallFilter
		want int
	}{
		{"all", CallFilter{}, 300},
		{"extension", CallFilter{Extension: "203"}, 30},
		{"direction", CallFilter{Direction: drivers.Outbound}, 100},
		{"first hour", CallFilter{From: day, To: day.Add(time.Hour)}, 60},
		{"from 04:00 wall clock, after the DST jump", CallFilter{From: day.Add(4 * time.Hour)}, 120},
		{"combined", CallFilter{From: day, To: day.Add(time.Hour), Direction: drivers.Inbound}, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ten.CountCalls(context.Background(), tt.f)
			if err != nil || n != tt.want {
				t.Fatalf("CountCalls = %d, %v; want %d", n, err, tt.want)
			}
			calls, err := ten.Calls(context.Background(), tt.f)
			if err != nil || len(calls) != tt.want {
				t.Fatalf("Calls = %d, %v; want %d", len(calls), err, tt.want)
			}
		})
	}
}

func TestPagingIsNewestFirstWithoutGaps(t *testing.T) {
	_, ten := openTenant(t)
	store(t, ten, 2500)
	var seen []time.Time
	err := ten.EachCall(context.Background(), CallFilter{}, func(c *drivers.Call) error {
		seen = append(seen, c.Start)
		return nil
	})
	if err != nil || len(seen) != 2500 {
		t.Fatalf("EachCall gave %d calls, %v", len(seen), err)
	}
	for i := 1; i < len(seen); i++ {
		if !seen[i].Before(seen[i-1]) {
			t.Fatalf("call %d (%v) not older than call %d (%v)", i, seen[i], i-1, seen[i-1])
		}
	}
	page, err := ten.Calls(context.Background(), CallFilter{Offset: 2400, Limit: 200})
	if err != nil || len(page) != 100 || !page[0].Start.Equal(seen[2400]) {
		t.Fatalf("Calls page at 2400: %d calls, %v", len(page), err)
	}
	limited := 0
	ten.EachCall(context.Background(), CallFilter{Limit: 1500}, func(*drivers.Call) error { limited++; return nil })
	if limited != 1500 {
		t.Errorf("EachCall with Limit 1500 gave %d", limited)
	}
}

func TestRollbackStoresNothing(t *testing.T) {
	_, ten := openTenant(t)
	ctx := context.Background()
	pbx, _ := ten.PBX(ctx, "pbx", "test")
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	block := b.ReserveBlock()
	rec := NewRecord{Record: drivers.Record{ID: RecordID(block, 0), Text: "x", Source: "s", Received: time.Now()}, Key: []byte("k"), Status: StatusPending}
	if err := b.AddBlock(ctx, pbx, block, []NewRecord{rec}); err != nil {
		t.Fatal(err)
	}
	b.Rollback()
	if recs, err := ten.PendingRecords(ctx, pbx); err != nil || len(recs) != 0 {
		t.Fatalf("after rollback: %d pending records, %v", len(recs), err)
	}
}

func TestRecordsAndStatuses(t *testing.T) {
	_, ten := openTenant(t)
	ctx := context.Background()
	pbx, _ := ten.PBX(ctx, "pbx", "test")
	b, err := ten.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	received := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	statuses := []Status{StatusOK, StatusPending, StatusError, StatusIgnored, StatusPending}
	block := b.ReserveBlock()
	var recs []NewRecord
	for i, st := range statuses {
		r := drivers.Record{ID: RecordID(block, i), Text: fmt.Sprintf("rec,%d,\x00ü", i), Source: "in.txt", Line: 10 + i, Received: received.Add(time.Duration(i) * time.Second)}
		recs = append(recs, NewRecord{Record: r, Key: []byte{byte(i)}, Status: st, Error: string(st) + " reason"})
	}
	if err := b.AddBlock(ctx, pbx, block, recs); err != nil {
		t.Fatal(err)
	}
	if err := b.Resolve(ctx, []int64{recs[4].ID}); err != nil {
		t.Fatal(err)
	}
	found, err := b.Existing(ctx, [][]byte{{0}, {3}, {9}})
	if err != nil || !found[string([]byte{0})] || !found[string([]byte{3})] || found[string([]byte{9})] {
		t.Fatalf("Existing = %v, %v", found, err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	pending, err := ten.PendingRecords(ctx, pbx)
	if err != nil || len(pending) != 1 || !sameRecord(pending[0], recs[1].Record) {
		t.Fatalf("PendingRecords = %+v, %v; want record 1 (record 4 was resolved)", pending, err)
	}
	failed, err := ten.FailedRecords(ctx, pbx, 10)
	if err != nil || len(failed) != 1 || !sameRecord(failed[0].Record, recs[2].Record) || failed[0].Error != "error reason" {
		t.Fatalf("FailedRecords = %+v, %v", failed, err)
	}
}

func sameRecord(a, b drivers.Record) bool {
	return a.ID == b.ID && a.Text == b.Text && a.Source == b.Source && a.Line == b.Line && a.Received.Equal(b.Received)
}

func TestPBXKeepsItsDriver(t *testing.T) {
	_, ten := openTenant(t)
	ctx := context.Background()
	id, err := ten.PBX(ctx, "main", "avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	if again, err := ten.PBX(ctx, "main", "avaya-ipo"); err != nil || again != id {
		t.Fatalf("PBX again = %d, %v; want %d", again, err, id)
	}
	if _, err := ten.PBX(ctx, "main", "3cx"); err == nil {
		t.Fatal("want an error when a PBX name is reused with another driver")
	}
}

func TestPBXSystems(t *testing.T) {
	st, _ := openTenant(t)
	ctx := context.Background()
	in := PBXSystem{Tenant: DefaultTenant, Name: "hq", Driver: "avaya-ipo", Settings: map[string]string{"trunk": "line"}, TimeZone: "Europe/Berlin", Enabled: true}
	if _, err := st.AddPBXSystem(ctx, in); err != nil {
		t.Fatal(err)
	}
	got, err := st.PBXSystem(ctx, DefaultTenant, "hq")
	if err != nil || got.Driver != "avaya-ipo" || got.Settings["trunk"] != "line" || got.TimeZone != "Europe/Berlin" {
		t.Fatalf("PBXSystem = %+v, %v", got, err)
	}
	if _, err := st.PBXSystem(ctx, DefaultTenant, "branch"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing PBX: %v, want ErrNotFound", err)
	}
}
