package collector

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// Why a probe found nothing; a ProbeError wraps one of these, so that
// callers can explain it in their own words (errors.Is).
var (
	ErrProbeUnreachable = errors.New("cannot connect")
	ErrProbeListen      = errors.New("cannot listen")
	ErrProbeNoPeer      = errors.New("no PBX connected")
	ErrProbeNoRecords   = errors.New("no records came")
	ErrProbeEnded       = errors.New("input ended without records")
	ErrProbeFolder      = errors.New("cannot read folder")
	ErrProbeNoFiles     = errors.New("no files")
	ErrProbeTransport   = errors.New("transport not testable")
)

// A ProbeError says in English why a probe failed; it wraps a kind
// (ErrProbe…) and the underlying error, if any.
type ProbeError struct {
	Kind error
	Err  error
	text string
}

func (e *ProbeError) Error() string   { return e.text }
func (e *ProbeError) Unwrap() []error { return []error{e.Kind, e.Err} }

func probeErr(kind, err error, format string, args ...any) error {
	return &ProbeError{Kind: kind, Err: err, text: fmt.Sprintf(format, args...)}
}

// A ProbeRecord is one record a probe read and what the driver made of it.
type ProbeRecord struct {
	N     int // 1 for the first record
	Text  string
	Calls []drivers.Call // the calls it completed, if any
	Err   error          // why it could not be read
}

// A Probe tries a configured PBX's connection once, the way the collector
// would read it, without storing anything: `calltally pbx test` and the
// desktop app's Test connection both run it.
type Probe struct {
	Max int // stop after this many records
	// Opened, if set, is called once the input is open, with its name
	// (tcp://host:port, a file's path).
	Opened func(source string, drv *drivers.Driver)
	// Record, if set, is called with each record as it is read.
	Record func(ProbeRecord)
}

// Run reads up to Max records of sys, or until ctx ends, and returns them.
// It fails with a ProbeError when no record came.
func (p Probe) Run(ctx context.Context, sys storage.PBXSystem) ([]ProbeRecord, error) {
	drv, err := drivers.Lookup(sys.Driver)
	if err != nil {
		return nil, err
	}
	loc, err := drivers.LoadZone(sys.TimeZone)
	if err != nil {
		return nil, err
	}
	parser, err := drv.Open(drivers.Config{Location: loc, Attribution: sys.Answerer, Settings: sys.Settings})
	if err != nil {
		return nil, err
	}
	r, name, err := probeInput(ctx, sys)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if p.Opened != nil {
		p.Opened(name, drv)
	}
	return p.read(ctx, drivers.NewReader(r, name, drv.Split, nil), parser)
}

func (p Probe) read(ctx context.Context, rd *drivers.Reader, parser drivers.Parser) ([]ProbeRecord, error) {
	var got []ProbeRecord
	for len(got) < max(p.Max, 1) {
		rec, err := rd.Next()
		if err != nil {
			return got, probeEnd(ctx, len(got), err)
		}
		rec.ID = int64(len(got) + 1)
		pr := ProbeRecord{N: len(got) + 1, Text: rec.Text}
		pr.Calls, pr.Err = parser.Parse(rec)
		got = append(got, pr)
		if p.Record != nil {
			p.Record(pr)
		}
	}
	return got, nil
}

// probeEnd explains why reading stopped before Max records.
func probeEnd(ctx context.Context, n int, err error) error {
	switch {
	case n > 0:
		return nil
	case ctx.Err() != nil:
		return probeErr(ErrProbeNoRecords, ctx.Err(), "connected, but no records came (a PBX sends a record when a call ends: make a call and try again)")
	case errors.Is(err, io.EOF):
		return probeErr(ErrProbeEnded, err, "the input ended without any record")
	}
	return err
}

// probeInput opens what the PBX's transport reads: a connection or the
// newest file of its folder.
func probeInput(ctx context.Context, sys storage.PBXSystem) (io.ReadCloser, string, error) {
	switch drivers.Transport(sys.Transport) {
	case drivers.TCPDial:
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", sys.Address)
		if err != nil {
			return nil, "", probeErr(ErrProbeUnreachable, err, "cannot connect to %s: %v", sys.Address, err)
		}
		closeOnDone(ctx, conn)
		return conn, "tcp://" + sys.Address, nil
	case drivers.TCPListen:
		return acceptOne(ctx, sys.Address)
	case drivers.Folder:
		return newestFile(sys.Address)
	}
	return nil, "", probeErr(ErrProbeTransport, nil, "pbx test does not handle transport %s yet", sys.Transport)
}

// acceptOne waits for the PBX to connect to address.
func acceptOne(ctx context.Context, address string) (io.ReadCloser, string, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", address)
	if err != nil {
		return nil, "", probeErr(ErrProbeListen, err, "cannot listen on %s (is the collector running? stop it for the test): %v", address, err)
	}
	defer ln.Close()
	closeOnDone(ctx, ln)
	conn, err := ln.Accept()
	if err != nil {
		return nil, "", probeErr(ErrProbeNoPeer, err, "no PBX connected to %s: %v", address, context.Cause(ctx))
	}
	closeOnDone(ctx, conn)
	return conn, "tcp://" + conn.RemoteAddr().String(), nil
}

func closeOnDone(ctx context.Context, c io.Closer) {
	context.AfterFunc(ctx, func() { c.Close() })
}

func newestFile(dir string) (io.ReadCloser, string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, "", probeErr(ErrProbeFolder, err, "cannot read folder %s: %v", dir, err)
	}
	var files []os.DirEntry
	for _, e := range entries {
		if e.Type().IsRegular() {
			files = append(files, e)
		}
	}
	if len(files) == 0 {
		return nil, "", probeErr(ErrProbeNoFiles, nil, "folder %s holds no files yet", dir)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name() < files[j].Name() })
	path := filepath.Join(dir, files[len(files)-1].Name())
	f, err := os.Open(path)
	return f, path, err
}
