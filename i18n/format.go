package i18n

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"calltally.app/i18n/shape"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// conventions are how a language writes numbers, amounts and dates.
type conventions struct {
	printer *message.Printer // separators and percent signs (CLDR, via x/text)
	date    string           // time layout of a short date
	money   string           // where the symbol (¤) goes around the number (#)
}

// Western digits everywhere, Arabic included ("ar-u-nu-latn"): phone
// numbers, extensions and amounts then read the same in every screen, and
// they are what the Maghreb and most business software in the Gulf use.
// English dates are ISO 8601, which no English reader misreads.
var formats = map[string]conventions{
	"en": {printer("en"), "2006-01-02", "¤#"},
	"ar": {printer("ar-u-nu-latn"), "02/01/2006", "#\u00a0¤"},
	"fr": {printer("fr"), "02/01/2006", "#\u00a0¤"},
	"de": {printer("de"), "02.01.2006", "#\u00a0¤"},
	"es": {printer("es"), "02/01/2006", "#\u00a0¤"},
	"pt": {printer("pt"), "02/01/2006", "¤\u00a0#"},
	"it": {printer("it"), "02/01/2006", "#\u00a0¤"},
	"tr": {printer("tr"), "02.01.2006", "¤#"},
}

func printer(tag string) *message.Printer {
	return message.NewPrinter(language.MustParse(tag))
}

// dropMarks removes the directional marks CLDR puts into Arabic numbers
// and symbols: shape.Bidi and shape.Visual order them instead.
var dropMarks = strings.NewReplacer("\u200e", "", "\u200f", "", "\u061c", "")

func conventionsOf(l Language) conventions { return formats[l.Tag] }

// Number formats n with the current language's grouping: 1,234,567 in
// English, 1.234.567 in German, 1 234 567 in French.
func Number(n int64) string { return number64(n, Current()) }

func number64(n int64, l Language) string {
	return dropMarks.Replace(conventionsOf(l).printer.Sprint(number.Decimal(n)))
}

// Decimal formats f with exactly digits decimals in the current language:
// 1,234.50 or 1.234,50.
func Decimal(f float64, digits int) string {
	p := conventionsOf(Current()).printer
	return dropMarks.Replace(p.Sprint(number.Decimal(f, number.Scale(digits))))
}

// Percent formats a ratio (0.853 for 85.3 %) with at most one decimal, with
// the sign where the language puts it: 85.3% in English, 85,3 % in French,
// %85,3 in Turkish.
func Percent(ratio float64) string {
	p := conventionsOf(Current()).printer
	return dropMarks.Replace(p.Sprint(number.Percent(ratio, number.MaxFractionDigits(1))))
}

// Money formats an amount in millionths of a currency's major unit (as
// drivers.Accounting.Cost keeps it) with the currency's usual decimals and
// the symbol the current language uses for it: €12.50 in English, 12,50 €
// in German. An unknown currency code is shown as it is.
func Money(micros int64, code string) string {
	c := conventionsOf(Current())
	unit, err := currency.ParseISO(code)
	symbol, digits := code, 2
	if err == nil {
		symbol = dropMarks.Replace(c.printer.Sprint(currency.Symbol(unit)))
		digits, _ = currency.Standard.Rounding(unit)
	}
	sign := ""
	if micros < 0 {
		sign, micros = "-", -micros
	}
	amount := dropMarks.Replace(c.printer.Sprint(number.Decimal(float64(micros)/1e6, number.Scale(digits))))
	pattern := c.money
	if pattern == "¤#" && endsInLetter(symbol) {
		pattern = "¤\u00a0#" // TRY12.50 would read as one word
	}
	return sign + strings.NewReplacer("¤", symbol, "#", amount).Replace(pattern)
}

func endsInLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// Date formats the day of t in the current language's numeric order:
// 2026-03-14 in English, 14/03/2026 in French, 14.03.2026 in German.
// t is shown in its own location: pass times in the site's time zone.
func Date(t time.Time) string { return t.Format(conventionsOf(Current()).date) }

// Time formats the time of day of t on the 24-hour clock: 09:05.
func Time(t time.Time) string { return t.Format("15:04") }

// DateTime formats t as Date and Time together.
func DateTime(t time.Time) string { return dateTime(t, Current()) }

func dateTime(t time.Time, l Language) string {
	return t.Format(conventionsOf(l).date + " 15:04")
}

// Duration formats a number of seconds as m:ss, or h:mm:ss from an hour
// on: 0:07, 4:05, 1:02:03. Every language writes durations this way.
func Duration(seconds int) string {
	sign := ""
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	h, m, s := seconds/3600, seconds/60%60, seconds%60
	if h > 0 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%s%d:%02d", sign, m, s)
}

// display formats a message argument for language l.
func display(v any, l Language) string {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case int:
		s = number64(int64(v), l)
	case int32:
		s = number64(int64(v), l)
	case int64:
		s = number64(v, l)
	case time.Time:
		s = dateTime(v, l)
	default:
		s = fmt.Sprint(v)
	}
	if l.RTL && s != "" {
		s = shape.Isolate(s)
	}
	return s
}

// pluralCount returns v in a form go-i18n takes as a plural count.
func pluralCount(v any) any {
	switch v := v.(type) {
	case int, int8, int16, int32, int64, string:
		return v
	case uint:
		return int64(v)
	case uint32:
		return int64(v)
	}
	return fmt.Sprint(v)
}
