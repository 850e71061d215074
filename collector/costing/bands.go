package costing

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Band is a time band of a tariff.
type Band uint8

const (
	Peak    Band = iota // weekday times inside the plan's peak windows
	OffPeak             // other weekday times
	Weekend             // the plan's weekend days, all day
	Holiday             // the plan's holidays, all day
	numBands
)

var bandNames = [numBands]string{"peak", "offpeak", "weekend", "holiday"}

// String returns the band's name as the CSV format and JSON write it.
func (b Band) String() string {
	if b < numBands {
		return bandNames[b]
	}
	return "band(" + strconv.Itoa(int(b)) + ")"
}

// MarshalText writes the band's name, so RateInfo shows "peak" in JSON.
func (b Band) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText reads a band's name, so plans can be stored as JSON.
func (b *Band) UnmarshalText(text []byte) error {
	for i, name := range bandNames {
		if string(text) == name {
			*b = Band(i)
			return nil
		}
	}
	return fmt.Errorf("band %q: want peak, offpeak, weekend or holiday", text)
}

// fallback is the band whose price a band without one takes.
var fallback = [numBands]Band{Peak, Peak, OffPeak, Weekend}

// Days is a set of weekdays, bit 1<<time.Weekday.
type Days uint8

// Weekdays is Monday to Friday; WeekendDays Saturday and Sunday.
const (
	Weekdays    Days = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday
	WeekendDays Days = 1<<time.Saturday | 1<<time.Sunday
)

// Has reports whether d contains day.
func (d Days) Has(day time.Weekday) bool { return d&(1<<day) != 0 }

// A Window is a weekly time window: the Days it applies to, From and To
// in minutes after midnight (To exclusive, up to 24*60). A window does not
// cross midnight; write two windows for that.
type Window struct {
	Days     Days
	From, To int
}

func (w Window) check() error {
	if w.Days == 0 || w.From < 0 || w.To > 24*60 || w.From >= w.To {
		return fmt.Errorf("window %s: want days and a time range within one day", w)
	}
	return nil
}

// String writes the window as the CSV format does ("mon-fri 08:00-18:00").
func (w Window) String() string {
	return fmt.Sprintf("%s %02d:%02d-%02d:%02d", w.Days, w.From/60, w.From%60, w.To/60, w.To%60)
}

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// String writes the days as a comma-free list of names and ranges in
// Monday-first order ("mon-fri", "sat-sun", "mon-wed+fri").
func (d Days) String() string {
	var parts []string
	for i := 0; i < 7; {
		if !d.Has(mondayFirst(i)) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && d.Has(mondayFirst(j+1)) {
			j++
		}
		part := dayNames[mondayFirst(i)]
		if j > i {
			part += "-" + dayNames[mondayFirst(j)]
		}
		parts = append(parts, part)
		i = j + 1
	}
	return strings.Join(parts, "+")
}

// mondayFirst returns the i-th day of a week that starts on Monday.
func mondayFirst(i int) time.Weekday { return time.Weekday((i + 1) % 7) }

// ParseDays reads days as Days.String writes them: names ("sat"), ranges
// in Monday-first order ("mon-fri", "sat-sun") joined by "+".
func ParseDays(s string) (Days, error) {
	var d Days
	for _, part := range strings.Split(strings.ToLower(strings.TrimSpace(s)), "+") {
		from, to, isRange := strings.Cut(part, "-")
		a, okA := weekdayIndex(from)
		b, okB := a, okA
		if isRange {
			b, okB = weekdayIndex(to)
		}
		if !okA || !okB || b < a {
			return 0, fmt.Errorf("days %q: want names like mon or ranges like mon-fri (Monday first)", s)
		}
		for i := a; i <= b; i++ {
			d |= 1 << mondayFirst(i)
		}
	}
	return d, nil
}

// weekdayIndex returns the Monday-first index of a day name.
func weekdayIndex(name string) (int, bool) {
	for i := range 7 {
		if dayNames[mondayFirst(i)] == strings.TrimSpace(name) {
			return i, true
		}
	}
	return 0, false
}

