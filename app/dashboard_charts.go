package app

import (
	"fmt"
	"image"
	"log/slog"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/golang/freetype/truetype"

	"calltally.app/app/ui"
	"calltally.app/charts"
	"calltally.app/i18n"
	"calltally.app/i18n/fonts"
	"calltally.app/i18n/shape"
	"calltally.app/storage"
)

// The dashboard's charts, in the order of its chart grid.
const (
	dashChartHours = iota
	dashChartSplit
	dashChartExtensions
	dashChartDestinations
	dashChartCost
	dashChartCount
)

// dashChartTitles are the message IDs of the charts' titles.
var dashChartTitles = [dashChartCount]string{
	"chart.calls_per_hour", "chart.by_direction", "chart.top_extensions",
	"chart.top_destinations", "chart.cost_by_day",
}

// dashChartMin is the least size of a chart on screen: the grid gives it more
// on a wide window and the chart is drawn at the size it gets.
var dashChartMin = fyne.NewSize(300, 210)

// dashTopN is how many extensions and destinations the charts rank.
const dashTopN = 8

// The fonts charts draw with, parsed once: the ones the app's theme uses,
// so that charts read like the rest of the window.
var (
	chartLatinFont  = sync.OnceValue(func() *truetype.Font { return parseChartFont(fonts.LatinRegular) })
	chartArabicFont = sync.OnceValue(func() *truetype.Font { return parseChartFont(fonts.ArabicRegular) })
)

func parseChartFont(ttf []byte) *truetype.Font {
	f, err := charts.ParseFont(ttf)
	if err != nil {
		slog.Error("Charts fall back to the built-in font", "error", err)
		return nil
	}
	return f
}

// newDashChartImage is an empty chart slot of the grid.
func newDashChartImage() *canvas.Image {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(dashChartMin)
	return img
}

// dashChartOptions are the options every chart of a refresh shares, taken
// on the UI goroutine: the slot's size in pixels, the theme and the words
// of the current language, shaped for go-chart.
func dashChartOptions(slot fyne.Size, scale float32) charts.Options {
	if slot.Width < dashChartMin.Width || slot.Height < dashChartMin.Height {
		slot = dashChartMin
	}
	o := charts.Options{
		Width: int(slot.Width * scale), Height: int(slot.Height * scale), Scale: float64(scale),
		Theme: charts.LightTheme(), Font: chartLatinFont(), Labels: dashChartLabels(),
	}
	if ui.CurrentTheme().Dark() {
		o.Theme = charts.DarkTheme()
	}
	if i18n.IsRTL() {
		o.Font, o.Fallback = chartArabicFont(), chartLatinFont()
	}
	return o
}

func dashChartLabels() charts.Labels {
	dec, thousands := chartSeparators()
	return charts.Labels{
		Inbound:  shape.Visual(i18n.T("direction.inbound")),
		Outbound: shape.Visual(i18n.T("direction.outbound")),
		Internal: shape.Visual(i18n.T("direction.internal")),
		NoData:   shape.Visual(i18n.T("dashboard.no_data")),
		Decimal:  dec, Thousands: thousands,
		Day: chartDayMonth,
	}
}

// chartSeparators reads the current language's decimal and thousands
// separators off a formatted number ("12,345.5", "12.345,5", "12 345,5").
func chartSeparators() (dec, thousands string) {
	r := []rune(i18n.Decimal(12345.5, 1))
	if len(r) < 7 {
		return "", ""
	}
	return string(r[len(r)-2]), string(r[2 : len(r)-5])
}

// chartDayMonth is a day on the cost trend's axis: the language's numeric
// date without the year (03-14, 14.03, 14/03).
func chartDayMonth(t time.Time) string {
	return strings.Trim(strings.Replace(i18n.Date(t), t.Format("2006"), "", 1), "-./ ")
}

// dashChartInputs is what the charts of a refresh are drawn from.
type dashChartInputs struct {
	board        storage.Dashboard
	extensions   []storage.ExtensionStat
	destinations []storage.DestinationStat
}

