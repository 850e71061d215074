package charts

import (
	"image"
	"math"
	"os"
	"testing"
	"time"

	"github.com/golang/freetype/truetype"
)

// chartCase draws one chart kind from one data set.
type chartCase struct {
	chart, data string
	draw        func(Options) (image.Image, error)
	empty       bool // draws the "no data" chart
}

// officeHours is a typical day of a 40-extension office.
func officeHours() HourCounts {
	var h HourCounts
	for i := 7; i <= 18; i++ {
		peak := 40 - 4*abs(i-10)
		if i >= 13 {
			peak = 36 - 3*abs(i-14)
		}
		h[i] = Directions{In: max(peak, 3), Out: max(peak*3/4, 2), Internal: max(peak/3, 1)}
	}
	h[22] = Directions{In: 1}
	return h
}

func abs(v int) int { return max(v, -v) }

var extensions = []Bar{
	{"201 Anna Schmidt", 148}, {"214 Reception", 131}, {"230 Jonas Becker", 97},
	{"207 Sales hotline", 88}, {"222 Fatima Yilmaz", 61}, {"240 Warehouse", 43},
	{"219 Pierre-Alexandre Dubois-Lefèbvre", 22}, {"233 Support", 9},
}

var destinations = []Bar{
	{"DE fixed", 412}, {"DE mobile", 268}, {"AT", 54}, {"CH", 31},
	{"GB mobile", 12}, {"US", 7}, {"Toll-free", 4},
}

// month is 30 days of costs in EUR ending 2026-03-31, weekends cheap.
func month() []DayCost {
	var out []DayCost
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := range 30 {
		d := start.AddDate(0, 0, i)
		cost := int64(38_000_000 + (i%7)*4_100_000 + (i*7919%13)*1_000_000)
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			cost = int64(1_200_000 + i*10_000)
		}
		out = append(out, DayCost{Day: d, Cost: cost, Currency: "EUR"})
	}
	return out
}

// extremes are data sets at the edges: huge values, one item, thousands of
// items, NaN and negative values, very long labels, far-apart dates.
func extremeHours() HourCounts {
	var h HourCounts
	h[3] = Directions{In: math.MaxInt64, Out: math.MaxInt64, Internal: -5}
	h[4] = Directions{Internal: 1}
	return h
}

func extremeBars() []Bar {
	bars := []Bar{
		{"9999 " + longName, 2.5e12}, {"NaN", math.NaN()}, {"Inf", math.Inf(1)},
		{"neg", -400}, {"", 1}, {"tiny", 1e-9},
	}
	for i := range 2000 {
		bars = append(bars, Bar{"x", float64(i)})
	}
	return bars
}

var longName = "Verwaltung und Buchhaltung Hauptgebäude Erdgeschoss links hinten am Fenster"

func extremeDays() []DayCost {
	return []DayCost{
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), math.MaxInt64, "EUR"},
		{time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), math.MaxInt64, "EUR"},
		{time.Date(9999, 12, 30, 23, 0, 0, 0, time.UTC), math.MinInt64, "JPY"},
		{time.Date(9999, 12, 29, 0, 0, 0, 0, time.UTC), 5, ""},
	}
}

// cases lists every chart with typical, empty and extreme data.
func cases() []chartCase {
	bar := func(f func([]Bar, Unit, Options) (image.Image, error), bars []Bar, u Unit) func(Options) (image.Image, error) {
		return func(o Options) (image.Image, error) { return f(bars, u, o) }
	}
	hours := func(h HourCounts) func(Options) (image.Image, error) {
		return func(o Options) (image.Image, error) { return CallsPerHour(h, o) }
	}
	split := func(d Directions) func(Options) (image.Image, error) {
		return func(o Options) (image.Image, error) { return DirectionSplit(d, o) }
	}
	trend := func(days []DayCost) func(Options) (image.Image, error) {
		return func(o Options) (image.Image, error) { return CostTrend(days, o) }
	}
	return []chartCase{
		{"hours", "typical", hours(officeHours()), false},
		{"hours", "empty", hours(HourCounts{}), true},
		{"hours", "extreme", hours(extremeHours()), false},
		{"split", "typical", split(Directions{In: 1234, Out: 877, Internal: 310}), false},
		{"split", "empty", split(Directions{}), true},
		{"split", "extreme", split(Directions{In: math.MaxInt64, Out: 1, Internal: -3}), false},
		{"extensions", "typical", bar(TopExtensions, extensions, Count), false},
		{"extensions", "talktime", bar(TopExtensions, talkTime(), Duration), false},
		{"extensions", "empty", bar(TopExtensions, nil, Count), true},
		{"extensions", "extreme", bar(TopExtensions, extremeBars(), Duration), false},
		{"destinations", "typical", bar(TopDestinations, destinations, Count), false},
		{"destinations", "empty", bar(TopDestinations, []Bar{{"DE", 0}}, Count), true},
		{"destinations", "extreme", bar(TopDestinations, extremeBars(), Count), false},
		{"cost", "typical", trend(month()), false},
		{"cost", "empty", trend(nil), true},
		{"cost", "extreme", trend(extremeDays()), false},
	}
}

// talkTime is the extensions' talk time in seconds.
func talkTime() []Bar {
	out := make([]Bar, len(extensions))
	for i, b := range extensions {
		out[i] = Bar{b.Label, b.Value * 187}
	}
	return out
}

// arabicFont returns Noto Sans Arabic from Debian's fonts-noto-core, or
// skips the test without it.
func arabicFont(tb testing.TB) *truetype.Font {
	return notoFont(tb, "NotoSansArabic-Regular.ttf")
}

func notoFont(tb testing.TB, name string) *truetype.Font {
	tb.Helper()
	b, err := os.ReadFile("/usr/share/fonts/truetype/noto/" + name)
	if err != nil {
		tb.Skip(name + " not installed (Debian fonts-noto-core)")
	}
	f, err := ParseFont(b)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}
