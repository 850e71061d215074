package app

import (
	"cmp"
	"errors"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
)

// The call grid over a million synthetic calls: paging, scrolling, errors.
// Tests over the demo office's real calls are in calls_tenant_test.go.

func TestCallsNewestFirst(t *testing.T) {
	s, _ := openCalls(t, &syntheticCalls{n: million})
	rows, ok := rowsInView(s)
	if !ok {
		t.Fatal("rows still loading after settling")
	}
	if n, cols := s.table.Length(); n != million || cols != len(callColumns) {
		t.Errorf("table size %d×%d; want %d×%d", n, cols, million, len(callColumns))
	}
	var titles []string
	for _, b := range s.sorts {
		titles = append(titles, b.Text)
	}
	want := []string{"Date and time", "Direction", "Extension", "Number", "Duration", "Outcome", "Department", "Cost"}
	if !slices.Equal(titles, want) {
		t.Errorf("header %q; want %q", titles, want)
	}
	if want := []string{"2026-03-14 17:45", "Inbound", "200", "+44 20 7946 0000", "0:00", "Not answered", "", ""}; !slices.Equal(rows[0], want) {
		t.Errorf("first row %q; want %q", rows[0], want)
	}
	shown := checkRows(t, rows, 0)
	for i, r := range shown {
		if r != i {
			t.Fatalf("rows shown %v; want 0, 1, 2, …", shown)
		}
	}
	if len(rows) < 10 {
		t.Errorf("%d rows in view; want at least 10", len(rows))
	}
	if status := s.status.Text; status != "1,000,000 calls · 0:00 talk time · –" {
		t.Errorf("status %q; want the totals of 1,000,000 calls", status)
	}
}

func TestCallsHeaderAlignsWithColumns(t *testing.T) {
	s, _ := openCalls(t, &syntheticCalls{n: million})
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
	src := &syntheticCalls{n: million}
	s, e := openCalls(t, src)
	s.table.ScrollTo(widget.TableCellID{Row: 900_000})
	uitest.Settle(t, e)
	rows, ok := rowsInView(s)
	if !ok {
		t.Fatal("rows near 900,000 still loading after settling")
	}
	shown := checkRows(t, rows, 0)
	// Table.ScrollTo sums row heights in float32 one row at a time, so at
	// 900,000 rows it lands some rows further down. The rows shown must
	// still be the right ones.
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
	src := &syntheticCalls{n: million}
	s, e := openCalls(t, src)
	// Two pages a step: Table.ScrollTo walks every row above its target,
	// which is slow under -race deep down the list.
	for step := range 3 * callPageMax {
		row := step * 2 * callPageSize
		s.table.ScrollTo(widget.TableCellID{Row: row})
		uitest.Settle(t, e)
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
	src := &syntheticCalls{n: million, pageErr: errors.New("database is locked")}
	s, e := openCalls(t, src)
	if want := "database is locked"; !strings.Contains(s.status.Text, want) {
		t.Errorf("status %q; want the error %q", s.status.Text, want)
	}
	if rows := textLines(s.table); len(rows) == 0 || !slices.Contains(rows[0], placeholder) {
		t.Errorf("rows %q with their page failing; want the placeholder", rows)
	}
	src.set(func(s *syntheticCalls) { s.pageErr = nil })
	s.Refresh()
	uitest.Settle(t, e)
	if _, ok := rowsInView(s); !ok {
		t.Error("rows not shown after recovery")
	}
	if strings.Contains(s.status.Text, "locked") {
		t.Errorf("status after recovery %q", s.status.Text)
	}
}

func TestCallsCountError(t *testing.T) {
	s, _ := openCalls(t, &syntheticCalls{n: million, countErr: errors.New("no such table: calls")})
	if !strings.Contains(s.status.Text, "no such table: calls") {
		t.Errorf("status %q; want the error", s.status.Text)
	}
	if n, _ := s.table.Length(); n != 0 {
		t.Errorf("table has %d rows after the count failed; want 0", n)
	}
}

func TestCallsRefreshShowsNewCalls(t *testing.T) {
	src := &syntheticCalls{n: million}
	s, e := openCalls(t, src)
	src.set(func(s *syntheticCalls) { s.added = 3 })
	s.Refresh()
	uitest.Settle(t, e)
	rows, ok := rowsInView(s)
	if !ok || rowOf(t, rows[0][0]) != -3 {
		t.Fatalf("rows %q after 3 new calls; want them first", rows)
	}
	if shown := checkRows(t, rows, 3); shown[0] != 0 || shown[3] != 3 {
		t.Errorf("rows shown %v; want 0, 1, 2, 3, …", shown)
	}
	if s.cache.Len() != 1 {
		t.Errorf("cache holds %d pages after Refresh; want only the one in view", s.cache.Len())
	}
}

// TestCallsRefreshKeepsRows checks that rows stay on screen, not the
// placeholder, while a refresh fetches them again.
func TestCallsRefreshKeepsRows(t *testing.T) {
	src := &syntheticCalls{n: million}
	s, _ := openCalls(t, src)
	s.counted(s.filterGen, million, nil) // as a refresh's count lands
	if _, ok := rowsInView(s); !ok {
		t.Error("rows blanked while being fetched again")
	}
}

func TestCallsEmpty(t *testing.T) {
	s, _ := openCalls(t, &syntheticCalls{})
	if want := i18n.T("calls.no_match"); s.status.Text != want {
		t.Errorf("status %q; want %q", s.status.Text, want)
	}
}

// BenchmarkCallsFirstPage builds the call grid over a million synthetic
// calls in a window and waits for its first page to show.
func BenchmarkCallsFirstPage(b *testing.B) {
	src := &syntheticCalls{n: million}
	openCalls(b, src) // a first screen fills Fyne's font and theme caches
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, _ := openCalls(b, src)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(s)

	start := time.Now()
	for b.Loop() {
		openCalls(b, src)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/screen")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "heap-MiB")
}
