package storage

import (
	"context"
	"testing"
	"time"
)

func TestPruneRawKeepsCallsAndKeys(t *testing.T) {
	st, ten := openTenant(t)
	ctx := context.Background()
	store(t, ten, 1500) // two blocks
	ten.db.Exec("UPDATE raw_blocks SET stored = stored - 400*86400 WHERE id = 1")
	days, err := st.RetentionDays(ctx)
	if err != nil || days != 365 {
		t.Fatalf("RetentionDays = %d, %v; want the default 365", days, err)
	}
	n, err := ten.PruneRaw(ctx, time.Now().AddDate(0, 0, -days))
	if err != nil || n != 1 {
		t.Fatalf("PruneRaw = %d, %v; want the one old block", n, err)
	}
	if c, _ := ten.CountCalls(ctx, CallFilter{}); c != 1500 {
		t.Errorf("%d calls after pruning, want 1500", c)
	}
	recs, err := ten.Records(ctx, []int64{RecordID(2, 0)})
	if err != nil || len(recs) != 1 {
		t.Errorf("the newer block's records: %v, %v", recs, err)
	}
	b, _ := ten.Begin(ctx)
	defer b.Rollback()
	if found, _ := b.Existing(ctx, [][]byte{[]byte("record 0")}); !found["record 0"] {
		t.Error("the pruned record's key is gone: re-reading its input would store it again")
	}
	st.SetSetting(ctx, RawRetentionDays, "0")
	if days, _ := st.RetentionDays(ctx); days != 0 {
		t.Errorf("RetentionDays after setting 0 = %d", days)
	}
}
