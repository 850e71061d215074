package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"calltally.app/drivers"
)

func runParse(ctx context.Context, e *env, args []string) error {
	fs := e.flags("parse")
	var df driverFlags
	df.register(fs)
	received := fs.String("received", "", "when the records arrived (default now); formats without a year infer it from this")
	asJSON := fs.Bool("json", false, "one JSON object per call, one per line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	drv, p, err := df.open()
	if err != nil {
		return err
	}
	p = drivers.NewJoiner(p, drivers.Attribution(df.answerer)) // one line per call, however many records
	at, err := receivedAt(*received, df.tz)
	if err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := newCallWriter(e.stdout, *asJSON)
	failed, err := e.parseFiles(ctx, drv, p, files, at, out)
	if err != nil {
		return err
	}
	for _, c := range p.Flush() {
		out.add(c)
	}
	if err := out.close(); err != nil {
		return err
	}
	if failed > 0 {
		return errQuiet
	}
	return nil
}

func receivedAt(s, tz string) (func() time.Time, error) {
	if s == "" {
		return time.Now, nil
	}
	loc, err := drivers.LoadZone(tz)
	if err != nil {
		return nil, err
	}
	t, err := parseTime(s, loc)
	if err != nil {
		return nil, fmt.Errorf("--received: %w", err)
	}
	return func() time.Time { return t }, nil
}

// parseFiles feeds every record of files to p, writes the calls to out and
// the records that fail to stderr as FILE:LINE: reason.
func (e *env) parseFiles(ctx context.Context, d *drivers.Driver, p drivers.Parser, files []string, at func() time.Time, out *callWriter) (int, error) {
	failed := 0
	var id int64
	for _, name := range files {
		r, closeFn, err := e.openInput(name)
		if err != nil {
			return failed, err
		}
		rd := drivers.NewReader(r, name, d.Split, at)
		for ctx.Err() == nil {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				closeFn()
				return failed, err
			}
			id++
			rec.ID = id
			calls, perr := p.Parse(rec)
			if perr != nil && !errors.Is(perr, drivers.ErrNotCall) {
				failed++
				fmt.Fprintf(e.stderr, "%s: %v\n", rec.Where(), perr)
			}
			for _, c := range calls {
				out.add(c)
			}
		}
		closeFn()
	}
	return failed, ctx.Err()
}

// openInput opens a named file, or standard input for "-".
func (e *env) openInput(name string) (io.Reader, func(), error) {
	if name == "-" {
		return e.stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}
