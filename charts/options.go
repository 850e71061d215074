package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"time"

	"github.com/golang/freetype/truetype"
)

// Options says how a chart is drawn. The zero value draws a 640×360 light
// chart in the built-in font with English words.
type Options struct {
	// Width and Height are the image size in pixels: 640×360 when zero,
	// at most MaxSize each.
	Width, Height int
	// Scale is the number of pixels per logical pixel: text, lines and
	// margins grow with it. Pass Fyne's canvas.Scale() (with Width and
	// Height multiplied by it) for a sharp image, 2–3 for print. 1 when
	// 0; kept between 0.5 and 16.
	Scale float64
	Theme Theme // LightTheme when zero
	// Font draws every string (nil: the built-in Roboto). Runes it lacks
	// (Latin letters and "%" in Noto Sans Arabic, for instance) come from
	// Fallback, then from Roboto: pass Noto Sans Arabic with Noto Sans so
	// that Latin names in Arabic charts match it. See ParseFont.
	Font, Fallback *truetype.Font
	Title          string
	Labels         Labels
}

// Labels are the words and formats charts draw themselves. Like every
// string a chart draws (Title, Bar.Label) they must arrive translated and,
// for Arabic, already shaped and reordered for display: charts draw
// strings as given, left to right. Empty fields are English.
type Labels struct {
	Inbound, Outbound, Internal string // legend of the direction charts
	NoData                      string // drawn instead of a chart with nothing to show
	Hour, Minute, Second        string // duration units: "h", "m", "s"
	Decimal                     string // decimal separator: "."
	Thousands                   string // thousands separator of exact counts: ","
	// Day labels a day on the cost trend's axis: "2 Jan" when nil, or
	// "2 Jan 2006" when the days are not all in one year.
	Day func(time.Time) string
}

// MaxSize is the largest Width or Height a chart may have.
const MaxSize = 8192

// normalised returns o with its defaults filled in, or an error for a size
// no chart can have.
func (o Options) normalised() (Options, error) {
	if o.Width == 0 && o.Height == 0 {
		o.Width, o.Height = 640, 360
	}
	if o.Width <= 0 || o.Height <= 0 || o.Width > MaxSize || o.Height > MaxSize {
		return o, fmt.Errorf("charts: size %d×%d: want 1–%d pixels each way", o.Width, o.Height, MaxSize)
	}
	if o.Scale == 0 || math.IsNaN(o.Scale) {
		o.Scale = 1
	}
	o.Scale = min(max(o.Scale, 0.5), 16)
	o.Theme = o.Theme.normalised()
	o.Labels = o.Labels.normalised()
	return o, nil
}

func (l Labels) normalised() Labels {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&l.Inbound, "Inbound")
	def(&l.Outbound, "Outbound")
	def(&l.Internal, "Internal")
	def(&l.NoData, "No data")
	def(&l.Hour, "h")
	def(&l.Minute, "m")
	def(&l.Second, "s")
	def(&l.Decimal, ".")
	def(&l.Thousands, ",")
	return l
}

// ParseFont reads a TrueType font (a .ttf file such as Noto Sans Arabic)
// for Options.Font. Parse it once and reuse it: a font is safe to share
// between charts drawn at the same time. OpenType fonts with CFF outlines
// (most .otf files) are not supported.
func ParseFont(ttf []byte) (*truetype.Font, error) {
	f, err := truetype.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("charts: parse font: %w", err)
	}
	return f, nil
}

// PNG encodes a chart as PNG, for the PDF reports and the web portal.
func PNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("charts: encode png: %w", err)
	}
	return b.Bytes(), nil
}
