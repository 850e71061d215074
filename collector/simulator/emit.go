package simulator

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"calltally.app/drivers"
)

// maxInterval bounds the gap between calls: a slower feed is no feed, and
// a tiny rate would overflow a time.Duration.
const maxInterval = 24 * time.Hour

// An Emitter plays an office's calls as a PBX's live output: each call's
// records in a driver's wire format, written the moment the call ends, at
// a steady rate.
type Emitter struct {
	gen      Generator // a copy, so that setting its Origin touches nobody else's
	driver   *drivers.Driver
	interval time.Duration // between calls; 0 writes them as fast as the writer takes them
	count    int           // calls to write; 0 for no limit
	start    time.Time
	// now and sleep are the pacing's clock; tests replace them.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// NewEmitter returns an emitter of gen's calls from start on (usually now,
// so that the office's time of day is the clock's) in d's wire format:
// rate calls per second (0 or less: as fast as possible), count calls
// (0: until Run's context ends).
func NewEmitter(gen *Generator, d *drivers.Driver, rate float64, count int, start time.Time) (*Emitter, error) {
	if d.Encode == nil {
		return nil, fmt.Errorf("driver %s cannot simulate", d.ID)
	}
	e := &Emitter{gen: *gen, driver: d, count: max(count, 0), start: start, now: time.Now, sleep: sleep}
	// CallIDs count up from start's day, so they never repeat in a run and
	// never reach zero, as they would from an Origin long after start.
	if e.gen.Origin.IsZero() || e.gen.Origin.After(start) {
		e.gen.Origin = start
	}
	if rate > 0 {
		e.interval = time.Duration(min(float64(time.Second)/rate, float64(maxInterval)))
	}
	return e, nil
}

// Run writes calls to w until count calls are written or ctx ends, and
// returns how many it wrote; calls the PBX writes no record for (an
// internal call where the format has none) are passed over, not counted.
// Each call's records go in one Write, so a reader never sees half a
// call. The end of ctx is how an unlimited run stops, so it is no error;
// errors come from encoding and writing. Run once per Emitter: a second
// run would repeat the first one's calls.
func (e *Emitter) Run(ctx context.Context, w io.Writer) (int, error) {
	p := pacer{interval: e.interval, now: e.now, sleep: e.sleep}
	var buf bytes.Buffer
	n := 0
	for c := range e.gen.Stream(e.start) {
		if c.Start.Before(e.start) {
			continue // start's day before start
		}
		at, ok := p.wait(ctx)
		if !ok {
			break
		}
		wrote, err := e.emit(w, &buf, c, at)
		if err != nil {
			return n, err
		}
		if !wrote {
			continue // a call this PBX writes no record for
		}
		if n++; n == e.count {
			break
		}
	}
	return n, nil
}

// emit writes c as a call that has just ended at `at`: PBXs (the IP
// Office among them) write a call's records when it ends, so a live feed
// carries calls that end now, each as long as the generator made it.
func (e *Emitter) emit(w io.Writer, buf *bytes.Buffer, c drivers.Call, at time.Time) (bool, error) {
	endAt(&c, at.Truncate(time.Second))
	buf.Reset()
	if err := e.driver.Encode(buf, &c); err != nil {
		return false, fmt.Errorf("simulate %s: %w", e.driver.ID, err)
	}
	if buf.Len() == 0 {
		return false, nil
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return false, fmt.Errorf("write call %s: %w", c.CallID, err)
	}
	return true, nil
}

// endAt moves c, legs and all, so that it ends at end.
func endAt(c *drivers.Call, end time.Time) {
	shift := end.Sub(c.Start) - elapsed(c)
	c.Start = c.Start.Add(shift)
	c.Legs = slices.Clone(c.Legs) // the generator's day may share them
	for i := range c.Legs {
		c.Legs[i].Start = c.Legs[i].Start.Add(shift)
	}
}

// elapsed is how long c lasts from its start to its last leg's end; legs
// follow one another, as the generator builds them.
func elapsed(c *drivers.Call) time.Duration {
	if len(c.Legs) == 0 {
		return 0
	}
	last := &c.Legs[len(c.Legs)-1]
	return last.Start.Sub(c.Start) + time.Duration(last.Ring+last.Talk)*time.Second
}

// pacer spaces calls an interval apart in real time.
type pacer struct {
	interval time.Duration
	next     time.Time // when the next call is due; zero before the first
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error
}

// wait returns when the next call is due, with the time it goes out, or
// false once ctx has ended. Calls keep to a schedule, so timer lateness
// does not add up; but after a stall of more than an interval (a writer
// that blocked) the schedule starts again from now instead of catching
// up, so a backlog never leaves in a burst.
func (p *pacer) wait(ctx context.Context) (time.Time, bool) {
	if ctx.Err() != nil {
		return time.Time{}, false
	}
	now := p.now()
	if p.interval <= 0 {
		return now, true
	}
	if p.next.IsZero() || now.Sub(p.next) > p.interval {
		p.next = now
	}
	if d := p.next.Sub(now); d > 0 {
		if p.sleep(ctx, d) != nil {
			return time.Time{}, false
		}
		now = p.now()
	}
	p.next = p.next.Add(p.interval)
	return now, true
}

// sleep waits d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A Buffer is a PBX's record buffer, between an Emitter and a collector
// that comes and goes: calls wait in it while no collector takes them.
// Like an IP Office's, it holds a bounded number of records (counted as
// lines) and drops the oldest calls when full. Any goroutine may write
// to it; one takes from it.
type Buffer struct {
	mu       sync.Mutex
	calls    [][]byte
	records  int
	limit    int
	closed   bool
	dropping bool          // since the last take, for one warning per overflow
	ready    chan struct{} // signalled when calls come or the buffer closes
	log      *slog.Logger
}

// NewBuffer returns a buffer of up to records records that warns on log
// when it drops calls.
func NewBuffer(records int, log *slog.Logger) *Buffer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Buffer{limit: records, log: log, ready: make(chan struct{}, 1)}
}

