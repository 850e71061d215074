package alcateloxo

import (
	"strings"
	"time"

	"calltally.app/drivers"
)

// readDate reads dd/mm/yy (mm/dd/yy when monthFirst), with /, . or - as
// separator, or the same without separators; a 4-digit year is read too.
func readDate(s string, monthFirst bool) (civil, bool) {
	var first, second, year string
	switch {
	case (len(s) == 8 || len(s) == 10) && strings.IndexByte("/.-", s[2]) >= 0 && s[5] == s[2]:
		first, second, year = s[:2], s[3:5], s[6:]
	case len(s) == 6 || len(s) == 8:
		first, second, year = s[:2], s[2:4], s[4:]
	default:
		return civil{}, false
	}
	d, ok1 := drivers.Atoi(first)
	m, ok2 := drivers.Atoi(second)
	y, ok3 := drivers.Atoi(year)
	if monthFirst {
		d, m = m, d
	}
	if len(year) == 2 {
		y += 2000 // the OXO came out in 1999; its statements print 23/10/00 for 2000
	}
	c := civil{y, time.Month(m), d}
	valid := m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, c.month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return c, ok1 && ok2 && ok3 && valid
}

func dateLayout(monthFirst bool) string {
	if monthFirst {
		return "mm/dd/yy"
	}
	return "dd/mm/yy"
}

// readClock reads n (2 or 3) numbers separated by colons (hh:mm,
// hh:mm:ss, mm:ss): the first of up to 3 digits, the others of 2 and
// below 60.
func readClock(s string, n int) ([3]int, bool) {
	var out [3]int
	for i := range n {
		part, rest, found := strings.Cut(s, ":")
		if found == (i == n-1) {
			return out, false // too few or too many parts
		}
		v, ok := drivers.Atoi(part)
		if !ok || (i == 0 && len(part) > 3) || (i > 0 && (len(part) != 2 || v > 59)) {
			return out, false
		}
		out[i], s = v, rest
	}
	return out, true
}

// user returns the number of a subscriber written Axxxx; groups (G1),
// lines (L01) and **** stay as written.
func user(s string) string {
	if len(s) > 1 && (s[0] == 'A' || s[0] == 'a') {
		if _, ok := drivers.Atoi(s[1:]); ok {
			return s[1:]
		}
	}
	return s
}

// subscriber returns the number of a user written Axxxx (or bare
// digits), "" for groups, lines and stars.
func subscriber(s string) string {
	n := user(s)
	if _, ok := drivers.Atoi(n); !ok {
		return ""
	}
	return n
}

// isUser accepts Axxxx, Gx, Lxx, Nxx, Pxx (a letter, then digits or
// stars), or ****.
func isUser(s string) bool {
	if !isCode(s, 9) {
		return false
	}
	letter := s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z'
	return strings.Trim(s, "*") == "" || (letter && len(s) > 1 && strings.Trim(s[1:], "0123456789*") == "")
}

// isLineUser reports a charged user that is a line, not a person: a call
// that came in on one line and left on another (break-in/break-out).
func isLineUser(s string) bool {
	if len(s) < 2 || !strings.ContainsRune("LNPV", rune(s[0])) {
		return false
	}
	return strings.Trim(s[1:], "0123456789*") == ""
}

func isType(s string) bool {
	switch s {
	case outgoing, incoming, serviceOn, serviceOff:
		return true
	}
	return false
}

// The call types (TYPE).
const (
	outgoing   = "-->"
	incoming   = "<--"
	serviceOn  = "CS+"
	serviceOff = "CS-"
)

// isLine accepts L01, N01, P01, V01, N**, N001 and the wake-up call's R.
func isLine(s string) bool { return isCode(s, 4) }

// isWakeUp reports the line of a wake-up call: R (CH in French printouts).
func isWakeUp(line string) bool {
	return line != "" && !strings.ContainsAny(line, "0123456789*")
}

// isCode accepts up to max letters, digits and stars.
func isCode(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '*' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// forwarded reports ADD. SERVICES letters of a forwarded call: X
// (forwarding), N (forwarding by the PBX), R (forwarding outside).
func forwarded(facilities string) bool { return strings.ContainsAny(facilities, "XNR") }
