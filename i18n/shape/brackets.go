package shape

import (
	"sort"

	"golang.org/x/text/unicode/bidi"
)

// maxBracketDepth is the stack size of rule BD16: deeper nesting stops
// bracket pairing for the line.
const maxBracketDepth = 63

// resolveBrackets applies rule N0: a pair of brackets takes the direction of
// its content, so "Reception (12)" stays together inside Arabic text.
func (s *sequence) resolveBrackets() {
	for _, p := range s.bracketPairs() {
		dir := s.pairDirection(p[0], p[1])
		if dir == bidi.ON {
			continue
		}
		for _, i := range p {
			s.types[i] = dir
			for j := i + 1; j < len(s.types) && s.orig[j] == bidi.NSM; j++ {
				s.types[j] = dir
			}
		}
	}
}

// bracketPairs returns the positions of matching opening and closing
// brackets (rule BD16), ordered by the opening bracket.
func (s *sequence) bracketPairs() [][2]int {
	type open struct {
		pos   int
		match rune
	}
	var stack []open
	var pairs [][2]int
	for i, r := range s.runes {
		if s.types[i] != bidi.ON {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch {
		case p.IsOpeningBracket():
			if len(stack) == maxBracketDepth {
				return nil
			}
			stack = append(stack, open{i, canonical(mirror(r))})
		case p.IsBracket():
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].match == canonical(r) {
					pairs = append(pairs, [2]int{stack[k].pos, i})
					stack = stack[:k]
					break
				}
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })
	return pairs
}

// canonical returns the bracket r is canonically equivalent to, for the
// two angle brackets that have a twin.
func canonical(r rune) rune {
	switch r {
	case 0x2329:
		return 0x3008
	case 0x232A:
		return 0x3009
	}
	return r
}

// pairDirection returns the direction the brackets at open and close take,
// or ON to leave them to rules N1 and N2.
func (s *sequence) pairDirection(open, close int) bidi.Class {
	opposite := bidi.ON
	for _, c := range s.types[open+1 : close] {
		switch d := strong(c); {
		case d == s.dir:
			return s.dir
		case d != bidi.ON:
			opposite = d
		}
	}
	if opposite == bidi.ON {
		return bidi.ON
	}
	before := s.dir
	for i := open - 1; i >= 0; i-- {
		if d := strong(s.types[i]); d != bidi.ON {
			before = d
			break
		}
	}
	if before == opposite {
		return opposite
	}
	return s.dir
}
