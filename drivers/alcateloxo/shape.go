package alcateloxo

import (
	"strings"

	"calltally.app/drivers"
)

// The manual gives no width for TAXES, ADD. SERVICES, DIALLED NUMBER and
// NODE, and printers are known to space columns their own way. A
// statement that does not fit the layout's columns is therefore read a
// second way: its words in order, each field taking the next word if the
// word has the field's shape, a field that may be blank taking none.

// A shape tells a field's words from its neighbours'.
type shape struct {
	match func(string) bool
	blank bool // the field may be blank
}

var shapes = [numFields]shape{
	fieldInitial:    {isUser, false},
	fieldCharged:    {isUser, false},
	fieldType:       {isType, false},
	fieldLine:       {isLine, false},
	fieldLine4:      {isLine, true}, // blank where LINE says it all
	fieldDate:       {isDateWord, false},
	fieldTime:       {func(s string) bool { return clockWord(2)(s) || clockWord(3)(s) }, false},
	fieldDuration:   {clockWord(3), false},
	fieldUnits:      {isDigits, true},
	fieldService:    {isServiceWord, true},
	fieldFacilities: {isLetters, true},
	fieldDialled:    {isNumberWord, true},
	fieldMode:       {isModeWord, true},
	fieldRing:       {clockWord(2), true},
	fieldCost:       {isAmount, true},
	fieldAccount:    {isDigits, true},
	fieldName:       {isNameWord, true},
	fieldNode:       {isDigits, true},
	fieldCarrier:    {func(s string) bool { return len(s) == 1 && isAlnum(s[0]) }, true},
}

// cutWords cuts a statement into fields by the shapes of its words; ok is
// false when the words do not fit the layout. Columns CallTally skips
// have no shape, so a layout with SKIP is only read by columns; a user
// name of several words only as the last field.
func cutWords(text string, l *layout) (values [numFields]string, ok bool) {
	words := strings.Fields(text)
	next := 0
	for i, c := range l.cols {
		if c.id == fieldSkip {
			return values, false
		}
		if c.id == fieldName && i == len(l.cols)-1 {
			values[c.id], next = strings.Join(words[next:], " "), len(words)
			continue
		}
		sh := shapes[c.id]
		switch {
		case next < len(words) && sh.match(words[next]):
			values[c.id] = words[next]
			next++
		case !sh.blank:
			return values, false
		}
	}
	return values, next == len(words)
}

func isDateWord(s string) bool {
	return len(s) >= 6 && strings.Trim(s, "0123456789/.-") == ""
}

func clockWord(n int) func(string) bool {
	return func(s string) bool { return strings.Count(s, ":") == n-1 && strings.Trim(s, "0123456789:") == "" }
}

func isDigits(s string) bool { _, ok := drivers.Atoi(s); return ok }

func isLetters(s string) bool {
	return s != "" && len(s) <= 8 && strings.Trim(strings.ToUpper(s), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// isServiceWord accepts ST (telephony) and the other short service codes.
func isServiceWord(s string) bool { return isCode(s, 3) && !isDigits(s[:1]) }

// isNumberWord accepts a dialled number: digits, * and # (the masked last
// four digits among them), a leading +.
func isNumberWord(s string) bool {
	return strings.TrimLeft(s, "+") != "" && strings.Trim(strings.TrimPrefix(s, "+"), "0123456789*#") == ""
}

func isModeWord(s string) bool { return len(s) == 1 && isLetters(s) }

func isAmount(s string) bool {
	whole, frac, _ := strings.Cut(strings.ReplaceAll(s, ",", "."), ".")
	return isDigits(whole) && (frac == "" || isDigits(frac))
}

func isNameWord(s string) bool { return s != "" && !isDigits(s[:1]) }
