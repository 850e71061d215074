package threecx

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// A record is one CDR line, read: a call, or one segment of it.
type record struct {
	id     int64  // the drivers.Record it was read from
	key    string // h:<historyid>, or c:<callid> when no historyid is sent
	callID string

	start    time.Time
	answered time.Time // zero when nobody answered
	end      time.Time
	timed    bool // time-answered was written: its gap to the start is real
	ring     int  // seconds from start to answer, or to the end
	talk     int  // seconds connected

	terminated string // reason-terminated
	changed    string // reason-changed
	from       party
	to         party
	final      party
	dial       string
	billCode   string
	missed     string // missed-queue-calls
}

// A party is one end of a record as written: number (from-no), DN
// (from-dn), type (from-type) and display name.
type party struct{ no, dn, typ, name string }

// A row gives a record's fields by name and keeps the first error, so
// read reads as a list of fields rather than a ladder of checks.
type row struct {
	l   *layout
	f   []string
	err error
}

// get returns field fl, "" when the layout has none. 3CX pads nothing, but
// hand-edited files and templates with blanks after commas exist.
func (rw *row) get(fl field) string {
	if i := rw.l.index[fl]; i >= 0 {
		return strings.TrimSpace(rw.f[i])
	}
	return ""
}

// fail keeps the first error. A field the layout lacks has column 0 and
// no value: its value was derived from others.
func (rw *row) fail(fl field, reason string) {
	if rw.err != nil {
		return
	}
	fe := &drivers.FieldError{Name: fieldNames[fl], Reason: reason}
	if i := rw.l.index[fl]; i >= 0 {
		fe.Field, fe.Value = int(i)+1, rw.f[i]
	}
	rw.err = fe
}

// read reads the fields of one record, matched to the layout.
func (p *parser) read(f []string) (record, error) {
	f, err := p.layout.fit(f)
	if err != nil {
		return record{}, err
	}
	rw := row{l: &p.layout, f: f}
	r := record{
		callID: rw.get(fCallID), terminated: rw.get(fReasonTerminated), changed: rw.get(fReasonChanged),
		dial: rw.get(fDialNo), billCode: rw.get(fBillCode), missed: rw.get(fMissedQueueCalls),
		from:  party{rw.get(fFromNo), rw.get(fFromDN), rw.get(fFromType), rw.get(fFromDispname)},
		to:    party{rw.get(fToNo), rw.get(fToDN), rw.get(fToType), rw.get(fToDispname)},
		final: party{rw.get(fFinalNumber), rw.get(fFinalDN), rw.get(fFinalType), rw.get(fFinalDispname)},
	}
	r.key = rw.key()
	p.readTimes(&rw, &r)
	return r, rw.err
}

// key reads historyid, written "Call 23193" by real systems and "23193"
// by some exports; callid stands in where the layout has no historyid.
func (rw *row) key() string {
	h := rw.get(fHistoryID)
	if h == "" {
		if id := rw.get(fCallID); id != "" {
			return "c:" + id
		}
		return ""
	}
	if len(h) > 4 && strings.EqualFold(h[:4], "call") {
		h = strings.TrimSpace(h[4:])
	}
	if _, ok := drivers.Digits(h, 18); !ok {
		rw.fail(fHistoryID, "want a number or Call and a number")
		return ""
	}
	return "h:" + h
}

// readTimes reads the three times and the duration and derives what a
// reduced field list leaves out: the answer from the duration, the talk
// from the answer.
func (p *parser) readTimes(rw *row, r *record) {
	r.start = p.time(rw, fTimeStart, true)
	r.answered = p.time(rw, fTimeAnswered, false)
	r.end = p.time(rw, fTimeEnd, false)
	talk, sent := rw.duration()
	if rw.err != nil {
		return
	}
	r.timed = !r.answered.IsZero()
	if !r.timed && talk > 0 {
		r.answered = r.start
		if !r.end.IsZero() {
			r.answered = r.end.Add(-time.Duration(talk) * time.Second)
		}
		if r.answered.Before(r.start) {
			rw.fail(fDuration, "longer than from time-start to time-end")
			return
		}
	}
	p.settle(rw, r, talk, sent)
}

// settle fills the end and the talk time where they were not sent and
// checks that the times follow one another.
func (p *parser) settle(rw *row, r *record, talk int, sent bool) {
	answered := !r.answered.IsZero()
	if r.end.IsZero() {
		r.end = r.start
		if answered {
			r.end = r.answered.Add(time.Duration(talk) * time.Second)
		}
	}
	if !p.opts.utc {
		unfoldLocal(r)
	}
	switch {
	case answered && r.answered.Before(r.start):
		rw.fail(fTimeAnswered, "before time-start")
	case r.end.Before(r.start):
		rw.fail(fTimeEnd, "before time-start")
	case answered && r.end.Before(r.answered):
		rw.fail(fTimeEnd, "before time-answered")
	}
	r.talk, r.ring = talk, seconds(r.end.Sub(r.start))
	if answered {
		r.ring = seconds(r.answered.Sub(r.start))
		if !sent {
			r.talk = seconds(r.end.Sub(r.answered))
		}
	}
}

