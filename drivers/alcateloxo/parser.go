package alcateloxo

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"calltally.app/drivers"
)

// clockSkew is how far the PBX's clock may run ahead of the collector's.
const clockSkew = 15 * time.Minute

// parser reads one printout. Every statement is a whole call, so it keeps
// no state between records.
type parser struct {
	loc  *time.Location
	attr drivers.Attribution
	opts options
}

// Parse reads one line of the printout: a statement, or a line of the
// page around the statements (headings, company name, count), which is
// no call.
func (p *parser) Parse(rec drivers.Record) ([]drivers.Call, error) {
	text := strings.TrimLeftFunc(rec.Text, isControl) // a form feed starts a page
	if err := pageLine(text); err != nil {
		return nil, err
	}
	s, err := p.read(text)
	if err != nil {
		return nil, err
	}
	if isWakeUp(s.line) {
		return nil, fmt.Errorf("wake-up call (line %s): %w", s.line, drivers.ErrNotCall)
	}
	c := p.call(&s, rec)
	return []drivers.Call{c}, nil
}

// Flush has nothing to return: no call waits for another record.
func (p *parser) Flush() []drivers.Call { return nil }

// pageLine returns why text is no statement, or nil: the headings and
// the company name have no digit, the count at the foot of a day's page
// is a number alone, and CS+ and CS- statements are the request and
// cancellation of a network service.
func pageLine(text string) error {
	trimmed := strings.TrimSpace(text)
	switch {
	case !strings.ContainsAny(text, "0123456789"):
		return fmt.Errorf("a heading or separator line: %w", drivers.ErrNotCall)
	case len(trimmed) <= 5 && isDigits(trimmed):
		return fmt.Errorf("the count of the day's statements: %w", drivers.ErrNotCall)
	case strings.Contains(text, "CS") && slices.ContainsFunc(strings.Fields(text), isService):
		return fmt.Errorf("request or cancellation of a network service (CS+, CS-): %w", drivers.ErrNotCall)
	}
	return nil
}

func isService(word string) bool { return word == serviceOn || word == serviceOff }

// read reads a statement by the layout's columns, else by the shapes of
// its words (see cutWords). When neither fits, the columns' error says
// what is wrong.
func (p *parser) read(text string) (statement, error) {
	l := p.opts.layout
	values, gap := cutColumns(text, l)
	s, err := readStatement(values, l, p.opts.monthFirst)
	if gap == nil && err == nil {
		return s, nil
	}
	if words, ok := cutWords(text, l); ok {
		if s, werr := readStatement(words, l, p.opts.monthFirst); werr == nil {
			return s, nil
		}
	}
	if gap != nil {
		return statement{}, gap
	}
	return statement{}, err
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// start is when the call began: the statement's date and time, or, in a
// layout without DAT, the time on the day the statement arrived.
func (p *parser) start(s *statement, received time.Time) time.Time {
	if received.IsZero() {
		received = time.Now() // records made up in code arrived now
	}
	received = received.In(p.loc)
	d := s.date
	if d.isZero() {
		return dayBefore(s, received)
	}
	t := time.Date(d.year, d.month, d.day, s.hour, s.minute, s.second, 0, p.loc)
	return settle(t, s.ring+s.talk, received)
}

// dayBefore dates a time of day on the day the statement arrived, or the
// day before when the call would have begun after its statement came:
// the PBX prints a statement when the call ends.
func dayBefore(s *statement, received time.Time) time.Time {
	y, m, d := received.Date()
	t := time.Date(y, m, d, s.hour, s.minute, s.second, 0, received.Location())
	if t.After(received.Add(clockSkew)) {
		t = time.Date(y, m, d-1, s.hour, s.minute, s.second, 0, received.Location())
	}
	return t
}

// settle chooses between the two instants of a wall-clock time in the
// hour the clocks go back: the later one, unless the call would then
// have ended after its statement arrived.
func settle(t time.Time, secs int, received time.Time) time.Time {
	if _, before := t.Add(-2 * time.Hour).Zone(); before == zoneOffset(t.Add(2*time.Hour)) {
		return t // no change of offset near t: nearly every statement
	}
	earlier, later := t, t
	for _, d := range []time.Duration{time.Hour, 30 * time.Minute} {
		if u := t.Add(d); sameWall(t, u) {
			later = u
		}
		if u := t.Add(-d); sameWall(t, u) {
			earlier = u
		}
	}
	if later.Add(time.Duration(secs) * time.Second).After(received.Add(clockSkew)) {
		return earlier
	}
	return later
}

func zoneOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// sameWall reports two instants with the same wall-clock time: the two
// readings of an hour the clocks went back over.
func sameWall(a, b time.Time) bool {
	return a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.YearDay() == b.YearDay()
}
