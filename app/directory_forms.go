package app

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// The four kinds of the Directory screen: each one's columns, cells,
// form and what Save and Delete call in storage.

func idKey(id int64) string { return strconv.FormatInt(id, 10) }

func required(label string) string { return i18n.T("error.required", "Field", i18n.T(label)) }

func text(e *widget.Entry) string { return strings.TrimSpace(e.Text) }

// isDialNumber reports whether s is what a phone dials: digits, and * #
// or a leading +.
func isDialNumber(s string) bool {
	for i, r := range s {
		if (r < '0' || r > '9') && r != '*' && r != '#' && (r != '+' || i > 0) {
			return false
		}
	}
	return s != ""
}

// isE164 reports whether s is + and 2 to 15 digits, the first not 0, as
// storage stores international numbers.
func isE164(s string) bool {
	digits, ok := strings.CutPrefix(s, "+")
	return ok && len(digits) >= 2 && len(digits) <= 15 && digits[0] != '0' && strings.Trim(digits, "0123456789") == ""
}

// newEntry is an entry showing value, with an example as placeholder.
func newEntry(value, example string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(value)
	e.SetPlaceHolder(example)
	return e
}

// wallLabel shows a period bound in the table: the date, with the time
// when it is not midnight; nothing for an unbounded end.
func wallLabel(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return i18n.Date(t)
	}
	return i18n.DateTime(t)
}

// periodLabel says a period in the user's words.
func periodLabel(from, to time.Time) string {
	start, end := wallLabel(from), wallLabel(to)
	if start == "" {
		start = i18n.T("directory.since_always")
	}
	if end == "" {
		end = i18n.T("directory.open_end")
	}
	return start + " – " + end
}

// holderName translates the holder storage names in an OverlapError.
func holderName(h string) string {
	switch h {
	case "unassigned":
		return i18n.T("directory.unassigned")
	case "nobody":
		return i18n.T("directory.nobody")
	}
	return h
}

// dateField reads a period bound typed as storage.ParseWall reads it.
func dateField(e *widget.Entry, label string) (time.Time, string) {
	t, err := storage.ParseWall(text(e))
	if err != nil {
		return t, i18n.T("directory.bad_date", "Field", i18n.T(label))
	}
	return t, ""
}

// choice is a Select of the values of a list, "None" first.
type choice struct {
	sel    *ui.Select
	values []string // by option; "" for none
}

func newChoice(values, labels []string, current string) *choice {
	c := &choice{values: append([]string{""}, values...)}
	c.sel = ui.NewSelect(append([]string{i18n.T("common.none")}, labels...), nil)
	c.sel.SetIndex(max(slices.Index(c.values, current), 0))
	return c
}

func (c *choice) value() string {
	if i := c.sel.SelectedIndex(); i > 0 {
		return c.values[i]
	}
	return ""
}

// openForm opens a kind's add or edit form: storage errors are told in
// words naming value(), and the lists reload once it saved.
func (s *directoryScreen) openForm(spec ui.FormSpec, value func() string) {
	spec.Explain = func(err error) string { return storageProblem(err, value()) }
	spec.Saved = s.Refresh
	s.form = ui.ShowForm(s.e, spec)
}

// storeFn is a form's work: fn, with nothing to say otherwise.
func storeFn(fn func(ctx context.Context) error) (func(context.Context) error, string) { return fn, "" }

// --- Extensions ---

func (s *directoryScreen) extensionOptions() ui.RecordsOptions[storage.Extension] {
	return ui.RecordsOptions[storage.Extension]{
		Columns: []ui.TableColumn{
			{Title: i18n.T("col.extension"), Width: 100},
			{Title: i18n.T("col.extension_name"), Width: 110, Flex: 2},
			{Title: i18n.T("directory.user"), Width: 110, Flex: 2},
			{Title: i18n.T("col.department"), Width: 110, Flex: 2},
			{Title: i18n.T("col.cost_centre"), Width: 80, Flex: 1},
			{Title: i18n.T("filter.site"), Width: 80, Flex: 1},
			{Title: i18n.T("directory.from"), Width: 90},
			{Title: i18n.T("directory.to"), Width: 90},
		},
		Cells:   extensionCells,
		Key:     func(x storage.Extension) string { return idKey(x.ID) },
		Counted: counted,
		Add:     func() { s.editExtension(storage.Extension{}) },
		Edit:    s.editExtension,
		Delete:  s.deleteExtension,
		Import:  func() { s.chooseImport(extensionsCSV) },
		Export:  func() { s.chooseExport(extensionsCSV, s.exts.Total()) },
	}
}

