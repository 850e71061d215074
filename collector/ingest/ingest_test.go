package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// legsDriver reads "CALLID,MORE,EXT,TALK" lines: the records of one call
// share CALLID and all but the last have MORE=1, as IP Office's
// continuation records do. "#…" lines are headers.
var legsDriver = &drivers.Driver{ID: "test-legs", Name: "test", New: func(drivers.Config) (drivers.Parser, error) {
	return &legsParser{open: map[string]*drivers.Call{}}, nil
}}

type legsParser struct{ open map[string]*drivers.Call }

func (p *legsParser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	if strings.HasPrefix(rec.Text, "#") {
		return nil, fmt.Errorf("header: %w", drivers.ErrNotCall)
	}
	f := strings.Split(rec.Text, ",")
	if len(f) != 4 {
		return nil, &drivers.FieldError{Field: len(f), Name: "fields", Value: rec.Text, Reason: "want 4 fields"}
	}
	talk, err := strconv.Atoi(f[3])
	if err != nil {
		return nil, &drivers.FieldError{Field: 4, Name: "talk", Value: f[3], Reason: "not a number"}
	}
	c := p.open[f[0]]
	if c == nil {
		c = &drivers.Call{Start: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Direction: drivers.Inbound, CallID: f[0]}
		p.open[f[0]] = c
	}
	c.Legs = append(c.Legs, drivers.Leg{Party: f[2], Talk: talk, Outcome: drivers.Answered, Record: rec.ID})
	c.Duration += talk
	c.Extension = f[2]
	if f[1] == "1" {
		return nil, nil
	}
	delete(p.open, f[0])
	return []drivers.Call{*c}, nil
}

func (p *legsParser) Flush() []drivers.Call { return nil }

