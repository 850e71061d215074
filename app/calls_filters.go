package app

import (
	"cmp"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/export"
	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// directions are the direction filter's choices after "All".
var directions = []drivers.Direction{drivers.Inbound, drivers.Outbound, drivers.Internal, drivers.Tandem}

// answers are the answered/missed filter's choices after "All".
var answers = []struct {
	id     string
	answer storage.Answer
}{
	{"outcome.answered", storage.AnsweredByPerson},
	{"outcome.voicemail", storage.AnsweredByMachine},
	{"outcome.unanswered", storage.NotAnswered},
	{"calls.missed", storage.NotByPerson},
}

// callFilters is the filter bar above the grid. It reads its widgets into
// a storage.CallFilter and calls changed whenever that changes.
type callFilters struct {
	e       *ui.Env
	changed func(storage.CallFilter)
	quiet   bool // set while Clear resets the widgets

	period                                 *ui.PeriodPicker
	search, extension, number, minDuration *widget.Entry
	costMin, costMax                       *widget.Entry
	department, direction, answered, site  *ui.Select
	departments, sites                     []string // the choices after "All"
	choicesLoaded                          bool
	problem                                *widget.Label
	clear, exportCSV, exportXLSX           *widget.Button
	exports                                fyne.CanvasObject
	content                                fyne.CanvasObject
	onExport                               func(export.Format)
}

func newCallFilters(e *ui.Env, changed func(storage.CallFilter)) *callFilters {
	f := &callFilters{e: e, changed: changed}
	f.period = ui.NewPeriodPicker(callsDefaultPeriod, e.Now, func(time.Time, time.Time) { f.apply() })
	f.search = f.entry(i18n.T("filter.search_hint"))
	f.extension, f.number = f.entry(""), f.entry("")
	f.minDuration, f.costMin, f.costMax = f.entry("0:00"), f.entry("0.00"), f.entry("0.00")
	f.department, f.site = f.choice(nil), f.choice(nil)
	f.direction = f.choice(directionNames())
	f.answered = f.choice(answerNames())
	f.problem = ui.NewProblem()
	f.clear = ui.NewButtonWithIcon(i18n.T("button.clear_filters"), theme.ContentClearIcon(), f.Clear)
	f.exportCSV = ui.NewButtonWithIcon(i18n.T("button.export_csv"), theme.DocumentSaveIcon(), func() { f.export(export.FormatCSV) })
	f.exportXLSX = ui.NewButtonWithIcon(i18n.T("button.export_excel"), theme.DocumentSaveIcon(), func() { f.export(export.FormatXLSX) })
	f.content = f.layout()
	// The export buttons sit under the grid beside the totals of what they
	// export; in the filter row they made German need more than 1280 px.
	f.exports = ui.HBox(f.exportCSV, f.exportXLSX)
	return f
}

func (f *callFilters) layout() fyne.CanvasObject {
	labelled := func(id string, o fyne.CanvasObject) fyne.CanvasObject { return ui.VBox(ui.NewBold(i18n.T(id)), o) }
	top := ui.Border(nil, nil, f.period.Content, f.clear, f.search)
	costs := ui.Grid(2, f.costMin, f.costMax)
	grid := ui.Grid(4,
		labelled("col.extension", f.extension), labelled("col.department", f.department),
		labelled("col.direction", f.direction), labelled("filter.answered_or_missed", f.answered),
		labelled("filter.number_contains", f.number), labelled("filter.min_duration", f.minDuration),
		labelled("filter.site", f.site), labelled("filter.cost_range", costs))
	return ui.VBox(top, grid, f.problem, widget.NewSeparator())
}

func (f *callFilters) entry(hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.OnChanged = func(string) { f.apply() }
	return e
}

// choice is a Select of "All" and then options, "All" chosen.
func (f *callFilters) choice(options []string) *ui.Select {
	s := ui.NewSelect(append([]string{i18n.T("common.all")}, options...), func(int) { f.apply() })
	s.SetIndex(0)
	return s
}

func directionNames() []string {
	names := make([]string, len(directions))
	for i, d := range directions {
		names[i] = export.DirectionText(d)
	}
	return names
}

func answerNames() []string {
	names := make([]string, len(answers))
	for i, a := range answers {
		names[i] = i18n.T(a.id)
	}
	return names
}

// loadChoices fills the department and site choices, once.
func (f *callFilters) loadChoices() {
	if f.choicesLoaded {
		return
	}
	f.choicesLoaded = true
	ui.Run(f.e, f.readChoices, func(c [2][]string, err error) {
		if err != nil {
			ui.ShowError(f.e, err, "")
			return
		}
		f.departments, f.sites = c[0], c[1]
		f.department.SetOptions(append([]string{i18n.T("common.all")}, f.departments...))
		f.site.SetOptions(append([]string{i18n.T("common.all")}, f.sites...))
	})
}

// readChoices reads the departments and the configured PBX systems.
func (f *callFilters) readChoices(ctx context.Context) ([2][]string, error) {
	var c [2][]string
	depts, err := f.e.Tenant.Departments(ctx)
	if err != nil {
		return c, err
	}
	for _, d := range depts {
		c[0] = append(c[0], d.Path)
	}
	systems, err := f.e.Store.PBXSystems(ctx, f.e.Slug)
	if err != nil && !errors.Is(err, storage.ErrSecretUnreadable) {
		return c, err
	}
	for _, p := range systems {
		c[1] = append(c[1], p.Name)
	}
	return c, nil
}

// apply reads the filters and hands them on, or shows what is wrong.
func (f *callFilters) apply() {
	if f.quiet {
		return
	}
	cf, err := f.filter()
	if err != nil {
		ui.SetText(f.problem, err.Error())
		return
	}
	ui.SetText(f.problem, "")
	if f.changed != nil {
		f.changed(cf)
	}
}

// Clear resets every filter but the date range, then applies them once.
func (f *callFilters) Clear() {
	f.quiet = true
	for _, e := range []*widget.Entry{f.search, f.extension, f.number, f.minDuration, f.costMin, f.costMax} {
		e.SetText("")
	}
	for _, s := range []*ui.Select{f.department, f.direction, f.answered, f.site} {
		s.SetSelectedIndex(0)
	}
	f.period.SetPreset(callsDefaultPeriod)
	f.quiet = false
	f.apply()
}

func (f *callFilters) export(format export.Format) {
	if f.onExport != nil {
		f.onExport(format)
	}
}

// callsDefaultPeriod is the grid's period when it opens and once the
// filters are cleared.
const callsDefaultPeriod = "period.last_7_days"

// filter reads the widgets into a CallFilter.
func (f *callFilters) filter() (storage.CallFilter, error) {
	var cf storage.CallFilter
	cf.From, cf.To = f.period.Range()
	cf.Search = strings.TrimSpace(f.search.Text)
	cf.Extension = strings.TrimSpace(f.extension.Text)
	cf.NumberContains = strings.TrimSpace(f.number.Text)
	if i := f.department.SelectedIndex(); i > 0 {
		cf.Department = f.departments[i-1]
	}
	if i := f.site.SelectedIndex(); i > 0 {
		cf.PBX = f.sites[i-1]
	}
	if i := f.direction.SelectedIndex(); i > 0 {
		cf.Direction = directions[i-1]
	}
	if i := f.answered.SelectedIndex(); i > 0 {
		cf.Answered = answers[i-1].answer
	}
	var err error
	if cf.MinDuration, err = parseMinutes(f.minDuration.Text); err != nil {
		return cf, errors.New(i18n.T("calls.bad_duration", "Field", i18n.T("filter.min_duration")))
	}
	if cf.MinCost, cf.MaxCost, err = parseCostRange(f.costMin.Text, f.costMax.Text); err != nil {
		return cf, errors.New(i18n.T("error.not_a_number", "Field", i18n.T("filter.cost_range")))
	}
	return cf, nil
}

// parseMinutes reads a duration as m:ss or h:mm:ss, or whole minutes,
// into seconds; empty is 0.
func parseMinutes(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, errors.New("too many parts")
	}
	total := 0
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i > 0 && (n > 59 || len(p) != 2) {
			return 0, errors.New("not a duration")
		}
		total = total*60 + n
	}
	if len(parts) == 1 {
		total *= 60 // whole minutes
	}
	return total, nil
}

// parseCostRange reads the cost bounds, in the currency's major unit,
// into micro-units; an empty bound is none.
func parseCostRange(low, high string) (minCost, maxCost *int64, err error) {
	if minCost, err = parseAmount(low); err != nil {
		return nil, nil, err
	}
	maxCost, err = parseAmount(high)
	return minCost, maxCost, err
}

// parseAmount reads "12", "0.5" or "0,50" (up to six decimals) into
// micro-units, exactly; empty is nil.
func parseAmount(s string) (*int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	whole, frac, _ := strings.Cut(strings.ReplaceAll(s, ",", "."), ".")
	if len(frac) > 6 || whole == "" && frac == "" {
		return nil, errors.New("not an amount")
	}
	frac += strings.Repeat("0", 6-len(frac))
	w, err := strconv.ParseUint(cmp.Or(whole, "0"), 10, 40)
	if err != nil {
		return nil, err
	}
	fr, err := strconv.ParseUint(frac, 10, 32)
	if err != nil {
		return nil, err
	}
	n := int64(w)*1_000_000 + int64(fr)
	return &n, nil
}
