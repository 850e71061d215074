package classify

import (
	"errors"
	"fmt"
	"strings"
)

// A pattern matches numbers of one length, character by character, or a
// range of numbers of one length. Patterns are compiled once, when the
// plan is built: matching is a loop over bytes, with no regular
// expression, because it runs for every call.
type pattern struct {
	sets   []charSet // one per character; nil for a range
	lo, hi string    // a range's bounds, of equal length
}

// charSet is a set of the dialable characters 0-9, * and #, one bit each.
type charSet uint16

const (
	anyDigit charSet = 1<<10 - 1
	starBit  charSet = 1 << 10
	hashBit  charSet = 1 << 11
)

func bitOf(c byte) (charSet, bool) {
	switch {
	case c >= '0' && c <= '9':
		return 1 << (c - '0'), true
	case c == '*':
		return starBit, true
	case c == '#':
		return hashBit, true
	}
	return 0, false
}

// compilePatterns compiles a list of patterns (see README.md, "Number
// patterns"); the error names the pattern that is wrong.
func compilePatterns(list []string) ([]pattern, error) {
	out := make([]pattern, 0, len(list))
	for _, s := range list {
		p, err := compilePattern(s)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", s, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func compilePattern(s string) (pattern, error) {
	if s == "" {
		return pattern{}, errors.New("empty pattern")
	}
	if i := strings.IndexByte(s, '-'); i >= 0 && !strings.Contains(s, "[") {
		return compileRange(s[:i], s[i+1:])
	}
	var sets []charSet
	for i := 0; i < len(s); i++ {
		set, n, err := element(s[i:])
		if err != nil {
			return pattern{}, err
		}
		sets = append(sets, set)
		i += n - 1
	}
	return pattern{sets: sets}, nil
}

// compileRange reads "200-299": numbers of the bounds' length between
// them. Equal lengths make string order numeric order, leading zeros too.
func compileRange(lo, hi string) (pattern, error) {
	if !allDigits(lo) || !allDigits(hi) {
		return pattern{}, errors.New("a range is two numbers, like 200-299")
	}
	if len(lo) != len(hi) {
		return pattern{}, errors.New("the bounds of a range have as many digits (use two ranges: 10-99,100-199)")
	}
	if lo > hi {
		return pattern{}, errors.New("the range ends before it starts")
	}
	return pattern{lo: lo, hi: hi}, nil
}

// element reads one character of a pattern at the start of s and says how
// many bytes it took.
func element(s string) (charSet, int, error) {
	switch c := s[0]; {
	case c == 'x' || c == 'X':
		return anyDigit, 1, nil
	case c == '[':
		return class(s)
	default:
		if b, ok := bitOf(c); ok {
			return b, 1, nil
		}
		return 0, 0, fmt.Errorf("%q is not a digit, x, *, # or [class]", c)
	}
}

// class reads a character class like [0-5] or [1379] at the start of s.
func class(s string) (charSet, int, error) {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return 0, 0, errors.New("[ is not closed")
	}
	body := s[1:end]
	var set charSet
	for i := 0; i < len(body); i++ {
		if !isDigit(body[i]) {
			return 0, 0, fmt.Errorf("%q in [%s]: a class holds digits and ranges like 0-5", body[i], body)
		}
		lo, hi := body[i], body[i]
		if i+2 < len(body) && body[i+1] == '-' {
			hi = body[i+2]
			i += 2
		}
		if !isDigit(hi) || hi < lo {
			return 0, 0, fmt.Errorf("bad range in [%s]", body)
		}
		for c := lo; c <= hi; c++ {
			set |= 1 << (c - '0')
		}
	}
	if set == 0 {
		return 0, 0, errors.New("empty class []")
	}
	return set, end + 1, nil
}

func (p pattern) match(s string) bool {
	if p.sets == nil {
		return len(s) == len(p.lo) && allDigits(s) && s >= p.lo && s <= p.hi
	}
	if len(s) != len(p.sets) {
		return false
	}
	for i := 0; i < len(s); i++ {
		b, ok := bitOf(s[i])
		if !ok || p.sets[i]&b == 0 {
			return false
		}
	}
	return true
}

func matchAny(ps []pattern, s string) bool {
	for _, p := range ps {
		if p.match(s) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
