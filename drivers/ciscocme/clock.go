package ciscocme

import (
	"errors"
	"strings"
	"time"

	"calltally.app/drivers"
)

var (
	errTimeLayout = errors.New("want [*]hh:mm:ss.mmm ZONE Ddd Mmm d yyyy")
	errTimeRange  = errors.New("no such date or time")
)

// month reads an English month abbreviation, in any case.
func month(s string) (time.Month, bool) {
	if len(s) != 3 {
		return 0, false
	}
	const names = "janfebmaraprmayjunjulaugsepoctnovdec"
	b := [3]byte{s[0] | 0x20, s[1] | 0x20, s[2] | 0x20} // lower case for letters
	for i := 0; i < len(names); i += 3 {
		if names[i] == b[0] && names[i+1] == b[1] && names[i+2] == b[2] {
			return time.Month(i/3 + 1), true
		}
	}
	return 0, false
}

// words splits s at blanks into dst, without allocating; ok is false
// when s has more words than dst holds.
func words(dst []string, s string) (n int, ok bool) {
	start := -1
	for i := 0; i <= len(s); i++ {
		blank := i == len(s) || s[i] == ' ' || s[i] == '\t'
		switch {
		case !blank && start < 0:
			start = i
		case blank && start >= 0:
			if n == len(dst) {
				return n, false
			}
			dst[n], n, start = s[start:i], n+1, -1
		}
	}
	return n, true
}

// parseTime reads a gateway time stamp, `*09:14:00.100 CET Mon Mar 2
// 2026`: the router's wall clock with its `clock timezone` label, the
// weekday optional. A leading `*` (clock not set by NTP) or `.` (NTP
// lost) is dropped. Times labelled UTC or GMT are instants; others are
// read in the site's zone, the label choosing between the two instants
// of the hour that repeats when summer time ends. Plain digits are Unix
// seconds.
func parseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimLeft(strings.TrimSpace(s), "*.")
	if secs, ok := unixSeconds(s); ok {
		return time.Unix(secs, 0).In(loc), nil
	}
	var buf [6]string
	n, ok := words(buf[:], s)
	f := buf[:n]
	if n == 6 {
		f = append(f[:2], f[3:]...) // the weekday, which the date implies
	}
	if !ok || len(f) != 5 {
		return time.Time{}, errTimeLayout
	}
	h, mi, sec, nsec, err := parseClock(f[0])
	if err != nil {
		return time.Time{}, err
	}
	mo, ok := month(f[2])
	d, ok2 := drivers.Atoi(f[3])
	y, ok3 := drivers.Atoi(f[4])
	if !ok || !ok2 || !ok3 || len(f[4]) != 4 {
		return time.Time{}, errTimeLayout
	}
	if d < 1 || d > drivers.DaysIn(mo, y) {
		return time.Time{}, errTimeRange
	}
	return wallTime(time.Date(y, mo, d, h, mi, sec, nsec, time.UTC), f[1], loc), nil
}

// parseClock reads hh:mm:ss with an optional fraction of a second.
func parseClock(s string) (h, m, sec, nsec int, err error) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) != 8 || whole[2] != ':' || whole[5] != ':' || (hasFrac && (frac == "" || len(frac) > 9)) {
		return 0, 0, 0, 0, errTimeLayout
	}
	h, ok1 := drivers.Atoi(whole[0:2])
	m, ok2 := drivers.Atoi(whole[3:5])
	sec, ok3 := drivers.Atoi(whole[6:8])
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, 0, errTimeLayout
	}
	if hasFrac {
		n, ok := drivers.Atoi(frac)
		if !ok {
			return 0, 0, 0, 0, errTimeLayout
		}
		nsec = n * pow10(9-len(frac))
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, 0, errTimeRange
	}
	return h, m, sec, nsec, nil
}

// unixSeconds reads 9 or 10 digits: a time from 1973 to 2286.
func unixSeconds(s string) (int64, bool) {
	if len(s) < 9 || len(s) > 10 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	return n, true
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// wallTime places the wall clock w (given in UTC) in loc. In the hour
// that repeats when summer time ends, time.Date picks one of the two
// instants; the router's zone label, where it is loc's name for the
// other one, picks that instead.
func wallTime(w time.Time, label string, loc *time.Location) time.Time {
	if strings.EqualFold(label, "UTC") || strings.EqualFold(label, "GMT") {
		return w.In(loc)
	}
	t := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
	if zone, _ := t.Zone(); zone == label {
		return t
	}
	for _, alt := range []time.Time{t.Add(-time.Hour), t.Add(time.Hour)} {
		if zone, _ := alt.Zone(); zone == label && sameClock(alt, t) {
			return alt
		}
	}
	return t
}

func sameClock(a, b time.Time) bool {
	return a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.Day() == b.Day()
}
