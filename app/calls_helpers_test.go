package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/storage"

	"calltally.app/drivers"
)

const million = 1_000_000

var (
	site   = time.FixedZone("CET", 3600)
	newest = time.Date(2026, 3, 14, 17, 45, 0, 0, site)
	gap    = time.Minute // between the starts of neighbouring calls: the grid shows minutes
)

// syntheticCall is the call at row of a list whose row 0 started at newest;
// later calls have negative rows.
func syntheticCall(row int) drivers.Call {
	dirs := []drivers.Direction{drivers.Inbound, drivers.Outbound, drivers.Internal}
	return drivers.Call{
		Start:     newest.Add(-time.Duration(row) * gap),
		Duration:  (row%5000 + 5000) % 5000,
		Direction: dirs[(row%3+3)%3],
		Extension: fmt.Sprint(200 + (row%50+50)%50),
		External:  fmt.Sprintf("+44 20 7946 %04d", (row%10000+10000)%10000),
		Answered:  row%4 != 0,
	}
}

// rowOf returns the row of syntheticCall whose start is shown as text.
func rowOf(t *testing.T, text string) int {
	t.Helper()
	start, err := time.ParseInLocation("2006-01-02 15:04", text, site)
	if err != nil {
		t.Fatalf("start %q: %v", text, err)
	}
	return int(newest.Sub(start) / gap)
}

// syntheticCalls is a CallSource of n calls computed from their row, so a
// million of them take no memory. It records the pages asked for.
type syntheticCalls struct {
	mu       sync.Mutex
	n        int
	added    int   // calls added since: they come first
	pageErr  error // CallPage fails with it
	countErr error // CountCalls fails with it
	offsets  []int
	running  map[int]int // fetches under way by offset
	overlap  int         // fetches of one offset seen at the same time
}

func (s *syntheticCalls) CountCalls(context.Context, storage.CallFilter) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n + s.added, s.countErr
}

func (s *syntheticCalls) Summary(ctx context.Context, f storage.CallFilter) (storage.Summary, error) {
	n, err := s.CountCalls(ctx, f)
	return storage.Summary{Calls: n}, err
}

func (s *syntheticCalls) CallPage(_ context.Context, _ storage.CallFilter, offset, limit int) ([]drivers.Call, error) {
	s.mu.Lock()
	if s.running == nil {
		s.running = make(map[int]int)
	}
	s.offsets = append(s.offsets, offset)
	s.running[offset]++
	s.overlap = max(s.overlap, s.running[offset])
	n, added, err := s.n+s.added, s.added, s.pageErr
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.running[offset]--
		s.mu.Unlock()
	}()
	if err != nil {
		return nil, err
	}
	calls := make([]drivers.Call, 0, limit)
	for row := offset; row < offset+limit && row < n; row++ {
		calls = append(calls, syntheticCall(row-added))
	}
	return calls, nil
}

func (s *syntheticCalls) set(f func(*syntheticCalls)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

// maxOverlap returns the most fetches of one page seen at the same time.
func (s *syntheticCalls) maxOverlap() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.overlap
}

func (s *syntheticCalls) askedFor(offset int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.offsets, offset)
}

// openCalls puts a calls screen over src into a 1200×800 test window of
// an empty data directory and loads it.
func openCalls(tb testing.TB, src CallSource) (*callsScreen, *ui.Env) {
	e := uitest.New(tb, uitest.Options{Empty: true})
	s := newCallsScreen(e, src)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(tb, e)
	return s, e
}

// visibleLabels returns the labels shown in o, as drawn: unlike
// test.LaidOutObjects it uses the widgets' own renderers.
func visibleLabels(o fyne.CanvasObject) []*widget.Label {
	if !o.Visible() {
		return nil
	}
	switch o := o.(type) {
	case *widget.Label:
		return []*widget.Label{o}
	case fyne.Widget:
		var labels []*widget.Label
		for _, child := range test.WidgetRenderer(o).Objects() {
			labels = append(labels, visibleLabels(child)...)
		}
		return labels
	case *fyne.Container:
		var labels []*widget.Label
		for _, child := range o.Objects {
			labels = append(labels, visibleLabels(child)...)
		}
		return labels
	}
	return nil
}

// textLines returns the text of the visible labels in o, one slice per
// line, top to bottom, left to right.
func textLines(o fyne.CanvasObject) [][]string {
	labels := visibleLabels(o)
	// Positions within the parent: the table's cells sit in its scrolled
	// content, whose absolute positions the test driver does not offset.
	slices.SortFunc(labels, func(a, b *widget.Label) int {
		pa, pb := a.Position(), b.Position()
		if pa.Y != pb.Y {
			return cmp.Compare(pa.Y, pb.Y)
		}
		return cmp.Compare(pa.X, pb.X)
	})
	var lines [][]string
	for i, l := range labels {
		if i == 0 || l.Position().Y != labels[i-1].Position().Y {
			lines = append(lines, nil)
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], l.Text)
	}
	return lines
}

// rowsInView returns the table rows on screen once none is still loading.
func rowsInView(s *callsScreen) ([][]string, bool) {
	rows := textLines(s.table)
	for _, row := range rows {
		if len(row) != len(callColumns) || slices.Contains(row, placeholder) {
			return nil, false
		}
	}
	return rows, len(rows) > 0
}

func cellTexts(c drivers.Call) []string {
	texts := make([]string, len(callColumns))
	for i, col := range callColumns {
		texts[i] = col.value(&c)
	}
	return texts
}

// checkRows checks that each row on screen shows the synthetic call of its
// row, with added newer calls before them, and returns the rows shown.
func checkRows(t *testing.T, rows [][]string, added int) []int {
	t.Helper()
	var shown []int
	for _, row := range rows {
		r := rowOf(t, row[0])
		if want := cellTexts(syntheticCall(r)); !slices.Equal(row, want) {
			t.Errorf("row shows %q; want %q", row, want)
		}
		shown = append(shown, r+added)
	}
	return shown
}
