package charts

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Text sizes in logical pixels.
const (
	titleSize = 15
	labelSize = 11
	bigSize   = 22
)

// canvas is one chart being drawn: go-chart's raster renderer with the
// options' palette, fonts and scale. Layout is in pixels with chart.Box
// (Top, Left, Right, Bottom).
type canvas struct {
	r     chart.Renderer
	img   *image.RGBA // what r draws on
	o     Options
	t     Theme
	fonts []*truetype.Font
}

// newCanvas starts a chart: checks the options and fills the background.
func newCanvas(o Options) (*canvas, error) {
	o, err := o.normalised()
	if err != nil {
		return nil, err
	}
	roboto, err := chart.GetDefaultFont()
	if err != nil {
		return nil, fmt.Errorf("charts: built-in font: %w", err)
	}
	var fonts []*truetype.Font
	for _, f := range []*truetype.Font{o.Font, o.Fallback, roboto} {
		if f != nil && !slices.Contains(fonts, f) {
			fonts = append(fonts, f)
		}
	}
	r, err := chart.PNG(o.Width, o.Height)
	if err != nil {
		return nil, fmt.Errorf("charts: renderer: %w", err)
	}
	// go-chart's rasteriser scales glyphs by size×dpi/64 pixels to the em:
	// at 64 dpi a font size is a size in pixels, as advance assumes.
	r.SetDPI(64)
	// Saving to an RGBACollector hands over the image being drawn on
	// (without encoding it), so that rectangles, the background first,
	// can be filled directly: several times faster than rasterising them.
	var w chart.ImageWriter
	if err := r.Save(&w); err != nil {
		return nil, fmt.Errorf("charts: renderer: %w", err)
	}
	img, err := w.Image()
	rgba, ok := img.(*image.RGBA)
	if err != nil || !ok {
		return nil, fmt.Errorf("charts: renderer gives no RGBA image (%T): %v", img, err)
	}
	c := &canvas{r: r, img: rgba, o: o, t: o.Theme, fonts: fonts}
	c.rect(chart.Box{Right: o.Width, Bottom: o.Height}, c.t.Background)
	return c, nil
}

// image returns the finished chart.
func (c *canvas) image() (image.Image, error) {
	return c.img, nil
}

// px converts logical pixels to pixels.
func (c *canvas) px(v float64) int {
	return int(math.Round(v * c.o.Scale))
}

func dc(col color.NRGBA) drawing.Color {
	return drawing.Color{R: col.R, G: col.G, B: col.B, A: col.A}
}

// rect fills b, clipped to the image, with col.
func (c *canvas) rect(b chart.Box, col color.NRGBA) {
	r := image.Rect(b.Left, b.Top, b.Right, b.Bottom)
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Over)
}

// line strokes a straight line width logical pixels wide.
func (c *canvas) line(from, to image.Point, width float64, col color.NRGBA) {
	c.r.SetStrokeColor(dc(col))
	c.r.SetStrokeWidth(width * c.o.Scale)
	c.r.SetStrokeDashArray(nil)
	c.r.MoveTo(from.X, from.Y)
	c.r.LineTo(to.X, to.Y)
	c.r.Stroke()
}

// Horizontal alignment of text against its x.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

// textStyle is how a string is drawn: its size in logical pixels, its
// alignment against its x and its colour.
type textStyle struct {
	size  float64
	align int
	col   color.NRGBA
}

// text draws s vertically centred on y and aligned against x, each run in
// its own font.
func (c *canvas) text(s string, x, y int, st textStyle) {
	px := st.size * c.o.Scale
	switch st.align {
	case alignCenter:
		x -= int(textWidth(c.fonts, s, px) / 2)
	case alignRight:
		x -= int(textWidth(c.fonts, s, px))
	}
	base := y + int(0.36*px) // half a capital's height below the middle
	c.r.SetFontSize(px)
	c.r.SetFontColor(dc(st.col))
	fx := float64(x)
	for _, r := range runs(c.fonts, s) {
		c.r.SetFont(r.font)
		c.r.Text(r.text, int(math.Round(fx)), base)
		fx += advance(r.font, r.text, px)
	}
}

// width returns the width in pixels of s at size logical pixels.
func (c *canvas) width(s string, size float64) int {
	return int(math.Ceil(textWidth(c.fonts, s, size*c.o.Scale)))
}

// fit shortens s with an ellipsis to at most w pixels at size.
func (c *canvas) fit(s string, size float64, w int) string {
	return fit(c.fonts, s, size*c.o.Scale, float64(w))
}

// lineHeight is the height in pixels of a line of text at size.
func (c *canvas) lineHeight(size float64) int {
	return c.px(size * 1.3)
}

// header draws the title and the legend and returns the box left for the
// chart below them, inside the margins.
func (c *canvas) header(legend []legendItem) chart.Box {
	m := c.px(12)
	b := chart.Box{Top: m, Left: m, Right: c.o.Width - m, Bottom: c.o.Height - m}
	if c.o.Title != "" {
		h := c.lineHeight(titleSize)
		title := c.fit(c.o.Title, titleSize, b.Width())
		c.text(title, c.o.Width/2, b.Top+h/2, textStyle{titleSize, alignCenter, c.t.Text})
		b.Top += h + c.px(6)
	}
	if len(legend) > 0 {
		b.Top = c.legend(legend, b) + c.px(8)
	}
	return b
}

// noData draws the "no data" words in the middle of b.
func (c *canvas) noData(b chart.Box) {
	s := c.fit(c.o.Labels.NoData, labelSize*1.3, b.Width())
	c.text(s, (b.Left+b.Right)/2, (b.Top+b.Bottom)/2, textStyle{labelSize * 1.3, alignCenter, c.t.Muted})
}
