package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// Handing an extension over: from a date on, the number belongs to
// someone else (or another department, cost centre, site), and the calls
// before that date keep their holder. Storage closes the period valid at
// the date and opens a copy with the changes there (MoveExtension);
// editing the period instead would rewrite who made the earlier calls.

// newHandOverButton is the extensions tab's "Hand over…" button, on
// while an extension period is selected.
func (s *directoryScreen) newHandOverButton() *widget.Button {
	s.handOverButton = ui.NewButtonWithIcon(i18n.T("directory.hand_over"), theme.AccountIcon(), func() {
		if x, ok := s.exts.Selected(); ok {
			s.handOver(x)
		}
	})
	s.handOverButton.Disable()
	// Records turns its own Edit and Delete on and off; follow the same
	// table events for this one.
	table := s.exts.Table.Table
	selected := table.OnSelected
	table.OnSelected = func(id widget.TableCellID) {
		selected(id)
		s.enableHandOver()
	}
	table.OnUnselected = func(widget.TableCellID) { s.enableHandOver() }
	return s.handOverButton
}

func (s *directoryScreen) enableHandOver() {
	if _, ok := s.exts.Selected(); ok {
		s.handOverButton.Enable()
		return
	}
	s.handOverButton.Disable()
}

// handOverForm is the fields of a handover: the date it takes effect and
// what the extension is from then on.
type handOverForm struct {
	from, user, name, site *widget.Entry
	dept, cc               *choice
}

// newHandOverForm fills the form from x, the current holder's period;
// the date is today when today falls inside it.
func (s *directoryScreen) newHandOverForm(x storage.Extension) *handOverForm {
	ext := s.newExtensionForm(x) // the department and cost centre choices
	f := &handOverForm{from: newEntry("", "2026-03-01"), user: ext.user, name: ext.name, site: ext.site, dept: ext.dept, cc: ext.cc}
	now := s.e.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC) // wall clock, as storage reads it
	if insidePeriod(x, today) {
		f.from.SetText(storage.FormatWall(today))
	}
	return f
}

func (f *handOverForm) fields() []ui.Field {
	return []ui.Field{
		{Label: i18n.T("directory.from"), Input: f.from},
		{Label: i18n.T("directory.user"), Input: f.user},
		{Label: i18n.T("col.extension_name"), Input: f.name},
		{Label: i18n.T("col.department"), Input: f.dept.sel},
		{Label: i18n.T("col.cost_centre"), Input: f.cc.sel},
		{Label: i18n.T("filter.site"), Input: f.site},
	}
}

// insidePeriod reports whether a handover at t leaves x's holder some
// time: after its start and before its end.
func insidePeriod(x storage.Extension, t time.Time) bool {
	return (x.From.IsZero() || t.After(x.From)) && (x.To.IsZero() || t.Before(x.To))
}

// values returns the date and the period from then on, or why they
// cannot be stored.
func (f *handOverForm) values(old storage.Extension) (time.Time, storage.Extension, string) {
	next := old
	next.User, next.Name, next.Site = text(f.user), text(f.name), text(f.site)
	next.Department, next.CostCentre, next.Unassigned = f.dept.value(), f.cc.value(), false
	if text(f.from) == "" {
		return time.Time{}, next, required("directory.from")
	}
	from, problem := dateField(f.from, "directory.from")
	if problem != "" {
		return from, next, problem
	}
	if !insidePeriod(old, from) {
		return from, next, i18n.T("directory.hand_over_outside", "Date", periodLabel(old.From, old.To))
	}
	next.From = from
	if err := next.Check(); err != nil {
		return from, next, i18n.T("directory.invalid", "Detail", err.Error())
	}
	return from, next, ""
}

// handOver opens the handover form for x, the selected period.
func (s *directoryScreen) handOver(x storage.Extension) {
	f := s.newHandOverForm(x)
	check := func() (func(context.Context) error, string) {
		from, next, problem := f.values(x)
		if problem != "" {
			return nil, problem
		}
		return storeFn(func(ctx context.Context) error {
			moved, err := s.e.Tenant.MoveExtension(ctx, x.Number, from, func(e *storage.Extension) error {
				e.User, e.Name, e.Site = next.User, next.Name, next.Site
				e.Department, e.CostCentre = next.Department, next.CostCentre
				return nil
			})
			if err == nil {
				s.e.Do(func() { s.exts.Select(idKey(moved.ID)) })
			}
			return err
		})
	}
	spec := ui.FormSpec{Title: i18n.T("directory.hand_over_title", "Value", x.Number), Fields: f.fields(),
		Note: i18n.T("directory.hand_over_hint"), Check: check}
	s.openForm(spec, func() string { return x.Number })
}
