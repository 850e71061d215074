package mitelmivo400

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A record is one CL record, read.
type record struct {
	id       int64 // the drivers.Record it was read from
	class    class
	start    time.Time
	duration int // seconds connected
	tta      int // seconds from ringing to answer, or ringing in all
	metpul   int
	seq      string // SEQ.NO. without its zeros; "" when none
	no       string
	cc       string
	exch     string
	id1, id2 string
	dest1    string
	dest2    string
	ddi      string
}

// A fieldReader cuts a record by a layout and keeps the first error, so
// readRecord reads as a list of fields.
type fieldReader struct {
	line   string // the record, its tab at column 0
	layout *layout
	err    error
}

// value returns a field as written, "" where the record ends before it
// (the reader trims trailing blanks, so a record may end early).
func (rd *fieldReader) value(id fieldID) string {
	if !rd.layout.has(id) {
		return ""
	}
	f := rd.layout.field(id)
	if f.col >= len(rd.line) {
		return ""
	}
	return rd.line[f.col:min(f.col+f.width, len(rd.line))]
}

// text returns a field with its padding trimmed.
func (rd *fieldReader) text(id fieldID) string {
	return strings.TrimSpace(rd.value(id))
}

func (rd *fieldReader) fail(f field, value, reason string) {
	if rd.err == nil {
		rd.err = &drivers.FieldError{Field: f.col + 1, Name: f.label, Value: value, Reason: reason}
	}
}

func (rd *fieldReader) failID(id fieldID, reason string) {
	rd.fail(rd.layout.field(id), rd.value(id), reason)
}

// readRecord reads every field CallTally uses. A record that lost its
// leading tab on the way is read as if it had it. received is when the
// record arrived, zero if unknown.
func readRecord(text string, opts *options, loc *time.Location, received time.Time) (record, error) {
	if !strings.HasPrefix(text, "\t") {
		text = "\t" + text
	}
	rd := &fieldReader{line: text, layout: opts.layout}
	rd.checkShape()
	var r record
	r.class = rd.sortCharacter()
	r.start = rd.start(opts.dayFirst, loc)
	rd.checkDateOrder(r.start, opts.dayFirst, received)
	r.duration = rd.duration()
	r.metpul, r.tta = rd.count(fieldMetpul), rd.count(fieldTTA)
	r.seq = rd.sequence()
	rd.count(fieldSerial) // only checked: the serial number stays in the raw record
	r.no, r.cc, r.exch = rd.text(fieldNo), rd.text(fieldCC), rd.text(fieldExch)
	r.id1, r.id2, r.ddi = rd.text(fieldID1), rd.text(fieldID2), rd.text(fieldDDI)
	r.dest1 = rd.dialled(fieldDest1, opts.markHidden)
	r.dest2 = rd.dialled(fieldDest2, opts.markHidden)
	return r, rd.err
}

// checkShape rejects a record whose columns are not the layout's: one
// longer than the layout, or without the blank between two fields.
func (rd *fieldReader) checkShape() {
	l := rd.layout
	if i := indexControl(rd.line); i > 0 {
		rd.err = &drivers.FieldError{Field: i + 1, Name: "record", Value: rd.line[i : i+1],
			Reason: "control character inside the record"}
		return
	}
	if len(rd.line) > l.width {
		rd.err = &drivers.FieldError{Field: l.width + 1, Name: "end of record", Value: rd.line[l.width:],
			Reason: fmt.Sprintf("the record goes on past column %d, where the %s layout ends: check the format and fields settings", l.width, l.name)}
		return
	}
	if last := l.fields[l.last]; len(rd.line) <= last.col {
		rd.err = &drivers.FieldError{Field: len(rd.line) + 1, Name: "end of record", Value: "",
			Reason: fmt.Sprintf("the record ends at column %d, before %s at %d: it was cut short", len(rd.line), last.label, last.col+1)}
		return
	}
	for _, f := range l.fields[1:] {
		if f.col <= len(rd.line) && rd.line[f.col-1] != ' ' {
			rd.fail(f, rd.line[f.col-1:min(f.col+f.width, len(rd.line))],
				"no blank before the field: the record does not have the "+l.name+" layout; check the format and fields settings")
			return
		}
	}
}

// indexControl returns where the first control character after the
// leading tab is, or -1.
func indexControl(line string) int {
	for i := 1; i < len(line); i++ {
		if isControl(rune(line[i])) {
			return i
		}
	}
	return -1
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }

func (rd *fieldReader) sortCharacter() class {
	v := rd.value(fieldSC)
	width := rd.layout.field(fieldSC).width
	if _, ok := drivers.Atoi(v); !ok || len(v) != width {
		rd.failID(fieldSC, fmt.Sprintf("want %d digits", width))
		return class{dir: drivers.Inbound}
	}
	c, reason := classify(v, rd.layout.twoDigitSC)
	if reason != "" {
		rd.failID(fieldSC, "unknown sort character, "+reason)
	}
	return c
}