func extensionCells(x storage.Extension) []string {
	user := x.User
	if x.Unassigned && user == "" {
		user = i18n.T("directory.unassigned")
	}
	return []string{x.Number, x.Name, user, x.Department, x.CostCentre, x.Site, wallLabel(x.From), wallLabel(x.To)}
}

// extensionForm is the fields of an extension period.
type extensionForm struct {
	number, name, user, site, from, to *widget.Entry
	dept, cc                           *choice
}

func (s *directoryScreen) newExtensionForm(x storage.Extension) *extensionForm {
	f := &extensionForm{number: newEntry(x.Number, "201"), name: newEntry(x.Name, ""), user: newEntry(x.User, ""),
		site: newEntry(x.Site, ""), from: newEntry(storage.FormatWall(x.From), "2026-03-01"),
		to: newEntry(storage.FormatWall(x.To), "")}
	var paths, codes, names []string
	for _, d := range s.data.depts {
		paths = append(paths, d.Path)
	}
	for _, c := range s.data.ccs {
		codes, names = append(codes, c.Code), append(names, strings.TrimSpace(c.Code+" "+c.Name))
	}
	f.dept, f.cc = newChoice(paths, paths, x.Department), newChoice(codes, names, x.CostCentre)
	if x.ID != 0 {
		f.number.Disable() // storage changes a period, not its number
	} else if len(s.data.exts) > 0 {
		f.site.SetText(s.data.exts[0].Site) // most sites have one
	}
	return f
}

func (f *extensionForm) fields() []ui.Field {
	return []ui.Field{
		{Label: i18n.T("col.extension"), Input: f.number},
		{Label: i18n.T("col.extension_name"), Input: f.name},
		{Label: i18n.T("directory.user"), Input: f.user},
		{Label: i18n.T("col.department"), Input: f.dept.sel},
		{Label: i18n.T("col.cost_centre"), Input: f.cc.sel},
		{Label: i18n.T("filter.site"), Input: f.site},
		{Label: i18n.T("directory.from"), Input: f.from},
		{Label: i18n.T("directory.to"), Input: f.to},
	}
}

// values returns the period the form describes, or why it cannot be
// stored.
func (f *extensionForm) values(orig storage.Extension) (storage.Extension, string) {
	x := orig
	x.Number, x.Name, x.User, x.Site = text(f.number), text(f.name), text(f.user), text(f.site)
	x.Department, x.CostCentre, x.Unassigned = f.dept.value(), f.cc.value(), false // edited by hand: assigned
	var problem string
	switch {
	case x.Number == "":
		return x, required("col.extension")
	case !isDialNumber(x.Number):
		return x, i18n.T("error.not_a_number", "Field", i18n.T("col.extension"))
	}
	if x.From, problem = dateField(f.from, "directory.from"); problem != "" {
		return x, problem
	}
	if x.To, problem = dateField(f.to, "directory.to"); problem != "" {
		return x, problem
	}
	if !x.From.IsZero() && !x.To.IsZero() && !x.To.After(x.From) {
		return x, i18n.T("directory.bad_period")
	}
	if err := x.Check(); err != nil {
		return x, i18n.T("directory.invalid", "Detail", err.Error())
	}
	return x, ""
}

func (s *directoryScreen) editExtension(orig storage.Extension) {
	f := s.newExtensionForm(orig)
	title := i18n.T("directory.add_extension")
	if orig.ID != 0 {
		title = i18n.T("directory.edit_extension", "Value", orig.Number)
	}
	check := func() (func(context.Context) error, string) {
		x, problem := f.values(orig)
		if problem != "" {
			return nil, problem
		}
		return storeFn(func(ctx context.Context) error {
			if x.ID != 0 {
				return s.e.Tenant.UpdateExtension(ctx, x)
			}
			added, err := s.e.Tenant.AddExtension(ctx, x)
			if err == nil {
				s.e.Do(func() { s.exts.Select(idKey(added.ID)) })
			}
			return err
		})
	}
	spec := ui.FormSpec{Title: title, Fields: f.fields(), Note: i18n.T("directory.period_hint"), Check: check}
	s.openForm(spec, func() string { return text(f.number) })
}

// periodPoint is a moment inside x's period, to name it to storage.
func periodPoint(x storage.Extension) time.Time {
	switch {
	case !x.From.IsZero():
		return x.From
	case !x.To.IsZero():
		return x.To.Add(-time.Second)
	}
	return time.Time{} // for all time: the number's only period
}

func (s *directoryScreen) deleteExtension(x storage.Extension) {
	label := x.Number
	if h := extensionCells(x)[2]; h != "" {
		label += " (" + h + ")"
	}
	s.confirmDelete(label, func(ctx context.Context) error {
		_, err := s.e.Tenant.RemoveExtension(ctx, x.Number, periodPoint(x))
		return err
	})
}
