package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"calltally.app/collector/account"
	"calltally.app/collector/classify"
	"calltally.app/collector/ingest"
	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	"calltally.app/storage"
)

const (
	demoDriver = "avaya-ipo"
	demoPBX    = "Demo IP Office"
	demoZone   = "Europe/Berlin"
	demoDays   = 90
	demoSeed   = 2026
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := e.flags("demo")
	noWindow := fs.Bool("no-window", false, "prepare the demo data, print its directory and stop")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir, err := demoDir(e.data)
	if err != nil {
		return err
	}
	st, t, err := openTenant(ctx, dir, storage.DefaultTenant)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fillDemo(ctx, t, dir); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, dir)
	if *noWindow {
		return nil
	}
	stop, err := liveDemo(ctx, st, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	defer stop()
	return openWindow(t)
}

// demoDir is --data or $CALLTALLY_DATA when given, else a directory of
// its own beside (never inside) the production one.
func demoDir(flag string) (string, error) {
	if flag != "" || os.Getenv(storage.DataDirEnv) != "" {
		return storage.DataDir(flag)
	}
	return storage.DemoDataDir()
}

// fillDemo writes ~90 days of a fictional office's calls as real IP Office
// SMDR text and imports that file through the real path, unless the
// tenant already holds calls.
func fillDemo(ctx context.Context, t *storage.Tenant, dir string) error {
	if n, err := t.CountCalls(ctx, storage.CallFilter{}); err != nil || n > 0 {
		return err
	}
	drv, err := drivers.Lookup(demoDriver)
	if err != nil {
		return err
	}
	loc, err := drivers.LoadZone(demoZone)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, "demo-smdr.txt")
	if err := writeDemoSMDR(file, drv, loc, time.Now()); err != nil {
		return err
	}
	if err := fillDemoDirectory(ctx, t, simulator.NewOffice()); err != nil {
		return fmt.Errorf("demo directory: %w", err)
	}
	p, err := drv.Open(drivers.Config{Location: loc})
	if err != nil {
		return err
	}
	plan, err := classify.ParseOptional(demoDialPlan)
	if err != nil {
		return err
	}
	in, err := ingest.New(ctx, t, demoPBX, drv, p, ingest.Options{Accountant: account.New(t, plan)})
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	return in.ReadAll(ctx, drivers.NewReader(f, file, drv.Split, nil), nil)
}

// writeDemoSMDR writes the calls of the demoDays days up to now.
func writeDemoSMDR(file string, drv *drivers.Driver, loc *time.Location, now time.Time) error {
	now = now.In(loc)
	first := time.Date(now.Year(), now.Month(), now.Day()-demoDays+1, 0, 0, 0, 0, loc)
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	gen := simulator.NewGenerator(simulator.NewOffice(), demoSeed, loc)
	if _, err := gen.Write(f, drv, first, demoDays, now); err != nil {
		f.Close()
		return fmt.Errorf("write demo records: %w", err)
	}
	return f.Close()
}
