// Package i18n holds CallTally's translations (English, Arabic, French,
// German, Spanish, Portuguese, Italian, Turkish) over go-i18n, with a
// runtime language switch of our own (Fyne has none that works on every
// OS), listeners that rebuild screens when it changes, and locale
// formatting of numbers, amounts, dates and durations.
//
// Sub-packages: shape turns Arabic and mixed-direction text into what
// go-chart, gofpdf and Fyne labels need; fonts embeds the Noto fonts that
// draw it; locale tidies the locale environment before Fyne starts.
//
// README.md says how to add a string or a language and what the
// right-to-left rules are.
package i18n
