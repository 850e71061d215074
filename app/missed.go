package app

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// missedMax is the most missed calls the list holds: months of a busy
// site's missed calls; the oldest unreturned come first, so what is left
// out is the returned ones. A variable so that tests can lower it.
var missedMax = 10000

// The columns of the missed calls, in data order.
const (
	missedColStart = iota
	missedColCaller
	missedColRang
	missedColRing
	missedColReturn
	missedCols
)

// missedScreen is the receptionist's list of missed calls, the ones not
// called back yet first, oldest first.
type missedScreen struct {
	e          *ui.Env
	period     *ui.PeriodPicker
	unreturned *widget.Check
	extension  *widget.Entry
	department *ui.Select
	count      *widget.Label
	capped     *widget.Label // says the list shows the first missedMax only
	problem    *widget.Label
	table      *ui.Table
	detail     *missedDetail
	content    *fyne.Container

	// Used on the UI goroutine only.
	rows        []storage.Missed
	departments []string // paths; nil until loaded
	selected    int64    // ID of the call shown in the detail; 0: none
	loads       ui.Coalescer
}

func newMissed(e *ui.Env) ui.Screen {
	s := &missedScreen{e: e, count: ui.NewBold(""), capped: ui.NewParagraph(""), problem: ui.NewProblem(), detail: newMissedDetail()}
	s.period = ui.NewPeriodPicker("period.last_7_days", e.Now, func(time.Time, time.Time) { s.Refresh() })
	s.unreturned = widget.NewCheck(i18n.T("missed.only_unreturned"), nil)
	s.unreturned.Checked = true
	s.unreturned.OnChanged = func(bool) { s.Refresh() }
	s.extension = widget.NewEntry()
	s.extension.SetPlaceHolder(i18n.T("col.extension"))
	s.extension.OnChanged = func(string) { s.Refresh() }
	s.department = ui.NewSelect([]string{i18n.T("common.all")}, func(int) { s.Refresh() })
	s.department.SetIndex(0)
	s.table = ui.NewTable(missedColumns(), func() int { return len(s.rows) }, s.cell)
	s.table.Table.OnSelected = func(id widget.TableCellID) { s.choose(id.Row) }
	s.problem.Hide()
	s.capped.Importance = widget.WarningImportance
	s.capped.Hide()
	filters := ui.HBox(s.period.Content, s.unreturned,
		container.NewGridWrap(fyne.NewSize(140, s.extension.MinSize().Height), s.extension), s.department)
	s.content = ui.Border(ui.VBox(filters, s.count, s.capped, s.problem), nil, nil, nil,
		ui.Split(s.table.Content, s.detail.content, 0.7))
	return s
}

func missedColumns() []ui.TableColumn {
	return []ui.TableColumn{
		missedColStart:  {Title: i18n.T("col.start"), Width: 140},
		missedColCaller: {Title: i18n.T("missed.col_caller"), Width: 160, Flex: 2},
		missedColRang:   {Title: i18n.T("missed.col_rang"), Width: 140, Flex: 2},
		missedColRing:   {Title: i18n.T("col.ring"), Width: 100, Align: fyne.TextAlignTrailing},
		missedColReturn: {Title: i18n.T("missed.col_returned"), Width: 180, Flex: 3},
	}
}

func (s *missedScreen) Content() fyne.CanvasObject { return s.content }

// missedResult is what a refresh found.
type missedResult struct {
	rows        []storage.Missed
	departments []string // nil when they were loaded before
	// unreturned counts the missed calls not returned, total those the
	// filter selects: both in all, not only the rows loaded.
	unreturned, total int
}

// Refresh reloads the list off the UI goroutine; one that arrives while
// another runs is run once after.
func (s *missedScreen) Refresh() {
	if !s.loads.Start() {
		return
	}
	f, loadDepartments := s.filter(), s.departments == nil
	ui.Run(s.e, func(ctx context.Context) (missedResult, error) {
		return s.load(ctx, f, loadDepartments)
	}, func(r missedResult, err error) {
		s.show(r, err)
		if s.loads.Finish() {
			s.Refresh()
		}
	})
}

// filter is the filter the widgets show.
func (s *missedScreen) filter() storage.MissedFilter {
	from, to := s.period.Range()
	f := storage.MissedFilter{CallFilter: storage.CallFilter{From: from, To: to, Limit: missedMax}, Unreturned: s.unreturned.Checked}
	f.Extension = strings.TrimSpace(s.extension.Text)
	if i := s.department.SelectedIndex(); i > 0 && i <= len(s.departments) {
		f.Department = s.departments[i-1]
	}
	return f
}

