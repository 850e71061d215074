package i18n

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"calltally.app/collector/classify"
	"calltally.app/drivers"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// catalogue is a message file read as data: message ID, then plural form
// ("other" for plain strings), then text.
type catalogue map[string]map[string]string

// readCatalogue reads every message file of a language; an ID in two
// files is an error.
func readCatalogue(t *testing.T, tag string) catalogue {
	t.Helper()
	files := messageFilesOf(tag)
	if len(files) == 0 {
		t.Fatalf("%s: no message files", tag)
	}
	c := make(catalogue)
	for _, file := range files {
		readMessageFile(t, file, c)
	}
	return c
}

func readMessageFile(t *testing.T, file string, c catalogue) {
	t.Helper()
	data, err := messageFiles.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for id, v := range raw {
		if _, dup := c[id]; dup {
			t.Errorf("%s: %s is also in another message file", file, id)
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			c[id] = map[string]string{"other": s}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			t.Fatalf("%s: %s: %v", file, id, err)
		}
		delete(forms, "description")
		c[id] = forms
	}
}

// TestCatalogueComplete fails when a message is missing, empty or extra in
// any language.
func TestCatalogueComplete(t *testing.T) {
	en := readCatalogue(t, "en")
	if len(en) < 150 {
		t.Errorf("English has %d messages", len(en))
	}
	for _, l := range languages {
		c := readCatalogue(t, l.Tag)
		for id := range en {
			if _, ok := c[id]; !ok {
				t.Errorf("%s: %s is missing", l.Tag, id)
			}
		}
		for id, forms := range c {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: %s is not in English", l.Tag, id)
			}
			if forms["other"] == "" {
				t.Errorf("%s: %s has no \"other\" form", l.Tag, id)
			}
			for form, text := range forms {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: %s: %s is empty", l.Tag, id, form)
				}
			}
		}
	}
}

var placeholder = regexp.MustCompile(`{{\s*\.([A-Za-z]+)\s*}}`)

// placeholders returns the sorted placeholder names of a text, and
// whether all its template actions are plain placeholders.
func placeholders(text string) ([]string, bool) {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	slices.Sort(names)
	rest := placeholder.ReplaceAllString(text, "")
	return names, !strings.Contains(rest, "{{") && !strings.Contains(rest, "}}")
}

// TestPlaceholders fails when a translation's placeholders differ from
// English. Plural forms may leave out Count (Arabic says "two calls" in
// one word) but must keep every other placeholder.
func TestPlaceholders(t *testing.T) {
	en := readCatalogue(t, "en")
	for _, l := range languages {
		for id, forms := range readCatalogue(t, l.Tag) {
			want, _ := placeholders(strings.Join(slices.Collect(maps.Values(en[id])), " "))
			var all []string
			for form, text := range forms {
				names, ok := placeholders(text)
				if !ok {
					t.Errorf("%s: %s: %s: template syntax other than {{.Name}}: %q", l.Tag, id, form, text)
				}
				for _, w := range want {
					if w != "Count" && !slices.Contains(names, w) {
						t.Errorf("%s: %s: %s lacks {{.%s}}: %q", l.Tag, id, form, w, text)
					}
				}
				all = append(all, names...)
			}
			slices.Sort(all)
			if got := slices.Compact(all); !slices.Equal(got, want) {
				t.Errorf("%s: %s uses placeholders %v, English %v", l.Tag, id, got, want)
			}
		}
	}
}

// sampleArgs returns T arguments for every placeholder of the catalogue.
func sampleArgs(count int) []any {
	return []any{
		"Count", count, "Detail", "connection refused", "Address", "192.168.1.10:1752",
		"Path", "/var/lib/calltally/backup.db", "Line", 12,
		"Time", time.Date(2026, 3, 14, 9, 5, 0, 0, time.UTC), "Date", "14/03/2026",
		"Field", "Extension", "Value", "201", "Duration", "1:02:03", "Cost", "€12.50",
	}
}

// TestMessagesRender localizes every message in every language through
// go-i18n, with counts that reach every CLDR plural form (Arabic's zero to
// many, the "many" of French, Spanish, Portuguese and Italian for
// millions): it fails when a form is missing, a template does not run, or
// a message falls back to English.
func TestMessagesRender(t *testing.T) {
	en := readCatalogue(t, "en")
	counts := []int{0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 111, 1000, 1000000, 2000000}
	for _, l := range languages {
		loc := goi18n.NewLocalizer(bundle, l.Tag)
		for id, forms := range en {
			cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: templateData()}
			if _, plural := forms["one"]; !plural {
				checkLocalize(t, loc, cfg, l.Tag)
				continue
			}
			for _, n := range counts {
				cfg.PluralCount = n
				checkLocalize(t, loc, cfg, l.Tag)
			}
		}
	}
}

