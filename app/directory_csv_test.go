package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
)

// CSV import and export on the Directory screen; the helpers are in
// directory_test.go.

func TestDirectoryImportRefusesFileWithBadLine(t *testing.T) {
	for _, tc := range []struct {
		name, csv, line string
		list            csvList
	}{
		{"phone book", "number,e164,name\n0301111111,+49301111111,Ann\n0302222222,0049302222222,Bob\n0303333333,,Cy\n",
			"phonebook.csv:3: e164:", phonebookCSV},
		{"extensions", "number,user,department\n780,Ann,Sales\n781,Bob,Nowhere\n",
			"extensions.csv:3: department:", extensionsCSV},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, e := dirOpen(t)
			before := dirCounts(t, e)
			path := filepath.Join(t.TempDir(), tc.list.file)
			if err := os.WriteFile(path, []byte(tc.csv), 0o600); err != nil {
				t.Fatal(err)
			}
			s.importFile(tc.list, path)
			uitest.Settle(t, e)
			text := dirDialogText(t, e)
			if !strings.Contains(text, tc.line) || !strings.Contains(text, ui.Text(i18n.T("directory.import_rejected", "Count", 1, "Path", tc.list.file))) {
				t.Errorf("report %q; want a line %q", text, tc.line)
			}
			if after := dirCounts(t, e); after != before {
				t.Errorf("storage went from %v to %v: an import is all or nothing", before, after)
			}
		})
	}
}

func TestDirectoryExportImportChangesNothing(t *testing.T) {
	s, e := dirOpen(t)
	before, err := loadDirectory(context.Background(), e.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	counts := dirCounts(t, e)
	for i, l := range []csvList{extensionsCSV, departmentsCSV, costCentresCSV, phonebookCSV} {
		path := filepath.Join(t.TempDir(), l.file)
		s.exportFile(l, path, counts[i])
		uitest.Settle(t, e)
		if text := dirDialogText(t, e); !strings.Contains(text, ui.Text(i18n.T("count.rows_exported", "Count", counts[i], "Path", path))) {
			t.Errorf("%s: export said %q", l.file, text)
		}
		s.importFile(l, path)
		uitest.Settle(t, e)
		want := ui.Text(i18n.T("directory.import_unchanged", "Count", counts[i]))
		if text := dirDialogText(t, e); !strings.Contains(text, want) || !strings.Contains(text, ui.Text(i18n.T("directory.import_added", "Count", 0))) {
			t.Errorf("%s: import said %q; want %q", l.file, text, want)
		}
	}
	after, err := loadDirectory(context.Background(), e.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(before.exts, after.exts) || !slices.Equal(before.depts, after.depts) ||
		!slices.Equal(before.ccs, after.ccs) || !slices.Equal(before.phones, after.phones) {
		t.Error("export then import changed the directory")
	}
}
