package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
)

// RecordsOptions describe a list of records of type T: its columns, how a
// record reads in them, and what the toolbar's buttons do. A nil action
// leaves its button out.
type RecordsOptions[T any] struct {
	Columns []TableColumn
	// Cells returns a record's texts, one per column in data order; the
	// search matches them too.
	Cells func(T) []string
	// Key names a record, so that the selection survives SetItems (a
	// refresh after a save reloads every record).
	Key func(T) string
	// Counted is the text under the table: shown of total records.
	Counted func(shown, total int) string

	Add            func()
	Edit, Delete   func(T)
	Import, Export func()
}

// Records is a list of records for managing them: a search entry and the
// buttons Add, Edit, Delete, Import and Export above a virtualised table,
// a count below. Edit and Delete act on the selected record and are off
// while none is. The search keeps the records whose cells contain what is
// typed, case aside.
type Records[T any] struct {
	Content fyne.CanvasObject
	Table   *Table
	Search  *widget.Entry
	Count   *widget.Label

	Add, Edit, Delete, Import, Export *widget.Button

	opts     RecordsOptions[T]
	all      []T
	cells    [][]string // of all, in data order
	shown    []int      // indexes into all that the search keeps
	selected string     // key of the selected record; "" for none
	col      int        // the column clicked in it: selecting the same cell again does not scroll
}

// NewRecords builds an empty list; SetItems fills it.
func NewRecords[T any](o RecordsOptions[T]) *Records[T] {
	r := &Records[T]{opts: o, Count: NewLabel("")}
	r.Table = NewTable(o.Columns, func() int { return len(r.shown) }, r.cell)
	r.Table.Table.OnSelected = r.selectRow
	r.Search = widget.NewEntry()
	r.Search.SetPlaceHolder(i18n.T("common.search"))
	r.Search.OnChanged = func(string) { r.apply() }
	r.Add = button("button.add", theme.ContentAddIcon(), o.Add)
	r.Edit = button("button.edit", theme.DocumentCreateIcon(), r.withSelected(o.Edit))
	r.Delete = button("button.delete", theme.DeleteIcon(), r.withSelected(o.Delete))
	r.Import = button("button.import", theme.FolderOpenIcon(), o.Import)
	r.Export = button("button.export", theme.DocumentSaveIcon(), o.Export)
	if r.Add != nil {
		r.Add.Importance = widget.HighImportance
	}
	r.Content = Border(r.toolbar(), r.Count, nil, nil, r.Table.Content)
	r.enable(false)
	return r
}

// button is a toolbar button, nil when there is nothing for it to do.
func button(label string, icon fyne.Resource, action func()) *widget.Button {
	if action == nil {
		return nil
	}
	return NewButtonWithIcon(i18n.T(label), icon, action)
}

func (r *Records[T]) withSelected(action func(T)) func() {
	if action == nil {
		return nil
	}
	return func() {
		if rec, ok := r.Selected(); ok {
			action(rec)
		}
	}
}

// toolbar is the search at the start, taking the room left, then the
// buttons that have an action.
func (r *Records[T]) toolbar() fyne.CanvasObject {
	var buttons []fyne.CanvasObject
	for _, b := range []*widget.Button{r.Add, r.Edit, r.Delete, r.Import, r.Export} {
		if b != nil {
			buttons = append(buttons, b)
		}
	}
	return Border(nil, nil, nil, HBox(buttons...), r.Search)
}

// SetItems shows items, keeping the search and, if it is still there,
// the selected record.
func (r *Records[T]) SetItems(items []T) {
	r.all = items
	r.cells = make([][]string, len(items))
	for i, it := range items {
		r.cells[i] = r.opts.Cells(it)
	}
	r.apply()
}

// apply runs the search over the records and shows those it keeps.
func (r *Records[T]) apply() {
	words := strings.Fields(strings.ToLower(r.Search.Text))
	r.shown = r.shown[:0]
	for i, cells := range r.cells {
		if matches(cells, words) {
			r.shown = append(r.shown, i)
		}
	}
	r.Table.Table.Refresh()
	r.reselect()
	if r.opts.Counted != nil {
		SetText(r.Count, r.opts.Counted(len(r.shown), len(r.all)))
	}
}

// matches reports whether every word is in one of the cells.
func matches(cells []string, words []string) bool {
	text := strings.ToLower(strings.Join(cells, "\x00"))
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// reselect selects the row of the selected record again. A record the
// search hides, or one not loaded yet (just added), stays chosen and is
// selected once it shows.
func (r *Records[T]) reselect() {
	for row, i := range r.shown {
		if r.selected != "" && r.opts.Key(r.all[i]) == r.selected {
			r.Table.Table.Select(widget.TableCellID{Row: row, Col: r.col})
			r.enable(true)
			return
		}
	}
	r.Table.Table.UnselectAll()
	r.enable(false)
}

func (r *Records[T]) selectRow(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(r.shown) {
		return
	}
	r.selected, r.col = r.opts.Key(r.all[r.shown[id.Row]]), id.Col
	r.enable(true)
}

// enable turns Edit and Delete on while a record is selected.
func (r *Records[T]) enable(on bool) {
	for _, b := range []*widget.Button{r.Edit, r.Delete} {
		switch {
		case b == nil:
		case on:
			b.Enable()
		default:
			b.Disable()
		}
	}
}

func (r *Records[T]) cell(row, col int) string {
	if row >= len(r.shown) {
		return ""
	}
	cells := r.cells[r.shown[row]]
	if col >= len(cells) {
		return ""
	}
	return cells[col]
}

// Selected returns the selected record.
func (r *Records[T]) Selected() (T, bool) {
	for _, i := range r.shown {
		if r.opts.Key(r.all[i]) == r.selected && r.selected != "" {
			return r.all[i], true
		}
	}
	var zero T
	return zero, false
}

// Select selects the record with key, if shown: tests and a screen that
// just added a record use it.
func (r *Records[T]) Select(key string) {
	r.selected = key
	r.reselect()
}

// Shown returns the records the search keeps, in order.
func (r *Records[T]) Shown() []T {
	list := make([]T, len(r.shown))
	for j, i := range r.shown {
		list[j] = r.all[i]
	}
	return list
}

// Total is how many records there are, searched for or not.
func (r *Records[T]) Total() int { return len(r.all) }
