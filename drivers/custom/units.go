package custom

import (
	"errors"
	"fmt"
	"strings"

	"calltally.app/drivers"
)

// A unit is how a duration or ring field counts time.
type unit string

const (
	unitSeconds unit = "s"
	unitMillis  unit = "ms"
	unitMinutes unit = "min"
	unitTenths  unit = "tenths" // tenths of a minute: 6 seconds each
	unitHMS     unit = "hh:mm:ss"
	unitMS      unit = "mm:ss"
)

var units = []unit{unitSeconds, unitMillis, unitMinutes, unitTenths, unitHMS, unitMS}

func parseUnit(s string) (unit, error) {
	if s == "" {
		return unitSeconds, nil
	}
	for _, u := range units {
		if string(u) == s {
			return u, nil
		}
	}
	return "", fmt.Errorf("unknown unit %q (units: s, ms, min, tenths, hh:mm:ss, mm:ss)", s)
}

// maxSeconds bounds a duration: nothing a PBX reports lasts a year.
const maxSeconds = 366 * 24 * 3600

// seconds reads a length in the unit, rounded to whole seconds; an empty
// value is none.
func (u unit) seconds(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	var secs int64
	var ok bool
	switch u {
	case unitHMS, unitMS:
		secs, ok = clockLength(v, strings.Count(string(u), ":"))
	default:
		secs, ok = decimalLength(v, u)
	}
	if !ok || secs > maxSeconds {
		return 0, errors.New(u.want())
	}
	return int(secs), nil
}

func (u unit) want() string {
	switch u {
	case unitHMS:
		return "want hours:minutes:seconds (unit hh:mm:ss)"
	case unitMS:
		return "want minutes:seconds (unit mm:ss)"
	case unitTenths:
		return "want whole tenths of a minute (unit tenths)"
	case unitMillis:
		return "want whole milliseconds (unit ms)"
	case unitMinutes:
		return "want minutes, such as 2 or 1.5 (unit min)"
	}
	return "want seconds, such as 75 or 74.6 (unit s)"
}

// decimalLength reads a number of units: whole for ms and tenths, with a
// decimal fraction (point or comma) for s and min.
func decimalLength(v string, u unit) (int64, bool) {
	whole, frac, hasFrac := strings.Cut(strings.Replace(v, ",", ".", 1), ".")
	n, ok := drivers.Digits(whole, 9)
	if !ok || hasFrac && (u == unitMillis || u == unitTenths || frac == "" || !allDigits(frac)) {
		return 0, false
	}
	thousandths, _ := drivers.Digits((frac + "000")[:3], 3)
	switch u {
	case unitMillis:
		return (n + 500) / 1000, true
	case unitTenths:
		return n * 6, true
	case unitMinutes:
		return (n*60000 + thousandths*60 + 500) / 1000, true
	}
	return (n*1000 + thousandths + 500) / 1000, true
}

// clockLength reads h:mm:ss (parts 2) or m:ss (parts 1): the first
// number may have any count of digits, the others two.
func clockLength(v string, parts int) (int64, bool) {
	fields := strings.Split(v, ":")
	if len(fields) != parts+1 {
		return 0, false
	}
	total, ok := drivers.Digits(fields[0], 9)
	for _, f := range fields[1:] {
		n, isNumber := drivers.Digits(f, 2)
		ok = ok && isNumber && len(f) == 2 && n < 60
		total = total*60 + n
	}
	return total, ok
}
