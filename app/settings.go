package app

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/currency"

	"calltally.app/app/ui"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// PrefDataDir is the Fyne preference that remembers the data folder the
// user chose in Settings; the app opens it at the next start.
const PrefDataDir = "data_dir"

// retentionChoices are the raw-record retentions offered, in days; 0
// keeps them forever.
var retentionChoices = []int{30, 90, 180, 365, 730, 1825, 0}

var themeModes = []string{ui.ThemeSystem, ui.ThemeLight, ui.ThemeDark}

// siteSettings are the stored settings the screen shows.
type siteSettings struct {
	zone, currency string
	retention      int
}

// settingsScreen edits the installation's settings: language and theme
// (at once), the data folder, the site's time zone and currency, raw
// record retention, and makes and restores backups.
type settingsScreen struct {
	e       *ui.Env
	content fyne.CanvasObject

	language, theme, retention *ui.Select
	retentionDays              []int // by option index
	zone, currency             *widget.Entry
	problem, saved             *widget.Label
	loaded                     bool // the entries are filled once, not on every database change
}

func newSettings(e *ui.Env) ui.Screen {
	s := &settingsScreen{e: e, zone: widget.NewEntry(), currency: widget.NewEntry(), problem: ui.NewProblem(), saved: ui.NewLabel("")}
	s.zone.SetPlaceHolder(i18n.T("settings.zone_machine"))
	s.currency.SetPlaceHolder(storage.DefaultCurrency)
	s.language = s.languageSelect()
	s.theme = s.themeSelect()
	s.retention = ui.NewSelect(nil, func(i int) {
		s.store(storage.RawRetentionDays, strconv.Itoa(s.retentionDays[i]))
	})
	save := ui.NewButton(i18n.T("button.save"), s.saveSite)
	browse := ui.NewButton(i18n.T("button.browse"), s.chooseDataDir)
	dir := ui.NewLabel(e.Dir)
	dir.Wrapping = fyne.TextWrapBreak
	form := ui.Form(
		ui.Field{Label: i18n.T("settings.language"), Input: s.language},
		ui.Field{Label: i18n.T("settings.theme"), Input: s.theme},
		ui.Field{Label: i18n.T("settings.data_folder"), Input: ui.Border(nil, nil, nil, browse, dir)},
		ui.Field{Label: i18n.T("settings.time_zone"), Input: s.zone},
		ui.Field{Label: i18n.T("settings.currency"), Input: s.currency},
		ui.Field{Label: "", Input: ui.HBox(save, s.saved)},
		ui.Field{Label: i18n.T("settings.retention"), Input: s.retention},
	)
	body := ui.VBox(ui.NewBold(i18n.T("nav.settings")), form, s.problem, widget.NewSeparator(), s.backupSection())
	s.content = container.NewVScroll(body)
	return s
}

func (s *settingsScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the stored settings the first time the screen is shown.
func (s *settingsScreen) Refresh() {
	if s.loaded {
		return
	}
	s.loaded = true
	ui.Run(s.e, func(ctx context.Context) (siteSettings, error) {
		return loadSiteSettings(ctx, s.e.Store)
	}, func(v siteSettings, err error) {
		if err != nil {
			ui.ShowError(s.e, err, "")
			return
		}
		s.zone.SetText(v.zone)
		s.currency.SetText(v.currency)
		s.fillRetention(v.retention)
	})
}

func loadSiteSettings(ctx context.Context, st *storage.Store) (siteSettings, error) {
	var v siteSettings
	var err error
	if v.zone, err = st.Setting(ctx, storage.SiteTimeZone, ""); err != nil {
		return v, err
	}
	if v.currency, err = st.Setting(ctx, storage.SiteCurrency, storage.DefaultCurrency); err != nil {
		return v, err
	}
	v.retention, err = st.RetentionDays(ctx)
	return v, err
}

func (s *settingsScreen) languageSelect() *ui.Select {
	langs := i18n.Languages()
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = l.Name
	}
	sel := ui.NewSelect(names, func(i int) { s.setLanguage(langs[i].Tag) })
	sel.SetIndex(slices.IndexFunc(langs, func(l i18n.Language) bool { return l == i18n.Current() }))
	return sel
}

