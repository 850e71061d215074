package ui

// Coalescer lets a screen run one query at a time: a refresh asked for
// while one runs is remembered and run once after it, however many came.
// The shell refreshes every half second while data changes, and queries
// on a million calls can take longer than that. Use on the UI goroutine.
type Coalescer struct{ running, again bool }

// Start reports whether to run now; if not, the request is remembered.
func (c *Coalescer) Start() bool {
	if c.running {
		c.again = true
		return false
	}
	c.running = true
	return true
}

// Finish ends a run and reports whether another was asked for meanwhile.
func (c *Coalescer) Finish() (again bool) {
	c.running, again, c.again = false, c.again, false
	return again
}

// Again asks for one more run after the current one.
func (c *Coalescer) Again() { c.again = true }
