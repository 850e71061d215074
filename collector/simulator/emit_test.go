package simulator

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"calltally.app/drivers"
	"calltally.app/drivers/avayaipo"
)

func ipo(t *testing.T) *drivers.Driver {
	t.Helper()
	d, err := drivers.Lookup("avaya-ipo")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func newEmitter(t *testing.T, d *drivers.Driver, rate float64, count int, start time.Time) *Emitter {
	t.Helper()
	e, err := NewEmitter(NewGenerator(NewOffice(), 42, start.Location()), d, rate, count, start)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// parseIPO reads SMDR text with the avaya-ipo driver and fails on any
// record that does not parse or call left without its last record.
func parseIPO(t *testing.T, text string, loc *time.Location) []drivers.Call {
	t.Helper()
	p, err := ipo(t).Open(drivers.Config{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	var calls []drivers.Call
	rd := drivers.NewReader(strings.NewReader(text), "emitted", nil, nil)
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		got, err := p.Parse(rec)
		if err != nil {
			t.Fatalf("%s: %v: %q", rec.Where(), err, rec.Text)
		}
		calls = append(calls, got...)
	}
	if open := p.Flush(); len(open) > 0 {
		t.Fatalf("%d calls without their last record", len(open))
	}
	return calls
}

func TestEmitterWritesParseableCalls(t *testing.T) {
	loc := berlin(t)
	var out bytes.Buffer
	n, err := newEmitter(t, ipo(t), 0, 50, time.Now().In(loc)).Run(context.Background(), &out)
	if err != nil || n != 50 {
		t.Fatalf("Run = %d, %v; want 50 calls", n, err)
	}
	calls := parseIPO(t, out.String(), loc)
	ids := map[string]bool{}
	for _, c := range calls {
		ids[c.CallID] = true
	}
	if len(calls) != 50 || len(ids) != 50 {
		t.Fatalf("parsed %d calls with %d Call IDs, want 50", len(calls), len(ids))
	}
}

// fakeClock is a clock whose sleeps pass at once, for exact pacing tests.
type fakeClock struct{ t time.Time }

func (f *fakeClock) now() time.Time { return f.t }

func (f *fakeClock) sleep(_ context.Context, d time.Duration) error {
	f.t = f.t.Add(d)
	return nil
}

// clockedWriter notes when each call is written; stalls[i] is how long
// writing call i blocks.
type clockedWriter struct {
	clock  *fakeClock
	stalls map[int]time.Duration
	at     []time.Time
}

func (w *clockedWriter) Write(p []byte) (int, error) {
	w.at = append(w.at, w.clock.t)
	w.clock.t = w.clock.t.Add(w.stalls[len(w.at)-1])
	return len(p), nil
}

func TestEmitterPacing(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name     string
		rate     float64
		count    int
		stalls   map[int]time.Duration
		wantGaps []time.Duration
	}{
		{"20 per second", 20, 10, nil, []time.Duration{50 * ms, 50 * ms, 50 * ms, 50 * ms, 50 * ms, 50 * ms, 50 * ms, 50 * ms, 50 * ms}},
		{"as fast as possible", 0, 4, map[int]time.Duration{1: 70 * ms}, []time.Duration{0, 70 * ms, 0}},
		// Within an interval the schedule holds: the next call keeps its time.
		{"short stall", 20, 5, map[int]time.Duration{1: 70 * ms}, []time.Duration{50 * ms, 70 * ms, 30 * ms, 50 * ms}},
		// Longer, and the schedule starts again: no burst of overdue calls.
		{"long stall", 20, 6, map[int]time.Duration{1: 200 * ms}, []time.Duration{50 * ms, 200 * ms, 50 * ms, 50 * ms, 50 * ms}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := &fakeClock{time.Date(2026, 3, 2, 10, 0, 0, 0, berlin(t))}
			e := newEmitter(t, ipo(t), tt.rate, tt.count, clock.t)
			e.now, e.sleep = clock.now, clock.sleep
			w := &clockedWriter{clock: clock, stalls: tt.stalls}
			if n, err := e.Run(context.Background(), w); n != tt.count || err != nil {
				t.Fatalf("Run = %d, %v", n, err)
			}
			var gaps []time.Duration
			for i := 1; i < len(w.at); i++ {
				gaps = append(gaps, w.at[i].Sub(w.at[i-1]))
			}
			if !reflect.DeepEqual(gaps, tt.wantGaps) {
				t.Errorf("gaps %v, want %v", gaps, tt.wantGaps)
			}
		})
	}
}

// TestEmitterEndsCallsNow checks that calls are moved to end when they
// are written, keep their shape, and continue the office's day at start.
func TestEmitterEndsCallsNow(t *testing.T) {
	loc := berlin(t)
	clock := &fakeClock{time.Date(2026, 3, 2, 10, 0, 0, 700e6, loc)}
	var got []drivers.Call
	capture := &drivers.Driver{ID: "capture", Encode: func(w io.Writer, c *drivers.Call) error {
		got = append(got, *c)
		return avayaipo.Encode(w, c)
	}}
	e := newEmitter(t, capture, 0, 100, clock.t)
	e.now, e.sleep = clock.now, clock.sleep
	if _, err := e.Run(context.Background(), io.Discard); err != nil {
		t.Fatal(err)
	}
	before := 0 // the day's calls before start, which are skipped
	for _, c := range NewGenerator(NewOffice(), 42, loc).Day(clock.t) {
		if c.Start.Before(clock.t) {
			before++
		}
	}
	if first := got[0].CallID; first != strconv.Itoa(1000000+before) {
		t.Errorf("first Call ID %s, want %d (after the %d calls before start)", first, 1000000+before, before)
	}
	end := clock.t.Truncate(time.Second)
	for _, c := range got {
		if !c.Start.Add(elapsed(&c)).Equal(end) || c.Start.Location() != loc || !c.Legs[0].Start.Equal(c.Start) {
			t.Errorf("call %s starts %v and lasts %v: does not end at %v", c.CallID, c.Start, elapsed(&c), end)
		}
	}
}

func TestEmitterRealTime(t *testing.T) {
	e := newEmitter(t, ipo(t), 20, 10, time.Now())
	began := time.Now()
	if n, err := e.Run(context.Background(), io.Discard); n != 10 || err != nil {
		t.Fatalf("Run = %d, %v", n, err)
	}
	// Nine gaps of 50 ms; the upper bound only catches a pacer gone wrong.
	if took := time.Since(began); took < 450*time.Millisecond || took > 5*time.Second {
		t.Errorf("10 calls at 20/s took %v, want about 450 ms", took)
	}
}

func TestEmitterStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	began := time.Now()
	n, err := newEmitter(t, ipo(t), 20, 0, time.Now()).Run(ctx, io.Discard)
	if err != nil || n < 1 || n > 10 || time.Since(began) > 5*time.Second {
		t.Fatalf("Run = %d, %v after %v; want a few calls, no error, soon after 300 ms", n, err, time.Since(began))
	}
	if n, err := newEmitter(t, ipo(t), 0, 0, time.Now()).Run(ctx, io.Discard); n != 0 || err != nil {
		t.Fatalf("Run with an ended context = %d, %v; want 0, nil", n, err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEmitterErrors(t *testing.T) {
	_, err := NewEmitter(NewGenerator(NewOffice(), 1, nil), &drivers.Driver{ID: "mute"}, 1, 1, time.Now())
	if err == nil || err.Error() != "driver mute cannot simulate" {
		t.Errorf("NewEmitter without Encode: %v", err)
	}
	n, err := newEmitter(t, ipo(t), 0, 5, time.Now()).Run(context.Background(), failingWriter{})
	if n != 0 || err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Run into a failing writer = %d, %v", n, err)
	}
}

// call is a fake call of n records.
func call(name string, n int) []byte {
	return []byte(strings.Repeat(name+"\r\n", n))
}

func TestBufferDropsOldest(t *testing.T) {
	var log bytes.Buffer
	b := NewBuffer(5, slog.New(slog.NewTextHandler(&log, nil)))
	for _, c := range []string{"a", "b", "c", "d"} {
		b.Write(call(c, 2)) // 8 records for room for 5: a and b go
	}
	if got := strings.Count(log.String(), "Buffer full"); got != 1 {
		t.Errorf("%d warnings for one overflow, want 1:\n%s", got, log.String())
	}
	b.Write(call("huge", 9)) // a call bigger than the buffer still goes
	b.Close()
	var got []string
	for {
		c, err := b.Next(context.Background())
		if err == io.EOF {
			break
		}
		got = append(got, strings.Fields(string(c))[0])
	}
	if want := []string{"huge"}; !reflect.DeepEqual(got, want) {
		t.Errorf("left %v, want %v", got, want)
	}
}

func TestBufferNext(t *testing.T) {
	b := NewBuffer(100, nil)
	b.Write(call("a", 1))
	b.Write(call("b", 1))
	first, _ := b.Next(context.Background())
	b.Unread(first) // its write failed: it goes first again
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() {
		time.Sleep(10 * time.Millisecond)
		b.Write(call("c", 1)) // comes while Next waits
	}()
	var got []string
	for range 3 {
		c, err := b.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(c))
	}
	if want := []string{"a\r\n", "b\r\n", "c\r\n"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	gone := errors.New("collector gone")
	cancel(gone)
	if _, err := b.Next(ctx); err != gone {
		t.Errorf("Next after the context ended: %v, want its cause", err)
	}
}

func TestDayFiles(t *testing.T) {
	dir, loc := t.TempDir(), berlin(t)
	d := NewDayFiles(dir, loc, nil)
	for _, c := range []string{"a", "b"} {
		if _, err := d.Write(call(c, 2)); err != nil {
			t.Fatal(err)
		}
		if err := d.Close(); err != nil { // a reopened file is appended to
			t.Fatal(err)
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	var all []byte
	for _, name := range names { // two only when the test runs over midnight
		if ok, _ := filepath.Match("smdr-20[0-9][0-9][01][0-9][0-3][0-9].txt", filepath.Base(name)); !ok {
			t.Errorf("file %s", name)
		}
		b, _ := os.ReadFile(name)
		all = append(all, b...)
	}
	if len(names) < 1 || len(names) > 2 || string(all) != "a\r\na\r\nb\r\nb\r\n" {
		t.Errorf("files %v hold %q", names, all)
	}
}
