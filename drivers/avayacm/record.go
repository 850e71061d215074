package avayacm

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A record is one CDR record, read: one call, or one part of a call the
// CM split (a long call's interim record).
type record struct {
	id  int64 // the drivers.Record it was read from
	end time.Time
	// secs is the duration: sec-dur where the layout has it, else the
	// tenths-of-a-minute duration in seconds. For H records it is the ring.
	secs     int
	cond     condition
	codeDial string
	codeUsed string
	inTrk    string
	dialed   string
	calling  string
	account  string
	ucid     string
}

// A clock is when a record's call ended, as far as the record says.
type clock struct {
	date   civil // the date item; zero when the layout has none
	hour   int
	minute int
}

// A civil date without a zone; year 0 when the record does not give it.
type civil struct {
	year  int
	month time.Month
	day   int
}

func (d civil) isZero() bool { return d.month == 0 }

// A fieldReader cuts a record's text by a layout and keeps the first
// error, so readRecord reads as a list of items.
type fieldReader struct {
	line   string
	layout *layout
	values [numItems]string
	cols   [numItems]field
	err    error
}

func newFieldReader(text string, l *layout) *fieldReader {
	rd := &fieldReader{line: text, layout: l}
	for _, f := range l.fields {
		rd.cols[f.id] = f
		if f.col < len(text) {
			// The reader trims trailing blanks, so a record may end early:
			// the items past its end are blank.
			rd.values[f.id] = text[f.col:min(f.col+f.width, len(text))]
		}
	}
	return rd
}

func (rd *fieldReader) fail(id itemID, reason string) {
	if rd.err == nil {
		f := rd.cols[id]
		rd.err = &drivers.FieldError{Field: f.col + 1, Name: f.name, Value: rd.values[id], Reason: reason}
	}
}

// text returns an item with its padding trimmed; "" for items the layout
// does not have.
func (rd *fieldReader) text(id itemID) string {
	return strings.TrimSpace(rd.values[id])
}

// checkLength rejects a record longer than its layout: the CM sends
// another layout than the settings say, and every column would be wrong.
func (rd *fieldReader) checkLength() {
	l := rd.layout
	if l.open || len(rd.line) <= l.width {
		return
	}
	rd.err = &drivers.FieldError{
		Field: l.width + 1, Name: "end of record", Value: rd.line[l.width:],
		Reason: fmt.Sprintf("%d characters, but the %s layout has %d: check the format and fields settings", len(rd.line), l.name, l.width),
	}
}

// readRecord reads every item CallTally uses; the end time is left to
// the parser, which knows the date when the record does not.
func readRecord(text string, l *layout, dayFirst bool) (record, clock, error) {
	rd := newFieldReader(text, l)
	rd.checkLength()
	var r record
	var c clock
	if l.has(itemDate) {
		c.date = rd.date(dayFirst)
	}
	c.hour, c.minute = rd.timeOfDay()
	r.secs = rd.duration()
	r.cond = rd.condition()
	r.codeDial, r.codeUsed, r.inTrk = rd.text(itemCodeDial), rd.text(itemCodeUsed), rd.text(itemInTrk)
	r.dialed, r.calling, r.account = rd.text(itemDialed), rd.text(itemCalling), rd.text(itemAccount)
	r.ucid = rd.text(itemUCID)
	return r, c, rd.err
}

func (rd *fieldReader) timeOfDay() (hour, minute int) {
	v := rd.values[itemTime]
	h, ok1 := drivers.Atoi(v[:min(2, len(v))])
	m, ok2 := drivers.Atoi(v[min(2, len(v)):])
	if len(v) != 4 || !ok1 || !ok2 || h > 23 || m > 59 {
		rd.fail(itemTime, "want hhmm, the time the call ended")
	}
	return h, m
}

// date reads mmddyy (or ddmmyy), or mmdd without the year.
func (rd *fieldReader) date(dayFirst bool) civil {
	v := rd.values[itemDate]
	d, ok := readDate(v, dayFirst)
	if len(v) != rd.cols[itemDate].width || !ok {
		rd.fail(itemDate, "want "+dateLayout(rd.cols[itemDate].width, dayFirst)+", a real date")
	}
	return d
}

// duration reads sec-dur where the layout has it, else hmmt. A duration
// of 9999 says the CM's clock was set during the call: its length is
// unknown, and the call is kept as one of 0 seconds.
func (rd *fieldReader) duration() int {
	if rd.layout.has(itemDuration) && rd.values[itemDuration] == "9999" {
		return 0
	}
	if rd.layout.has(itemSecDur) {
		n, ok := drivers.Atoi(rd.text(itemSecDur))
		if !ok {
			rd.fail(itemSecDur, "want whole seconds")
		}
		return n
	}
	secs, ok := parseTenths(rd.values[itemDuration])
	if !ok {
		rd.fail(itemDuration, "want hmmt: hours, minutes, tenths of a minute")
	}
	return secs
}

func (rd *fieldReader) condition() condition {
	v := rd.values[itemCond]
	if len(v) != 1 {
		rd.fail(itemCond, "missing: the record ends before it")
		return condition{}
	}
	c, ok := conditions[v[0]]
	if !ok {
		rd.fail(itemCond, "unknown condition code")
	}
	return c
}

// parseTenths reads the standard duration hmmt: hours, minutes and tenths
// of a minute, truncated; so a call is known to 6 seconds only.
func parseTenths(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	h, ok1 := drivers.Atoi(s[:1])
	m, ok2 := drivers.Atoi(s[1:3])
	t, ok3 := drivers.Atoi(s[3:])
	if !ok1 || !ok2 || !ok3 || m > 59 {
		return 0, false
	}
	return h*3600 + m*60 + t*6, true
}

// readDate reads mmdd[yy] or ddmm[yy]; without yy the year is 0.
func readDate(s string, dayFirst bool) (civil, bool) {
	a, ok1 := drivers.Atoi(s[:min(2, len(s))])
	b, ok2 := drivers.Atoi(s[min(2, len(s)):min(4, len(s))])
	if len(s) < 4 || !ok1 || !ok2 {
		return civil{}, false
	}
	m, d := a, b
	if dayFirst {
		m, d = b, a
	}
	year := 0
	if len(s) == 6 {
		yy, ok := drivers.Atoi(s[4:])
		if !ok {
			return civil{}, false
		}
		year = 2000 + yy
	}
	c := civil{year, time.Month(m), d}
	return c, m >= 1 && m <= 12 && d >= 1 && d <= drivers.DaysIn(c.month, year)
}

func dateLayout(width int, dayFirst bool) string {
	s := "mmdd"
	if dayFirst {
		s = "ddmm"
	}
	if width == 6 {
		s += "yy"
	}
	return s
}
