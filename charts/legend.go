package charts

import (
	"image/color"

	chart "github.com/wcharczuk/go-chart/v2"
)

// legendItem is one entry of a legend: a colour swatch and its words.
type legendItem struct {
	label string
	col   color.NRGBA
}

// legend draws items centred in rows at the top of b, wrapping when a row
// is full, and returns the y below the last row.
func (c *canvas) legend(items []legendItem, b chart.Box) int {
	sw, gap, between := c.px(10), c.px(5), c.px(16)
	h := c.lineHeight(labelSize)
	widths := make([]int, len(items))
	for i, it := range items {
		it.label = c.fit(it.label, labelSize, b.Width()-sw-gap)
		items[i] = it
		widths[i] = sw + gap + c.width(it.label, labelSize)
	}
	y := b.Top
	for start := 0; start < len(items); {
		end, rowW := start+1, widths[start]
		for end < len(items) && rowW+between+widths[end] <= b.Width() {
			rowW += between + widths[end]
			end++
		}
		x := (b.Left+b.Right)/2 - rowW/2
		for i := start; i < end; i++ {
			mid := y + h/2
			c.rect(chart.Box{Left: x, Top: mid - sw/2, Right: x + sw, Bottom: mid - sw/2 + sw}, items[i].col)
			c.text(items[i].label, x+sw+gap, mid, textStyle{labelSize, alignLeft, c.t.Text})
			x += widths[i] + between
		}
		y += h
		start = end
	}
	return y
}

// directionLegend is the legend of the charts split by direction.
func (c *canvas) directionLegend() []legendItem {
	l := c.o.Labels
	return []legendItem{
		{l.Inbound, c.t.series(0)},
		{l.Outbound, c.t.series(1)},
		{l.Internal, c.t.series(2)},
	}
}
