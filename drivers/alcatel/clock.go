package alcatel

import (
	"time"

	"calltally.app/drivers"
)

// A wall is a date and time as a ticket writes it: the node's wall clock,
// without a zone.
type wall struct {
	year                      int
	month                     time.Month
	day, hour, minute, second int
}

func (w wall) isZero() bool { return w.year == 0 }

// parseWall reads "yyyyMMdd HH:mm:ss".
func parseWall(s string) (wall, bool) {
	if len(s) != 17 || s[8] != ' ' || s[11] != ':' || s[14] != ':' {
		return wall{}, false
	}
	y, ok1 := drivers.Atoi(s[0:4])
	mo, ok2 := drivers.Atoi(s[4:6])
	d, ok3 := drivers.Atoi(s[6:8])
	h, ok4 := drivers.Atoi(s[9:11])
	mi, ok5 := drivers.Atoi(s[12:14])
	sec, ok6 := drivers.Atoi(s[15:17])
	w := wall{y, time.Month(mo), d, h, mi, sec}
	valid := ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && y > 0 && mo >= 1 && mo <= 12 &&
		d >= 1 && d <= drivers.DaysIn(w.month, y) && h < 24 && mi < 60 && sec < 60
	return w, valid
}

// instants returns the moments w names in loc: one, or two in the hour
// the clocks go back (in the hour they skip, Go's reading of it).
func (w wall) instants(loc *time.Location) []time.Time {
	t := time.Date(w.year, w.month, w.day, w.hour, w.minute, w.second, 0, loc)
	out := []time.Time{t}
	for _, other := range []time.Time{t.Add(-time.Hour), t.Add(time.Hour)} {
		if w.names(other) {
			out = append(out, other)
		}
	}
	if len(out) == 2 && out[1].Before(out[0]) {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

// names reports whether t's wall clock is w.
func (w wall) names(t time.Time) bool {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return y == w.year && mo == w.month && d == w.day && h == w.hour && mi == w.minute && s == w.second
}

// startOf is when the ticket's call began: StartDateTime, or EndDateTime
// less the duration in editions without it. In the hour the clocks go
// back a start is read as the moment that fits the end and the duration.
func startOf(t *ticket, loc *time.Location) time.Time {
	length := time.Duration(t.duration) * time.Second
	if t.start.isZero() {
		return t.end.instants(loc)[0].Add(-length)
	}
	starts := t.start.instants(loc)
	if len(starts) == 1 || t.end.isZero() {
		return starts[0]
	}
	best, off := starts[0], time.Duration(-1)
	for _, s := range starts {
		for _, e := range t.end.instants(loc) {
			if d := (e.Sub(s) - length).Abs(); off < 0 || d < off {
				best, off = s, d
			}
		}
	}
	return best
}
