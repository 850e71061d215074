package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/app/ui/uitest"
	"calltally.app/i18n"
	"calltally.app/storage"
)

func openSettings(t *testing.T, e *ui.Env) *settingsScreen {
	t.Helper()
	s := newSettings(e).(*settingsScreen)
	e.Window.SetContent(s.Content())
	s.Refresh()
	uitest.Settle(t, e)
	return s
}

func setting(t *testing.T, e *ui.Env, key string) string {
	t.Helper()
	v, err := e.Store.Setting(context.Background(), key, "(unset)")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSettingsLanguageSwitchesAtOnce(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openSettings(t, e)
	rebuilt := 0
	i18n.OnChange(func() { rebuilt++ }) // as the shell rebuilds its screens
	ar := slices.IndexFunc(i18n.Languages(), func(l i18n.Language) bool { return l.Tag == "ar" })
	s.language.SetSelectedIndex(ar)
	uitest.Settle(t, e)
	if rebuilt != 1 || i18n.Current().Tag != "ar" {
		t.Errorf("after choosing Arabic: %d rebuilds, language %s", rebuilt, i18n.Current().Tag)
	}
	if got := setting(t, e, ui.SettingLanguage); got != "ar" {
		t.Errorf("stored language %q", got)
	}
	s = openSettings(t, e)
	if s.language.Selected != "العربية" || s.saved.Alignment != fyne.TextAlignTrailing {
		t.Errorf("rebuilt in Arabic: language %q, labels aligned %v", s.language.Selected, s.saved.Alignment)
	}
	i18n.Set("de")
	if s = openSettings(t, e); s.theme.Options[0] == "Same as system" {
		t.Errorf("German theme choices: %v", s.theme.Options)
	}
}

func TestSettingsThemeAndRetention(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openSettings(t, e)
	s.theme.SetSelectedIndex(slices.Index(themeModes, ui.ThemeDark))
	uitest.Settle(t, e)
	if ui.CurrentTheme().Mode != ui.ThemeDark || setting(t, e, ui.SettingTheme) != ui.ThemeDark {
		t.Errorf("theme %s, stored %s", ui.CurrentTheme().Mode, setting(t, e, ui.SettingTheme))
	}
	for _, days := range []int{90, 0} {
		s.retention.SetSelectedIndex(slices.Index(s.retentionDays, days))
		uitest.Settle(t, e)
		if got, err := e.Store.RetentionDays(context.Background()); err != nil || got != days {
			t.Errorf("retention %d stored as %d, %v", days, got, err)
		}
	}
}

func TestSettingsSiteValidates(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	s := openSettings(t, e)
	if s.currency.Text != storage.DefaultCurrency {
		t.Errorf("currency shown %q, want the default", s.currency.Text)
	}
	tests := []struct{ zone, currency, problem string }{
		{"Mars/Base", "EUR", "Mars/Base is not a time zone"},
		{"Europe/Berlin", "EURO", "EURO is not a currency code"},
		{"Europe/Berlin", "XQQ", "XQQ is not a currency code"},
		{"Europe/Berlin", "usd", ""},
	}
	for _, tt := range tests {
		s.zone.SetText(tt.zone)
		s.currency.SetText(tt.currency)
		s.saveSite()
		uitest.Settle(t, e)
		if got := s.problem.Text; (tt.problem == "") != (got == "") || !strings.Contains(got, tt.problem) {
			t.Errorf("%s %s: problem %q, want %q", tt.zone, tt.currency, got, tt.problem)
		}
	}
	if setting(t, e, storage.SiteTimeZone) != "Europe/Berlin" || setting(t, e, storage.SiteCurrency) != "USD" {
		t.Errorf("stored %s %s", setting(t, e, storage.SiteTimeZone), setting(t, e, storage.SiteCurrency))
	}
}

// reopenInto makes e.Reopen open dir as the shell does: new store, new
// tenant.
func reopenInto(t *testing.T, e *ui.Env, reopened *int) {
	e.Reopen = func(dir string) error {
		st, err := storage.Open(context.Background(), dir)
		if err != nil {
			return err
		}
		t.Cleanup(func() { st.Close() })
		ten, err := st.Tenant(context.Background(), e.Slug)
		if err != nil {
			return err
		}
		e.Store, e.Tenant, *reopened = st, ten, *reopened+1
		return nil
	}
}

func TestSettingsBackupAndRestore(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	calls, err := e.Tenant.CountCalls(e.Ctx, storage.CallFilter{})
	if err != nil || calls == 0 {
		t.Fatalf("demo calls: %d, %v", calls, err)
	}
	s := openSettings(t, e)
	dest := filepath.Join(t.TempDir(), backupName(time.Now()))
	s.backupTo(dest)
	uitest.Settle(t, e)
	copyDir := t.TempDir()
	if err := storage.Restore(context.Background(), dest, copyDir, nil); err != nil {
		t.Fatalf("backup %s: %v", dest, err)
	}
	if got := countIn(t, copyDir); got != calls {
		t.Errorf("backup holds %d calls, the data %d", got, calls)
	}

	addPBX(t, e, "After the backup", "tcp-listen", ":9000")
	var reopened int
	reopenInto(t, e, &reopened)
	s.restoreFrom(dest)
	uitest.Settle(t, e)
	confirm := findButton(e.Window.Canvas().Overlays().Top(), i18n.T("settings.restore_now"))
	if confirm == nil {
		t.Fatal("no confirmation with a Restore button")
	}
	test.Tap(confirm)
	uitest.Settle(t, e)
	if reopened != 1 {
		t.Fatalf("reopened %d times", reopened)
	}
	if systems, _ := e.Store.PBXSystems(e.Ctx, e.Slug); len(systems) != 0 {
		t.Errorf("after restore: %d PBX systems, want none as in the backup", len(systems))
	}
	if got, _ := e.Tenant.CountCalls(e.Ctx, storage.CallFilter{}); got != calls {
		t.Errorf("after restore: %d calls, want %d", got, calls)
	}
	if _, err := os.Stat(filepath.Join(e.Dir, "master.db"+storage.BeforeRestore)); err != nil {
		t.Errorf("previous data not kept: %v", err)
	}
}

func countIn(t *testing.T, dir string) int {
	t.Helper()
	st, err := storage.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ten, err := st.Tenant(context.Background(), storage.DefaultTenant)
	if err != nil {
		t.Fatal(err)
	}
	n, err := ten.CountCalls(context.Background(), storage.CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// findButton finds the button labelled text in o, through containers and
// widgets' renderers (a dialog's buttons sit in its renderer).
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case nil:
		return nil
	case *widget.Button:
		if v.Text == text {
			return v
		}
		return nil
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
		return nil
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestSettingsRetentionInArabic(t *testing.T) {
	e := uitest.New(t, uitest.Options{})
	if err := i18n.Set("ar"); err != nil {
		t.Fatal(err)
	}
	s := openSettings(t, e)
	i := slices.Index(s.retentionDays, 365)
	given := i18n.T("settings.retention_days", "Count", 365)
	if shown := s.retention.Options[i]; shown != ui.Text(given) || shown == given {
		t.Errorf("365 days shown as %q, want %q in display order", shown, ui.Text(given))
	}
	s.retention.SetSelectedIndex(i)
	uitest.Settle(t, e)
	if got, err := e.Store.RetentionDays(context.Background()); err != nil || got != 365 {
		t.Errorf("choosing %q stored %d days, %v", s.retention.Selected, got, err)
	}
}
