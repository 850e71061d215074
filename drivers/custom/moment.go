package custom

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A moment is what a date or time field says, without a zone: year 0
// when the format has no year, month 0 when it has no date.
type moment struct {
	year   int
	month  time.Month
	day    int
	hour   int
	minute int
	second int
	unix   time.Time // for the unix format: the instant itself
}

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// A scan reads one value by a format's tokens, left to right.
type scan struct {
	s        string
	m        moment
	meridiem byte // 'A', 'P', 0 when the format has no AM
}

// read parses a value by the format. The reason it returns on failure
// names the format, so that a technician sees at once what was expected.
func (f *clockFormat) read(value string) (moment, error) {
	if f.unix {
		return readUnix(value)
	}
	sc := &scan{s: value}
	for _, t := range f.tokens {
		if !sc.token(t) {
			return moment{}, fmt.Errorf("want the format %q", f.text)
		}
	}
	if sc.s != "" {
		return moment{}, fmt.Errorf("unexpected %q after the format %q", sc.s, f.text)
	}
	if err := sc.settle(f); err != nil {
		return moment{}, fmt.Errorf("%v (format %q)", err, f.text)
	}
	return sc.m, nil
}

// token reads one token, reporting whether the value matched it.
func (sc *scan) token(t token) bool {
	m := &sc.m
	switch t.verb {
	case vLiteral:
		return sc.literal(t.text)
	case vBlank:
		rest := strings.TrimLeft(sc.s, " \t")
		ok := len(rest) < len(sc.s)
		sc.s = rest
		return ok
	case vYear4:
		return sc.digits(4, 4, &m.year)
	case vYear2:
		ok := sc.digits(2, 2, &m.year)
		m.year += 2000
		return ok
	case vMonthName:
		return sc.monthName()
	case vMeridiem:
		return sc.meridiemMark()
	case vFraction:
		var ignored int
		return sc.digits(1, len(sc.s), &ignored)
	}
	return sc.number(t.verb)
}

// number reads the two-digit and one-or-two-digit verbs.
func (sc *scan) number(v verb) bool {
	m := &sc.m
	var month int
	var ok bool
	switch v {
	case vMonth2, vMonth:
		ok = sc.digits(width(v), 2, &month)
		m.month = time.Month(month)
	case vDay2, vDay:
		ok = sc.digits(width(v), 2, &m.day)
	case vHour2, vHour:
		ok = sc.digits(width(v), 2, &m.hour)
	case vMinute:
		ok = sc.digits(2, 2, &m.minute)
	case vSecond:
		ok = sc.digits(2, 2, &m.second)
	}
	return ok
}

// width is the fewest digits a verb takes: M, D and h take one or two.
func width(v verb) int {
	if v == vMonth || v == vDay || v == vHour {
		return 1
	}
	return 2
}

func (sc *scan) literal(text string) bool {
	ok := strings.HasPrefix(sc.s, text)
	if ok {
		sc.s = sc.s[len(text):]
	}
	return ok
}

// digits reads from least to most decimal digits, as many as there are.
func (sc *scan) digits(least, most int, dst *int) bool {
	n := 0
	for n < len(sc.s) && n < most && isDigit(sc.s[n]) {
		n++
	}
	if n < least {
		return false
	}
	v := 0
	for _, c := range []byte(sc.s[:min(n, 9)]) {
		v = v*10 + int(c-'0')
	}
	*dst = v
	sc.s = sc.s[n:]
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (sc *scan) monthName() bool {
	if len(sc.s) < 3 {
		return false
	}
	for i, name := range monthNames {
		if strings.EqualFold(sc.s[:3], name) {
			sc.m.month = time.Month(i + 1)
			sc.s = sc.s[3:]
			return true
		}
	}
	return false
}

// meridiemMark reads AM, PM, A or P in any case; nothing at the end of
// the value is AM, as 12-hour SMDR formats mark only the afternoon.
func (sc *scan) meridiemMark() bool {
	if sc.s == "" {
		sc.meridiem = 'A'
		return true
	}
	c := sc.s[0] &^ 0x20
	if c != 'A' && c != 'P' {
		return false
	}
	sc.meridiem = c
	sc.s = sc.s[1:]
	if sc.s != "" && sc.s[0]&^0x20 == 'M' {
		sc.s = sc.s[1:]
	}
	return true
}

// settle turns a 12-hour clock into 24 hours and checks every part.
func (sc *scan) settle(f *clockFormat) error {
	m := &sc.m
	if sc.meridiem != 0 {
		if m.hour < 1 || m.hour > 12 {
			return fmt.Errorf("hour %d, want 1 to 12 with AM/PM", m.hour)
		}
		m.hour %= 12
		if sc.meridiem == 'P' {
			m.hour += 12
		}
	}
	switch {
	case f.hasYear && m.year < 1970:
		return fmt.Errorf("year %d", m.year)
	case f.hasDate && (m.month < 1 || m.month > 12):
		return fmt.Errorf("month %d", int(m.month))
	case f.hasDate && (m.day < 1 || m.day > drivers.DaysIn(m.month, m.year)):
		return fmt.Errorf("day %d of month %d", m.day, int(m.month))
	case m.hour > 23 || m.minute > 59 || m.second > 59:
		return fmt.Errorf("time %02d:%02d:%02d", m.hour, m.minute, m.second)
	}
	return nil
}

// readUnix reads seconds since 1970 UTC; a fraction is dropped.
func readUnix(value string) (moment, error) {
	whole, frac, _ := strings.Cut(value, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || whole[0] == '+' || n < 0 || n > 1<<40 || !allDigits(frac) {
		return moment{}, errors.New("want seconds since 1970 (format unix)")
	}
	return moment{unix: time.Unix(n, 0)}, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
