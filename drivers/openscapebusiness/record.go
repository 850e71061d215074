package openscapebusiness

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A record is one call charge record, read: one segment of a call on a
// trunk, as one extension had it.
type record struct {
	id        int64 // the drivers.Record it was read from
	end       time.Time
	ring      int  // seconds an incoming call rang
	talk      int  // seconds connected
	connected bool // the call duration was written: the segment was put through
	trunk     string
	extension string
	number    string // the outside party: caller ID inbound, number dialled (or COLP) outbound
	units     int    // charge units, 0 when the field holds none or an amount
	info      int    // information element without the DISA offset: 1 to 9
	account   string
	msn       string
}

// start is when the segment began: its end less the ringing and the talk,
// as the record is stamped when the segment ends.
func (r *record) start() time.Time {
	return r.end.Add(-time.Duration(r.ring+r.talk) * time.Second)
}

// inbound reports the odd information elements but 9: incoming calls
// (voice, data, forwarded or transferred, conference). 9 is an incoming
// call that call forwarding sent out again: its record is the outgoing part.
func (r *record) inbound() bool { return r.info%2 == 1 && r.info != 9 }

// continues reports a segment that carries on a call another record
// began: forwarded or transferred (5, 6), conference or transit (7, 8).
func (r *record) continues() bool { return r.info >= 5 && r.info <= 8 }

// errNoDate marks the lines every layout has besides records: the field
// names of the uncompressed form, page headers and rules of the printer form.
var errNoDate = fmt.Errorf("no date at the start: a header or separator line: %w", drivers.ErrNotCall)

// errCallInfo marks the record sent when an incoming call starts to ring
// (information element 0), for caller look-up: its call's own record follows.
var errCallInfo = fmt.Errorf("information element 0, call information sent on ringing: %w", drivers.ErrNotCall)

// readRecord reads one record's text. Only the fields a call is derived
// from are checked; the rest are the PBX's business.
func (p *parser) readRecord(text string, received time.Time) (record, error) {
	// The printer form feeds after 62 lines; files saved on Windows may
	// start with a byte order mark.
	text = strings.TrimLeft(strings.TrimPrefix(text, "\ufeff"), "\f")
	if first := strings.TrimLeft(text, " \t"); first == "" || first[0] < '0' || first[0] > '9' {
		return record{}, errNoDate
	}
	ln := layoutOf(p.opts.layout, text).cut(text)
	rd := fieldReader{ln: &ln}
	if ln.missing >= 0 {
		rd.fail(ln.missing, ln.short())
		return record{}, rd.err
	}
	r := record{trunk: ln.values[fieldTrunk], extension: ln.values[fieldExtension], number: ln.values[fieldNumber],
		account: ln.values[fieldAccount], msn: ln.values[fieldMSN]}
	r.info = rd.info()
	if rd.err == nil && r.info == 0 {
		return record{}, errCallInfo
	}
	r.end = rd.end(p.loc, received)
	r.ring = rd.ring()
	r.talk, r.connected = rd.duration()
	if p.opts.units {
		// Informative: an amount in the field never costs the call.
		units, _ := drivers.Digits(ln.values[fieldCharges], 11)
		r.units = int(units)
	}
	return r, rd.err
}

// A fieldReader parses fields and keeps the first error, so readRecord
// reads as a list of fields rather than a ladder of checks.
type fieldReader struct {
	ln  *line
	err error
}

func (rd *fieldReader) fail(id fieldID, reason string) {
	if rd.err == nil {
		rd.err = &drivers.FieldError{Field: rd.ln.fieldNumber(id), Name: fieldNames[id], Value: rd.ln.values[id],
			Reason: reason + " (" + rd.ln.where(id) + ")"}
	}
}

// info reads the information element: 1 to 9, plus 50 on DISA calls,
// which are read as any other; 0 (or 50) is call information.
func (rd *fieldReader) info() int {
	n, ok := drivers.Digits(rd.ln.values[fieldInfo], 2)
	if ok && n >= 50 {
		n -= 50
	}
	if !ok || n > 9 {
		rd.fail(fieldInfo, "want 0 to 9, or 50 to 59 for DISA calls")
		return 0
	}
	return int(n)
}

