package app

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
)

// The call grid's table: cells filled from the page cache, pages fetched
// off the UI goroutine as rows come into view.

func (s *callsScreen) tableSize() (rows, cols int) { return s.rows, len(s.columns) }

func newCallCell() fyne.CanvasObject {
	cell := widget.NewLabel(placeholder)
	// Clip, not ellipsis: Fyne 2.7 shapes the text afresh for an ellipsis on
	// every refresh (~50 KiB a cell), clipping measures it from a cache.
	cell.Truncation = fyne.TextTruncateClip
	return cell
}

// updateCell shows one value of a call, or the placeholder while its page
// loads; a stale page shows until its fresh copy lands. Cells are reused
// across columns, so the alignment is set too.
func (s *callsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	col := s.columns[id.Col]
	text := placeholder
	call, loaded := s.cache.Row(id.Row)
	if !loaded || !s.cache.Fresh(id.Row) {
		s.cache.Want(id.Row)
		s.startFetches()
	}
	switch {
	case !loaded:
	case call == nil:
		text = "" // the source returned fewer rows than it counted
	default:
		text = ui.Text(col.value(call))
	}
	cell := o.(*widget.Label)
	align := ui.Align(col.align)
	if cell.Text != text || cell.Alignment != align {
		cell.Text, cell.Alignment = text, align
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
		f := s.filter
		ui.Run(s.e, func(ctx context.Context) ([]drivers.Call, error) {
			return s.src.CallPage(ctx, f, req.offset, req.limit)
		}, func(calls []drivers.Call, err error) { s.pageLoaded(req, calls, err) })
	}
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

// onSelected shows the selected call in the detail pane.
func (s *callsScreen) onSelected(id widget.TableCellID) {
	call, loaded := s.cache.Row(id.Row)
	if !loaded || call == nil {
		return
	}
	c := *call // the cache may drop its page
	s.detail.show(&c)
}
