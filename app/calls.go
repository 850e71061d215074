package app

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// CallSource is what the call grid reads: *storage.Tenant through
// tenantCalls, or a synthetic list in tests.
//
// Its methods are called from goroutines of their own, never from the UI
// goroutine, and may run concurrently with each other.
type CallSource interface {
	// CountCalls returns the number of calls f selects.
	CountCalls(ctx context.Context, f storage.CallFilter) (int, error)
	// CallPage returns up to limit of the calls f selects, in f.Order,
	// skipping the first offset.
	CallPage(ctx context.Context, f storage.CallFilter, offset, limit int) ([]drivers.Call, error)
	// Summary returns the figures of the calls f selects: the totals.
	Summary(ctx context.Context, f storage.CallFilter) (storage.Summary, error)
}

const (
	callPageSize   = 200 // rows fetched at a time
	callPageMax    = 50  // pages cached: 10,000 rows
	callFetchesMax = 2   // pages fetched at once
	placeholder    = "…" // shown in rows still loading
)

// callsScreen is the call grid: the calls the filters select, in a table
// that only ever holds the rows in view and loads them a page at a time,
// their totals, the selected call's details, and exports.
type callsScreen struct {
	e   *ui.Env
	src CallSource

	// Used on the UI goroutine only.
	filter    storage.CallFilter // as applied; Offset and Limit unused
	filterGen uint64             // bumped by every change of filter or order
	shownGen  uint64             // the filterGen of the rows counted
	cache     *pageCache
	rows      int
	fetching  int // page fetches under way
	count     ui.Coalescer
	totals    ui.Coalescer
	countErr  error // the last count failed
	pageErr   error // the last page fetch failed
	summary   *storage.Summary

	filters *callFilters
	columns []column // in visual order
	sorts   []*widget.Button
	table   *widget.Table
	header  *fyne.Container
	status  *widget.Label
	detail  *callDetail
	content fyne.CanvasObject
}

// newCalls is the call grid over the tenant's calls.
func newCalls(e *ui.Env) ui.Screen { return newCallsScreen(e, tenantCalls{e.Tenant}) }

// newCallsScreen builds the call grid over src, showing no calls until
// Refresh is called.
func newCallsScreen(e *ui.Env, src CallSource) *callsScreen {
	s := &callsScreen{e: e, src: src, cache: newPageCache(callPageSize, callPageMax), columns: visualColumns()}
	s.filters = newCallFilters(e, s.onFilterChanged)
	s.filters.onExport = s.chooseExport
	s.filter, _ = s.filters.filter()
	s.table = widget.NewTable(s.tableSize, newCallCell, s.updateCell)
	s.table.OnSelected = s.onSelected
	s.header = s.newHeader()
	s.status = ui.NewParagraph(i18n.T("common.loading"))
	s.detail = newCallDetail(e)

	bottom := ui.VBox(widget.NewSeparator(), ui.Border(nil, nil, nil, s.filters.exports, s.status))
	grid := ui.Border(ui.VBox(s.header, widget.NewSeparator()), bottom, nil, nil, s.table)
	s.content = ui.Border(s.filters.content, nil, nil, nil, ui.Split(grid, s.detail.content, 0.68))
	return s
}

func (s *callsScreen) newHeader() *fyne.Container {
	titles := make([]fyne.CanvasObject, len(s.columns))
	s.sorts = make([]*widget.Button, len(s.columns))
	for i, col := range s.columns {
		s.sorts[i] = headerButton(col, func() { s.onSort(col) })
		titles[i] = s.sorts[i]
	}
	showSort(s.sorts, s.columns, s.filter.Order)
	return &fyne.Container{Layout: &headerLayout{columns: s.columns, setWidths: s.setColumnWidths}, Objects: titles}
}

// Content is the screen's widget tree.
func (s *callsScreen) Content() fyne.CanvasObject { return s.content }

// Refresh recounts the calls and reloads the rows in view, keeping them
// on screen until their new copies land; it returns at once.
func (s *callsScreen) Refresh() {
	s.filters.loadChoices()
	s.query()
}

