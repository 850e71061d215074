package charts

import (
	"image"
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

// valueAxis maps values to the rows of a vertical axis.
type valueAxis struct {
	lo, hi      float64 // the values at the bottom and the top
	top, bottom int     // their pixel rows
}

// y returns the pixel row of v.
func (a valueAxis) y(v float64) int {
	f := (clean(v) - a.lo) / (a.hi - a.lo)
	return a.bottom - int(math.Round(f*float64(a.bottom-a.top)))
}

// ticks returns round values from at most lo to at least hi, about n of
// them, a multiple of one step apart. The range always holds zero, so
// that bars and lines are measured from it (as TOOLCHAIN.md asks of
// go-chart's own YAxis.Range).
func ticks(lo, hi float64, n int, nums numbers) []float64 {
	lo, hi = min(clean(lo), 0), max(clean(hi), 0)
	if hi == lo {
		hi = lo + 1
	}
	step := nums.step((hi - lo) / float64(max(n, 1)))
	first, last := math.Floor(lo/step), math.Ceil(hi/step)
	if last == first {
		last++
	}
	out := make([]float64, 0, int(last-first)+1)
	for k := first; k <= last; k++ {
		out = append(out, k*step)
	}
	return out
}

// valueAxis lays out a vertical axis for values from lo to hi in b: it
// draws grid lines with their labels at the left and returns the axis and
// the plot box right of the labels. ok is false when b is too small to
// hold a plot.
func (c *canvas) valueAxis(b chart.Box, lo, hi float64, nums numbers) (a valueAxis, plot chart.Box, ok bool) {
	lh := c.lineHeight(labelSize)
	plot = chart.Box{Top: b.Top + lh/2, Left: b.Left, Right: b.Right, Bottom: b.Bottom}
	if plot.Height() < lh*2 {
		return a, plot, false
	}
	ts := ticks(lo, hi, plot.Height()/c.px(45), nums)
	labels := make([]string, len(ts))
	widest := 0
	for i, t := range ts {
		labels[i] = nums.format(t)
		widest = max(widest, c.width(labels[i], labelSize))
	}
	plot.Left += min(widest, b.Width()/3) + c.px(6)
	if plot.Width() < c.px(20) {
		return a, plot, false
	}
	a = valueAxis{lo: ts[0], hi: ts[len(ts)-1], top: plot.Top, bottom: plot.Bottom}
	for i, t := range ts {
		y := a.y(t)
		col := c.t.Grid
		if t == 0 {
			col = c.t.Muted // the baseline bars stand on
		}
		c.line(image.Pt(plot.Left, y), image.Pt(plot.Right, y), 1, col)
		c.text(c.fit(labels[i], labelSize, b.Width()/3), plot.Left-c.px(6), y, textStyle{labelSize, alignRight, c.t.Muted})
	}
	return a, plot, true
}

// every returns how many slots of width slot one label of width w needs,
// from steps, so that labels do not touch: 1 when each slot has room.
func (c *canvas) every(w int, slot float64, steps []int) int {
	need := float64(w + c.px(8))
	for _, s := range steps {
		if float64(s)*slot >= need {
			return s
		}
	}
	if slot <= 0 {
		return 1
	}
	return int(math.Ceil(need / slot))
}

// withLabelRow returns b less a row for the labels under a plot's slots.
func (c *canvas) withLabelRow(b chart.Box) chart.Box {
	b.Bottom -= c.lineHeight(labelSize) + c.px(4)
	return b
}

// slotLabels draws labels under n equal slots of plot, each shortened to
// k slots of room; empty labels leave their slot unlabelled, and a label
// that would reach past the plot's left or the image's right margin is
// left out.
func (c *canvas) slotLabels(plot chart.Box, labels []string, k int) {
	slot := float64(plot.Width()) / float64(len(labels))
	y := plot.Bottom + c.px(4) + c.lineHeight(labelSize)/2
	room := int(slot*float64(k)) - c.px(4)
	for i, l := range labels {
		l = c.fit(l, labelSize, room)
		x, w := plot.Left+int(slot*(float64(i)+0.5)), c.width(l, labelSize)
		if l == "" || x-w/2 < plot.Left-c.px(4) || x+w-w/2 > c.o.Width-c.px(2) {
			continue
		}
		c.text(l, x, y, textStyle{labelSize, alignCenter, c.t.Muted})
	}
}
