package drivers

import "time"

// JoinHold is how long, in the stream's own time, a Joiner keeps a call
// with a Key waiting for more of its legs after its last leg ended.
const JoinHold = time.Hour

// Joiner joins the calls with a Key that a parser returns, for readers of
// one stream that print calls rather than store them (`calltally parse`):
// a keyed call is held until the stream has moved JoinHold past its end,
// or until Flush. The collector and import do not need it: storage joins
// keyed calls however late their legs arrive.
type Joiner struct {
	p     Parser
	attr  Attribution
	held  map[string]*Call
	order []string // keys in the order first seen, for stable output
	clock time.Time
}

// NewJoiner wraps p; attr is the attribution p was opened with.
func NewJoiner(p Parser, attr Attribution) *Joiner {
	if attr == "" {
		attr = FinalAnswerer
	}
	return &Joiner{p: p, attr: attr, held: map[string]*Call{}}
}

// Parse passes rec to the parser and returns its calls without a Key, and
// the keyed calls whose hold has expired.
func (j *Joiner) Parse(rec Record) ([]Call, error) {
	calls, err := j.p.Parse(rec)
	return j.take(calls, false), err
}

// Flush returns everything held and everything the parser still had open.
func (j *Joiner) Flush() []Call {
	return j.take(j.p.Flush(), true)
}

func (j *Joiner) take(calls []Call, all bool) []Call {
	var out []Call
	for _, c := range calls {
		if end := callEnd(&c); end.After(j.clock) {
			j.clock = end
		}
		if c.Key == "" {
			out = append(out, c)
			continue
		}
		h, ok := j.held[c.Key]
		switch {
		case ok && absDuration(h.Start.Sub(c.Start)) < KeyWindow:
			*h = Join(*h, c, j.attr)
			continue
		case ok: // the PBX reused the key: the held call is another conversation
			out = append(out, *h)
		default:
			j.order = append(j.order, c.Key)
		}
		j.held[c.Key] = &c
	}
	return append(out, j.expired(all)...)
}

// expired returns the held calls, oldest first, up to the first one still
// waiting: a long call at the head delays those behind it a little, and
// keeps the check cheap however many calls are held.
func (j *Joiner) expired(all bool) []Call {
	var out []Call
	for len(j.order) > 0 {
		c := j.held[j.order[0]]
		if !all && j.clock.Sub(callEnd(c)) < JoinHold {
			break
		}
		out = append(out, *c)
		delete(j.held, j.order[0])
		j.order = j.order[1:]
	}
	return out
}

// callEnd is when the call's last leg ended, as far as its legs say.
func callEnd(c *Call) time.Time {
	end := c.Start
	for _, l := range c.Legs {
		if e := l.Start.Add(time.Duration(l.Ring+l.Talk+l.Hold) * time.Second); e.After(end) {
			end = e
		}
	}
	return end
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