// setLanguage stores the choice and switches at once: the shell rebuilds
// every screen, this one included, in the new language.
func (s *settingsScreen) setLanguage(tag string) {
	if tag == i18n.Current().Tag {
		return
	}
	s.store(ui.SettingLanguage, tag)
	if err := i18n.Set(tag); err != nil {
		ui.ShowError(s.e, err, "")
	}
}

func (s *settingsScreen) themeSelect() *ui.Select {
	names := []string{i18n.T("settings.theme_system"), i18n.T("settings.theme_light"), i18n.T("settings.theme_dark")}
	sel := ui.NewSelect(names, func(i int) {
		ui.ApplyTheme(themeModes[i])
		s.store(ui.SettingTheme, themeModes[i])
	})
	sel.SetIndex(max(slices.Index(themeModes, ui.CurrentTheme().Mode), 0))
	return sel
}

// fillRetention offers the usual retentions and the stored one.
func (s *settingsScreen) fillRetention(days int) {
	s.retentionDays = slices.Clone(retentionChoices)
	if !slices.Contains(s.retentionDays, days) {
		s.retentionDays = append([]int{days}, s.retentionDays...)
	}
	labels := make([]string, len(s.retentionDays))
	for i, d := range s.retentionDays {
		labels[i] = i18n.T("settings.retention_days", "Count", d)
		if d == 0 {
			labels[i] = i18n.T("settings.retention_forever")
		}
	}
	s.retention.SetOptions(labels)
	s.retention.SetIndex(slices.Index(s.retentionDays, days))
}

// saveSite checks and stores the time zone and the currency.
func (s *settingsScreen) saveSite() {
	zone := strings.TrimSpace(s.zone.Text)
	code := strings.ToUpper(strings.TrimSpace(s.currency.Text))
	s.saved.SetText("")
	if _, err := time.LoadLocation(zone); err != nil || zone == "Local" {
		ui.SetText(s.problem, i18n.T("settings.bad_time_zone", "Value", zone))
		return
	}
	if code == "" {
		code = storage.DefaultCurrency
	}
	if _, err := currency.ParseISO(code); err != nil || len(code) != 3 {
		ui.SetText(s.problem, i18n.T("settings.bad_currency", "Value", code, "Field", storage.DefaultCurrency))
		return
	}
	s.problem.SetText("")
	s.currency.SetText(code)
	ui.Run(s.e, func(ctx context.Context) (struct{}, error) {
		if err := s.e.Store.SetSetting(ctx, storage.SiteTimeZone, zone); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, s.e.Store.SetSetting(ctx, storage.SiteCurrency, code)
	}, func(_ struct{}, err error) {
		if err != nil {
			ui.ShowError(s.e, err, "")
			return
		}
		ui.SetText(s.saved, i18n.T("settings.saved"))
		s.e.SetZone(siteZone(zone))
	})
}

// store saves one setting in the background.
func (s *settingsScreen) store(key, value string) {
	ui.Run(s.e, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, s.e.Store.SetSetting(ctx, key, value)
	}, func(_ struct{}, err error) {
		if err != nil {
			ui.ShowError(s.e, err, "")
		}
	})
}

// chooseDataDir lets the user pick another data folder.
func (s *settingsScreen) chooseDataDir() {
	dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			s.changeDataDir(u.Path())
		}
	}, s.e.Window).Show()
}

// changeDataDir opens the data in dir (created if new) and remembers it
// for the next start.
func (s *settingsScreen) changeDataDir(dir string) {
	if s.e.Reopen == nil || dir == s.e.Dir {
		return
	}
	if err := s.e.Reopen(dir); err != nil {
		ui.Message(s.e, i18n.T("error.database_open", "Path", dir))
		return
	}
	fyne.CurrentApp().Preferences().SetString(PrefDataDir, dir)
}