// Write adds one call's records, as the Emitter writes them.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.calls = append(b.calls, bytes.Clone(p))
	b.records += lines(p)
	for b.records > b.limit && len(b.calls) > 1 {
		b.drop()
	}
	b.mu.Unlock()
	b.signal()
	return len(p), nil
}

func (b *Buffer) drop() {
	b.records -= lines(b.calls[0])
	b.calls[0] = nil // let the call go before append reallocates
	b.calls = b.calls[1:]
	if !b.dropping {
		b.dropping = true
		b.log.Warn("Buffer full: dropping the oldest calls", "records", b.limit)
	}
}

func lines(call []byte) int { return max(bytes.Count(call, []byte{'\n'}), 1) }

func (b *Buffer) signal() {
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

// Next returns the oldest call's records, waiting for a call; io.EOF once
// the buffer is closed and empty, or ctx's cause once ctx has ended.
func (b *Buffer) Next(ctx context.Context) ([]byte, error) {
	for {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		if call, err := b.pop(); call != nil || err != nil {
			return call, err
		}
		select {
		case <-b.ready:
		case <-ctx.Done():
		}
	}
}

func (b *Buffer) pop() ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.calls) == 0 && b.closed {
		return nil, io.EOF
	}
	if len(b.calls) == 0 {
		return nil, nil
	}
	call := b.calls[0]
	b.calls, b.records, b.dropping = b.calls[1:], b.records-lines(call), false
	return call, nil
}

// Unread puts back a call that could not be sent, to come first again.
func (b *Buffer) Unread(call []byte) {
	b.mu.Lock()
	b.calls = append([][]byte{call}, b.calls...)
	b.records += lines(call)
	b.mu.Unlock()
}

// Close says no more calls will come: Next returns io.EOF once the
// buffer is empty.
func (b *Buffer) Close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.signal()
}

// Len returns how many calls wait.
func (b *Buffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.calls)
}

// DayFiles is the folder a PBX writes its records to: each call is
// appended to smdr-YYYYMMDD.txt of the local day it is written on. A call
// is one write, so a collector polling the folder sees whole calls, and a
// sync follows it, so a crash cannot tear one on disk.
type DayFiles struct {
	// Header starts every new file, as the driver's Header writes it.
	Header []byte
	dir    string
	loc    *time.Location
	log    *slog.Logger
	name   string
	f      *os.File
}

// NewDayFiles returns the day files in dir, dated in loc; it notes each
// new file on log.
func NewDayFiles(dir string, loc *time.Location, log *slog.Logger) *DayFiles {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &DayFiles{dir: dir, loc: loc, log: log}
}

func (d *DayFiles) Write(p []byte) (int, error) {
	if err := d.open(time.Now().In(d.loc)); err != nil {
		return 0, err
	}
	n, err := d.f.Write(p)
	if err == nil {
		err = d.f.Sync()
	}
	return n, err
}

// open makes the file of now's day the one written to.
func (d *DayFiles) open(now time.Time) error {
	name := filepath.Join(d.dir, "smdr-"+now.Format("20060102")+".txt")
	if name == d.name {
		return nil
	}
	if err := d.Close(); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	d.name, d.f = name, f
	d.log.Info("Writing", "file", name)
	if st, err := f.Stat(); err == nil && st.Size() == 0 && len(d.Header) > 0 {
		_, err = f.Write(d.Header)
		return err
	}
	return nil
}

// Close closes the current file; a later Write opens it again.
func (d *DayFiles) Close() error {
	if d.f == nil {
		return nil
	}
	err := d.f.Close()
	d.f, d.name = nil, ""
	return err
}
