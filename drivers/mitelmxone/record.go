package mitelmxone

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A record is one CIL record, read: one call.
type record struct {
	id       int64 // the drivers.Record it was read from
	start    time.Time
	duration int // seconds
	code     int // the condition code as written
	cond     condition
	dialed   string
	calling  string
	answer   string // the answering party
	inRoute  string
	outRoute string
	account  string
}

// readRecord reads the fields of one record laid out as the parser's
// layout. Only the columns the call is derived from are checked.
func (p *parser) readRecord(fields []string) (record, error) {
	if err := p.fit(fields); err != nil {
		return record{}, err
	}
	rd := fieldReader{l: p.layout, f: fields}
	r := record{
		dialed: rd.text(roleDialed), calling: rd.text(roleCalling), answer: rd.text(roleAnswering),
		inRoute: rd.text(roleInRoute), outRoute: rd.text(roleOutRoute), account: rd.text(roleAccount),
	}
	r.start = rd.start(p.loc)
	r.duration = rd.duration()
	r.code, r.cond = rd.condition()
	return r, rd.err
}

// A fieldReader parses fields and keeps the first error, so readRecord
// reads as a list of fields rather than a ladder of checks.
type fieldReader struct {
	l   *layout
	f   []string
	err error
}

func (rd *fieldReader) text(r role) string { return rd.l.text(rd.f, r) }

func (rd *fieldReader) fail(r role, reason string) {
	if rd.err == nil {
		i := rd.l.at[r]
		rd.err = &drivers.FieldError{Field: i + 1, Name: rd.l.names[i], Value: rd.f[i], Reason: reason}
	}
}

// startLayout is how start time local writes the date and time; a zone
// label in parentheses follows: "2021-06-08 15:06:39 (MSK)".
const startLayout = "2006-01-02 15:04:05"

// start reads the start of the call in the site's zone.
func (rd *fieldReader) start(loc *time.Location) time.Time {
	s := rd.text(roleStart)
	t, ok := readStart(s, loc)
	if !ok {
		rd.fail(roleStart, "want a date and time, YYYY-MM-DD hh:mm:ss, optionally followed by a zone label in parentheses")
	}
	return t
}

// readStart reads a start time as the PBX's wall clock in loc. The zone
// label is not a zone to convert from: it only tells the two 02:30 of the
// night clocks go back apart ("CEST" the first, "CET" the second).
func readStart(s string, loc *time.Location) (time.Time, bool) {
	if len(s) < len(startLayout) {
		return time.Time{}, false
	}
	wall, err := time.Parse(startLayout, s[:len(startLayout)])
	if err != nil {
		return time.Time{}, false
	}
	label, ok := zoneLabel(s[len(startLayout):])
	if !ok {
		return time.Time{}, false
	}
	return inZone(wall, label, loc), true
}

// zoneLabel reads " (MSK)"; "" when there is none.
func zoneLabel(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	label, ok := strings.CutPrefix(s, "(")
	label, closed := strings.CutSuffix(label, ")")
	if !ok || !closed || label == "" || strings.ContainsAny(label, " ()") {
		return "", false
	}
	return label, true
}

// inZone dates the wall clock wall (read as UTC) in loc: at the
// occurrence whose zone abbreviation is label where the clock shows it
// twice, else as time.Date does.
func inZone(wall time.Time, label string, loc *time.Location) time.Time {
	y, mo, d := wall.Date()
	h, mi, s := wall.Clock()
	t := time.Date(y, mo, d, h, mi, s, 0, loc)
	if label == "" {
		return t
	}
	for _, c := range [...]time.Time{t, t.Add(-time.Hour), t.Add(time.Hour)} {
		if name, _ := c.Zone(); name == label && sameWall(c, wall) {
			return c
		}
	}
	return t
}

func sameWall(t, wall time.Time) bool {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC).Equal(wall)
}

// duration reads "0d00:01:23": days, then hours, minutes and seconds.
func (rd *fieldReader) duration() int {
	n, ok := readDuration(rd.text(roleDuration))
	if !ok {
		rd.fail(roleDuration, "want a duration like 0d00:01:23 (days d hh:mm:ss)")
	}
	return n
}

func readDuration(s string) (int, bool) {
	days, hms, ok := strings.Cut(s, "d")
	if !ok || len(hms) != 8 || hms[2] != ':' || hms[5] != ':' {
		return 0, false
	}
	d, okD := drivers.Digits(days, 3)
	h, okH := drivers.Atoi(hms[0:2])
	m, okM := drivers.Atoi(hms[3:5])
	sec, okS := drivers.Atoi(hms[6:8])
	if !okD || !okH || !okM || !okS || h > 23 || m > 59 || sec > 59 {
		return 0, false
	}
	return ((int(d)*24+h)*60+m)*60 + sec, true
}

// condition reads the condition code and looks up its base.
func (rd *fieldReader) condition() (int, condition) {
	s := rd.text(roleCondition)
	n, ok := drivers.Digits(s, 3)
	code := int(n)
	if !ok || code > maxCode {
		rd.fail(roleCondition, fmt.Sprintf("want a condition code from 0 to %d", maxCode))
		return 0, condition{}
	}
	c, ok := lookup(code)
	if !ok {
		rd.fail(roleCondition, fmt.Sprintf("unknown condition code: its base %d (the code without the modifiers 32, 64 and 128) is not documented", code&baseMask))
	}
	return code, c
}
