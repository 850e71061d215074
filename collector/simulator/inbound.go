package simulator

import "calltally.app/drivers"

// Outcome rates of calls that reach someone who is in and free; calls to
// people who are out or on the phone go to voicemail or ring out on top.
const (
	missedRate    = 0.03 // the caller gives up while it rings
	voicemailRate = 0.005
	transferRate  = 0.35 // of calls the switchboard answers
	noPickupRate  = 0.07 // of transfers, besides targets on the phone
)

// inbound plays a call from outside arriving at sec, either at the main
// number or at someone's direct number.
func (d *day) inbound(sec int) {
	ci := d.g.contacts.caller(d.rng)
	if ci < 0 {
		return
	}
	c := d.g.office.Contacts[ci]
	if chance(d.rng, d.mainNumberShare(c)) {
		d.toSwitchboard(sec, c.Number)
		return
	}
	if target := d.directTarget(c); target >= 0 {
		d.toExtension(sec, c.Number, target)
	}
}

// mainNumberShare is how often a caller dials the main number rather than
// someone direct; key accounts know their contact's number.
func (d *day) mainNumberShare(c Contact) float64 {
	switch {
	case d.kind == saturday:
		return 0.15
	case c.Owner != "":
		return 0.3
	}
	return 0.5
}

func (d *day) beginInbound(sec int, caller, ddi string) *builder {
	b := d.begin(sec, drivers.Inbound)
	b.call.External, b.call.Dialled = caller, ddi
	b.call.Trunk = d.trunk()
	return b
}

// directTarget picks whose direct number is dialled: a key account's own
// contact, else anyone in proportion to how much their job takes calls.
func (d *day) directTarget(c Contact) int {
	if i, ok := d.g.index[c.Owner]; ok && d.kind != saturday && chance(d.rng, 0.7) {
		return i
	}
	return d.pickExtension(func(_ int, e *Extension) float64 {
		if d.kind == saturday && e.Department != Warehouse {
			return 0
		}
		return profileOf(e.Department).direct * e.Activity
	})
}

func (d *day) toExtension(sec int, caller string, i int) {
	b := d.beginInbound(sec, caller, d.ext(i).DDI)
	switch r := d.rng.Float64(); {
	case !d.present[i]:
		d.unreached(b, i, caller, 0.4)
	case d.busy(i, sec):
		d.unreached(b, i, caller, 0.5)
	case r < missedRate:
		d.missed(b, i, caller)
	case r < missedRate+voicemailRate:
		d.toVoicemail(b, i, caller)
	default:
		b.add(d.leg(i, caller, ringTime(d.rng, 3, 4), d.talk(i), drivers.Answered))
	}
	d.finish(b)
}

// toSwitchboard plays a call to the main number. When both receptionists
// are on the phone the caller hangs up; when the office is closed the
// night service offers voicemail.
func (d *day) toSwitchboard(sec int, caller string) {
	o := d.g.office
	sw, ok := d.g.index[o.Switchboard]
	if !ok {
		return
	}
	b := d.beginInbound(sec, caller, o.MainDDI)
	rec := d.receptionist(sec)
	switch r := d.rng.Float64(); {
	case !d.present[sw]:
		d.unreached(b, sw, caller, 0.6)
	case rec < 0, r < missedRate:
		d.missed(b, sw, caller)
	case r < missedRate+0.01:
		d.toVoicemail(b, sw, caller)
	default:
		d.reception(b, rec, caller)
	}
	d.finish(b)
}

// receptionist returns a free receptionist, the switchboard first, or -1.
func (d *day) receptionist(sec int) int {
	if i, ok := d.g.index[d.g.office.Switchboard]; ok && d.present[i] && !d.busy(i, sec) {
		return i
	}
	for i, e := range d.g.office.Extensions {
		if e.Department == Reception && d.present[i] && !d.busy(i, sec) {
			return i
		}
	}
	return -1
}

// reception answers the call and either deals with it or puts it
// through to a colleague.
func (d *day) reception(b *builder, rec int, caller string) {
	ring := ringTime(d.rng, 3, 3)
	target := -1
	if chance(d.rng, transferRate) {
		target = d.transferTarget()
	}
	if target < 0 {
		b.add(d.leg(rec, caller, ring, logNormal(d.rng, 50, 0.8, 8, 900), drivers.Answered))
		return
	}
	b.add(d.leg(rec, caller, ring, between(d.rng, 10, 40), drivers.Answered))
	b.call.TransferredFrom = d.ext(rec).Number
	if d.busy(target, b.at) || chance(d.rng, noPickupRate) {
		d.toVoicemail(b, target, caller)
		return
	}
	b.add(d.leg(target, caller, ringTime(d.rng, 3, 5), d.talk(target), drivers.Answered))
}

func (d *day) transferTarget() int {
	return d.pickExtension(func(i int, e *Extension) float64 {
		if !d.present[i] {
			return 0
		}
		return profileOf(e.Department).transfer * e.Activity
	})
}

// unreached plays a call to someone who cannot take it: voicemail with
// probability vm, else it rings until the caller gives up.
func (d *day) unreached(b *builder, i int, peer string, vm float64) {
	if chance(d.rng, vm) {
		d.toVoicemail(b, i, peer)
		return
	}
	d.missed(b, i, peer)
}

func (d *day) missed(b *builder, i int, peer string) {
	b.add(d.leg(i, peer, between(d.rng, 10, 40), 0, drivers.Unanswered))
}

// toVoicemail lets it ring until the voicemail timeout, then the caller
// leaves a message (or hangs up at the greeting).
func (d *day) toVoicemail(b *builder, i int, peer string) {
	b.add(d.leg(i, peer, between(d.rng, 15, 25), 0, drivers.Unanswered))
	b.voicemail(peer, between(d.rng, 6, 75))
}
