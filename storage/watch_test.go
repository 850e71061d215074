package storage

import (
	"context"
	"testing"
	"time"
)

func TestWatchSignalsCommits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, ten := openTenant(t)
	changed, err := ten.Watch(ctx, 5*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
		t.Fatal("signalled before anything changed")
	case <-time.After(50 * time.Millisecond):
	}
	// Another process's writes look the same: another connection commits.
	other, err := st.Tenant(ctx, DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	store(t, other, 3)
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("no signal after a commit")
	}
	cancel()
	for range changed {
	}
}
