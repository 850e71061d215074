package app

import (
	"testing"

	"calltally.app/drivers"
)

// fakePage returns n calls whose Duration is their row number.
func fakePage(offset, n int) []drivers.Call {
	calls := make([]drivers.Call, n)
	for i := range calls {
		calls[i].Duration = offset + i
	}
	return calls
}

// load wants row, fetches its page and stores it, as the screen would.
func load(t *testing.T, c *pageCache, row int) {
	t.Helper()
	c.Want(row)
	req, ok := c.Next()
	if !ok {
		t.Fatalf("Next after Want(%d): nothing to fetch", row)
	}
	if !c.Put(req, fakePage(req.offset, req.limit)) {
		t.Fatalf("Put(page %d) refused", req.page)
	}
}

func TestPageCacheLocatesRows(t *testing.T) {
	c := newPageCache(200, 50)
	for _, tc := range []struct{ row, page, index int }{
		{0, 0, 0}, {199, 0, 199}, {200, 1, 0}, {999_999, 4999, 199}, {900_123, 4500, 123},
	} {
		page, index := c.locate(tc.row)
		if page != tc.page || index != tc.index {
			t.Errorf("locate(%d) = %d, %d; want %d, %d", tc.row, page, index, tc.page, tc.index)
		}
	}
}

func TestPageCacheRowAfterPut(t *testing.T) {
	c := newPageCache(200, 50)
	if _, loaded := c.Row(450); loaded {
		t.Fatal("row 450 loaded in an empty cache")
	}
	c.Want(450)
	req, ok := c.Next()
	if !ok || req.page != 2 || req.offset != 400 || req.limit != 200 {
		t.Fatalf("Next() = %+v, %v; want page 2, offset 400, limit 200", req, ok)
	}
	c.Put(req, fakePage(400, 200))
	call, loaded := c.Row(450)
	if !loaded || call == nil || call.Duration != 450 {
		t.Fatalf("Row(450) = %v, %v; want the call of row 450", call, loaded)
	}
}

func TestPageCacheShortPage(t *testing.T) {
	c := newPageCache(200, 50)
	c.Want(0)
	req, _ := c.Next()
	c.Put(req, fakePage(0, 10))
	if call, loaded := c.Row(150); !loaded || call != nil {
		t.Fatalf("Row(150) past a 10-call page = %v, %v; want nil, true", call, loaded)
	}
}

func TestPageCacheNoDuplicateFetch(t *testing.T) {
	c := newPageCache(200, 50)
	c.Want(10)
	c.Want(20) // same page
	req, ok := c.Next()
	if !ok || req.page != 0 {
		t.Fatalf("Next() = %+v, %v; want page 0", req, ok)
	}
	c.Want(30) // page 0 is in flight
	if req, ok := c.Next(); ok {
		t.Fatalf("Next() = %+v while page 0 is in flight; want nothing", req)
	}
	c.Put(req, fakePage(0, 200))
	c.Want(40) // page 0 is cached
	if req, ok := c.Next(); ok {
		t.Fatalf("Next() = %+v with page 0 cached; want nothing", req)
	}
}

func TestPageCacheNewestWishFirst(t *testing.T) {
	c := newPageCache(200, 50)
	for _, row := range []int{0, 1000, 2000, 0} { // page 0 wished again: newest
		c.Want(row)
	}
	var got []int
	for req, ok := c.Next(); ok; req, ok = c.Next() {
		got = append(got, req.page)
	}
	want := []int{0, 10, 5}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("pages handed out %v; want %v", got, want)
	}
}

func TestPageCacheForgetsOldWishes(t *testing.T) {
	c := newPageCache(200, 50)
	for page := range 100 {
		c.Want(page * 200)
	}
	n := 0
	for req, ok := c.Next(); ok; req, ok = c.Next() {
		if req.page < 100-c.maxPending {
			t.Errorf("page %d handed out; only the newest %d wishes should be kept", req.page, c.maxPending)
		}
		n++
	}
	if n != c.maxPending {
		t.Errorf("%d pages handed out; want %d", n, c.maxPending)
	}
}

func TestPageCacheEvictsLeastRecentlyRead(t *testing.T) {
	c := newPageCache(200, 3)
	load(t, c, 0)   // page 0
	load(t, c, 200) // page 1
	load(t, c, 400) // page 2
	c.Row(0)        // page 0 read: page 1 is now the least recent
	load(t, c, 600) // page 3 evicts page 1
	if c.Len() != 3 {
		t.Fatalf("Len() = %d; want 3", c.Len())
	}
	for row, want := range map[int]bool{0: true, 200: false, 400: true, 600: true} {
		if _, loaded := c.Row(row); loaded != want {
			t.Errorf("row %d loaded = %v; want %v", row, loaded, want)
		}
	}
}

func TestPageCacheNeverExceedsBound(t *testing.T) {
	c := newPageCache(200, 50)
	for page := range 1000 {
		load(t, c, page*200+7)
		if c.Len() > 50 {
			t.Fatalf("after %d pages Len() = %d; want at most 50", page+1, c.Len())
		}
	}
}

func TestPageCacheResetDropsStaleFetches(t *testing.T) {
	c := newPageCache(200, 50)
	load(t, c, 0)
	c.Want(200)
	stale, _ := c.Next()
	c.Reset()
	if c.Len() != 0 {
		t.Fatalf("Len() after Reset = %d; want 0", c.Len())
	}
	if c.Put(stale, fakePage(200, 200)) {
		t.Fatal("Put accepted a page fetched before Reset")
	}
	c.Abandon(stale) // must not disturb the new generation
	c.Want(200)      // page 1 may be fetched again at once
	if req, ok := c.Next(); !ok || req.page != 1 {
		t.Fatalf("Next() after Reset = %+v, %v; want page 1", req, ok)
	}
}

func TestPageCacheAbandonAllowsRetry(t *testing.T) {
	c := newPageCache(200, 50)
	c.Want(0)
	req, _ := c.Next()
	c.Abandon(req)
	c.Want(0)
	if _, ok := c.Next(); !ok {
		t.Fatal("a failed page cannot be fetched again")
	}
}
