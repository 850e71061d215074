package shape

import (
	"fmt"
	"testing"
)

// Expected outputs spell out the presentation forms as code points, read
// from the Unicode character names: U+FEE1 is ARABIC LETTER MEEM ISOLATED
// FORM, U+FEFC ARABIC LIGATURE LAM WITH ALEF FINAL FORM, and so on.
func TestVisual(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"latin unchanged", "Hello (world) 123", "Hello (world) 123"},
		// seen initial, lam-alef final, meem isolated; reversed
		{"lam-alef final", "سلام", "\uFEE1\uFEFC\uFEB3"},
		{"lam-alef isolated", "لا", "\uFEFB"},
		// meem initial, reh final, hah initial, beh medial, alef final
		{"joining", "مرحبا", "\uFE8E\uFE92\uFEA3\uFEAE\uFEE3"},
		// teh marbuta after reh stays isolated: reh does not join forward
		{"number inside arabic", "اتصل 123 مرة",
			"\uFE93\uFEAE\uFEE3 123 \uFEDE\uFEBC\uFE97\uFE8D"},
		{"latin inside arabic", "من John", "John \uFEE6\uFEE3"},
		{"arabic inside latin", "Call اتصل now", "Call \uFEDE\uFEBC\uFE97\uFE8D now"},
		// the number stays with the Arabic word it follows (levels 1 and
		// 2 inside a left-to-right paragraph)
		{"number after arabic in latin", "abc اتصل 123 def",
			"abc 123 \uFEDE\uFEBC\uFE97\uFE8D def"},
		{"brackets mirrored", "(جديد)", "(\uFEAA\uFEF3\uFEAA\uFE9F)"},
		{"number in brackets", "هاتف (12)", "(12) \uFED2\uFE97\uFE8E\uFEEB"},
		// rule N0: both brackets follow their Latin content
		{"latin with brackets", "هاتف Reception (12)", "Reception (12) \uFED2\uFE97\uFE8E\uFEEB"},
		{"amount", "التكلفة: 12.50 €",
			"€ 12.50 :\uFE94\uFED4\uFEE0\uFEDC\uFE98\uFEDF\uFE8D"},
		// what the algorithm prescribes for number groups inside Arabic…
		{"phone without isolate", "هاتف +49 30 1234", "1234 30 49+ \uFED2\uFE97\uFE8E\uFEEB"},
		// …and what an isolate keeps
		{"phone isolated", "هاتف " + Isolate("+49 30 1234"), "+49 30 1234 \uFED2\uFE97\uFE8E\uFEEB"},
		{"latin isolate in latin", "Call " + Isolate("+49 30") + " now", "Call +49 30 now"},
		{"rlm forces rtl", RLM + "PBX 2 جديد", "\uFEAA\uFEF3\uFEAA\uFE9F PBX 2"},
		// fatha stays after its base
		{"mark after base", "بَ", "\uFE8F\u064E"},
		{"tatweel joins", "بـ", "\u0640\uFE91"},
		// peh initial, farsi yeh medial, alef final, meem isolated
		{"persian letters", "پیام", "\uFEE1\uFE8E\uFBFF\uFB58"},
		{"lines apart", "مرحبا\nHello", "\uFE8E\uFE92\uFEA3\uFEAE\uFEE3\nHello"},
		{"date inside arabic", "يوم 02/01/2026", "02/01/2026 \uFEE1\uFEEE\uFEF3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Visual(tt.in); got != tt.want {
				t.Errorf("Visual(%q)\n got %s\nwant %s", tt.in, codes(got), codes(tt.want))
			}
		})
	}
}

func TestBidi(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"latin unchanged", "Calls (12)", "Calls (12)"},
		{"pure arabic unchanged", "مكالمات فائتة (جديد)", "مكالمات فائتة (جديد)"},
		{"isolate controls removed", "Call " + Isolate("+49 30"), "Call +49 30"},
		{"number inside arabic", "اتصل 123 مرة",
			RLM + " مرة" + RLM + LRM + "123" + LRM + RLM + "اتصل " + RLM},
		{"phone isolated", "هاتف " + Isolate("+49 30 1234"),
			LRM + "+49 30 1234" + LRM + RLM + "هاتف " + RLM},
		{"arabic inside latin", "Call اتصل now",
			LRM + "Call " + LRM + RLM + "اتصل" + RLM + LRM + " now" + LRM},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Bidi(tt.in); got != tt.want {
				t.Errorf("Bidi(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRuns(t *testing.T) {
	got := Runs(Visual("هاتف Reception (12)"))
	want := []Run{
		{"Reception (12) ", false},
		{"\uFED2\uFE97\uFE8E\uFEEB", true},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Runs = %+v, want %+v", got, want)
	}
	if got := Runs(""); len(got) != 0 {
		t.Errorf("Runs(\"\") = %+v, want none", got)
	}
}

func TestMirror(t *testing.T) {
	for in, want := range map[rune]rune{'(': ')', ')': '(', '[': ']', '}': '{', '«': '»', 'a': 'a'} {
		if got := mirror(in); got != want {
			t.Errorf("mirror(%q) = %q, want %q", in, got, want)
		}
	}
}

func codes(s string) string {
	out := ""
	for _, r := range s {
		if r < 0x80 {
			out += string(r)
		} else {
			out += fmt.Sprintf("<%04X>", r)
		}
	}
	return out
}
