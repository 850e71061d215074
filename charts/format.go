package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"calltally.app/collector/costing"
)

// Unit says what the values of bars measure.
type Unit int

const (
	// Count values are numbers of calls, drawn as "950", "1.5k", "2.3M".
	Count Unit = iota
	// Duration values are seconds, drawn as "45s", "12m", "3h 05m", "1.2kh".
	Duration
)

// maxValue bounds the values charts draw so that axis arithmetic stays
// finite; no call count, duration or cost comes near it.
const maxValue = 1e15

// clean returns v as a drawable value: NaN and infinities become 0 and
// values beyond ±maxValue are capped.
func clean(v float64) float64 {
	switch {
	case math.IsNaN(v), math.IsInf(v, 0):
		return 0
	case v > maxValue:
		return maxValue
	case v < -maxValue:
		return -maxValue
	}
	return v
}

// numbers is how one kind of value is written and stepped on an axis.
type numbers struct {
	format func(v float64) string    // a tick: round, compact
	label  func(v float64) string    // a bar's own value: as exact as is readable
	step   func(raw float64) float64 // the round step nearest above raw
}

// numbers returns the formatting and stepping of u.
func (c *canvas) numbers(u Unit) numbers {
	dec := c.o.Labels.Decimal
	if u == Duration {
		return numbers{format: c.duration, label: c.duration, step: durationStep}
	}
	return numbers{
		format: func(v float64) string { return compact(v, dec) },
		label:  c.count,
		step:   func(raw float64) float64 { return max(1, niceStep(raw)) },
	}
}

// money returns the formatting and stepping of amounts in major units of
// currency: no step finer than its minor unit (a cent, a yen).
func (c *canvas) money(currency string) numbers {
	exp := 2
	if cur, err := costing.LookupCurrency(currency); err == nil {
		exp = cur.Exponent
	}
	minor := math.Pow10(-exp)
	dec := c.o.Labels.Decimal
	format := func(v float64) string { return compact(v, dec) }
	return numbers{
		format: format,
		label:  format,
		step:   func(raw float64) float64 { return max(minor, niceStep(raw)) },
	}
}

// compact formats v with at most three significant digits and a k, M, G
// or T suffix: "950", "0.25", "1.5k", "12.3k", "4.56M".
func compact(v float64, dec string) string {
	a := math.Abs(clean(v))
	if a < 0.0005 {
		return "0"
	}
	suffixes := []string{"", "k", "M", "G", "T"}
	i, r := 0, roundSig(a, 3)
	for r >= 1000 && i < len(suffixes)-1 {
		a /= 1000
		i++
		r = roundSig(a, 3)
	}
	s := strconv.FormatFloat(r, 'f', -1, 64)
	if dec != "." {
		s = strings.Replace(s, ".", dec, 1)
	}
	if v < 0 {
		s = "-" + s
	}
	return s + suffixes[i]
}

// count writes a count exactly below 100,000, with grouped thousands
// ("12,345"), and compactly above ("123k").
func (c *canvas) count(v float64) string {
	n := int64(math.Round(clean(v)))
	if n >= 100_000 || n <= -100_000 {
		return compact(v, c.o.Labels.Decimal)
	}
	s := strconv.FormatInt(n, 10)
	if n >= 1000 || n <= -1000 {
		s = s[:len(s)-3] + c.o.Labels.Thousands + s[len(s)-3:]
	}
	return s
}

// roundSig rounds a > 0 to n significant digits. Dividing by an exact
// power of ten keeps the result the double nearest the decimal, so that
// it prints without float noise.
func roundSig(a float64, n int) float64 {
	k := int(math.Floor(math.Log10(a))) - (n - 1)
	if k < 0 {
		p := math.Pow10(-k)
		return math.Round(a*p) / p
	}
	p := math.Pow10(k)
	return math.Round(a/p) * p
}

// niceStep returns the smallest 1, 2 or 5 times a power of ten that is at
// least raw.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow10(int(math.Floor(math.Log10(raw))))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// durationSteps are the round steps of a time axis, in seconds.
var durationSteps = []float64{
	1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
	3600, 7200, 10800, 21600, 43200, 86400,
}

// durationStep returns the round time step nearest above raw seconds:
// seconds, minutes and hours that read well, then 1-2-5 days.
func durationStep(raw float64) float64 {
	for _, s := range durationSteps {
		if s >= raw {
			return s
		}
	}
	return 86400 * niceStep(raw/86400)
}

// duration formats seconds: "45s", "12m", "3h 05m", "3h", "1.2kh".
func (c *canvas) duration(sec float64) string {
	l := c.o.Labels
	neg := ""
	if sec < 0 {
		neg, sec = "-", -sec
	}
	s := int64(math.Round(clean(sec)))
	if s == 0 {
		return "0"
	}
	if s < 60 {
		return fmt.Sprintf("%s%d%s", neg, s, l.Second)
	}
	m := (s + 30) / 60
	if m < 60 {
		return fmt.Sprintf("%s%d%s", neg, m, l.Minute)
	}
	if m < 100*60 {
		if m%60 == 0 {
			return fmt.Sprintf("%s%d%s", neg, m/60, l.Hour)
		}
		return fmt.Sprintf("%s%d%s %02d%s", neg, m/60, l.Hour, m%60, l.Minute)
	}
	return neg + compact(float64(s)/3600, l.Decimal) + l.Hour
}

// percents returns the whole percentages of counts, summing to 100 (the
// largest remainders round up), with "<1%" for a share that rounds to 0.
func percents(counts []float64) []string {
	var total float64
	for _, v := range counts {
		total += v
	}
	out := make([]string, len(counts))
	if total <= 0 {
		return out
	}
	whole, order, rest := make([]int, len(counts)), make([]int, len(counts)), 100
	for i, v := range counts {
		whole[i] = int(v / total * 100)
		rest -= whole[i]
		order[i] = i
	}
	rem := func(i int) float64 { return counts[i]/total*100 - float64(whole[i]) }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rem(b), rem(a)) })
	for _, i := range order[:max(0, min(rest, len(order)))] {
		whole[i]++
	}
	for i, w := range whole {
		out[i] = strconv.Itoa(w) + "%"
		if w == 0 && counts[i] > 0 {
			out[i] = "<1%"
		}
	}
	return out
}
