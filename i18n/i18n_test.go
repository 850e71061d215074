package i18n

import (
	"strings"
	"testing"

	"calltally.app/i18n/shape"
)

// use switches to tag for one test and back to English after it.
func use(t *testing.T, tag string) {
	t.Helper()
	if err := Set(tag); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Set("en") })
}

func TestLanguages(t *testing.T) {
	langs := Languages()
	var tags []string
	for _, l := range langs {
		tags = append(tags, l.Tag)
		if l.RTL != (l.Tag == "ar") {
			t.Errorf("%s: RTL = %v", l.Tag, l.RTL)
		}
		if l.Name == "" {
			t.Errorf("%s has no name", l.Tag)
		}
	}
	if got := strings.Join(tags, " "); got != "en ar fr de es pt it tr" {
		t.Errorf("Languages() = %s", got)
	}
	langs[0].Name = "changed"
	if Languages()[0].Name != "English" {
		t.Error("Languages returns the package's own slice")
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		locale, want string
	}{
		{"ar", "ar"}, {"ar-EG", "ar"}, {"de_DE.UTF-8", "de"}, {"fr_FR@euro", "fr"},
		{"pt-BR", "pt"}, {"tr_TR.utf8", "tr"}, {"en-US", "en"}, {"ES", "es"},
		{"ja_JP.UTF-8", ""}, {"C", ""}, {"C.UTF-8", ""}, {"POSIX", ""}, {"", ""}, {"!!", ""},
	}
	for _, tt := range tests {
		l, ok := Match(tt.locale)
		if ok != (tt.want != "") || l.Tag != tt.want {
			t.Errorf("Match(%q) = %q, %v; want %q", tt.locale, l.Tag, ok, tt.want)
		}
	}
}

func TestSet(t *testing.T) {
	use(t, "de_DE.UTF-8")
	if got := Current(); got.Tag != "de" || got.Name != "Deutsch" || IsRTL() {
		t.Errorf("after Set(de): Current() = %+v, IsRTL() = %v", got, IsRTL())
	}
	if got := T("nav.calls"); got != "Anrufe" {
		t.Errorf("T(nav.calls) in German = %q", got)
	}
	if err := Set("ja"); err == nil {
		t.Error("Set(ja) succeeded")
	}
	if Current().Tag != "de" {
		t.Errorf("a failed Set changed the language to %s", Current().Tag)
	}
	use(t, "ar")
	if !IsRTL() || T("button.cancel") != "إلغاء" {
		t.Errorf("Arabic: IsRTL() = %v, T(button.cancel) = %q", IsRTL(), T("button.cancel"))
	}
}

func TestOnChange(t *testing.T) {
	var seen []string
	OnChange(func() { seen = append(seen, Current().Tag+":"+T("nav.settings")) })
	use(t, "fr")
	Set("fr") // no change, no call
	Set("tr")
	Set("en")
	want := "fr:Paramètres tr:Ayarlar en:Settings"
	if got := strings.Join(seen, " "); got != want {
		t.Errorf("listener saw %q, want %q", got, want)
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		lang string
		id   string
		args []any
		want string
	}{
		{"en", "nav.missed", nil, "Missed calls"},
		{"en", "count.calls", []any{"Count", 1}, "1 call"},
		{"en", "count.calls", []any{"Count", 1234}, "1,234 calls"},
		{"de", "count.calls", []any{"Count", 1234}, "1.234 Anrufe"},
		{"fr", "count.calls", []any{"Count", 0}, "0 appel"},
		{"fr", "count.calls", []any{"Count", 1000000}, "1\u00a0000\u00a0000 d’appels"},
		{"ar", "count.calls", []any{"Count", 0}, "لا توجد مكالمات"},
		{"ar", "count.calls", []any{"Count", 2}, "مكالمتان"},
		{"ar", "count.calls", []any{"Count", 5}, shape.Isolate("5") + " مكالمات"},
		{"ar", "count.calls", []any{"Count", 11}, shape.Isolate("11") + " مكالمة"},
		{"en", "error.file_not_found", []any{"Path", "C:\\calls.csv"},
			"The file C:\\calls.csv does not exist. Check the name and the folder, then try again."},
		{"ar", "settings.backup_done", []any{"Path", "/srv/b.db"},
			"حُفظت النسخة الاحتياطية في " + shape.Isolate("/srv/b.db") + "."},
		{"en", "no.such.message", nil, "no.such.message"},
	}
	for _, tt := range tests {
		use(t, tt.lang)
		if got := T(tt.id, tt.args...); got != tt.want {
			t.Errorf("%s: T(%q, %v) = %q, want %q", tt.lang, tt.id, tt.args, got, tt.want)
		}
	}
}

// TestTArabicDisplay checks the whole path a GUI label takes: a phone
// number with spaces inside Arabic keeps its order after shape.Visual.
func TestTArabicDisplay(t *testing.T) {
	use(t, "ar")
	got := shape.Visual(T("error.pbx_unreachable", "Address", "+49 30 1234"))
	if !strings.Contains(got, "+49 30 1234") {
		t.Errorf("the number lost its order: %q", got)
	}
}
