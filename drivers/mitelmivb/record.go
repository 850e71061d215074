package mitelmivb

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// Time to answer that is not a number of seconds.
const (
	ttaBlank = -1 // blank: outgoing and internal calls
	ttaNever = -2 // *** : the call was never answered
)

// overflow is what a duration of 99:99:99 stands for: 100 hours or more.
const overflow = 100 * 3600

// A record is one SMDR record, read.
type record struct {
	id int64 // the drivers.Record it was read from

	month, day           int
	hour, minute, second int // on the 24-hour clock
	duration             int // seconds

	calling, called, third, ldn string
	digits, account, ani, dnis  string
	callID, assocID             string

	attendant bool
	tta       int // seconds, ttaBlank or ttaNever
	meter     int // meter pulses; 0 when not recorded
	status    byte
	speed     byte
	transfer  byte
}

// A fieldReader cuts a record's text by a layout and keeps the first
// error, so readRecord reads as a list of fields.
type fieldReader struct {
	line   string
	layout *layout
	err    error
}

// value returns a field's columns, blank-padded: the reader trims
// trailing blanks, so a record may end before its last fields.
func (rd *fieldReader) value(id itemID) string {
	f := rd.layout.at[id]
	switch {
	case f.col+f.width <= len(rd.line):
		return rd.line[f.col : f.col+f.width]
	case f.col >= len(rd.line):
		return blanks[:f.width]
	}
	return rd.line[f.col:] + blanks[:f.col+f.width-len(rd.line)]
}

// blanks pads fields: no field is wider than an item may be.
var blanks = strings.Repeat(" ", 99)

func (rd *fieldReader) text(id itemID) string { return strings.TrimSpace(rd.value(id)) }

// fail records why field id could not be read, naming the layout: most
// bad fields are a layout that does not match the PBX's options.
func (rd *fieldReader) fail(id itemID, reason string) {
	if rd.err == nil {
		f := rd.layout.at[id]
		rd.err = &drivers.FieldError{
			Field: f.col + 1, Name: f.name, Value: rd.value(id),
			Reason: fmt.Sprintf("%s [%s layout]", reason, rd.layout.name),
		}
	}
}

// checkLength rejects a record longer than its layout: the PBX sends
// another layout than the settings say, and every column may be wrong.
func (rd *fieldReader) checkLength() {
	l := rd.layout
	if l.open || len(rd.line) <= l.width {
		return
	}
	rd.err = &drivers.FieldError{
		Field: l.width + 1, Name: "end of record", Value: rd.line[l.width:],
		Reason: fmt.Sprintf("%d characters, but the %s layout has %d: check the settings", len(rd.line), l.name, l.width),
	}
}

// readRecord reads every field CallTally uses.
func readRecord(text string, l *layout, twelveHour bool) (record, error) {
	rd := &fieldReader{line: text, layout: l}
	rd.checkLength()
	var r record
	r.month, r.day = rd.date()
	r.hour, r.minute, r.second = rd.clock(twelveHour)
	r.duration = rd.duration()
	r.attendant = rd.attendant()
	r.tta = rd.timeToAnswer()
	r.meter = rd.number(itemMeter, "want meter pulses: digits")
	r.status = rd.letter(itemStatus, "want a completion status letter (A, B, E, T, I, O, D, S, U) or blank")
	r.speed = rd.letter(itemSpeed, "want S (speed call), F (forwarded) or blank")
	r.transfer = rd.char(itemTransfer)
	rd.system()
	r.calling, r.called, r.third, r.ldn = rd.text(itemCalling), rd.text(itemCalled), rd.text(itemThird), rd.text(itemLDN)
	r.digits, r.account = rd.text(itemDigits), rd.text(itemAccount)
	r.ani, r.dnis = rd.text(itemANI), rd.text(itemDNIS)
	r.callID, r.assocID = rd.text(itemCallID), rd.text(itemAssocID)
	return r, rd.err
}

// date reads mm/dd; 29 February is taken, its year found later.
func (rd *fieldReader) date() (month, day int) {
	v := rd.value(itemDate)
	m, ok1 := atoi(v[0:2])
	d, ok2 := atoi(v[3:5])
	sep := v[2] == '/' || v[2] == '-'
	if !ok1 || !ok2 || !sep || m < 1 || m > 12 || d < 1 || d > drivers.DaysIn(time.Month(m), 2000) {
		rd.fail(itemDate, "want mm/dd, a real date")
	}
	return m, d
}

// clock reads hh:mm (or hh:mm:ss) and the PM flag after it.
func (rd *fieldReader) clock(twelveHour bool) (hour, minute, second int) {
	v := rd.value(itemTime)
	h, ok1 := atoi(v[0:2])
	m, ok2 := atoi(v[3:5])
	ok3 := v[2] == ':'
	if len(v) == 8 {
		s, ok := atoi(v[6:8])
		second, ok3 = s, ok3 && ok && v[5] == ':' && s <= 59
	}
	if !ok1 || !ok2 || !ok3 || m > 59 {
		rd.fail(itemTime, "want "+"hh:mm:ss"[:len(v)])
		return 0, 0, 0
	}
	h, reason := hour24(h, rd.char(itemPM), twelveHour)
	if reason != "" {
		rd.fail(itemTime, reason)
	}
	return h, m, second
}

