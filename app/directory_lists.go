package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// Departments, cost centres and the phone book on the Directory screen;
// extensions are in directory_forms.go with the helpers all four share.

// --- Departments ---

func (s *directoryScreen) departmentOptions() ui.RecordsOptions[storage.Department] {
	return ui.RecordsOptions[storage.Department]{
		Columns: []ui.TableColumn{
			{Title: i18n.T("col.department"), Width: 200, Flex: 3},
			{Title: i18n.T("directory.extensions"), Width: 100, Flex: 1, Align: fyne.TextAlignTrailing},
		},
		Cells: func(d storage.Department) []string {
			return []string{d.Path, i18n.Number(int64(s.data.deptUse[d.Path]))}
		},
		Key:     func(d storage.Department) string { return idKey(d.ID) },
		Counted: counted,
		Add:     func() { s.editDepartment(storage.Department{}) },
		Edit:    s.editDepartment,
		Delete: func(d storage.Department) {
			s.confirmDelete(d.Path, func(ctx context.Context) error { return s.e.Tenant.RemoveDepartment(ctx, d.Path) })
		},
		Import: func() { s.chooseImport(departmentsCSV) },
		Export: func() { s.chooseExport(departmentsCSV, s.depts.Total()) },
	}
}

// editDepartment adds a department (a zero orig) or renames or moves one:
// its path says where it sits.
func (s *directoryScreen) editDepartment(orig storage.Department) {
	path := newEntry(orig.Path, i18n.T("directory.path_example"))
	title := i18n.T("directory.add_department")
	if orig.ID != 0 {
		title = i18n.T("directory.edit_department", "Value", orig.Path)
	}
	check := func() (func(context.Context) error, string) {
		p := text(path)
		if p == "" {
			return nil, required("col.department")
		}
		names, err := storage.SplitDepartmentPath(p)
		if err != nil {
			return nil, i18n.T("directory.bad_path", "Field", i18n.T("col.department"))
		}
		p = strings.Join(names, "/")
		return storeFn(func(ctx context.Context) error {
			switch {
			case orig.ID == 0:
				_, err := s.e.Tenant.AddDepartment(ctx, p)
				return err
			case p != orig.Path:
				return s.e.Tenant.MoveDepartment(ctx, orig.Path, p)
			}
			return nil
		})
	}
	spec := ui.FormSpec{Title: title, Fields: []ui.Field{{Label: i18n.T("col.department"), Input: path}},
		Note: i18n.T("directory.path_hint"), Check: check}
	s.openForm(spec, func() string { return text(path) })
}

// --- Cost centres ---

func (s *directoryScreen) costCentreOptions() ui.RecordsOptions[storage.CostCentre] {
	return ui.RecordsOptions[storage.CostCentre]{
		Columns: []ui.TableColumn{
			{Title: i18n.T("directory.code"), Width: 100, Flex: 1},
			{Title: i18n.T("directory.name"), Width: 200, Flex: 3},
			{Title: i18n.T("directory.extensions"), Width: 100, Flex: 1, Align: fyne.TextAlignTrailing},
		},
		Cells: func(c storage.CostCentre) []string {
			return []string{c.Code, c.Name, i18n.Number(int64(s.data.ccUse[c.Code]))}
		},
		Key:     func(c storage.CostCentre) string { return idKey(c.ID) },
		Counted: counted,
		Add:     func() { s.editCostCentre(storage.CostCentre{}) },
		Edit:    s.editCostCentre,
		Delete: func(c storage.CostCentre) {
			s.confirmDelete(c.Code, func(ctx context.Context) error { return s.e.Tenant.RemoveCostCentre(ctx, c.Code) })
		},
		Import: func() { s.chooseImport(costCentresCSV) },
		Export: func() { s.chooseExport(costCentresCSV, s.ccs.Total()) },
	}
}

