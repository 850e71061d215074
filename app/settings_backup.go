package app

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// backupSection holds the backup and restore buttons.
func (s *settingsScreen) backupSection() fyne.CanvasObject {
	backup := ui.NewButton(i18n.T("settings.backup"), s.chooseBackupFolder)
	backup.Importance = widget.HighImportance
	restore := ui.NewButton(i18n.T("settings.restore"), s.chooseBackup)
	hint := ui.NewParagraph(i18n.T("settings.backup_hint"))
	return ui.VBox(ui.NewBold(i18n.T("settings.backups")), hint, ui.HBox(backup, restore))
}

// backupName is the archive a backup made at t is saved as.
func backupName(t time.Time) string {
	return fmt.Sprintf("calltally-backup-%s.zip", t.Format("2006-01-02-150405"))
}

func (s *settingsScreen) chooseBackupFolder() {
	dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			s.backupTo(filepath.Join(u.Path(), backupName(time.Now())))
		}
	}, s.e.Window).Show()
}

// backupTo saves a backup of every database to the zip archive dest.
func (s *settingsScreen) backupTo(dest string) {
	ui.Task(s.e, i18n.T("progress.backing_up"), func(ctx context.Context, p ui.Progress) error {
		return s.e.Store.Backup(ctx, dest, storage.Progress(p))
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
		case err != nil:
			ui.Message(s.e, i18n.T("error.backup_failed", "Path", dest, "Detail", err.Error()))
		default:
			ui.Message(s.e, i18n.T("settings.backup_done", "Path", dest))
		}
	})
}

func (s *settingsScreen) chooseBackup() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err == nil && r != nil {
			r.Close()
			s.restoreFrom(r.URI().Path())
		}
	}, s.e.Window)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".zip"}))
	d.Show()
}

// restoreFrom reads the backup's manifest and asks before restoring it.
func (s *settingsScreen) restoreFrom(src string) {
	ui.Run(s.e, func(context.Context) (storage.Manifest, error) {
		return storage.ReadManifest(src)
	}, func(m storage.Manifest, err error) {
		if err != nil {
			ui.Message(s.e, i18n.T("error.restore_failed", "Path", src, "Detail", err.Error()))
			return
		}
		text := i18n.T("settings.restore_confirm", "Date", i18n.DateTime(m.Created.Local()))
		ui.Confirm(s.e, text, i18n.T("settings.restore_now"), func() { s.restore(src) })
	})
}

// restore writes the backup over the databases (storage.Restore: the
// data as it was stays as *.before-restore) and reopens them, so every
// screen is rebuilt over the restored data; a failed or cancelled restore
// leaves the data as it was.
func (s *settingsScreen) restore(src string) {
	e, dir := s.e, s.e.Dir
	ui.Task(e, i18n.T("progress.restoring"), func(ctx context.Context, p ui.Progress) error {
		return storage.Restore(ctx, src, dir, storage.Progress(p))
	}, func(err error) {
		var reopenErr error
		if e.Reopen != nil && !ui.Cancelled(err) {
			reopenErr = e.Reopen(dir)
		}
		switch {
		case reopenErr != nil:
			ui.Message(e, i18n.T("error.database_open", "Path", dir))
		case ui.Cancelled(err):
		case err != nil:
			ui.Message(e, i18n.T("error.restore_failed", "Path", src, "Detail", err.Error()))
		default:
			ui.Message(e, i18n.T("settings.restore_done"))
		}
	})
}
