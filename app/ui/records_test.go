package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type rec struct{ id, name string }

func newTestRecords(t *testing.T) (*Records[rec], *[]rec) {
	test.NewTempApp(t)
	var edited []rec
	r := NewRecords(RecordsOptions[rec]{
		Columns: []TableColumn{{Title: "ID", Width: 50}, {Title: "Name", Width: 100, Flex: 1}},
		Cells:   func(x rec) []string { return []string{x.id, x.name} },
		Key:     func(x rec) string { return x.id },
		Add:     func() {},
		Edit:    func(x rec) { edited = append(edited, x) },
	})
	test.NewTempWindow(t, r.Content)
	return r, &edited
}

func TestRecordsSearchAndSelection(t *testing.T) {
	r, edited := newTestRecords(t)
	if r.Delete != nil || r.Import != nil || r.Export != nil {
		t.Error("buttons without an action are shown")
	}
	r.SetItems([]rec{{"1", "Anna Berg"}, {"2", "Bo Li"}, {"3", "Anna Lund"}})
	r.Table.Table.Select(widget.TableCellID{Row: 1, Col: 1})
	test.Tap(r.Edit)
	if len(*edited) != 1 || (*edited)[0].id != "2" {
		t.Fatalf("Edit acted on %v; want record 2", *edited)
	}

	// A reload in another order keeps record 2 selected.
	r.SetItems([]rec{{"2", "Bo Li"}, {"3", "Anna Lund"}, {"1", "Anna Berg"}})
	if x, ok := r.Selected(); !ok || x.id != "2" {
		t.Errorf("selected %v %v after a reload; want record 2", x, ok)
	}

	// The search hides it: Edit goes off, and on again once it shows.
	test.Type(r.Search, "anna")
	if n, _ := r.Table.Table.Length(); n != 2 || len(r.Shown()) != 2 {
		t.Errorf("%d rows for anna; want 2", n)
	}
	if _, ok := r.Selected(); ok || !r.Edit.Disabled() {
		t.Error("a hidden record is still selected")
	}
	r.Search.SetText("")
	if x, ok := r.Selected(); !ok || x.id != "2" || r.Edit.Disabled() {
		t.Errorf("selected %v %v once the search is cleared; want record 2", x, ok)
	}
	test.Type(r.Search, "anna berg")
	if got := r.Shown(); len(got) != 1 || got[0].id != "1" {
		t.Errorf("anna berg shows %v; want record 1 (every word must match)", got)
	}
}
