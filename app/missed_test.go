package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

func openMissed(t *testing.T, e *ui.Env) *missedScreen {
	t.Helper()
	s := newMissed(e).(*missedScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	return s
}

// checkMissedRows checks that every row is an inbound call nobody
// answered in the screen's period, the ones not returned first, each
// group oldest first.
func checkMissedRows(t *testing.T, e *ui.Env, s *missedScreen) {
	t.Helper()
	from, to := s.period.Range()
	_, ids, err := e.Tenant.CallsWithIDs(e.Ctx, storage.CallFilter{From: from, To: to,
		Direction: drivers.Inbound, Answered: storage.NotAnswered})
	if err != nil {
		t.Fatal(err)
	}
	missed := map[int64]bool{}
	for _, id := range ids {
		missed[id] = true
	}
	for i, m := range s.rows {
		if !missed[m.ID] {
			t.Errorf("row %d (call %d) is not an unanswered inbound call of %s–%s", i, m.ID, from, to)
		}
		if i == 0 {
			continue
		}
		prev := s.rows[i-1]
		if prev.Return != nil && m.Return == nil {
			t.Errorf("row %d is not returned but follows a returned call", i)
		}
		if (prev.Return == nil) == (m.Return == nil) && m.Start.Before(prev.Start) {
			t.Errorf("row %d (%s) is older than row %d (%s)", i, m.Start, i-1, prev.Start)
		}
	}
	if s.table.Table.Length != nil {
		if rows, _ := s.table.Table.Length(); rows != len(s.rows) {
			t.Errorf("the table has %d rows, the list %d", rows, len(s.rows))
		}
	}
}

func countReturned(rows []storage.Missed) (returned int) {
	for _, m := range rows {
		if m.Return != nil {
			returned++
		}
	}
	return returned
}

func TestMissedListAndToggle(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openMissed(t, e)
	if from, to := s.period.Range(); to.Sub(from) != 7*24*time.Hour {
		t.Errorf("the list opens on %s–%s, want the last 7 days", from, to)
	}
	if !s.unreturned.Checked || len(s.rows) == 0 || countReturned(s.rows) != 0 {
		t.Fatalf("by default: %d rows, %d returned, only unreturned %v; want some, none returned",
			len(s.rows), countReturned(s.rows), s.unreturned.Checked)
	}
	checkMissedRows(t, e, s)
	unreturned := len(s.rows)
	if got, want := s.count.Text, ui.Text(i18n.T("count.missed_unreturned", "Count", unreturned)); got != want {
		t.Errorf("count %q, want %q", got, want)
	}
	test.Tap(s.unreturned)
	uitest.Settle(t, e)
	if len(s.rows) <= unreturned || countReturned(s.rows) != len(s.rows)-unreturned {
		t.Errorf("with returned calls: %d rows (%d returned), want more than %d", len(s.rows), countReturned(s.rows), unreturned)
	}
	checkMissedRows(t, e, s)
	if s.rows[0].Return != nil {
		t.Error("the first row is a returned call")
	}
	pickPeriod(t, s.period, "period.last_month")
	uitest.Settle(t, e)
	checkMissedRows(t, e, s)
}

func TestMissedFilterByExtension(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openMissed(t, e)
	if len(s.rows) == 0 {
		t.Fatal("no missed calls in the demo")
	}
	ext := s.rows[0].Extension
	all := len(s.rows)
	test.Type(s.extension, ext)
	uitest.Settle(t, e)
	if len(s.rows) == 0 || len(s.rows) == all {
		t.Errorf("extension %s: %d rows of %d", ext, len(s.rows), all)
	}
	for _, m := range s.rows {
		if m.Extension != ext {
			t.Errorf("extension filter %s shows a call that rang %s", ext, m.Extension)
		}
	}
}

func TestMissedDetailAndLiveRow(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openMissed(t, e)
	c := addCall(t, e, "+49 30 5550177")
	day := time.Date(c.Start.Year(), c.Start.Month(), c.Start.Day(), 0, 0, 0, 0, time.UTC)
	typeRange(t, s.period, day.AddDate(0, 0, -6), day)
	uitest.Settle(t, e)
	last := s.rows[len(s.rows)-1]
	if last.External != c.External || last.Return != nil {
		t.Fatalf("the newest unreturned call is %q (returned %v), want the new call %q", last.External, last.Return, c.External)
	}
	s.table.Table.Select(widget.TableCellID{Row: len(s.rows) - 1, Col: 0})
	if s.detail.form.Hidden || s.detail.values[missedFieldCaller].Text != ui.Text(c.External) {
		t.Errorf("the detail shows %q (hidden %v), want %q", s.detail.values[missedFieldCaller].Text, s.detail.form.Hidden, c.External)
	}
	addCall(t, e, "+49 30 5550166")
	s.Refresh()
	uitest.Settle(t, e)
	if got := s.rows[len(s.rows)-1].External; got != "+49 30 5550166" {
		t.Errorf("after a new missed call the last row is %q", got)
	}
	if s.detail.values[missedFieldCaller].Text != ui.Text(c.External) {
		t.Error("a refresh lost the chosen call")
	}
}

func TestMissedLanguages(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	for _, tc := range []struct {
		lang      string
		startLeft bool
	}{{"en", true}, {"de", true}, {"ar", false}} {
		if err := i18n.Set(tc.lang); err != nil {
			t.Fatal(err)
		}
		s := openMissed(t, e)
		e.Window.Resize(fyne.NewSize(1200+float32(len(tc.lang)), 800))
		start, ret := headerTitle(t, s, "col.start"), headerTitle(t, s, "missed.col_returned")
		if (start.Position().X < ret.Position().X) != tc.startLeft {
			t.Errorf("%s: start column at x=%v, returned column at x=%v", tc.lang, start.Position().X, ret.Position().X)
		}
		if tc.lang == "de" && s.unreturned.Text != "Nur nicht zurückgerufene" {
			t.Errorf("de: the toggle reads %q", s.unreturned.Text)
		}
	}
}

// headerTitle finds the table header's title of a column by message ID.
func headerTitle(t *testing.T, s *missedScreen, id string) *widget.Label {
	t.Helper()
	var found *widget.Label
	walk(s.table.Content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == ui.Text(i18n.T(id)) && l.TextStyle.Bold {
			found = l
		}
	})
	if found == nil {
		t.Fatalf("no column titled %q", i18n.T(id))
	}
	return found
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			walk(child, f)
		}
	}
}

