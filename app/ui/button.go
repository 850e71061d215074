package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewButton is widget.NewButton with its label through Text, so that
// "تصدير إلى CSV" keeps its space and its word order.
func NewButton(label string, tapped func()) *widget.Button {
	return widget.NewButton(Text(label), tapped)
}

// NewButtonWithIcon is widget.NewButtonWithIcon with its label through
// Text.
func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *widget.Button {
	return widget.NewButtonWithIcon(Text(label), icon, tapped)
}
