package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"calltally.app/app/ui"
	"calltally.app/i18n"
)

// newNav is the navigation list: one row per page, icon and name, as wide
// as its longest name in the current language.
func newNav(ids []string, show func(string)) (*widget.List, fyne.CanvasObject) {
	l := widget.NewList(
		func() int { return len(ids) },
		func() fyne.CanvasObject { return ui.HBox(widget.NewIcon(nil), ui.NewLabel("")) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p, _ := pageByID(ids[i])
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(theme.Icon(p.icon))
			ui.SetText(row.Objects[1].(*widget.Label), i18n.T(p.title))
		})
	l.OnSelected = func(i widget.ListItemID) { show(ids[i]) }
	return l, ui.MinWidthOf(func() float32 { return navWidth(ids) }, l)
}

// navWidth is the width of the widest row: icon, name and paddings.
func navWidth(ids []string) float32 {
	var width float32
	for _, id := range ids {
		p, _ := pageByID(id)
		width = max(width, ui.NewLabel(i18n.T(p.title)).MinSize().Width)
	}
	return width + theme.IconInlineSize() + 4*theme.Padding()
}
