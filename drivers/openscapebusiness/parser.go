package openscapebusiness

import (
	"slices"
	"strconv"
	"time"

	"calltally.app/drivers"
)

// chainLife is how long, in seconds, after a call's latest segment ended
// a segment that carries it on may still come: the PBX stops counting a
// segment's duration at 23:59:59, and writes the record when it ends.
const chainLife = 24 * 3600

// A chain is a call whose segments a later record may carry on: a call
// transferred or forwarded on the same trunk.
type chain struct {
	key string
	end int64 // when its latest segment ended, Unix seconds
}

// parser reads records one at a time. Each record is a call of its own;
// the records of one call share a Key, which storage and the Joiner join
// on. The PBX writes no call ID, so the parser gives a segment that
// carries a call on (information element 5 to 8) the Key of the call on
// its trunk whose latest segment ended closest to when it began.
type parser struct {
	loc    *time.Location
	attr   drivers.Attribution
	opts   options
	chains map[string][]chain // by trunk, in the order they were read
	newest int64              // the latest segment end read, Unix seconds
}

func newParser(cfg drivers.Config, opts options) *parser {
	return &parser{loc: cfg.Location, attr: cfg.Attribution, opts: opts, chains: map[string][]chain{}}
}

// Parse reads one record and returns the call segment it describes.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	r, err := p.readRecord(rec.Text, rec.Received)
	if err != nil {
		return nil, err
	}
	r.id = rec.ID
	p.newest = max(p.newest, r.end.Unix())
	c := p.call(&r, p.key(&r))
	return []drivers.Call{c}, nil
}

// Flush has nothing to return: every record became a call when read.
func (p *parser) Flush() []drivers.Call { return nil }

// key returns the Key of the call r belongs to: the chain it carries on,
// or a new one named after its trunk, extension and start.
func (p *parser) key(r *record) string {
	start := r.start().Unix()
	if r.continues() {
		if ch := p.nearest(r.trunk, start); ch != nil {
			ch.end = r.end.Unix()
			return ch.key
		}
	}
	key := r.trunk + "/" + r.extension + "@" + strconv.FormatInt(start, 10)
	p.remember(r.trunk, chain{key: key, end: r.end.Unix()})
	return key
}

// nearest finds the chain on trunk whose latest segment ended closest to
// start, within the transfer gap either way: the next segment may begin
// while the one before still ends (a consultation before the transfer).
func (p *parser) nearest(trunk string, start int64) *chain {
	var best *chain
	bestGap, limit := int64(0), int64(p.opts.transferGap/time.Second)
	chains := p.chains[trunk]
	for i := len(chains) - 1; i >= 0; i-- {
		gap := chains[i].end - start
		gap = max(gap, -gap)
		if gap <= limit && (best == nil || gap < bestGap) {
			best, bestGap = &chains[i], gap
		}
	}
	return best
}

// remember adds a chain to its trunk's. Each time the list doubles, it
// lets go of the chains that ended too long before the latest record for
// any segment to carry them on, so it holds about a day of the trunk's calls.
func (p *parser) remember(trunk string, ch chain) {
	chains := p.chains[trunk]
	if n := len(chains); n >= 64 && n&(n-1) == 0 {
		chains = slices.DeleteFunc(chains, func(c chain) bool { return p.newest-c.end > chainLife })
	}
	p.chains[trunk] = append(chains, ch)
}
