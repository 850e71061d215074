package app

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestCallsNewestFirst(t *testing.T) {
	test.NewTempApp(t)
	src := &syntheticCalls{n: million}
	s, q := showCalls(t, src)

	var rows [][]string
	q.waitFor(t, "the first rows", func() (ok bool) { rows, ok = rowsInView(s); return ok })

	if n, cols := s.table.Length(); n != million || cols != 6 {
		t.Errorf("table size %d×%d; want %d×6", n, cols, million)
	}
	titles := []string{"Start", "Direction", "Extension", "External number", "Duration", "Answered"}
	if header := textLines(s.header); len(header) != 1 || !slices.Equal(header[0], titles) {
		t.Errorf("header %q; want %q", header, titles)
	}
	if want := []string{"2026-03-14 17:45:12", "Inbound", "200", "+44 20 7946 0000", "0:00:00", "No"}; !slices.Equal(rows[0], want) {
		t.Errorf("first row %q; want %q", rows[0], want)
	}
	shown := checkRows(t, rows, 0)
	for i, r := range shown {
		if r != i {
			t.Fatalf("rows shown %v; want 0, 1, 2, …", shown)
		}
	}
	if len(rows) < 10 {
		t.Errorf("%d rows in view in a 700-pixel window; want at least 10", len(rows))
	}
	if status := s.status.Text; status != "1,000,000 calls" {
		t.Errorf("status %q; want 1,000,000 calls", status)
	}
}

func TestCallsHeaderAlignsWithColumns(t *testing.T) {
	test.NewTempApp(t)
	s, q := showCalls(t, &syntheticCalls{n: million})
	q.waitFor(t, "the first rows", func() bool { _, ok := rowsInView(s); return ok })

	driver := fyne.CurrentApp().Driver()
	titles := s.header.Objects
	var cells []fyne.CanvasObject // the first row's cells, left to right
	for _, l := range visibleLabels(s.table) {
		if driver.AbsolutePositionForObject(l).Y == driver.AbsolutePositionForObject(s.table).Y {
			cells = append(cells, l)
		}
	}
	slices.SortFunc(cells, func(a, b fyne.CanvasObject) int { return cmp.Compare(a.Position().X, b.Position().X) })
	if len(cells) != len(titles) {
		t.Fatalf("%d cells in the first row; want %d", len(cells), len(titles))
	}
	var right float32
	for i, title := range titles {
		tp, cp := driver.AbsolutePositionForObject(title), driver.AbsolutePositionForObject(cells[i])
		if tp.X != cp.X || title.Size().Width != cells[i].Size().Width {
			t.Errorf("column %d: title at x %v width %v, cells at x %v width %v",
				i, tp.X, title.Size().Width, cp.X, cells[i].Size().Width)
		}
		right = tp.X + title.Size().Width
	}
	// The columns fill the table but for room for its scroll bar.
	end := driver.AbsolutePositionForObject(s.table).X + s.table.Size().Width - theme.Size(theme.SizeNameScrollBar)
	if right < end-1 || right > end {
		t.Errorf("columns end at x %v; want %v", right, end)
	}
}

func TestCallsScrollFar(t *testing.T) {
	test.NewTempApp(t)
	src := &syntheticCalls{n: million}
	s, q := showCalls(t, src)
	q.waitFor(t, "the first rows", func() bool { _, ok := rowsInView(s); return ok })

	s.table.ScrollTo(widget.TableCellID{Row: 900_000})
	var rows [][]string
	q.waitFor(t, "rows near 900,000", func() (ok bool) {
		rows, ok = rowsInView(s)
		return ok && rowOf(t, rows[0][0]) > 800_000
	})
	shown := checkRows(t, rows, 0)
	// Table.ScrollTo sums row heights in float32 one row at a time, so at
	// 900,000 rows it lands about 10,000 rows further down (910,342 with
	// the test theme). The rows shown must still be the right ones.
	if first := shown[0]; first < 890_000 || first > 920_000 {
		t.Errorf("first row in view %d; want about 900,000", first)
	}
	for _, r := range shown {
		if offset := r / callPageSize * callPageSize; !src.askedFor(offset) {
			t.Errorf("row %d shown, but its page (offset %d) was never fetched", r, offset)
		}
	}
	if n := src.maxOverlap(); n > 1 {
		t.Errorf("one page fetched %d times at once", n)
	}
}

