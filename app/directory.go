package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// maxRowErrors is how many problems of an import the report lists.
const maxRowErrors = 20

// directoryData is what one refresh of the Directory screen reads.
type directoryData struct {
	exts   []storage.Extension
	depts  []storage.Department
	ccs    []storage.CostCentre
	phones []storage.PhonebookEntry
	// deptUse and ccUse count the extension periods of each department
	// (by path) and cost centre (by code), for the lists' usage column.
	deptUse, ccUse map[string]int
}

// directoryScreen manages the directory in four tabs: extensions,
// departments, cost centres and the phone book, each a list with add,
// edit, delete and CSV import and export. The kinds' columns and forms
// are in directory_forms.go (extensions) and directory_lists.go.
type directoryScreen struct {
	e       *ui.Env
	content fyne.CanvasObject
	tabs    *container.AppTabs

	exts   *ui.Records[storage.Extension]
	depts  *ui.Records[storage.Department]
	ccs    *ui.Records[storage.CostCentre]
	phones *ui.Records[storage.PhonebookEntry]

	handOverButton *widget.Button // on while an extension period is selected

	data  directoryData
	form  *ui.FormDialog // the form last opened, for tests
	loads ui.Coalescer
}

func newDirectory(e *ui.Env) ui.Screen {
	s := &directoryScreen{e: e}
	s.exts = ui.NewRecords(s.extensionOptions())
	s.depts = ui.NewRecords(s.departmentOptions())
	s.ccs = ui.NewRecords(s.costCentreOptions())
	s.phones = ui.NewRecords(s.phonebookOptions())
	// Records has no place for a fifth action: Hand over sits under the list.
	extensions := ui.Border(nil, ui.HBox(s.newHandOverButton()), nil, nil, s.exts.Content)
	items := []*container.TabItem{
		container.NewTabItem(i18n.T("directory.extensions"), extensions),
		container.NewTabItem(i18n.T("directory.departments"), s.depts.Content),
		container.NewTabItem(i18n.T("directory.cost_centres"), s.ccs.Content),
		container.NewTabItem(i18n.T("directory.phone_book"), s.phones.Content),
	}
	// Tabs run in reading order: from the right in Arabic.
	ordered := make([]*container.TabItem, len(items))
	for i := range items {
		ordered[i] = items[ui.Column(i, len(items))]
	}
	s.tabs = container.NewAppTabs(ordered...)
	s.tabs.Select(items[0])
	s.content = s.tabs
	return s
}

func (s *directoryScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reloads the four lists; one asked for while a load runs runs
// once after it.
func (s *directoryScreen) Refresh() {
	if !s.loads.Start() {
		return
	}
	ui.Run(s.e, func(ctx context.Context) (directoryData, error) {
		return loadDirectory(ctx, s.e.Tenant)
	}, s.loaded)
}

func (s *directoryScreen) loaded(d directoryData, err error) {
	if s.loads.Finish() {
		s.Refresh()
	}
	if err != nil {
		ui.ShowError(s.e, err, "")
		return
	}
	s.data = d
	s.exts.SetItems(d.exts)
	s.depts.SetItems(d.depts)
	s.ccs.SetItems(d.ccs)
	s.phones.SetItems(d.phones)
}

// loadDirectory reads the whole directory: a site has hundreds of
// entries, not millions, so the lists search in memory.
func loadDirectory(ctx context.Context, t *storage.Tenant) (directoryData, error) {
	var d directoryData
	var err error
	if d.exts, err = t.Extensions(ctx, storage.ExtensionFilter{}); err != nil {
		return d, err
	}
	if d.depts, err = t.Departments(ctx); err != nil {
		return d, err
	}
	if d.ccs, err = t.CostCentres(ctx); err != nil {
		return d, err
	}
	d.phones, err = t.PhonebookEntries(ctx)
	d.deptUse, d.ccUse = map[string]int{}, map[string]int{}
	for _, x := range d.exts {
		d.deptUse[x.Department]++
		d.ccUse[x.CostCentre]++
	}
	return d, err
}

// counted is the line under each list.
func counted(shown, total int) string {
	return i18n.T("directory.shown", "Count", shown, "Value", i18n.Number(int64(total)))
}

// confirmDelete asks before remove deletes what label names, then shows
// why it could not, or the list without it.
func (s *directoryScreen) confirmDelete(label string, remove func(ctx context.Context) error) {
	ui.Confirm(s.e, i18n.T("directory.confirm_delete", "Value", label), i18n.T("button.delete"), func() {
		ui.Run(s.e, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, remove(ctx)
		}, func(_ struct{}, err error) {
			if err != nil {
				ui.Message(s.e, storageProblem(err, label))
				return
			}
			s.Refresh()
		})
	})
}