func (s *missedScreen) load(ctx context.Context, f storage.MissedFilter, loadDepartments bool) (r missedResult, err error) {
	if f.VoicemailMissed, err = s.e.Store.VoicemailMissed(ctx); err != nil {
		return r, err
	}
	if r.rows, err = s.e.Tenant.MissedCalls(ctx, f); err != nil {
		return r, err
	}
	if r.unreturned, r.total, err = s.counts(ctx, f); err != nil {
		return r, err
	}
	if loadDepartments {
		depts, err := s.e.Tenant.Departments(ctx)
		if err != nil {
			return r, err
		}
		r.departments = []string{}
		for _, d := range depts {
			r.departments = append(r.departments, d.Path)
		}
	}
	return r, nil
}

// counts counts the missed calls f selects that are not returned, and
// all those it selects: one count when it selects only unreturned ones.
func (s *missedScreen) counts(ctx context.Context, f storage.MissedFilter) (unreturned, total int, err error) {
	onlyUnreturned := f.Unreturned
	f.Unreturned = true
	if unreturned, err = s.e.Tenant.CountMissed(ctx, f); err != nil || onlyUnreturned {
		return unreturned, unreturned, err
	}
	f.Unreturned = false
	total, err = s.e.Tenant.CountMissed(ctx, f)
	return unreturned, total, err
}

// show puts a refresh's result on screen.
func (s *missedScreen) show(r missedResult, err error) {
	problem, capped := s.problem.Visible(), s.capped.Visible()
	s.update(r, err)
	if s.problem.Visible() != problem || s.capped.Visible() != capped {
		s.content.Refresh() // the filters' height changed
	}
}

// update fills the widgets, keeping the chosen call chosen.
func (s *missedScreen) update(r missedResult, err error) {
	if err != nil {
		slog.Error("The missed calls could not be loaded", "error", err)
		ui.SetText(s.problem, ui.Explain(err, ""))
		s.problem.Show()
		return
	}
	s.problem.Hide()
	if r.departments != nil {
		s.departments = r.departments
		s.department.SetOptions(append([]string{i18n.T("common.all")}, r.departments...))
	}
	s.rows = r.rows
	ui.SetText(s.count, i18n.T("count.missed_unreturned", "Count", r.unreturned))
	s.capped.Hide()
	if len(r.rows) >= missedMax && r.total > len(r.rows) {
		ui.SetParagraph(s.capped, i18n.T("missed.capped", "Value", len(r.rows), "Count", r.total))
		s.capped.Show()
	}
	s.table.Table.Refresh()
	s.reselect()
}

// reselect finds the chosen call among the new rows, or clears the detail.
func (s *missedScreen) reselect() {
	for i, m := range s.rows {
		if m.ID == s.selected {
			s.table.Table.Select(widget.TableCellID{Row: i, Col: 0})
			s.detail.set(&s.rows[i])
			return
		}
	}
	s.selected = 0
	s.table.Table.UnselectAll()
	s.detail.set(nil)
}

// choose shows row's call in the detail.
func (s *missedScreen) choose(row int) {
	if row < 0 || row >= len(s.rows) {
		return
	}
	s.selected = s.rows[row].ID
	s.detail.set(&s.rows[row])
}

func (s *missedScreen) cell(row, col int) string {
	if row >= len(s.rows) {
		return ""
	}
	m := &s.rows[row]
	switch col {
	case missedColStart:
		return i18n.DateTime(m.Start)
	case missedColCaller:
		return callerText(m)
	case missedColRang:
		return rangText(m)
	case missedColRing:
		return i18n.Duration(m.Ring)
	}
	return returnText(m.Return)
}

// callerText is the caller's number and name, or that it was withheld.
func callerText(m *storage.Missed) string {
	if !strings.ContainsAny(m.External, "0123456789") {
		return i18n.T("missed.withheld")
	}
	return dashParty(m.External, m.ExternalName)
}

// rangText is the extension or group that rang, and its department.
func rangText(m *storage.Missed) string {
	text := dashParty(m.Extension, m.ExtensionName)
	if m.Department != "" {
		text += " · " + m.Department
	}
	return text
}

// returnText says whether, when and by whom a missed call was returned.
func returnText(r *storage.Return) string {
	switch {
	case r == nil:
		return i18n.T("missed.not_returned")
	case r.Direction == drivers.Inbound:
		return i18n.T("missed.called_again", "Time", i18n.DateTime(r.Start), "Value", dashParty(r.Extension, r.ExtensionName))
	case !r.Answered:
		return i18n.T("missed.called_back_no_answer", "Time", i18n.DateTime(r.Start), "Value", dashParty(r.Extension, r.ExtensionName))
	}
	return i18n.T("missed.called_back_by", "Time", i18n.DateTime(r.Start), "Value", dashParty(r.Extension, r.ExtensionName))
}
