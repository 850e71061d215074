package charts

import (
	"image"
	"testing"
	"time"
)

// benchChart draws one chart repeatedly at the dashboard's card size and
// reports milliseconds per chart.
func benchChart(b *testing.B, draw func(Options) (image.Image, error)) {
	o := Options{Width: 640, Height: 360, Title: "Calls per hour"}
	start := time.Now()
	for b.Loop() {
		if _, err := draw(o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/chart")
}

func BenchmarkCallsPerHour(b *testing.B) {
	h := officeHours()
	benchChart(b, func(o Options) (image.Image, error) { return CallsPerHour(h, o) })
}

func BenchmarkDirectionSplit(b *testing.B) {
	benchChart(b, func(o Options) (image.Image, error) {
		return DirectionSplit(Directions{In: 1234, Out: 877, Internal: 310}, o)
	})
}

func BenchmarkTopExtensions(b *testing.B) {
	benchChart(b, func(o Options) (image.Image, error) { return TopExtensions(extensions, Count, o) })
}

func BenchmarkTopDestinations(b *testing.B) {
	benchChart(b, func(o Options) (image.Image, error) { return TopDestinations(destinations, Count, o) })
}

// BenchmarkCostTrend draws 90 days, the dashboard's longest period.
func BenchmarkCostTrend(b *testing.B) {
	days := append(append(month(), month()...), month()...)
	for i := range days {
		days[i].Day = days[i].Day.AddDate(0, 0, i-i%30)
	}
	benchChart(b, func(o Options) (image.Image, error) { return CostTrend(days, o) })
}

// BenchmarkPNG encodes a drawn chart, as the reports and the portal do.
func BenchmarkPNG(b *testing.B) {
	img, err := CallsPerHour(officeHours(), Options{Width: 640, Height: 360})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for b.Loop() {
		if _, err := PNG(img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/chart")
}
