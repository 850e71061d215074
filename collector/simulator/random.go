package simulator

import (
	"math"
	"math/rand/v2"
)

// pools indexes the office's contacts by how calls pick them.
type pools struct {
	frequent []int     // frequent callers, busiest first
	weights  []float64 // their share of frequent-caller traffic
	general  []int     // everyone else who may call in
	tollFree []int     // hotlines: dialled, never calling
	owned    map[string][]int
}

func newPools(cs []Contact) pools {
	p := pools{owned: map[string][]int{}}
	for i, c := range cs {
		switch {
		case c.Frequent:
			p.frequent = append(p.frequent, i)
			// A few key accounts call far more than the rest (Zipf-like).
			p.weights = append(p.weights, 1/math.Pow(float64(len(p.frequent)), 0.7))
		case c.Kind == TollFree:
			p.tollFree = append(p.tollFree, i)
		default:
			p.general = append(p.general, i)
		}
		if c.Owner != "" {
			p.owned[c.Owner] = append(p.owned[c.Owner], i)
		}
	}
	return p
}

// caller picks who calls in: frequent customers make ~40% of inbound calls.
func (p *pools) caller(rng *rand.Rand) int {
	if len(p.frequent) > 0 && (chance(rng, 0.4) || len(p.general) == 0) {
		return p.frequent[pickWeighted(rng, p.weights)]
	}
	return pickOne(rng, p.general)
}

// dialled picks whom ext calls: their own key accounts first, then other
// frequent customers, now and then a supplier's hotline.
func (p *pools) dialled(rng *rand.Rand, ext string) int {
	r := rng.Float64()
	switch {
	case r < 0.3 && len(p.owned[ext]) > 0:
		return pickOne(rng, p.owned[ext])
	case r < 0.45 && len(p.frequent) > 0:
		return p.frequent[pickWeighted(rng, p.weights)]
	case r < 0.47 && len(p.tollFree) > 0:
		return pickOne(rng, p.tollFree)
	}
	return pickOne(rng, p.general)
}

// pickOne returns a random element of idx, or -1 if it is empty.
func pickOne(rng *rand.Rand, idx []int) int {
	if len(idx) == 0 {
		return -1
	}
	return idx[rng.IntN(len(idx))]
}

// pickWeighted returns an index drawn in proportion to weights, or -1 if
// they are all zero.
func pickWeighted(rng *rand.Rand, weights []float64) int {
	var total float64
	for _, w := range weights {
		total += w
	}
	if total <= 0 {
		return -1
	}
	x := rng.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1 // rounding left x at the very end
}

func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

// between returns a whole number in [lo, hi].
func between(rng *rand.Rand, lo, hi int) int { return lo + rng.IntN(hi-lo+1) }

// logNormal draws a duration in seconds around median, kept in [lo, hi].
// Call lengths are log-normal: mostly short, with a long tail of
// conversations that go on for half an hour.
func logNormal(rng *rand.Rand, median float64, sigma float64, lo, hi int) int {
	v := int(math.Round(median * math.Exp(rng.NormFloat64()*sigma)))
	return max(lo, min(hi, v))
}

// ringTime is how long a phone rings before someone picks up: usually a
// few seconds, rarely the full 25.
func ringTime(rng *rand.Rand, least, mean float64) int {
	return min(25, int(least+rng.ExpFloat64()*mean))
}

// holdTime puts some longer calls on hold for a while ("let me check"),
// never for more than half the call.
func holdTime(rng *rand.Rand, talk int) int {
	if talk < 120 || !chance(rng, 0.2) {
		return 0
	}
	return min(between(rng, 5, 60), talk/2)
}
