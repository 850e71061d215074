package storage

import (
	"bytes"
	"context"
	"testing"
)

func TestHostKeyPinnedOnceUntilForgotten(t *testing.T) {
	_, ten := openTenant(t)
	ctx := context.Background()
	id, err := ten.PBX(ctx, "main", "avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	const host = "192.0.2.10:22"
	if _, ok, err := ten.HostKey(ctx, id, host); ok || err != nil {
		t.Fatalf("HostKey before pinning: ok=%v, %v; want none", ok, err)
	}
	first, second := []byte("first key"), []byte("second key")
	for _, key := range [][]byte{first, second} { // the second must not replace the first
		if err := ten.PinHostKey(ctx, id, host, key); err != nil {
			t.Fatal(err)
		}
	}
	if key, ok, err := ten.HostKey(ctx, id, host); !ok || err != nil || !bytes.Equal(key, first) {
		t.Fatalf("HostKey = %q, %v, %v; want %q", key, ok, err, first)
	}
	if _, ok, _ := ten.HostKey(ctx, id, "192.0.2.11:22"); ok {
		t.Fatal("a key pinned for one host is used for another")
	}
	if n, err := ten.ForgetHostKeys(ctx, id); n != 1 || err != nil {
		t.Fatalf("ForgetHostKeys = %d, %v; want 1", n, err)
	}
	ten.PinHostKey(ctx, id, host, second)
	if key, _, _ := ten.HostKey(ctx, id, host); !bytes.Equal(key, second) {
		t.Fatalf("after forgetting, HostKey = %q; want %q", key, second)
	}
}