func (s *directoryScreen) editCostCentre(orig storage.CostCentre) {
	code, name := newEntry(orig.Code, "4100"), newEntry(orig.Name, "")
	title := i18n.T("directory.add_cost_centre")
	if orig.ID != 0 {
		title = i18n.T("directory.edit_cost_centre", "Value", orig.Code)
	}
	check := func() (func(context.Context) error, string) {
		c := orig
		c.Code, c.Name = text(code), text(name)
		if c.Code == "" {
			return nil, required("directory.code")
		}
		if err := c.Check(); err != nil {
			return nil, i18n.T("directory.invalid", "Detail", err.Error())
		}
		return storeFn(func(ctx context.Context) error {
			if c.ID != 0 {
				return s.e.Tenant.UpdateCostCentre(ctx, c)
			}
			_, err := s.e.Tenant.AddCostCentre(ctx, c)
			return err
		})
	}
	fields := []ui.Field{{Label: i18n.T("directory.code"), Input: code}, {Label: i18n.T("directory.name"), Input: name}}
	s.openForm(ui.FormSpec{Title: title, Fields: fields, Check: check}, func() string { return text(code) })
}

// --- Phone book ---

func (s *directoryScreen) phonebookOptions() ui.RecordsOptions[storage.PhonebookEntry] {
	return ui.RecordsOptions[storage.PhonebookEntry]{
		Columns: []ui.TableColumn{
			{Title: i18n.T("col.external"), Width: 130, Flex: 1},
			{Title: i18n.T("col.external_e164"), Width: 150, Flex: 1},
			{Title: i18n.T("col.external_name"), Width: 150, Flex: 2},
			{Title: i18n.T("directory.company"), Width: 150, Flex: 2},
		},
		Cells: func(p storage.PhonebookEntry) []string {
			return []string{p.Number, p.E164, p.Name, p.Company}
		},
		Key:     func(p storage.PhonebookEntry) string { return idKey(p.ID) },
		Counted: counted,
		Add:     func() { s.editPhone(storage.PhonebookEntry{}) },
		Edit:    s.editPhone,
		Delete: func(p storage.PhonebookEntry) {
			label := strings.TrimSpace(p.Number + " " + p.Name)
			s.confirmDelete(label, func(ctx context.Context) error { return s.e.Tenant.RemovePhonebookEntry(ctx, p.Number) })
		},
		Import: func() { s.chooseImport(phonebookCSV) },
		Export: func() { s.chooseExport(phonebookCSV, s.phones.Total()) },
	}
}

// phoneForm is the fields of a phone book entry.
type phoneForm struct{ number, e164, name, company *widget.Entry }

func (f phoneForm) values(orig storage.PhonebookEntry) (storage.PhonebookEntry, string) {
	p := orig
	p.Number, p.E164, p.Name, p.Company = text(f.number), text(f.e164), text(f.name), text(f.company)
	switch {
	case p.Number == "":
		return p, required("col.external")
	case !isDialNumber(p.Number):
		return p, i18n.T("error.not_a_number", "Field", i18n.T("col.external"))
	case p.E164 != "" && !isE164(p.E164):
		return p, i18n.T("directory.bad_e164", "Field", i18n.T("col.external_e164"))
	}
	if err := p.Check(); err != nil {
		return p, i18n.T("directory.invalid", "Detail", err.Error())
	}
	return p, ""
}

func (s *directoryScreen) editPhone(orig storage.PhonebookEntry) {
	f := phoneForm{newEntry(orig.Number, "0301234567"), newEntry(orig.E164, "+49301234567"),
		newEntry(orig.Name, ""), newEntry(orig.Company, "")}
	title := i18n.T("directory.add_phone")
	if orig.ID != 0 {
		title = i18n.T("directory.edit_phone", "Value", orig.Number)
	}
	check := func() (func(context.Context) error, string) {
		p, problem := f.values(orig)
		if problem != "" {
			return nil, problem
		}
		return storeFn(func(ctx context.Context) error {
			if p.ID != 0 {
				return s.e.Tenant.UpdatePhonebookEntry(ctx, p)
			}
			_, err := s.e.Tenant.AddPhonebookEntry(ctx, p)
			return err
		})
	}
	fields := []ui.Field{{Label: i18n.T("col.external"), Input: f.number}, {Label: i18n.T("col.external_e164"), Input: f.e164},
		{Label: i18n.T("col.external_name"), Input: f.name}, {Label: i18n.T("directory.company"), Input: f.company}}
	s.openForm(ui.FormSpec{Title: title, Fields: fields, Check: check}, func() string { return text(f.number) })
}