// query counts the calls the filter selects, then shows them.
func (s *callsScreen) query() {
	if !s.count.Start() {
		return
	}
	f, gen := s.filter, s.filterGen
	ui.Run(s.e, func(ctx context.Context) (int, error) { return s.src.CountCalls(ctx, f) },
		func(n int, err error) { s.counted(gen, n, err) })
}

func (s *callsScreen) counted(gen uint64, n int, err error) {
	if again := s.count.Finish(); again || gen != s.filterGen {
		s.query() // the filter changed, or the data did, while counting
		return
	}
	s.countErr = err
	if err != nil {
		s.logError("Could not count calls", err)
		s.showStatus()
		return
	}
	if gen == s.shownGen {
		s.cache.Invalidate() // new data: fetch the rows in view again
	}
	s.shownGen, s.rows, s.pageErr = gen, n, nil
	s.table.Refresh()
	s.showStatus()
	s.queryTotals()
}

func (s *callsScreen) queryTotals() {
	if !s.totals.Start() {
		return
	}
	f, gen := s.filter, s.filterGen
	ui.Run(s.e, func(ctx context.Context) (storage.Summary, error) { return s.src.Summary(ctx, f) },
		func(sum storage.Summary, err error) {
			if again := s.totals.Finish(); again || gen != s.filterGen {
				s.queryTotals()
				return
			}
			if err != nil {
				s.logError("Could not total calls", err)
				return
			}
			s.summary = &sum
			s.showStatus()
		})
}

// onFilterChanged applies the filters as they now read: the rows held
// belong to the old ones, so they go at once.
func (s *callsScreen) onFilterChanged(f storage.CallFilter) {
	f.Order = s.filter.Order
	s.applyFilter(f)
}

func (s *callsScreen) onSort(col column) {
	f := s.filter
	if f.Order.Column == col.order || f.Order.Column == "" && col.order == storage.OrderStart {
		f.Order.Ascending = !f.Order.Ascending
	} else {
		f.Order = storage.CallOrder{Column: col.order, Ascending: !col.descFirst}
	}
	showSort(s.sorts, s.columns, f.Order)
	s.applyFilter(f)
}

func (s *callsScreen) applyFilter(f storage.CallFilter) {
	s.filter = f
	s.filterGen++
	s.cache.Reset()
	s.summary = nil
	s.table.UnselectAll()
	s.table.ScrollToTop()
	s.table.Refresh()
	s.showStatus()
	s.query()
}

// showStatus shows, under the grid, what went wrong or the totals.
func (s *callsScreen) showStatus() {
	var text string
	switch {
	case s.countErr != nil:
		text = ui.Explain(s.countErr, "")
	case s.pageErr != nil:
		text = ui.Explain(s.pageErr, "")
	case s.shownGen != s.filterGen:
		text = i18n.T("common.loading")
	case s.rows == 0:
		text = i18n.T("calls.no_match")
	case s.summary != nil:
		text = i18n.T("count.grid_totals", "Count", s.summary.Calls,
			"Duration", i18n.Duration(s.summary.Talk), "Cost", costsText(s.summary.Cost))
	default:
		text = i18n.T("count.calls", "Count", s.rows)
	}
	s.status.Importance = widget.MediumImportance
	if s.countErr != nil || s.pageErr != nil {
		s.status.Importance = widget.DangerImportance
	}
	ui.SetText(s.status, text)
}

// logError logs err unless it comes from the screen's context ending.
func (s *callsScreen) logError(msg string, err error, attrs ...any) {
	if s.e.Ctx.Err() != nil {
		return
	}
	slog.Error(msg, append(attrs, slog.Any("error", err))...)
}

// tenantCalls gives the call grid a tenant's calls.
type tenantCalls struct{ t *storage.Tenant }

func (s tenantCalls) CountCalls(ctx context.Context, f storage.CallFilter) (int, error) {
	return s.t.CountCalls(ctx, f)
}

func (s tenantCalls) CallPage(ctx context.Context, f storage.CallFilter, offset, limit int) ([]drivers.Call, error) {
	f.Offset, f.Limit = offset, limit
	return s.t.Calls(ctx, f)
}

func (s tenantCalls) Summary(ctx context.Context, f storage.CallFilter) (storage.Summary, error) {
	return s.t.Summary(ctx, f)
}
