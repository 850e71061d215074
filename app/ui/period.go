package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/i18n"
)

// Period presets, by message ID.
var periods = []string{
	"period.today", "period.yesterday", "period.this_week", "period.last_7_days",
	"period.this_month", "period.last_month", "period.custom",
}

// Range returns the site wall-clock range [from, to) of a preset on the
// day now: weeks start on Monday. Custom has no range of its own.
func Range(preset string, now time.Time) (from, to time.Time) {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	switch preset {
	case "period.yesterday":
		return day.AddDate(0, 0, -1), day
	case "period.this_week":
		monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		return monday, day.AddDate(0, 0, 1)
	case "period.last_7_days":
		return day.AddDate(0, 0, -6), day.AddDate(0, 0, 1)
	case "period.this_month":
		return month, day.AddDate(0, 0, 1)
	case "period.last_month":
		return month.AddDate(0, -1, 0), month
	}
	return day, day.AddDate(0, 0, 1)
}

// PeriodPicker chooses a date range: a preset, or from/to dates typed in
// as YYYY-MM-DD. Times are site wall-clock times in UTC's clothing, as
// storage.CallFilter wants them.
type PeriodPicker struct {
	Content  fyne.CanvasObject
	preset   *Select
	from, to *widget.Entry
	changed  func(from, to time.Time)
	now      func() time.Time
}

// NewPeriodPicker starts on preset (a period.* ID) and calls changed with
// each new range.
func NewPeriodPicker(preset string, now func() time.Time, changed func(from, to time.Time)) *PeriodPicker {
	p := &PeriodPicker{now: now}
	names := make([]string, len(periods))
	for i, id := range periods {
		names[i] = i18n.T(id)
	}
	p.from, p.to = widget.NewEntry(), widget.NewEntry()
	p.from.SetPlaceHolder("YYYY-MM-DD")
	p.to.SetPlaceHolder("YYYY-MM-DD")
	p.from.OnSubmitted = func(string) { p.typed() }
	p.to.OnSubmitted = func(string) { p.typed() }
	p.preset = NewSelect(names, func(int) { p.picked() })
	p.preset.SetSelectedIndex(indexOf(periods, preset))
	p.changed = changed // not for the initial preset: the caller reads Range
	date := TextWidth("2026-12-31", fyne.TextStyle{}) + 4*theme.Padding()
	presets := MinWidthOf(func() float32 { return widest(names) + theme.IconInlineSize() + 5*theme.Padding() }, p.preset)
	p.Content = HBox(presets, MinWidth(date, p.from), NewLabel("–"), MinWidth(date, p.to))
	return p
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

// Range returns the range shown now: [from, to).
func (p *PeriodPicker) Range() (from, to time.Time) {
	from, errF := time.Parse(time.DateOnly, p.from.Text)
	to, errT := time.Parse(time.DateOnly, p.to.Text)
	if errF != nil || errT != nil {
		return Range(periods[p.preset.SelectedIndex()], p.now())
	}
	return from, to.AddDate(0, 0, 1)
}

func (p *PeriodPicker) picked() {
	id := periods[p.preset.SelectedIndex()]
	if id == "period.custom" {
		return // the user types the dates
	}
	from, to := Range(id, p.now())
	p.from.SetText(from.Format(time.DateOnly))
	p.to.SetText(to.AddDate(0, 0, -1).Format(time.DateOnly))
	if p.changed != nil {
		p.changed(from, to)
	}
}

// typed applies dates the user entered, once both read as dates.
func (p *PeriodPicker) typed() {
	_, errF := time.Parse(time.DateOnly, p.from.Text)
	_, errT := time.Parse(time.DateOnly, p.to.Text)
	if errF != nil || errT != nil {
		return
	}
	p.preset.SetSelectedIndex(len(periods) - 1)
	if p.changed != nil {
		p.changed(p.Range())
	}
}

// SetRange shows the custom range [from, to) and applies it.
func (p *PeriodPicker) SetRange(from, to time.Time) {
	p.from.SetText(from.Format(time.DateOnly))
	p.to.SetText(to.AddDate(0, 0, -1).Format(time.DateOnly))
	p.typed()
}

// SetPreset picks a preset (a period.* ID) and applies its range.
func (p *PeriodPicker) SetPreset(id string) {
	p.preset.SetSelectedIndex(indexOf(periods, id))
}

// widest is the width of the longest of texts.
func widest(texts []string) float32 {
	var w float32
	for _, t := range texts {
		w = max(w, TextWidth(Text(t), fyne.TextStyle{}))
	}
	return w
}
