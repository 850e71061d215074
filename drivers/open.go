package drivers

import (
	"errors"
	"fmt"
	"time"
)

// ErrNoZone refuses a Config without a Location: Open always sets one,
// but a driver's New may be called without Open.
var ErrNoZone = errors.New("no time zone: open the driver with Driver.Open")

// ReadSettings is how a driver's New starts: it refuses cfg without a
// time zone (ErrNoZone) and reads cfg.Settings with read, once, into the
// options the parser keeps.
func ReadSettings[O any](cfg Config, read func(settings map[string]string) (O, error)) (O, error) {
	if cfg.Location == nil {
		var none O
		return none, ErrNoZone
	}
	return read(cfg.Settings)
}

// Open checks cfg.Settings against the driver's declared settings, fills
// in defaults (time.Local, final answerer) and opens a parser. Every call
// the parser returns is stamped with the driver's ID and attributed as cfg
// says, so no driver has to do either.
func (d *Driver) Open(cfg Config) (Parser, error) {
	settings, err := d.Resolve(cfg.Settings)
	if err != nil {
		return nil, err
	}
	cfg.Settings = settings
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.Attribution == "" {
		cfg.Attribution = FinalAnswerer
	}
	if cfg.Attribution != FinalAnswerer && cfg.Attribution != FirstAnswerer {
		return nil, fmt.Errorf("answerer %q: want final or first", cfg.Attribution)
	}
	p, err := d.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", d.ID, err)
	}
	return &finisher{p: p, id: d.ID, attr: cfg.Attribution}, nil
}

type finisher struct {
	p    Parser
	id   string
	attr Attribution
}

func (f *finisher) Parse(rec Record) ([]Call, error) {
	calls, err := f.p.Parse(rec)
	return f.finish(calls), err
}

func (f *finisher) Flush() []Call {
	return f.finish(f.p.Flush())
}

func (f *finisher) finish(calls []Call) []Call {
	for i := range calls {
		calls[i].Driver = f.id
		calls[i].Attribute(f.attr)
	}
	return calls
}
