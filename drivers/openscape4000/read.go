package openscape4000

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// maxHours bounds the hours of a call duration: with more the PBX is
// lost, not the call long.
const maxHours = 99999

// checkRID sorts a record by its identifier, where the layout has one:
// data records (AB on demand, AI immediate) are read, block starts and
// end messages are no calls.
func checkRID(text string, l *layout) error {
	if !l.has(elemRID) {
		return nil
	}
	rid := text[:min(2, len(text))]
	switch rid {
	case "AB", "AI":
		return nil
	case "AA", "AH":
		return fmt.Errorf("block start %q: %w", rid, drivers.ErrNotCall)
	case "AC", "AD", "AF":
		return fmt.Errorf("control message %q: %w", rid, drivers.ErrNotCall)
	}
	return &drivers.FieldError{Field: 1, Name: "RID", Value: rid, Reason: "unknown record identifier, want AB or AI (data), AA or AH (block start)"}
}

// readRecord reads every element CallTally uses; dating the end is left
// to the parser, which knows when the record arrived.
func readRecord(text string, l *layout, dirs map[string]drivers.Direction) (record, error) {
	rd := newFieldReader(text, l)
	if rd.err != nil {
		return record{}, rd.err
	}
	rd.checkLength()
	r := record{end: rd.stamp(), secs: rd.duration()}
	r.ring = rd.number(elemRing, maxHours*3600, false, "want whole seconds")
	r.units = rd.number(elemUnits, 999_999_999, false, "want whole charge units")
	r.dir = rd.direction(dirs)
	// Without the unanswered-call indication, a call of no duration was
	// not answered.
	r.noAnswer = rd.noAnswer() || !l.has(elemNoAnswer) && r.secs == 0
	r.charged, r.dest, r.calling = rd.text(elemCharged), rd.text(elemDest), rd.text(elemCalling)
	r.trunk = rd.text(elemTrunk)
	if r.trunk == "" {
		r.trunk = rd.text(elemRoute)
	}
	r.account, r.callID = rd.text(elemAccount), rd.text(elemCallID)
	if r.charged == "" {
		rd.failID(elemCharged, "blank: every call needs its internal party")
	}
	return r, rd.err
}

// checkLength holds the L element, the length of the data after it, to
// the layout: a mismatch means the FTBL format is not the one configured.
func (rd *fieldReader) checkLength() {
	l := rd.layout
	if !l.has(elemLength) {
		return
	}
	f := l.field(elemLength)
	n, ok := drivers.Atoi(rd.text(elemLength))
	switch {
	case !ok:
		rd.failID(elemLength, "want the length of the data after it")
	case l.sep == 0 && n != l.width-f.col-f.width:
		rd.failID(elemLength, fmt.Sprintf("%d characters follow it, but the layout has %d: check the layout setting", n, l.width-f.col-f.width))
	}
}

// stamp reads the end of connection.
func (rd *fieldReader) stamp() stamp {
	s := stamp{
		year:   rd.year(),
		month:  rd.number(elemEndMonth, 12, true, "want the month, 01 to 12"),
		day:    rd.number(elemEndDay, 31, true, "want the day, 01 to 31"),
		hour:   rd.number(elemEndHour, 23, true, "want the hour, 00 to 23"),
		minute: rd.number(elemEndMin, 59, true, "want the minute, 00 to 59"),
		second: rd.number(elemEndSec, 59, false, "want the second, 00 to 59"),
	}
	rd.number(elemEnd10, 9, false, "want tenths of a second")
	if rd.err == nil && (s.month == 0 || s.day == 0 || s.day > drivers.DaysIn(time.Month(s.month), s.year)) {
		rd.failID(elemEndDay, fmt.Sprintf("no day %d in month %d", s.day, s.month))
	}
	return s
}

// year reads ENDYEAR: yy (20yy) or yyyy; 0 when the layout has none or
// it is blank, and the year is inferred.
func (rd *fieldReader) year() int {
	v := rd.text(elemEndYear)
	if v == "" {
		return 0
	}
	y, ok := drivers.Atoi(v)
	switch {
	case ok && len(v) == 2:
		return 2000 + y
	case !ok || len(v) != 4 || y < 1990:
		rd.failID(elemEndYear, "want the year, yy or yyyy")
	}
	return y
}

// duration reads the call duration from whichever of hours, minutes and
// seconds the layout has: the largest unit present is unbounded, the
// others count up to 59. Tenths are checked and dropped.
func (rd *fieldReader) duration() int {
	l := rd.layout
	h := rd.number(elemDurHour, maxHours, false, "want whole hours")
	most := 60 * maxHours
	if l.has(elemDurHour) {
		most = 59
	}
	m := rd.number(elemDurMin, most, false, "want whole minutes, at most "+fmt.Sprint(most))
	if l.has(elemDurHour) || l.has(elemDurMin) {
		most = 59
	} else {
		most = 3600 * maxHours
	}
	s := rd.number(elemDurSec, most, false, "want whole seconds, at most "+fmt.Sprint(most))
	rd.number(elemDur10, 9, false, "want tenths of a second")
	return h*3600 + m*60 + s
}

// direction maps CALLDIR by the call-directions setting; "" when the
// layout has no CALLDIR.
func (rd *fieldReader) direction(dirs map[string]drivers.Direction) drivers.Direction {
	if !rd.layout.has(elemDir) {
		return ""
	}
	d, ok := dirs[strings.ToUpper(rd.text(elemDir))]
	if !ok {
		rd.failID(elemDir, "unknown connection type: add it to the call-directions setting")
	}
	return d
}

// noAnswer reads the unanswered-call indication: blank, 0 or N for an
// answered call, anything else for one nobody answered.
func (rd *fieldReader) noAnswer() bool {
	switch strings.ToUpper(rd.text(elemNoAnswer)) {
	case "", "0", "N":
		return false
	}
	return true
}
