package drivers

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Helpers for reading record text that several drivers share. Parsers
// call them for every field, so they work by hand: strconv accepts signs
// and allocates an error on every failure, time.Parse needs a layout per
// variant.

// Digits reads 1 to maxLen decimal digits: no sign, no blanks.
func Digits(s string, maxLen int) (int64, bool) {
	if s == "" || len(s) > maxLen {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// Atoi reads a count: 1 to 9 decimal digits, no sign, no blanks; never so
// many that sums of counts could overflow.
func Atoi(s string) (int, bool) {
	n, ok := Digits(s, 9)
	return int(n), ok
}

// HMS reads a duration written h+:mm:ss in seconds: the hours are not
// limited to two digits (a call can last for days), but to hourDigits.
func HMS(s string, hourDigits int) (int, bool) {
	n := len(s)
	if n < 7 || s[n-3] != ':' || s[n-6] != ':' {
		return 0, false
	}
	h, ok1 := Digits(s[:n-6], hourDigits)
	m, ok2 := Atoi(s[n-5 : n-3])
	sec, ok3 := Atoi(s[n-2:])
	if !ok1 || !ok2 || !ok3 || m > 59 || sec > 59 {
		return 0, false
	}
	return int(h)*3600 + m*60 + sec, true
}

// FormatHMS writes secs as hh:mm:ss, the hours growing past two digits
// as HMS reads them.
func FormatHMS(secs int) string {
	return fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
}

// DaysIn is the number of days of month m in year: what time.Date would
// otherwise silently roll over (30 February is 2 March). Year 0, which
// formats without a year leave, is a leap year, so 29 February passes.
func DaysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// SplitCommas cuts line at its commas into dst, reusing its array, for
// formats that define no quoting: a comma always ends a field.
func SplitCommas(dst []string, line string) []string {
	dst = dst[:0]
	for {
		i := strings.IndexByte(line, ',')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// NumberSet reads a comma-separated list of numbers into a set, the
// blanks around each trimmed; an empty list is the empty set.
func NumberSet(list string) map[string]bool {
	set := map[string]bool{}
	for n := range strings.SplitSeq(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			set[n] = true
		}
	}
	return set
}

// JoinCommas writes fields to b separated by commas, for formats that
// define no quoting: a field holding a comma or a line break cannot be
// written, and is refused with reason, named by names.
func JoinCommas(b *strings.Builder, fields, names []string, reason string) error {
	for i, v := range fields {
		if strings.ContainsAny(v, ",\r\n") {
			return &FieldError{Field: i + 1, Name: names[i], Value: v, Reason: reason}
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(v)
	}
	return nil
}

// JoinInts writes ns in decimal, separated by sep: the allowed lengths of
// a layout item in its error message.
func JoinInts(ns []int, sep string) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, sep)
}