// start reads DATE and TIME, the minute the record's part of the call
// began, in the site's zone.
func (rd *fieldReader) start(dayFirst bool, loc *time.Location) time.Time {
	y, m, d, ok := readDate(rd.value(fieldDate), dayFirst)
	if !ok {
		rd.failID(fieldDate, "want "+dateOrder(dayFirst)+", a real date (check the date-order setting)")
	}
	v := rd.value(fieldTime)
	h, okH := drivers.Atoi(v[:min(2, len(v))])
	mi, okM := drivers.Atoi(v[min(3, len(v)):])
	if len(v) != 5 || v[2] != ':' || !okH || !okM || h > 23 || mi > 59 {
		rd.failID(fieldTime, "want hh:mm")
	}
	return time.Date(y, m, d, h, mi, 0, 0, loc)
}

// checkDateOrder rejects a date over a year before the record arrived
// when the other date order would make it recent: the date-order setting
// does not match the PBX. (Dates after the arrival are let be: test
// clocks and imports make those.)
func (rd *fieldReader) checkDateOrder(start time.Time, dayFirst bool, received time.Time) {
	if rd.err != nil || received.IsZero() || !start.Before(received.AddDate(0, 0, -400)) {
		return
	}
	y, m, d, ok := readDate(rd.value(fieldDate), !dayFirst)
	if other := time.Date(y, m, d, start.Hour(), start.Minute(), 0, 0, start.Location()); ok && recent(other, received) {
		rd.failID(fieldDate, fmt.Sprintf("read as %s it is %s, read as %s %s: check the date-order setting",
			dateOrder(dayFirst), start.Format(time.DateOnly), dateOrder(!dayFirst), other.Format(time.DateOnly)))
	}
}

// recent reports whether t lies in the 400 days before received (or a
// day after it, for a PBX clock ahead).
func recent(t, received time.Time) bool {
	return !t.Before(received.AddDate(0, 0, -400)) && !t.After(received.AddDate(0, 0, 1))
}

// duration reads hhHmmMss; the manuals print both M and m. An unanswered
// call may have 0.
func (rd *fieldReader) duration() int {
	v := rd.value(fieldDuration)
	if t := strings.TrimSpace(v); t == "" || t == "0" {
		return 0
	}
	h, ok1 := drivers.Atoi(v[:min(2, len(v))])
	m, ok2 := drivers.Atoi(v[min(3, len(v)):min(5, len(v))])
	s, ok3 := drivers.Atoi(v[min(6, len(v)):])
	if len(v) != 8 || !ok1 || !ok2 || !ok3 || !strings.ContainsRune("Hh", rune(v[2])) ||
		!strings.ContainsRune("Mm", rune(v[5])) || m > 59 || s > 59 {
		rd.failID(fieldDuration, "want hhHmmMss")
	}
	return h*3600 + m*60 + s
}

// count reads a zero-padded count; blank is 0.
func (rd *fieldReader) count(id fieldID) int {
	t := rd.text(id)
	if t == "" {
		return 0
	}
	n, ok := drivers.Atoi(t)
	if !ok {
		rd.failID(id, "want digits")
	}
	return n
}

// sequence reads SEQ.NO., the number the records of one incoming call
// share; 0 or blank is none.
func (rd *fieldReader) sequence() string {
	if n := rd.count(fieldSeq); n > 0 {
		return strconv.Itoa(n)
	}
	return ""
}

// dialled reads a dialled number. With data protection its last digits
// come as full stops, or (where numbers are right-justified) as blanks
// after the digits: they are kept as X.
func (rd *fieldReader) dialled(id fieldID, markHidden bool) string {
	v := rd.value(id)
	s := strings.TrimSpace(v)
	if !markHidden || s == "" {
		return s
	}
	digits := strings.TrimRight(s, ".")
	hidden := len(s) - len(digits)
	if rd.layout.rightNumbers {
		hidden += len(strings.TrimLeft(v, " ")) - len(s)
	}
	return digits + strings.Repeat("X", hidden)
}

// readDate reads yymmdd or ddmmyy; years 70 to 99 are the 1900s.
func readDate(s string, dayFirst bool) (int, time.Month, int, bool) {
	n, ok := drivers.Atoi(s)
	if len(s) != 6 || !ok {
		return 2000, 1, 1, false
	}
	a, b, c := n/10000, n/100%100, n%100
	yy, m, d := a, b, c
	if dayFirst {
		yy, d = c, a
	}
	year := 2000 + yy
	if yy >= 70 {
		year = 1900 + yy
	}
	if m < 1 || m > 12 || d < 1 || d > time.Date(year, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 2000, 1, 1, false
	}
	return year, time.Month(m), d, true
}

func dateOrder(ddmmyy bool) string {
	if ddmmyy {
		return dayFirst
	}
	return yearFirst
}
