package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
)

// inLanguage runs f with the language set to tag, English again after.
func inLanguage(t *testing.T, tag string, f func()) {
	t.Helper()
	if err := i18n.Set(tag); err != nil {
		t.Fatal(err)
	}
	defer i18n.Set("en")
	f()
}

func TestMirroredLayouts(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		lang      string
		startLeft bool
	}{{"en", true}, {"de", true}, {"ar", false}} {
		inLanguage(t, tc.lang, func() {
			a, b := widget.NewLabel("start"), widget.NewLabel("end")
			row := HBox(a, b)
			row.Resize(fyne.NewSize(400, 40))
			if got := a.Position().X < b.Position().X; got != tc.startLeft {
				t.Errorf("%s HBox: start at %v, end at %v", tc.lang, a.Position(), b.Position())
			}
			nav, body := widget.NewLabel("nav"), widget.NewLabel("body")
			frame := Border(nil, nil, nav, nil, body)
			frame.Resize(fyne.NewSize(800, 600))
			if got := nav.Position().X < body.Position().X; got != tc.startLeft {
				t.Errorf("%s Border: nav at %v, body at %v", tc.lang, nav.Position(), body.Position())
			}
			label, input := widget.NewLabel("Name"), widget.NewEntry()
			form := Form(Field{"Name", input})
			form.Resize(fyne.NewSize(500, 100))
			label = form.Objects[0].(*widget.Label)
			if got := label.Position().X < input.Position().X; got != tc.startLeft {
				t.Errorf("%s Form: label at %v, input at %v", tc.lang, label.Position(), input.Position())
			}
		})
	}
}

func TestStartEndAndColumns(t *testing.T) {
	for _, tc := range []struct {
		lang       string
		start, end fyne.TextAlign
		first      int
	}{
		{"en", fyne.TextAlignLeading, fyne.TextAlignTrailing, 0},
		{"ar", fyne.TextAlignTrailing, fyne.TextAlignLeading, 4},
	} {
		inLanguage(t, tc.lang, func() {
			if Start() != tc.start || End() != tc.end || Align(fyne.TextAlignCenter) != fyne.TextAlignCenter {
				t.Errorf("%s: start %v end %v", tc.lang, Start(), End())
			}
			if got := Column(0, 5); got != tc.first {
				t.Errorf("%s: visual column 0 shows data column %d, want %d", tc.lang, got, tc.first)
			}
			if l := NewLabel("x"); l.Alignment != tc.start {
				t.Errorf("%s: label aligned %v", tc.lang, l.Alignment)
			}
		})
	}
}

func TestTextOrdersMixedArabic(t *testing.T) {
	mixed := "اتصل 0301234567"
	if Text(mixed) == mixed {
		t.Errorf("Text(%q) left a mixed-direction string in logical order", mixed)
	}
	if Text("Call 0301234567") != "Call 0301234567" {
		t.Error("Text changed a left-to-right string")
	}
}

func TestRange(t *testing.T) {
	now := time.Date(2026, 11, 25, 15, 4, 0, 0, time.UTC) // a Wednesday
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		preset   string
		from, to time.Time
	}{
		{"period.today", day(11, 25), day(11, 26)},
		{"period.yesterday", day(11, 24), day(11, 25)},
		{"period.this_week", day(11, 23), day(11, 26)},
		{"period.last_7_days", day(11, 19), day(11, 26)},
		{"period.this_month", day(11, 1), day(11, 26)},
		{"period.last_month", day(10, 1), day(11, 1)},
	} {
		from, to := Range(tc.preset, now)
		if !from.Equal(tc.from) || !to.Equal(tc.to) {
			t.Errorf("%s: %v–%v, want %v–%v", tc.preset, from, to, tc.from, tc.to)
		}
	}
}

func TestPeriodPickerTypedRange(t *testing.T) {
	test.NewTempApp(t)
	var got [2]time.Time
	p := NewPeriodPicker("period.today", time.Now, func(from, to time.Time) { got = [2]time.Time{from, to} })
	p.from.SetText("")
	p.to.SetText("")
	test.Type(p.from, "2026-01-01")
	p.from.OnSubmitted(p.from.Text)
	if !got[0].IsZero() {
		t.Fatal("a range was applied before both dates were typed")
	}
	test.Type(p.to, "2026-01-31")
	p.to.OnSubmitted(p.to.Text)
	want := [2]time.Time{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	if got != want {
		t.Errorf("range %v, want %v", got, want)
	}
}

func TestPeriodPickerShowsWholePresetNames(t *testing.T) {
	test.NewTempApp(t)
	for _, tag := range []string{"en", "de", "ar"} {
		inLanguage(t, tag, func() {
			p := NewPeriodPicker("period.today", time.Now, nil)
			presets := p.Content.(*fyne.Container).Objects[0]
			for _, id := range periods {
				if w := TextWidth(Text(i18n.T(id)), fyne.TextStyle{}); presets.MinSize().Width < w {
					t.Errorf("%s: the preset list is %.0f px, %q needs %.0f", tag, presets.MinSize().Width, i18n.T(id), w)
				}
			}
		})
	}
}
