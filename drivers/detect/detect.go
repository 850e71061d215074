// Package detect tells which driver reads a sample of a PBX's output:
// it tries every registered driver, with its documented defaults and the
// variants it declares, and ranks them by the share of the sample's
// records that become plausible calls.
package detect

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"calltally.app/drivers"
)

// previewCalls is how many calls a candidate shows.
const previewCalls = 3

// A Candidate is one driver, under one set of settings, scored on a sample.
type Candidate struct {
	Driver   string
	Settings map[string]string // besides the defaults; nil for the defaults alone
	// Score is the share of the sample's records (0–1) that went into
	// plausible calls; records the driver knows carry no call (headers)
	// count for less.
	Score   float64
	Records int // records in the sample
	Calls   int // plausible calls read
	Preview []drivers.Call
}

// Options say where and when the sample was taken: formats that write
// local time are read in Location, formats without a year dated before
// Received.
type Options struct {
	Location *time.Location
	Received time.Time
}

// Detect scores every registered driver on sample and returns the
// candidates best first; drivers that read nothing from it are left out.
func Detect(sample []byte, opt Options) []Candidate {
	if opt.Location == nil {
		opt.Location = time.Local
	}
	if opt.Received.IsZero() {
		opt.Received = time.Now()
	}
	var out []Candidate
	for _, d := range drivers.All() {
		if c, ok := best(d, sample, opt); ok {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		if a.Score != b.Score {
			return compareFloat(b.Score, a.Score)
		}
		return b.Calls - a.Calls
	})
	return out
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// best tries d with its defaults and each variant, and keeps the best.
func best(d *drivers.Driver, sample []byte, opt Options) (Candidate, bool) {
	var top Candidate
	for _, v := range append([]map[string]string{nil}, d.Variants...) {
		c, err := try(d, v, sample, opt)
		if err == nil && c.Score > top.Score {
			top = c
		}
	}
	return top, top.Score > 0
}

// try parses sample with d under settings v and scores it.
func try(d *drivers.Driver, v map[string]string, sample []byte, opt Options) (Candidate, error) {
	p, err := d.Open(drivers.Config{Location: opt.Location, Settings: maps.Clone(v)})
	if err != nil {
		return Candidate{}, err // a driver that needs a setting to read anything (custom)
	}
	c := Candidate{Driver: d.ID, Settings: v}
	j := drivers.NewJoiner(p, drivers.FinalAnswerer)
	var t tally
	rd := drivers.NewReader(bytes.NewReader(sample), "sample", d.Split, func() time.Time { return opt.Received })
	for id := int64(1); ; id++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) || err != nil {
			break
		}
		rec.ID = id
		c.Records++
		calls, perr := j.Parse(rec)
		t.add(calls, perr, opt)
	}
	t.add(j.Flush(), nil, opt)
	c.Score, c.Calls, c.Preview = t.score(c.Records), len(t.plausible), t.preview()
	return c, nil
}

// A tally counts what a driver made of a sample's records.
type tally struct {
	ignored   int // records the driver says carry no call
	used      map[int64]bool
	plausible []drivers.Call
}

func (t *tally) add(calls []drivers.Call, err error, opt Options) {
	if errors.Is(err, drivers.ErrNotCall) {
		t.ignored++
	}
	if t.used == nil {
		t.used = map[int64]bool{}
	}
	for _, c := range calls {
		if !plausible(&c, opt) {
			continue
		}
		t.plausible = append(t.plausible, c)
		for _, id := range c.Records() {
			t.used[id] = true
		}
	}
}

// ignoredWeight is what a record the driver calls no call counts for: a
// header is part of a good read, but a driver that ignored everything
// must not look as good as one that read calls.
const ignoredWeight = 0.25

func (t *tally) score(records int) float64 {
	if records == 0 || len(t.plausible) == 0 {
		return 0
	}
	return min(1, (float64(len(t.used))+ignoredWeight*float64(t.ignored))/float64(records))
}

func (t *tally) preview() []drivers.Call {
	return slices.Clone(t.plausible[:min(previewCalls, len(t.plausible))])
}

// plausible reports whether c looks like a call a PBX made: dated within
// thirty years before the sample was taken and a year after (a PBX's
// clock may be wrong; a misread date is usually far off), lasting less
// than a day, its numbers made of digits.
func plausible(c *drivers.Call, opt Options) bool {
	if !c.Direction.Valid() || len(c.Legs) == 0 {
		return false
	}
	if c.Start.Year() < opt.Received.Year()-30 || c.Start.After(opt.Received.AddDate(1, 0, 0)) {
		return false
	}
	if c.Duration < 0 || c.Duration > 24*3600 || c.Ring < 0 || c.Ring > 3600 {
		return false
	}
	return numberLike(c.Extension) && numberLike(c.External) && numberLike(c.Dialled)
}

// numberLike accepts what PBXs write for a number: digits with the
// dialling signs, and the words they write for a withheld one.
func numberLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+*#-. ()", r):
		default:
			return withheld(s)
		}
	}
	return digits > 0
}

func withheld(s string) bool {
	switch strings.ToLower(s) {
	case "anonymous", "withheld", "private", "unknown", "restricted", "unavailable":
		return true
	}
	return false
}
