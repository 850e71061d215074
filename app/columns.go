package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/export"
	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
	"calltally.app/storage"
)

// A column of the call list: its title, how wide it must be, what it shows
// of a call and how it sorts.
type column struct {
	title string // message ID
	// sample is a typical widest value; the column is at least as wide as
	// it and as its title.
	sample string
	// flex is the column's share of the width left over once every column
	// has its minimum; fixed columns have 0.
	flex  float32
	align fyne.TextAlign // for left-to-right text; mirrored in Arabic
	order string         // the storage.Order* it sorts by
	// descFirst columns sort largest first on the first click: the
	// longest, dearest, newest calls are the ones looked for.
	descFirst bool
	value     func(*drivers.Call) string
}

// callColumns are the call list's columns in data order; the table shows
// them from the start side (ui.Column).
var callColumns = []column{
	{title: "col.start", sample: "2006-01-02 00:00", order: storage.OrderStart, descFirst: true, value: startText},
	{title: "col.direction", sample: "Outbound", order: storage.OrderDirection, value: directionText},
	{title: "col.extension", sample: "0000 – Anna Lee", flex: 3, order: storage.OrderExtension, value: extensionText},
	{title: "col.external", sample: "+00 00 0000000", flex: 3, order: storage.OrderExternal, value: externalText},
	{title: "col.duration", sample: "0:00:00", align: fyne.TextAlignTrailing, order: storage.OrderDuration, descFirst: true, value: durationText},
	{title: "leg.outcome", sample: "Not answered", order: storage.OrderOutcome, value: outcomeText},
	{title: "col.department", sample: "Sales", flex: 2, order: storage.OrderDepartment, value: departmentText},
	{title: "col.cost", sample: "€0,000.00", align: fyne.TextAlignTrailing, order: storage.OrderCost, descFirst: true, value: costText},
}

// startText is the call's start on the site's wall clock: drivers keep
// Start in the site's time zone.
func startText(c *drivers.Call) string { return i18n.DateTime(c.Start) }

func directionText(c *drivers.Call) string { return export.DirectionText(c.Direction) }

func extensionText(c *drivers.Call) string { return partyText(c.Extension, c.ExtensionName) }
func externalText(c *drivers.Call) string  { return partyText(c.External, c.ExternalName) }

func partyText(number, name string) string { return party(number, name, " – ") }

// party is a number and the name it has, joined by sep; either alone when
// the other is missing or says the same.
func party(number, name, sep string) string {
	if name == "" || name == number {
		return number
	}
	if number == "" {
		return name
	}
	return number + sep + name
}

func durationText(c *drivers.Call) string   { return i18n.Duration(c.Duration) }
func outcomeText(c *drivers.Call) string    { return i18n.T(export.OutcomeID(c)) }
func departmentText(c *drivers.Call) string { return c.Department }

// costText is the call's cost, or nothing for a call no tariff priced.
func costText(c *drivers.Call) string {
	if !c.Rated {
		return ""
	}
	return i18n.Money(c.Cost, c.Currency)
}

// costsText is a total in each currency, "–" when nothing was priced.
func costsText(costs storage.Costs) string {
	if len(costs) == 0 {
		return "–"
	}
	parts := make([]string, len(costs))
	for i, m := range costs {
		parts[i] = i18n.Money(m.Amount, m.Currency)
	}
	return strings.Join(parts, " + ")
}

// visualColumns returns the columns in the order they are shown, from the
// left edge: reversed in Arabic.
func visualColumns() []column {
	n := len(callColumns)
	out := make([]column, n)
	for i := range out {
		out[i] = callColumns[ui.Column(i, n)]
		switch out[i].title { // as wide as the current language writes them
		case "col.start":
			out[i].sample = i18n.DateTime(time.Date(2026, 12, 28, 23, 58, 0, 0, time.UTC))
		case "col.cost":
			out[i].sample = i18n.Money(99_990_000, "EUR")
		}
	}
	return out
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

// headerLayout lays out the call list's own header row: one title per
// column, in visual order, at the table's column positions. It sizes the
// columns to the width it is given, less room for the table's scroll bar,
// and hands the widths to setWidths so that the table below uses the same
// ones. The table's own header row is not used: at a million rows it
// costs hundreds of MiB (see TOOLCHAIN.md).
type headerLayout struct {
	columns   []column // visual order
	setWidths func([]float32)
	mins      []float32 // cached: measuring text on every layout is slow
}

func (l *headerLayout) minWidths(titles []fyne.CanvasObject) []float32 {
	if l.mins != nil {
		return l.mins
	}
	mins := make([]float32, len(l.columns))
	sample := widget.NewLabel("")
	for i, col := range l.columns {
		sample.SetText(col.sample)
		title := titles[i].MinSize().Width
		if b, ok := titles[i].(*widget.Button); ok && b.Icon == nil {
			title += theme.IconInlineSize() + theme.Padding() // room for the sort arrow
		}
		mins[i] = max(sample.MinSize().Width, title)
	}
	l.mins = mins
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

// headerButton is a column title that sorts by the column when tapped.
func headerButton(col column, tapped func()) *widget.Button {
	b := ui.NewButton(ui.Text(i18n.T(col.title)), tapped)
	b.Importance = widget.LowImportance
	b.IconPlacement = widget.ButtonIconTrailingText
	b.Alignment = widget.ButtonAlignLeading
	if ui.Align(col.align) == fyne.TextAlignTrailing {
		b.Alignment = widget.ButtonAlignTrailing
	}
	return b
}

// showSort marks the header button of the sorted column with an arrow.
func showSort(buttons []*widget.Button, columns []column, order storage.CallOrder) {
	sorted := order.Column
	if sorted == "" {
		sorted = storage.OrderStart
	}
	for i, b := range buttons {
		var icon fyne.Resource
		if columns[i].order == sorted {
			icon = theme.MenuDropDownIcon()
			if order.Ascending {
				icon = theme.MenuDropUpIcon()
			}
		}
		b.SetIcon(icon)
	}
}
