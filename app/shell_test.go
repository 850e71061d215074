package app

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// probe is a screen that counts its refreshes.
type probe struct {
	label     *widget.Label
	refreshes *atomic.Int64
}

func (p probe) Content() fyne.CanvasObject { return p.label }
func (p probe) Refresh()                   { p.refreshes.Add(1) }

// openShell opens a shell over a copy of the demo data with a probe page,
// its UI queue drained by drain.
func openShell(t *testing.T) (sh *shell, refreshes *atomic.Int64, drain func(time.Duration)) {
	t.Helper()
	e := uitest.New(t, uitest.Options{})
	refreshes = new(atomic.Int64)
	saved := pages
	pages = append(pages[:len(pages):len(pages)], page{"probe", "nav.calls", "", func(*ui.Env) ui.Screen {
		return probe{widget.NewLabel("probe"), refreshes}
	}})
	q := make(chan func(), 1024)
	sh = newShell(e.Window, Options{Dir: e.Dir, Slug: storage.DefaultTenant}, func(fn func()) { q <- fn })
	t.Cleanup(func() { pages = saved; sh.close() })
	if err := e.Store.SetSetting(e.Ctx, ui.SettingLanguage, "en"); err != nil {
		t.Fatal(err)
	}
	if err := sh.open(e.Dir); err != nil {
		t.Fatal(err)
	}
	drain = func(d time.Duration) {
		deadline := time.After(d)
		for {
			select {
			case fn := <-q:
				fn()
			case <-deadline:
				return
			}
		}
	}
	return sh, refreshes, drain
}

func TestShellRefreshesOnCommit(t *testing.T) {
	sh, refreshes, drain := openShell(t)
	sh.show("probe")
	drain(1200 * time.Millisecond)
	before := refreshes.Load()
	_, err := sh.env.Tenant.AddPhonebookEntry(sh.env.Ctx, storage.PhonebookEntry{Number: "+4930123456", Name: "New caller"})
	if err != nil {
		t.Fatal(err)
	}
	drain(2 * time.Second) // the budget for new data to show
	if refreshes.Load() == before {
		t.Error("a commit to the tenant database did not refresh the screen within 2 s")
	}
}

func TestShellMirrorsAndRelabelsOnLanguageChange(t *testing.T) {
	sh, _, _ := openShell(t)
	sh.show("probe")
	sh.win.Resize(fyne.NewSize(1000, 700))
	frame := sh.win.Content().(*fyne.Container)
	navX := func() float32 { return sh.win.Content().(*fyne.Container).Objects[0].Position().X }
	if navX() != 0 {
		t.Fatalf("English: navigation at x=%v, want the left edge", navX())
	}
	i18n.Set("ar")
	defer i18n.Set("en")
	if sh.win.Content() == frame {
		t.Fatal("the frame was not rebuilt on a language change")
	}
	sh.win.Resize(fyne.NewSize(1001, 700))
	if navX() == 0 {
		t.Error("Arabic: navigation still at the left edge")
	}
	if sh.current != "probe" {
		t.Errorf("after the switch the app shows %q, want the page it showed", sh.current)
	}
}

func TestFirstRunPage(t *testing.T) {
	e := uitest.New(t, uitest.Options{Empty: true})
	sh := newShell(e.Window, Options{Dir: e.Dir, Slug: storage.DefaultTenant}, func(fn func()) { fn() })
	defer sh.close()
	if err := sh.open(e.Dir); err != nil {
		t.Fatal(err)
	}
	if got := sh.first(); got != "welcome" {
		t.Errorf("an empty installation starts on %q, want the first-run screen", got)
	}
	full := uitest.New(t, uitest.Options{})
	sh2 := newShell(full.Window, Options{Dir: full.Dir, Slug: storage.DefaultTenant}, func(fn func()) { fn() })
	defer sh2.close()
	if err := sh2.open(full.Dir); err != nil {
		t.Fatal(err)
	}
	if got := sh2.first(); got != "dashboard" {
		t.Errorf("an installation with calls starts on %q, want the dashboard", got)
	}
}

// statusProbe is a probe that also shows the collector status.
type statusProbe struct {
	probe
	statuses *atomic.Int64
}

func (p statusProbe) RefreshStatus() { p.statuses.Add(1) }

func TestShellRefreshesOnlyStatusOnHeartbeat(t *testing.T) {
	sh, refreshes, drain := openShell(t)
	statuses := new(atomic.Int64)
	pages = append(pages, page{"status", "nav.dashboard", "", func(*ui.Env) ui.Screen {
		return statusProbe{probe{widget.NewLabel("status"), refreshes}, statuses}
	}})
	sh.show("status")
	drain(1200 * time.Millisecond)
	before := statuses.Load()
	pbx, err := sh.env.Store.AddPBXSystem(sh.env.Ctx, storage.PBXSystem{Tenant: sh.env.Slug, Name: "Heartbeat",
		Driver: "avaya-ipo", Transport: "tcp-listen", Address: "127.0.0.1:0", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	drain(1200 * time.Millisecond)
	calls := refreshes.Load()
	if err := sh.env.Store.SetStatus(sh.env.Ctx, storage.ServiceStatus{PBXID: pbx, State: "connected", Updated: time.Now()}); err != nil {
		t.Fatal(err)
	}
	drain(2 * time.Second)
	if statuses.Load() == before {
		t.Error("a heartbeat did not refresh the status within 2 s")
	}
	if refreshes.Load() != calls {
		t.Error("a heartbeat alone ran the screen's call queries again")
	}
}

func TestShellUsesSiteTimeZone(t *testing.T) {
	e := uitest.New(t, uitest.Options{Empty: true})
	if err := e.Store.SetSetting(e.Ctx, storage.SiteTimeZone, "Pacific/Kiritimati"); err != nil {
		t.Fatal(err)
	}
	sh := newShell(e.Window, Options{Dir: e.Dir, Slug: storage.DefaultTenant}, func(fn func()) { fn() })
	defer sh.close()
	if err := sh.open(e.Dir); err != nil {
		t.Fatal(err)
	}
	if got := sh.env.Now().Location().String(); got != "Pacific/Kiritimati" {
		t.Errorf("the screens' today is in %s, want the site's zone", got)
	}
}
