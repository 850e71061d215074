package mitelmivo400

import "time"

// clockSkew is how far the PBX's clock may run ahead of the collector's.
const clockSkew = 15 * time.Minute

// settle chooses between the two instants of a start in the hour the
// clocks go back, which the record's wall-clock time cannot tell apart:
// the later one, unless the call would then have ended after its record
// arrived (records come when a call ends).
func settle(start time.Time, secs int, received time.Time) time.Time {
	earlier, later, ok := twins(start)
	if !ok {
		return start
	}
	if !received.IsZero() && later.Add(time.Duration(secs)*time.Second).After(received.Add(clockSkew)) {
		return earlier
	}
	return later
}

// twins returns the two instants with t's wall-clock time, when there
// are two: an hour (or, in a few zones, half an hour) apart.
func twins(t time.Time) (earlier, later time.Time, ok bool) {
	_, before := t.Add(-2 * time.Hour).Zone()
	_, after := t.Add(2 * time.Hour).Zone()
	if before == after {
		return t, t, false // no change of offset near t: nearly every record
	}
	for _, d := range []time.Duration{time.Hour, 30 * time.Minute} {
		if u := t.Add(d); sameWall(t, u) {
			return t, u, true
		}
		if u := t.Add(-d); sameWall(t, u) {
			return u, t, true
		}
	}
	return t, t, false
}

func sameWall(a, b time.Time) bool {
	return a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.YearDay() == b.YearDay()
}
