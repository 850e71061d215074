package shape

import "golang.org/x/text/unicode/bidi"

// A sequence is one isolating run sequence: the characters of a line (or of
// an isolate's content) without BN, with sos and eos both the paragraph's
// direction, since explicit embeddings are not supported.
type sequence struct {
	types []bidi.Class // resolved so far
	orig  []bidi.Class // before the rules
	runes []rune
	dir   bidi.Class // L or R: the embedding direction, sos and eos
}

// resolveWeak applies rules W1–W7.
func (s *sequence) resolveWeak() {
	t := s.types
	for i, c := range t { // W1
		if c == bidi.NSM {
			t[i] = s.dir
			if i > 0 {
				t[i] = t[i-1]
			}
		}
	}
	last := s.dir
	for i, c := range t { // W2, W3
		switch c {
		case bidi.L, bidi.R, bidi.AL:
			last = c
		case bidi.EN:
			if last == bidi.AL {
				t[i] = bidi.AN
			}
		}
		if c == bidi.AL {
			t[i] = bidi.R
		}
	}
	for i := 1; i+1 < len(t); i++ { // W4
		before, after := t[i-1], t[i+1]
		switch {
		case t[i] == bidi.ES && before == bidi.EN && after == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && before == after && (before == bidi.EN || before == bidi.AN):
			t[i] = before
		}
	}
	s.resolveTerminators() // W5
	for i, c := range t {  // W6
		if c == bidi.ES || c == bidi.ET || c == bidi.CS {
			t[i] = bidi.ON
		}
	}
	last = s.dir
	for i, c := range t { // W7
		switch {
		case c == bidi.L || c == bidi.R:
			last = c
		case c == bidi.EN && last == bidi.L:
			t[i] = bidi.L
		}
	}
}

// resolveTerminators applies rule W5: European terminators (%, currency
// signs, #) next to European numbers become part of the number.
func (s *sequence) resolveTerminators() {
	t := s.types
	for i := 0; i < len(t); {
		if t[i] != bidi.ET {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == bidi.EN) || (j < len(t) && t[j] == bidi.EN) {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
}

// strong returns the direction a resolved type counts as for rules N0 and
// N1 (numbers count as right to left), or ON for neutrals.
func strong(c bidi.Class) bidi.Class {
	switch c {
	case bidi.L:
		return bidi.L
	case bidi.R, bidi.AL, bidi.EN, bidi.AN:
		return bidi.R
	}
	return bidi.ON
}

// resolveNeutral applies rules N1 and N2: a run of neutrals between two
// characters of the same direction takes it; others take the embedding
// direction.
func (s *sequence) resolveNeutral() {
	t := s.types
	for i := 0; i < len(t); {
		if !isNeutral(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isNeutral(t[j]) {
			j++
		}
		before, after := s.dir, s.dir
		if i > 0 {
			before = strong(t[i-1])
		}
		if j < len(t) {
			after = strong(t[j])
		}
		dir := s.dir
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			t[k] = dir
		}
		i = j
	}
}

func isNeutral(c bidi.Class) bool {
	return c == bidi.ON || c == bidi.WS || c == bidi.S || c == bidi.B
}
