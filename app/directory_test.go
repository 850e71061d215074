package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// dirOpen shows the Directory screen over a copy of the demo data,
// loaded.
func dirOpen(t *testing.T) (*directoryScreen, *ui.Env) {
	t.Helper()
	e := uitest.New(t, uitest.Options{})
	s := newDirectory(e).(*directoryScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	return s, e
}

// dirTree calls f on o and everything under it, widgets' renderers
// included (a dialog's content sits in its renderer).
func dirTree(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			dirTree(c, f)
		}
	case *widget.Entry, *ui.Select, *widget.Label, *widget.Button:
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			dirTree(c, f)
		}
	}
}

// dirTopDialog is the dialog on top of the window.
func dirTopDialog(t *testing.T, e *ui.Env) fyne.CanvasObject {
	t.Helper()
	top := e.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// dirDialogText is every label's text in the top dialog, joined.
func dirDialogText(t *testing.T, e *ui.Env) string {
	var texts []string
	dirTree(dirTopDialog(t, e), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	return strings.Join(texts, "\n")
}

// dirTapInDialog taps the button labelled text in the top dialog.
func dirTapInDialog(t *testing.T, e *ui.Env, text string) {
	t.Helper()
	var found *widget.Button
	dirTree(dirTopDialog(t, e), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	test.Tap(found)
	uitest.Settle(t, e)
}

// dirFillForm types values into the open form's entries, in order ("" leaves
// one as it is), and picks option picks[i] of its i-th Select (-1: as is).
func dirFillForm(t *testing.T, e *ui.Env, values []string, picks ...int) {
	t.Helper()
	var entries []*widget.Entry
	var selects []*ui.Select
	dirTree(dirTopDialog(t, e), func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Entry:
			entries = append(entries, v)
		case *ui.Select:
			selects = append(selects, v)
		}
	})
	if len(entries) != len(values) || len(selects) < len(picks) {
		t.Fatalf("form has %d entries and %d choices; the test fills %d and %d", len(entries), len(selects), len(values), len(picks))
	}
	for i, v := range values {
		if v != "" {
			entries[i].SetText(v)
		}
	}
	for i, p := range picks {
		if p >= 0 {
			selects[i].SetSelectedIndex(p)
		}
	}
}

// dirCounts is how many entries of each kind storage has.
func dirCounts(t *testing.T, e *ui.Env) [4]int {
	t.Helper()
	d, err := loadDirectory(context.Background(), e.Tenant)
	if err != nil {
		t.Fatal(err)
	}
	return [4]int{len(d.exts), len(d.depts), len(d.ccs), len(d.phones)}
}

// dirShownCounts is how many rows each tab's table has.
func dirShownCounts(s *directoryScreen) [4]int {
	var n [4]int
	for i, tb := range []*ui.Table{s.exts.Table, s.depts.Table, s.ccs.Table, s.phones.Table} {
		n[i], _ = tb.Table.Length()
	}
	return n
}

func TestDirectoryListsDemo(t *testing.T) {
	s, e := dirOpen(t)
	want := dirCounts(t, e)
	if got := dirShownCounts(s); got != want {
		t.Errorf("rows per tab %v; storage has %v", got, want)
	}
	for i, n := range want {
		if n == 0 {
			t.Errorf("tab %d: the demo has no entries", i)
		}
	}
	if got := [4]int{s.exts.Total(), s.depts.Total(), s.ccs.Total(), s.phones.Total()}; got != want {
		t.Errorf("totals %v; want %v", got, want)
	}
	if wantText := i18n.T("directory.shown", "Count", want[0], "Value", i18n.Number(int64(want[0]))); s.exts.Count.Text != wantText {
		t.Errorf("count line %q; want %q", s.exts.Count.Text, wantText)
	}
	if s.exts.Edit.Disabled() != true || s.exts.Delete.Disabled() != true {
		t.Error("Edit and Delete are on with nothing selected")
	}
	s.exts.Table.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	if x, ok := s.exts.Selected(); !ok || x.ID != s.data.exts[0].ID || s.exts.Edit.Disabled() {
		t.Errorf("selecting the first row: %v %v, Edit off %v", x, ok, s.exts.Edit.Disabled())
	}
}

func TestDirectoryAddViaForm(t *testing.T) {
	for _, tc := range []struct {
		name   string
		kind   int // index into dirCounts
		add    func(s *directoryScreen) *widget.Button
		values []string
		picks  []int
		check  func(t *testing.T, e *ui.Env)
	}{
		{"extension", 0, func(s *directoryScreen) *widget.Button { return s.exts.Add },
			[]string{"777", "Hot desk", "Kim Lee", "Berlin", "2026-01-01", ""}, []int{1, 1},
			func(t *testing.T, e *ui.Env) {
				list, _ := e.Tenant.Extensions(context.Background(), storage.ExtensionFilter{Number: "777"})
				depts, _ := e.Tenant.Departments(context.Background())
				if len(list) != 1 || list[0].User != "Kim Lee" || list[0].Department != depts[0].Path ||
					storage.FormatWall(list[0].From) != "2026-01-01" || list[0].CostCentre == "" {
					t.Errorf("stored %+v", list)
				}
			}},
		{"department", 1, func(s *directoryScreen) *widget.Button { return s.depts.Add },
			[]string{"Support / Second Line"}, nil,
			func(t *testing.T, e *ui.Env) {
				depts, _ := e.Tenant.Departments(context.Background())
				if !slices.ContainsFunc(depts, func(d storage.Department) bool { return d.Path == "Support/Second Line" }) {
					t.Errorf("no Support/Second Line in %v", depts)
				}
			}},
		{"cost centre", 2, func(s *directoryScreen) *widget.Button { return s.ccs.Add },
			[]string{"9900", "Projects"}, nil,
			func(t *testing.T, e *ui.Env) {
				if c, err := e.Tenant.CostCentre(context.Background(), "9900"); err != nil || c.Name != "Projects" {
					t.Errorf("stored %+v, %v", c, err)
				}
			}},
		{"phone book", 3, func(s *directoryScreen) *widget.Button { return s.phones.Add },
			[]string{"0309998877", "+49309998877", "Kim Lee", "ACME"}, nil,
			func(t *testing.T, e *ui.Env) {
				if p, err := e.Tenant.PhonebookEntry(context.Background(), "0309998877"); err != nil || p.E164 != "+49309998877" {
					t.Errorf("stored %+v, %v", p, err)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, e := dirOpen(t)
			before := dirCounts(t, e)
			test.Tap(tc.add(s))
			dirFillForm(t, e, tc.values, tc.picks...)
			test.Tap(s.form.Save)
			uitest.Settle(t, e)
			if s.form.Open() {
				t.Fatalf("the form stayed open: %q", s.form.Problem.Text)
			}
			tc.check(t, e)
			after := dirCounts(t, e)
			if after[tc.kind] != before[tc.kind]+1 {
				t.Errorf("%d entries after adding one to %d", after[tc.kind], before[tc.kind])
			}
			if got := dirShownCounts(s); got != after {
				t.Errorf("rows per tab %v after the save; storage has %v", got, after)
			}
		})
	}
}

func TestDirectoryFormRefusesInvalidInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		add    func(s *directoryScreen) *widget.Button
		values []string
		want   string
	}{
		{"extension number missing", func(s *directoryScreen) *widget.Button { return s.exts.Add },
			[]string{"", "Desk", "", "", "", ""}, i18n.T("error.required", "Field", i18n.T("col.extension"))},
		{"extension number with letters", func(s *directoryScreen) *widget.Button { return s.exts.Add },
			[]string{"20a", "", "", "", "", ""}, i18n.T("error.not_a_number", "Field", i18n.T("col.extension"))},
		{"start not a date", func(s *directoryScreen) *widget.Button { return s.exts.Add },
			[]string{"778", "", "", "", "2026-13-45", ""}, i18n.T("directory.bad_date", "Field", i18n.T("directory.from"))},
		{"period ends before it starts", func(s *directoryScreen) *widget.Button { return s.exts.Add },
			[]string{"778", "", "", "", "2026-03-01", "2026-02-01"}, i18n.T("directory.bad_period")},
		{"period overlaps a holder's", func(s *directoryScreen) *widget.Button { return s.exts.Add },
			[]string{"200", "", "Kim Lee", "", "2026-01-01", ""}, "Extension 200 already belongs to"},
		{"department path with an empty name", func(s *directoryScreen) *widget.Button { return s.depts.Add },
			[]string{"Sales//East"}, i18n.T("directory.bad_path", "Field", i18n.T("col.department"))},
		{"department exists", func(s *directoryScreen) *widget.Button { return s.depts.Add },
			[]string{"Sales"}, i18n.T("error.duplicate", "Value", "Sales")},
		{"cost centre code missing", func(s *directoryScreen) *widget.Button { return s.ccs.Add },
			[]string{"", "Projects"}, i18n.T("error.required", "Field", i18n.T("directory.code"))},
		{"E.164 without +", func(s *directoryScreen) *widget.Button { return s.phones.Add },
			[]string{"0309998877", "0049309998877", "", ""}, i18n.T("directory.bad_e164", "Field", i18n.T("col.external_e164"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, e := dirOpen(t)
			before := dirCounts(t, e)
			test.Tap(tc.add(s))
			dirFillForm(t, e, tc.values)
			test.Tap(s.form.Save)
			uitest.Settle(t, e)
			if !s.form.Open() {
				t.Fatal("the form closed")
			}
			if got := s.form.Problem.Text; !strings.Contains(got, tc.want) {
				t.Errorf("message %q; want %q", got, tc.want)
			}
			if after := dirCounts(t, e); after != before {
				t.Errorf("storage went from %v to %v", before, after)
			}
		})
	}
}

func TestDirectoryOverlapSaysWhoAndWhen(t *testing.T) {
	s, e := dirOpen(t)
	holder := s.data.exts[0]
	test.Tap(s.exts.Add)
	dirFillForm(t, e, []string{holder.Number, "", "Kim Lee", "", "2026-01-01", ""})
	test.Tap(s.form.Save)
	uitest.Settle(t, e)
	want := i18n.T("directory.overlap", "Value", holder.Number, "Detail", holder.User,
		"Date", periodLabel(holder.From, holder.To))
	if got := s.form.Problem.Text; got != ui.Text(want) {
		t.Errorf("message %q; want %q", got, want)
	}
}

func TestDirectoryDelete(t *testing.T) {
	s, e := dirOpen(t)
	before := dirCounts(t, e)
	gone := s.data.phones[0]
	s.phones.Select(idKey(gone.ID))
	test.Tap(s.phones.Delete)
	if text := dirDialogText(t, e); !strings.Contains(text, gone.Number) {
		t.Errorf("confirmation %q does not name %s", text, gone.Number)
	}
	dirTapInDialog(t, e, i18n.T("button.delete"))
	after := dirCounts(t, e)
	if after[3] != before[3]-1 {
		t.Errorf("%d phone book entries after deleting one of %d", after[3], before[3])
	}
	if _, err := e.Tenant.PhonebookEntry(context.Background(), gone.Number); err == nil {
		t.Errorf("%s is still stored", gone.Number)
	}
	if got := dirShownCounts(s); got != after {
		t.Errorf("rows %v; storage has %v", got, after)
	}

	// A department with extensions stays, and the message says why.
	used := s.data.exts[0].Department
	s.depts.Select(idKey(s.data.depts[slices.IndexFunc(s.data.depts, func(d storage.Department) bool { return d.Path == used })].ID))
	test.Tap(s.depts.Delete)
	dirTapInDialog(t, e, i18n.T("button.delete"))
	if text, want := dirDialogText(t, e), ui.Text(i18n.T("directory.in_use", "Value", used)); !strings.Contains(text, want) {
		t.Errorf("message %q; want %q", text, want)
	}
	if got := dirCounts(t, e); got != after {
		t.Errorf("storage went from %v to %v", after, got)
	}
}

func TestDirectorySearchNarrowsRows(t *testing.T) {
	s, _ := dirOpen(t)
	total := s.exts.Total()
	test.Type(s.exts.Search, "sales")
	shown := s.exts.Shown()
	if len(shown) == 0 || len(shown) >= total {
		t.Fatalf("searching sales shows %d of %d", len(shown), total)
	}
	for _, x := range shown {
		if !strings.Contains(strings.ToLower(strings.Join(extensionCells(x), " ")), "sales") {
			t.Errorf("%s (%s) shown for sales", x.Number, x.Department)
		}
	}
	if rows, _ := s.exts.Table.Table.Length(); rows != len(shown) {
		t.Errorf("table has %d rows; the search keeps %d", rows, len(shown))
	}
	s.exts.Search.SetText("")
	if rows, _ := s.exts.Table.Table.Length(); rows != total {
		t.Errorf("%d rows once the search is cleared; want %d", rows, total)
	}
}

func TestDirectoryMirrorsInArabic(t *testing.T) {
	for _, tc := range []struct {
		lang       string
		startLeft  bool
		firstTitle string // message ID of the title at the left edge
		firstTab   string
	}{
		{"en", true, "col.extension", "directory.extensions"},
		{"ar", false, "directory.to", "directory.phone_book"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e := uitest.New(t, uitest.Options{})
			i18n.Set(tc.lang)
			s := newDirectory(e).(*directoryScreen)
			e.Window.SetContent(s.Content())
			s.Refresh()
			uitest.Settle(t, e)
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject
			if got := pos(s.exts.Add).X < pos(s.exts.Export).X; got != tc.startLeft {
				t.Errorf("Add at %v, Export at %v", pos(s.exts.Add), pos(s.exts.Export))
			}
			if got := pos(s.exts.Search).X < pos(s.exts.Add).X; got != tc.startLeft {
				t.Errorf("search at %v, Add at %v", pos(s.exts.Search), pos(s.exts.Add))
			}
			header := s.exts.Table.Content.(*fyne.Container).Objects[0].(*fyne.Container)
			if got := header.Objects[0].(*widget.Label).Text; got != ui.Text(i18n.T(tc.firstTitle)) {
				t.Errorf("first title %q; want %q", got, i18n.T(tc.firstTitle))
			}
			if got := s.tabs.Items[0].Text; got != i18n.T(tc.firstTab) {
				t.Errorf("first tab %q; want %q", got, i18n.T(tc.firstTab))
			}
			if got := s.tabs.Selected().Text; got != i18n.T("directory.extensions") {
				t.Errorf("tab %q open; want the extensions", got)
			}
		})
	}
}

func TestDirectoryRelabelsInGerman(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	i18n.Set("de")
	s := newDirectory(e).(*directoryScreen)
	for _, c := range []struct{ got, want string }{
		{s.exts.Add.Text, "Hinzufügen"},
		{s.tabs.Items[0].Text, "Nebenstellen"},
		{s.exts.Table.Content.(*fyne.Container).Objects[0].(*fyne.Container).Objects[2].(*widget.Label).Text, "Benutzer"},
	} {
		if c.got != c.want {
			t.Errorf("label %q; want %q", c.got, c.want)
		}
	}
}
