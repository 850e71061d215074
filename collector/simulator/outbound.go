package simulator

import "calltally.app/drivers"

// Outcomes of outbound calls, as cumulative thresholds: 1% fail for want
// of a free line, 3% find the number busy, 12% ring out.
const (
	failedBelow     = 0.01
	busyBelow       = 0.04
	unansweredBelow = 0.16
	accountCodeRate = 0.3 // of Sales and Management's outbound calls
)

// outbound plays a call someone in the office places to the outside.
func (d *day) outbound(sec int) {
	i := d.pickCaller(sec, outboundRate)
	if i < 0 {
		return
	}
	if ci := d.g.contacts.dialled(d.rng, d.ext(i).Number); ci >= 0 {
		d.dial(sec, i, d.g.office.Contacts[ci].Number)
	}
}

// dial places a call from extension i to number.
func (d *day) dial(sec, i int, number string) {
	e := d.ext(i)
	b := d.begin(sec, drivers.Outbound)
	b.call.Extension, b.call.ExtensionName = e.Number, e.Name
	b.call.External, b.call.Dialled = number, number
	b.call.Trunk = d.trunk()
	b.call.AccountCode = d.accountCode(e)
	b.add(d.outboundLeg(i, number))
	d.finish(b)
}

func (d *day) outboundLeg(i int, number string) drivers.Leg {
	switch r := d.rng.Float64(); {
	case r < failedBelow:
		return d.leg(i, number, 0, 0, drivers.Failed)
	case r < busyBelow:
		return d.leg(i, number, 0, 0, drivers.Busy)
	case r < unansweredBelow:
		return d.leg(i, number, between(d.rng, 15, 40), 0, drivers.Unanswered)
	}
	return d.leg(i, number, ringTime(d.rng, 4, 7), d.talk(i), drivers.Answered)
}

// accountCode books some of Sales' and Management's calls to a code, the
// first codes more often.
func (d *day) accountCode(e *Extension) string {
	codes := d.g.office.AccountCodes
	if (e.Department != Sales && e.Department != Management) || len(codes) == 0 ||
		!chance(d.rng, accountCodeRate) {
		return ""
	}
	return codes[pickWeighted(d.rng, descending(len(codes)))].Code
}

// trunk picks the line a call uses. PBXs hunt lines from the first, so
// line 1 carries the most calls and the last line the fewest.
func (d *day) trunk() string {
	lines := d.g.office.Trunks
	if len(lines) == 0 {
		return ""
	}
	return lines[pickWeighted(d.rng, descending(len(lines)))]
}

// descending returns the weights n, n-1, …, 1.
func descending(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = float64(n - i)
	}
	return w
}

// internal plays a call between two extensions: mostly within a
// department, answered unless the colleague is out or on the phone.
func (d *day) internal(sec int) {
	from := d.pickCaller(sec, internalRate)
	if from < 0 {
		return
	}
	to := d.pickCallee(from)
	if to < 0 {
		return
	}
	e := d.ext(from)
	b := d.begin(sec, drivers.Internal)
	b.call.Extension, b.call.ExtensionName = e.Number, e.Name
	b.call.Dialled = d.ext(to).Number
	d.ringColleague(b, to, e.Number)
	d.finish(b)
}

func (d *day) ringColleague(b *builder, i int, from string) {
	switch r := d.rng.Float64(); {
	case !d.present[i]:
		d.unreached(b, i, from, 0.5)
	case d.busy(i, b.start) && r < 0.5:
		b.add(d.leg(i, from, 0, 0, drivers.Busy))
	case d.busy(i, b.start):
		d.toVoicemail(b, i, from)
	case r < 0.03:
		b.add(d.leg(i, from, between(d.rng, 8, 30), 0, drivers.Unanswered))
	case r < 0.045:
		d.toVoicemail(b, i, from)
	default:
		talk := logNormal(d.rng, 50, 0.9, 5, 20*60)
		b.add(d.leg(i, from, ringTime(d.rng, 2, 4), talk, drivers.Answered))
	}
}

// pickCallee picks whom extension from calls: a colleague in the same
// department more often than not. On Saturdays only those in are called.
func (d *day) pickCallee(from int) int {
	same := chance(d.rng, 0.55)
	dept := d.ext(from).Department
	weight := func(i int, e *Extension) float64 {
		if i == from || (same && e.Department != dept) || (d.kind == saturday && !d.present[i]) {
			return 0
		}
		return profileOf(e.Department).internal * e.Activity
	}
	if i := d.pickExtension(weight); i >= 0 || !same {
		return i
	}
	same = false
	return d.pickExtension(weight)
}
