package simulator

import "time"

// dayKind is how the office works on a date.
type dayKind int

const (
	closed   dayKind = iota // Sunday or public holiday: a few calls, nobody there
	saturday                // the warehouse works the morning
	short                   // Christmas and New Year's Eve: the morning only
	workday
)

// Opening hours, in seconds of the day. Calls are spread over 15-minute
// bins from opening.
const (
	opening      = 7*3600 + 30*60
	closing      = 18*3600 + 30*60
	shortClosing = 13 * 3600
	binSeconds   = 15 * 60
	bins         = (closing - opening) / binSeconds
)

// baseVolume is the mean number of calls (before call-backs) on an
// ordinary Tuesday: ~400 is what a 40-person office with a switchboard
// makes.
const baseVolume = 385

func kindOf(date time.Time) dayKind {
	_, m, d := date.Date()
	switch {
	case isHoliday(date) || date.Weekday() == time.Sunday:
		return closed
	case date.Weekday() == time.Saturday && m == time.December && (d == 24 || d == 31):
		return closed
	case date.Weekday() == time.Saturday:
		return saturday
	case m == time.December && (d == 24 || d == 31):
		return short
	}
	return workday
}

// volumeFactor scales baseVolume for a date: Mondays catch up on the
// weekend, Fridays wind down early, the days between Christmas and New
// Year are half empty.
func volumeFactor(date time.Time, k dayKind) float64 {
	_, m, d := date.Date()
	switch {
	case k == saturday:
		return 0.05
	case k == short:
		return 0.35
	case m == time.December && d > 26:
		return 0.6
	}
	return weekdayFactor(date.Weekday())
}

func weekdayFactor(w time.Weekday) float64 {
	switch w {
	case time.Monday:
		return 1.06
	case time.Thursday:
		return 0.97
	case time.Friday:
		return 0.9
	}
	return 1
}

// weekdayCurve is the relative call rate in each 15-minute bin from 07:30:
// a peak around 10:00, a lunch dip, a second peak around 14:30 and a slow
// fade to 18:30.
func weekdayCurve() []float64 {
	return []float64{
		0.15, 0.25, 0.40, 0.55, 0.70, 0.85, // 07:30–09:00
		1.00, 1.15, 1.30, 1.42, 1.50, 1.50, 1.45, 1.38, // 09:00–11:00
		1.30, 1.22, 1.10, 0.95, 0.75, 0.62, 0.55, 0.58, // 11:00–13:00
		0.70, 0.85, 1.00, 1.15, 1.27, 1.35, 1.38, 1.35, // 13:00–15:00
		1.27, 1.17, 1.05, 0.95, 0.85, 0.75, 0.62, 0.50, // 15:00–17:00
		0.40, 0.30, 0.22, 0.15, 0.10, 0.05, // 17:00–18:30
	}
}

// curve returns the call rate per bin for a day of kind k.
func curve(k dayKind, w time.Weekday) []float64 {
	c := weekdayCurve()
	switch {
	case k == closed:
		return flat(9*3600, 18*3600)
	case k == saturday:
		return flat(8*3600, shortClosing)
	case k == short:
		clear(c[(shortClosing-opening)/binSeconds:])
	case w == time.Friday:
		fridayAfternoon(c)
	}
	return c
}

// fridayAfternoon damps the afternoon, more the later it gets: people
// leave early and nobody starts anything new.
func fridayAfternoon(c []float64) {
	noon := (12*3600 - opening) / binSeconds
	for i := noon; i < len(c); i++ {
		c[i] *= 0.9 - 0.55*float64(i-noon)/float64(len(c)-noon)
	}
}

// flat is an even rate between two times of day.
func flat(from, to int) []float64 {
	c := make([]float64, bins)
	for i := (from - opening) / binSeconds; i < (to-opening)/binSeconds; i++ {
		c[i] = 1
	}
	return c
}

// closingTime is when the last call of a day of kind k may start.
func closingTime(k dayKind) int {
	if k == workday {
		return closing
	}
	return shortClosing
}

func isHoliday(date time.Time) bool {
	_, ok := Holiday(date)
	return ok
}

// Holiday returns the name of the public holiday in Berlin on date's
// calendar day, if it is one: the nationwide ones plus Berlin's Women's
// Day (since 2019).
func Holiday(date time.Time) (string, bool) {
	y, m, d := date.Date()
	if name, ok := fixedHoliday(y, m, d); ok {
		return name, true
	}
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	offset := int(day.Sub(easter(y)).Hours() / 24)
	return easterHoliday(offset)
}

func fixedHoliday(y int, m time.Month, d int) (string, bool) {
	switch {
	case m == time.January && d == 1:
		return "Neujahr", true
	case m == time.March && d == 8 && y >= 2019:
		return "Internationaler Frauentag", true
	case m == time.May && d == 1:
		return "Tag der Arbeit", true
	case m == time.October && d == 3:
		return "Tag der Deutschen Einheit", true
	case m == time.December && d == 25:
		return "1. Weihnachtstag", true
	case m == time.December && d == 26:
		return "2. Weihnachtstag", true
	}
	return "", false
}

// easterHoliday names the holidays that move with Easter, by their
// distance in days from Easter Sunday.
func easterHoliday(offset int) (string, bool) {
	switch offset {
	case -2:
		return "Karfreitag", true
	case 1:
		return "Ostermontag", true
	case 39:
		return "Christi Himmelfahrt", true
	case 50:
		return "Pfingstmontag", true
	}
	return "", false
}

// easter returns Easter Sunday of year y (Gregorian, the anonymous
// algorithm from Meeus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