// hour24 reads an hour with the PM flag after the time (0 when blank). A
// P is read on either clock: a PBX on the 24-hour clock never writes one.
func hour24(h int, flag byte, twelveHour bool) (int, string) {
	pm := flag == 'P' || flag == 'p'
	switch {
	case flag == ':':
		return 0, "want P or blank after hh:mm; a start time with seconds means extended-reporting=level2"
	case flag != 0 && flag != 'A' && flag != 'a' && !pm:
		return 0, fmt.Sprintf("PM flag %q: want P or blank", flag)
	}
	switch {
	case twelveHour && (h < 1 || h > 12):
		return 0, "want an hour from 01 to 12 on the 12-hour clock (clock=12); a 24-hour time means clock=24"
	case twelveHour && h == 12:
		h = 0 // 12 AM; 12 PM is 0 + 12
	case h > 23 || (pm && h > 12):
		return 0, "want an hour from 00 to 23, or 01 to 12 with P"
	case pm && h == 12:
		return 12, ""
	case !pm && flag != 0 && h == 12:
		return 0, "" // 12 A(M)
	}
	if pm {
		h += 12
	}
	return h, ""
}

// duration reads hh:mm:ss (hhhh:mm:ss with extended digit length);
// 99:99:99 is Mitel's mark of a call of 100 hours or more.
func (rd *fieldReader) duration() int {
	v := rd.value(itemDuration)
	n := len(v) - 6 // digits of the hours
	h, ok1 := atoi(v[:n])
	m, ok2 := atoi(v[n+1 : n+3])
	s, ok3 := atoi(v[n+4:])
	switch {
	case !ok1 || !ok2 || !ok3 || v[n] != ':' || v[n+3] != ':':
		rd.fail(itemDuration, "want "+strings.Repeat("h", n)+":mm:ss")
	case m == 99 && s == 99:
		return max(overflow, (h+1)*3600)
	case m > 59 || s > 59:
		rd.fail(itemDuration, "want minutes and seconds from 00 to 59")
	}
	return h*3600 + m*60 + s
}

// attendant reads the flag set when an attendant handled the call.
func (rd *fieldReader) attendant() bool {
	switch c := rd.value(itemAttendant); c {
	case "", " ":
		return false
	case "*":
		return true
	}
	rd.fail(itemAttendant, "want * or blank; a digit here starts a 4-digit time to answer: extended-tta=yes")
	return false
}

// timeToAnswer reads ttt (tttt with extended time to answer): seconds,
// all asterisks for a call never answered, or blank.
func (rd *fieldReader) timeToAnswer() int {
	v := strings.TrimSpace(rd.value(itemTTA))
	if v == "" {
		return ttaBlank
	}
	if strings.Trim(v, "*") == "" {
		return ttaNever
	}
	n, ok := atoi(v)
	if !ok {
		rd.fail(itemTTA, "want seconds, asterisks (never answered) or blank")
	}
	return n
}

// char reads a one-character field: 0 when blank or not in the layout.
func (rd *fieldReader) char(id itemID) byte {
	if !rd.layout.has(id) || rd.value(id)[0] == ' ' {
		return 0
	}
	return rd.value(id)[0]
}

// number reads an optional count.
func (rd *fieldReader) number(id itemID, reason string) int {
	v := rd.text(id)
	if v == "" {
		return 0
	}
	n, ok := atoi(v)
	if !ok {
		rd.fail(id, reason)
	}
	return n
}

// letter reads a one-letter flag; blank is 0. Letters CallTally does not
// know are taken (and kept in the raw record): a digit or sign is not.
func (rd *fieldReader) letter(id itemID, reason string) byte {
	if !rd.layout.has(id) {
		return 0
	}
	c := rd.value(id)[0]
	switch {
	case c == ' ':
		return 0
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		return c &^ 0x20 // upper case
	}
	rd.fail(id, reason)
	return 0
}

// system checks the 3-digit system identifier near the end of the base
// record: present in every record Mitel documents, it shows whether the
// columns in between are where the layout puts them.
func (rd *fieldReader) system() {
	if !rd.layout.has(itemSystem) {
		return
	}
	v := rd.value(itemSystem)
	if _, ok := atoi(v); ok {
		return
	}
	if f := rd.layout.at[itemSystem]; len(rd.line) <= f.col {
		rd.fail(itemSystem, fmt.Sprintf("missing: the record ends at column %d", len(rd.line)))
		return
	}
	rd.fail(itemSystem, "want the 3-digit system identifier: the columns before it are not where the layout puts them")
}

// atoi reads 1 to 9 decimal digits, leading blanks allowed: no sign.
func atoi(s string) (int, bool) { return drivers.Atoi(strings.TrimLeft(s, " ")) }
