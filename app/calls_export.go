package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"calltally.app/app/export"
	"calltally.app/app/ui"
	"calltally.app/i18n"
)

// chooseExport asks where to save the filtered calls, then exports them.
func (s *callsScreen) chooseExport(format export.Format) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ui.ShowError(s.e, err, "")
			return
		}
		if w == nil {
			return // the user cancelled
		}
		path := w.URI().Path()
		w.Close() // export.File writes the file itself, so that it can remove it
		s.exportTo(path, format)
	}, s.e.Window)
	d.SetFileName("calls-" + time.Now().Format(time.DateOnly) + format.Ext())
	d.Show()
}

// exportTo writes the calls the filters select, in the grid's order, to
// path, showing progress with a Cancel button; a cancelled or failed
// export leaves no file behind.
func (s *callsScreen) exportTo(path string, format export.Format) {
	f := s.filter
	var rows int
	ui.Task(s.e, i18n.T("progress.exporting"), func(ctx context.Context, p ui.Progress) error {
		var err error
		rows, err = export.File(ctx, path, format, s.e.Tenant, f, export.Progress(p))
		return err
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
		case err != nil:
			s.logError("Could not export calls", err)
			ui.Message(s.e, i18n.T("error.export_failed", "Path", path, "Detail", err.Error()))
		default:
			ui.Message(s.e, i18n.T("count.rows_exported", "Count", rows, "Path", path))
		}
	})
}
