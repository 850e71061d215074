// Package driverstest holds what every driver's tests share: golden cases
// under testdata/, parsing helpers, the invariants fuzz targets check,
// and round trips of simulated calls through a driver's Encode and
// parser. Only tests import it.
package driverstest

import (
	"bufio"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin on machines without a zone database

	"calltally.app/drivers"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.jsonl and want.err from the parser's output")

// Zone is where golden cases are parsed unless their settings say else.
const Zone = "Europe/Berlin"

// FixedClock is the arrival time of every record in golden cases, so
// formats without a year parse the same on any day.
func FixedClock() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

var zones sync.Map // name → *time.Location: fuzzers open thousands of parsers

// Location loads a zone once per test binary.
func Location(t testing.TB, name string) *time.Location {
	t.Helper()
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	zones.Store(name, loc)
	return loc
}

// Open opens the registered driver id as the program does, in Zone with
// the given settings (nil for the defaults).
func Open(t testing.TB, id string, settings map[string]string) drivers.Parser {
	t.Helper()
	return OpenConfig(t, id, drivers.Config{Location: Location(t, Zone), Settings: settings})
}

// OpenConfig opens the registered driver id with cfg.
func OpenConfig(t testing.TB, id string, cfg drivers.Config) drivers.Parser {
	t.Helper()
	p, err := lookup(t, id).Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A SettingsRefusal is settings a driver must refuse and part of the
// error it must give; an alias of an unnamed struct, as Refusal is.
type SettingsRefusal = struct {
	Settings map[string]string
	Want     string
}

// CheckOpenRefuses expects driver id to refuse each refusal's settings,
// as drivers.Open gives them to the site, with an error containing Want.
func CheckOpenRefuses(t testing.TB, id string, refusals []SettingsRefusal) {
	t.Helper()
	d := lookup(t, id)
	for _, r := range refusals {
		_, err := d.Open(drivers.Config{Settings: r.Settings})
		if err == nil || !strings.Contains(err.Error(), r.Want) {
			t.Errorf("Open(%v): error %v, want one containing %q", r.Settings, err, r.Want)
		}
	}
}

// CheckError holds the error of call to want: none when want is "", else
// one containing want. It reports whether call succeeded as wanted, for
// the caller to go on to check what it returned.
func CheckError(t testing.TB, call string, err error, want string) bool {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: %v", call, err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Errorf("%s: error %v, want one containing %q", call, err, want)
	}
	return want == "" && err == nil
}

// Parsed is what a parser made of an input: its calls in order, then one
// "FILE:LINE: reason" per record it rejected; Failed holds those of Errs
// that are failures, not records without a call (drivers.ErrNotCall).
type Parsed struct {
	Calls  []drivers.Call
	Errs   []string
	Failed []string
}

// ParseFile parses the file at path with the driver's framing.
func ParseFile(t testing.TB, d *drivers.Driver, p drivers.Parser, path string) Parsed {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ParseReader(t, d, p, filepath.Base(path), f)
}

// ParseText parses lines given in a test, one record per line.
func ParseText(t testing.TB, p drivers.Parser, lines ...string) Parsed {
	t.Helper()
	return ParseReader(t, nil, p, "test", strings.NewReader(strings.Join(lines, "\n")))
}

// OneCall parses lines that make exactly one call, without a rejected
// record, and returns it.
func OneCall(t testing.TB, p drivers.Parser, lines ...string) drivers.Call {
	t.Helper()
	got := ParseText(t, p, lines...)
	if len(got.Errs) > 0 || len(got.Calls) != 1 {
		t.Fatalf("got %d calls and errors %q, want one call", len(got.Calls), got.Errs)
	}
	return got.Calls[0]
}

// CheckField holds the error of a record to naming the field that could
// not be read: a drivers.FieldError for field, or none when field is 0.
func CheckField(t testing.TB, err error, field int) {
	t.Helper()
	var fe *drivers.FieldError
	if errors.As(err, &fe) != (field != 0) || (fe != nil && fe.Field != field) {
		t.Errorf("error %#v: want a FieldError for field %d", err, field)
	}
}

// ParseReader feeds every record of r to p, numbering them 1, 2, 3…, then
// flushes it. d supplies the framing; nil means one record per line.
func ParseReader(t testing.TB, d *drivers.Driver, p drivers.Parser, source string, r io.Reader) Parsed {
	t.Helper()
	var split bufio.SplitFunc
	if d != nil {
		split = d.Split
	}
	rd := drivers.NewReader(r, source, split, FixedClock)
	var out Parsed
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rec.ID = id
		calls, err := p.Parse(rec)
		out.Calls = append(out.Calls, calls...)
		if err != nil {
			out.Errs = append(out.Errs, rec.Where()+": "+err.Error())
		}
		if err != nil && !errors.Is(err, drivers.ErrNotCall) {
			out.Failed = append(out.Failed, rec.Where()+": "+err.Error())
		}
	}
	out.Calls = append(out.Calls, p.Flush()...)
	return out
}

// PackageDir returns the folder under drivers/ of the package that
// registered d, from the name of its New function: a driver's ID ("3cx")
// need not be its folder.
func PackageDir(t testing.TB, d *drivers.Driver) string {
	t.Helper()
	fn := runtime.FuncForPC(reflect.ValueOf(d.New).Pointer())
	if fn == nil {
		t.Fatal("cannot find the New function")
	}
	name, found := strings.CutPrefix(fn.Name(), "calltally.app/drivers/") // avayaipo.New, avayaipo.init.func1
	pkg, _, _ := strings.Cut(name, ".")
	if !found || strings.Contains(pkg, "/") {
		t.Fatalf("New is %s, not a function of a package directly under drivers/", fn.Name())
	}
	return pkg
}