func templateData() map[string]any {
	args := sampleArgs(0)
	data := make(map[string]any)
	for i := 0; i < len(args); i += 2 {
		data[args[i].(string)] = args[i+1]
	}
	return data
}

func checkLocalize(t *testing.T, loc *goi18n.Localizer, cfg *goi18n.LocalizeConfig, want string) {
	t.Helper()
	msg, tag, err := loc.LocalizeWithTag(cfg)
	switch {
	case err != nil:
		t.Errorf("%s: %s (count %v): %v", want, cfg.MessageID, cfg.PluralCount, err)
	case tag.String() != want:
		t.Errorf("%s: %s comes from %s", want, cfg.MessageID, tag)
	case strings.Contains(msg, "<no value>"):
		t.Errorf("%s: %s: a placeholder had no value: %q", want, cfg.MessageID, msg)
	}
}

// sameAsEnglish lists the translations that may equal the English text:
// the product name, and words these languages took from English.
var sameAsEnglish = map[string][]string{
	"app.name":          {"ar", "fr", "de", "es", "pt", "it", "tr"},
	"button.ok":         {"fr", "de", "pt", "it"},
	"numbertype.voip":   {"fr", "de", "es", "pt", "it", "tr"},
	"numbertype.mobile": {"fr"},
	"filter.site":       {"fr"},
	"common.no":         {"es", "it"},
}

// latinInArabic lists the Latin words Arabic messages may contain.
var latinInArabic = []string{"CallTally", "CSV", "Excel", "SMDR", "CDR"}

// TestNoEnglishLeft fails when a translation is the English text, or an
// Arabic one has Latin words or no Arabic letter.
func TestNoEnglishLeft(t *testing.T) {
	en := readCatalogue(t, "en")
	for _, l := range languages[1:] {
		for id, forms := range readCatalogue(t, l.Tag) {
			if forms["other"] == en[id]["other"] && !slices.Contains(sameAsEnglish[id], l.Tag) {
				t.Errorf("%s: %s is still English: %q", l.Tag, id, forms["other"])
			}
			if l.Tag != "ar" || id == "app.name" {
				continue
			}
			for _, text := range forms {
				checkArabic(t, id, text)
			}
		}
	}
}

func checkArabic(t *testing.T, id, text string) {
	t.Helper()
	rest := placeholder.ReplaceAllString(text, "")
	for _, w := range latinInArabic {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if strings.IndexFunc(rest, func(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }) >= 0 {
		t.Errorf("ar: %s has Latin letters: %q", id, text)
	}
	if !strings.ContainsFunc(rest, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		t.Errorf("ar: %s has no Arabic letter: %q", id, text)
	}
}

// TestValueLabels fails when a value the GUI shows through a message ID
// built from it ("direction." + string(call.Direction)) has no message.
func TestValueLabels(t *testing.T) {
	en := readCatalogue(t, "en")
	var ids []string
	for _, d := range []drivers.Direction{drivers.Inbound, drivers.Outbound, drivers.Internal, drivers.Tandem} {
		ids = append(ids, "direction."+string(d))
	}
	for _, o := range []drivers.Outcome{drivers.Answered, drivers.Voicemail, drivers.Unanswered, drivers.Busy, drivers.Failed} {
		ids = append(ids, "outcome."+string(o))
	}
	for _, ty := range []classify.Type{classify.Fixed, classify.Mobile, classify.FixedOrMobile, classify.TollFree,
		classify.Premium, classify.SharedCost, classify.VoIP, classify.Personal, classify.Pager, classify.UAN,
		classify.VoicemailBox, classify.EmergencyType, classify.ServiceType, classify.InternalType, classify.UnknownType} {
		ids = append(ids, "numbertype."+string(ty))
	}
	for _, s := range []classify.Scope{classify.InternalScope, classify.Local, classify.National,
		classify.International, classify.Emergency, classify.Service, classify.UnknownScope} {
		ids = append(ids, "scope."+string(s))
	}
	for _, id := range ids {
		if _, ok := en[id]; !ok {
			t.Errorf("no message %s", id)
		}
	}
}
