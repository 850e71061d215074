package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

const (
	testPassword = "hunter2-Pa55word"
	testKey      = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n"
)

func sftpPBX() PBXSystem {
	return PBXSystem{Tenant: DefaultTenant, Name: "hq", Driver: "avaya-ipo", Transport: "sftp",
		Address: "smdr@192.0.2.1:22/cdr", Enabled: true, Secret: Secret{Password: testPassword, PrivateKey: testKey}}
}

func rawSecret(t *testing.T, st *Store, name string) []byte {
	t.Helper()
	var raw []byte
	if err := st.master.QueryRow("SELECT secret FROM pbx_systems WHERE name = ?", name).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestSecretEncryptedAtRest(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	p := mustAdd(t, st, sftpPBX())
	raw := rawSecret(t, st, "hq")
	for _, plain := range []string{testPassword, "b3BlbnNzaC1rZXktdjEAAAAA", "password"} {
		if bytes.Contains(raw, []byte(plain)) {
			t.Errorf("secret column contains %q in clear", plain)
		}
	}
	// A random nonce per write: the same credentials never look the same.
	if err := st.UpdatePBXSystem(ctx, p); err != nil {
		t.Fatal(err)
	}
	if again := rawSecret(t, st, "hq"); bytes.Equal(again, raw) {
		t.Error("rewriting the same secret gave the same bytes")
	}
	got, err := st.PBXSystem(ctx, DefaultTenant, "hq")
	if err != nil || got.Secret != p.Secret {
		t.Fatalf("round trip: %v, secret equal %v", err, got.Secret == p.Secret)
	}
}

func TestSecretKeyFile(t *testing.T) {
	st := openStore(t)
	path := filepath.Join(st.Dir, SecretKeyFile)
	mustAdd(t, st, PBXSystem{Tenant: DefaultTenant, Name: "plain", Driver: "avaya-ipo"})
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("key file made before any secret was stored: %v", err)
	}
	mustAdd(t, st, sftpPBX())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() != keySize {
		t.Errorf("key file has %d bytes, want %d", fi.Size(), keySize)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	if leftovers, _ := filepath.Glob(filepath.Join(st.Dir, ".secret-key-*")); len(leftovers) > 0 {
		t.Errorf("temporary key files left: %v", leftovers)
	}
}

func TestSecretKeyCreatedOnceConcurrently(t *testing.T) {
	dir := t.TempDir()
	keys := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			k := secretKey{dir: dir, create: true}
			keys[i], _ = k.load()
		})
	}
	wg.Wait()
	for i, k := range keys {
		if len(k) != keySize || !bytes.Equal(k, keys[0]) {
			t.Fatalf("writer %d got key %x, writer 0 %x", i, k, keys[0])
		}
	}
}

func TestSecretWithWrongKey(t *testing.T) {
	ctx := context.Background()
	path := func(st *Store) string { return filepath.Join(st.Dir, SecretKeyFile) }
	tests := []struct {
		name   string
		damage func(st *Store) error
		want   string
	}{
		{"other key", func(st *Store) error { return os.WriteFile(path(st), bytes.Repeat([]byte{7}, keySize), 0o600) }, "was it replaced?"},
		{"key lost", func(st *Store) error { return os.Remove(path(st)) }, "secret.key"},
		{"key truncated", func(st *Store) error { return os.WriteFile(path(st), []byte("short"), 0o600) }, "want 32 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			mustAdd(t, st, sftpPBX())
			mustAdd(t, st, PBXSystem{Tenant: DefaultTenant, Name: "plain", Driver: "avaya-ipo"})
			if err := tt.damage(st); err != nil {
				t.Fatal(err)
			}
			p, err := st.PBXSystem(ctx, DefaultTenant, "hq")
			if !errors.Is(err, ErrSecretUnreadable) || !strings.Contains(err.Error(), `pbx "hq"`) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v: want ErrSecretUnreadable naming the PBX and %q", err, tt.want)
			}
			if p.Name != "hq" || p.Address == "" || !p.Secret.Unreadable() || p.Secret.Password != "" {
				t.Fatalf("PBX with an unreadable secret: %+v", p)
			}
			list, err := st.PBXSystems(ctx, "")
			if !errors.Is(err, ErrSecretUnreadable) || len(list) != 2 || strings.Contains(err.Error(), `"plain"`) {
				t.Fatalf("PBXSystems = %d PBXs, %v: want both, the error naming only hq", len(list), err)
			}
		})
	}
}

func TestUpdateKeepsUnreadableSecret(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	mustAdd(t, st, sftpPBX())
	keyFile := filepath.Join(st.Dir, SecretKeyFile)
	key, _ := os.ReadFile(keyFile)
	os.Rename(keyFile, keyFile+".bak")
	p, err := st.PBXSystem(ctx, DefaultTenant, "hq")
	if !errors.Is(err, ErrSecretUnreadable) {
		t.Fatal(err)
	}
	p.TimeZone = "Europe/Berlin"
	if err := st.UpdatePBXSystem(ctx, p); err != nil {
		t.Fatal(err)
	}
	// With the key restored, the credentials are there again.
	os.Remove(keyFile) // the update must not have made a new key either
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := st.PBXSystem(ctx, DefaultTenant, "hq")
	if err != nil || got.Secret.Password != testPassword || got.TimeZone != "Europe/Berlin" {
		t.Fatalf("after restoring the key: %+v, %v", got, err)
	}
	if _, err := st.AddPBXSystem(ctx, PBXSystem{Tenant: DefaultTenant, Name: "copy", Secret: Secret{unreadable: true}}); err == nil {
		t.Fatal("adding a PBX with unreadable credentials: want an error")
	}
}

func TestSecretNeverPrinted(t *testing.T) {
	p := sftpPBX()
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("PBX", slog.Any("pbx", p), slog.Any("secret", p.Secret))
	js, _ := json.Marshal(p)
	outputs := map[string]string{
		"%v": fmt.Sprintf("%v", p), "%+v": fmt.Sprintf("%+v", p), "%#v": fmt.Sprintf("%#v", p),
		"%s": fmt.Sprintf("%s", p.Secret), "%x": fmt.Sprintf("%x", p.Secret), "pointer": fmt.Sprintf("%+v", &p),
		"String": p.Secret.String(), "json": string(js), "slog": logged.String(),
	}
	for how, out := range outputs {
		if strings.Contains(out, "hunter2") || strings.Contains(out, "OPENSSH") {
			t.Errorf("%s shows the secret: %s", how, out)
		}
		if !strings.Contains(out, redacted) {
			t.Errorf("%s: %s, want %s", how, out, redacted)
		}
	}
	if js, _ := json.Marshal(Secret{}); string(js) != "null" {
		t.Errorf("no secret marshals as %s, want null", js)
	}
}
