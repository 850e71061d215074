package ui

import (
	"errors"
	"io/fs"
	"log/slog"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
	"calltally.app/storage"
)

// Explain turns an error into a sentence in the user's language that says
// what happened and what to do next. path is the file or folder the work
// was about, if any.
func Explain(err error, path string) string {
	var rowErr storage.RowError
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return i18n.T("error.disk_full")
	case errors.Is(err, fs.ErrNotExist) && path != "":
		return i18n.T("error.file_not_found", "Path", path)
	case errors.Is(err, fs.ErrPermission) && path != "":
		return i18n.T("error.permission", "Path", path)
	case storage.IsBusy(err):
		return i18n.T("error.database_busy")
	case errors.As(err, &rowErr):
		return i18n.T("error.import_failed", "Line", rowErr.Line, "Detail", rowErr.Error())
	}
	return i18n.T("error.generic", "Detail", err.Error())
}

// ShowError shows Explain(err, path) in a dialog and logs err.
func ShowError(e *Env, err error, path string) {
	slog.Error("The app showed an error", "error", err, "path", path)
	Message(e, Explain(err, path))
}

// Message shows text in a dialog with an OK button in the user's language
// (Fyne's own dialogs label theirs in English).
func Message(e *Env, text string) {
	showDialog(e, NewParagraph(text), 480, func(hide func()) []fyne.CanvasObject {
		return []fyne.CanvasObject{NewButton(i18n.T("button.ok"), hide)}
	})
}

// Confirm asks a yes/no question; yes runs only when the user agrees.
// confirmLabel names the action (e.g. i18n.T("button.delete")).
func Confirm(e *Env, text, confirmLabel string, yes func()) {
	showDialog(e, NewParagraph(text), 480, func(hide func()) []fyne.CanvasObject {
		no := NewButton(i18n.T("button.cancel"), hide)
		ok := NewButton(confirmLabel, func() { hide(); yes() })
		ok.Importance = widget.DangerImportance
		return []fyne.CanvasObject{no, ok}
	})
}

// showDialog shows body over a row of our own buttons, titled with the
// app's name; buttons gets the function that closes the dialog. A width
// of 0 leaves the dialog its minimum size.
func showDialog(e *Env, body fyne.CanvasObject, width float32, buttons func(hide func()) []fyne.CanvasObject) {
	var d dialog.Dialog
	row := HBox(buttons(func() { d.Hide() })...)
	d = dialog.NewCustomWithoutButtons(i18n.T("app.name"), Border(nil, row, nil, nil, body), e.Window)
	if width > 0 {
		d.Resize(fyne.NewSize(width, 0))
	}
	d.Show()
}
