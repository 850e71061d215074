package charts

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
)

var samples = flag.String("samples", "", "write every test chart as charts-CHART-DATA-THEME.png into this directory, to look at")

var themes = []struct {
	name  string
	theme Theme
}{{"light", LightTheme()}, {"dark", DarkTheme()}}

// decode encodes img with PNG and decodes it again, as a report or the
// portal would use it.
func decode(t testing.TB, img image.Image) image.Image {
	t.Helper()
	b, err := PNG(img)
	if err != nil {
		t.Fatal(err)
	}
	out, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ink counts the pixels of img that differ from the background.
func ink(img image.Image, bg color.NRGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if diff(c.R, bg.R)+diff(c.G, bg.G)+diff(c.B, bg.B) > 24 {
				n++
			}
		}
	}
	return n
}

func diff(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }

func TestEveryChartRenders(t *testing.T) {
	for _, cc := range cases() {
		for _, th := range themes {
			t.Run(cc.chart+"/"+cc.data+"/"+th.name, func(t *testing.T) {
				o := Options{Width: 640, Height: 360, Theme: th.theme, Title: "Calls — " + cc.data}
				img, err := cc.draw(o)
				if err != nil {
					t.Fatal(err)
				}
				img = decode(t, img)
				if got := img.Bounds().Size(); got != image.Pt(640, 360) {
					t.Fatalf("size %v, want 640×360", got)
				}
				share := float64(ink(img, th.theme.Background)) / (640 * 360)
				lo, hi := 0.01, 0.7
				if cc.empty {
					lo, hi = 0.001, 0.02 // a title and "No data"
				}
				if share < lo || share > hi {
					t.Errorf("%.2f%% of pixels drawn, want %.1f–%.0f%%", share*100, lo*100, hi*100)
				}
				writeSample(t, fmt.Sprintf("charts-%s-%s-%s.png", cc.chart, cc.data, th.name), img)
			})
		}
	}
}

func writeSample(t *testing.T, name string, img image.Image) {
	if *samples == "" {
		return
	}
	b, err := PNG(img)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*samples, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLightAndDarkDiffer(t *testing.T) {
	for _, cc := range cases() {
		light, err := cc.draw(Options{Theme: LightTheme()})
		if err != nil {
			t.Fatal(err)
		}
		dark, err := cc.draw(Options{Theme: DarkTheme()})
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(light.(*image.RGBA).Pix, dark.(*image.RGBA).Pix) {
			t.Errorf("%s/%s: light and dark are the same image", cc.chart, cc.data)
		}
		if got := dark.At(0, 0); color.NRGBAModel.Convert(got) != DarkTheme().Background {
			t.Errorf("%s/%s: dark corner %v, want the dark background", cc.chart, cc.data, got)
		}
	}
}

func TestEmptyChartSaysSo(t *testing.T) {
	for _, cc := range cases() {
		if !cc.empty {
			continue
		}
		short, err := cc.draw(Options{Labels: Labels{NoData: "-"}})
		if err != nil {
			t.Fatal(err)
		}
		long, err := cc.draw(Options{Labels: Labels{NoData: "Nothing to show for this period"}})
		if err != nil {
			t.Fatal(err)
		}
		bg := LightTheme().Background
		if s, l := ink(short, bg), ink(long, bg); l <= s {
			t.Errorf("%s: ink %d with a long NoData, %d with a short one: NoData not drawn", cc.chart, l, s)
		}
	}
}

func TestSizes(t *testing.T) {
	for _, cc := range cases() {
		for _, sz := range []image.Point{{1, 1}, {40, 20}, {2000, 60}, {60, 1500}} {
			img, err := cc.draw(Options{Width: sz.X, Height: sz.Y, Title: longName})
			if err != nil {
				t.Fatalf("%s/%s %v: %v", cc.chart, cc.data, sz, err)
			}
			if img.Bounds().Size() != sz {
				t.Errorf("%s/%s: size %v, want %v", cc.chart, cc.data, img.Bounds().Size(), sz)
			}
		}
		for _, scale := range []float64{-1, 0.01, 1000, math.NaN(), math.Inf(1)} {
			if _, err := cc.draw(Options{Width: 300, Height: 200, Scale: scale}); err != nil {
				t.Errorf("%s/%s at scale %v: %v", cc.chart, cc.data, scale, err)
			}
		}
		for _, sz := range []image.Point{{0, 10}, {-1, 10}, {MaxSize + 1, 10}} {
			if _, err := cc.draw(Options{Width: sz.X, Height: sz.Y}); err == nil {
				t.Errorf("%s/%s %v: no error", cc.chart, cc.data, sz)
			}
		}
	}
}

func TestScaleKeepsSizeAndGrowsText(t *testing.T) {
	o := Options{Width: 800, Height: 400, Title: "Calls per hour"}
	one, err := CallsPerHour(HourCounts{}, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Scale = 2
	two, err := CallsPerHour(HourCounts{}, o)
	if err != nil {
		t.Fatal(err)
	}
	if two.Bounds() != one.Bounds() {
		t.Fatalf("scale 2 changed the size: %v", two.Bounds())
	}
	bg := LightTheme().Background
	if i1, i2 := ink(one, bg), ink(two, bg); i2 < 3*i1 {
		t.Errorf("text drew %d pixels at scale 2, %d at scale 1: want about 4 times as many", i2, i1)
	}
}

// Arabic labels, shaped into presentation forms and in display order as
// they arrive, draw in Noto Sans Arabic; Latin letters and digits in the
// same label come from Roboto instead of boxes.
func TestArabicLabels(t *testing.T) {
	arabic, latin := arabicFont(t), notoFont(t, "NotoSans-Regular.ttf")
	sara, mohammed := "\ufe93\ufead\ufe8e\ufeb3", "\ufeaa\ufee4\ufea4\ufee3" // سارة, محمد
	bars := []Bar{{"201 " + sara, 48}, {"202 " + mohammed, 31}, {"203 Anna", 12}}
	for _, th := range themes {
		o := Options{Theme: th.theme, Font: arabic, Fallback: latin, Title: mohammed + " " + sara}
		noto := drawRows(t, bars, o)
		o.Fallback = nil
		roboto := drawRows(t, bars, o)
		o.Font = nil
		boxes := drawRows(t, bars, o)
		if bytes.Equal(noto.Pix, roboto.Pix) || bytes.Equal(roboto.Pix, boxes.Pix) {
			t.Error("the Arabic font or its fallback changed nothing")
		}
		writeSample(t, "charts-extensions-arabic-"+th.name+".png", decode(t, noto))
	}
	fonts := []*truetype.Font{arabic, latin, mustRoboto(t)}
	got := runs(fonts, "201 "+sara+" Anna")
	want := []run{{"201 " + sara + " ", arabic}, {"Anna", latin}}
	if len(got) != len(want) {
		t.Fatalf("runs %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("run %d: %q in %p, want %q in %p", i, got[i].text, got[i].font, want[i].text, want[i].font)
		}
	}
}

func drawRows(t *testing.T, bars []Bar, o Options) *image.RGBA {
	t.Helper()
	img, err := TopExtensions(bars, Count, o)
	if err != nil {
		t.Fatal(err)
	}
	return img.(*image.RGBA)
}

func mustRoboto(t *testing.T) *truetype.Font {
	f, err := chart.GetDefaultFont()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestConcurrentRenders(t *testing.T) {
	var wg sync.WaitGroup
	for _, cc := range cases() {
		for range 2 {
			wg.Go(func() {
				if _, err := cc.draw(Options{Width: 320, Height: 200}); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
}
