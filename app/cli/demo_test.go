package cli

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"calltally.app/app/demo"
	"calltally.app/storage"
)

// TestLiveDemoFeedsCalls runs what `calltally demo` runs beside its
// window: the collector and the simulator over loopback TCP. Calls must
// arrive in the database, and the window's watch must see them.
func TestLiveDemoFeedsCalls(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, ten, err := openTenant(ctx, t.TempDir(), storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	changed, err := ten.Watch(ctx, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	stop, err := liveDemo(ctx, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case <-changed:
		case <-deadline:
			t.Fatal("no call arrived within a minute")
		}
		if n, err := ten.CountCalls(ctx, storage.CallFilter{}); err == nil && n > 0 {
			break
		}
	}
	sys, err := st.PBXSystem(ctx, storage.DefaultTenant, demo.PBX)
	if err != nil || sys.Transport != "tcp-listen" || !sys.Enabled {
		t.Errorf("demo PBX %+v, %v: want an enabled tcp-listen PBX", sys, err)
	}
}
