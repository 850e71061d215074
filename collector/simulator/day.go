package simulator

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"calltally.app/drivers"
)

// Shares of the calls placed (call-backs come on top and add about two
// points of outbound): half inbound, 38% outbound, 12% internal overall.
const (
	inboundShare  = 0.51
	outboundShare = 0.365
)

// day is the state of one day being generated: who is in, who is on the
// phone until when, and the calls so far.
type day struct {
	g       *Generator
	rng     *rand.Rand
	date    time.Time // local midnight
	kind    dayKind
	present []bool
	// busyTill is the second of the day each extension's last call ends,
	// so nobody answers two calls at once.
	busyTill []int
	calls    []drivers.Call
}

func newDay(g *Generator, date time.Time, rng *rand.Rand) *day {
	n := len(g.office.Extensions)
	d := &day{g: g, rng: rng, date: date, kind: kindOf(date),
		present: make([]bool, n), busyTill: make([]int, n)}
	d.presence()
	return d
}

// run generates the day: calls placed at their start times in order (so
// busy extensions are known), then the call-backs of missed calls.
func (d *day) run() {
	for _, sec := range d.startTimes() {
		d.place(sec)
	}
	d.callbacks()
	sortByStart(d.calls)
}

// presence decides who is in: on workdays a few people are off sick or on
// leave (the switchboard is always staffed), on Saturdays two or three of
// the warehouse crew by rota, on closed days nobody.
func (d *day) presence() {
	switch d.kind {
	case workday, short:
		for i, e := range d.g.office.Extensions {
			d.present[i] = e.Number == d.g.office.Switchboard || !chance(d.rng, 0.07)
		}
	case saturday:
		d.rota(Warehouse, between(d.rng, 2, 3))
	}
}

// rota brings n people of department dep in.
func (d *day) rota(dep Department, n int) {
	for _, i := range d.rng.Perm(len(d.present)) {
		if n > 0 && d.ext(i).Department == dep {
			d.present[i] = true
			n--
		}
	}
}

// volume is how many calls the day places, varying from day to day.
func (d *day) volume() int {
	if d.kind == closed {
		return d.rng.IntN(3)
	}
	noise := max(-0.11, min(0.11, d.rng.NormFloat64()*0.055))
	return int(math.Round(baseVolume * volumeFactor(d.date, d.kind) * (1 + noise)))
}

// startTimes draws the seconds of the day the calls start, in order.
func (d *day) startTimes() []int {
	c := curve(d.kind, d.date.Weekday())
	secs := make([]int, d.volume())
	for i := range secs {
		secs[i] = opening + pickWeighted(d.rng, c)*binSeconds + d.rng.IntN(binSeconds)
	}
	slices.Sort(secs)
	return secs
}

func (d *day) place(sec int) {
	r := d.rng.Float64()
	switch {
	case d.kind == closed || r < inboundShare:
		d.inbound(sec)
	case r < inboundShare+outboundShare:
		d.outbound(sec)
	default:
		d.internal(sec)
	}
}

func (d *day) ext(i int) *Extension { return &d.g.office.Extensions[i] }

func (d *day) busy(i, sec int) bool { return sec < d.busyTill[i] }

// clock returns the time sec seconds into the day, on the wall clock:
// offices open at 07:30 on daylight-saving days too.
func (d *day) clock(sec int) time.Time {
	y, m, dd := d.date.Date()
	return time.Date(y, m, dd, 0, 0, sec, 0, d.g.loc)
}

// pickExtension draws an extension in proportion to weight, -1 if none has any.
func (d *day) pickExtension(weight func(i int, e *Extension) float64) int {
	w := make([]float64, len(d.g.office.Extensions))
	for i := range w {
		w[i] = weight(i, d.ext(i))
	}
	return pickWeighted(d.rng, w)
}

// pickCaller draws someone in the office to place a call, preferring
// someone who is not on the phone already.
func (d *day) pickCaller(sec int, rate func(profile) float64) int {
	weight := func(i int, e *Extension) float64 {
		if !d.present[i] {
			return 0
		}
		return rate(profileOf(e.Department)) * e.Activity
	}
	i := -1
	for range 3 {
		if i = d.pickExtension(weight); i < 0 || !d.busy(i, sec) {
			break
		}
	}
	return i
}

// begin starts a call at sec.
func (d *day) begin(sec int, dir drivers.Direction) *builder {
	return &builder{call: drivers.Call{Start: d.clock(sec), Direction: dir}, start: sec, at: sec}
}

// finish completes a call, marks its parties busy and keeps it.
func (d *day) finish(b *builder) {
	seal(&b.call)
	d.occupy(b)
	d.calls = append(d.calls, b.call)
}

// occupy marks the extensions on the call busy until their leg ends; the
// caller of an outbound call is busy while it rings too.
func (d *day) occupy(b *builder) {
	for _, l := range b.call.Legs {
		i, ok := d.g.index[l.Party]
		if !ok || (l.Outcome != drivers.Answered && b.call.Direction != drivers.Outbound) {
			continue
		}
		end := b.start + int(l.Start.Sub(b.call.Start)/time.Second) + l.Ring + l.Talk
		d.busyTill[i] = max(d.busyTill[i], end)
	}
}

// leg is a leg about extension i, talking to peer.
func (d *day) leg(i int, peer string, ring, talk int, o drivers.Outcome) drivers.Leg {
	e := d.ext(i)
	l := drivers.Leg{Party: e.Number, PartyName: e.Name, Peer: peer, Ring: ring, Talk: talk, Outcome: o}
	if o == drivers.Answered {
		l.Hold = holdTime(d.rng, talk)
	}
	return l
}

// callbacks has people return calls they missed, later the same day.
func (d *day) callbacks() {
	n := len(d.calls)
	for i := range n {
		c := d.calls[i] // a copy: calling back appends to d.calls
		if c.Direction == drivers.Inbound && (!c.Answered || c.Voicemail) {
			d.callBack(c)
		}
	}
}

// callBack returns a missed call: more often when the caller left a
// message, never when the person is not in or the office has closed.
func (d *day) callBack(c drivers.Call) {
	i, ok := d.g.index[c.Extension]
	p := 0.6
	if c.Voicemail {
		p = 0.8
	}
	if !ok || !d.present[i] || !chance(d.rng, p) {
		return
	}
	h, m, s := c.Start.Clock()
	at := h*3600 + m*60 + s + c.Ring + c.Duration + 120 + int(d.rng.ExpFloat64()*2400)
	if at < closingTime(d.kind) {
		d.dial(at, i, c.External)
	}
}
