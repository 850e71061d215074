package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/drivers"
)

// A column of the call list: its title, how wide it must be and what it
// shows of a call.
type column struct {
	title string
	// sample is a typical widest value; the column is at least as wide as
	// it and as its title.
	sample string
	// flex is the column's share of the width left over once every column
	// has its minimum; fixed columns have 0.
	flex  float32
	align fyne.TextAlign
	value func(*drivers.Call) string
}

var callColumns = []column{
	{title: "Start", sample: "2006-01-02 00:00:00", value: startText},
	{title: "Direction", sample: "Outbound", value: directionText},
	{title: "Extension", sample: "0000 – Reception desk", flex: 3, value: extensionText},
	{title: "External number", sample: "+00 000 0000 0000", flex: 2, value: externalText},
	{title: "Duration", sample: "00:00:00", align: fyne.TextAlignTrailing, value: durationText},
	{title: "Answered", sample: "Voicemail", value: answeredText},
}

// startText is the call's start on the site's wall clock: drivers keep
// Start in the site's time zone.
func startText(c *drivers.Call) string { return c.Start.Format(time.DateTime) }

var directionNames = map[drivers.Direction]string{
	drivers.Inbound:  "Inbound",
	drivers.Outbound: "Outbound",
	drivers.Internal: "Internal",
	drivers.Tandem:   "Tandem",
}

func directionText(c *drivers.Call) string {
	if name, ok := directionNames[c.Direction]; ok {
		return name
	}
	return string(c.Direction)
}

func extensionText(c *drivers.Call) string { return partyText(c.Extension, c.ExtensionName) }
func externalText(c *drivers.Call) string  { return partyText(c.External, c.ExternalName) }

func partyText(number, name string) string {
	if name == "" || name == number {
		return number
	}
	if number == "" {
		return name
	}
	return number + " – " + name
}

func durationText(c *drivers.Call) string { return hms(c.Duration) }

// hms formats seconds as h:mm:ss.
func hms(seconds int) string {
	if seconds < 0 {
		seconds = 0
	}
	return fmt.Sprintf("%d:%02d:%02d", seconds/3600, seconds/60%60, seconds%60)
}

func answeredText(c *drivers.Call) string {
	switch {
	case c.Answered:
		return "Yes"
	case c.Voicemail:
		return "Voicemail"
	}
	return "No"
}

// groupDigits writes n with thousands separators: 1000000 → "1,000,000".
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}

// spreadWidths gives each column its minimum width and shares what is left
// of total (after the gaps between columns) among the flexible columns.
func spreadWidths(mins, flex []float32, total, gap float32) []float32 {
	widths := make([]float32, len(mins))
	spare := total - gap*float32(len(mins)-1)
	var shares float32
	for i, m := range mins {
		widths[i] = m
		spare -= m
		shares += flex[i]
	}
	if spare <= 0 || shares == 0 {
		return widths
	}
	for i := range widths {
		widths[i] += spare * flex[i] / shares
	}
	return widths
}

// headerLayout lays out the call list's own header row: one label per
// column, at the table's column positions. It sizes the columns to the
// width it is given, less room for the table's scroll bar, and hands the
// widths to setWidths so that the table below uses the same ones. The table's own header row is not used: at a
// million rows it costs hundreds of MiB (see TOOLCHAIN.md).
type headerLayout struct {
	columns   []column
	setWidths func([]float32)
}

func (l *headerLayout) minWidths(titles []fyne.CanvasObject) []float32 {
	mins := make([]float32, len(l.columns))
	sample := widget.NewLabel("")
	for i, col := range l.columns {
		sample.SetText(col.sample)
		mins[i] = max(sample.MinSize().Width, titles[i].MinSize().Width)
	}
	return mins
}

// Layout places the titles and resizes the table's columns.
func (l *headerLayout) Layout(titles []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	flex := make([]float32, len(l.columns))
	for i, col := range l.columns {
		flex[i] = col.flex
	}
	usable := size.Width - theme.Size(theme.SizeNameScrollBar)
	widths := spreadWidths(l.minWidths(titles), flex, usable, gap)
	var x float32
	for i, title := range titles {
		title.Move(fyne.NewPos(x, 0))
		title.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i] + gap
	}
	l.setWidths(widths)
}

// MinSize is the width of all columns at their minimum: narrower, the
// table would scroll sideways under a header that cannot.
func (l *headerLayout) MinSize(titles []fyne.CanvasObject) fyne.Size {
	width, height := theme.Size(theme.SizeNameScrollBar), float32(0)
	for i, w := range l.minWidths(titles) {
		width += w
		if i > 0 {
			width += theme.Padding()
		}
		height = max(height, titles[i].MinSize().Height)
	}
	return fyne.NewSize(width, height)
}
