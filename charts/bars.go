package charts

import (
	"image"

	chart "github.com/wcharczuk/go-chart/v2"
)

// Bar is one labelled value of a bar chart.
type Bar struct {
	Label string
	// Value is in the chart's Unit; negative, NaN and infinite values are
	// drawn as 0.
	Value float64
}

// value returns the bar's value as drawn.
func (b Bar) value() float64 {
	return max(0, clean(b.Value))
}

// Minimum pitch of a bar in logical pixels: bars that would be thinner
// are left out.
const (
	minRow  = 16 // a row of TopExtensions
	minSlot = 8  // a column of TopDestinations
)

// TopExtensions draws bars as horizontal bars, one row each in the order
// given, with the label (extension and name, say) at the left and the
// value at the end of the bar. Rows that do not fit the height are left
// out, so pass the bars sorted, largest first. No bars, or only zeros,
// draw the "no data" chart.
func TopExtensions(bars []Bar, u Unit, o Options) (image.Image, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	b := c.header(nil)
	bars = bars[:min(len(bars), max(0, b.Height()/c.px(minRow)))]
	top := largest(bars)
	if top == 0 {
		c.noData(b)
		return c.image()
	}
	c.rows(b, bars, top, c.numbers(u).label)
	return c.image()
}

// rows draws the horizontal bars of TopExtensions in b, top aligned.
func (c *canvas) rows(b chart.Box, bars []Bar, top float64, format func(float64) string) {
	labelW, valueW := 0, 0
	for _, bar := range bars {
		labelW = max(labelW, c.width(bar.Label, labelSize))
		valueW = max(valueW, c.width(format(bar.value()), labelSize))
	}
	labelW = min(labelW, b.Width()*2/5)
	left := b.Left + labelW + c.px(8)
	right := b.Right - valueW - c.px(6)
	if right-left < c.px(10) {
		return
	}
	rowH := min(b.Height()/len(bars), c.px(34))
	thick := max(1, rowH*6/10)
	c.line(image.Pt(left, b.Top), image.Pt(left, b.Top+rowH*len(bars)), 1, c.t.Muted)
	for i, bar := range bars {
		y := b.Top + rowH*i + rowH/2
		v := bar.value()
		end := left + int(v/top*float64(right-left))
		if v > 0 && end == left {
			end++ // a bar too small to see still shows
		}
		c.rect(chart.Box{Left: left, Right: end, Top: y - thick/2, Bottom: y - thick/2 + thick}, c.t.series(0))
		c.text(c.fit(bar.Label, labelSize, labelW), left-c.px(8), y, textStyle{labelSize, alignRight, c.t.Text})
		c.text(format(v), end+c.px(6), y, textStyle{labelSize, alignLeft, c.t.Text})
	}
}

// TopDestinations draws bars as columns on an axis from zero, in the order
// given, with the label (destination country or type) under each column
// and its value above it. Columns that do not fit the width are left out,
// so pass the bars sorted, largest first. No bars, or only zeros, draw the
// "no data" chart.
func TopDestinations(bars []Bar, u Unit, o Options) (image.Image, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	b := c.header(nil)
	bars = bars[:min(len(bars), max(0, b.Width()/c.px(minSlot)))]
	top := largest(bars)
	if top == 0 {
		c.noData(b)
		return c.image()
	}
	nums, b := c.numbers(u), c.withLabelRow(b)
	// Headroom above the tallest column for its value.
	hi := top * (1 + float64(c.lineHeight(labelSize))/float64(max(1, b.Height())))
	if a, plot, ok := c.valueAxis(b, 0, hi, nums); ok {
		c.columns(bars, a, plot, nums.label)
	}
	return c.image()
}

// columns draws the columns of TopDestinations with their labels.
func (c *canvas) columns(bars []Bar, a valueAxis, plot chart.Box, format func(float64) string) {
	slot := float64(plot.Width()) / float64(len(bars))
	w := max(1, min(int(slot*0.6), c.px(64)))
	labels := make([]string, len(bars))
	values := float64(c.px(4)) // values are shown when they all fit
	for _, bar := range bars {
		values = max(values, float64(c.width(format(bar.value()), labelSize)+c.px(4)))
	}
	for i, bar := range bars {
		x := plot.Left + int(slot*(float64(i)+0.5))
		top := a.y(bar.value())
		if bar.value() > 0 && top == a.y(0) {
			top-- // a column too small to see still shows
		}
		c.rect(chart.Box{Left: x - w/2, Right: x - w/2 + w, Top: top, Bottom: a.y(0)}, c.t.series(0))
		if values <= slot {
			c.text(format(bar.value()), x, top-c.lineHeight(labelSize)/2, textStyle{labelSize, alignCenter, c.t.Text})
		}
		labels[i] = bar.Label
	}
	c.slotLabels(plot, labels, 1)
}

// largest returns the largest value of bars, 0 for none.
func largest(bars []Bar) float64 {
	var top float64
	for _, b := range bars {
		top = max(top, b.value())
	}
	return top
}
