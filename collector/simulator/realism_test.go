package simulator

import (
	"slices"
	"testing"
	"time"

	"calltally.app/drivers"
)

func TestDailyVolume(t *testing.T) {
	loc := berlin(t)
	g := NewGenerator(NewOffice(), 42, loc)
	from := time.Date(2025, 12, 1, 0, 0, 0, 0, loc)
	for i := range 240 {
		date := from.AddDate(0, 0, i)
		calls := g.Day(date)
		lo, hi := expectedVolume(date)
		if len(calls) < lo || len(calls) > hi {
			t.Errorf("%s (%s): %d calls, want %d–%d", date.Format("Mon 2006-01-02"), kindName(kindOf(date)), len(calls), lo, hi)
		}
		if date.Weekday() == time.Saturday {
			checkSaturday(t, g.Office(), calls)
		}
	}
}

// expectedVolume is the range of calls on a date: 300–500 on ordinary
// weekdays, a trickle on Saturdays, near nothing on Sundays and holidays.
func expectedVolume(date time.Time) (lo, hi int) {
	_, m, d := date.Date()
	switch k := kindOf(date); {
	case k == closed && date.Weekday() == time.Sunday:
		return 0, 19
	case k == closed:
		return 0, 9
	case k == saturday:
		return 5, 40
	case k == short || (m == time.December && d > 26):
		return 100, 300
	}
	return 300, 500
}

func kindName(k dayKind) string {
	return [...]string{"closed", "saturday", "short", "workday"}[k]
}

func checkSaturday(t *testing.T, o *Office, calls []drivers.Call) {
	for _, c := range calls {
		for _, l := range c.Legs {
			if e, ok := o.Extension(l.Party); ok && l.Outcome == drivers.Answered && e.Department != Warehouse {
				t.Errorf("Saturday call %s answered by %s (%s)", c.CallID, e.Name, e.Department)
			}
		}
	}
}

func TestHoliday(t *testing.T) {
	tests := []struct {
		date string
		want string
	}{
		{"2026-01-01", "Neujahr"},
		{"2026-03-08", "Internationaler Frauentag"},
		{"2026-04-03", "Karfreitag"},
		{"2026-04-06", "Ostermontag"},
		{"2026-05-01", "Tag der Arbeit"},
		{"2026-05-14", "Christi Himmelfahrt"},
		{"2026-05-25", "Pfingstmontag"},
		{"2025-04-18", "Karfreitag"},
		{"2024-03-31", ""}, // Easter Sunday is a Sunday anyway
		{"2026-10-03", "Tag der Deutschen Einheit"},
		{"2026-12-25", "1. Weihnachtstag"},
		{"2026-12-26", "2. Weihnachtstag"},
		{"2026-12-24", ""},
		{"2026-06-15", ""},
	}
	for _, tt := range tests {
		date, _ := time.Parse(time.DateOnly, tt.date)
		if got, ok := Holiday(date); got != tt.want || ok != (tt.want != "") {
			t.Errorf("Holiday(%s) = %q, %v; want %q", tt.date, got, ok, tt.want)
		}
	}
}

// TestMix checks the month's shares against the office's targets.
func TestMix(t *testing.T) {
	g, calls := month(t)
	s := tally(g.Office(), calls)
	tests := []struct {
		name     string
		got      float64
		lo, high float64
	}{
		{"inbound %", s.share(s.inbound, s.calls), 44, 56},
		{"outbound %", s.share(s.outbound, s.calls), 32, 44},
		{"internal %", s.share(s.internal, s.calls), 6, 18},
		{"missed % of inbound", s.share(s.missed, s.inbound), 5, 15},
		{"voicemail % of inbound", s.share(s.voicemail, s.inbound), 2, 8},
		{"transferred % of inbound", s.share(s.transferred, s.inbound), 8, 25},
		{"transfers to voicemail % of transfers", s.share(s.transferVM, s.transferred), 4, 25},
		{"returned % of missed", s.share(s.returned, s.missed+s.voicemail), 30, 90},
		{"unanswered % of outbound", s.share(s.outUnanswered, s.outbound), 8, 20},
		{"account code % of Sales+Management outbound", s.share(s.coded, s.codable), 20, 40},
		{"internal answered %", s.share(s.internalAnswered, s.internal), 75, 95},
	}
	for _, tt := range tests {
		t.Logf("%s = %.1f", tt.name, tt.got)
		if tt.got < tt.lo || tt.got > tt.high {
			t.Errorf("%s = %.1f, want %.0f–%.0f", tt.name, tt.got, tt.lo, tt.high)
		}
	}
	if s.strayCodes > 0 {
		t.Errorf("%d account codes outside Sales and Management", s.strayCodes)
	}
}

type stats struct {
	calls, inbound, outbound, internal         int
	missed, voicemail, transferred, transferVM int
	returned, outUnanswered, coded, codable    int
	internalAnswered, strayCodes               int
}

func (s stats) share(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }

func tally(o *Office, calls []drivers.Call) stats {
	s := stats{calls: len(calls)}
	for i, c := range calls {
		switch c.Direction {
		case drivers.Inbound:
			s.countInbound(c, calls[i+1:])
		case drivers.Outbound:
			s.countOutbound(o, c)
		case drivers.Internal:
			s.internal++
			if c.Answered && !c.Voicemail {
				s.internalAnswered++
			}
		}
	}
	return s
}

func (s *stats) countInbound(c drivers.Call, later []drivers.Call) {
	s.inbound++
	switch {
	case !c.Answered:
		s.missed++
	case c.Voicemail:
		s.voicemail++
	case c.TransferredFrom != "" && len(c.Legs) == 2:
		s.transferred++
	case c.TransferredFrom != "" && c.Legs[len(c.Legs)-1].Outcome == drivers.Voicemail:
		s.transferred++
		s.transferVM++
	}
	if (!c.Answered || c.Voicemail) && returned(c, later) {
		s.returned++
	}
}