// end reads the date and time the segment ended, DD.MM.YY hh:mm:ss in
// the site's zone; the year is 2000 + YY.
func (rd *fieldReader) end(loc *time.Location, received time.Time) time.Time {
	y, m, d, err := parseDate(rd.ln.values[fieldDate])
	if err != nil {
		rd.fail(fieldDate, err.Error())
		return time.Time{}
	}
	hh, mm, ss, ok := parseClock(rd.ln.values[fieldTime])
	if !ok || hh > 23 || mm > 59 || ss > 59 {
		rd.fail(fieldTime, "want hh:mm:ss")
		return time.Time{}
	}
	return wallClock(time.Date(y, time.Month(m), d, hh, mm, ss, 0, loc), received)
}

// wallClock settles a time read in the autumn hour that comes twice: the
// PBX writes a record as the segment ends, so the second pass unless
// that is still to come when the record arrived.
func wallClock(t, received time.Time) time.Time {
	first, second := t, t
	if e := t.Add(-time.Hour); sameWall(e, t) {
		first = e
	}
	if l := t.Add(time.Hour); sameWall(l, t) {
		second = l
	}
	if !received.IsZero() && second.After(received.Add(clockSkew)) {
		return first
	}
	return second
}

// clockSkew is how far the PBX's clock may run ahead of the collector's.
const clockSkew = 5 * time.Minute

func sameWall(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd && a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.Second() == b.Second()
}

// ring reads the ringing duration, mm:ss; empty on outgoing calls.
func (rd *fieldReader) ring() int {
	s := rd.ln.values[fieldRing]
	if s == "" {
		return 0
	}
	secs, ok := parseDuration(s)
	if !ok {
		rd.fail(fieldRing, "want mm:ss")
	}
	return secs
}

// duration reads the call duration, hh:mm:ss. Empty is not zero: the
// call was never put through.
func (rd *fieldReader) duration() (secs int, connected bool) {
	s := rd.ln.values[fieldDuration]
	if s == "" {
		return 0, false
	}
	secs, ok := parseDuration(s)
	if !ok {
		rd.fail(fieldDuration, "want hh:mm:ss, or nothing for a call not put through")
	}
	return secs, true
}

var (
	errDateLayout = errors.New("want DD.MM.YY")
	errDateRange  = errors.New("no such date")
)

// parseDate reads DD.MM.YY.
func parseDate(s string) (year, month, day int, err error) {
	if len(s) != 8 || s[2] != '.' || s[5] != '.' {
		return 0, 0, 0, errDateLayout
	}
	d, ok1 := drivers.Atoi(s[0:2])
	m, ok2 := drivers.Atoi(s[3:5])
	y, ok3 := drivers.Atoi(s[6:8])
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, errDateLayout
	}
	year = 2000 + y
	// time.Date would silently roll 30.02. over into March.
	if m < 1 || m > 12 || d < 1 || d > drivers.DaysIn(time.Month(m), year) {
		return 0, 0, 0, errDateRange
	}
	return year, m, d, nil
}

// parseClock reads hh:mm:ss, two digits each.
func parseClock(s string) (h, m, sec int, ok bool) {
	if len(s) != 8 || s[2] != ':' || s[5] != ':' {
		return 0, 0, 0, false
	}
	h, ok1 := drivers.Atoi(s[0:2])
	m, ok2 := drivers.Atoi(s[3:5])
	sec, ok3 := drivers.Atoi(s[6:8])
	return h, m, sec, ok1 && ok2 && ok3
}

// parseDuration reads mm:ss or hh:mm:ss, the forms ringing and call
// duration are written in; up to three digits lead, as the PBX stops
// counting at 59:59 and 23:59:59.
func parseDuration(s string) (int, bool) {
	head, sec, ok := cutLast(s)
	if !ok || sec > 59 {
		return 0, false
	}
	if n, ok := drivers.Digits(head, 3); ok {
		return int(n)*60 + sec, true // mm:ss
	}
	hours, mins, ok := cutLast(head)
	if !ok || mins > 59 {
		return 0, false
	}
	h, ok := drivers.Digits(hours, 3)
	return int(h)*3600 + mins*60 + sec, ok
}

// cutLast splits "x:nn" into x and the two digits nn.
func cutLast(s string) (head string, n int, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 || len(s)-i != 3 {
		return "", 0, false
	}
	n, ok = drivers.Atoi(s[i+1:])
	return s[:i], n, ok
}
