package charts

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	chart "github.com/wcharczuk/go-chart/v2"
)

// DayCost is the cost of one day's calls.
type DayCost struct {
	Day time.Time // the day's date in its own location; the clock is ignored
	// Cost is in micro-units, millionths of the currency's major unit, as
	// costing.Money; it is turned into a float only to be drawn.
	Cost     int64
	Currency string // ISO 4217 code
}

// maxDays is the most days CostTrend draws: the newest ten years.
const maxDays = 3660

// trend is the cost per day and currency, ready to draw.
type trend struct {
	first      time.Time            // the first day, midnight UTC
	currencies []string             // sorted
	cost       map[string][]float64 // per currency, per day from first, in major units
}

// newTrend sums days by date and currency, missing days as 0.
func newTrend(days []DayCost) trend {
	date := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	first, last := date(days[0].Day), date(days[0].Day)
	for _, d := range days {
		first, last = minTime(first, date(d.Day)), maxTime(last, date(d.Day))
	}
	n := int(last.Sub(first).Hours()/24) + 1
	if n > maxDays || n < 1 { // also when the span overflows a Duration
		n, first = maxDays, last.AddDate(0, 0, 1-maxDays)
	}
	t := trend{first: first, cost: map[string][]float64{}}
	for _, d := range days {
		i := int(date(d.Day).Sub(first).Hours() / 24)
		if date(d.Day).Before(first) || i >= n {
			continue
		}
		cur := strings.ToUpper(strings.TrimSpace(d.Currency))
		if t.cost[cur] == nil {
			t.cost[cur] = make([]float64, n)
			t.currencies = append(t.currencies, cur)
		}
		t.cost[cur][i] += float64(d.Cost) / 1e6
	}
	slices.Sort(t.currencies)
	return t
}

func (t trend) days() int { return len(t.cost[t.currencies[0]]) }

// CostTrend draws the cost of each day as a line over the days from the
// first to the last of days (missing days cost 0; at most the newest ten
// years), amounts in major units on an axis from zero, the currency's code
// above the axis. Several currencies get a line each and a legend. No days
// draw the "no data" chart.
func CostTrend(days []DayCost, o Options) (image.Image, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	if len(days) == 0 {
		c.noData(c.header(nil))
		return c.image()
	}
	t := newTrend(days)
	var legend []legendItem
	if len(t.currencies) > 1 {
		for i, cur := range t.currencies {
			legend = append(legend, legendItem{cmp.Or(cur, "?"), c.t.series(i)})
		}
	}
	b := c.header(legend)
	lo, hi := 0.0, 0.0
	for _, cur := range t.currencies {
		for _, v := range t.cost[cur] {
			lo, hi = min(lo, clean(v)), max(hi, clean(v))
		}
	}
	if len(t.currencies) == 1 && t.currencies[0] != "" {
		h := c.lineHeight(labelSize)
		c.text(t.currencies[0], b.Left, b.Top+h/2, textStyle{labelSize, alignLeft, c.t.Muted})
		b.Top += h
	}
	labels, widest := c.dayNames(t)
	b.Right -= max(0, widest/2-c.px(10)) // room for the newest day's label
	if a, plot, ok := c.valueAxis(c.withLabelRow(b), lo, hi, c.money(t.currencies[0])); ok {
		if len(t.currencies) == 1 {
			c.shade(t.cost[t.currencies[0]], a, plot, c.t.series(0))
		}
		for i, cur := range t.currencies {
			c.costLine(t.cost[cur], a, plot, c.t.series(i))
		}
		c.dayLabels(plot, labels, widest)
	}
	return c.image()
}

// slotX returns the x of the middle of slot i of n in plot.
func slotX(plot chart.Box, i, n int) int {
	return plot.Left + int(float64(plot.Width())*(float64(i)+0.5)/float64(n))
}

// shade fills the area between a line and zero, faintly.
func (c *canvas) shade(cost []float64, a valueAxis, plot chart.Box, col color.NRGBA) {
	col.A = 0x38
	n := len(cost)
	c.r.SetFillColor(dc(col))
	c.r.MoveTo(slotX(plot, 0, n), a.y(0))
	for d, v := range cost {
		c.r.LineTo(slotX(plot, d, n), a.y(v))
	}
	c.r.LineTo(slotX(plot, n-1, n), a.y(0))
	c.r.Close()
	c.r.Fill()
}

// costLine draws one currency's line, with a dot per day when days are
// wide enough to tell apart.
func (c *canvas) costLine(cost []float64, a valueAxis, plot chart.Box, col color.NRGBA) {
	n := len(cost)
	x := func(d int) int { return slotX(plot, d, n) }
	slot := float64(plot.Width()) / float64(n)
	c.r.SetStrokeColor(dc(col))
	c.r.SetStrokeWidth(2 * c.o.Scale)
	c.r.SetStrokeDashArray(nil)
	c.r.MoveTo(x(0), a.y(cost[0]))
	for d, v := range cost[1:] {
		c.r.LineTo(x(d+1), a.y(v))
	}
	c.r.Stroke()
	if slot >= float64(c.px(10)) || len(cost) == 1 {
		radius := 2.5 * c.o.Scale
		c.r.SetFillColor(dc(col))
		for d, v := range cost {
			c.r.ArcTo(x(d), a.y(v), radius, radius, 0, 2*math.Pi)
			c.r.Close()
			c.r.Fill()
		}
	}
}

// dayNames returns the label of each day and the widest one's width.
func (c *canvas) dayNames(t trend) (labels []string, widest int) {
	n := t.days()
	name := c.o.Labels.Day
	if name == nil {
		layout := "2 Jan"
		if t.first.Year() != t.first.AddDate(0, 0, n-1).Year() {
			layout = "2 Jan 2006"
		}
		name = func(d time.Time) string { return d.Format(layout) }
	}
	labels = make([]string, n)
	for i := range labels {
		labels[i] = name(t.first.AddDate(0, 0, i))
		widest = max(widest, c.width(labels[i], labelSize))
	}
	return labels, widest
}

// dayLabels labels the days under the line: every day when there is room,
// else every 2 days, week, fortnight, 4 weeks…, counted back from the
// last day so that the newest is always labelled.
func (c *canvas) dayLabels(plot chart.Box, labels []string, widest int) {
	n := len(labels)
	slot := float64(plot.Width()) / float64(n)
	k := c.every(widest, slot, []int{1, 2, 7, 14, 28, 56, 91, 182, 364})
	for i := range labels {
		if (n-1-i)%k != 0 {
			labels[i] = ""
		}
	}
	c.slotLabels(plot, labels, k)
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
