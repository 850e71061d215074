package classify

import "sync"

// memoSize bounds the classification cache of one plan. A site calls the
// same customers and suppliers again and again, and the library takes
// tens of microseconds to read a number, so remembered results carry the
// ingest path; the bound (a few MB) keeps a flood of distinct numbers
// from growing it without end.
const memoSize = 1 << 16

// memo remembers destinations by the number as given. When full it starts
// over: simpler than an LRU and, with repeat numbers, nearly as good.
type memo struct {
	mu sync.Mutex
	m  map[string]Destination
}

func newMemo() *memo {
	return &memo{m: make(map[string]Destination)}
}

func (m *memo) get(number string) (Destination, bool) {
	m.mu.Lock()
	d, ok := m.m[number]
	m.mu.Unlock()
	return d, ok
}

func (m *memo) put(number string, d Destination) {
	m.mu.Lock()
	if len(m.m) >= memoSize {
		clear(m.m)
	}
	m.m[number] = d
	m.mu.Unlock()
}
