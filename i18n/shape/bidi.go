package shape

import "golang.org/x/text/unicode/bidi"

// This file resolves embedding levels and display order for one line of
// text following the Unicode Bidirectional Algorithm (UAX #9) with the
// character classes of golang.org/x/text/unicode/bidi. Its own Ordering is
// not used: it returns runs in logical order, merges levels of one parity
// (so numbers inside Arabic inside Latin land in the wrong place) and never
// pairs brackets (rule N0). Isolates (LRI, RLI, FSI … PDI) are supported by
// resolving their content as a paragraph of its own, which gives the same
// order as X5a–X10 because the initiator and PDI keep the content apart from
// its neighbours; explicit embeddings and overrides (LRE, RLE, LRO, RLO,
// PDF) are ignored.

const (
	lri = 0x2066 // left-to-right isolate
	rli = 0x2067 // right-to-left isolate
	fsi = 0x2068 // first strong isolate
	pdi = 0x2069 // pop directional isolate
)

// A glyph is one character in display order with its resolved level: odd
// levels run right to left.
type glyph struct {
	r     rune
	level int
	pos   int // index in the line given to order
}

// item is a character, or an isolate standing for its whole content.
type item struct {
	r       rune
	pos     int    // index in the line of the character or the initiator
	isolate []rune // content of an isolate, without its initiator and PDI
	kind    rune   // lri, rli or fsi for an isolate, 0 for a character
}

// order returns line in display order. base is 0 for a left-to-right
// paragraph, 1 for right-to-left, -1 to take the direction of the first
// strong character (rules P2, P3).
func order(line []rune, base int) []glyph {
	items := splitIsolates(line)
	classes := make([]bidi.Class, len(items))
	for i, it := range items {
		classes[i] = classOf(it)
	}
	if base < 0 {
		base = paragraphLevel(classes)
	}
	levels := resolveLevels(items, classes, base)
	out := make([]glyph, 0, len(line))
	for _, i := range reorder(levels) {
		it := items[i]
		if it.kind == 0 {
			out = append(out, glyph{it.r, levels[i], it.pos})
			continue
		}
		for _, g := range order(it.isolate, isolateBase(it.kind)) {
			g.pos += it.pos + 1
			out = append(out, g)
		}
	}
	return out
}

func isolateBase(kind rune) int {
	switch kind {
	case lri:
		return 0
	case rli:
		return 1
	}
	return -1
}

// splitIsolates groups each isolate initiator with its content up to the
// matching PDI (or the end of the line) into one item.
func splitIsolates(line []rune) []item {
	items := make([]item, 0, len(line))
	for i := 0; i < len(line); i++ {
		r := line[i]
		if r != lri && r != rli && r != fsi {
			items = append(items, item{r: r, pos: i})
			continue
		}
		end, depth := i+1, 1
		for ; end < len(line); end++ {
			switch line[end] {
			case lri, rli, fsi:
				depth++
			case pdi:
				depth--
			}
			if depth == 0 {
				break
			}
		}
		items = append(items, item{pos: i, isolate: line[i+1 : min(end, len(line))], kind: r})
		i = end
	}
	return items
}

// classOf returns the bidi class the rules work with: isolates and stray
// PDIs are neutral, explicit embeddings and overrides are ignored (BN).
func classOf(it item) bidi.Class {
	if it.kind != 0 {
		return bidi.ON
	}
	p, _ := bidi.LookupRune(it.r)
	switch c := p.Class(); c {
	case bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
		return bidi.ON
	case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF:
		return bidi.BN
	default:
		return c
	}
}

func paragraphLevel(classes []bidi.Class) int {
	for _, c := range classes {
		switch c {
		case bidi.L:
			return 0
		case bidi.R, bidi.AL:
			return 1
		}
	}
	return 0
}

// resolveLevels applies rules W1–W7, N0–N2, I1–I2 and L1 and returns the
// level of each item.
func resolveLevels(items []item, classes []bidi.Class, base int) []int {
	var kept []int // items the rules see: all but BN (rule X9)
	for i, c := range classes {
		if c != bidi.BN {
			kept = append(kept, i)
		}
	}
	types := make([]bidi.Class, len(kept))
	runes := make([]rune, len(kept))
	for k, i := range kept {
		types[k], runes[k] = classes[i], items[i].r
	}
	seq := &sequence{types: types, orig: append([]bidi.Class(nil), types...), runes: runes, dir: direction(base)}
	seq.resolveWeak()
	seq.resolveBrackets()
	seq.resolveNeutral()

	levels := make([]int, len(items))
	prev := base
	k := 0
	for i := range items {
		if k < len(kept) && kept[k] == i {
			prev = implicitLevel(types[k], base)
			k++
		}
		levels[i] = prev // BN takes its neighbour's level
	}
	resetWhitespace(levels, classes, base)
	return levels
}

func direction(level int) bidi.Class {
	if level%2 == 1 {
		return bidi.R
	}
	return bidi.L
}

// implicitLevel applies rules I1 and I2.
func implicitLevel(t bidi.Class, base int) int {
	switch {
	case base%2 == 0 && t == bidi.R:
		return base + 1
	case base%2 == 0 && (t == bidi.AN || t == bidi.EN):
		return base + 2
	case base%2 == 1 && (t == bidi.L || t == bidi.AN || t == bidi.EN):
		return base + 1
	}
	return base
}

// resetWhitespace applies rule L1: segment separators, and whitespace
// before them or at the end of the line, go back to the paragraph level.
func resetWhitespace(levels []int, classes []bidi.Class, base int) {
	trailing := true
	for i := len(classes) - 1; i >= 0; i-- {
		switch classes[i] {
		case bidi.S, bidi.B:
			levels[i] = base
			trailing = true
		case bidi.WS, bidi.BN:
			if trailing {
				levels[i] = base
			}
		default:
			trailing = false
		}
	}
}

// reorder applies rule L2: it returns the indexes of levels in display
// order, reversing every run at or above each level from the highest down
// to the lowest odd one.
func reorder(levels []int) []int {
	idx := make([]int, len(levels))
	highest, lowestOdd := 0, 1<<30
	for i, l := range levels {
		idx[i] = i
		highest = max(highest, l)
		if l%2 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	for l := highest; l >= lowestOdd; l-- {
		for i := 0; i < len(idx); {
			if levels[idx[i]] < l {
				i++
				continue
			}
			j := i
			for j < len(idx) && levels[idx[j]] >= l {
				j++
			}
			reverse(idx[i:j])
			i = j
		}
	}
	return idx
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
