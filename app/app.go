package app

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// ID is the application's unique ID: Fyne keeps preferences and storage
// under it, so it must never change.
const ID = "org.calltally.CallTally"

// Options say what the app opens.
type Options struct {
	// Dir is the data directory; when empty, the one last chosen in
	// Settings, else the system's default (storage.DataDir).
	Dir  string
	Slug string // the tenant shown; storage.DefaultTenant when empty
	// OpenDemo fills a demo data directory (and may start a live demo
	// feed) and returns it, for the first-run screen's "Open demo data".
	// Nil hides that choice.
	OpenDemo func(ctx context.Context) (dir string, err error)
	// Start is the page shown first; the dashboard (or the first-run
	// screen on an empty installation) when empty.
	Start string
	// Shots, when set, saves a picture of every page and quits.
	Shots *Shots
}

// Run opens the CallTally window and returns when the user closes it. It
// must be called from the main goroutine.
func Run(o Options) error {
	if o.Slug == "" {
		o.Slug = storage.DefaultTenant
	}
	a := fyneapp.NewWithID(ID)
	if o.Dir == "" {
		dir, err := storage.DataDir(a.Preferences().String(PrefDataDir))
		if err != nil {
			return err
		}
		o.Dir = dir
	}
	w := a.NewWindow(i18n.T("app.name"))
	sh := newShell(w, o, fyne.Do)
	defer sh.close()
	if err := sh.open(o.Dir); err != nil {
		return err
	}
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	opened := time.Now()
	a.Lifecycle().SetOnStarted(func() {
		sh.show(sh.first())
		slog.Info("First screen shown", "after", time.Since(opened).Round(time.Millisecond))
		if o.Shots != nil {
			go sh.takeShots(*o.Shots, a.Quit)
		}
	})
	w.ShowAndRun()
	return nil
}

// siteZone is the location of a SiteTimeZone setting: the machine's zone
// when empty or unknown.
func siteZone(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc
	}
	return time.Local
}

// applySettings sets the language, theme and site time zone saved in the
// settings; the language follows the system's until the user picks one.
func applySettings(ctx context.Context, e *ui.Env) {
	st := e.Store
	if zone, err := st.Setting(ctx, storage.SiteTimeZone, ""); err == nil {
		e.SetZone(siteZone(zone))
	}
	lang, err := st.Setting(ctx, ui.SettingLanguage, os.Getenv("LANG"))
	if err != nil {
		slog.Warn("Could not read the language setting", "error", err)
	}
	if _, ok := i18n.Match(lang); !ok {
		lang = "en"
	}
	if err := i18n.Set(lang); err != nil {
		slog.Warn("Could not set the language", "error", err)
	}
	mode, err := st.Setting(ctx, ui.SettingTheme, ui.ThemeSystem)
	if err != nil {
		slog.Warn("Could not read the theme setting", "error", err)
	}
	ui.ApplyTheme(mode)
}

// openTenant opens a data directory and a tenant in it.
func openTenant(ctx context.Context, dir, slug string) (*storage.Store, *storage.Tenant, error) {
	st, err := storage.Open(ctx, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("open data folder %s: %w", dir, err)
	}
	t, err := st.Tenant(ctx, slug)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, t, nil
}

// watchInterval is how often the shell checks the databases for commits:
// well inside the two seconds in which new calls must show.
const watchInterval = 500 * time.Millisecond
