package charts

import (
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func testCanvas(t testing.TB, o Options) *canvas {
	t.Helper()
	c, err := newCanvas(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCompact(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  string
		want string
	}{
		{0, ".", "0"}, {0.0001, ".", "0"}, {7, ".", "7"}, {950, ".", "950"},
		{0.25, ".", "0.25"}, {0.125, ".", "0.125"}, {12.5, ".", "12.5"},
		{1000, ".", "1k"}, {1500, ".", "1.5k"}, {1234, ".", "1.23k"},
		{12345, ".", "12.3k"}, {123456, ".", "123k"}, {999_500, ".", "1M"},
		{2_500_000, ".", "2.5M"}, {4.56e9, ".", "4.56G"}, {1e15, ".", "1000T"},
		{-2500, ".", "-2.5k"}, {1500, ",", "1,5k"}, {0.5, "٫", "0٫5"},
		{math.NaN(), ".", "0"}, {math.Inf(1), ".", "0"},
	} {
		if got := compact(tc.v, tc.dec); got != tc.want {
			t.Errorf("compact(%v, %q) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	c := testCanvas(t, Options{})
	d := testCanvas(t, Options{Labels: Labels{Thousands: "."}})
	for v, want := range map[float64]string{
		0: "0", 12: "12", 999: "999", 1234: "1,234", 99_999: "99,999",
		123_456: "123k", -1500: "-1,500", 2.6e6: "2.6M",
	} {
		if got := c.count(v); got != want {
			t.Errorf("count(%v) = %q, want %q", v, got, want)
		}
	}
	if got := d.count(1234); got != "1.234" {
		t.Errorf("German count(1234) = %q", got)
	}
}

func TestDuration(t *testing.T) {
	c := testCanvas(t, Options{})
	for v, want := range map[float64]string{
		0: "0", 0.4: "0", 45: "45s", 59: "59s", 60: "1m", 720: "12m", 3599: "1h",
		3600: "1h", 3*3600 + 5*60: "3h 05m", 3*3600 + 29: "3h", 99*3600 + 59*60: "99h 59m",
		100 * 3600: "100h", 4_500_000: "1.25kh", -90: "-2m",
	} {
		if got := c.duration(v); got != want {
			t.Errorf("duration(%v) = %q, want %q", v, got, want)
		}
	}
	ar := testCanvas(t, Options{Labels: Labels{Hour: "س", Minute: "د"}})
	if got := ar.duration(3*3600 + 5*60); got != "3س 05د" {
		t.Errorf("with translated units: %q", got)
	}
}

func TestPercentsSumTo100(t *testing.T) {
	for _, tc := range []struct {
		counts []float64
		want   []string
	}{
		{[]float64{1, 1, 1}, []string{"34%", "33%", "33%"}},
		{[]float64{1234, 877, 310}, []string{"51%", "36%", "13%"}},
		{[]float64{5, 0, 0}, []string{"100%", "0%", "0%"}},
		{[]float64{1e6, 1, 0}, []string{"100%", "<1%", "0%"}},
		{[]float64{0, 0, 0}, []string{"", "", ""}},
	} {
		if got := percents(tc.counts); !slices.Equal(got, tc.want) {
			t.Errorf("percents(%v) = %v, want %v", tc.counts, got, tc.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		counts := []float64{float64(r.IntN(1000)), float64(r.IntN(50)), float64(r.IntN(3)) + 1}
		sum := 0
		for _, p := range percents(counts) {
			n, _ := strconv.Atoi(strings.TrimPrefix(strings.TrimSuffix(p, "%"), "<"))
			if !strings.HasPrefix(p, "<") {
				sum += n
			}
		}
		if sum != 100 {
			t.Fatalf("percents(%v) = %v: sum %d", counts, percents(counts), sum)
		}
	}
}

func TestNiceSteps(t *testing.T) {
	for raw, want := range map[float64]float64{
		0.7: 1, 1: 1, 1.1: 2, 3: 5, 7: 10, 0.03: 0.05, 2000: 2000, 2001: 5000, 0: 1,
	} {
		if got := niceStep(raw); got != want {
			t.Errorf("niceStep(%v) = %v, want %v", raw, got, want)
		}
	}
	for raw, want := range map[float64]float64{
		0.5: 1, 50: 60, 61: 120, 1000: 1800, 4000: 7200, 200_000: 432_000,
	} {
		if got := durationStep(raw); got != want {
			t.Errorf("durationStep(%v) = %v, want %v", raw, got, want)
		}
	}
	c := testCanvas(t, Options{})
	if got := c.money("JPY").step(0.01); got != 1 {
		t.Errorf("a yen axis steps by %v, want 1", got)
	}
	if got := c.money("EUR").step(0.001); got != 0.01 {
		t.Errorf("a euro axis steps by %v, want 0.01", got)
	}
	if got := c.numbers(Count).step(0.2); got != 1 {
		t.Errorf("a count axis steps by %v, want 1", got)
	}
}

// Axes hold zero whatever the data, as TOOLCHAIN.md asks: bars measured
// from anything else lie about their ratios.
func TestTicksHoldZero(t *testing.T) {
	c := testCanvas(t, Options{})
	count := c.numbers(Count)
	for _, tc := range []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 83, []float64{0, 20, 40, 60, 80, 100}},
		{1000, 1010, []float64{0, 500, 1000, 1500}},
		{-5, 10, []float64{-5, 0, 5, 10}},
		{0, 2, []float64{0, 1, 2}},
		{0, 0, []float64{0, 1}},
	} {
		if got := ticks(tc.lo, tc.hi, 5, count); !slices.Equal(got, tc.want) {
			t.Errorf("ticks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
		}
	}
	if got := ticks(-maxValue, maxValue, 8, count); len(got) > 12 {
		t.Errorf("%d ticks over the widest range", len(got))
	}
}

// Two columns of 100 and 50 calls are drawn 2:1, from zero.
func TestColumnsStandOnZero(t *testing.T) {
	img, err := TopDestinations([]Bar{{"A", 100}, {"B", 50}}, Count, Options{Width: 400, Height: 300})
	if err != nil {
		t.Fatal(err)
	}
	bar := LightTheme().Series[0]
	var left, right int
	for y := range 300 {
		for x := range 400 {
			if color.NRGBAModel.Convert(img.At(x, y)) == bar {
				if x < 200 {
					left++
				} else {
					right++
				}
			}
		}
	}
	if ratio := float64(left) / float64(right); ratio < 1.9 || ratio > 2.1 {
		t.Errorf("columns of 100 and 50 drawn %d:%d pixels (%.2f), want 2:1", left, right, ratio)
	}
}

func TestFit(t *testing.T) {
	c := testCanvas(t, Options{})
	if got := c.fit("Reception", labelSize, 1000); got != "Reception" {
		t.Errorf("a label with room changed: %q", got)
	}
	short := c.fit(longName, labelSize, 100)
	if !strings.HasSuffix(short, ellipsis) || c.width(short, labelSize) > 100 || len(short) < 5 {
		t.Errorf("fit to 100 px: %q (%d px)", short, c.width(short, labelSize))
	}
	if got := c.fit(longName, labelSize, 1); got != "" {
		t.Errorf("fit to 1 px: %q", got)
	}
	font := arabicFont(t)
	ar := testCanvas(t, Options{Font: font})
	label := strings.Repeat("\ufeaa\ufee4\ufea4\ufee3 ", 20) + "201"
	got := []rune(ar.fit(label, labelSize, 120))
	if string(got[0]) != ellipsis || !strings.HasSuffix(string(got), "201") {
		t.Errorf("a right-to-left label is cut at its left end, got %q", string(got))
	}
}
