// Package importer opens the way a configured PBX's records are read and
// stored, for `calltally import` and the app's "Import a file": the PBX's
// driver with its settings and time zone, its answerer, and the
// accounting of its calls under its dial plan, over collector/ingest.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"time"

	"calltally.app/collector/account"
	"calltally.app/collector/classify"
	"calltally.app/collector/ingest"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// Source is how one PBX's records are read: what a storage.PBXSystem
// holds about its format, or what the command line says.
type Source struct {
	Driver   string // driver ID
	TimeZone string // empty: this machine's
	Answerer drivers.Attribution
	Settings map[string]string
	DialPlan string // text form (classify.ParseText); empty: none
}

// FromPBX is the source of a configured PBX.
func FromPBX(p storage.PBXSystem) Source {
	return Source{Driver: p.Driver, TimeZone: p.TimeZone, Answerer: p.Answerer,
		Settings: maps.Clone(p.Settings), DialPlan: p.DialPlan}
}

// Parser looks up the source's driver and opens a parser with its
// settings, zone and answerer.
func (s Source) Parser() (*drivers.Driver, drivers.Parser, error) {
	drv, err := drivers.Lookup(s.Driver)
	if err != nil {
		return nil, nil, err
	}
	loc, err := drivers.LoadZone(s.TimeZone)
	if err != nil {
		return nil, nil, err
	}
	settings := s.Settings
	if settings == nil {
		settings = map[string]string{}
	}
	p, err := drv.Open(drivers.Config{Location: loc, Attribution: s.Answerer, Settings: settings})
	if err != nil {
		return nil, nil, fmt.Errorf("open driver %s: %w", drv.ID, err)
	}
	return drv, p, nil
}

// Open returns an Ingester that stores the records of the PBX called pbx
// in t, parsed as src says and accounted under its dial plan.
func Open(ctx context.Context, t *storage.Tenant, pbx string, src Source) (*ingest.Ingester, *drivers.Driver, error) {
	drv, p, err := src.Parser()
	if err != nil {
		return nil, nil, err
	}
	plan, err := classify.ParseOptional(src.DialPlan)
	if err != nil {
		return nil, nil, fmt.Errorf("dial plan: %w", err)
	}
	opt := ingest.Options{Attribution: src.Answerer, Accountant: account.New(t, plan)}
	in, err := ingest.New(ctx, t, pbx, drv, p, opt)
	if err != nil {
		return nil, nil, err
	}
	return in, drv, nil
}

// File reads the file at path into in as one input. progress, if not
// nil, is told the bytes read of the file's size as the reading goes.
// A cancelled ctx stops the reading at once: what was committed stays,
// and importing the file again adds only the rest.
func File(ctx context.Context, in *ingest.Ingester, drv *drivers.Driver, path string, progress func(done, total int64)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	mod := fi.ModTime()
	r := &countingReader{ctx: ctx, r: f, total: fi.Size(), progress: progress}
	rd := drivers.NewReader(r, path, drv.Split, func() time.Time { return mod })
	if err := in.ReadAll(ctx, rd, nil); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	return nil
}

// countingReader reports the bytes read and stops at ctx's end.
type countingReader struct {
	ctx      context.Context
	r        io.Reader
	done     int64
	total    int64
	progress func(done, total int64)
}

func (c *countingReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(b)
	c.done += int64(n)
	if c.progress != nil {
		c.progress(c.done, c.total)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return n, fmt.Errorf("read: %w", err)
	}
	return n, err
}
