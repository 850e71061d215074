package custom

import (
	"errors"
	"fmt"
	"strings"
)

// A verb is one element of the date and time notation (README.md, "Date
// and time formats").
type verb int

const (
	vLiteral   verb = iota // text that must be there as written
	vBlank                 // one or more blanks
	vYear4                 // YYYY
	vYear2                 // YY, 20YY
	vMonth2                // MM, 01–12
	vMonth                 // M, 1 or 2 digits
	vMonthName             // MMM, Jan–Dec
	vDay2                  // DD
	vDay                   // D
	vHour2                 // hh, 00–23 (01–12 with AM)
	vHour                  // h, 1 or 2 digits
	vMinute                // mm
	vSecond                // ss
	vFraction              // fff, any number of digits, ignored
	vMeridiem              // AM: AM, PM, A, P or nothing at the end
)

var verbs = map[string]verb{
	"YYYY": vYear4, "YY": vYear2, "MM": vMonth2, "M": vMonth, "MMM": vMonthName, "DD": vDay2, "D": vDay,
	"hh": vHour2, "h": vHour, "mm": vMinute, "ss": vSecond, "fff": vFraction, "AM": vMeridiem,
}

const verbList = "YYYY, YY, MM, M, MMM, DD, D, hh, h, mm, ss, fff, AM"

// formatUnix is the format of times written as seconds since 1970 UTC.
const formatUnix = "unix"

type token struct {
	verb verb
	text string // of a literal
}

// A clockFormat is a compiled date or time format.
type clockFormat struct {
	text    string // as written, for messages
	unix    bool
	tokens  []token
	hasDate bool // month and day
	hasYear bool
	hasTime bool // hour and minute
}

// parseFormat compiles a format in CallTally's notation.
func parseFormat(text string) (*clockFormat, error) {
	if text == "" {
		return nil, errors.New(`missing: give the format, such as "YYYY-MM-DD hh:mm:ss"`)
	}
	f := &clockFormat{text: text, unix: text == formatUnix}
	if f.unix {
		f.hasDate, f.hasYear, f.hasTime = true, true, true
		return f, nil
	}
	var err error
	if f.tokens, err = tokenize(text); err != nil {
		return nil, err
	}
	return f, f.check()
}

// tokenize cuts a format into verbs and literals: a run of one letter is
// a verb (AM aside), text in single quotes and any other character a
// literal, blanks match one or more blanks.
func tokenize(s string) ([]token, error) {
	var tokens []token
	for s != "" {
		var t token
		var n int
		switch c := s[0]; {
		case c == '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, errors.New("a quote ' that is not closed")
			}
			t, n = token{verb: vLiteral, text: s[1 : end+1]}, end+2
		case c == ' ':
			t, n = token{verb: vBlank}, len(s)-len(strings.TrimLeft(s, " "))
		case isLetter(c):
			var err error
			if t, n, err = verbAt(s); err != nil {
				return nil, err
			}
		default:
			t, n = token{verb: vLiteral, text: s[:1]}, 1
		}
		tokens = append(tokens, t)
		s = s[n:]
	}
	return tokens, nil
}

// verbAt reads the verb s starts with.
func verbAt(s string) (token, int, error) {
	if strings.HasPrefix(s, "AM") {
		return token{verb: vMeridiem}, 2, nil
	}
	n := 1
	for n < len(s) && s[n] == s[0] {
		n++
	}
	v, ok := verbs[s[:n]]
	if !ok {
		return token{}, 0, fmt.Errorf("unknown verb %q (verbs: %s; put other letters in single quotes: 'T')", s[:n], verbList)
	}
	return token{verb: v}, n, nil
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// check insists on each verb at most once and on whole dates and times.
func (f *clockFormat) check() error {
	seen := map[string]bool{}
	for _, t := range f.tokens {
		group := verbGroup(t.verb)
		if group == "" {
			continue
		}
		if seen[group] {
			return fmt.Errorf("the %s appears twice", group)
		}
		seen[group] = true
	}
	f.hasYear, f.hasDate, f.hasTime = seen["year"], seen["month"] && seen["day"], seen["hour"] && seen["minute"]
	switch {
	case (seen["year"] || seen["month"] || seen["day"]) && !f.hasDate:
		return errors.New("a date needs its month (MM, M or MMM) and day (DD or D)")
	case (seen["minute"] || seen["second"] || seen["am/pm"]) && !seen["hour"]:
		return errors.New("a time needs its hour (hh or h)")
	case seen["hour"] && !seen["minute"]:
		return errors.New("a time needs its minute (mm)")
	}
	return nil
}

func verbGroup(v verb) string {
	switch v {
	case vYear4, vYear2:
		return "year"
	case vMonth2, vMonth, vMonthName:
		return "month"
	case vDay2, vDay:
		return "day"
	case vHour2, vHour:
		return "hour"
	case vMinute:
		return "minute"
	case vSecond:
		return "second"
	case vMeridiem:
		return "am/pm"
	}
	return ""
}