func TestCallsCacheStaysBounded(t *testing.T) {
	test.NewTempApp(t)
	src := &syntheticCalls{n: million}
	s, q := showCalls(t, src)
	// Two pages a step: Table.ScrollTo walks every row above its target,
	// which is slow under -race deep down the list.
	for step := range 3 * callPageMax {
		row := step * 2 * callPageSize
		s.table.ScrollTo(widget.TableCellID{Row: row})
		q.waitFor(t, fmt.Sprintf("rows near %d", row), func() bool {
			rows, ok := rowsInView(s)
			return ok && rowOf(t, rows[0][0]) > row-100
		})
		if s.cache.Len() > callPageMax {
			t.Fatalf("after scrolling to row %d the cache holds %d pages; want at most %d", row, s.cache.Len(), callPageMax)
		}
	}
	if s.cache.Len() != callPageMax {
		t.Errorf("cache holds %d pages after visiting more; want it full (%d)", s.cache.Len(), callPageMax)
	}
	if n := src.maxOverlap(); n > 1 {
		t.Errorf("one page fetched %d times at once", n)
	}
}

func TestCallsPageError(t *testing.T) {
	test.NewTempApp(t)
	src := &syntheticCalls{n: million, pageErr: errors.New("database is locked")}
	s, q := showCalls(t, src)
	want := "Could not load calls: database is locked"
	q.waitFor(t, "the error", func() bool { return s.status.Text == want })
	if rows := textLines(s.table); len(rows) == 0 || !slices.Contains(rows[0], placeholder) {
		t.Errorf("rows %q with their page failing; want the placeholder", rows)
	}

	src.set(func(s *syntheticCalls) { s.pageErr = nil })
	s.Refresh()
	q.waitFor(t, "recovery", func() bool { _, ok := rowsInView(s); return ok })
	if got := s.status.Text; got != "1,000,000 calls" {
		t.Errorf("status after recovery %q; want 1,000,000 calls", got)
	}
}

func TestCallsCountError(t *testing.T) {
	test.NewTempApp(t)
	src := &syntheticCalls{n: million, countErr: errors.New("no such table: calls")}
	s, q := showCalls(t, src)
	want := "Could not count the calls: no such table: calls"
	q.waitFor(t, "the error", func() bool { return s.status.Text == want })
	if n, _ := s.table.Length(); n != 0 {
		t.Errorf("table has %d rows after the count failed; want 0", n)
	}
}

func TestCallsRefreshShowsNewCalls(t *testing.T) {
	test.NewTempApp(t)
	src := &syntheticCalls{n: million}
	s, q := showCalls(t, src)
	q.waitFor(t, "the first rows", func() bool { _, ok := rowsInView(s); return ok })

	src.set(func(s *syntheticCalls) { s.added = 3 })
	s.Refresh()
	var rows [][]string
	q.waitFor(t, "the new calls", func() (ok bool) {
		rows, ok = rowsInView(s)
		return ok && s.status.Text == "1,000,003 calls" && rowOf(t, rows[0][0]) == -3
	})
	if shown := checkRows(t, rows, 3); shown[0] != 0 || shown[3] != 3 {
		t.Errorf("rows shown %v; want 0, 1, 2, 3, …", shown)
	}
	if s.cache.Len() != 1 {
		t.Errorf("cache holds %d pages after Refresh; want only the one in view", s.cache.Len())
	}
}

func TestCallsEmpty(t *testing.T) {
	test.NewTempApp(t)
	s, q := showCalls(t, &syntheticCalls{})
	q.waitFor(t, "the count", func() bool { return s.status.Text == "No calls yet" })
}

// BenchmarkCallsFirstPage builds the call list over a million calls in a
// window and waits for its first page to show.
func BenchmarkCallsFirstPage(b *testing.B) {
	test.NewTempApp(b)
	src := &syntheticCalls{n: million}
	open := func() (*callsScreen, fyne.Window) {
		s, q, w := openCalls(b, src)
		q.waitFor(b, "the first page", func() bool { _, ok := rowsInView(s); return ok })
		return s, w
	}

	// The heap one open screen holds, measured once outside the timing
	// after a first screen has filled Fyne's font and theme caches.
	_, warm := open()
	warm.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, w := open()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(s)
	w.Close()

	start := time.Now()
	for b.Loop() {
		_, w := open()
		w.Close()
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/screen")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "heap-MiB")
}