func newTenant(t *testing.T) *storage.Tenant {
	t.Helper()
	st, err := storage.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ten, err := st.Tenant(context.Background(), storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	return ten
}

// run ingests lines as one input and commits.
func run(t *testing.T, ten *storage.Tenant, lines ...string) Stats {
	t.Helper()
	ctx := context.Background()
	p, _ := legsDriver.Open(drivers.Config{})
	in, err := New(ctx, ten, "pbx", legsDriver, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	rd := drivers.NewReader(strings.NewReader(strings.Join(lines, "\r\n")), "input", nil, nil)
	if err := in.ReadAll(ctx, rd, nil); err != nil {
		t.Fatal(err)
	}
	return in.Stats()
}

func count(t *testing.T, ten *storage.Tenant) int {
	t.Helper()
	n, err := ten.CountCalls(context.Background(), storage.CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReimportDuplicatesNothing(t *testing.T) {
	ten := newTenant(t)
	lines := []string{"#header", "1,0,201,30", "2,1,200,10", "3,0,202,5", "2,0,203,50", "bad line"}
	first := run(t, ten, lines...)
	if first.Calls != 3 || first.Unparsed != 1 || first.Ignored != 1 || first.Pending != 0 {
		t.Fatalf("first import: %+v", first)
	}
	again := run(t, ten, lines...)
	if again.Calls != 0 || again.Duplicates != len(lines) {
		t.Fatalf("second import: %+v, want every record a duplicate", again)
	}
	if n := count(t, ten); n != 3 {
		t.Fatalf("%d calls stored, want 3", n)
	}
}

func TestIdenticalRecordsInOneInputAreTwoCalls(t *testing.T) {
	ten := newTenant(t)
	if s := run(t, ten, "7,0,201,30", "7,0,201,30"); s.Calls != 2 {
		t.Fatalf("%+v: two identical records in one input are two calls", s)
	}
	if s := run(t, ten, "7,0,201,30", "7,0,201,30"); s.Calls != 0 || s.Duplicates != 2 {
		t.Fatalf("%+v: the same input again adds nothing", s)
	}
}

func TestCallSplitAcrossInputsIsJoined(t *testing.T) {
	ten := newTenant(t)
	if s := run(t, ten, "1,1,200,10", "2,0,201,5"); s.Calls != 1 || s.Pending != 1 {
		t.Fatalf("first file: %+v, want 1 call and 1 record waiting", s)
	}
	if s := run(t, ten, "1,0,205,40"); s.Calls != 1 || s.Pending != 0 {
		t.Fatalf("second file: %+v, want the waiting call completed", s)
	}
	var joined *drivers.Call
	ten.EachCall(context.Background(), storage.CallFilter{Extension: "205"}, func(c *drivers.Call) error {
		joined = c
		return nil
	})
	if joined == nil || len(joined.Legs) != 2 || joined.Duration != 50 {
		t.Fatalf("joined call = %+v, want 2 legs and 50 s", joined)
	}
}

// TestInterruptedImportsStoreEveryCallOnce abandons imports at random
// points (as a crash would: the open batch is lost) and then imports the
// whole input once more.
func TestInterruptedImportsStoreEveryCallOnce(t *testing.T) {
	lines, want := manyCalls(1200)
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 3 {
		ten := newTenant(t)
		for range 3 {
			interrupted(t, ten, lines, rng.IntN(len(lines)))
		}
		run(t, ten, lines...)
		if n := count(t, ten); n != want {
			t.Fatalf("trial %d: %d calls stored, want %d", trial, n, want)
		}
	}
}

// interrupted ingests lines[:stop] with small batches and drops the
// Ingester without committing the last batch.
func interrupted(t *testing.T, ten *storage.Tenant, lines []string, stop int) {
	ctx := context.Background()
	p, _ := legsDriver.Open(drivers.Config{})
	in, err := New(ctx, ten, "pbx", legsDriver, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	rd := drivers.NewReader(strings.NewReader(strings.Join(lines, "\n")), "input", nil, nil)
	input := NewInput()
	for range stop {
		rec, _ := rd.Next()
		if err := in.Add(ctx, input, []drivers.Record{rec}); err != nil {
			t.Fatal(err)
		}
		if in.Buffered() >= 97 {
			if err := in.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// manyCalls returns records of n calls, a third of them with two or three
// legs whose records interleave with other calls.
func manyCalls(n int) ([]string, int) {
	var lines []string
	for i := range n {
		switch i % 3 {
		case 0:
			lines = append(lines, fmt.Sprintf("%d,0,20%d,%d", i, i%10, i%90))
		case 1:
			lines = append(lines, fmt.Sprintf("%d,1,200,9", i))
		case 2:
			lines = append(lines, fmt.Sprintf("%d,1,200,4", i), fmt.Sprintf("%d,0,201,30", i-1), fmt.Sprintf("%d,0,202,11", i))
		}
	}
	return lines, n
}

// TestRetryAfterRollback adds records, loses the batch (as a failed commit
// does), and adds them again through a new Ingester with the same input:
// identical records must get the same keys as the first time, so that the
// input read again later is all duplicates.
func TestRetryAfterRollback(t *testing.T) {
	ten := newTenant(t)
	ctx := context.Background()
	lines := []string{"5,0,201,30", "5,0,201,30", "6,1,200,5", "6,0,202,9"}
	recs := make([]drivers.Record, len(lines))
	for i, l := range lines {
		recs[i] = drivers.Record{Text: l, Source: "conn", Line: i + 1, Received: time.Now()}
	}
	input := NewInput()
	open := func() *Ingester {
		p, _ := legsDriver.Open(drivers.Config{})
		in, err := New(ctx, ten, "pbx", legsDriver, p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	first := open()
	if err := first.Add(ctx, input, recs[:1]); err != nil {
		t.Fatal(err)
	}
	first.Commit(ctx)
	if err := first.Add(ctx, input, recs[1:]); err != nil {
		t.Fatal(err)
	}
	first.Close() // the batch with recs[1:] is lost
	second := open()
	if err := second.Add(ctx, input, recs[1:]); err != nil {
		t.Fatal(err)
	}
	if err := second.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ten); n != 3 {
		t.Fatalf("%d calls stored, want 3", n)
	}
	if s := run(t, ten, lines...); s.Duplicates != len(lines) {
		t.Fatalf("reading the input again: %+v, want all duplicates", s)
	}
}