// returned reports whether the extension called the caller back the same day.
func returned(c drivers.Call, later []drivers.Call) bool {
	for _, l := range later {
		if l.Start.YearDay() != c.Start.YearDay() {
			return false
		}
		if l.Direction == drivers.Outbound && l.External == c.External && l.Extension == c.Extension {
			return true
		}
	}
	return false
}

func (s *stats) countOutbound(o *Office, c drivers.Call) {
	s.outbound++
	if c.Legs[0].Outcome == drivers.Unanswered {
		s.outUnanswered++
	}
	e, _ := o.Extension(c.Extension)
	codable := e.Department == Sales || e.Department == Management
	if codable {
		s.codable++
	}
	if c.AccountCode != "" && codable {
		s.coded++
	}
	if c.AccountCode != "" && !codable {
		s.strayCodes++
	}
}

// TestOpeningHours checks that weekday calls start within 07:30–18:30,
// including after the switch to summer time, and that the day has its
// shape: morning peak, lunch dip, afternoon peak, quiet Friday afternoons.
func TestOpeningHours(t *testing.T) {
	loc := berlin(t)
	g := NewGenerator(NewOffice(), 5, loc)
	calls := g.Days(time.Date(2026, 3, 16, 0, 0, 0, 0, loc), 28) // 29 March: DST starts
	var perBin [bins]int
	var friday, thursday int
	for _, c := range calls {
		if kindOf(c.Start) != workday {
			continue
		}
		h, m, s := c.Start.Clock()
		sec := h*3600 + m*60 + s
		if sec < opening || sec >= closing {
			t.Errorf("call %s starts at %s", c.CallID, c.Start.Format(time.DateTime))
			continue
		}
		perBin[(sec-opening)/binSeconds]++
		friday, thursday = countAfternoon(c, h, friday, thursday)
	}
	at := func(h, m int) int { return perBin[(h*3600+m*60-opening)/binSeconds] }
	checkShape(t, "10:00 peak over 08:00", at(10, 0), at(8, 0))
	checkShape(t, "10:00 peak over 12:30 lunch", at(10, 0), at(12, 30))
	checkShape(t, "14:30 peak over 12:30 lunch", at(14, 30), at(12, 30))
	checkShape(t, "14:30 peak over 17:30", at(14, 30), at(17, 30))
	checkShape(t, "Thursday afternoons over Friday's", thursday, friday)
}

func countAfternoon(c drivers.Call, hour, friday, thursday int) (int, int) {
	switch {
	case hour < 14:
	case c.Start.Weekday() == time.Friday:
		friday++
	case c.Start.Weekday() == time.Thursday:
		thursday++
	}
	return friday, thursday
}

// checkShape wants busy clearly (a quarter) above quiet.
func checkShape(t *testing.T, name string, busy, quiet int) {
	t.Helper()
	if float64(busy) < 1.25*float64(quiet) {
		t.Errorf("%s: %d vs %d", name, busy, quiet)
	}
}

func TestDurations(t *testing.T) {
	_, calls := month(t)
	var external, internal, rings []int
	for _, c := range calls {
		talking := c.Answered && !c.Voicemail
		switch {
		case talking && c.Direction == drivers.Internal:
			internal = append(internal, c.Duration)
		case talking:
			external = append(external, c.Duration)
			rings = append(rings, c.Ring)
		}
	}
	tests := []struct {
		name   string
		values []int
		q      float64
		lo, hi int
	}{
		{"external median", external, 0.5, 90, 180},
		{"external 99th percentile", external, 0.99, 900, 2700},
		{"external longest", external, 1, 1800, 2700 + 40}, // + a transfer's switchboard leg
		{"internal median", internal, 0.5, 25, 90},
		{"answer ring median", rings, 0.5, 4, 12},
		{"answer ring longest", rings, 1, 15, 25},
	}
	for _, tt := range tests {
		if got := quantile(tt.values, tt.q); got < tt.lo || got > tt.hi {
			t.Errorf("%s = %d s, want %d–%d", tt.name, got, tt.lo, tt.hi)
		}
	}
}

func quantile(v []int, q float64) int {
	if len(v) == 0 {
		return -1
	}
	v = slices.Clone(v)
	slices.Sort(v)
	return v[int(q*float64(len(v)-1))]
}

// TestTransfers checks the switchboard's transfers: two legs (receptionist,
// colleague) or three when the colleague's voicemail took it.
func TestTransfers(t *testing.T) {
	g, calls := month(t)
	o := g.Office()
	shapes := map[int]int{}
	for _, c := range calls {
		if c.TransferredFrom == "" {
			continue
		}
		shapes[len(c.Legs)]++
		if e, _ := o.Extension(c.TransferredFrom); e.Department != Reception || c.Dialled != o.MainDDI {
			t.Errorf("call %s transferred by %s from DDI %s", c.CallID, c.TransferredFrom, c.Dialled)
		}
		if talk := c.Legs[0].Talk; talk < 10 || talk > 40 {
			t.Errorf("call %s: receptionist talked %d s before transferring", c.CallID, talk)
		}
	}
	if shapes[2] < 100 || shapes[3] == 0 || len(shapes) != 2 {
		t.Errorf("transfers by number of legs: %v", shapes)
	}
}

func BenchmarkDays90(b *testing.B) {
	loc := berlin(b)
	g := NewGenerator(NewOffice(), 42, loc)
	from := time.Date(2026, 1, 5, 0, 0, 0, 0, loc)
	calls := 0
	for b.Loop() {
		calls += len(g.Days(from, 90))
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "calls/s")
}
