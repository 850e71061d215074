package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"calltally.app/app/ui"
	"calltally.app/collector/importer"
	"calltally.app/collector/ingest"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// chooseImport asks for a call file of p and imports it.
func (s *pbxScreen) chooseImport(p storage.PBXSystem) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close() // read again by path: the import needs the file's size and date
		s.importFile(p, path)
	}, s.e.Window)
	open.Show()
}

// importFile imports the records of the file at path as p's, the way
// `calltally import --pbx NAME` does, with progress and Cancel. What was
// committed before a cancel stays; importing the file again adds the rest
// only, as every record is stored once.
func (s *pbxScreen) importFile(p storage.PBXSystem, path string) {
	var stats ingest.Stats
	title := i18n.T("pbx.importing", "Path", path)
	ui.Task(s.e, title, func(ctx context.Context, progress ui.Progress) error {
		var err error
		stats, err = importCalls(ctx, s.e.Tenant, p, path, progress)
		return err
	}, func(err error) {
		s.Refresh() // the calls and raw records committed, cancelled or not
		switch {
		case ui.Cancelled(err):
		case err != nil:
			ui.ShowError(s.e, err, path)
		default:
			ui.Message(s.e, importSummary(stats))
		}
	})
}

// importCalls reads the file at path into t as p's records.
func importCalls(ctx context.Context, t *storage.Tenant, p storage.PBXSystem, path string, progress ui.Progress) (ingest.Stats, error) {
	in, drv, err := importer.Open(ctx, t, p.Name, importer.FromPBX(p))
	if err != nil {
		return ingest.Stats{}, err
	}
	defer in.Close()
	err = importer.File(ctx, in, drv, path, progress)
	return in.Stats(), err
}

// importSummary says what an import stored, in the user's words.
func importSummary(st ingest.Stats) string {
	lines := []string{
		i18n.T("pbx.import_calls", "Count", st.Calls) + ".",
		i18n.T("pbx.import_duplicates", "Count", st.Duplicates) + ".",
		i18n.T("pbx.import_unreadable", "Count", st.Unparsed) + ".",
	}
	if st.Unparsed > 0 {
		lines = append(lines, i18n.T("pbx.import_unreadable_where"))
	}
	if st.Pending > 0 {
		lines = append(lines, i18n.T("pbx.import_pending", "Count", st.Pending))
	}
	return strings.Join(lines, "\n")
}
