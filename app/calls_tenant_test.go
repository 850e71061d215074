package app

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/export"
	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// The call grid over a copy of the demo office's calls.

func showDemoCalls(t *testing.T) (*callsScreen, *ui.Env) {
	t.Helper()
	e := uitest.New(t, uitest.Options{})
	s := newCalls(e).(*callsScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	return s, e
}

// column returns the data column titled id.
func dataColumn(id string) int {
	return slices.IndexFunc(callColumns, func(c column) bool { return c.title == id })
}

func TestCallsFiltersChangeRows(t *testing.T) {
	tests := []struct {
		name  string
		set   func(f *callFilters)
		check func(t *testing.T, row []string)
	}{
		{"direction inbound", func(f *callFilters) { f.direction.SetSelectedIndex(1) }, func(t *testing.T, row []string) {
			if row[dataColumn("col.direction")] != i18n.T("direction.inbound") {
				t.Errorf("row %q is not inbound", row)
			}
		}},
		{"not answered", func(f *callFilters) { f.answered.SetSelectedIndex(3) }, func(t *testing.T, row []string) {
			if row[dataColumn("leg.outcome")] != i18n.T("outcome.unanswered") {
				t.Errorf("row %q was answered", row)
			}
		}},
		{"number contains", func(f *callFilters) { test.Type(f.number, "30") }, func(t *testing.T, row []string) {
			if !strings.Contains(strings.ReplaceAll(row[dataColumn("col.external")], " ", ""), "30") {
				t.Errorf("row %q: number without 30", row)
			}
		}},
		{"extension", func(f *callFilters) { test.Type(f.extension, "201") }, func(t *testing.T, row []string) {
			if !strings.HasPrefix(row[dataColumn("col.extension")], "201") {
				t.Errorf("row %q: not extension 201", row)
			}
		}},
		{"min duration 5 minutes", func(f *callFilters) { test.Type(f.minDuration, "5:00") }, func(t *testing.T, row []string) {
			if d := row[dataColumn("col.duration")]; len(d) < 4 || d < "5:00" && len(d) == 4 {
				t.Errorf("row %q: shorter than 5:00", row)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := showDemoCalls(t)
			before := s.rows
			tt.set(s.filters)
			uitest.Settle(t, e)
			want, err := e.Tenant.CountCalls(context.Background(), s.filter)
			if err != nil || s.rows != want || want == 0 || want >= before {
				t.Fatalf("%d rows (of %d before); want %d (%v), fewer but some", s.rows, before, want, err)
			}
			rows, ok := rowsInView(s)
			if !ok {
				t.Fatal("rows still loading")
			}
			for _, row := range rows {
				tt.check(t, row)
			}
		})
	}
}

func TestCallsSearchAndClear(t *testing.T) {
	s, e := showDemoCalls(t)
	all := s.rows // the last 7 days
	s.filters.period.SetPreset("period.this_month")
	uitest.Settle(t, e)
	test.Type(s.filters.search, "201")
	uitest.Settle(t, e)
	if s.filter.Search != "201" || s.rows == 0 || s.rows >= all {
		t.Fatalf("search 201: %d rows of %d, filter %+v", s.rows, all, s.filter)
	}
	test.Tap(s.filters.clear)
	uitest.Settle(t, e)
	if s.rows != all || s.filter.Search != "" || s.filters.search.Text != "" {
		t.Errorf("after Clear filters: %d rows, search %q; want the last 7 days' %d", s.rows, s.filters.search.Text, all)
	}
}

func TestCallsBadFilterInput(t *testing.T) {
	s, e := showDemoCalls(t)
	all := s.rows
	test.Type(s.filters.minDuration, "abc")
	test.Type(s.filters.costMin, "x")
	uitest.Settle(t, e)
	if s.filters.problem.Text == "" {
		t.Error("no message for a minimum duration of abc")
	}
	if s.rows != all {
		t.Errorf("%d rows after bad input; want the %d before", s.rows, all)
	}
}

func TestCallsSort(t *testing.T) {
	s, e := showDemoCalls(t)
	durations := func() []int {
		var out []int
		rows, _ := rowsInView(s)
		for _, row := range rows {
			out = append(out, parseDuration(t, row[dataColumn("col.duration")]))
		}
		return out
	}
	button := s.sorts[slices.IndexFunc(s.columns, func(c column) bool { return c.order == storage.OrderDuration })]
	test.Tap(button)
	uitest.Settle(t, e)
	longest := durations()
	if !slices.IsSortedFunc(longest, func(a, b int) int { return b - a }) || longest[0] == 0 {
		t.Errorf("first click: durations %v; want longest first", longest)
	}
	if button.Icon == nil {
		t.Error("the sorted column shows no arrow")
	}
	test.Tap(button)
	uitest.Settle(t, e)
	shortest := durations()
	if !slices.IsSorted(shortest) || shortest[0] >= longest[0] {
		t.Errorf("second click: durations %v; want shortest first", shortest)
	}
}

func parseDuration(t *testing.T, s string) int {
	parts := strings.Split(s, ":")
	n := 0
	for _, p := range parts {
		var v int
		for _, r := range p {
			v = v*10 + int(r-'0')
		}
		n = n*60 + v
	}
	return n
}

func TestCallsTotalsMatchSummary(t *testing.T) {
	s, e := showDemoCalls(t)
	s.filters.direction.SetSelectedIndex(2) // outbound: priced calls
	uitest.Settle(t, e)
	sum, err := e.Tenant.Summary(context.Background(), s.filter)
	if err != nil {
		t.Fatal(err)
	}
	want := i18n.T("count.grid_totals", "Count", sum.Calls, "Duration", i18n.Duration(sum.Talk), "Cost", costsText(sum.Cost))
	if s.status.Text != want || len(sum.Cost) == 0 {
		t.Errorf("totals %q; want %q (with a cost)", s.status.Text, want)
	}
}

func TestCallsDetailShowsRawRecords(t *testing.T) {
	s, e := showDemoCalls(t)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	uitest.Settle(t, e)
	call, _ := s.cache.Row(0)
	recs, err := e.Tenant.Records(context.Background(), call.Records())
	if err != nil || len(recs) == 0 {
		t.Fatalf("records of the first call: %v, %v", recs, err)
	}
	texts := labelTexts(s.detail.content)
	for _, rec := range recs {
		if !slices.Contains(texts, rec.Text) {
			t.Errorf("detail pane lacks the raw record %q", rec.Text)
		}
	}
	if !slices.Contains(texts, call.Extension) || !slices.Contains(texts, i18n.T("col.legs")) {
		t.Errorf("detail pane lacks the extension %q or the legs: %q", call.Extension, texts)
	}
}

func labelTexts(o fyne.CanvasObject) []string {
	var texts []string
	for _, l := range visibleLabels(o) {
		texts = append(texts, l.Text)
	}
	return texts
}

func TestCallsExportCSV(t *testing.T) {
	s, e := showDemoCalls(t)
	s.filters.direction.SetSelectedIndex(1)
	uitest.Settle(t, e)
	path := filepath.Join(t.TempDir(), "calls.csv")
	s.exportTo(path, export.FormatCSV)
	uitest.Settle(t, e)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := e.Tenant.CountCalls(context.Background(), s.filter)
	if len(rows) != want+1 || rows[0][0] != i18n.T("col.start") {
		t.Errorf("%d rows, header %q; want %d calls and a header", len(rows), rows[0], want)
	}
	for _, row := range rows[1:] {
		if row[1] != i18n.T("direction.inbound") {
			t.Fatalf("exported %q with the inbound filter on", row)
		}
	}
}

func TestCallsArabicMirrors(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	i18n.Set("ar")
	s := newCalls(e).(*callsScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	n := len(callColumns)
	if s.sorts[0].Text != ui.Text(i18n.T("col.cost")) || s.sorts[n-1].Text != ui.Text(i18n.T("col.start")) {
		t.Errorf("Arabic header from the left: %q … %q; want cost … start", s.sorts[0].Text, s.sorts[n-1].Text)
	}
	start, cost := s.sorts[n-1], s.sorts[0]
	if start.Position().X <= cost.Position().X {
		t.Errorf("start at x %v, cost at x %v; want start at the right", start.Position().X, cost.Position().X)
	}
	rows, ok := rowsInView(s)
	if !ok || rows[0][n-1] == "" || !strings.ContainsAny(rows[0][n-1], "0123456789") {
		t.Errorf("first row %q: want the start at the right edge", rows)
	}
}

func TestCallsGermanRelabels(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	i18n.Set("de")
	s := newCalls(e).(*callsScreen)
	if s.sorts[0].Text != i18n.T("col.start") || s.sorts[0].Text == "Date and time" {
		t.Errorf("German first title %q", s.sorts[0].Text)
	}
	if s.filters.clear.Text == "Clear filters" {
		t.Error("Clear filters not translated")
	}
}
