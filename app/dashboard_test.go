package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"calltally.app/app/demo"
	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// openDashboard builds the dashboard over e, shows it and waits for its
// first refresh.
func openDashboard(t *testing.T, e *ui.Env) *dashboardScreen {
	t.Helper()
	s := newDashboard(e).(*dashboardScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	return s
}

// pickPeriod chooses a preset (a period.* ID) in a period picker, as the
// user would.
func pickPeriod(t testing.TB, p *ui.PeriodPicker, preset string) {
	t.Helper()
	p.SetPreset(preset)
}

// typeRange sets a custom range on a period picker: days from to the last
// day, both included.
func typeRange(t *testing.T, p *ui.PeriodPicker, from, last time.Time) {
	t.Helper()
	p.SetRange(from, last.AddDate(0, 0, 1))
}

// addCall stores an unanswered inbound call from number a minute after
// the newest call, as the collector would, and returns it.
func addCall(t *testing.T, e *ui.Env, number string) drivers.Call {
	t.Helper()
	newest, err := e.Tenant.Calls(e.Ctx, storage.CallFilter{Limit: 1})
	if err != nil || len(newest) == 0 {
		t.Fatalf("newest call: %v (%d)", err, len(newest))
	}
	pbx, err := e.Tenant.PBX(e.Ctx, demo.PBX, demo.Driver)
	if err != nil {
		t.Fatal(err)
	}
	c := drivers.Call{Start: newest[0].Start.Add(time.Minute), Ring: 25, Direction: drivers.Inbound,
		Extension: "201", External: number, Driver: demo.Driver}
	b, err := e.Tenant.Begin(e.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	if _, _, err := b.AddCall(e.Ctx, pbx, &c, drivers.FinalAnswerer); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return c
}

// wantCards checks the cards against figures storage works out on its
// own: counts with CountCalls, the rest from Summary.
func wantCards(t *testing.T, e *ui.Env, s *dashboardScreen) storage.Summary {
	t.Helper()
	from, to := s.period.Range()
	f := storage.CallFilter{From: from, To: to}
	sum, err := e.Tenant.Summary(e.Ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	for card, dir := range map[int]drivers.Direction{dashCardCalls: "", dashCardInbound: drivers.Inbound, dashCardOutbound: drivers.Outbound} {
		f.Direction = dir
		n, err := e.Tenant.CountCalls(e.Ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := s.cards[card].Value(), ui.Text(i18n.Number(int64(n))); got != want {
			t.Errorf("%s–%s: card %q shows %q, want %q", from, to, s.cards[card].Title(), got, want)
		}
	}
	want, _ := dashCardTexts(sum)
	for i, c := range s.cards {
		if c.Value() != ui.Text(want[i]) {
			t.Errorf("%s–%s: card %q shows %q, want %q", from, to, c.Title(), c.Value(), want[i])
		}
	}
	return sum
}

func TestDashboardCardsFollowThePeriod(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openDashboard(t, e)
	if from, to := s.period.Range(); to.Sub(from) != 24*time.Hour {
		t.Errorf("the dashboard opens on %s–%s, want today", from, to)
	}
	wantCards(t, e, s)
	calls := map[string]string{}
	for _, preset := range []string{"period.last_7_days", "period.last_month", "period.this_week"} {
		pickPeriod(t, s.period, preset)
		uitest.Settle(t, e)
		sum := wantCards(t, e, s)
		if sum.Calls == 0 && preset != "period.this_week" {
			t.Errorf("%s: the demo has no calls: the test proves nothing", preset)
		}
		calls[preset] = s.cards[dashCardCalls].Value()
	}
	if calls["period.last_7_days"] == calls["period.last_month"] {
		t.Errorf("the last 7 days and last month both show %s calls: the period did not reach the query", calls["period.last_month"])
	}
}

func TestDashboardCharts(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openDashboard(t, e)
	pickPeriod(t, s.period, "period.last_7_days")
	uitest.Settle(t, e)
	want := dashChartOptions(s.charts[0].Size(), e.Window.Canvas().Scale())
	if want.Width < int(dashChartMin.Width) || want.Height < int(dashChartMin.Height) {
		t.Errorf("charts drawn at %d×%d, below their least size %v", want.Width, want.Height, dashChartMin)
	}
	before := [dashChartCount]any{}
	for i, img := range s.charts {
		if img.Image == nil {
			t.Fatalf("chart %s has no image", dashChartTitles[i])
		}
		if b := img.Image.Bounds(); b.Dx() != want.Width || b.Dy() != want.Height {
			t.Errorf("chart %s is %v, want %d×%d", dashChartTitles[i], b.Size(), want.Width, want.Height)
		}
		if img.FillMode != canvas.ImageFillContain {
			t.Errorf("chart %s fills %v", dashChartTitles[i], img.FillMode)
		}
		before[i] = img.Image
	}
	s.Refresh() // nothing changed: nothing is drawn again
	uitest.Settle(t, e)
	for i, img := range s.charts {
		if any(img.Image) != before[i] {
			t.Errorf("chart %s was drawn again though nothing changed", dashChartTitles[i])
		}
	}
}

func TestDashboardChartsFitTheirSlots(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := newDashboard(e).(*dashboardScreen)
	s.Refresh() // as the shell does: before the window laid the screen out
	e.Window.SetContent(s.Content())
	uitest.Settle(t, e)
	want := dashChartOptions(s.charts[0].Size(), e.Window.Canvas().Scale())
	if want.Width == int(dashChartMin.Width) {
		t.Fatalf("the chart slot is %v, its least size: the test proves nothing", s.charts[0].Size())
	}
	if b := s.charts[0].Image.Bounds(); b.Dx() != want.Width || b.Dy() != want.Height {
		t.Errorf("the charts stay drawn at %v, their slots want %d×%d", b.Size(), want.Width, want.Height)
	}
}

func TestDashboardShowsNewCallsLive(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openDashboard(t, e)
	newest, err := e.Tenant.Calls(e.Ctx, storage.CallFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.recent.cells[0][3].Text, ui.Text(dashParty(newest[0].External, newest[0].ExternalName)); got != want {
		t.Errorf("the first recent call is %q, want the newest call's %q", got, want)
	}
	c := addCall(t, e, "+49 30 5550199")
	day := time.Date(c.Start.Year(), c.Start.Month(), c.Start.Day(), 0, 0, 0, 0, time.UTC)
	typeRange(t, s.period, day, day)
	uitest.Settle(t, e)
	before := wantCards(t, e, s)
	c2 := addCall(t, e, "+49 30 5550198")
	s.Refresh() // as the shell does on the commit
	uitest.Settle(t, e)
	after := wantCards(t, e, s)
	if after.Calls != before.Calls+1 || after.Unreturned != before.Unreturned+1 {
		t.Errorf("after a new missed call: %d calls, %d unreturned; want %d, %d", after.Calls, after.Unreturned, before.Calls+1, before.Unreturned+1)
	}
	if got := s.recent.cells[0][3].Text; got != ui.Text(c2.External) {
		t.Errorf("the first recent call is %q, want the new call %q", got, c2.External)
	}
}

func TestDashboardRefreshesCoalesce(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openDashboard(t, e)
	for range 5 {
		s.Refresh()
	}
	if got := e.Busy(); got != 1 {
		t.Errorf("5 refreshes in a row run %d queries at once, want 1", got)
	}
	uitest.Settle(t, e)
	if s.loads != (ui.Coalescer{}) {
		t.Error("a refresh is still pending after all ran")
	}
}

func TestDashboardStatusLine(t *testing.T) {
	now := time.Now()
	for _, tc := range []struct {
		name    string
		status  dashPBXStatus
		want    string
		problem bool
	}{
		{"none yet", dashPBXStatus{name: "HQ"}, i18n.T("dashboard.status_unknown", "Value", "HQ"), true},
		{"connected", dashPBXStatus{name: "HQ", known: true, status: storage.ServiceStatus{State: "connected",
			Updated: now, LastRecord: now.Add(-5 * time.Minute)}}, "HQ: connected, last record 5 minutes ago", false},
		{"stopped", dashPBXStatus{name: "HQ", known: true, status: storage.ServiceStatus{State: "connected",
			Updated: now.Add(-10 * time.Minute)}}, "HQ: not connected. The CallTally service last reported 10 minutes ago.", true},
		{"error", dashPBXStatus{name: "HQ", known: true, status: storage.ServiceStatus{State: "error",
			Updated: now, LastError: "connection refused"}}, "HQ: not connected: connection refused", true},
	} {
		text, problem := dashStatusLine(tc.status, now)
		if text != tc.want || problem != tc.problem {
			t.Errorf("%s: %q (problem %v), want %q (%v)", tc.name, text, problem, tc.want, tc.problem)
		}
	}
}

func TestDashboardCollectorStatus(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	id, err := e.Store.AddPBXSystem(e.Ctx, storage.PBXSystem{Tenant: e.Slug, Name: "HQ", Driver: demo.Driver,
		Transport: "tcp-listen", Address: ":1752", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	err = e.Store.SetStatus(e.Ctx, storage.ServiceStatus{PBXID: id, State: "connected",
		LastRecord: time.Now().Add(-3 * time.Minute), Updated: time.Now().Add(-5 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	s := openDashboard(t, e)
	if s.status.stopped.Hidden || s.status.stopped.Text != ui.Text(i18n.T("error.collector_stopped")) {
		t.Errorf("a heartbeat 5 minutes old: stopped message %q hidden=%v", s.status.stopped.Text, s.status.stopped.Hidden)
	}
	if err := e.Store.SetStatus(e.Ctx, storage.ServiceStatus{PBXID: id, State: "connected",
		LastRecord: time.Now().Add(-3 * time.Minute), Updated: time.Now()}); err != nil {
		t.Fatal(err)
	}
	s.Refresh()
	uitest.Settle(t, e)
	if !s.status.stopped.Hidden {
		t.Error("a fresh heartbeat still says the service stopped")
	}
	if got := s.status.lines[0].Text; got != "HQ: connected, last record 3 minutes ago" {
		t.Errorf("status line %q", got)
	}
}

func TestDashboardLanguages(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	for _, tc := range []struct {
		lang, calls string
		firstLeft   bool
	}{{"en", "Calls", true}, {"de", "Anrufe", true}, {"ar", "المكالمات", false}} {
		if err := i18n.Set(tc.lang); err != nil {
			t.Fatal(err)
		}
		s := openDashboard(t, e)
		e.Window.Resize(fyne.NewSize(1200+float32(len(tc.lang)), 800)) // lay out again
		if got := s.cards[dashCardCalls].Title(); got != tc.calls {
			t.Errorf("%s: calls card titled %q, want %q", tc.lang, got, tc.calls)
		}
		first, last := s.cards[0].Position().X, s.cards[dashCardColumns-1].Position().X
		if (first < last) != tc.firstLeft {
			t.Errorf("%s: first card at x=%v, last of its row at x=%v", tc.lang, first, last)
		}
	}
}

func TestChartWordsFollowTheLanguage(t *testing.T) {
	day := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ lang, dec, thousands, day string }{
		{"en", ".", ",", "03-14"},
		{"de", ",", ".", "14.03"},
		{"fr", ",", "\u00a0", "14/03"},
	} {
		if err := i18n.Set(tc.lang); err != nil {
			t.Fatal(err)
		}
		dec, thousands := chartSeparators()
		if dec != tc.dec || thousands != tc.thousands || chartDayMonth(day) != tc.day {
			t.Errorf("%s: decimal %q, thousands %q, day %q; want %q, %q, %q",
				tc.lang, dec, thousands, chartDayMonth(day), tc.dec, tc.thousands, tc.day)
		}
	}
	i18n.Set("en")
}
