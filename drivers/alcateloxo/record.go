package alcateloxo

import (
	"strings"
	"time"

	"calltally.app/drivers"
)

// A statement is one metering statement, read: one external call.
type statement struct {
	initial string // the called set or group (A101, G1), **** on outgoing calls
	charged string // the caller, or the user who answered (A101), or a line (L01)
	kind    string // -->, <--, CS+, CS-; "" when the layout has no TYP
	line    string // L01, N01, P01, V01; R or CH for wake-up calls
	date    civil  // zero when the layout has no DAT
	hour    int
	minute  int
	second  int // where TIME has seconds
	talk    int // seconds of conversation
	ring    int // seconds of ringing
	units   int // metering units

	facilities string // ADD. SERVICES letters
	dialled    string // the number dialled, or the caller's
	account    string
	name       string
}

// A civil date without a zone.
type civil struct {
	year  int
	month time.Month
	day   int
}

func (d civil) isZero() bool { return d.month == 0 }

// cutColumns cuts a statement's text by the layout's columns. It reports
// the first separator that is not blank: the statement then does not
// have the layout, whatever its fields say.
func cutColumns(text string, l *layout) ([numFields]string, error) {
	var values [numFields]string
	var gap error
	for i, c := range l.cols {
		if c.col >= len(text) {
			break // the reader trims trailing blanks: the fields past the end are blank
		}
		end := min(c.col+c.width, len(text))
		if i == len(l.cols)-1 {
			end = len(text)
		}
		values[c.id] = text[c.col:end]
		if gap == nil && i > 0 && text[c.col-1] != ' ' {
			gap = &drivers.FieldError{Field: c.col, Name: "blank before " + c.name, Value: text[c.col-1 : end],
				Reason: "not a blank: the statement does not have the columns of the fields setting"}
		}
	}
	values[fieldSkip] = ""
	return values, gap
}

// A fieldReader reads a statement's fields and keeps the first error, so
// readStatement reads as a list of fields.
type fieldReader struct {
	l      *layout
	values [numFields]string
	err    error
}

func (rd *fieldReader) fail(id fieldID, reason string) {
	if rd.err == nil {
		c := rd.l.column(id)
		rd.err = &drivers.FieldError{Field: c.col + 1, Name: c.name, Value: rd.values[id], Reason: reason}
	}
}

// text returns a field without its padding; "" for fields the layout
// does not have.
func (rd *fieldReader) text(id fieldID) string { return strings.TrimSpace(rd.values[id]) }

// readStatement reads every field CallTally uses from a statement cut
// into fields.
func readStatement(values [numFields]string, l *layout, monthFirst bool) (statement, error) {
	rd := &fieldReader{l: l, values: values}
	s := statement{
		initial: rd.user(fieldInitial), charged: rd.user(fieldCharged), kind: rd.callType(), line: rd.line(),
		facilities: rd.text(fieldFacilities), dialled: rd.text(fieldDialled),
		account: rd.text(fieldAccount), name: rd.text(fieldName),
	}
	if l.has(fieldDate) {
		s.date = rd.date(monthFirst)
	}
	s.hour, s.minute, s.second = rd.timeOfDay()
	s.talk = rd.duration()
	s.ring = rd.ring()
	s.units = rd.units()
	return s, rd.err
}

// user reads a user field: Axxxx, Gx, ****, or a line (Lxx, Nxx, Pxx).
// Only the charged user is required.
func (rd *fieldReader) user(id fieldID) string {
	v := rd.text(id)
	switch {
	case !rd.l.has(id):
	case v == "" && id == fieldCharged:
		rd.fail(id, "blank: every statement names the user it is charged to")
	case v != "" && !isUser(v) && !isDigits(v): // a number without its A, in its column
		rd.fail(id, "want a user such as A101, G1 or ****")
	}
	return v
}

func (rd *fieldReader) callType() string {
	v := rd.text(fieldType)
	if rd.l.has(fieldType) && !isType(v) {
		rd.fail(fieldType, "unknown call type: want --> (outgoing), <-- (incoming), CS+ or CS-")
	}
	return v
}

// line reads LINE 4 where the layout has it (LINE then shows N** for the
// lines that need four characters), else LINE.
func (rd *fieldReader) line() string {
	if v := rd.text(fieldLine4); rd.l.has(fieldLine4) && (v != "" || !rd.l.has(fieldLine)) {
		if !isLine(v) {
			rd.fail(fieldLine4, "want a line such as N001 or P012")
		}
		return v
	}
	v := rd.text(fieldLine)
	if rd.l.has(fieldLine) && !isLine(v) {
		rd.fail(fieldLine, "want a line such as L01, N01 or P01 (R for a wake-up call)")
	}
	return v
}

func (rd *fieldReader) date(monthFirst bool) civil {
	v := rd.text(fieldDate)
	d, ok := readDate(v, monthFirst)
	switch _, other := readDate(v, !monthFirst); {
	case !ok && other:
		rd.fail(fieldDate, "want "+dateLayout(monthFirst)+", a real date; it reads as "+dateLayout(!monthFirst)+": check the date-order setting")
	case !ok:
		rd.fail(fieldDate, "want "+dateLayout(monthFirst)+", a real date")
	}
	return d
}

// timeOfDay reads hh:mm, or hh:mm:ss.
func (rd *fieldReader) timeOfDay() (hour, minute, second int) {
	v := rd.text(fieldTime)
	p, ok := readClock(v, 2)
	if !ok {
		p, ok = readClock(v, 3)
	}
	if !ok || p[0] > 23 {
		rd.fail(fieldTime, "want hh:mm, the time the call began")
		return 0, 0, 0
	}
	return p[0], p[1], p[2]
}

func (rd *fieldReader) duration() int {
	p, ok := readClock(rd.text(fieldDuration), 3)
	if !ok {
		rd.fail(fieldDuration, "want hh:mm:ss, the time in conversation")
		return 0
	}
	return p[0]*3600 + p[1]*60 + p[2]
}

// ring reads mm:ss; blank (no ringing phase) is 0.
func (rd *fieldReader) ring() int {
	v := rd.text(fieldRing)
	if v == "" {
		return 0
	}
	p, ok := readClock(v, 2)
	if !ok {
		rd.fail(fieldRing, "want mm:ss, the time it rang")
		return 0
	}
	return p[0]*60 + p[1]
}

// units reads the metering units; blank is none.
func (rd *fieldReader) units() int {
	v := rd.text(fieldUnits)
	if v == "" {
		return 0
	}
	n, ok := drivers.Atoi(v)
	if !ok {
		rd.fail(fieldUnits, "want a number of metering units")
	}
	return n
}