// missedCounts asks storage how many missed calls the screen's filters
// select: not returned, and in all.
func missedCounts(t *testing.T, e *ui.Env, s *missedScreen) (unreturned, total int) {
	t.Helper()
	f := s.filter()
	vm, err := e.Store.VoicemailMissed(e.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.VoicemailMissed, f.Unreturned = vm, true
	if unreturned, err = e.Tenant.CountMissed(e.Ctx, f); err != nil {
		t.Fatal(err)
	}
	f.Unreturned = false
	if total, err = e.Tenant.CountMissed(e.Ctx, f); err != nil {
		t.Fatal(err)
	}
	return unreturned, total
}

func TestMissedCountIsTheTotal(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openMissed(t, e)
	test.Tap(s.unreturned) // returned calls too
	uitest.Settle(t, e)
	unreturned, total := missedCounts(t, e, s)
	if got, want := s.count.Text, ui.Text(i18n.T("count.missed_unreturned", "Count", unreturned)); got != want || len(s.rows) != total {
		t.Errorf("count %q, want %q; %d rows, storage %d", got, want, len(s.rows), total)
	}
	if s.capped.Visible() {
		t.Errorf("%d of %d rows shown, yet the screen says %q", len(s.rows), total, s.capped.Text)
	}

	defer func(n int) { missedMax = n }(missedMax)
	missedMax = 5
	for _, only := range []bool{true, false} {
		s.unreturned.SetChecked(only)
		uitest.Settle(t, e)
		unreturned, total = missedCounts(t, e, s)
		if unreturned <= missedMax {
			t.Fatalf("only %d unreturned calls: the demo cannot show the cap", unreturned)
		}
		if got, want := s.count.Text, ui.Text(i18n.T("count.missed_unreturned", "Count", unreturned)); got != want {
			t.Errorf("only unreturned %v, capped at %d rows: count %q, want %q", only, missedMax, got, want)
		}
		if only {
			total = unreturned // the list holds those only
		}
		want := i18n.T("missed.capped", "Value", missedMax, "Count", total) // a paragraph: logical order
		if len(s.rows) != missedMax || !s.capped.Visible() || s.capped.Text != want {
			t.Errorf("only unreturned %v: %d rows, cap note %q (shown %v), want %d rows and %q",
				only, len(s.rows), s.capped.Text, s.capped.Visible(), missedMax, want)
		}
	}
}
