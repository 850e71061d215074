package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// testRecords is how many records `pbx test` shows before it stops.
const testRecords = 5

// runPBXTest tries a configured PBX's connection once and shows what came
// (each record and what it parses to) or why nothing did.
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
	drv, p, err := openConfigured(sys)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, *wait)
	defer cancel()
	show := &recordShow{w: e.stdout, parser: p}
	r, name, err := testInput(ctx, sys)
	if err != nil {
		return err
	}
	defer r.Close()
	fmt.Fprintf(e.stdout, "reading %s (driver %s, up to %d records or %s)\n", name, drv.ID, testRecords, *wait)
	return show.read(ctx, r, name, drv)
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

func openConfigured(sys storage.PBXSystem) (*drivers.Driver, drivers.Parser, error) {
	df := driverFlags{driver: sys.Driver, tz: sys.TimeZone, set: sys.Settings}
	return df.open()
}

// testInput opens what the PBX's transport reads: a connection or the
// newest file of its folder.
func testInput(ctx context.Context, sys storage.PBXSystem) (io.ReadCloser, string, error) {
	switch drivers.Transport(sys.Transport) {
	case drivers.TCPDial:
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", sys.Address)
		if err != nil {
			return nil, "", fmt.Errorf("cannot connect to %s: %w", sys.Address, err)
		}
		closeOnDone(ctx, conn)
		return conn, "tcp://" + sys.Address, nil
	case drivers.TCPListen:
		return acceptOne(ctx, sys.Address)
	case drivers.Folder:
		return newestFile(sys.Address)
	}
	return nil, "", fmt.Errorf("pbx test does not handle transport %s yet", sys.Transport)
}

// acceptOne waits for the PBX to connect to address.
func acceptOne(ctx context.Context, address string) (io.ReadCloser, string, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", address)
	if err != nil {
		return nil, "", fmt.Errorf("cannot listen on %s (is the collector running? stop it for the test): %w", address, err)
	}
	defer ln.Close()
	closeOnDone(ctx, ln)
	conn, err := ln.Accept()
	if err != nil {
		return nil, "", fmt.Errorf("no PBX connected to %s: %w", address, context.Cause(ctx))
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
		return nil, "", fmt.Errorf("cannot read folder %s: %w", dir, err)
	}
	var files []os.DirEntry
	for _, e := range entries {
		if e.Type().IsRegular() {
			files = append(files, e)
		}
	}
	if len(files) == 0 {
		return nil, "", fmt.Errorf("folder %s holds no files yet", dir)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name() < files[j].Name() })
	path := filepath.Join(dir, files[len(files)-1].Name())
	f, err := os.Open(path)
	return f, path, err
}

// recordShow prints records and what the driver makes of them.
type recordShow struct {
	w      io.Writer
	parser drivers.Parser
	n      int
}

func (s *recordShow) read(ctx context.Context, r io.Reader, name string, drv *drivers.Driver) error {
	rd := drivers.NewReader(r, name, drv.Split, nil)
	for s.n < testRecords {
		rec, err := rd.Next()
		if err != nil {
			return s.end(ctx, err)
		}
		s.n++
		rec.ID = int64(s.n)
		s.show(rec)
	}
	return nil
}

func (s *recordShow) show(rec drivers.Record) {
	fmt.Fprintf(s.w, "record %d: %s\n", s.n, rec.Text)
	calls, err := s.parser.Parse(rec)
	switch {
	case err != nil:
		fmt.Fprintf(s.w, "  not read: %v\n", err)
	case len(calls) == 0:
		fmt.Fprintln(s.w, "  read; its call continues in later records")
	}
	for _, c := range calls {
		fmt.Fprintf(s.w, "  call: %s %s extension %s external %s %ds answered %s\n", c.Start.Format("2006-01-02 15:04:05"),
			c.Direction, c.Extension, c.External, c.Duration, yesNo(c.Answered))
	}
}

// end explains why reading stopped before testRecords records.
func (s *recordShow) end(ctx context.Context, err error) error {
	switch {
	case s.n > 0:
		fmt.Fprintf(s.w, "%d records read\n", s.n)
		return nil
	case ctx.Err() != nil:
		return errors.New("connected, but no records came (a PBX sends a record when a call ends: make a call and try again)")
	case errors.Is(err, io.EOF):
		return errors.New("the input ended without any record")
	}
	return err
}
