package charts

import (
	"image"
	"image/color"
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

// DirectionSplit draws the share of each direction as a donut with the
// total in its hole, beside (or, in a tall image, under) a legend giving
// each direction's percentage and count. No calls draw the "no data"
// chart.
func DirectionSplit(d Directions, o Options) (image.Image, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	b := c.header(nil)
	if d.total() == 0 {
		c.noData(b)
		return c.image()
	}
	v := d.values()
	rows := c.splitRows(v[:])
	donut, list := c.splitLayout(b, rows)
	c.donut(donut, v[:], c.count(d.total()))
	c.splitLegend(list, rows)
	return c.image()
}

// legendSize is the text size of the donut's legend.
const legendSize = labelSize * 1.3

// splitRow is one line of the donut's legend.
type splitRow struct {
	label, percent, count string
	col                   color.NRGBA
}

func (c *canvas) splitRows(v []float64) []splitRow {
	pc := percents(v)
	names := c.directionLegend()
	rows := make([]splitRow, len(v))
	for i := range v {
		rows[i] = splitRow{names[i].label, pc[i], c.count(v[i]), names[i].col}
	}
	return rows
}

// splitLayout divides b into the donut's square and the legend's box: side
// by side, centred, when b is wide enough, else the legend under the donut.
func (c *canvas) splitLayout(b chart.Box, rows []splitRow) (donut, list chart.Box) {
	listW, gap := c.legendWidth(rows), c.px(32)
	if side := min(b.Height()*9/10, b.Width()-listW-gap); side >= b.Height()*2/3 {
		left := b.Left + (b.Width()-side-gap-listW)/2
		top := b.Top + (b.Height()-side)/2
		donut = chart.Box{Top: top, Bottom: top + side, Left: left, Right: left + side}
		list = chart.Box{Top: b.Top, Bottom: b.Bottom, Left: donut.Right + gap, Right: b.Right}
		return donut, list
	}
	listH := len(rows)*c.lineHeight(legendSize) + c.px(8)
	side := max(0, min(b.Width(), b.Height()-listH))
	left, top := (b.Left+b.Right-side)/2, b.Top+(b.Height()-side-listH)/2
	donut = chart.Box{Top: top, Bottom: top + side, Left: left, Right: left + side}
	list = chart.Box{Top: donut.Bottom + c.px(8), Bottom: donut.Bottom + listH, Left: b.Left, Right: b.Right}
	list.Left = max(b.Left, (b.Left+b.Right-listW)/2)
	return donut, list
}

// splitColumns are the widths of the legend's columns, in pixels.
type splitColumns struct{ swatch, gap, label, percent, count int }

func (c *canvas) splitColumns(rows []splitRow) splitColumns {
	k := splitColumns{swatch: c.px(10), gap: c.px(10)}
	for _, r := range rows {
		k.label = max(k.label, c.width(r.label, legendSize))
		k.percent = max(k.percent, c.width(r.percent, legendSize))
		k.count = max(k.count, c.width(r.count, legendSize))
	}
	return k
}

func (k splitColumns) total() int {
	return k.swatch + k.label + k.percent + k.count + 3*k.gap
}

func (c *canvas) legendWidth(rows []splitRow) int {
	return c.splitColumns(rows).total()
}

// splitLegend draws the rows vertically centred in list: swatch, label,
// percentage and count, the label shortened when list is too narrow.
func (c *canvas) splitLegend(list chart.Box, rows []splitRow) {
	k := c.splitColumns(rows)
	k.label = max(0, min(k.label, list.Width()-(k.total()-k.label)))
	size, lh := legendSize, c.lineHeight(legendSize)
	y := list.Top + (list.Height()-len(rows)*lh)/2 + lh/2
	for _, r := range rows {
		x := list.Left
		c.rect(chart.Box{Left: x, Right: x + k.swatch, Top: y - k.swatch/2, Bottom: y - k.swatch/2 + k.swatch}, r.col)
		x += k.swatch + k.gap
		c.text(c.fit(r.label, size, k.label), x, y, textStyle{size, alignLeft, c.t.Text})
		x += k.label + k.gap + k.percent
		c.text(r.percent, x, y, textStyle{size, alignRight, c.t.Text})
		x += k.gap + k.count
		c.text(r.count, x, y, textStyle{size, alignRight, c.t.Muted})
		y += lh
	}
}

// donut draws the slices of v clockwise from the top in the square box,
// with a hole showing total.
func (c *canvas) donut(box chart.Box, v []float64, total string) {
	outer := float64(box.Width())/2 - float64(c.px(2))
	if outer < 4 {
		return
	}
	cx, cy := (box.Left+box.Right)/2, (box.Top+box.Bottom)/2
	var sum float64
	for _, x := range v {
		sum += x
	}
	angle := -math.Pi / 2
	for i, x := range v {
		if x <= 0 {
			continue
		}
		delta := x / sum * 2 * math.Pi
		c.r.SetFillColor(dc(c.t.series(i)))
		if delta >= 2*math.Pi-1e-9 {
			c.r.ArcTo(cx, cy, outer, outer, 0, 2*math.Pi)
		} else {
			c.r.MoveTo(cx, cy)
			c.r.ArcTo(cx, cy, outer, outer, angle, delta)
		}
		c.r.Close()
		c.r.Fill()
		angle += delta
	}
	c.separators(cx, cy, outer, v)
	inner := outer * 0.6
	c.r.SetFillColor(dc(c.t.Background))
	c.r.ArcTo(cx, cy, inner, inner, 0, 2*math.Pi)
	c.r.Close()
	c.r.Fill()
	size := float64(bigSize)
	if w := float64(c.width(total, size)); w > 1.4*inner {
		size *= 1.4 * inner / w
	}
	c.text(total, cx, cy, textStyle{size, alignCenter, c.t.Text})
}

// separators draws a thin line of background between neighbouring slices.
func (c *canvas) separators(cx, cy int, radius float64, v []float64) {
	var sum float64
	shown := 0
	for _, x := range v {
		sum += x
		if x > 0 {
			shown++
		}
	}
	if shown < 2 {
		return
	}
	angle := -math.Pi / 2
	for _, x := range v {
		if x <= 0 {
			continue
		}
		ex := cx + int(math.Round(math.Cos(angle)*radius))
		ey := cy + int(math.Round(math.Sin(angle)*radius))
		c.line(image.Pt(cx, cy), image.Pt(ex, ey), 2, c.t.Background)
		angle += x / sum * 2 * math.Pi
	}
}