// storageProblem says in the user's words why storing or removing value
// failed, and what to do.
func storageProblem(err error, value string) string {
	var overlap *storage.OverlapError
	switch {
	case errors.As(err, &overlap):
		return i18n.T("directory.overlap", "Value", overlap.Number, "Detail", holderName(overlap.Other),
			"Date", periodLabel(overlap.OtherFrom, overlap.OtherTo))
	case errors.Is(err, storage.ErrOverlap):
		return i18n.T("directory.overlap_start", "Value", value)
	case errors.Is(err, storage.ErrExists):
		return i18n.T("error.duplicate", "Value", value)
	case errors.Is(err, storage.ErrInUse):
		return i18n.T("directory.in_use", "Value", value)
	case errors.Is(err, storage.ErrNotFound):
		return i18n.T("directory.gone", "Value", value)
	}
	return ui.Explain(err, "")
}

// A csvList is how one list is imported and exported.
type csvList struct {
	file string // the name the save dialog suggests
	imp  func(*storage.Tenant, context.Context, io.Reader, string) (storage.ImportStats, error)
	exp  func(*storage.Tenant, context.Context, io.Writer) error
}

var (
	extensionsCSV  = csvList{"extensions.csv", (*storage.Tenant).ImportExtensions, (*storage.Tenant).ExportExtensions}
	departmentsCSV = csvList{"departments.csv", (*storage.Tenant).ImportDepartments, (*storage.Tenant).ExportDepartments}
	costCentresCSV = csvList{"cost-centres.csv", (*storage.Tenant).ImportCostCentres, (*storage.Tenant).ExportCostCentres}
	phonebookCSV   = csvList{"phonebook.csv", (*storage.Tenant).ImportPhonebook, (*storage.Tenant).ExportPhonebook}
)

var csvFilter = fynestorage.NewExtensionFileFilter([]string{".csv", ".CSV"})

// chooseImport asks for a CSV file and imports it.
func (s *directoryScreen) chooseImport(l csvList) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ui.ShowError(s.e, err, "")
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		s.importFile(l, path)
	}, s.e.Window)
	d.SetFilter(csvFilter)
	d.Show()
}

// importFile imports the CSV file at path into l, all or nothing, and
// reports what it did or every line it refused.
func (s *directoryScreen) importFile(l csvList, path string) {
	var stats storage.ImportStats
	ui.Task(s.e, i18n.T("progress.importing"), func(ctx context.Context, p ui.Progress) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var size int64
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		stats, err = l.imp(s.e.Tenant, ctx, &progressReader{r: f, total: size, p: p}, filepath.Base(path))
		return err
	}, func(err error) { s.imported(path, stats, err) })
}

func (s *directoryScreen) imported(path string, st storage.ImportStats, err error) {
	var rows storage.ImportErrors
	switch {
	case ui.Cancelled(err):
	case errors.As(err, &rows):
		ui.Report(s.e, i18n.T("directory.import_rejected", "Count", len(rows), "Path", filepath.Base(path)), rowErrorLines(rows))
	case err != nil:
		ui.ShowError(s.e, err, path)
	default:
		ui.Message(s.e, strings.Join([]string{i18n.T("directory.imported", "Path", filepath.Base(path)),
			i18n.T("directory.import_added", "Count", st.Added),
			i18n.T("directory.import_changed", "Count", st.Changed),
			i18n.T("directory.import_unchanged", "Count", st.Unchanged)}, "\n"))
		s.Refresh()
	}
}

// rowErrorLines lists an import's problems as file:line: column: reason,
// the first maxRowErrors of them.
func rowErrorLines(rows storage.ImportErrors) string {
	var lines []string
	for i, r := range rows {
		if i == maxRowErrors {
			lines = append(lines, i18n.T("directory.more_problems", "Count", len(rows)-maxRowErrors))
			break
		}
		line := r.File + ":" + i18n.Number(int64(r.Line)) + ": "
		if r.Column != "" {
			line += r.Column + ": "
		}
		lines = append(lines, line+r.Reason)
	}
	return strings.Join(lines, "\n")
}

// progressReader reports how much of a file an import has read.
type progressReader struct {
	r     io.Reader
	n     int64
	total int64
	p     ui.Progress
}

func (pr *progressReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	pr.n += int64(n)
	pr.p(pr.n, pr.total)
	return n, err
}

// chooseExport asks where to save l and exports it; rows is how many
// records the message counts.
func (s *directoryScreen) chooseExport(l csvList, rows int) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ui.ShowError(s.e, err, "")
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		s.exportFile(l, path, rows)
	}, s.e.Window)
	d.SetFileName(l.file)
	d.SetFilter(csvFilter)
	d.Show()
}

// exportFile writes l to path as CSV, whole or not at all.
func (s *directoryScreen) exportFile(l csvList, path string, rows int) {
	ui.Task(s.e, i18n.T("progress.exporting"), func(ctx context.Context, p ui.Progress) error {
		return writeAtomically(path, func(w io.Writer) error { return l.exp(s.e.Tenant, ctx, w) })
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
		case err != nil:
			ui.Message(s.e, i18n.T("error.export_failed", "Path", path, "Detail", err.Error()))
		default:
			ui.Message(s.e, i18n.T("count.rows_exported", "Count", rows, "Path", path))
		}
	})
}

// writeAtomically writes a file beside path and renames it there, so a
// failed export leaves no half file over a good one.
func writeAtomically(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".export-*.csv")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails harmlessly after the rename
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
