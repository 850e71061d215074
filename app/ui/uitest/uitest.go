// Package uitest builds screens for tests: a real data directory filled
// with the demo office (made once per test binary and copied for each
// test), a headless Fyne app and window, and a UI queue the test drains.
package uitest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"calltally.app/app/demo"
	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// Options choose what a test Env holds.
type Options struct {
	Empty bool // no demo data: a fresh data directory
	// Dir opens this data directory as it is, not a copy (benchmarks over
	// Million, which only read).
	Dir string
}

// New returns an Env over a copy of the demo data (or an empty data
// directory), a test app with our theme, and a window of 1200×800. The
// language is English again when the test ends.
func New(t testing.TB, o Options) *ui.Env {
	t.Helper()
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{Mode: ui.ThemeLight})
	dir := o.Dir
	if dir == "" {
		dir = t.TempDir()
		if !o.Empty {
			copyDir(t, demoDir(t), dir)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	st, err := storage.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	ten, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	q := make(chan func(), 1024)
	e := &ui.Env{Ctx: ctx, Store: st, Tenant: ten, Slug: storage.DefaultTenant, Dir: dir,
		Window: test.NewTempWindow(t, nil), Do: func(fn func()) { q <- fn }, Navigate: func(string) {}}
	e.Window.Resize(fyne.NewSize(1200, 800))
	queues.Store(e, q)
	t.Cleanup(func() {
		cancel()
		queues.Delete(e)
		st.Close()
		i18n.Set("en")
	})
	return e
}

var queues sync.Map // *ui.Env → chan func()

// Settle runs the functions screens queued for the UI goroutine, on the
// test's goroutine, until no Run is under way and the queue is empty.
func Settle(t testing.TB, e *ui.Env) {
	t.Helper()
	v, _ := queues.Load(e)
	Drain(t, v.(chan func()), e)
}

// Drain is Settle for an Env whose Do sends to q: one a test built itself,
// as the shell does.
func Drain(t testing.TB, q chan func(), e *ui.Env) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case fn := <-q:
			fn()
			continue
		default:
		}
		if e.Busy() == 0 {
			return
		}
		select {
		case fn := <-q:
			fn()
		case <-deadline:
			t.Fatalf("screens still busy after 30 s (%d runs)", e.Busy())
		}
	}
}

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// demoDir fills a data directory with the demo once per test binary.
func demoDir(t testing.TB) string {
	demoOnce.Do(func() {
		demoPath, demoErr = os.MkdirTemp("", "calltally-uitest-")
		if demoErr != nil {
			return
		}
		demoErr = fillDemo(demoPath)
	})
	if demoErr != nil {
		t.Fatalf("demo data: %v", demoErr)
	}
	return demoPath
}

func fillDemo(dir string) error {
	ctx := context.Background()
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ten, err := st.Tenant(ctx, storage.DefaultTenant)
	if err != nil {
		return err
	}
	return demo.Fill(ctx, ten, dir)
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}
