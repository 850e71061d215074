package avayacm

import (
	"fmt"
	"strings"
	"time"

	"calltally.app/drivers"
)

// clockSkew is how far the CM's clock may run ahead of the collector's
// before a record stamped later than its arrival is taken for yesterday's.
const clockSkew = 15 * time.Minute

// readDateRecord recognises the date record the CM sends in formats
// without a date item, when the link comes up and at midnight: "mmdd" or
// "mm dd" (day first with date-format=day/month). ok is false for any
// other record.
func readDateRecord(text string, dayFirst bool) (d civil, ok bool, err error) {
	s := strings.TrimSpace(text)
	if len(s) == 5 && s[2] == ' ' {
		s = s[:2] + s[3:]
	}
	if _, digits := drivers.Atoi(s); len(s) != 4 || !digits {
		return civil{}, false, nil
	}
	d, valid := readDate(s, dayFirst)
	if !valid {
		reason := "want " + dateLayout(4, dayFirst) + ", a real date"
		return civil{}, true, &drivers.FieldError{Field: 1, Name: "date record", Value: text, Reason: reason}
	}
	return d, true, nil
}

// dateRecordError says a date record was read: no call, but the date of
// the records that follow.
func dateRecordError(d civil) error {
	return fmt.Errorf("date record %02d-%02d: %w", int(d.month), d.day, drivers.ErrNotCall)
}

// withYear gives a date without a year the year that makes it the most
// recent one not after received (allowing for the CM's clock running a
// day ahead): 31 December received on 1 January is last year's.
func withYear(d civil, received time.Time) civil {
	if d.year != 0 {
		return d
	}
	limit := received.AddDate(0, 0, 1)
	for year := received.Year(); year > received.Year()-9; year-- {
		if d.day > drivers.DaysIn(d.month, year) {
			continue // 29 February of a common year: go back to a leap year
		}
		if !time.Date(year, d.month, d.day, 0, 0, 0, 0, received.Location()).After(limit) {
			return civil{year, d.month, d.day}
		}
	}
	return civil{received.Year() - 1, d.month, d.day} // not reached: some year of nine fits
}

// endOf dates a record's clock: by its date item, else by the last date
// record, else by the day it arrived on.
func (p *parser) endOf(c clock, received time.Time) time.Time {
	received = p.receivedAt(received)
	day := c.date
	if day.isZero() {
		day = p.day
	}
	if day.isZero() {
		return sameDayBefore(c, received)
	}
	day = withYear(day, received)
	return time.Date(day.year, day.month, day.day, c.hour, c.minute, 0, 0, p.loc)
}

// receivedAt is when a record arrived, in the site's zone. Records made
// up in code have no arrival time: they arrived now.
func (p *parser) receivedAt(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.In(p.loc)
}

// sameDayBefore dates a time of day on the day it arrived, or the day
// before when that would put the call's end after its record's arrival:
// the CM writes a record when the call ends.
func sameDayBefore(c clock, received time.Time) time.Time {
	y, m, d := received.Date()
	end := time.Date(y, m, d, c.hour, c.minute, 0, 0, received.Location())
	if end.After(received.Add(clockSkew)) {
		end = time.Date(y, m, d-1, c.hour, c.minute, 0, 0, received.Location())
	}
	return end
}
