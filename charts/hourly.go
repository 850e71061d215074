package charts

import (
	"image"
	"strconv"

	chart "github.com/wcharczuk/go-chart/v2"
)

// Directions counts calls by direction.
type Directions struct {
	In, Out, Internal int
}

// values returns the counts in the order of the theme's series colours;
// a negative count is drawn as 0.
func (d Directions) values() [3]float64 {
	return [3]float64{
		max(0, float64(d.In)), max(0, float64(d.Out)), max(0, float64(d.Internal)),
	}
}

func (d Directions) total() float64 {
	v := d.values()
	return clean(v[0] + v[1] + v[2])
}

// HourCounts holds, for each hour of the day (0–23, the site's wall
// clock), the calls that started in it.
type HourCounts [24]Directions

// CallsPerHour draws the calls of each hour of the day as bars stacked by
// direction: inbound at the bottom, then outbound and internal, with a
// legend. All-zero counts draw the "no data" chart.
func CallsPerHour(h HourCounts, o Options) (image.Image, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	var top float64
	for _, d := range h {
		top = max(top, d.total())
	}
	if top == 0 {
		c.noData(c.header(nil))
		return c.image()
	}
	b := c.header(c.directionLegend())
	if a, plot, ok := c.valueAxis(c.withLabelRow(b), 0, top, c.numbers(Count)); ok {
		c.stackedBars(h, a, plot)
		c.hourLabels(plot)
	}
	return c.image()
}

// stackedBars draws one bar per hour, its directions stacked from zero.
func (c *canvas) stackedBars(h HourCounts, a valueAxis, plot chart.Box) {
	slot := float64(plot.Width()) / float64(len(h))
	w := max(1, int(slot*0.7))
	for i, d := range h {
		left := plot.Left + int(slot*(float64(i)+0.5)) - w/2
		sum, bottom := 0.0, a.y(0)
		for s, v := range d.values() {
			sum = clean(sum + v)
			top := a.y(sum)
			c.rect(chart.Box{Left: left, Right: left + w, Top: top, Bottom: bottom}, c.t.series(s))
			bottom = top
		}
	}
}

// hourLabels labels the hours under the bars: every hour when there is
// room, else every 2, 3, 4, 6 or 12 hours from midnight.
func (c *canvas) hourLabels(plot chart.Box) {
	slot := float64(plot.Width()) / 24
	k := c.every(c.width("23", labelSize), slot, []int{1, 2, 3, 4, 6, 12})
	labels := make([]string, 24)
	for i := 0; i < 24; i += k {
		labels[i] = strconv.Itoa(i)
	}
	c.slotLabels(plot, labels, k)
}
