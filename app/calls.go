package app

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/storage"
)

// CallSource is what the call list reads: calls newest first.
//
// Its methods are called from goroutines of their own, never from the UI
// goroutine, and may run concurrently with each other.
type CallSource interface {
	// CountCalls returns the number of calls.
	CountCalls(ctx context.Context) (int, error)
	// CallPage returns up to limit calls, skipping the offset newest ones.
	CallPage(ctx context.Context, offset, limit int) ([]drivers.Call, error)
}

const (
	callPageSize   = 200 // rows fetched at a time
	callPageMax    = 50  // pages cached: 10,000 rows
	callFetchesMax = 2   // pages fetched at once
	placeholder    = "…" // shown in rows still loading
)

// callsScreen is the call list: every call, newest first, in a table that
// only ever holds the rows in view and loads them a page at a time.
type callsScreen struct {
	ctx context.Context
	src CallSource
	// do runs fn on the UI goroutine: fyne.Do in the app, a queue the test
	// drains in tests.
	do func(fn func())

	// Used on the UI goroutine only.
	cache    *pageCache
	rows     int
	fetching int   // page fetches under way
	countErr error // the last count failed
	pageErr  error // the last page fetch failed

	refreshes atomic.Uint64 // numbers Refresh calls; only the latest count is shown

	table   *widget.Table
	header  *fyne.Container
	status  *widget.Label
	content fyne.CanvasObject
}

// newCallsScreen builds the call list over src. It shows no calls until
// Refresh is called. do must run a function on the UI goroutine (fyne.Do).
func newCallsScreen(ctx context.Context, src CallSource, do func(fn func())) *callsScreen {
	s := &callsScreen{ctx: ctx, src: src, do: do, cache: newPageCache(callPageSize, callPageMax)}

	s.table = widget.NewTable(s.tableSize, newCallCell, s.updateCell)
	titles := make([]fyne.CanvasObject, len(callColumns))
	for i, col := range callColumns {
		titles[i] = widget.NewLabelWithStyle(col.title, col.align, fyne.TextStyle{Bold: true})
	}
	s.header = container.New(&headerLayout{columns: callColumns, setWidths: s.setColumnWidths}, titles...)
	s.status = widget.NewLabel("Loading calls…")

	top := container.NewVBox(s.header, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), s.status)
	s.content = container.NewBorder(top, bottom, nil, nil, s.table)
	return s
}

// Refresh recounts the calls and reloads the rows in view, as is needed
// once new calls have been stored. It may be called from any goroutine.
func (s *callsScreen) Refresh() {
	seq := s.refreshes.Add(1)
	go func() {
		n, err := s.src.CountCalls(s.ctx)
		s.do(func() { s.counted(seq, n, err) })
	}()
}

func (s *callsScreen) counted(seq uint64, n int, err error) {
	if seq != s.refreshes.Load() {
		return // a later Refresh is under way
	}
	s.countErr = err
	if err != nil {
		s.logError("Could not count calls", err)
	} else {
		s.rows = n
		s.pageErr = nil
		s.cache.Reset()
		s.table.Refresh()
	}
	s.showStatus()
}

func (s *callsScreen) showStatus() {
	var text string
	switch {
	case s.countErr != nil:
		text = fmt.Sprintf("Could not count the calls: %v", s.countErr)
	case s.pageErr != nil:
		text = fmt.Sprintf("Could not load calls: %v", s.pageErr)
	case s.rows == 0:
		text = "No calls yet"
	case s.rows == 1:
		text = "1 call"
	default:
		text = groupDigits(s.rows) + " calls"
	}
	s.status.SetText(text)
}

func (s *callsScreen) tableSize() (rows, cols int) { return s.rows, len(callColumns) }

func newCallCell() fyne.CanvasObject {
	cell := widget.NewLabel(placeholder)
	// Clip, not ellipsis: Fyne 2.7 shapes the text afresh for an ellipsis on
	// every refresh (~50 KiB a cell), clipping measures it from a cache.
	cell.Truncation = fyne.TextTruncateClip
	return cell
}

// updateCell shows one value of a call, or the placeholder while its page
// loads. Cells are reused across columns, so the alignment is set too.
func (s *callsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	col := callColumns[id.Col]
	text := placeholder
	call, loaded := s.cache.Row(id.Row)
	switch {
	case !loaded:
		s.cache.Want(id.Row)
		s.startFetches()
	case call == nil:
		text = "" // the source returned fewer rows than it counted
	default:
		text = col.value(call)
	}
	cell := o.(*widget.Label)
	if cell.Text != text || cell.Alignment != col.align {
		cell.Text, cell.Alignment = text, col.align
		cell.Refresh()
	}
}

func (s *callsScreen) setColumnWidths(widths []float32) {
	for i, w := range widths {
		s.table.SetColumnWidth(i, w) // no-op when unchanged
	}
}

// startFetches fetches the pending pages, newest wish first, a few at a
// time, each in a goroutine of its own.
func (s *callsScreen) startFetches() {
	for s.fetching < callFetchesMax {
		req, ok := s.cache.Next()
		if !ok {
			return
		}
		s.fetching++
		go s.fetch(req)
	}
}

func (s *callsScreen) fetch(req pageRequest) {
	calls, err := s.src.CallPage(s.ctx, req.offset, req.limit)
	s.do(func() { s.pageLoaded(req, calls, err) })
}

func (s *callsScreen) pageLoaded(req pageRequest, calls []drivers.Call, err error) {
	s.fetching--
	if err != nil {
		s.cache.Abandon(req)
		s.logError("Could not load calls", err, slog.Int("offset", req.offset), slog.Int("limit", req.limit))
		s.pageErr = err
		s.showStatus()
	} else if s.cache.Put(req, calls) {
		if s.pageErr != nil {
			s.pageErr = nil
			s.showStatus()
		}
		s.table.Refresh() // rows in view that were waiting for this page
	}
	s.startFetches()
}

// logError logs err unless it comes from the screen's context ending.
func (s *callsScreen) logError(msg string, err error, attrs ...any) {
	if s.ctx.Err() != nil {
		return
	}
	slog.Error(msg, append(attrs, slog.Any("error", err))...)
}

// newCalls is the call list over the tenant's calls.
func newCalls(e *ui.Env) ui.Screen {
	return newCallsScreen(e.Ctx, tenantCalls{e.Tenant}, e.Do)
}

// Content is the screen's widget tree.
func (s *callsScreen) Content() fyne.CanvasObject { return s.content }

// tenantCalls gives the call list a tenant's calls.
type tenantCalls struct{ t *storage.Tenant }

func (s tenantCalls) CountCalls(ctx context.Context) (int, error) {
	return s.t.CountCalls(ctx, storage.CallFilter{})
}

func (s tenantCalls) CallPage(ctx context.Context, offset, limit int) ([]drivers.Call, error) {
	return s.t.Calls(ctx, storage.CallFilter{Offset: offset, Limit: limit})
}
