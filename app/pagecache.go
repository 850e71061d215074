package app

import "calltally.app/drivers"

// pageRequest asks the call source for one page of rows. gen is the cache
// generation it was made in: an answer to an older generation is dropped.
type pageRequest struct {
	gen    uint64
	page   int
	offset int
	limit  int
}

type cachedPage struct {
	calls []drivers.Call
	used  uint64 // tick of the last read, for LRU eviction
	gen   uint64 // the generation it was fetched in; older ones are stale
}

// pageCache holds the pages of the call list that have been loaded, at most
// maxPages of them, evicting the least recently read. It also keeps the
// pages still to be fetched, newest wish first, so that after a fast scroll
// the rows in view are fetched before the ones scrolled past, and it never
// hands out the same page twice while a fetch of it is under way.
//
// It does no I/O and is not safe for concurrent use: the calls screen uses it
// only on the UI goroutine.
type pageCache struct {
	pageSize   int
	maxPages   int
	maxPending int

	gen      uint64
	tick     uint64
	pages    map[int]*cachedPage
	inflight map[int]bool
	pending  []int // pages wanted and not yet handed out, oldest first
}

func newPageCache(pageSize, maxPages int) *pageCache {
	return &pageCache{
		pageSize:   pageSize,
		maxPages:   maxPages,
		maxPending: 8,
		pages:      make(map[int]*cachedPage, maxPages),
		inflight:   make(map[int]bool),
	}
}

// locate returns the page holding row and the row's index within it.
func (c *pageCache) locate(row int) (page, index int) {
	return row / c.pageSize, row % c.pageSize
}

// Row returns the call at row. loaded is false while the row's page is not
// in the cache; a loaded page shorter than expected gives (nil, true), so a
// source that shrank is not asked again and again. The call must not be
// modified.
func (c *pageCache) Row(row int) (call *drivers.Call, loaded bool) {
	page, index := c.locate(row)
	p, ok := c.pages[page]
	if !ok {
		return nil, false
	}
	c.tick++
	p.used = c.tick
	if index >= len(p.calls) {
		return nil, true
	}
	return &p.calls[index], true
}

// Want notes that row is needed. Its page joins the pending pages unless it
// is cached or being fetched; a page already pending becomes the newest
// wish. Only the newest maxPending wishes are kept: older ones were
// scrolled past, and a row still on screen is wished for again when the
// table next refreshes.
func (c *pageCache) Want(row int) {
	page, _ := c.locate(row)
	if p, ok := c.pages[page]; ok && p.gen == c.gen || c.inflight[page] {
		return
	}
	for i, p := range c.pending {
		if p == page {
			c.pending = append(c.pending[:i], c.pending[i+1:]...)
			break
		}
	}
	c.pending = append(c.pending, page)
	if over := len(c.pending) - c.maxPending; over > 0 {
		c.pending = append(c.pending[:0], c.pending[over:]...)
	}
}

// Next hands out the newest pending page to fetch and marks it in flight.
func (c *pageCache) Next() (pageRequest, bool) {
	n := len(c.pending)
	if n == 0 {
		return pageRequest{}, false
	}
	page := c.pending[n-1]
	c.pending = c.pending[:n-1]
	c.inflight[page] = true
	return pageRequest{gen: c.gen, page: page, offset: page * c.pageSize, limit: c.pageSize}, true
}

// Put stores the calls fetched for req, evicting the least recently read
// page when the cache is full. It reports false, storing nothing, when req
// belongs to a generation that Reset has since ended.
func (c *pageCache) Put(req pageRequest, calls []drivers.Call) bool {
	if req.gen != c.gen {
		return false
	}
	delete(c.inflight, req.page)
	if _, ok := c.pages[req.page]; !ok && len(c.pages) >= c.maxPages {
		c.evict()
	}
	c.tick++
	c.pages[req.page] = &cachedPage{calls: calls, used: c.tick, gen: c.gen}
	return true
}

// Abandon ends the fetch of req without a result (it failed). The page may
// be wished for again.
func (c *pageCache) Abandon(req pageRequest) {
	if req.gen == c.gen {
		delete(c.inflight, req.page)
	}
}

func (c *pageCache) evict() {
	oldest, oldestUsed := -1, uint64(0)
	for page, p := range c.pages {
		if oldest < 0 || p.used < oldestUsed {
			oldest, oldestUsed = page, p.used
		}
	}
	delete(c.pages, oldest)
}

// Reset empties the cache and starts a new generation: fetches under way
// will be dropped when they land. For a new filter or order, whose rows
// have nothing to do with those held.
func (c *pageCache) Reset() {
	c.Invalidate()
	clear(c.pages)
}

// Invalidate starts a new generation but keeps the pages held, to show
// until their fresh copies land, so that rows do not blink when new calls
// arrive. Fetches under way will be dropped when they land.
func (c *pageCache) Invalidate() {
	c.gen++
	clear(c.inflight)
	c.pending = c.pending[:0]
}

// Fresh reports whether row's page was fetched in the current generation.
func (c *pageCache) Fresh(row int) bool {
	page, _ := c.locate(row)
	p, ok := c.pages[page]
	return ok && p.gen == c.gen
}

// Len returns the number of pages held.
func (c *pageCache) Len() int { return len(c.pages) }