// ParseWindow reads a window as Window.String writes it: days, a space and
// HH:MM-HH:MM ("mon-fri 08:00-18:00"; "24:00" ends at midnight).
func ParseWindow(s string) (Window, error) {
	days, times, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return Window{}, fmt.Errorf("window %q: want days and times, such as mon-fri 08:00-18:00", s)
	}
	d, err := ParseDays(days)
	if err != nil {
		return Window{}, err
	}
	from, to, _ := strings.Cut(strings.TrimSpace(times), "-")
	w := Window{Days: d, From: clockMinutes(from), To: clockMinutes(to)}
	if err := w.check(); err != nil {
		return Window{}, fmt.Errorf("window %q: want days and HH:MM-HH:MM within one day", s)
	}
	return w, nil
}

// clockMinutes reads HH:MM as minutes after midnight, -1 when malformed.
func clockMinutes(s string) int {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) != 2 || len(m) != 2 || !allDigits(h) || !allDigits(m) {
		return -1
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if mm > 59 || hh*60+mm > 24*60 {
		return -1
	}
	return hh*60 + mm
}

// holidayKey reads "2026-04-03" (that day) or "12-25" (every year) as
// year*10000 + month*100 + day, with year 0 for yearly dates.
func holidayKey(s string) (int, error) {
	layout, yearly := "2006-01-02", len(s) == len("01-02")
	if yearly {
		layout = "01-02"
	}
	t, err := time.Parse(layout, s)
	if err != nil || yearly && s == "02-29" {
		return 0, fmt.Errorf("holiday %q: want YYYY-MM-DD or MM-DD (every year)", s)
	}
	y := t.Year()
	if yearly {
		y = 0
	}
	return y*10000 + int(t.Month())*100 + t.Day(), nil
}

// bands says which band a moment falls in.
type bands struct {
	peak    []Window
	weekend Days
	dated   []int64    // holidays as days since 1970-01-01, sorted
	yearly  [13]uint32 // yearly holidays: bit day of month, by month
	any     bool       // whether there are holidays at all
}

func newBands(p *Plan) (bands, error) {
	b := bands{peak: p.Peak, weekend: p.Weekend}
	if b.weekend == 0 {
		b.weekend = WeekendDays
	}
	for _, w := range p.Peak {
		if err := w.check(); err != nil {
			return bands{}, err
		}
	}
	for _, h := range p.Holidays {
		k, err := holidayKey(h)
		if err != nil {
			return bands{}, err
		}
		y, m, d := k/10000, k/100%100, k%100
		if y == 0 {
			b.yearly[m] |= 1 << d
		} else {
			b.dated = append(b.dated, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()/86400)
		}
		b.any = true
	}
	slices.Sort(b.dated)
	return b, nil
}

// at returns the band of the moment t, read on t's own wall clock: the
// call's Start carries the site's time zone, so the site's calendar and
// clock decide, whatever zone the collector runs in.
func (b *bands) at(t time.Time) Band {
	// One zone lookup gives the wall clock's day number and second of day;
	// Date, Weekday and Clock would each convert again.
	_, offset := t.Zone()
	wall := t.Unix() + int64(offset)
	days := wall / 86400
	if wall%86400 < 0 {
		days--
	}
	sec := int(wall - days*86400)
	if b.any && b.holiday(days) {
		return Holiday
	}
	day := time.Weekday((days%7 + 11) % 7) // 1970-01-01 was a Thursday
	if b.weekend.Has(day) {
		return Weekend
	}
	if len(b.peak) == 0 {
		return Peak
	}
	for _, w := range b.peak {
		if w.Days.Has(day) && sec >= w.From*60 && sec < w.To*60 {
			return Peak
		}
	}
	return OffPeak
}

// holiday reports whether the site's day (days since 1970-01-01) is one.
func (b *bands) holiday(days int64) bool {
	if _, ok := slices.BinarySearch(b.dated, days); ok {
		return true
	}
	m, d := monthDay(days)
	return b.yearly[m]&(1<<d) != 0
}

// monthDay returns the month and day of days since 1970-01-01 in the
// proleptic Gregorian calendar (H. Hinnant's civil_from_days), without the
// zone lookups and year arithmetic of time.Time.Date.
func monthDay(days int64) (month, day int) {
	z := days + 719468 // days since 0000-03-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // day of the 400-year era
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March
	mp := (5*doy + 2) / 153                                // month from March
	day = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		return int(mp + 3), day
	}
	return int(mp - 9), day
}
