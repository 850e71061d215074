// Package i18n will hold CallTally's translations (English, Arabic, French,
// German, Spanish, Portuguese, Italian, Turkish) over go-i18n, with a
// runtime language switch, locale formatting of dates, numbers and money,
// and the bidi and Arabic shaping helpers that the GUI, charts and PDFs
// share.
package i18n
