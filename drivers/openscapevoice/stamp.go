package openscapevoice

import (
	"errors"
	"time"

	"calltally.app/drivers"
)

var (
	errStampLayout = errors.New("want YYYY-MM-DDThh:mm:ss.s±hhmm")
	errStampRange  = errors.New("no such date or time")
	errStampZone   = errors.New("want a UTC offset ±hhmm, ±hh:mm, ±hh or Z after the time")
)

// parseStamp reads an OpenScape Voice time stamp, 2026-03-10T09:14:05.3+0100:
// the switch's wall clock and its offset from UTC, which together give
// the instant, returned in loc. A space may stand for the T, the
// fraction may be missing or longer; a stamp without offset is read as
// loc's wall clock. By hand, as it is the hottest field and time.Parse
// would need a layout per variant.
func parseStamp(s string, loc *time.Location) (time.Time, error) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, errStampLayout
	}
	y, ok1 := drivers.Atoi(s[0:4])
	mo, ok2 := drivers.Atoi(s[5:7])
	d, ok3 := drivers.Atoi(s[8:10])
	h, ok4 := drivers.Atoi(s[11:13])
	mi, ok5 := drivers.Atoi(s[14:16])
	sec, ok6 := drivers.Atoi(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return time.Time{}, errStampLayout
	}
	// time.Date would silently roll 2026-02-30 over into March.
	if mo < 1 || mo > 12 || d < 1 || d > drivers.DaysIn(time.Month(mo), y) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, errStampRange
	}
	nsec, rest, ok := fraction(s[19:])
	if !ok {
		return time.Time{}, errStampLayout
	}
	if rest == "" {
		return time.Date(y, time.Month(mo), d, h, mi, sec, nsec, loc), nil
	}
	offset, ok := zone(rest)
	if !ok {
		return time.Time{}, errStampZone
	}
	utc := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC)
	return utc.Add(-time.Duration(offset) * time.Second).In(loc), nil
}

// fraction reads the fraction of a second, ".3" or ".123456789", if s
// starts with one, and returns what follows it.
func fraction(s string) (nsec int, rest string, ok bool) {
	if s == "" || s[0] != '.' {
		return 0, s, true
	}
	i := 1
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	digits := s[1:i]
	if digits == "" || len(digits) > 9 {
		return 0, "", false
	}
	n, _ := drivers.Atoi(digits)
	for range 9 - len(digits) {
		n *= 10
	}
	return n, s[i:], true
}

// zone reads a UTC offset, Z, +01, +0100 or +01:00, in seconds east.
func zone(s string) (int, bool) {
	if s == "Z" {
		return 0, true
	}
	if len(s) < 3 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	hh, mm := s[1:3], "00"
	switch len(s) {
	case 3:
	case 5:
		mm = s[3:5]
	case 6:
		if s[3] != ':' {
			return 0, false
		}
		mm = s[4:6]
	default:
		return 0, false
	}
	h, ok1 := drivers.Atoi(hh)
	m, ok2 := drivers.Atoi(mm)
	if !ok1 || !ok2 || h > 14 || m > 59 {
		return 0, false
	}
	offset := h*3600 + m*60
	if s[0] == '-' {
		offset = -offset
	}
	return offset, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
