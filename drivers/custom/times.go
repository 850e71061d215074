package custom

import (
	"time"

	"calltally.app/drivers"
)

// times sets a record's start and talk time from the fields the layout
// has (README.md, "Start and duration"): start, or end less the duration
// and ring; the duration field, or end less start and ring.
func (rd *reader) times(r *record) {
	start, end := rd.startEnd()
	r.ring = rd.length(fRing)
	duration := rd.length(fDuration)
	if rd.err != nil {
		return
	}
	if rd.l.fields[fDuration] == nil {
		total := int(end.Sub(start) / time.Second)
		if total < 0 {
			rd.fail(fEnd, rd.value(fEnd), "before the start")
		}
		duration = max(total-r.ring, 0)
	}
	if start.IsZero() {
		start = end.Add(-time.Duration(duration+r.ring) * time.Second)
	}
	r.start, r.talk = start, duration
}

// startEnd reads the start and end the layout has; zero where it has
// none. A time without its date takes the date field's, or the start's;
// an end before its start on the same date is on the next day.
func (rd *reader) startEnd() (start, end time.Time) {
	l := rd.l
	day := rd.day()
	if l.fields[fStart] != nil {
		start = rd.instant(fStart, day)
	}
	f := l.fields[fEnd]
	if f == nil {
		return start, end
	}
	if l.fields[fDate] == nil && !start.IsZero() {
		day = dateOf(start.In(rd.zone()))
	}
	end = rd.instant(fEnd, day)
	switch {
	case start.IsZero():
		return start, end
	case end.Before(start) && !f.clock.hasDate:
		end = end.In(rd.zone()).AddDate(0, 0, 1).In(rd.loc)
	}
	if !l.utc && !f.clock.unix && !l.fields[fStart].clock.unix {
		start, end = unfold(start, end)
	}
	return start, end
}

// zone is where the PBX's clock runs: the site's, or UTC.
func (rd *reader) zone() *time.Location {
	if rd.l.utc {
		return time.UTC
	}
	return rd.loc
}

// day reads the date field; the zero moment when the layout has none.
func (rd *reader) day() moment {
	f := rd.l.fields[fDate]
	if f == nil {
		return moment{}
	}
	return rd.moment(fDate)
}

// moment reads a date or time field by its format.
func (rd *reader) moment(id fieldID) moment {
	v := rd.value(id)
	if rd.err != nil {
		return moment{}
	}
	if v == "" {
		rd.fail(id, v, "empty")
		return moment{}
	}
	m, err := rd.l.fields[id].clock.read(v)
	if err != nil {
		rd.fail(id, v, err.Error())
	}
	return m
}

// instant reads start or end, completing a time of day with day's date.
func (rd *reader) instant(id fieldID, day moment) time.Time {
	m := rd.moment(id)
	f := rd.l.fields[id]
	switch {
	case rd.err != nil:
		return time.Time{}
	case f.clock.unix:
		return m.unix.In(rd.loc)
	case !f.clock.hasDate:
		m.year, m.month, m.day = day.year, day.month, day.day
	}
	if m.year == 0 {
		m.year = yearOf(m, rd.received.In(rd.zone()))
	}
	return time.Date(m.year, m.month, m.day, m.hour, m.minute, m.second, 0, rd.zone()).In(rd.loc)
}

func dateOf(t time.Time) moment {
	y, m, d := t.Date()
	return moment{year: y, month: m, day: d}
}

// yearOf gives a date written without its year the year that makes it
// the most recent one not after the record arrived (with a day's grace
// for a PBX clock running ahead): 31 December received on 1 January is
// last year's, 29 February is a leap year's.
func yearOf(m moment, received time.Time) int {
	limit := received.AddDate(0, 0, 1)
	for year := received.Year(); year > received.Year()-8; year-- {
		if m.day > drivers.DaysIn(m.month, year) {
			continue
		}
		if !time.Date(year, m.month, m.day, 0, 0, 0, 0, received.Location()).After(limit) {
			return year
		}
	}
	return received.Year() - 1 // not reached: a leap year comes within eight
}

// unfold reads start and end written in local time in the hour the
// clocks go back, which time.Date reads as the later of its two instants:
// a start after its end was in the first pass of the hour; an end that
// is still after the start in the first pass was there too, as a call of
// minutes is likelier than one an hour longer.
func unfold(start, end time.Time) (time.Time, time.Time) {
	if end.Before(start) {
		return earlier(start), end
	}
	if e := earlier(end); !e.Before(start) {
		return start, e
	}
	return start, end
}

// earlier returns the first instant with t's wall clock: t itself but in
// the hour the clocks go back.
func earlier(t time.Time) time.Time {
	_, before := t.Add(-3 * time.Hour).Zone()
	_, now := t.Zone()
	if before <= now {
		return t
	}
	alt := t.Add(-time.Duration(before-now) * time.Second)
	if alt.Format(time.DateTime) != t.Format(time.DateTime) {
		return t
	}
	return alt
}
