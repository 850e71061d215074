package simulator

import (
	"iter"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"calltally.app/drivers"
)

// CallIDs look like a PBX's running call number. Each day's start at a
// fixed step from the Origin's, so a day's IDs can be derived without
// generating the days before it; no day comes near idsPerDay calls.
const (
	firstCallID = 1000000
	idsPerDay   = 10000
)

// A Generator makes the call history of an office. Each day's calls
// depend only on the office, the seed and the date, so days can be
// generated in any order, or concurrently: a Generator is not changed by
// generating.
type Generator struct {
	// Origin is the day whose first call gets CallID 1000000; each later
	// day's IDs start 10000 higher, each earlier day's 10000 lower. When it
	// is zero, Days and Stream count from their first day and Day from the
	// day it is given: set it when a run generates day by day with Day, so
	// that IDs stay unique. Keep it on or before the first day generated:
	// IDs reach zero 100 days before it.
	Origin time.Time

	office   *Office
	seed     int64
	loc      *time.Location
	index    map[string]int // extension number → index in office.Extensions
	contacts pools
}

// NewGenerator returns a generator of o's calls, dated in loc (UTC if nil).
// The same office, seed and location always give the same calls.
func NewGenerator(o *Office, seed int64, loc *time.Location) *Generator {
	if loc == nil {
		loc = time.UTC
	}
	g := &Generator{office: o, seed: seed, loc: loc, index: map[string]int{}}
	for i, e := range o.Extensions {
		g.index[e.Number] = i
	}
	g.contacts = newPools(o.Contacts)
	return g
}

// Office returns the office the generator simulates.
func (g *Generator) Office() *Office { return g.office }

// Day returns the calls that start on date's calendar day in the
// generator's location, sorted by Start.
func (g *Generator) Day(date time.Time) []drivers.Call {
	return g.day(date, g.origin(date))
}

// Days returns the calls of n consecutive days from from, sorted by Start.
func (g *Generator) Days(from time.Time, n int) []drivers.Call {
	origin := g.origin(from)
	var calls []drivers.Call
	for i := range n {
		calls = append(calls, g.day(g.addDays(from, i), origin)...)
	}
	return calls
}

// Stream yields the calls of day after day from from, endlessly, in the
// order of their Start; the consumer stops it.
func (g *Generator) Stream(from time.Time) iter.Seq[drivers.Call] {
	origin := g.origin(from)
	return func(yield func(drivers.Call) bool) {
		if len(g.office.Extensions) == 0 {
			return
		}
		for i := 0; ; i++ {
			for _, c := range g.day(g.addDays(from, i), origin) {
				if !yield(c) {
					return
				}
			}
		}
	}
}

func (g *Generator) origin(first time.Time) time.Time {
	if g.Origin.IsZero() {
		return first
	}
	return g.Origin
}

// addDays returns local midnight n calendar days after t's day; adding
// 24-hour periods would drift across daylight-saving changes.
func (g *Generator) addDays(t time.Time, n int) time.Time {
	y, m, d := t.In(g.loc).Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, g.loc)
}

// day generates one day and numbers its calls.
func (g *Generator) day(date, origin time.Time) []drivers.Call {
	date = g.addDays(date, 0)
	d := newDay(g, date, g.rand(date))
	d.run()
	base := firstCallID + int64(daysBetween(g.addDays(origin, 0), date))*idsPerDay
	for i := range d.calls {
		d.calls[i].CallID = strconv.FormatInt(base+int64(i), 10)
	}
	return d.calls
}

// rand returns the random source of one day: seeded from the generator's
// seed and the date alone, so a day does not depend on the days before.
func (g *Generator) rand(date time.Time) *rand.Rand {
	y, m, d := date.Date()
	key := uint64(y)*10000 + uint64(m)*100 + uint64(d)
	return rand.New(rand.NewPCG(uint64(g.seed), splitmix(key)))
}

// splitmix scatters nearby dates to unrelated PCG streams.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// daysBetween counts calendar days from a to b, both local midnights.
func daysBetween(a, b time.Time) int {
	ua := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	ub := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours() / 24)
}

// sortByStart orders calls by Start, keeping generation order for calls
// in the same second so the output stays deterministic.
func sortByStart(calls []drivers.Call) {
	slices.SortStableFunc(calls, func(a, b drivers.Call) int { return a.Start.Compare(b.Start) })
}
