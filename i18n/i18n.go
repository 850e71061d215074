package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// A Language is one of the languages CallTally is translated into.
type Language struct {
	Tag  string // BCP 47 tag, also the message file's name: "en", "ar"…
	Name string // the language's name in itself, for the language picker
	RTL  bool   // written right to left
}

// languages lists the translations; the first is the default and the
// fallback for missing messages.
var languages = []Language{
	{"en", "English", false},
	{"ar", "العربية", true},
	{"fr", "Français", false},
	{"de", "Deutsch", false},
	{"es", "Español", false},
	{"pt", "Português", false},
	{"it", "Italiano", false},
	{"tr", "Türkçe", false},
}

// Messages are split by area (active.<tag>.json for the shared ones,
// calls.<tag>.json…), so that each screen's strings sit together; every
// area has one file per language.
//
//go:embed messages/*.json
var messageFiles embed.FS

var bundle = loadBundle()

// state is the current language; Set replaces it whole.
var (
	mu        sync.RWMutex
	current   = languages[0]
	localizer = goi18n.NewLocalizer(bundle, languages[0].Tag)
	listeners []func()
)

func loadBundle() *goi18n.Bundle {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, l := range languages {
		for _, file := range messageFilesOf(l.Tag) {
			if _, err := b.LoadMessageFileFS(messageFiles, file); err != nil {
				panic(fmt.Sprintf("i18n: %v", err)) // the files are embedded: tests catch this
			}
		}
	}
	return b
}

// messageFilesOf returns the message files of a language, one per area.
func messageFilesOf(tag string) []string {
	files, _ := fs.Glob(messageFiles, "messages/*."+tag+".json")
	return files
}

// Languages returns the languages CallTally is translated into, English
// first.
func Languages() []Language { return slices.Clone(languages) }

// Match returns the language for a locale name in any of the usual forms:
// "ar", "pt-BR", "de_DE.UTF-8", "fr_FR@euro". It reports false for
// languages without a translation and for C or POSIX.
func Match(locale string) (Language, bool) {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	tag, err := language.Parse(strings.ReplaceAll(locale, "_", "-"))
	if err != nil {
		return Language{}, false
	}
	base, _ := tag.Base()
	for _, l := range languages {
		if l.Tag == base.String() {
			return l, true
		}
	}
	return Language{}, false
}

// Set makes tag the current language (any form Match accepts) and, if it
// changed, calls the OnChange listeners in the order they were added, on
// the calling goroutine, after the switch: in the GUI, call it on the UI
// goroutine so that listeners can rebuild screens directly.
func Set(tag string) error {
	l, ok := Match(tag)
	if !ok {
		return fmt.Errorf("i18n: no translation for language %q", tag)
	}
	mu.Lock()
	changed := l != current
	current = l
	localizer = goi18n.NewLocalizer(bundle, l.Tag)
	notify := slices.Clone(listeners)
	mu.Unlock()
	if changed {
		for _, f := range notify {
			f()
		}
	}
	return nil
}

// Current returns the current language.
func Current() Language {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// IsRTL reports whether the current language is written right to left, so
// that layouts mirror.
func IsRTL() bool { return Current().RTL }

// OnChange adds f to the functions Set calls when the language changes.
// Listeners stay for the life of the program: register one per window or
// screen index, not per widget.
func OnChange(f func()) {
	mu.Lock()
	defer mu.Unlock()
	listeners = append(listeners, f)
}

// T returns message id in the current language, English where the
// translation lacks it, id itself where no language has it. Arguments are
// name, value pairs for the message's placeholders, as in slog:
//
//	i18n.T("error.file_not_found", "Path", path)
//	i18n.T("count.calls", "Count", n)
//
// An integer named Count also picks the plural form. Values of type int,
// int32 and int64 are formatted with Number, time.Time with DateTime,
// others with fmt.Sprint. In a right-to-left language every value is
// wrapped in shape.Isolate, so that phone numbers and paths keep their
// order in the Arabic text around them once shape.Bidi or shape.Visual has
// laid it out (the isolate controls are invisible in Fyne even without).
func T(id string, args ...any) string {
	mu.RLock()
	l, lang := localizer, current
	mu.RUnlock()
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(args) > 0 {
		data := make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			name := fmt.Sprint(args[i])
			if name == "Count" {
				cfg.PluralCount = pluralCount(args[i+1])
			}
			data[name] = display(args[i+1], lang)
		}
		cfg.TemplateData = data
	}
	msg, err := l.Localize(cfg)
	if msg == "" && err != nil {
		return id
	}
	return msg
}
