package uitest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"calltally.app/app/demo"
	"calltally.app/collector/account"
	"calltally.app/collector/classify"
	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// MillionCalls is how many calls Million holds.
const MillionCalls = 1_000_000

// Million returns a data directory holding the demo office's directory
// and tariffs and 1,000,000 accounted calls: the demo office's calls of
// the last year, as if ten such offices (different seeds) shared the PBX,
// ~2,700 calls a day, the newest today. Filling takes about a minute, so
// the directory is kept under the system's temporary folder and reused on
// the same day (its "today" moves at midnight). Benchmarks only.
func Million(tb testing.TB) string {
	tb.Helper()
	now := time.Now()
	dir := filepath.Join(os.TempDir(), "calltally-million-"+now.Format("20060102"))
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	start := time.Now()
	if err := fillMillion(dir, now); err != nil {
		tb.Fatalf("fill a million calls: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "complete"), nil, 0o600); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("stored %d calls in %v", MillionCalls, time.Since(start).Round(time.Second))
	return dir
}

func fillMillion(dir string, now time.Time) error {
	ctx := context.Background()
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	t, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		return err
	}
	if err := demo.Fill(ctx, t, dir); err != nil { // directory, tariffs, 90 days
		return err
	}
	n, err := t.CountCalls(ctx, storage.CallFilter{})
	if err != nil {
		return err
	}
	return addYear(ctx, t, now, MillionCalls-n)
}

// addYear stores n more calls: each seed's year of the demo office in turn.
func addYear(ctx context.Context, t *storage.Tenant, now time.Time, n int) error {
	loc, err := drivers.LoadZone(demo.Zone)
	if err != nil {
		return err
	}
	plan, err := classify.ParseOptional(demo.DialPlan)
	if err != nil {
		return err
	}
	pbx, err := t.PBX(ctx, demo.PBX, demo.Driver)
	if err != nil {
		return err
	}
	acc := account.New(t, plan)
	first := now.In(loc).AddDate(-1, 0, 1)
	for seed := int64(1); n > 0; seed++ {
		gen := simulator.NewGenerator(simulator.NewOffice(), demo.Seed+seed, loc)
		calls := gen.Days(first, 365)
		calls = calls[:min(n, len(calls))]
		if err := store(ctx, t, acc, pbx, seed, calls); err != nil {
			return err
		}
		n -= len(calls)
	}
	return nil
}

// store adds calls in batches of 5,000, each with a raw record of its own
// (a synthetic text: the benchmarks read calls, not records).
func store(ctx context.Context, t *storage.Tenant, acc *account.Accountant, pbx, seed int64, calls []drivers.Call) error {
	for len(calls) > 0 {
		part := calls[:min(5000, len(calls))]
		calls = calls[len(part):]
		b, err := t.Begin(ctx)
		if err != nil {
			return err
		}
		if err := storeBatch(ctx, b, acc, pbx, seed, part); err != nil {
			b.Rollback()
			return err
		}
		if err := b.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func storeBatch(ctx context.Context, b *storage.Batch, acc *account.Accountant, pbx, seed int64, calls []drivers.Call) error {
	if err := acc.Begin(ctx, b); err != nil {
		return err
	}
	block := b.ReserveBlock()
	recs := make([]storage.NewRecord, 0, len(calls))
	for i := range calls {
		c := &calls[i]
		// Unique per record: two simulated calls can share start and numbers.
		text := fmt.Sprintf("bench seed %d block %d #%d %s %s %s", seed, block, i, c.Start.Format(time.RFC3339), c.Extension, c.External)
		rec := drivers.Record{ID: storage.RecordID(block, i), Text: text, Source: "million", Line: i + 1, Received: c.Start}
		for j := range c.Legs {
			c.Legs[j].Record = rec.ID
		}
		c.Key = ""
		if _, _, err := b.AddCall(ctx, pbx, c, drivers.FinalAnswerer); err != nil {
			return err
		}
		recs = append(recs, storage.NewRecord{Record: rec, Key: []byte(text), Status: storage.StatusOK})
	}
	if err := b.AddBlock(ctx, pbx, block, recs); err != nil {
		return err
	}
	return acc.Flush(ctx, b)
}
