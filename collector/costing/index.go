package costing

import (
	"fmt"
	"strings"
)

// compiled is a rate ready for rating: amounts as unsigned micro-units,
// band prices with the fallbacks resolved, labels built once so that
// rating a call allocates nothing.
type compiled struct {
	pos         int // index in Plan.Rates
	name, match string
	prefix      bool
	// country, typ and scope are the class the rate names; "" for any.
	country, typ, scope string
	rank                int // position of the class's specificity in classOrder
	setup, min          uint64
	inc                 Increment
	prices              [numBands]uint64
}

// table holds the rates of one direction.
type table struct {
	prefixes trie
	classes  []*compiled // most specific first
}

// Directions index index.dirs.
const (
	dirOutbound = iota
	dirInbound
	dirInternal
	numDirs
)

// index is a validated plan in the form Rate reads.
type index struct {
	currency Currency
	step     uint64 // micro-units per minor unit
	factor   uint64 // 10000 + markup in basis points
	den      uint64 // what factor × (micro-units × 60) is divided by
	rounding Rounding
	bands    bands
	dirs     [numDirs]table
}

func newIndex(p *Plan) (*index, error) {
	cur, _ := LookupCurrency(p.Currency) // checked by checkFields
	b, err := newBands(p)
	if err != nil {
		return nil, err
	}
	ix := &index{
		currency: cur, step: uint64(cur.MinorStep()), factor: uint64(10000 + p.Markup),
		rounding: p.Rounding, bands: b,
	}
	ix.den = 60 * 10000 * ix.step
	inc := p.Increment
	if inc == (Increment{}) {
		inc = Increment{First: 1, Next: 1}
	}
	for i := range p.Rates {
		if err := ix.add(i, &p.Rates[i], inc); err != nil {
			return nil, &rateError{i: i, name: p.Rates[i].Name, err: err}
		}
	}
	return ix, nil
}

// add checks rate r (Rates[i]) and files it under its direction.
func (ix *index) add(i int, r *Rate, inc Increment) error {
	if err := r.check(); err != nil {
		return err
	}
	c := compile(i, r, inc)
	t := &ix.dirs[dirIndex(r.Direction)]
	if c.prefix {
		if old := t.prefixes.insert(r.Prefix, c); old != nil {
			return fmt.Errorf("prefix %s is already rate %d", r.Prefix, old.pos+1)
		}
		return nil
	}
	return t.addClass(c)
}

func compile(i int, r *Rate, inc Increment) *compiled {
	c := &compiled{
		pos: i, name: r.Name, prefix: r.Prefix != "",
		country: wild(r.Country), typ: wild(r.Type), scope: wild(r.Scope),
		setup: uint64(r.Setup), min: uint64(r.Minimum), inc: inc,
	}
	if r.Increment != (Increment{}) {
		c.inc = r.Increment
	}
	if c.prefix {
		c.match = "prefix +" + r.Prefix
	} else {
		c.rank = classRank(c)
		c.match = "class " + strings.Join([]string{star(r.Country), star(r.Type), star(r.Scope)}, " ")
	}
	for b := Peak; b < numBands; b++ {
		c.prices[b] = bandPrice(r.PerMinute, b)
	}
	return c
}

// bandPrice returns the price of band b, following the fallbacks.
func bandPrice(prices map[Band]Money, b Band) uint64 {
	for {
		if m, ok := prices[b]; ok {
			return uint64(m)
		}
		if b == Peak {
			return 0
		}
		b = fallback[b]
	}
}

// star writes an empty class field as the wildcard.
func star(s string) string {
	if wild(s) == "" {
		return "*"
	}
	return s
}

// dirIndex maps a rate's direction to its table; empty is outbound.
func dirIndex(dir string) int {
	switch dir {
	case Inbound:
		return dirInbound
	case Internal:
		return dirInternal
	}
	return dirOutbound
}
