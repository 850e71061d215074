package costing

import (
	"fmt"
	"slices"
)

// trie finds the longest prefix of a number that has a rate: one step per
// digit, where a map would hash every candidate length.
type trie []trieNode

type trieNode struct {
	next [10]int32 // child per digit; 0 for none (the root is no one's child)
	rate *compiled
}

// insert files c under prefix and returns the rate already there, if any.
func (t *trie) insert(prefix string, c *compiled) *compiled {
	if len(*t) == 0 {
		*t = append(*t, trieNode{})
	}
	n := int32(0)
	for i := 0; i < len(prefix); i++ {
		d := prefix[i] - '0'
		if (*t)[n].next[d] == 0 {
			*t = append(*t, trieNode{})
			(*t)[n].next[d] = int32(len(*t) - 1)
		}
		n = (*t)[n].next[d]
	}
	if old := (*t)[n].rate; old != nil {
		return old
	}
	(*t)[n].rate = c
	return nil
}

// longest returns the rate of the longest prefix of number ("+4930…" or
// "4930…"), or nil.
func (t trie) longest(number string) *compiled {
	if len(t) == 0 {
		return nil
	}
	if len(number) > 0 && number[0] == '+' {
		number = number[1:]
	}
	var best *compiled
	n := int32(0)
	for i := 0; i < len(number); i++ {
		d := number[i] - '0'
		if d > 9 {
			break
		}
		if n = t[n].next[d]; n == 0 {
			break
		}
		if r := t[n].rate; r != nil {
			best = r
		}
	}
	return best
}

// classOrder lists the class specificities, most specific first: a rate
// naming more of country, type and scope wins; between rates naming as many,
// country counts before type before scope. Bits: 4 country, 2 type, 1 scope.
var classOrder = [8]uint8{7, 6, 5, 3, 4, 2, 1, 0}

func classRank(c *compiled) int {
	var bits uint8
	if c.country != "" {
		bits |= 4
	}
	if c.typ != "" {
		bits |= 2
	}
	if c.scope != "" {
		bits |= 1
	}
	return slices.Index(classOrder[:], bits)
}

// addClass files a class rate in specificity order. Two rates of one rank
// that match the same destination name the same class, which is refused,
// so the first match of a scan is the most specific.
func (t *table) addClass(c *compiled) error {
	for _, old := range t.classes {
		if old.country == c.country && old.typ == c.typ && old.scope == c.scope {
			return fmt.Errorf("%s is already rate %d", old.match, old.pos+1)
		}
	}
	i, _ := slices.BinarySearchFunc(t.classes, c.rank+1, func(o *compiled, rank int) int {
		return o.rank - rank
	})
	t.classes = slices.Insert(t.classes, i, c)
	return nil
}

// find returns the rate for d: the longest matching prefix, else the most
// specific matching class, else nil. A plan has tens of class rates, so a
// scan comparing short strings beats hashing a key per specificity.
func (t *table) find(d *Dest) *compiled {
	if c := t.prefixes.longest(d.E164); c != nil {
		return c
	}
	for _, c := range t.classes {
		if (c.country == "" || c.country == d.Country) &&
			(c.typ == "" || c.typ == d.Type) &&
			(c.scope == "" || c.scope == d.Scope) {
			return c
		}
	}
	return nil
}
