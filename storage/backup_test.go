package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// storeCalls adds n calls to tenant slug in batches of 100; one writer
// per tenant at a time.
func storeCalls(t testing.TB, st *Store, slug string, n int) {
	t.Helper()
	ctx := context.Background()
	ten, err := st.Tenant(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	pbx, _ := ten.PBX(ctx, "bench", "test")
	from, err := ten.CountCalls(ctx, CallFilter{}) // record keys must not repeat
	if err != nil {
		t.Fatal(err)
	}
	for done := from; done < from+n; done += 100 {
		b, err := ten.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		addCalls(t, b, pbx, done, done+100)
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

func countCalls(t *testing.T, dir, slug string) int {
	t.Helper()
	st, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ten, err := st.Tenant(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	n, err := ten.CountCalls(context.Background(), CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// writeWhile keeps another connection of the data directory adding calls,
// 100 per transaction, until stop is called.
func writeWhile(t *testing.T, dir string) (stop func()) {
	other, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var quit atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		for !quit.Load() {
			storeCalls(t, other, DefaultTenant, 100)
		}
	})
	return func() { quit.Store(true); wg.Wait(); other.Close() }
}

func TestBackupWhileWritingAndRestore(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	addTenant(t, st, "branch")
	storeCalls(t, st, DefaultTenant, 2000)
	storeCalls(t, st, "branch", 300)
	mustAdd(t, st, sftpPBX())
	stop := writeWhile(t, st.Dir)
	folder, archive := filepath.Join(t.TempDir(), "b"), filepath.Join(t.TempDir(), "b.zip")
	var last int64
	for _, dest := range []string{folder, archive} {
		if err := st.Backup(ctx, dest, func(done, total int64) { last = done }); err != nil {
			t.Fatalf("backup to %s: %v", dest, err)
		}
	}
	stop()
	if last == 0 {
		t.Error("backup reported no progress")
	}
	n := countCalls(t, folder, DefaultTenant)
	if n < 2000 || n%100 != 0 {
		t.Errorf("backup holds %d calls: want at least 2000, whole transactions of 100", n)
	}
	if b := countCalls(t, folder, "branch"); b != 300 {
		t.Errorf("branch in backup: %d calls, want 300", b)
	}
	m, err := ReadManifest(archive)
	if err != nil || len(m.Files) != 4 {
		t.Fatalf("manifest of the zip: %+v, %v; want master, two tenants and the key", m, err)
	}

	zipped := countCallsIn(t, archive)
	storeCalls(t, st, "branch", 200) // changes the restore must undo
	// The store stays open, as the app's does while it restores: its
	// connections must see the restored data, not a file renamed away.
	if err := Restore(ctx, archive, st.Dir, nil); err != nil {
		t.Fatal(err)
	}
	branch, _ := st.Tenant(ctx, "branch")
	if got, err := branch.CountCalls(ctx, CallFilter{}); err != nil || got != 300 {
		t.Errorf("branch after restore, through the open store: %d calls (%v), want 300", got, err)
	}
	if got := countCalls(t, st.Dir, DefaultTenant); got != zipped {
		t.Errorf("default after restore: %d calls, the backup %d", got, zipped)
	}
	kept := t.TempDir()
	os.Rename(filepath.Join(st.Dir, "tenants", "branch.db"+BeforeRestore), filepath.Join(kept, "branch.db"))
	if n := countFile(t, filepath.Join(kept, "branch.db")); n != 500 {
		t.Errorf("the data kept from before the restore has %d calls, want 500", n)
	}
	checkSecretRestored(t, st.Dir)
}

// countFile counts the calls in one tenant database file.
func countFile(t *testing.T, file string) int {
	t.Helper()
	db, err := openDB(context.Background(), file, "tenant")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := (&Tenant{db: db}).CountCalls(context.Background(), CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// countCallsIn restores a backup into a new folder and counts its calls.
func countCallsIn(t *testing.T, backup string) int {
	dir := t.TempDir()
	if err := Restore(context.Background(), backup, dir, nil); err != nil {
		t.Fatal(err)
	}
	return countCalls(t, dir, DefaultTenant)
}

func checkSecretRestored(t *testing.T, dir string) {
	st, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := st.PBXSystem(context.Background(), DefaultTenant, sftpPBX().Name)
	if err != nil || p.Secret.Password != sftpPBX().Secret.Password {
		t.Errorf("restored PBX credentials: %+v, %v", p.Secret, err)
	}
}

func TestRestoreRefusesDamagedBackup(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	storeCalls(t, st, DefaultTenant, 200)
	folder := filepath.Join(t.TempDir(), "b")
	if err := st.Backup(ctx, folder, nil); err != nil {
		t.Fatal(err)
	}
	storeCalls(t, st, DefaultTenant, 100)
	st.Close()
	f, _ := os.OpenFile(filepath.Join(folder, "tenants", "default.db"), os.O_RDWR, 0)
	f.WriteAt([]byte("xx"), 5000)
	f.Close()
	if err := Restore(ctx, folder, st.Dir, nil); err == nil {
		t.Fatal("a damaged backup was restored")
	}
	if n := countCalls(t, st.Dir, DefaultTenant); n != 300 {
		t.Errorf("after a refused restore: %d calls, want the 300 from before", n)
	}
	matches, _ := filepath.Glob(filepath.Join(st.Dir, "*", "*"+stagedSuffix))
	if len(matches) > 0 {
		t.Errorf("staged files left behind: %v", matches)
	}
}

func TestBackupCancelled(t *testing.T) {
	st := openStore(t)
	storeCalls(t, st, DefaultTenant, 100)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dest := filepath.Join(t.TempDir(), "b")
	if err := st.Backup(ctx, dest, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled backup: %v", err)
	}
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled backup left %s: %v", dest, err)
	}
	if err := st.Backup(context.Background(), t.TempDir()+"/x", nil); err != nil {
		t.Errorf("backup into a new folder: %v", err)
	}
}