// unfoldLocal fixes times written in local time in the hour the clocks go
// back: time.Date reads such a wall clock as the later of its two instants,
// so a call that started in the first pass of the hour and was answered in
// the second reads as answered before it started.
func unfoldLocal(r *record) {
	if !r.answered.IsZero() && r.answered.Before(r.start) || r.end.Before(r.start) {
		r.start = earlier(r.start)
	}
	if !r.answered.IsZero() && r.end.Before(r.answered) {
		r.answered = earlier(r.answered)
	}
}

// earlier returns the first instant with t's wall clock.
func earlier(t time.Time) time.Time {
	_, before := t.Add(-3 * time.Hour).Zone()
	_, now := t.Zone()
	if before <= now {
		return t
	}
	alt := t.Add(-time.Duration(before-now) * time.Second)
	y1, m1, d1 := alt.Date()
	y2, m2, d2 := t.Date()
	if y1 != y2 || m1 != m2 || d1 != d2 || alt.Hour() != t.Hour() || alt.Minute() != t.Minute() {
		return t
	}
	return alt
}

func seconds(d time.Duration) int { return int(d / time.Second) }

// time reads a time field in the site's zone; zero when empty.
func (p *parser) time(rw *row, fl field, required bool) time.Time {
	s := rw.get(fl)
	if s == "" {
		if required {
			rw.fail(fl, "required")
		}
		return time.Time{}
	}
	t, err := parseTime(s, p.opts.utc, p.loc)
	if err != nil {
		rw.fail(fl, err.Error())
	}
	return t
}

// duration reads the talk time; sent is false when it is not in the
// layout or left empty, as 3CX does for failed attempts.
func (rw *row) duration() (secs int, sent bool) {
	s := rw.get(fDuration)
	if s == "" {
		return 0, false
	}
	secs, ok := drivers.HMS(s, 6)
	if !ok {
		rw.fail(fDuration, "want hh:mm:ss")
	}
	return secs, true
}

var (
	errTimeLayout = errors.New("want yyyy/mm/dd hh:mm:ss")
	errTimeRange  = errors.New("no such date or time")
)

// parseTime reads `yyyy/MM/dd HH:mm:ss` (or with dashes, as some exports
// write it), in UTC or the site's wall clock. By hand, as it is the
// hottest code and time.Parse's generality costs.
func parseTime(s string, utc bool, loc *time.Location) (time.Time, error) {
	if len(s) != 19 || s[4] != s[7] || (s[4] != '/' && s[4] != '-') || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, errTimeLayout
	}
	y, ok1 := drivers.Atoi(s[0:4])
	mo, ok2 := drivers.Atoi(s[5:7])
	d, ok3 := drivers.Atoi(s[8:10])
	h, ok4 := drivers.Atoi(s[11:13])
	mi, ok5 := drivers.Atoi(s[14:16])
	sec, ok6 := drivers.Atoi(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
		return time.Time{}, errTimeLayout
	}
	// time.Date would silently roll 2026/02/30 over into March.
	if mo < 1 || mo > 12 || d < 1 || d > drivers.DaysIn(time.Month(mo), y) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, errTimeRange
	}
	if utc {
		return time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC).In(loc), nil
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), nil
}

// fit matches a record's fields to the layout's columns. Trailing empty
// fields are tolerated. 3CX does not quote, so a comma in a display name
// makes more fields than columns: the extra fields go to the name, or,
// when the names are side by side and it is unclear which one had the
// comma, all of them are dropped: no call depends on a name.
func (l *layout) fit(f []string) ([]string, error) {
	n := len(l.cols)
	switch {
	case len(f) == n:
		return f, nil
	case len(f) < n:
		return nil, &drivers.FieldError{Field: len(f) + 1, Name: fieldNames[l.cols[len(f)]],
			Reason: fmt.Sprintf("missing: the record has %d fields, the field list %d", len(f), n)}
	case allEmpty(f[n:]):
		return f[:n], nil
	}
	first, last, ok := l.names()
	if !ok {
		return nil, &drivers.FieldError{Field: n + 1, Name: "(none)", Value: f[n],
			Reason: fmt.Sprintf("the record has %d fields, the field list %d", len(f), n)}
	}
	extra := len(f) - n
	out := append(make([]string, 0, n), f[:first]...)
	if first == last {
		out = append(out, strings.Join(f[first:last+1+extra], ","))
	} else {
		out = append(out, make([]string, last+1-first)...)
	}
	return append(out, f[last+1+extra:]...), nil
}

// names returns the columns of the display names when they sit side by
// side, so the fields after them can be counted from the end.
func (l *layout) names() (first, last int, ok bool) {
	first, last = -1, -1
	for i, f := range l.cols {
		if !f.isName() {
			continue
		}
		if first >= 0 && last != i-1 {
			return 0, 0, false
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	return first, last, first >= 0
}

func allEmpty(f []string) bool {
	for _, v := range f {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
