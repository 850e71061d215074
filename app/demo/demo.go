// Package demo fills a tenant with a fictional office's calls, directory,
// tariffs and dial plan, through the same import path a site uses: for
// `calltally demo`, the desktop app's first-run screen, tests and
// screenshots.
package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"calltally.app/collector/account"
	"calltally.app/collector/classify"
	"calltally.app/collector/ingest"
	"calltally.app/collector/simulator"
	"calltally.app/drivers"
	_ "calltally.app/drivers/avayaipo" // the demo PBX
	"calltally.app/storage"
)

// The demo PBX: an IP Office in Berlin.
const (
	Driver = "avaya-ipo"
	PBX    = "Demo IP Office"
	Zone   = "Europe/Berlin"
	Days   = 90
	Seed   = 2026
)

// Fill writes ~90 days of a fictional office's calls as real IP Office
// SMDR text and imports that file through the real path, unless the
// tenant already holds calls.
func Fill(ctx context.Context, t *storage.Tenant, dir string) error {
	if n, err := t.CountCalls(ctx, storage.CallFilter{}); err != nil || n > 0 {
		return err
	}
	drv, err := drivers.Lookup(Driver)
	if err != nil {
		return err
	}
	loc, err := drivers.LoadZone(Zone)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, "demo-smdr.txt")
	if err := writeSMDR(file, drv, loc, time.Now()); err != nil {
		return err
	}
	if err := fillDirectory(ctx, t, simulator.NewOffice()); err != nil {
		return fmt.Errorf("demo directory: %w", err)
	}
	p, err := drv.Open(drivers.Config{Location: loc})
	if err != nil {
		return err
	}
	plan, err := classify.ParseOptional(DialPlan)
	if err != nil {
		return err
	}
	in, err := ingest.New(ctx, t, PBX, drv, p, ingest.Options{Accountant: account.New(t, plan)})
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

// writeSMDR writes the calls of the Days days up to now.
func writeSMDR(file string, drv *drivers.Driver, loc *time.Location, now time.Time) error {
	now = now.In(loc)
	first := time.Date(now.Year(), now.Month(), now.Day()-Days+1, 0, 0, 0, 0, loc)
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	gen := simulator.NewGenerator(simulator.NewOffice(), Seed, loc)
	if _, err := gen.Write(f, drv, first, Days, now); err != nil {
		f.Close()
		return fmt.Errorf("write demo records: %w", err)
	}
	return f.Close()
}
