package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"calltally.app/collector"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// testRecords is how many records `pbx test` shows before it stops.
const testRecords = 5

// runPBXTest tries a configured PBX's connection once and shows what came
// (each record and what it parses to) or why nothing did. The probe itself
// is collector.Probe, which the desktop app's Test connection runs too.
func runPBXTest(ctx context.Context, e *env, args []string) error {
	fs := e.flags("pbx test")
	tenant := fs.String("tenant", storage.DefaultTenant, "tenant `SLUG`")
	wait := fs.Duration("timeout", 30*time.Second, "how long to wait for records")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("pbx test: want the PBX's name: %w", errUsage)
	}
	sys, err := e.pbxSystem(ctx, *tenant, fs.Arg(0))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, *wait)
	defer cancel()
	probe := collector.Probe{
		Max: testRecords,
		Opened: func(name string, drv *drivers.Driver) {
			fmt.Fprintf(e.stdout, "reading %s (driver %s, up to %d records or %s)\n", name, drv.ID, testRecords, *wait)
		},
		Record: func(r collector.ProbeRecord) { showRecord(e.stdout, r) },
	}
	got, err := probe.Run(ctx, sys)
	if err == nil && len(got) < testRecords {
		fmt.Fprintf(e.stdout, "%d records read\n", len(got))
	}
	return err
}

func (e *env) pbxSystem(ctx context.Context, tenant, name string) (storage.PBXSystem, error) {
	dir, err := storage.DataDir(e.data)
	if err != nil {
		return storage.PBXSystem{}, err
	}
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return storage.PBXSystem{}, err
	}
	defer st.Close()
	return st.PBXSystem(ctx, tenant, name)
}

// showRecord prints a record and what the driver made of it.
func showRecord(w io.Writer, r collector.ProbeRecord) {
	fmt.Fprintf(w, "record %d: %s\n", r.N, r.Text)
	switch {
	case r.Err != nil:
		fmt.Fprintf(w, "  not read: %v\n", r.Err)
	case len(r.Calls) == 0:
		fmt.Fprintln(w, "  read; its call continues in later records")
	}
	for _, c := range r.Calls {
		fmt.Fprintf(w, "  call: %s %s extension %s external %s %ds answered %s\n", c.Start.Format("2006-01-02 15:04:05"),
			c.Direction, c.Extension, c.External, c.Duration, yesNo(c.Answered))
	}
}
