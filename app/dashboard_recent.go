package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/drivers"
	"calltally.app/i18n"
)

// dashRecentCount is how many of the newest calls the dashboard lists.
const dashRecentCount = 15

// The columns of the recent calls, in data order.
var dashRecentTitles = []string{"col.start", "col.direction", "col.extension", "col.external", "col.duration"}

// dashRecentList is the dashboard's newest calls: a fixed set of rows built
// once, their labels set on each refresh.
type dashRecentList struct {
	box   *fyne.Container
	empty *widget.Label
	rows  []*fyne.Container
	cells [][]*widget.Label
}

func newDashRecentList() *dashRecentList {
	l := &dashRecentList{empty: ui.NewLabel(i18n.T("dashboard.no_recent"))}
	header := make([]fyne.CanvasObject, len(dashRecentTitles))
	for i, id := range dashRecentTitles {
		header[i] = ui.NewBold(i18n.T(id))
	}
	l.box = ui.VBox(ui.Grid(len(dashRecentTitles), header...), l.empty)
	for range dashRecentCount {
		cells := make([]*widget.Label, len(dashRecentTitles))
		objects := make([]fyne.CanvasObject, len(cells))
		for j := range cells {
			cells[j] = ui.NewLabel("")
			cells[j].Truncation = fyne.TextTruncateEllipsis
			objects[j] = cells[j]
		}
		row := ui.Grid(len(cells), objects...)
		row.Hide()
		l.rows, l.cells = append(l.rows, row), append(l.cells, cells)
		l.box.Add(row)
	}
	return l
}

// set shows calls, newest first, as of now.
func (l *dashRecentList) set(calls []drivers.Call, now time.Time) {
	for i, row := range l.rows {
		if i >= len(calls) {
			row.Hide()
			continue
		}
		for j, text := range dashRecentTexts(&calls[i], now) {
			ui.SetText(l.cells[i][j], text)
		}
		row.Show()
	}
	l.empty.Hidden = len(calls) > 0
	l.box.Refresh()
}

// dashRecentTexts are a call's cells: its start (the time alone when it was
// today), direction, extension, outside number and talk time.
func dashRecentTexts(c *drivers.Call, now time.Time) []string {
	start := i18n.DateTime(c.Start)
	if y, m, d := now.In(c.Start.Location()).Date(); c.Start.Year() == y && c.Start.Month() == m && c.Start.Day() == d {
		start = i18n.Time(c.Start)
	}
	return []string{
		start,
		i18n.T("direction." + string(c.Direction)),
		dashParty(c.Extension, c.ExtensionName),
		dashParty(c.External, c.ExternalName),
		i18n.Duration(c.Duration),
	}
}

// dashParty is a number with its name, "201 Reception", or whichever
// of the two there is.
func dashParty(number, name string) string { return party(number, name, " ") }
