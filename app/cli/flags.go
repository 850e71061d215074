package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"calltally.app/drivers"
	"calltally.app/storage"
)

// flags returns a flag set for a subcommand that honours --data.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("calltally "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.data, "data", e.data, "data directory (default $"+storage.DataDirEnv+" or the system's)")
	return fs
}

// parseFlags parses args allowing flags after positional arguments
// (calltally import a.txt --driver x) and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

// settingsFlag collects repeated --set KEY=VALUE.
type settingsFlag map[string]string

func (s settingsFlag) String() string { return fmt.Sprint(map[string]string(s)) }

func (s settingsFlag) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE, got %q", v)
	}
	s[k] = val
	return nil
}

// driverFlags are the flags of every command that reads a PBX format.
type driverFlags struct {
	driver, tz, answerer string
	set                  settingsFlag
	dialPlan             string // of the configured PBX, for import
}

func (d *driverFlags) register(fs *flag.FlagSet) {
	d.set = settingsFlag{}
	fs.StringVar(&d.driver, "driver", "", "driver ID (see calltally drivers)")
	fs.StringVar(&d.tz, "tz", "", "the site's time zone, e.g. Europe/Berlin (default: this machine's)")
	fs.StringVar(&d.answerer, "answerer", "", "count inbound calls that several extensions answered against the `final` or the first answerer (default final, or the PBX's setting)")
	fs.Var(d.set, "set", "driver setting KEY=VALUE (repeatable; see calltally drivers --settings ID)")
	fs.Func("layout", "the driver's layout setting, read from `FILE` (the custom driver's record description)", d.set.readLayout)
}

// readLayout sets the layout setting to the contents of the file at path:
// a layout is a document, too long for --set.
func (s settingsFlag) readLayout(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s["layout"] = strings.TrimSpace(string(b))
	return nil
}

// open looks up the driver and opens a parser with the flags' settings.
func (d *driverFlags) open() (*drivers.Driver, drivers.Parser, error) {
	if d.driver == "" {
		_, err := drivers.Lookup("")
		return nil, nil, fmt.Errorf("--driver is required: %w", err)
	}
	drv, err := drivers.Lookup(d.driver)
	if err != nil {
		return nil, nil, err
	}
	loc, err := drivers.LoadZone(d.tz)
	if err != nil {
		return nil, nil, err
	}
	p, err := drv.Open(drivers.Config{Location: loc, Attribution: drivers.Attribution(d.answerer), Settings: d.set})
	return drv, p, err
}

// parseTime reads a date or date-time given on the command line, in loc.
func parseTime(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	return time.Time{}, fmt.Errorf("time %q: want YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or RFC 3339", s)
}

// splitList splits a comma-separated flag value, dropping blanks.
func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
