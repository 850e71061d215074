package storage

import (
	"encoding/binary"
	"errors"
	"time"

	"calltally.app/drivers"
)

// The packed forms of a call's legs and of a block of raw records: varints
// and length-prefixed strings, led by a format version byte so that a later
// release can change them without a migration of old rows.
const packVersion = 1

var errCorrupt = errors.New("corrupt packed data")

type packer struct{ b []byte }

func (p *packer) uint(v uint64)   { p.b = binary.AppendUvarint(p.b, v) }
func (p *packer) int(v int64)     { p.b = binary.AppendVarint(p.b, v) }
func (p *packer) string(s string) { p.uint(uint64(len(s))); p.b = append(p.b, s...) }
func (p *packer) counts(vs ...int) {
	for _, v := range vs {
		p.uint(uint64(max(v, 0)))
	}
}

type unpacker struct {
	b   []byte
	err error
}

func (u *unpacker) uint() uint64 {
	v, n := binary.Uvarint(u.b)
	if n <= 0 {
		u.fail()
		return 0
	}
	u.b = u.b[n:]
	return v
}

func (u *unpacker) int() int64 {
	v, n := binary.Varint(u.b)
	if n <= 0 {
		u.fail()
		return 0
	}
	u.b = u.b[n:]
	return v
}

func (u *unpacker) string() string {
	n := u.uint()
	if n > uint64(len(u.b)) {
		u.fail()
		return ""
	}
	s := string(u.b[:n])
	u.b = u.b[n:]
	return s
}

func (u *unpacker) fail() {
	if u.err == nil {
		u.err = errCorrupt
	}
	u.b = nil
}

// packLegs encodes legs; leg start times are kept as offsets from start.
func packLegs(legs []drivers.Leg, start time.Time) []byte {
	p := packer{b: make([]byte, 0, 40*len(legs)+2)}
	p.uint(packVersion)
	p.uint(uint64(len(legs)))
	for _, l := range legs {
		p.uint(uint64(l.Record))
		p.string(l.Party)
		p.string(l.PartyName)
		p.string(l.Peer)
		p.int(l.Start.Unix() - start.Unix())
		p.counts(l.Ring, l.Talk, l.Hold)
		p.string(string(l.Outcome))
	}
	return p.b
}

func unpackLegs(b []byte, start time.Time) ([]drivers.Leg, error) {
	u := unpacker{b: b}
	if u.uint() != packVersion {
		return nil, errCorrupt
	}
	n := u.uint()
	legs := make([]drivers.Leg, 0, min(n, 64))
	for i := uint64(0); i < n && u.err == nil; i++ {
		l := drivers.Leg{Record: int64(u.uint()), Party: u.string(), PartyName: u.string(), Peer: u.string()}
		l.Start = start.Add(time.Duration(u.int()) * time.Second)
		l.Ring, l.Talk, l.Hold = int(u.uint()), int(u.uint()), int(u.uint())
		l.Outcome = drivers.Outcome(u.string())
		legs = append(legs, l)
	}
	return legs, u.err
}

// packBlock encodes records of one source: meta holds each record's
// length, line and arrival (milliseconds after the previous record's),
// text their bytes one after another. Lengths, not separators, delimit
// them, so a record may hold any byte.
func packBlock(recs []drivers.Record, received time.Time) (meta, text []byte) {
	p := packer{b: make([]byte, 0, 6*len(recs)+2)}
	p.uint(packVersion)
	last := received.UnixMilli()
	for _, r := range recs {
		ms := r.Received.UnixMilli()
		p.uint(uint64(len(r.Text)))
		p.uint(uint64(r.Line))
		p.int(ms - last)
		last = ms
		text = append(text, r.Text...)
	}
	return p.b, text
}

// unpackBlock decodes a block whose first record has ID first.
func unpackBlock(meta, text []byte, received time.Time, first int64, source string) ([]drivers.Record, error) {
	u := unpacker{b: meta}
	if u.uint() != packVersion {
		return nil, errCorrupt
	}
	ms := received.UnixMilli()
	var recs []drivers.Record
	for id := first; len(u.b) > 0 && u.err == nil; id++ {
		n, line := u.uint(), int(u.uint())
		ms += u.int()
		if n > uint64(len(text)) {
			return nil, errCorrupt
		}
		recs = append(recs, drivers.Record{ID: id, Text: string(text[:n]), Source: source, Line: line, Received: time.UnixMilli(ms)})
		text = text[n:]
	}
	return recs, u.err
}
