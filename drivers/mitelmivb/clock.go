package mitelmivb

import (
	"time"

	"calltally.app/drivers"
)

// start dates a record's start time. The record has no year: it gets
// the one that makes its date the most recent not after the day it
// arrived (allowing a day for a PBX clock ahead of ours), so a call of
// 31 December read on 1 January is last year's.
func (p *parser) start(r *record, received time.Time) time.Time {
	if received.IsZero() {
		received = time.Now() // records made up in code arrive now
	}
	year := yearOf(time.Month(r.month), r.day, received.In(p.loc))
	// In the hour summer time ends, time.Date takes the first of the two
	// instants; in the hour it begins, the one after the gap.
	return time.Date(year, time.Month(r.month), r.day, r.hour, r.minute, r.second, 0, p.loc)
}

// yearOf finds the year of a month and day seen on the day received.
func yearOf(m time.Month, d int, received time.Time) int {
	y, rm, rd := received.Date()
	limit := time.Date(y, rm, rd+1, 0, 0, 0, 0, time.UTC)
	for year := y; year > y-8; year-- {
		if d > drivers.DaysIn(m, year) {
			continue // 29 February of a common year: back to a leap year
		}
		if !time.Date(year, m, d, 0, 0, 0, 0, time.UTC).After(limit) {
			return year
		}
	}
	return y - 1 // not reached: a leap year is among any eight
}