// dashChartCache keeps the last image of each chart with what it was drawn
// from, so that a refresh that changed nothing a chart shows draws it not
// again. Only the refresh under way uses it (refreshes never overlap).
type dashChartCache struct {
	keys   [dashChartCount]string
	images [dashChartCount]image.Image
}

// draw returns the five charts for in, drawing only those whose data,
// size, theme or language changed; titles are the charts' titles, shaped.
func (c *dashChartCache) draw(in dashChartInputs, o charts.Options, titles [dashChartCount]string) ([dashChartCount]image.Image, error) {
	look := fmt.Sprintf("%d×%d@%v %v %s|", o.Width, o.Height, o.Scale, o.Theme.Background, i18n.Current().Tag)
	for i := range dashChartCount {
		data := dashChartData(i, in)
		key := look + titles[i] + fmt.Sprint(data)
		if key == c.keys[i] && c.images[i] != nil {
			continue
		}
		o.Title = titles[i]
		img, err := dashDrawChart(i, data, o)
		if err != nil {
			return c.images, fmt.Errorf("draw %s: %w", dashChartTitles[i], err)
		}
		c.keys[i], c.images[i] = key, img
	}
	return c.images, nil
}

// dashChartData is what chart i shows of in.
func dashChartData(i int, in dashChartInputs) any {
	switch i {
	case dashChartHours:
		return dashHours(in.board)
	case dashChartSplit:
		return dashSplit(in.board)
	case dashChartExtensions:
		return dashExtensionBars(in.extensions)
	case dashChartDestinations:
		return dashDestinationBars(in.destinations)
	}
	return dashCostDays(in.board)
}

// dashDrawChart draws chart i from its dashChartData.
func dashDrawChart(i int, data any, o charts.Options) (image.Image, error) {
	switch i {
	case dashChartHours:
		return charts.CallsPerHour(data.(charts.HourCounts), o)
	case dashChartSplit:
		return charts.DirectionSplit(data.(charts.Directions), o)
	case dashChartExtensions:
		return charts.TopExtensions(data.([]charts.Bar), charts.Count, o)
	case dashChartDestinations:
		return charts.TopDestinations(data.([]charts.Bar), charts.Count, o)
	}
	return charts.CostTrend(data.([]charts.DayCost), o)
}

func dashHours(d storage.Dashboard) charts.HourCounts {
	var h charts.HourCounts
	for i, c := range d.Hours {
		h[i] = charts.Directions{In: c.In, Out: c.Out, Internal: c.Internal}
	}
	return h
}

func dashSplit(d storage.Dashboard) charts.Directions {
	s := d.Summary
	return charts.Directions{In: s.Inbound, Out: s.Outbound, Internal: s.Internal}
}

func dashExtensionBars(stats []storage.ExtensionStat) []charts.Bar {
	bars := make([]charts.Bar, len(stats))
	for i, s := range stats {
		label := s.Extension
		if s.Name != "" {
			label += " " + s.Name
		}
		bars[i] = charts.Bar{Label: shape.Visual(label), Value: float64(s.Calls)}
	}
	return bars
}

func dashDestinationBars(stats []storage.DestinationStat) []charts.Bar {
	bars := make([]charts.Bar, len(stats))
	for i, s := range stats {
		kind := s.Type
		if kind == "" {
			kind = "unknown"
		}
		label := i18n.T("numbertype." + kind)
		if s.Country != "" {
			label = s.Country + " " + label
		}
		bars[i] = charts.Bar{Label: shape.Visual(label), Value: float64(s.Calls)}
	}
	return bars
}

func dashCostDays(d storage.Dashboard) []charts.DayCost {
	days := make([]charts.DayCost, len(d.CostByDay))
	for i, c := range d.CostByDay {
		days[i] = charts.DayCost{Day: c.Day, Cost: c.Cost, Currency: c.Currency}
	}
	return days
}
